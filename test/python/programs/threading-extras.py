import threading, queue, time
from concurrent.futures import ThreadPoolExecutor, wait, TimeoutError as FTimeout
def greet(name, punct="!"):
    print(f"hello {name}{punct}")
t = threading.Thread(target=greet, args=("ann",), kwargs={"punct": "?"})
t.start(); t.join()
tm = threading.Timer(10, greet, args=("never",)); tm.start(); tm.cancel(); tm.join()
print("timer cancelled", tm.is_alive())
c = threading.Condition()
with c:
    print(c.wait_for(lambda: False, timeout=0.05))
s = threading.Semaphore(0)
s.release(3)
print(s.acquire(), s.acquire(), s.acquire(), s.acquire(timeout=0.01))
b = threading.Barrier(2, timeout=0.05)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("barrier broken", b.broken)
def hook(args):
    assert args.exc_traceback is None or args.exc_traceback is not None
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
bad = threading.Thread(target=lambda: 1 / 0, name="bad"); bad.start(); bad.join()
q = queue.Queue()
def worker():
    while True:
        item = q.get()
        print("work", item)
        q.task_done()
threading.Thread(target=worker, daemon=True).start()
for i in range(3): q.put(i)
q.join()
print("all done", q.unfinished_tasks)
with ThreadPoolExecutor(2) as ex:
    f = ex.submit(time.sleep, 1)
    done, not_done = wait([f], timeout=0.1)
    print(len(done), len(not_done))
    try:
        f.result(timeout=0.1)
    except FTimeout:
        print("timed out")
    try:
        list(ex.map(time.sleep, [1], timeout=0.1))
    except FTimeout:
        print("map timed out")
# A hook can hand the exception back to the default report; then the module's hook is restored.
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
