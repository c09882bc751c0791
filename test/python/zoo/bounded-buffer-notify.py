"""zoo/bounded-buffer-notify: a one-slot buffer, two producers, two consumers, one Condition.

Waiters loop correctly but are woken with notify(), which may wake the wrong kind: then everyone waits.
"""
import logging
import threading

ITEMS = 2
cond = threading.Condition()
buffer = {"size": 0, "consumed": 0}


def producer(index):
    for item in range(ITEMS):
        with cond:
            while buffer["size"] == 1:
                cond.wait()
            buffer["size"] = 1
            logging.info("Producer %d: put item %d", index, item)
            cond.notify()


def consumer(index):
    for _ in range(ITEMS):
        with cond:
            while buffer["size"] == 0:
                cond.wait()
            buffer["size"] = 0
            buffer["consumed"] += 1
            logging.info("Consumer %d: took an item", index)
            cond.notify()


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    threads = [
        threading.Thread(target=producer, args=(0,), name="producer-0"),
        threading.Thread(target=producer, args=(1,), name="producer-1"),
        threading.Thread(target=consumer, args=(0,), name="consumer-0"),
        threading.Thread(target=consumer, args=(1,), name="consumer-1"),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    logging.info("Main    : %d items consumed", buffer["consumed"])
