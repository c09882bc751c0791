"""collections: deque, Counter, defaultdict, OrderedDict and namedtuple print and fail as in CPython."""
import threading
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
import collections

d = deque([1, 2, 3], maxlen=3)
d.append(4)
print(d, d.maxlen, deque(), deque(maxlen=2), len(d), 3 in d, 9 in d, bool(deque()))
d.appendleft(0)
print(d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.extendleft([7, 8])
print(d, d[0], d[-1], list(reversed(d)), [x * 2 for x in d])
d[1] = 70
print(d, d.count(70), d.index(8), d == deque([8, 70, 2]), d == [8, 70, 2])
e = deque("abc")
e.extend("de")
print(e, e.pop(), e.popleft(), e)
e.remove("c")
e.insert(1, "z")
print(e, e.copy(), type(e), isinstance(e, deque))
e.clear()
print(e, bool(e))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: d[10], lambda: d[1:2], lambda: deque([1], maxlen=1).insert(0, 2), lambda: d.index(99)):
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)

c = Counter("abracadabra")
print(c, c["z"], "z" in c, c.most_common(2), Counter(), Counter({"x": 0}), Counter(a=2, b=5))
c.update(["a", "z"])
c.update({"q": 3})
print(c)
c.subtract("aa")
print(c, c.total(), sorted(c.elements())[:5], type(c), type(c).__name__, isinstance(c, dict))
print(Counter(a=3, b=1) + Counter(a=1, b=2, c=-1), Counter(a=3) - Counter(a=5, b=-2), Counter(a=1) | Counter(a=3, b=1), Counter(a=2, b=1) & Counter(a=1))
words = "the cat and the hat and the bat".split()
tally = Counter()
for w in words:
    tally[w] += 1
print(tally, tally.most_common(1), dict(tally), list(tally), tally.get("dog"), len(tally))

dd = defaultdict(list)
dd["a"].append(1)
dd["b"].append(2)
dd["a"].append(3)
print(dd, defaultdict(int), defaultdict(None, {1: 2}), dd.default_factory, dd.get("zz"), "zz" in dd, len(dd))
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(counts, sorted(counts.items()), dict(counts))
try:
    defaultdict(None)["x"]
except KeyError as exc:
    print("KeyError", repr(exc))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"], dict(nested["x"]), dd.copy())

o = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
o.move_to_end("a")
print(o, OrderedDict())
o.move_to_end("c", last=False)
print(o, o.popitem(), o.popitem(last=False), o)

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, tuple(p), p == (1, 2), Point._make([3, 4]))
Job = namedtuple("Job", "priority name retries", defaults=[0])
print(Job(1, "build"), Job(2, "test", 3), sorted([Job(2, "b"), Job(1, "a")]))
x, y = p
print(x, y, Point, type(p).__name__, isinstance(p, tuple), p.count(1), p.index(2), hash(p) == hash((1, 2)), {p: "found"}[(1, 2)])
try:
    Point(1)
except TypeError as exc:
    print(exc)


def worker(q, n):
    for i in range(n):
        q.append(i)


q = deque()
ts = [threading.Thread(target=worker, args=(q, 100)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(q), sum(q), collections.Counter(q)[99])
for bad in (lambda: deque().foo, lambda: {deque(): 1}, lambda: defaultdict().bar, lambda: OrderedDict().baz, lambda: Counter().qux, lambda: hash(defaultdict(int))):
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)
print(type(deque()).__name__, type(defaultdict()).__name__, type(OrderedDict()), type(Counter()))
