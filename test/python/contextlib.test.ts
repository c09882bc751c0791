/**
 * `@contextmanager` under threads: the generator's body runs in the thread that enters the
 * `with`, so a `locked()` helper that acquires before its `yield` and releases in `finally`
 * orders the threads' accesses (no race, no lost update in any order), and one that forgets
 * the lock does not. Output against CPython: test/python/programs/mod_contextlib.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';

const SOURCE = (acquire: string, release: string): string => `
import threading
from contextlib import contextmanager
lock = threading.Lock()
class Box:
    def __init__(self):
        self.n = 0
box = Box()

@contextmanager
def guarded():
    ${acquire}
    try:
        yield box
    finally:
        ${release}

def work():
    with guarded() as b:
        v = b.n
        str(v)
        b.n = v + 1

ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(box.n, lock.locked())
`;

describe('contextlib.contextmanager under threads', () => {
  it('a helper that holds a lock across its yield orders the threads: no race, no lost update', () => {
    const r = explore(pythonProgram(SOURCE('lock.acquire()', 'lock.release()'), 'locked.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(r.executions).toBeGreaterThan(1);
    expect(r.histogram!.outputs.map(([o]) => o)).toEqual(['2 False']);
    expect(r.firstRace).toBeUndefined();
  });

  it('one that takes no lock lets the update race', () => {
    const r = explore(pythonProgram(SOURCE('pass', 'pass'), 'unlocked.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(r.histogram!.outputs.map(([o]) => o).sort()).toEqual(['1 False', '2 False']);
    expect(r.firstRace?.location).toBe('Box#1.n');
  });
});
