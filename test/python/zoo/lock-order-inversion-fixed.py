"""zoo/lock-order-inversion-fixed: two transfers between accounts a and b, in opposite directions.

Each transfer locks the accounts in name order: no deadlock.
"""
import logging
import threading

balances = {"a": 100, "b": 100}
locks = {"a": threading.Lock(), "b": threading.Lock()}


def transfer(source, target, amount):
    first, second = sorted((source, target))
    with locks[first]:
        logging.info("Transfer %s->%s: locked %s", source, target, first)
        with locks[second]:
            balances[source] -= amount
            balances[target] += amount
    logging.info("Transfer %s->%s: moved %d", source, target, amount)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    t1 = threading.Thread(target=transfer, args=("a", "b", 10))
    t2 = threading.Thread(target=transfer, args=("b", "a", 20))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    logging.info("Main    : a=%d b=%d", balances["a"], balances["b"])
