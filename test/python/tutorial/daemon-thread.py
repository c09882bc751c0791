"""tutorial/daemon-thread: the same thread, started as a daemon.

Daemon threads are dropped where they stand when the interpreter exits, so the
thread's "finishing" line never appears.
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
    logging.info("Main    : before creating thread")
    worker = threading.Thread(target=thread_function, args=(1,), daemon=True)
    logging.info("Main    : before running thread")
    worker.start()
    logging.info("Main    : wait for the thread to finish")
    logging.info("Main    : all done")
