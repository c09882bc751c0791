"""tutorial/race: two pool workers update a fake database without a lock.

Each worker copies the value, sleeps, and writes its copy plus one back: both copy 0,
so one update is lost and the ending value is 1.
"""
import concurrent.futures
import logging
import os
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


class FakeDatabase:
    def __init__(self):
        self.value = 0

    def update(self, name):
        logging.info("Thread %s: starting update", name)
        local = self.value
        local += 1
        time.sleep(0.1 * SCALE)
        self.value = local
        logging.info("Thread %s: finishing update", name)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    db = FakeDatabase()
    logging.info("Testing update. Starting value is %d.", db.value)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        for index in range(2):
            executor.submit(db.update, index)
    logging.info("Testing update. Ending value is %d.", db.value)
