"""Threads printing: a lambda target's name, a Thread subclass, threading.local, Condition.wait_for, futures."""
import concurrent.futures
import threading


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"worker-{n}")
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * 10


workers = [Worker(i) for i in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.result for w in workers], workers[0].name, workers[0].is_alive())
t = threading.Thread(target=lambda: None)
t.start()
t.join()
print(t.name)
data = threading.local()
data.x = "main"


def set_local():
    data.x = "worker"


t2 = threading.Thread(target=set_local)
t2.start()
t2.join()
print("local", data.x)
cond = threading.Condition()
items = []


def producer():
    with cond:
        items.append(1)
        cond.notify()


with cond:
    p = threading.Thread(target=producer)
    p.start()
    got = cond.wait_for(lambda: len(items) > 0, timeout=5)
p.join()
print("wait_for", got, items)


def square(x):
    return x * x


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    futures = [ex.submit(square, i) for i in range(3)]
    print("results", [f.result() for f in futures], list(ex.map(square, [4, 5])))
    bad = ex.submit(int, "n/a")
    print("exception", repr(bad.exception()))
print(threading.current_thread().name, threading.main_thread().name)
