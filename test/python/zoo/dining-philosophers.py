"""zoo/dining-philosophers: five philosophers, one fork (a Lock) between each two.

Each picks up the left fork first: when all hold one, nobody can eat (a deadlock).
"""
import logging
import threading

forks = [threading.Lock() for _ in range(5)]
meals_lock = threading.Lock()
meals = 0


def philosopher(index):
    global meals
    left, right = index, (index + 1) % 5
    first, second = left, right
    with forks[first]:
        logging.info("Philosopher %d: picked up fork %d", index, first)
        with forks[second]:
            logging.info("Philosopher %d: eating", index)
            with meals_lock:
                meals += 1


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    diners = [threading.Thread(target=philosopher, args=(index,)) for index in range(5)]
    for t in diners:
        t.start()
    for t in diners:
        t.join()
    logging.info("Main    : %d meals eaten", meals)
