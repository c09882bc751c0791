"""A Temperature with __lt__, __eq__, __hash__, __add__/__radd__, __bool__ and a property setter: sorted/min/max/sum, set and dict use (setdefault, pop, fromkeys, set operators, remove), threads grouping readings by value."""
import threading


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    def __lt__(self, o):
        return self._c < o._c

    def __eq__(self, o):
        return self._c == o._c

    def __hash__(self):
        return hash(self._c)

    def __repr__(self):
        return f"{self._c}C"

    def __add__(self, o):
        if isinstance(o, Temperature):
            return Temperature(self._c + o._c)
        return Temperature(self._c + o)

    __radd__ = __add__

    def __bool__(self):
        return self._c != 0


readings = [Temperature(t) for t in [21, 19, 25, 19, 0]]
print(sorted(readings), min(readings), max(readings), sorted(set(readings)))
print(sum(readings), sum(readings, Temperature(100)), [bool(r) for r in readings])
print(readings.count(Temperature(19)), readings.index(Temperature(25)), Temperature(0) in readings)
print({r: r.fahrenheit for r in readings})
totals = {}
lock = threading.Lock()


def record(name, temp):
    with lock:
        totals.setdefault(temp, []).append(name)


ts = [threading.Thread(target=record, args=(n, Temperature(t))) for n, t in [("a", 20), ("b", 21), ("c", 20)]]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(totals.items()))
print(totals.pop(Temperature(21)), totals)
print(list(dict.fromkeys([Temperature(1), Temperature(1), Temperature(2)])))
x = Temperature(5)
x.celsius = 7
print(x, x.fahrenheit, x.celsius)
s = set()
s.add(Temperature(3))
s |= {Temperature(3), Temperature(4)}
print(sorted(s), s == {Temperature(4), Temperature(3)}, {Temperature(3)} <= s, s - {Temperature(3)})
s.remove(Temperature(4))
print(s)
try:
    s.remove(Temperature(9))
except KeyError as e:
    print("KeyError:", e)
