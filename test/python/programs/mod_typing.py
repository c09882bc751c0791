"""typing: the names a program imports exist and are subscriptable; a def's annotations are
evaluated when it runs (3.11), a function's local annotations never, a module's after the store."""
import threading
from typing import Any, Callable, Dict, Generic, Iterable, Iterator, List, Optional, Protocol, Set, Tuple, TypeVar, Union
import typing

T = TypeVar("T")


class Job:
    pass


print(List[int], Optional[str], Dict[str, List[int]], Tuple[int, ...], Callable[[int, str], None])
print(Any, Union[int, str], Union[int, None], Optional[Union[int, str]], T, List[Job], Optional[Job])
print(list[int], dict[str, Job], tuple[int, ...], List, typing.Deque[int], Iterable[T])
print(Tuple[()], tuple[()], Callable[..., int], typing.Type[Job], Union[int], Optional[List[int]])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
        undefined_in_function: NoSuchName = 0

    def push(self, item: T) -> None:
        self.items.append(item)


class Greeter(Protocol):
    def greet(self, name: str) -> str: ...


def worker(stack: "Stack[int]", n: int, seen: Optional[Set[int]] = None) -> None:
    for i in range(n):
        stack.push(i)


shared: Stack[int] = Stack()
threads: List[threading.Thread] = [threading.Thread(target=worker, args=(shared, 3)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(shared.items), typing.cast(int, "not checked"), typing.TYPE_CHECKING)
count: int
import collections.abc
from collections.abc import Iterable as AbcIterable, Mapping
print(AbcIterable[int], collections.abc.Callable[[int], str], Mapping[str, int])
print("defining a def whose annotation names nothing")


def broken(x: Missing) -> None:
    pass
