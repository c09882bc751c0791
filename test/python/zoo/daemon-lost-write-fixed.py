"""zoo/daemon-lost-write-fixed: a daemon thread saves the results 1 s after it starts.

Main joins the daemon saver before it ends, so the write happens.
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
    saver_thread.join()
