"""An uncaught exception in a thread prints CPython's report with frames; the program goes on."""
import threading


def parse(text):
    return int(text)


def worker(text):
    value = parse(text)
    print("parsed", value)


t = threading.Thread(target=worker, args=("n/a",), name="parser")
t.start()
t.join()
print("main goes on")
