"""tutorial/deadlock: one thread acquires the same Lock twice and waits for itself forever.

This program never ends: stop it with Ctrl-C (the differential test kills it).
"""
import logging
import threading

if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    lock = threading.Lock()
    logging.info("before first acquire")
    lock.acquire()
    logging.info("before second acquire")
    lock.acquire()
    logging.info("acquired lock twice")
