"""@dataclass(order=True) jobs through a PriorityQueue to a worker thread; field(compare=False, default_factory=list); sorted/min/max; the generated __init__'s TypeError; eq without frozen is unhashable."""
import queue
import threading
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False)


q = queue.PriorityQueue()
done = []
lock = threading.Lock()


def worker():
    while True:
        job = q.get()
        if job.name == "stop":
            q.task_done()
            break
        with lock:
            done.append(job)
        q.task_done()


for p, n in [(3, "low"), (1, "urgent"), (2, "normal")]:
    q.put(Job(p, n))
t = threading.Thread(target=worker)
t.start()
q.join()
q.put(Job(99, "stop"))
t.join()
print(done)
print(sorted(done, reverse=True))
print(Job(1, "a") == Job(1, "b"), Job(1, "a") < Job(2, "a"), min(done), max(done))
j = Job(5, "x")
j.tags.append("hot")
print(j, Job(5, "y").tags)
try:
    Job()
except TypeError as e:
    print("TypeError:", e)
try:
    {Job(1, "a")}
except TypeError as e:
    print("TypeError:", e)
