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
