"""zoo/check-then-act: one job in a queue, two consumers.

Each consumer runs "if not q.empty(): q.get()": both can see the job, and the loser blocks in get() forever.
"""
import logging
import queue
import threading

q = queue.Queue()
handled = 0


def consumer(index):
    global handled
    job = None
    if not q.empty():
        job = q.get()
    if job is None:
        logging.info("Consumer %d: nothing to do", index)
        return
    logging.info("Consumer %d: got %s", index, job)
    handled += 1


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    q.put("job")
    consumers = [threading.Thread(target=consumer, args=(index,)) for index in range(2)]
    for t in consumers:
        t.start()
    for t in consumers:
        t.join()
    logging.info("Main    : %d job handled", handled)
