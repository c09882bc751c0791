"""zoo/executor-swallowed-exception-fixed: three records parsed in a thread pool; one is not a number.

Main reads every future's result and reports the record that failed.
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
    for future, text in futures:
        try:
            future.result()
        except ValueError as exc:
            logging.info("Main    : record %r failed: %s", text, exc)
            tally.reported += 1
    logging.info("Main    : %d records processed", tally.processed)
