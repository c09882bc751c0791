"""A dataclass Order queue served by worker threads into a dataclass Stats with a lock field; generated repr, eq and default_factory."""
import threading
from dataclasses import dataclass, field
from queue import Queue


@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    status: str = "new"

    def total(self):
        return sum(p for _, p in self.items)


@dataclass
class Stats:
    processed: int = 0
    revenue: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def record(self, order):
        with self.lock:
            self.processed += 1
            self.revenue += order.total()


orders = Queue()
stats = Stats()


def worker():
    while True:
        o = orders.get()
        if o is None:
            orders.task_done()
            return
        o.status = "done"
        stats.record(o)
        orders.task_done()


ts = [threading.Thread(target=worker) for _ in range(2)]
for t in ts:
    t.start()
all_orders = [Order(i, [("x", 1.5 * i), ("y", 2.0)]) for i in range(4)]
for o in all_orders:
    orders.put(o)
for _ in ts:
    orders.put(None)
orders.join()
for t in ts:
    t.join()
print(stats)
print(all_orders[1])
print([o.status for o in all_orders], Order(9) == Order(9, []), Order(1) != Order(2))
print(sorted(all_orders, key=lambda o: o.total(), reverse=True)[0].id)
