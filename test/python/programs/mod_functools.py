"""functools: partial (a thread target), wraps in a synchronized decorator, reduce, lru_cache."""
import functools
import threading
from functools import lru_cache, partial, reduce, wraps

lock = threading.Lock()


def synchronized(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        with lock:
            return fn(*args, **kwargs)

    return wrapper


total = 0


@synchronized
def add(n):
    global total
    total += n


def work(label, times, step=1):
    for _ in range(times):
        add(step)


p = partial(work, "w", step=2)
print(p.args, p.keywords, p.func.__name__, add.__name__, add.__qualname__)
threads = [threading.Thread(target=p, args=(5,)) for _ in range(3)]
threads.append(threading.Thread(target=add, args=(100,)))
print([t.name for t in threads][2:])
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10), reduce(lambda a, b: a + b, (x for x in range(5))))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.cache
def square(n):
    print("computing", n)
    return n * n


print(fib(30), fib.cache_info(), square(3), square(3), square(4))
fib.cache_clear()
print(fib.cache_info())
print(repr(partial(print, 1, sep="-")), partial(max, 3)(1, 2), partial(int, base=2)("101"))


@functools.total_ordering
class Job:
    def __init__(self, priority):
        self.priority = priority

    def __eq__(self, other):
        return self.priority == other.priority

    def __lt__(self, other):
        return self.priority < other.priority

    def __repr__(self):
        return f"Job({self.priority})"


a, b = Job(1), Job(2)
print(a < b, a > b, a <= b, a >= b, a <= Job(1), a >= Job(1), sorted([b, a]), max(a, b))


@functools.total_ordering
class Grade:
    def __init__(self, p):
        self.p = p

    def __gt__(self, other):
        return self.p > other.p


print(Grade(1) < Grade(2), Grade(1) >= Grade(2), Grade(2) <= Grade(2))


class Plain:
    pass


try:
    functools.total_ordering(Plain)
except ValueError as e:
    print(e)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda x, y: y - x)))
