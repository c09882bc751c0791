"""tutorial/pipeline-lock: a one-message pipeline guarded by two Locks.

The producer hands ten random messages, then a sentinel, to the consumer. consumer_lock
starts held, so the consumer waits for the first message; each side releases the lock the
other side waits on (a Lock may be released by a thread that did not acquire it).
"""
import concurrent.futures
import logging
import random
import threading

SENTINEL = object()


class Pipeline:
    def __init__(self):
        self.message = 0
        self.producer_lock = threading.Lock()
        self.consumer_lock = threading.Lock()
        self.consumer_lock.acquire()

    def get_message(self):
        self.consumer_lock.acquire()
        message = self.message
        self.producer_lock.release()
        return message

    def set_message(self, message):
        self.producer_lock.acquire()
        self.message = message
        self.consumer_lock.release()


def producer(pipeline):
    for _ in range(10):
        message = random.randint(1, 101)
        logging.info("Producer got message: %s", message)
        pipeline.set_message(message)
    pipeline.set_message(SENTINEL)


def consumer(pipeline):
    message = 0
    while message is not SENTINEL:
        message = pipeline.get_message()
        if message is not SENTINEL:
            logging.info("Consumer storing message: %s", message)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    random.seed(0)  # threadsim's programSeed for this program
    pipeline = Pipeline()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        executor.submit(producer, pipeline)
        executor.submit(consumer, pipeline)
