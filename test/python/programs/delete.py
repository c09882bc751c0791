"""`del`: names (module, local, global, nonlocal), list and dict items and slices, attributes,
tuples of targets, and CPython's errors after a deletion."""
import threading

x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
try:
    del never_bound
except NameError as e:
    print("NameError:", e)


def local():
    y = 2
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


print(local())


def local_twice():
    z = 1
    del z
    del z


try:
    local_twice()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

counter = 5


def drop_global():
    global counter
    del counter


drop_global()
print("counter" in globals() if False else "dropped")
try:
    drop_global()
except NameError as e:
    print("NameError:", e)


def outer():
    v = 1

    def inner():
        nonlocal v
        del v

    def read():
        return v

    inner()
    try:
        read()
    except NameError as e:
        print("NameError:", e)
    try:
        print(v)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


outer()

items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
del items[0]
del items[-1]
print(items)
del items[1:3]
print(items)
del items[::2]
print(items)
del items[-2:]
print(items)
for bad in (10, -10):
    try:
        del items[bad]
    except IndexError as e:
        print("IndexError:", e)
try:
    del items["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    items[7] = 0
except IndexError as e:
    print("IndexError:", e)

d = {"a": 1, "b": 2, (1, 2): 3}
del d["a"], d[1, 2]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    del d[[1]]
except TypeError as e:
    print("TypeError:", e)

t = (1, 2)
for target in (t, "ab", range(3)):
    try:
        del target[0]
    except TypeError as e:
        print("TypeError:", e)


class Box:
    kind = "box"

    def __init__(self):
        self.size = 3
        self.colour = "red"

    @property
    def area(self):
        return self.size * self.size


b = Box()
del b.size
print(hasattr(b, "size"), b.colour, b.kind)
try:
    del b.size
except AttributeError as e:
    print("AttributeError:", e)
try:
    del b.area
except AttributeError as e:
    print("AttributeError:", e)
del Box.kind
try:
    print(b.kind)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Box.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del int.real
except TypeError as e:
    print("TypeError:", e)
lock = threading.Lock()
del lock
a, b2, c = 1, [1, 2], {"k": 0}
del a, b2[0], c["k"]
print(b2, c)


class Store:
    def __init__(self):
        self.data = {}

    def __setitem__(self, k, v):
        self.data[k] = v

    def __delitem__(self, k):
        print("deleting", k)
        del self.data[k]


s = Store()
s["x"] = 1
del s["x"]
print(s.data)

data = threading.local()
data.x = 1
del data.x
print(hasattr(data, "x"))
try:
    del data.x
except AttributeError as e:
    print("AttributeError:", e)

# A trailing comma after the targets is allowed (not a tuple).
trail = [1, 2, 3, 4]
del trail[0],
del trail[0], trail[-1],  # two targets
print(trail)
