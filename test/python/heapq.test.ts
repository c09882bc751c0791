/**
 * heapq under threads: a push of plain items (numbers, tuples) is one atomic write of the list,
 * as CPython's C heappush is, so two threads pushing lose nothing and are not reported; items
 * with the program's own `__lt__` make each comparison Python code (a check point), so a push
 * races: as in CPython, nothing is lost (the item is appended before the comparisons), but a
 * push that another thread's push overtook fails with `RuntimeError: list changed size during
 * iteration`. Output against CPython: test/python/programs/mod_heapq.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';

const SOURCE = (item: string): string => `
import heapq, threading
class Job:
    def __init__(self, p):
        self.p = p
    def __lt__(self, other):
        return self.p < other.p
heap = [${item.replace('X', '5')}]
def work(i):
    heapq.heappush(heap, ${item.replace('X', 'i')})
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(heap))
`;

describe('heapq under threads', () => {
  it('pushes of plain items are atomic: nothing lost, no race', () => {
    const r = explore(pythonProgram(SOURCE('(X, "job")'), 'plain.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(r.executions).toBeGreaterThan(1);
    expect(r.histogram!.outputs.map(([o]) => o)).toEqual(['3']);
    expect(r.firstRace).toBeUndefined();
  });

  it("pushes of objects with their own __lt__ race: nothing is lost, but a push can fail with CPython's RuntimeError", () => {
    const r = explore(pythonProgram(SOURCE('Job(X)'), 'objects.py'), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });
    expect(r.firstRace?.location).toBe('list#1');
    // Every execution ends with both items in the heap (CPython appends before it compares) ...
    for (const [out] of r.histogram!.outputs) expect(out.split('\n').at(-1)).toBe('3');
    // ... and in some, one push fails: four CPython threads pushing 20,000 such jobs each saw it 20 times.
    expect(r.failures.map((f) => f.failure.kind === 'exception' && f.failure.detail)).toContain('list changed size during iteration');
  });
});
