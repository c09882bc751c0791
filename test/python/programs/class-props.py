"""@property with a setter, @staticmethod, @classmethod, super().__init__, a class attribute counted under a class-level lock."""
import threading


class Counter:
    instances = 0
    _lock = threading.Lock()

    def __init__(self, name):
        self._value = 0
        self.name = name
        with Counter._lock:
            Counter.instances += 1

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        if v < 0:
            raise ValueError("negative")
        self._value = v

    @staticmethod
    def describe():
        return "a counter"

    @classmethod
    def make(cls, name):
        return cls(name)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}={self.value}>"


class SafeCounter(Counter):
    def __init__(self, name):
        super().__init__(name)
        self.lock = threading.Lock()

    def increment(self):
        with self.lock:
            self.value += 1


c = SafeCounter.make("hits")
ts = [threading.Thread(target=lambda: [c.increment() for _ in range(5)]) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(c, c.value, Counter.instances, SafeCounter.describe(), c.describe())
try:
    c.value = -1
except ValueError as e:
    print("ValueError:", e)
print(isinstance(c, Counter), issubclass(SafeCounter, Counter), type(c).__name__, c.__class__.__name__)
print(hasattr(c, "value"), getattr(c, "name"), vars(c) if False else sorted(c.__dict__))
