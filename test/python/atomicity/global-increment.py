"""Atomicity table, row 1: `counter += 1` on a global. CPython 3.11 never loses an update."""
import os
import sys
import threading

N = int(os.environ.get("ITERATIONS", "2"))
THREADS = int(os.environ.get("THREADS", "2"))
sys.setswitchinterval(1e-6)
counter = 0


def work():
    global counter
    for _ in range(N):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(THREADS * N - counter)
assert counter == THREADS * N, f"lost {THREADS * N - counter} updates"
