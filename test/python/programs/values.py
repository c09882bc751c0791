"""Values and their printing: int vs float, str/repr, tuples, lists, dicts, None, bools."""
print(1, 2.0, 7 / 2, 7 // 2, -7 // 2, -7 % 3, 2 ** 10, 2 ** -1, 1e-7, 1e22, 0.1 + 0.2, 1e-6, 1e16, 1e15, -0.0, 1/3)
print("a", 'it\'s', repr("it's"), repr('say "hi"'), repr("tab\there"))
print((0, 'urgent'), (1,), (), [1, [2, 3]], {'k': None, 2: (True, False)})
print(str(3.0), int("42"), int(3.9), float("2.5"), float(2), bool(0), bool([1]), abs(-2.5))
print(round(2.5), round(3.5), round(2.675, 2), divmod(7, 2), min(3, 1, 2), max([4, 9, 1]), sum([1, 2, 3]))
print(len("abc"), len([1, 2]), len({'a': 1}), list(range(3)), list(range(5, 0, -2)), tuple([1, 2]))
print(sorted([3, 1, 2]), sorted(["b", "a"], reverse=True), list(reversed([1, 2, 3])), sorted([(2, 'b'), (1, 'z')]))
print(list(enumerate("ab", start=1)), list(zip([1, 2], "xy")), any([0, 1]), all([1, 0]), isinstance(True, int))
print("-".join(["a", "b"]), "a b  c".split(), "x,y".split(","), " pad ".strip(), "Ab".upper(), "Ab".lower())
print("abc".startswith("a"), "abc".endswith("bc"), "abc".replace("b", "B"), "abc".find("c"), "%d%%" % 5)
print([x * x for x in range(5) if x % 2 == 0], {k: v for k, v in [("a", 1), ("b", 2)]})
d = {"a": 1}
d["b"] = 2
print(d.get("a"), d.get("z"), d.get("z", 0), list(d.keys()), list(d.values()), list(d.items()), "a" in d)
xs = [3, 1]
xs.append(2)
xs.extend([5])
xs.sort()
print(xs, xs.pop(), xs.pop(0), xs, xs.index(2), [1, 2, 1].count(1))
a, *rest = [1, 2, 3]
(b, c), e = (4, 5), 6
print(a, rest, b, c, e, xs[-1], [1, 2, 3][1:], "hello"[::-1], (1, 2, 3)[:2])
print(f"{3.14159:.2f}|{42:>5}|{'x':<3}|{7:03d}|{1234567:,}|{0.5:%}|{'r'!r}|{10:x}")
print("{} {name} {}".format("p", "q", name="n"), "{0}{1}{0}".format("a", "b"), "%s/%r/%5.1f/%-4d|" % ("s", "r", 2.25, 7), "%(a)s" % {"a": 1})
print(None, True and 0, False or "x", not None, 1 < 2 < 3, 1 == 1.0, "a" * 3, [0] * 2, 3 if 0 else 4)
try:
    int.limit = 3
except TypeError as e:
    print("TypeError:", e)
