/**
 * `del` of shared state is a write op where an assignment to the same target is one (a declared
 * global, a plain instance attribute, a list's or a dict's contents), so races and DPOR see it;
 * deleting a local takes no step. CPython's outputs of these programs: test/python/programs/delete.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';
import { execute } from '../../src/scheduler/execution.js';
import { FifoPolicy } from '../../src/scheduler/policies/fifo.js';

const SOURCE = `
class Box:
    def __init__(self):
        self.size = 1

box = Box()
d = {"k": 1}
items = [1, 2, 3]
counter = 0

def drop():
    global counter
    local = 1
    del local
    del counter
    del box.size
    del d["k"]
    del items[0]

drop()
`;

describe('del', () => {
  it('is one write step per shared target, and none for a local', () => {
    const r = execute(pythonProgram(SOURCE, 'del.py'), { policy: new FifoPolicy(), seed: 0, record: true });
    const writes = r.trace!.filter((s) => s.kind === 'write').map((s) => `${s.obj} ${s.site}`);
    expect(writes).toEqual(['Box#1.size del.py:4', 'counter del.py:9', 'counter del.py:15', 'Box#1.size del.py:16', 'dict#1 del.py:17', 'list#1 del.py:18']);
  });

  const RACE = (guard: string): string => `
import threading
shared = {"k": 1}
lock = threading.Lock()

def remove():
    ${guard}
        del shared["k"]

def look():
    ${guard}
        print("k" in shared)

ts = [threading.Thread(target=remove), threading.Thread(target=look)]
for t in ts:
    t.start()
for t in ts:
    t.join()
`;

  it("is ordered against other threads' reads by exploration, and raced with them", () => {
    const racy = explore(pythonProgram(RACE('if True:'), 'race.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(racy.histogram!.outputs.map(([o]) => o).sort()).toEqual(['False', 'True']);
    expect(racy.firstRace?.location).toBe('dict#1');
    // Under a lock the two accesses are ordered: still both outcomes, no race.
    const locked = explore(pythonProgram(RACE('with lock:'), 'locked.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(locked.histogram!.outputs.map(([o]) => o).sort()).toEqual(['False', 'True']);
    expect(locked.firstRace).toBeUndefined();
  });

  // CPython runs list.append, d[k] = v and del d[k] as one step under the GIL: two threads
  // doing them to one container lose nothing, so no race is reported between them (both
  // orders are still explored); a read of the container between them still races.
  it('reports no race between atomic container updates of two threads, but one with a read', () => {
    const src = (body: string): string => `
import threading
results = []
seen = {}
def work(i):
${body}
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results), sorted(seen))
`;
    const atomic = explore(pythonProgram(src('    results.append(i)\n    seen[i] = True\n    del seen[i]\n    seen[i] = 1'), 'atomic.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(atomic.histogram!.outputs.map(([o]) => o)).toEqual(['[0, 1] [0, 1]']);
    expect(atomic.executions).toBeGreaterThan(1);
    expect(atomic.firstRace).toBeUndefined();
    const read = explore(pythonProgram(src('    results.append(len(results))'), 'read.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(read.firstRace?.location).toBe('list#1');
  });
});
