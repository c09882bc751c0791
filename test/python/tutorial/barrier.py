"""tutorial/barrier: three runners meet at a Barrier(3); the last to arrive runs its action.

Runners arrive at 0.1, 0.2 and 0.3 s; wait() returns the arrival index. Each pauses
0.1 * (i + 1) s after the barrier so that every line has its own instant.
"""
import logging
import os
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


def announce():
    logging.info("Barrier : all three arrived, releasing them")


def runner(start, index):
    time.sleep(0.1 * (index + 1) * SCALE)
    logging.info("Runner %d: at the barrier", index)
    arrival = start.wait()
    time.sleep(0.1 * (index + 1) * SCALE)
    logging.info("Runner %d: passed the barrier (arrival index %d)", index, arrival)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    start = threading.Barrier(3, action=announce)
    runners = [threading.Thread(target=runner, args=(start, index)) for index in range(3)]
    for t in runners:
        t.start()
    for t in runners:
        t.join()
    logging.info("Main    : all runners passed")
