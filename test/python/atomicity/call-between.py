"""Atomicity table, row 3: a call between the read and the write. CPython 3.11 loses updates."""
import os
import sys
import threading

N = int(os.environ.get("ITERATIONS", "2"))
THREADS = int(os.environ.get("THREADS", "2"))
sys.setswitchinterval(1e-6)
counter = 0


def noop():
    pass


def work():
    global counter
    for _ in range(N):
        tmp = counter
        noop()
        counter = tmp + 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(THREADS * N - counter)
assert counter == THREADS * N, f"lost {THREADS * N - counter} updates"
