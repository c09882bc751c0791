/**
 * Code a step runs inside itself (a class's `__eq__` called by a list's `in`, a dataclass's
 * generated `__eq__`) counts in that step's footprint (Kernel.touch), so DPOR explores the orders
 * it depends on: its outputs equal DFS's, which runs every schedule.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { Exploration } from '../../src/scheduler/explore/explore.js';

function outputs(source: string, strategy: 'dpor' | 'dfs'): string[] {
  const e = new Exploration(pythonProgram(source, 'eq.py'), { strategy, histogram: true, keepGoing: true });
  e.run();
  return e.summary().histogram!.outputs.map(([text]) => text).sort();
}

const THREADS = `
ts = [threading.Thread(target=f) for f in (a, b)]
for t in ts: t.start()
for t in ts: t.join()
print(res)
`;

describe('code run inside a step is in its footprint', () => {
  it("a class's __eq__ under a list's in: both answers, as DFS finds", () => {
    const src = `import threading
class P:
    def __init__(s, x): s.x = x
    def __eq__(s, o): return s.x == o.x
p = P(1)
lst = [p]
res = []
def a():
    p.x = 5
def b():
    res.append(P(5) in lst)
${THREADS}`;
    const dpor = outputs(src, 'dpor');
    expect(dpor).toEqual(outputs(src, 'dfs'));
    expect(dpor).toEqual(['[False]', '[True]']);
  });

  it("a dataclass's __eq__ under a list's in", () => {
    const src = `import threading
from dataclasses import dataclass
@dataclass
class Job:
    name: str
    done: bool = False
jobs = [Job("a")]
res = []
def a():
    jobs[0].done = True
def b():
    res.append(Job("a", True) in jobs)
${THREADS}`;
    const dpor = outputs(src, 'dpor');
    expect(dpor).toEqual(outputs(src, 'dfs'));
    expect(dpor).toEqual(['[False]', '[True]']);
  });
});
