/**
 * functools and itertools under threads: a partial is a thread target like a function, and an
 * itertools iterator holds no shared state of its own (CPython's are C code run under the GIL):
 * `next(ids)` on one `count()` from two threads never hands out one id twice, in any order.
 * What they print is checked against CPython by test/python/programs/mod_functools.py and
 * mod_itertools_math.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';

const run = (src: string) => explore(pythonProgram(src, 'f.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });

describe('functools and itertools under threads', () => {
  it('count() hands out distinct ids to two threads; their list appends race with nothing', () => {
    const r = run(`
import threading, itertools
ids = itertools.count(1)
got = []
def work():
    got.append(next(ids))
    got.append(next(ids))
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(got))
`);
    expect(r.executions).toBeGreaterThan(1);
    expect(r.histogram!.outputs.map(([o]) => o)).toEqual(['[1, 2, 3, 4]']);
    expect(r.firstRace).toBeUndefined();
  });

  it('a partial as a thread target runs its function with the bound arguments, and its races are found', () => {
    const r = run(`
import threading
from functools import partial
class Box:
    def __init__(self):
        self.n = 0
def bump(box, by):
    v = box.n
    str(v)  # the return from a builtin call is a check point
    box.n = v + by
b = Box()
ts = [threading.Thread(target=partial(bump, b, by=i)) for i in (1, 10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(b.n)
`);
    expect(r.histogram!.outputs.map(([o]) => o).sort()).toEqual(['1', '10', '11']);
    expect(r.firstRace?.location).toBe('Box#1.n');
  });

  it('islice over a generator runs it no further than the items taken', () => {
    const r = run(`
import itertools
def gen():
    for i in range(10):
        print("made", i)
        yield i
print(list(itertools.islice(gen(), 2)), list(itertools.islice(itertools.cycle([1, 2]), 5)))
`);
    expect(r.histogram!.outputs.map(([o]) => o)).toEqual(['made 0\nmade 1\n[0, 1] [1, 2, 1, 2, 1]']);
  });
});
