"""A context manager class around a lock: __enter__/__exit__, an exception suppressed by __exit__, one that escapes, threads using it."""
import threading


class Resource:
    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.log = []

    def __enter__(self):
        self.lock.acquire()
        self.log.append("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {exc_type.__name__ if exc_type else None}")
        self.lock.release()
        return exc_type is KeyError


r = Resource("db")
with r as res:
    print(res is r, r.lock.locked())
with r:
    raise KeyError("suppressed")
try:
    with r:
        raise ValueError("escapes")
except ValueError as e:
    print("caught", e)
print(r.log, r.lock.locked())


def use(n):
    for _ in range(3):
        with r:
            r.log.append(n)


ts = [threading.Thread(target=use, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(r.log), r.lock.locked())
