"""from __future__ import annotations: annotations are never evaluated (PEP 563)."""
from __future__ import annotations


def handler(job: Job, retries: Optional[int] = None) -> Result:
    return job


class Box:
    content: Anything

    def put(self, x: Thing) -> None:
        self.x = x


b = Box()
b.put(1)
print(handler(3), b.x)

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass
class Order:
    item: Item
    qty: int = 1
    notes: list[str] = field(default_factory=list)
    made: ClassVar[int] = 0


print(Order("tea"), Order("cake", 2) == Order("cake", 2), Order.__annotations__)
