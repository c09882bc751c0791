"""A Point with __eq__ and __hash__ as a dict key and set item (threads counting visits), in, get, del, list index/remove/count; tuples of Points as keys."""
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


visits = {}
lock = threading.Lock()


def walk(path):
    for x, y in path:
        p = Point(x, y)
        with lock:
            visits[p] = visits.get(p, 0) + 1


threads = [threading.Thread(target=walk, args=([(0, 0), (1, 2), (3, 4)],)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(visits)
print(len(visits), visits[Point(1, 2)], Point(3, 4) in visits, Point(9, 9) in visits)
print(visits.get(Point(0, 0)), visits.get(Point(5, 5), "none"))
s = {Point(1, 2), Point(1, 2), Point(2, 1), Point(0, 0)}
print(len(s), Point(2, 1) in s, s)
s.add(Point(0, 0))
s.discard(Point(1, 2))
print(sorted(s, key=lambda p: (p.x, p.y)))
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 3), Point(1, 2) == (1, 2))
print(hash(Point(1, 2)) == hash((1, 2)))
print([Point(1, 2), Point(3, 4)].index(Point(3, 4)), Point(3, 4) in [Point(3, 4)])
lst = [Point(1, 1), Point(2, 2), Point(1, 1)]
lst.remove(Point(1, 1))
print(lst, lst.count(Point(1, 1)), [Point(1, 1)] == [Point(1, 1)])
d = {Point(1, 1): "a"}
d[Point(1, 1)] = "b"
print(d, list(d.keys())[0] is not None)
del d[Point(1, 1)]
print(d)
print(set([Point(i % 3, 0) for i in range(10)]) == {Point(0, 0), Point(1, 0), Point(2, 0)})
print(frozenset({Point(1, 1)}) | {Point(1, 1)})
print({p: i for i, p in enumerate([Point(1, 1), Point(1, 1)])})
edges = {(Point(0, 0), Point(1, 1)): "a"}
edges[(Point(0, 0), Point(1, 1))] = "b"
print(edges, (Point(0, 0), Point(1, 1)) in edges, {(Point(1, 2), "x"), (Point(1, 2), "x")})
d1 = {Point(1, 1): "a"}
print(d1 == {Point(1, 1): "a"}, d1 != {Point(1, 1): "b"})
for i in range(3):
    d1[Point(5, 5)] = i
    del d1[Point(5, 5)]
print(len(d1), Point(5, 5) in d1)
d1.clear()
print(Point(1, 1) in d1, d1)
