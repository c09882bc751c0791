"""Statements: if/elif/else, while/for with else, break/continue, try/except/else/finally, raise, with, global/nonlocal."""
total = 0
for i in range(10):
    if i == 2:
        continue
    if i > 6:
        break
    total += i
else:
    print("not reached")
print("total", total)
n = 3
while n > 0:
    n -= 1
else:
    print("while else", n)


def risky(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * 2


for v in (1, -1):
    try:
        r = risky(v)
    except ValueError as e:
        print("caught", e, type(e).__name__, e.args)
    else:
        print("ok", r)
    finally:
        print("finally", v)


def finally_return():
    try:
        return "from try"
    finally:
        print("cleanup runs first")


print(finally_return())
try:
    try:
        {}["missing"]
    except KeyError as e:
        print("KeyError", e)
        raise
except LookupError as e:
    print("re-raised as LookupError", repr(e))
try:
    [][1]
except (KeyError, IndexError) as e:
    print("tuple of classes", e)
counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print("counter", counter)


def outer():
    count = 0

    def inner():
        nonlocal count
        count += 1
        return count

    inner()
    return inner()


print("nonlocal", outer())


class Managed:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None)
        return True


with Managed() as m:
    print("inside", type(m).__name__)
    raise RuntimeError("swallowed")
print("after with")


class Named:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.swallow


def leave_by_return():
    with Named("r") as n:
        return "returned " + n
    print("not reached")


print(leave_by_return())
for i in range(3):
    with Named("loop%d" % i), Named("inner%d" % i):
        if i == 0:
            continue
        if i == 1:
            break
print("loop left at", i)
try:
    with Named("outer", swallow=False), Named("keeps", swallow=False):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with Named("swallows", swallow=True), Named("passes"):
    raise ValueError("v")
print("swallowed by the outer manager")
assert total == 19, "total is wrong"
