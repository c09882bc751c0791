"""Errors from a class's dunders inside a dict or list operation reach the program; a __hash__ returning a float; a tuple holding a list is unhashable."""
class Boom:
    def __eq__(self, o):
        raise ValueError("no compare")
    def __hash__(self):
        return 1
d = {Boom(): 1}
try:
    d[Boom()]
except ValueError as e:
    print("ValueError:", e)
try:
    Boom() in [Boom()]
except ValueError as e:
    print("ValueError:", e)
class F:
    def __hash__(self):
        return 1.5
try:
    {F()}
except TypeError as e:
    print("TypeError:", e)
print(len(d), [1, 2] == [1, 2], (1, [2]) == (1, [2]))
try:
    {(1, [2]): 1}
except TypeError as e:
    print("TypeError:", e)
