"""Atomicity table, row 2: `c.value += 1` on an instance. CPython 3.11 never loses an update."""
import os
import sys
import threading

N = int(os.environ.get("ITERATIONS", "2"))
THREADS = int(os.environ.get("THREADS", "2"))
sys.setswitchinterval(1e-6)


class Counter:
    def __init__(self):
        self.value = 0


c = Counter()


def work():
    for _ in range(N):
        c.value += 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(THREADS * N - c.value)
assert c.value == THREADS * N, f"lost {THREADS * N - c.value} updates"
