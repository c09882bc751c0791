"""dataclasses: generated __init__, __repr__, __eq__ and orderings; field defaults and factories."""
import heapq
import threading
from dataclasses import asdict, astuple, dataclass, field, fields, is_dataclass, replace
from typing import ClassVar, List


@dataclass
class Job:
    name: str
    priority: int = 0
    tags: List[str] = field(default_factory=list)
    kind: ClassVar[str] = "job"


j = Job("build")
j.tags.append("ci")
print(j, Job("test", 2), j == Job("build", 0, ["ci"]), j == Job("build"), j == 3, Job.kind)
print(asdict(j), astuple(j), [f.name for f in fields(j)], is_dataclass(j), is_dataclass(3), replace(j, priority=5))


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False, default="")


tasks = []
for t in [Task(3, "c"), Task(1, "a"), Task(2, "b")]:
    heapq.heappush(tasks, t)
print([heapq.heappop(tasks).name for _ in range(3)], Task(1) < Task(2), Task(1, "x") == Task(1, "y"), sorted([Task(2), Task(1)]))


@dataclass
class Account:
    owner: str
    balance: int = 0

    def __post_init__(self):
        self.history = [self.balance]


@dataclass
class Savings(Account):
    rate: float = 0.5


acct = Account("ann", 100)
print(acct, acct.history, Savings("bob"), Savings("bob", 10, 0.25).rate)
for bad in (lambda: Job(), lambda: Job("a", 1, [], 4), lambda: Task(1) < 3):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:

    @dataclass
    class Bad:
        items: list = []

except ValueError as e:
    print("ValueError", e)
try:

    @dataclass
    class Worse:
        a: int = 1
        b: int

except TypeError as e:
    print("TypeError", e)


def deposit(a, n):
    for _ in range(n):
        a.balance += 1


ts = [threading.Thread(target=deposit, args=(acct, 50)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(acct.balance)
