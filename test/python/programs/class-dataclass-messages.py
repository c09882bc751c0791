"""@dataclass messages on a queue.Queue between producer threads and a consumer; == on generated __eq__ in `in` and list.count."""
import queue
import threading
from dataclasses import dataclass


@dataclass
class Message:
    sender: str
    text: str
    urgent: bool = False


inbox = queue.Queue()
received = []


def producer(name):
    for i in range(2):
        inbox.put(Message(name, f"msg {i}", urgent=i == 1))


def consumer():
    while True:
        m = inbox.get()
        if m is None:
            break
        received.append(m)


c = threading.Thread(target=consumer)
c.start()
ps = [threading.Thread(target=producer, args=(n,)) for n in ["ada", "bob"]]
for p in ps:
    p.start()
for p in ps:
    p.join()
inbox.put(None)
c.join()
print(sorted(received, key=lambda m: (m.sender, m.text)))
print(sum(1 for m in received if m.urgent), Message("ada", "msg 0") in received)
print(received.count(Message("bob", "msg 1", True)))
