"""Every construct threadsim does not run, once each: the checker must list them all."""
import asyncio
import threading


async def fetch():
    await asyncio.sleep(1)


class Both(threading.Thread, object):
    pass


def only(a, /, b):
    return a @ b


total = 3
match total:
    case 3:
        pass
try:
    pass
except* ValueError:
    pass
gen = lambda: (yield)
from collections import Counter


class Tally(Counter):
    pass


from typing import NamedTuple


class Row(NamedTuple):
    x: int


import threading


class Counters(threading.local):
    pass
