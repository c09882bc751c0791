"""A Grid iterated through __getitem__ (the sequence protocol), `in` over __iter__ alone, a class attribute counted through type(self), a property without a setter, __setattr__ with super().__setattr__, __slots__, a Thread subclass with __repr__."""
import threading


class Grid:
    def __init__(self, n):
        self.cells = [0] * n

    def __getitem__(self, i):
        return self.cells[i]

    def __len__(self):
        return len(self.cells)


g = Grid(3)
print(list(g), 0 in g, bool(Grid(0)), [x for x in g])


class Bag:
    def __init__(self):
        self.items = []

    def __iter__(self):
        return iter(self.items)


b = Bag()
b.items.append(4)
print(4 in b, 5 in b)


class Sensor:
    _count = 0

    def __init__(self, name):
        type(self)._count += 1
        self.name = name

    @property
    def label(self):
        return self.name.upper()

    @classmethod
    def count(cls):
        return cls._count


s = Sensor("t1")
Sensor("t2")
print(Sensor.count(), s.count(), s.label)
try:
    s.label = "x"
except AttributeError as e:
    print("AttributeError:", e)


class Logged:
    def __init__(self):
        self.log = []
        self.value = 0

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)


lg = Logged()
lg.value = 5
lg.other = 1
print(lg.log, lg.value, lg.other)


class Strict:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 1


print(Strict().x)


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"worker-{n}")
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * 2

    def __repr__(self):
        return f"Worker({self.n})"


ws = [Worker(i) for i in range(3)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print(ws, [w.result for w in ws], sorted(ws, key=lambda w: -w.n))
