"""zoo/barrier-timeout-fixed: three workers meet at a Barrier(3); the third arrives after 1 s.

The barrier has no timeout, so the slow worker is waited for and all three pass.
"""
import logging
import os
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))
ARRIVALS = [0.1, 0.2, 1.0]
barrier = threading.Barrier(3)
passed_lock = threading.Lock()
passed = 0


def worker(index):
    global passed
    time.sleep(ARRIVALS[index] * SCALE)
    logging.info("Worker %d: at the barrier", index)
    try:
        barrier.wait()
    except threading.BrokenBarrierError:
        logging.info("Worker %d: the barrier broke", index)
        return
    with passed_lock:
        passed += 1


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    workers = [threading.Thread(target=worker, args=(index,)) for index in range(3)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    logging.info("Main    : %d workers passed the barrier", passed)
