"""zoo/daemon-lost-write: a daemon thread saves the results 1 s after it starts.

The saver is a daemon thread and main does not wait for it: its write never happens.
"""
import logging
import os
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))
store = {"saved": False}


def saver():
    time.sleep(1 * SCALE)
    store["saved"] = True
    logging.info("Saver   : results saved")


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    saver_thread = threading.Thread(target=saver, daemon=True)
    saver_thread.start()
    logging.info("Main    : work done, exiting")
