"""zoo/lost-notify-fixed: main starts a waiter on a Condition, then notifies it.

Main sets a flag under the lock and the waiter uses wait_for, so an early notify is not lost.
"""
import logging
import threading

cond = threading.Condition()
signal = {"ready": False, "received": False}


def waiter():
    with cond:
        cond.wait_for(lambda: signal["ready"])
    signal["received"] = True
    logging.info("Waiter  : got the signal")


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    t = threading.Thread(target=waiter)
    t.start()
    with cond:
        signal["ready"] = True
        cond.notify()
    logging.info("Main    : signalled")
    t.join()
