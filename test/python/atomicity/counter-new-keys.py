"""Atomicity table: `counts[k] += 1` on a Counter, each key new. CPython 3.11 loses updates:
Counter.__missing__ is Python code, and entering it is a check point between the read and the write."""
import os
import sys
import threading
from collections import Counter

N = int(os.environ.get("ITERATIONS", "2"))
THREADS = int(os.environ.get("THREADS", "2"))
sys.setswitchinterval(1e-6)
counts = Counter()


def work():
    for k in range(N):
        counts[k] += 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = sum(counts.values())
print(THREADS * N - total)
assert total == THREADS * N, f"lost {THREADS * N - total} updates"
