"""Generator expressions and generator functions: lazy evaluation (a consumer that stops early
leaves the rest unevaluated), send/throw/close, yield from, return values, and CPython's errors."""
import threading


def noisy(x):
    print("eval", x)
    return x


print(sum(noisy(x) for x in [1, 2, 3]))
print(any(noisy(x) > 1 for x in [1, 2, 3, 4]))
print(all(noisy(x) < 2 for x in [1, 2, 3, 4]))
g = (noisy(x) * 10 for x in range(5))
print("made")
print(next(g), next(g))
for v in g:
    print("loop", v)
    if v >= 30:
        break
print(list(g), list(g))
print(next(g, "done"))
print(list(zip((noisy(x) for x in "ab"), [1, 2, 3])))
print(3 in (noisy(x) for x in [1, 3, 5]))
print(max(x * x for x in [-3, 2]), min((x for x in [4, 1, 9]), default=0), sorted(x % 3 for x in range(6)))
print(", ".join(str(x) for x in range(3)), tuple(x for x in "hi"), dict((k, len(k)) for k in ["a", "bb"]))
print([list(enumerate(x for x in "xy"))], list(map(lambda v: v + 1, (x for x in [1, 2]))))
print(list(filter(None, (x % 2 for x in range(5)))))
nested = [[1, 2], [3], []]
print(list(x * y for row in nested for x in row for y in (noisy(1), 2) if x != 2))
try:
    list(1 // x for x in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
print(type(g).__name__, iter(g) is g)


def countdown(n):
    print("start", n)
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


c = countdown(3)
print("created")
print(list(c))
c = countdown(2)
print(next(c), next(c))
try:
    next(c)
except StopIteration as e:
    print("StopIteration", e.value)


def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closing with", received)
        raise


e = echo()
print(next(e), e.send("a"), e.send("b"))
e.close()
e.close()
try:
    echo().send(1)
except TypeError as err:
    print("TypeError:", err)


def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as err:
            print("caught", err)
            yield "handled"


k = catcher()
print(next(k), k.throw(ValueError("bad")), next(k))
try:
    k.throw(KeyError)
except KeyError:
    print("KeyError passed through")
print(next(k, "exhausted"))


def inner():
    got = yield 1
    print("inner got", got)
    yield 2
    return "inner result"


def outer():
    result = yield from inner()
    print("outer got", result)
    yield from [10, 20]
    yield from (x * 2 for x in range(2))


o = outer()
print(next(o), o.send("hello"), list(o))


def bad():
    yield 1
    raise StopIteration


try:
    list(bad())
except RuntimeError as err:
    print("RuntimeError:", err)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print([x for _, x in zip(range(8), fib())])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Pair:
    def __iter__(self):
        yield "left"
        yield "right"


print(list(Countdown(3)), [p for p in Pair()], "right" in Pair(), sum(Countdown(4)))
for i in Countdown(2):
    print("countdown", i)

results = []
lock = threading.Lock()


def worker(name):
    with lock:
        results.append(sum(i for i in range(name)))


threads = [threading.Thread(target=worker, args=(n,)) for n in (3, 4)]
for t in threads:
    t.start()
while any(t.is_alive() for t in threads):
    for t in threads:
        t.join()
print(sorted(results))

glock = threading.Lock()
items = [1, 2, 3, 4]


def locked_items():
    with glock:
        try:
            for x in items:
                yield x
        finally:
            print("generator closed")


def first_even():
    for x in locked_items():
        if x % 2 == 0:
            return x


for x in locked_items():
    if x == 2:
        break
print("after break, locked:", glock.locked())
print(first_even(), glock.locked())
try:
    for x in locked_items():
        raise ValueError(x)
except ValueError as e:
    print("ValueError", e, glock.locked())
for x in locked_items():
    pass
else:
    print("exhausted", glock.locked())
g = locked_items()
for x in g:
    break
print("named generator still open:", glock.locked())
g.close()
print(glock.locked())
t = threading.Thread(target=lambda: print(sum(x for x in locked_items())))
t.start()
t.join()


def fib_noisy():
    a, b = 0, 1
    while True:
        print("yield", a)
        yield a
        a, b = b, a + b


try:
    x, y = fib_noisy()
except ValueError as e:
    print("ValueError:", e)
x, y, z = (n for n in range(3))
print(x, y, z)
try:
    p, q = (n for n in range(1))
except ValueError as e:
    print("ValueError:", e)
