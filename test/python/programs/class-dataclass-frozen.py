"""@dataclass(frozen=True): FrozenInstanceError, hash and eq from the fields, asdict/astuple/replace/fields/is_dataclass, default_factory, __post_init__, a mutable default refused."""
import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    sender: str
    body: str = ""
    seq: int = 0


m = Message("ada", "hi")
print(m, m == Message("ada", "hi", 0), hash(m) == hash(Message("ada", "hi")))
try:
    m.body = "changed"
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print({m: 1}[Message("ada", "hi")], len({m, Message("ada", "hi"), Message("bob")}))
print(dataclasses.asdict(m), dataclasses.astuple(m))
print(dataclasses.replace(m, seq=2))
print([f.name for f in dataclasses.fields(m)])
print(dataclasses.is_dataclass(m), dataclasses.is_dataclass(1))


@dataclass
class Inbox:
    owner: str
    messages: list = field(default_factory=list)
    count: int = field(default=0, repr=False)

    def __post_init__(self):
        self.owner = self.owner.title()

    def add(self, m):
        self.messages.append(m)
        self.count += 1


box = Inbox("ada lovelace")
box.add(m)
print(box, box.count)
print(Inbox("x") == Inbox("x"), Inbox("x") == Inbox("y"))


@dataclass
class Point3(object):
    x: float
    y: float = 0.0
    z: float = 0.0

    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


p = Point3(1.5, z=-2)
print(p, p.norm1())
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
