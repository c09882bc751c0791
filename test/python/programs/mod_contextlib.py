"""contextlib: contextmanager over a generator (a locked() helper used by threads), suppress, nullcontext, closing."""
import threading
from contextlib import closing, contextmanager, nullcontext, suppress

lock = threading.Lock()
log = []


@contextmanager
def locked(name):
    lock.acquire()
    log.append("enter " + name)
    try:
        yield name.upper()
    finally:
        log.append("exit " + name)
        lock.release()


total = 0


def work(name):
    global total
    for _ in range(3):
        with locked(name) as tag:
            total += 1
            assert tag == name.upper()


ts = [threading.Thread(target=work, args=(n,)) for n in ("a", "b")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total, len(log), lock.locked())


@contextmanager
def tracing():
    print("start")
    try:
        yield
    except KeyError as e:
        print("handled", repr(e))
    print("end")


with tracing():
    {}["missing"]
print("after the suppressed KeyError")
try:
    with tracing():
        raise ValueError("passes through")
except ValueError as e:
    print("caught", e)
try:
    with locked("c"):
        raise RuntimeError("inside")
except RuntimeError as e:
    print("caught", e, lock.locked(), log[-1])

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
with nullcontext(42) as x:
    print(x)


class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as r:
    print(type(r).__name__)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)
