"""tutorial/rlock: the deadlock program with an RLock: its owner may acquire it again."""
import logging
import threading

if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    lock = threading.RLock()
    logging.info("before first acquire")
    lock.acquire()
    logging.info("before second acquire")
    lock.acquire()
    logging.info("acquired lock twice")
    lock.release()
    lock.release()
    logging.info("released lock twice")
