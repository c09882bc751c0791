import queue, threading
q = queue.SimpleQueue()
print(q.empty(), q.qsize())
q.put(1); q.put(2, block=False, timeout=5); q.put_nowait(3)
print(q.qsize(), q.get(), q.get_nowait(), q.get(timeout=1))
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
print(hasattr(q, "task_done"), hasattr(q, "join"), hasattr(q, "full"), isinstance(q, queue.Queue))
def producer():
    for i in range(3):
        q.put(i)
    q.put(None)
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        print("got", item)
t1 = threading.Thread(target=producer); t2 = threading.Thread(target=consumer)
t2.start(); t1.start(); t1.join(); t2.join()
try:
    queue.SimpleQueue(5)
except TypeError as e:
    print("TypeError:", e)
try:
    q.put()
except TypeError as e:
    print("TypeError:", e)
# What SimpleQueue does not have is CPython's AttributeError, naming the C type '_queue.SimpleQueue'.
def attribute_error(f):
    try:
        f()
    except AttributeError as e:
        print("AttributeError:", e)
attribute_error(lambda: q.task_done())
attribute_error(lambda: q.join())
attribute_error(lambda: q.maxsize)
attribute_error(lambda: q.unfinished_tasks)
attribute_error(lambda: queue.SimpleQueue.task_done)
def set_maxsize():
    q.maxsize = 3
attribute_error(set_maxsize)
print(type(q).__name__, type(q), getattr(q, "join", "no join"))
lock = threading.Lock()
attribute_error(lambda: lock.task_done())
attribute_error(lambda: threading.RLock().join())
