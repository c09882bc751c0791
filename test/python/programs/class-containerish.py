"""A user iterator (__iter__/__next__) in for loops and builtins; a container class with __len__, __contains__, __getitem__, __setitem__, __delitem__, __bool__, __call__."""
import threading


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Inventory:
    def __init__(self):
        self.items = {}
        self.lock = threading.Lock()

    def __len__(self):
        return len(self.items)

    def __contains__(self, name):
        return name in self.items

    def __getitem__(self, name):
        return self.items[name]

    def __setitem__(self, name, qty):
        with self.lock:
            self.items[name] = qty

    def __delitem__(self, name):
        del self.items[name]

    def __iter__(self):
        return iter(sorted(self.items))

    def __bool__(self):
        return len(self.items) > 0

    def __call__(self, name):
        return self.items.get(name, 0)


print(list(Countdown(3)), sum(Countdown(4)), [x * 2 for x in Countdown(2)])
for n in Countdown(2):
    print("tick", n)
inv = Inventory()
print(bool(inv), len(inv), "apple" in inv)
if not inv:
    print("empty")


def stock(name, n):
    inv[name] = n


ts = [threading.Thread(target=stock, args=(f"item{i}", i)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
inv["apple"] = 5
print(bool(inv), len(inv), "apple" in inv, inv["apple"], inv("apple"), inv("pear"))
del inv["item0"]
print(list(inv), [k for k in inv], sorted(inv, reverse=True))
print(max(Countdown(5)), min(Countdown(5)), any(x > 4 for x in Countdown(5)))
print(dict(zip(Countdown(2), "ab")), list(enumerate(Countdown(2))))
