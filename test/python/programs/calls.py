"""Misused calls raise CPython's TypeError, worded as CPython words it for what implements the
callee: a Python function or method of threading.py, queue.py or concurrent.futures (self
counted), or a C function (_thread's locks, time), whose argument parser words it otherwise."""
import concurrent.futures
import queue
import threading
import time


def attempt(label, f):
    try:
        f()
    except (TypeError, ValueError, KeyError) as e:
        print(label, type(e).__name__ + ":", e)


lock = threading.Lock()
rlock = threading.RLock()
attempt("Thread keyword", lambda: threading.Thread(targt=print))
attempt("Thread positional", lambda: threading.Thread(None, print, "n", (), None, None, 1))
attempt("Lock()", lambda: threading.Lock(1))
attempt("lock.acquire", lambda: lock.acquire(True, 1, 2))
attempt("lock.acquire keyword", lambda: lock.acquire(blocking=True, x=1))
attempt("lock.release", lambda: lock.release(1))
attempt("lock.locked", lambda: lock.locked(1))
attempt("RLock.acquire", lambda: rlock.acquire(1, 2, 3))
attempt("RLock.acquire keyword", lambda: rlock.acquire(x=1))
attempt("RLock.release", lambda: rlock.release(1))
lock.__enter__(1)
print("locked by __enter__(1):", lock.locked())
lock.__exit__()
print("after __exit__():", lock.locked())
threading.RLock(1, x=2)
attempt("Event.wait", lambda: threading.Event().wait(1, 2))
attempt("Event.set", lambda: threading.Event().set(1))
attempt("Condition()", lambda: threading.Condition(None, 1))
attempt("Condition.notify", lambda: threading.Condition().notify(1, 2))
attempt("Condition.wait_for", lambda: threading.Condition().wait_for())
attempt("Semaphore()", lambda: threading.Semaphore(1, 2))
attempt("Barrier()", lambda: threading.Barrier())
attempt("Timer()", lambda: threading.Timer(1))
attempt("Thread.start", lambda: threading.Thread().start(1))
attempt("Thread.join", lambda: threading.Thread().join(1, 2))
attempt("current_thread", lambda: threading.current_thread(1))
attempt("main_thread", lambda: threading.main_thread(1))
attempt("get_ident", lambda: threading.get_ident(1))
attempt("Queue.put", lambda: queue.Queue().put())
attempt("Queue.put_nowait", lambda: queue.Queue().put_nowait())
attempt("Queue.get keyword", lambda: queue.Queue().get(block=False, blocking=False))
attempt("Queue.qsize", lambda: queue.Queue().qsize(1))
attempt("time.sleep()", lambda: time.sleep())
attempt("time.sleep(1, 2)", lambda: time.sleep(1, 2))
attempt("time.sleep(secs=1)", lambda: time.sleep(secs=1))
attempt("time.sleep('1')", lambda: time.sleep("1"))
attempt("time.monotonic", lambda: time.monotonic(1))
attempt("time.time", lambda: time.time(1))
with concurrent.futures.ThreadPoolExecutor(1) as pool:
    attempt("shutdown", lambda: pool.shutdown(True, True))
attempt("% too few", lambda: "%s %s" % (1,))
attempt("% too many", lambda: "%s" % (1, 2))
attempt("% %d of str", lambda: "%d" % "x")
attempt("% mapping", lambda: "%(a)s" % (1,))
attempt("% missing key", lambda: "%(a)s %(b)s" % {"a": 1})
attempt("format missing key", lambda: "{a}".format())
print("%5s|%-5s|%05d|%+d|%.2f|%x|%r|%c|%%|%5.1f" % ("a", "b", 42, 7, 2.345, 255, "q", 65, 3.14159))
print("%(a)s-%(b)r" % {"a": 1, "b": "x"})
