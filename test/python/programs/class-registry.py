"""A Registry with an RLock and __getitem__/__setitem__/__contains__/__len__/__iter__/__call__/__getattr__; an abstract Shape whose subclasses use super().__str__()."""
import threading


class Meta:
    count = 0

    def __init__(self):
        Meta.count += 1
        self.id = Meta.count

    def __repr__(self):
        return f"<Meta {self.id}>"


class Registry:
    def __init__(self):
        self._items = {}
        self._lock = threading.RLock()

    def __getitem__(self, key):
        with self._lock:
            return self._items[key]

    def __setitem__(self, key, value):
        with self._lock:
            self._items[key] = value

    def __contains__(self, key):
        return key in self._items

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __call__(self, key, default=None):
        return self._items.get(key, default)

    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: self._items.get(name[4:])
        raise AttributeError(name)


r = Registry()


def register(i):
    r[f"k{i}"] = Meta()


ts = [threading.Thread(target=register, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(r), sorted(r), "k1" in r, r["k0"].id > 0, r("nope", "dflt"), r.get_k2() is r["k2"])
try:
    r.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    r["zz"]
except KeyError as e:
    print("KeyError:", e)


class Shape:
    def area(self):
        raise NotImplementedError

    def __str__(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

    def __str__(self):
        return "round " + super().__str__()


for sh in [Square(2), Circle(1)]:
    print(sh)
try:
    Shape().area()
except NotImplementedError:
    print("abstract")
print(isinstance(Square(1), Shape), issubclass(Circle, Square), Square.__name__, Square(1).__class__.__name__)
print(Square.__mro__ if False else [c.__name__ for c in [Square, Shape]])
