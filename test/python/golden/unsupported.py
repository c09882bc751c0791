"""Every construct threadsim does not run, once each: the checker must list them all."""
import asyncio
import threading


async def fetch():
    await asyncio.sleep(1)


def numbers():
    yield 1
    yield from range(3)


class Both(threading.Thread, object):
    pass


total = sum(x for x in range(3))
match total:
    case 3:
        pass
s = {1, 2}
if (n := 3) > 2:
    del s
