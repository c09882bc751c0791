# threading.excepthook that raises: CPython reports the hook's own exception
# ("Exception in threading.excepthook:") and the thread ends.
import threading


def hook(args):
    print("hook got", args.exc_type.__name__, "from", args.thread.name)
    raise ValueError("hook broke")


threading.excepthook = hook


def work():
    raise KeyError("k")


t = threading.Thread(target=work, name="w1")
t.start()
t.join()
print("main done")
