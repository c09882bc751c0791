/**
 * Sets are shared state as lists are: a method that changes one is a write step on it, a
 * lookup or an iteration a read step, so races and DPOR see them; a frozenset, immutable, takes
 * none. Their iteration order against CPython's: test/python/programs/sets.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';
import { execute } from '../../src/scheduler/execution.js';
import { FifoPolicy } from '../../src/scheduler/policies/fifo.js';

describe('sets', () => {
  it('take one step per method on a set, and none on a frozenset', () => {
    const source = `
s = {1, 2}
f = frozenset(s)
s.add(3)
print(3 in s, 3 in f, len(s), len(f), sorted(s), sorted(f))
s -= f
`;
    const r = execute(pythonProgram(source, 'steps.py'), { policy: new FifoPolicy(), seed: 0, record: true });
    const steps = r.trace!.filter((s) => s.kind === 'read' || s.kind === 'write').map((s) => `${s.kind} ${s.obj}`);
    // frozenset(s) reads s; add writes it; `3 in s`, len(s) and sorted(s) read it; f takes no step; -= writes s.
    expect(steps).toEqual(['read set#1', 'write set#1', 'read set#1', 'read set#1', 'read set#1', 'write set#1']);
    // A method's step names the line that called it.
    expect(r.trace!.filter((s) => s.kind === 'write').map((s) => s.site)).toEqual(['steps.py:4', 'steps.py:6']);
  });

  it('are raced on by unsynchronized threads, and ordered by a lock', () => {
    const program = (guard: string): string => `
import threading
seen = set()
lock = threading.Lock()

def add():
    ${guard}
        seen.add(1)

def look():
    ${guard}
        print(1 in seen)

ts = [threading.Thread(target=add), threading.Thread(target=look)]
for t in ts:
    t.start()
for t in ts:
    t.join()
`;
    const racy = explore(pythonProgram(program('if True:'), 'race.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(racy.histogram!.outputs.map(([o]) => o).sort()).toEqual(['False', 'True']);
    expect(racy.firstRace?.location).toBe('set#1');
    const locked = explore(pythonProgram(program('with lock:'), 'locked.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(locked.histogram!.outputs.map(([o]) => o).sort()).toEqual(['False', 'True']);
    expect(locked.firstRace).toBeUndefined();
  });

  it('of strings iterate in one fixed order in every execution', () => {
    const source = 'print({"pear", "apple", "fig", "kiwi", "plum"})\n';
    const outputs = new Set<string>();
    for (let seed = 0; seed < 3; seed++) {
      const r = execute(pythonProgram(source, 'fruit.py'), { policy: new FifoPolicy(), seed });
      outputs.add(r.output.map((l) => l.text).join('').trim());
    }
    expect(outputs.size).toBe(1);
    // The order PYTHONHASHSEED=0 python3 prints.
    expect([...outputs][0]).toBe("{'apple', 'fig', 'plum', 'pear', 'kiwi'}");
  });
});
