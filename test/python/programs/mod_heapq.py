"""heapq: heaps laid out as CPython lays them out, with its errors; items with their own __lt__."""
import heapq
import threading

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print(heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2, 6, 3]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 5), data)
print(heapq.heappushpop(data, 0), data)
print(heapq.heappushpop(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
tasks = []
for job in [(3, "write"), (1, "read"), (2, "parse"), (1, "open")]:
    heapq.heappush(tasks, job)
print([heapq.heappop(tasks) for _ in range(4)])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([1], "a")):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


class Job:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority

    def __repr__(self):
        return f"Job({self.priority}, {self.name!r})"


jobs = []
for j in [Job(3, "c"), Job(1, "a"), Job(2, "b"), Job(0, "z")]:
    heapq.heappush(jobs, j)
print(jobs, heapq.heappop(jobs), jobs)

lock = threading.Lock()
shared = []


def producer(base):
    for i in range(3):
        with lock:
            heapq.heappush(shared, base + i)


ts = [threading.Thread(target=producer, args=(b,)) for b in (10, 0)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(shared), [heapq.heappop(shared) for _ in range(6)])
