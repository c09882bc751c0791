"""Dataclass inheritance with a lock field (compare=False), field(init=False), __post_init__; order=True with frozen=True as set items and dict keys; FrozenInstanceError on assign and del; a non-default field after a default one."""
from dataclasses import dataclass, field
import threading


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list, repr=False)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def deposit(self, amount):
        with self.lock:
            self.balance += amount
            self.history.append(amount)


@dataclass
class Savings(Account):
    rate: float = 0.02
    label: str = field(init=False, default="savings")

    def __post_init__(self):
        self.owner = self.owner.upper()


a = Savings("ada", 10.0)
ts = [threading.Thread(target=a.deposit, args=(5,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(a, a.history, a.label)
print(a == Savings("ADA", 30.0, [5, 5, 5, 5]), Account("x") == Account("x"))
print(Savings.__dataclass_fields__.keys() if False else [f for f in Savings.__dataclass_fields__])


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}"


vs = {Version(1, 2), Version(1, 2), Version(0, 9)}
print(sorted(vs), max(vs), str(max(vs)), f"{Version(3)}", len(vs))
print(Version(1) < Version(1, 1) <= Version(1, 1), Version(2) > Version(1, 9))
d = {Version(1): "one"}
print(d[Version(1, 0)], Version(1) in d, d.get(Version(2)))
try:
    Version(1).major = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del Version(1).minor
except AttributeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError:", e)
try:
    Version(1) < 3
except TypeError as e:
    print("TypeError:", e)
print(Version(1) == (1, 0), Version(1, 0) != Version(1))
