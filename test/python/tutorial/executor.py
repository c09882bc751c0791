"""tutorial/executor: executor.map over three calls in a 3-worker pool, as a with block.

Leaving the with block waits for every call; the three finish in any order.
"""
import concurrent.futures
import logging
import os
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


def thread_function(name):
    logging.info("Thread %s: starting", name)
    time.sleep(2 * SCALE)
    logging.info("Thread %s: finishing", name)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        executor.map(thread_function, range(3))
