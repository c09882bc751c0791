"""tutorial/locked-update: the race fixed with a Lock around read, sleep and write.

Logged at DEBUG level so the lock's hand-over shows; the ending value is 2.
"""
import concurrent.futures
import logging
import os
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


class FakeDatabase:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def locked_update(self, name):
        logging.info("Thread %s: starting update", name)
        logging.debug("Thread %s about to lock", name)
        with self._lock:
            logging.debug("Thread %s has lock", name)
            local = self.value
            local += 1
            time.sleep(0.1 * SCALE)
            self.value = local
            logging.debug("Thread %s about to release lock", name)
        logging.debug("Thread %s after release", name)
        logging.info("Thread %s: finishing update", name)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.DEBUG, datefmt="%H:%M:%S")
    db = FakeDatabase()
    logging.info("Testing locked update. Starting value is %d.", db.value)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        for index in range(2):
            executor.submit(db.locked_update, index)
    logging.info("Testing locked update. Ending value is %d.", db.value)
