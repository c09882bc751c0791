# A KeyError whose key's __repr__ raises is still a KeyError (CPython makes its message only
# when it is shown, and shows <exception str() failed> then).
import threading
class Key:
    def __init__(self, name): self.name = name
    def __hash__(self): return hash(self.name)
    def __eq__(self, other): return isinstance(other, Key) and self.name == other.name
    def __repr__(self): raise ValueError(f"no repr for {self.name}")
d = {Key("a"): 1}
s = {Key("a")}
for what, f in (("d[k]", lambda: d[Key("b")]), ("d.pop(k)", lambda: d.pop(Key("b"))), ("s.remove(k)", lambda: s.remove(Key("b")))):
    try:
        f()
    except KeyError as e:
        print(what, "raised KeyError with", len(e.args), "argument", e.args[0].name)
        try:
            print(str(e))
        except ValueError as v:
            print("str(e) raised ValueError:", v)
try:
    del d[Key("c")]
except KeyError as e:
    print("del d[k] raised KeyError", e.args[0].name)
print(d[Key("a")])
def work():
    d[Key("t")]
t = threading.Thread(target=work)
t.start()
t.join()
d[Key("m")]
