"""tutorial/pipeline-queue: the pipeline as a queue.Queue(maxsize=10) subclass, stopped by an Event.

The producer makes a message every 10 ms and the consumer stores one every 25 ms, so the
queue fills up while main sleeps 0.1 s; after the event the consumer drains it.
"""
import concurrent.futures
import logging
import os
import queue
import random
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


class Pipeline(queue.Queue):
    def __init__(self):
        super().__init__(maxsize=10)

    def set_message(self, message):
        self.put(message)

    def get_message(self):
        return self.get()


def producer(pipeline, event):
    while not event.is_set():
        message = random.randint(1, 101)
        logging.info("Producer got message: %s", message)
        pipeline.set_message(message)
        time.sleep(0.01 * SCALE)
    logging.info("Producer received event. Exiting")


def consumer(pipeline, event):
    while not event.is_set() or not pipeline.empty():
        message = pipeline.get_message()
        logging.info("Consumer storing message: %s  (queue size=%s)", message, pipeline.qsize())
        time.sleep(0.025 * SCALE)
    logging.info("Consumer received event. Exiting")


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    random.seed(0)  # threadsim's programSeed for this program
    pipeline = Pipeline()
    event = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        executor.submit(producer, pipeline, event)
        executor.submit(consumer, pipeline, event)
        time.sleep(0.1 * SCALE)
        logging.info("Main: about to set event")
        event.set()
