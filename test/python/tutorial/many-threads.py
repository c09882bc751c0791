"""tutorial/many-threads: three threads started in a loop, then joined one by one.

All three sleep the same time, so they may finish in any order.
"""
import logging
import os
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


def thread_function(name):
    logging.info("Thread %s: starting", name)
    time.sleep(2 * SCALE)
    logging.info("Thread %s: finishing", name)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    threads = []
    for index in range(3):
        logging.info("Main    : create and start thread %d.", index)
        worker = threading.Thread(target=thread_function, args=(index,))
        threads.append(worker)
        worker.start()
    for index, worker in enumerate(threads):
        logging.info("Main    : before joining thread %d.", index)
        worker.join()
        logging.info("Main    : thread %d done", index)
