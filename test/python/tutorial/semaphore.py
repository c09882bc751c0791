"""tutorial/semaphore: four workers share two connections guarded by a Semaphore(2).

Two connect at once, the others wait until one disconnects. Main starts a worker every
20 ms and worker i holds its connection for 0.1 * (i + 1) s, so every line has its own
instant. A Lock guards the count of connections in use.
"""
import logging
import os
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


class Pool:
    def __init__(self):
        self.in_use = 0
        self.peak = 0
        self.connections = threading.Semaphore(2)
        self.counter_lock = threading.Lock()


def worker(pool, index):
    logging.info("Worker %d: waiting for a connection", index)
    with pool.connections:
        with pool.counter_lock:
            pool.in_use += 1
            pool.peak = max(pool.peak, pool.in_use)
            in_use = pool.in_use
        logging.info("Worker %d: connected (%d in use)", index, in_use)
        time.sleep(0.1 * (index + 1) * SCALE)
        with pool.counter_lock:
            pool.in_use -= 1
        logging.info("Worker %d: disconnecting", index)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    pool = Pool()
    workers = [threading.Thread(target=worker, args=(pool, index)) for index in range(4)]
    for t in workers:
        t.start()
        time.sleep(0.02 * SCALE)
    for t in workers:
        t.join()
    logging.info("Main    : at most %d connections were in use at once", pool.peak)
