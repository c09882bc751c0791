# Bad arguments to the standard modules raise what CPython raises.
from collections import deque, namedtuple
import itertools
for f in (lambda: deque([1]).rotate('x'), lambda: list(itertools.product([1], repeat=-1)), lambda: namedtuple('P', 'x x')):
    try: f()
    except Exception as e: print(type(e).__name__+':', e)
d = deque([1, 2, 3]); d.rotate(True); print(d)

# typing's generic aliases check their parameters as CPython 3.11's typing.py does.
import typing
from typing import Dict, List, Optional, TypeVar
T = TypeVar('T')
S = TypeVar('S')
def show(f):
    try: print(f())
    except Exception as e: print(type(e).__name__+':', e)
for f in (lambda: List[1, 2], lambda: List[1], lambda: Dict[int], lambda: Dict[int, str, float], lambda: List[()],
          lambda: typing.Hashable[int], lambda: List[(1, 2),], lambda: List[Optional], lambda: List[int][int],
          lambda: Dict[str, T][int], lambda: Dict[T, List[T]][int], lambda: Dict[str, T][int, str], lambda: Dict[T, S][int]):
    show(f)

# contextlib.suppress checks its classes when an exception reaches its __exit__, not before.
import contextlib
def suppressing(exc, *classes):
    with contextlib.suppress(*classes):
        if exc is not None: raise exc
    return 'suppressed' if exc is not None else 'no exception'
s = contextlib.suppress(5); print(type(s).__name__)
for exc, classes in ((None, (5,)), (KeyError('k'), (5,)), (ValueError('v'), (ValueError, 5)), (KeyError('k'), (ValueError, 5)),
                     (KeyError('k'), ((ValueError, (LookupError,)),)), (KeyError('k'), ('x',)), (KeyError('k'), ())):
    show(lambda: suppressing(exc, *classes))

# itertools.islice's bad arguments: CPython's errors, the bounds checked before the iterable.
L = [1, 2, 3, 4, 5]
for a in (('a',), (-1,), (-2,), (1.5,), (True,), (None,), (1, 'a'), ('a', 2), (-1, 2), (1, -1), (1, -3), (0, 2, 0), (0, 2, -1),
          (0, 2, 'x'), (0, 2, 1.5), (None, None, None), (1, None, 2), (), (1, 2, 3, 4)):
    show(lambda: list(itertools.islice(L, *a)))
show(lambda: itertools.islice(5, 2))
show(lambda: itertools.islice(5, 'a'))
show(lambda: itertools.islice(L, stop=2))
