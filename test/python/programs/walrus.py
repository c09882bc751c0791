"""`:=` (assignment expressions): in conditions and loops, and in comprehensions, where it binds
in the enclosing function's scope (or the module's)."""
import queue

if (n := 3) > 2:
    print("n is", n)

q = queue.Queue()
for i in range(4):
    q.put(i)
q.put(None)
seen = []
while (item := q.get()) is not None:
    seen.append(item)
print(seen, item)

values = [3, 8, 1, 9, 4]
print([y for x in values if (y := x * 2) > 6], y)
print(any((big := v) > 7 for v in values), big)
print(any([(big := v) > 7 for v in values]), big)


def stats(xs):
    total = 0
    running = [total := total + x for x in xs]
    return running, total


print(stats([1, 2, 3]))


def last_match(xs):
    found = [(last := x) for x in xs if x % 2 == 0]
    return found, last


print(last_match([1, 2, 3, 4, 5]))
print((lambda: (z := 10) + z)())


def counter():
    count = 0

    def bump():
        nonlocal count
        return (count := count + 1)

    bump()
    bump()
    return count


print(counter())
data = {"a": 1}
if (value := data.get("b")) is None:
    print("no b", value)
print([(w := word.upper(), len(w)) for word in ["ab", "cde"]], w)


def unbound():
    try:
        print(m)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    [(m := k) for k in range(2)]
    return m


print(unbound())
