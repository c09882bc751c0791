"""tutorial/pipeline-final: pipeline-queue with a plain queue.Queue(maxsize=10), no Pipeline class."""
import concurrent.futures
import logging
import os
import queue
import random
import threading
import time

# The differential test shortens every sleep by this factor; threadsim runs the unscaled values.
SCALE = float(os.environ.get("SLEEP_SCALE", "1"))


def producer(queue, event):
    while not event.is_set():
        message = random.randint(1, 101)
        logging.info("Producer got message: %s", message)
        queue.put(message)
        time.sleep(0.01 * SCALE)
    logging.info("Producer received event. Exiting")


def consumer(queue, event):
    while not event.is_set() or not queue.empty():
        message = queue.get()
        logging.info("Consumer storing message: %s (size=%d)", message, queue.qsize())
        time.sleep(0.025 * SCALE)
    logging.info("Consumer received event. Exiting")


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    random.seed(0)  # threadsim's programSeed for this program
    pipeline = queue.Queue(maxsize=10)
    event = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        executor.submit(producer, pipeline, event)
        executor.submit(consumer, pipeline, event)
        time.sleep(0.1 * SCALE)
        logging.info("Main: about to set event")
        event.set()
