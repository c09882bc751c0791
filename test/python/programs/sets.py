"""Sets and frozensets: literals, comprehensions, set(), frozenset(), the methods and operators,
in CPython's iteration order for ints, bools, floats and tuples, and for strings as CPython
orders them under PYTHONHASHSEED=0 (the test runs python3 so)."""
import threading

print({3, 1, 2}, {10, 1, 100, 1000, 7, 8, 9}, {-1, -2, 0}, {8, 16, 0}, {2**40, 5, 2**50 + 3})
print({x * 7 for x in range(12)}, {x % 5 for x in range(-20, 20, 3)}, set(), frozenset())
print({1.5, 2.0, 2, True, 1, 0, False}, {(1, 2), (2, 1), (0,), ()}, None in {None, 1, 2})
s = set(range(20))
print(s)
s.discard(5)
s.add(105)
s.add(5)
print(s, len(s), 5 in s, 50 in s, 50 not in s)
print(set([33, 1, 65, 97]), set((x * 32 for x in range(6))), frozenset([9, 17, 1]))
for i in range(6):
    s.pop()
print(s)
t = {1, 2, 3, 4, 40, 41, 42}
u = {3, 4, 5, 6, 40, 72, 104}
print(t | u, t & u, t - u, t ^ u)
print(u | t, u & t, u - t, u ^ t)
print(t.union(u, [200, 8]), t.intersection(u, range(41)), t.difference(u, [1]), t.symmetric_difference([2, 99, 3]))
print(t.issubset(u), {3, 4} <= t, {3, 4} < t, t < t, t <= t, t > {1}, t >= u, t.issuperset([1, 2]), t.isdisjoint(u), t.isdisjoint({0}))
print(t == {42, 41, 40, 4, 3, 2, 1}, t != u, frozenset({1, 2}) == {2, 1}, {1} == [1])
v = set(t)
v |= {7, 15}
print(v)
v &= {1, 2, 7, 15, 99}
print(v)
v -= {2}
print(v)
v ^= {1, 64}
print(v)
w = {0, 1, 2, 3}
w.update([4, 5], {6})
w.intersection_update({1, 2, 3, 4, 5, 6, 7})
w.difference_update([2])
w.symmetric_difference_update({3, 100})
print(w, w.copy(), frozenset(w) | {0})
w.remove(4)
try:
    w.remove(4)
except KeyError as e:
    print("KeyError:", e)
w.clear()
print(w, bool(w), bool({0}))
try:
    w.pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
fz = frozenset({1, 2})
d = {fz: "pair", frozenset(): "empty"}
print(d[frozenset([2, 1])], d[frozenset()], hash(fz) == hash(frozenset([1, 2])), {fz, frozenset({2, 1})})
print(hash(frozenset({1, 2, 3})) // 10**6, hash(frozenset()), hash(frozenset({(1, 2), 3.5})) // 10**6)
names = {"b", "a", "c"} | {"d"}
print(sorted(names), sorted({w.upper() for w in ["x", "y", "x"]}), "a" in names)
print(names, {w.upper() for w in ["x", "y", "x", "zz", "é", "☺", "😀"]}, {("k", 1), ("k", 2), "k"}, hash("") == 0)
print(type(names).__name__, type(fz).__name__, isinstance(names, set), repr({1}), str(frozenset([3])))
big = {i * i for i in range(40)}
big -= set(range(0, 1600, 2))
print(big)
mixed = set()
for k in [17, 1, 33, 9, 25, 41]:
    mixed.add(k)
    mixed.discard(k - 16)
print(mixed)

seen = set()
# Constant set literals whose items collide: CPython folds them into a frozenset constant and
# rebuilds it once more when merging constants, which moves colliding items again.
print({5, 13, 21}, {-3, -11, -19}, {1, 9, 17, 25, 33})
print({(1, 2), (3, 4), (5, 6), (7, 8)})
print({0.1, 0.2, 0.30000000000000004, 0.3})
# Folded arithmetic is a constant too; a name is not.
print({2**3, 13, 21}, {-(2**3), 13, 21, 5}, {'a' + 'b', 'c', 'd', 'e'})
five = 5
print({five, 13, 21})


lock = threading.Lock()


def visit(n):
    for i in range(n):
        with lock:
            seen.add(i % 4)


threads = [threading.Thread(target=visit, args=(k,)) for k in (3, 6)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(seen, len(seen))
