"""queue.PriorityQueue of (priority, item) tuples and of a class ordered by __lt__, filled by threads."""
import queue
import threading

q = queue.PriorityQueue()
q.put((2, "b"))
q.put((1, "a"))
q.put((1.5, "c"))
q.put((1, "A"))
print(q.get(), q.get(), q.get(), q.get())


class Task:
    def __init__(self, due, name):
        self.due = due
        self.name = name

    def __lt__(self, other):
        return self.due < other.due

    def __repr__(self):
        return f"Task({self.due}, {self.name!r})"


tasks = queue.PriorityQueue()


def plan(offset):
    for d in range(3):
        tasks.put(Task(d * 10 + offset, f"t{offset}-{d}"))


ts = [threading.Thread(target=plan, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([tasks.get() for _ in range(tasks.qsize())])
try:
    q.put(object())
    q.put(object())
except TypeError as e:
    print("TypeError:", e)
