"""CPython 3.11 runs of the scenarios test/models/*.test.ts expect.

Run: python3 test/models/cpython/scenarios.py
Each line is `scenario: result`; the model tests assert the same results for the threadsim
version of each scenario. The scenarios order threads with sleeps of 10 ms or more, so they
are deterministic on an idle machine.
"""
import concurrent.futures as cf
import queue
import threading
import time


def show(name, value):
    print(f"{name}: {value}")


def condition_notify_n():
    c = threading.Condition()
    woke = []

    def w(n):
        with c:
            c.wait()
            woke.append(n)

    ts = [threading.Thread(target=w, args=(n,)) for n in "abc"]
    for t in ts:
        t.start()
        time.sleep(0.01)
    with c:
        c.notify(2)
    time.sleep(0.1)
    first = "".join(sorted(woke))
    with c:
        c.notify_all()
    for t in ts:
        t.join()
    show("condition.test notify(n)", f"after notify(2): {first}, after notify_all: {len(woke)}")


def condition_spent_notify():
    c = threading.Condition()
    out = []

    def w(name, timeout):
        with c:
            out.append(f"{name} {c.wait(timeout)}")

    a = threading.Thread(target=w, args=("a", 0.05))
    b = threading.Thread(target=w, args=("b", 1))
    a.start()
    time.sleep(0.01)
    b.start()
    time.sleep(0.01)
    with c:
        time.sleep(0.1)
        c.notify()
    time.sleep(0.1)
    first = ", ".join(out)
    with c:
        c.notify()
    a.join()
    b.join()
    show("condition.test spent notify", f"after first notify: {first}; final: {', '.join(out)}")


def condition_rlock_count():
    r = threading.RLock()
    c = threading.Condition(r)
    r.acquire()
    r.acquire()
    got = []

    def probe():
        time.sleep(0.01)
        got.append(r.acquire(False))
        r.release()

    t = threading.Thread(target=probe)
    t.start()
    w = c.wait(0.1)
    r.release()
    r.release()
    try:
        r.release()
        third = "no error"
    except RuntimeError as e:
        third = str(e)
    t.join()
    show("condition.test RLock count", f"probe {got[0]}, wait {w}, third release: {third}")


def semaphore_release_n():
    s = threading.Semaphore(0)
    out = []

    def w(x):
        s.acquire()
        out.append(x)

    ts = [threading.Thread(target=w, args=(x,)) for x in "abc"]
    for t in ts:
        t.start()
        time.sleep(0.01)
    s.release(2)
    time.sleep(0.1)
    first = "".join(sorted(out))
    s.release()
    for t in ts:
        t.join()
    show("semaphore.test release(2)", f"{first} {len(out)}")


def event_set_clear():
    e = threading.Event()
    got = []
    t = threading.Thread(target=lambda: got.append(e.wait(1)))
    t.start()
    time.sleep(0.05)
    e.set()
    e.clear()
    t.join()
    show("event.test set;clear", f"waiter got {got[0]}, flag {e.is_set()}")


def barrier_cases():
    def rnd(b, n, between=None):
        out = []

        def w(i):
            try:
                out.append(f"{i} {b.wait()}")
            except Exception as ex:
                out.append(f"{i} {type(ex).__module__}.{type(ex).__name__}".replace("builtins.", ""))

        ts = [threading.Thread(target=w, args=(i,)) for i in range(n)]
        for t in ts:
            t.start()
            time.sleep(0.02)
        if between:
            between()
        for t in ts:
            t.join()
        return ",".join(sorted(out))

    who = []
    b = threading.Barrier(3, action=lambda: who.append(threading.current_thread().name))
    show("barrier.test indices and action", f"{rnd(b, 3)} | {who}")
    b = threading.Barrier(2, timeout=0.05)
    show("barrier.test timeout", f"{rnd(b, 1)} | {b.broken} | {rnd(b, 1)}")
    b = threading.Barrier(3)
    show("barrier.test abort", f"{rnd(b, 2, b.abort)} | {b.broken}")
    b = threading.Barrier(2)
    waiting = []
    r = rnd(b, 1, lambda: (waiting.append(b.n_waiting), b.reset()))
    show("barrier.test reset", f"{waiting[0]} | {r} | {b.broken} | {rnd(b, 2)}")

    def boom():
        raise RuntimeError("boom")

    b = threading.Barrier(2, action=boom)
    show("barrier.test action raises", f"{rnd(b, 2)} | {b.broken}")


def queue_cases():
    lq = queue.LifoQueue()
    for i in (1, 2, 3):
        lq.put(i)
    pq = queue.PriorityQueue()
    for x in [(1, "b"), (1, "a"), (0, "z")]:
        pq.put(x)
    q = queue.Queue(2)
    q.put(1)
    q.put(2)
    show("lifo/priority/queue orders", f"{[lq.get() for _ in range(3)]} {[pq.get() for _ in range(3)]} {q.qsize(), q.empty(), q.full()}")


def thread_cases():
    seen = []

    def child():
        seen.append(threading.current_thread().daemon)

    def parent():
        t = threading.Thread(target=child)
        t.start()
        t.join()

    p = threading.Thread(target=parent, daemon=True)
    p.start()
    p.join()
    names = [threading.Thread(target=child).name, threading.Thread(name="x").name, threading.Thread().name, repr(threading.Timer(1, print))]
    show("thread.test names (counter continues)", f"child daemon {seen[0]} | {names}")


def executor_cases():
    a = cf.ThreadPoolExecutor(1, thread_name_prefix="p")
    b = cf.ThreadPoolExecutor(1)
    name = lambda: threading.current_thread().name  # noqa: E731
    show("executor.test prefix", f"{a.submit(name).result()} {b.submit(name).result()}")
    a.shutdown()
    b.shutdown()

    def slow(x):
        time.sleep(0.1)
        return x

    ex = cf.ThreadPoolExecutor(1)
    fs = [ex.submit(slow, i) for i in range(3)]
    time.sleep(0.01)
    ex.shutdown(wait=True, cancel_futures=True)
    show("executor.test cancel_futures", " ".join(f"{f.cancelled()}/{f.done()}" for f in fs))
    ex = cf.ThreadPoolExecutor(1)
    out = []
    try:
        for r in ex.map(slow, [1, 2, 3], timeout=0.15):
            out.append(str(r))
    except TimeoutError:
        out.append("TimeoutError")
    ex.shutdown()
    show("executor.test map timeout", ",".join(out))


def local_cases():
    class L(threading.local):
        def __init__(self):
            self.n = 0

    m = L()
    m.n += 5
    seen = []

    def other():
        seen.append(f"other sees {m.n}")
        m.n = 7
        seen.append(f"other set {m.n}")

    t = threading.Thread(target=other)
    t.start()
    t.join()
    show("local.test", f"{', '.join(seen)}, main {m.n}")


for scenario in [condition_notify_n, condition_spent_notify, condition_rlock_count, semaphore_release_n, event_set_clear, barrier_cases, queue_cases, thread_cases, executor_cases, local_cases]:
    scenario()
