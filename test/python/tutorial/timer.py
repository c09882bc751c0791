"""tutorial/timer: two Timers; the second is cancelled before it fires.

The first fires after 0.5 s; the second, due after 1 s, is cancelled at 0.3 s and never
fires; cancelling the first after it fired changes nothing.
"""
import logging
import os
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


def remind(what):
    logging.info("Timer   : %s", what)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    first = threading.Timer(0.5 * SCALE, remind, args=("first reminder",))
    second = threading.Timer(1.0 * SCALE, remind, args=("second reminder",))
    logging.info("Main    : starting two timers")
    first.start()
    second.start()
    time.sleep(0.3 * SCALE)
    logging.info("Main    : cancelling the second timer")
    second.cancel()
    time.sleep(0.4 * SCALE)
    logging.info("Main    : cancelling the first timer, which has fired already")
    first.cancel()
    first.join()
    second.join()
    logging.info("Main    : all done")
