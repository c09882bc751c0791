/**
 * functools and itertools under threads: a partial is a thread target like a function; an
 * itertools iterator and an lru_cache are shared state whose every pull or lookup is one atomic
 * step (CPython's are C code run under the GIL): `next(ids)` on one `count()` from two threads
 * never hands out one id twice, in any order, and exploration sees which thread got which.
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

  it('a shared count() and a shared lru_cache are ordered by DPOR: its outputs are DFS\'s', () => {
    const both = (src: string): string[][] =>
      (['dpor', 'dfs'] as const).map((strategy) =>
        explore(pythonProgram(src, 'f.py'), { strategy, histogram: true, keepGoing: true })
          .histogram!.outputs.map(([o]) => o)
          .sort(),
      );
    const [count, countDfs] = both(`
import itertools, threading
c = itertools.count()
res = {"a": [], "b": []}
def w(name):
    res[name].append(next(c))
ts = [threading.Thread(target=w, args=(n,)) for n in "ab"]
for t in ts: t.start()
for t in ts: t.join()
print(res)
`);
    expect(count).toEqual(countDfs);
    expect(count).toEqual(["{'a': [0], 'b': [1]}", "{'a': [1], 'b': [0]}"]);
    const [lru, lruDfs] = both(`
import functools, threading
calls = []
@functools.lru_cache(maxsize=None)
def f(x):
    calls.append(x)
    return x * 2
ts = [threading.Thread(target=f, args=(1,)) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(len(calls), f.cache_info())
`);
    expect(lru).toEqual(lruDfs);
    // Both threads can miss and run f (CPython's lru_cache does not lock around the call).
    expect(lru).toEqual(['1 CacheInfo(hits=1, misses=1, maxsize=None, currsize=1)', '2 CacheInfo(hits=0, misses=2, maxsize=None, currsize=1)']);
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
