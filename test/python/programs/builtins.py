"""Builtins not covered by the other programs: map, filter, dict, setattr, id, hash, callable,
chr, ord, format, iter, next, object, and `from ... import`."""
from threading import Lock, current_thread
from queue import Queue as Q

print(list(map(lambda x: x * 2, [1, 2, 3])), list(map(max, [1, 5], [4, 2])), list(filter(None, [0, 1, "", "a"])))
print(list(filter(lambda s: s.startswith("a"), ["ab", "b", "ac"])))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 0}, extra=True), dict())


class Box:
    pass


b = Box()
setattr(b, "size", 3)
print(b.size, getattr(b, "size"), getattr(b, "colour", "none"), hasattr(b, "colour"))
o1, o2 = object(), object()
print(id(o1) == id(o1), id(o1) != id(o2), id(b) == id(b), o1 is not o2, o1 == o1)
print(hash(5), hash(-1), hash(True), hash(2.0), hash((1, 2)) == hash((1, 2)), hash("s") == hash("s"))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
print(callable(print), callable(Box), callable(b), callable(lambda: 0), callable(3))
print(chr(65), chr(0x263A), ord("a"), ord("☺"))
print(format(3.14159, ".2f"), format(42, ">6"), format("x", "^5") + "|", format(255, "x"), format(1234567, ","))
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
it2 = iter(range(3))
print(list(it2), list(it2))
print(type(object()).__name__, isinstance(b, object), Lock().locked(), current_thread().name, Q().empty())
