/**
 * Generators run lazily, step by step, in the thread that resumes them: a consumer that stops
 * early leaves the rest of the body unrun (its shared reads are never taken), and under the
 * `cpython` rule each resume is a check point (RESUME in CPython 3.11), so another thread can
 * run between two items even when the generator's body has no loop. CPython's outputs of the
 * generator programs: test/python/programs/generators.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';
import { execute } from '../../src/scheduler/execution.js';
import { FifoPolicy } from '../../src/scheduler/policies/fifo.js';

describe('generators', () => {
  it('take the shared reads of the items consumed, and no more', () => {
    const source = `
class Box:
    def __init__(self, v):
        self.v = v

boxes = [Box(0), Box(1), Box(2), Box(3)]
print(any(b.v > 0 for b in boxes))
`;
    const r = execute(pythonProgram(source, 'early.py'), { policy: new FifoPolicy(), seed: 0, record: true });
    const reads = r.trace!.filter((s) => s.kind === 'read' && String(s.obj).endsWith('.v')).map((s) => s.obj);
    // any() stops at Box#2 (the first v > 0): Box#3 and Box#4 are never read.
    expect(reads).toEqual(['Box#1.v', 'Box#2.v']);
    expect(r.output.map((l) => l.text).join('')).toContain('True');
  });

  const RESUME = `
import threading

class Box:
    def __init__(self):
        self.v = 0

box = Box()

def two():
    yield box.v
    yield box.v

def reader():
    print(list(two()))

def writer():
    box.v = 1

ts = [threading.Thread(target=reader), threading.Thread(target=writer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
`;

  it('are resumed at a check point, so a write can come between two items', () => {
    const s = explore(pythonProgram(RESUME, 'resume.py'), { strategy: 'dpor', histogram: true, keepGoing: true });
    expect(s.histogram!.outputs.map(([o]) => o).sort()).toEqual(['[0, 0]', '[0, 1]', '[1, 1]']);
  });

  // Two threads resuming one generator: its state (running, finished) and frame are shared, so
  // DPOR must order their resumes as DFS does, "generator already executing" included.
  const SHARED_NEXT = `
import threading
data = [10, 20]
got = {}
def gen():
    for i in range(2):
        yield data[i]
g = gen()
def worker(name):
    got[name] = next(g)
ts = [threading.Thread(target=worker, args=(n,)) for n in 'ab']
for t in ts: t.start()
for t in ts: t.join()
print(sorted(got.items()))
`;
  const SHARED_FOR = `
import threading
out = []
data = [10, 20, 30]
def gen():
    i = 0
    while i < 3:
        v = data[i]
        yield v
        i += 1
g = gen()
def worker():
    try:
        for x in g:
            out.append(x)
    except ValueError as e:
        out.append(str(e))
ts = [threading.Thread(target=worker) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(map(str, out)))
`;

  const outputs = (source: string, strategy: 'dpor' | 'dfs'): string[] => {
    const s = explore(pythonProgram(source, 'shared.py'), { strategy, histogram: true, keepGoing: true });
    return s.histogram!.outputs.map(([o]) => o).sort();
  };

  it('shared by two threads: DPOR finds every output DFS finds (next)', () => {
    const dfs = outputs(SHARED_NEXT, 'dfs');
    // Both orders of the two items, and either thread finding the generator running.
    expect(dfs.filter((o) => o.includes('generator already executing'))).toHaveLength(2);
    expect(dfs).toContain("[('a', 20), ('b', 10)]");
    expect(outputs(SHARED_NEXT, 'dpor')).toEqual(dfs);
  });

  it('shared by two threads: DPOR finds both outputs (for loops)', () => {
    // What DFS finds too (`explore --strategy dfs`, 5 s, too slow for here): the second thread
    // either finds the generator running or comes after it is exhausted.
    expect(outputs(SHARED_FOR, 'dpor')).toEqual(["['10', '20', '30', 'generator already executing']", "['10', '20', '30']"]);
  });

  it('used by one thread only: its resumes race with nothing', () => {
    const source = `
import threading
def gen():
    for i in range(3):
        yield i
def worker():
    g = gen()
    total = 0
    for x in g:
        total += x
    total += next(g, 0)
    print(total)
ts = [threading.Thread(target=worker) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
`;
    const own = explore(pythonProgram(source, 'own.py'), { strategy: 'dpor', keepGoing: true, detectRaces: true });
    expect(own.firstRace).toBeUndefined();
    // The same detector does see two threads resuming one generator.
    const shared = explore(pythonProgram(SHARED_NEXT, 'shared.py'), { strategy: 'dpor', keepGoing: true, detectRaces: true });
    expect(shared.firstRace?.location).toBe('generator#1');
  });

  it('a generator expression only its consumer can reach (sum, a for loop) takes no steps of its own', () => {
    const source = `
import threading
data = [1, 2, 3]
g = (v for v in data)
print(sum(x for x in range(60000)))
for y in (x for x in range(3)):
    pass
t = threading.Thread(target=lambda: print(next(g)))
t.start()
print(next(g))
t.join()
`;
    const r = execute(pythonProgram(source, 'confined.py'), { policy: new FifoPolicy(), seed: 0, record: true });
    expect(r.failures).toEqual([]);
    const gens = new Set(r.trace!.filter((s) => String(s.obj).startsWith('generator#')).map((s) => s.obj));
    // Only g, the one bound to a name and shared with the thread, steps (made first: generator#1).
    expect([...gens]).toEqual(['generator#1']);
  });
});

describe('a generator a for loop makes itself', () => {
  const stepsOn = (source: string): number => {
    const r = execute(pythonProgram(source, 'gen.py'), { policy: new FifoPolicy(), seed: 0, record: true });
    expect(r.failures).toEqual([]);
    return r.trace!.filter((s) => String(s.obj).startsWith('generator#')).length;
  };
  const GEN = `
shared = []
def gen(n):
    for i in range(n):
        yield i
def wrap(g):
    shared.append(g)
    return g
def make():
    g = gen(3)
    shared.append(g)
    return g
`;

  it('takes no steps of its own (for x in gen():): only its consumer can reach it', () => {
    expect(stepsOn(`${GEN}\nfor x in gen(3):\n    pass\n`)).toBe(0);
    expect(stepsOn(`${GEN}\nclass C:\n    def items(self):\n        yield 1\nfor x in C().items():\n    pass\n`)).toBe(0);
  });

  it('still steps when another call could have shared it first (wrap(gen()), a factory, a name)', () => {
    // Entering and leaving per item: 3 items and the final resume, two steps each.
    expect(stepsOn(`${GEN}\nfor x in wrap(gen(3)):\n    pass\n`)).toBe(8);
    expect(stepsOn(`${GEN}\nfor x in make():\n    pass\n`)).toBe(8);
    expect(stepsOn(`${GEN}\ng = gen(3)\nfor x in g:\n    pass\n`)).toBe(8);
  });
});
