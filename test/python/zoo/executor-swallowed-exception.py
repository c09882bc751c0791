"""zoo/executor-swallowed-exception: three records parsed in a thread pool; one is not a number.

One task raises ValueError, which stays in its Future; nobody reads it, so the record is lost silently.
"""
import concurrent.futures
import logging
import threading

RECORDS = ["12", "n/a", "30"]


class Tally:
    def __init__(self):
        self.processed = 0
        self.reported = 0
        self.lock = threading.Lock()


tally = Tally()


def parse(text):
    value = int(text)
    with tally.lock:
        tally.processed += 1
    return value


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        futures = [(executor.submit(parse, text), text) for text in RECORDS]
    logging.info("Main    : %d records processed", tally.processed)
