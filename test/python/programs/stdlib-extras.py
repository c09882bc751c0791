import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

# queue.PriorityQueue orders any Python values as Python's < does.
pq = queue.PriorityQueue()
for item in [(2, "b"), (1, "z"), (1, "a"), (3, ("x", 1))]:
    pq.put(item)
print([pq.get() for _ in range(4)], queue.Queue(3).maxsize, queue.Queue().maxsize)


class Job:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority


jobs = queue.PriorityQueue()
for p, n in [(5, "low"), (1, "urgent"), (3, "normal")]:
    jobs.put(Job(p, n))
print([jobs.get().name for _ in range(3)])
try:
    bad = queue.PriorityQueue()
    bad.put({"a": 1})
    bad.put({"b": 2})
except TypeError as e:
    print("TypeError:", e)

# An initializer runs first in each worker.
def init(tag):
    print("init", tag, threading.current_thread().name)

with ThreadPoolExecutor(max_workers=1, initializer=init, initargs=("w",)) as ex:
    print(ex.submit(max, 2, 32).result())
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError:", e)

# Done-callbacks print, whether added before or after the future completes.
def report(fut):
    print("callback got", fut.result())

gate = threading.Event()
def slow():
    gate.wait()
    return 42

with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(slow)
    f.add_done_callback(report)
    gate.set()
print(f.done())
f.add_done_callback(report)


# sys.stdout and sys.stderr, and the nanosecond clocks.
n = sys.stdout.write("no newline, ")
sys.stdout.write("then one\n")
print(n, sys.stdout.flush())
sys.stderr.write("to stderr\n")
t0 = time.monotonic_ns()
time.sleep(0.5)
print(time.monotonic_ns() - t0 >= 500_000_000, isinstance(time.perf_counter_ns(), int), time.time_ns() > 10**18)
print(threading.get_native_id() > 0)


# An initializer may be any callable: here an object whose class has __call__.
class Init:
    def __call__(self, x):
        print("callable init", x)


with ThreadPoolExecutor(max_workers=1, initializer=Init(), initargs=(3,)) as ex:
    print(ex.submit(abs, -5).result())
