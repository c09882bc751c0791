# threading.excepthook = None: a thread made before keeps the hook it was made with;
# making a Thread or a Timer afterwards raises RuntimeError, as Thread.__init__ does.
import threading


def hook(args):
    print("custom hook:", args.exc_type.__name__, args.thread.name)


threading.excepthook = hook


def work():
    raise KeyError("k")


t = threading.Thread(target=work, name="w1")
threading.excepthook = None
t.start()
t.join()
try:
    threading.Timer(1, print)
except RuntimeError as e:
    print("Timer:", e)
threading.excepthook = threading.__excepthook__
t2 = threading.Thread(target=work, name="w2")
t2.start()
t2.join()
threading.excepthook = None
threading.Thread(target=work)
print("not reached")
