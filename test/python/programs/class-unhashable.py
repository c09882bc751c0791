"""__eq__ without __hash__ makes a class unhashable; a __hash__ of a subclass orders sets as CPython's table does; a bad __hash__."""
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


class Plain:
    pass


print(Point(1, 2) == Point(1, 2), Point(1, 2) in [Point(1, 2)])
for attempt in ["set", "dict", "hash", "in"]:
    try:
        if attempt == "set":
            {Point(1, 2)}
        elif attempt == "dict":
            d = {}
            d[Point(1, 2)] = 1
        elif attempt == "hash":
            hash(Point(1, 2))
        else:
            Point(1, 2) in {1: 2}
    except TypeError as e:
        print(attempt, "TypeError:", e)
a = Plain()
print({a: 1}[a], a in {a}, Plain() in {a}, Point.__hash__)


class Hashy(Point):
    def __hash__(self):
        return self.x


print(len({Hashy(1, 2), Hashy(1, 2), Hashy(1, 3)}))
print({Hashy(5, 0), Hashy(3, 0), Hashy(12, 0), Hashy(1, 0)} == {Hashy(1, 0), Hashy(3, 0), Hashy(5, 0), Hashy(12, 0)})
print([h.x for h in {Hashy(5, 0), Hashy(3, 0), Hashy(12, 0), Hashy(1, 0)}])
h = Hashy(1, 1)
print(hash(h), hash(Hashy(-1, 0)))


class BadHash:
    def __hash__(self):
        return "x"


try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
