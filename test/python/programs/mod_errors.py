# Bad arguments to the standard modules raise what CPython raises.
from collections import deque, namedtuple
import itertools
for f in (lambda: deque([1]).rotate('x'), lambda: list(itertools.product([1], repeat=-1)), lambda: namedtuple('P', 'x x')):
    try: f()
    except Exception as e: print(type(e).__name__+':', e)
d = deque([1, 2, 3]); d.rotate(True); print(d)
