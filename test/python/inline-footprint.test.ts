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

  // More shapes, each against DFS: a dict keyed by objects whose __hash__/__eq__ read
  // attributes other threads write, a set's membership, a PriorityQueue ordered by __lt__, and
  // an __eq__ that prints (output order matters with --histogram).
  it.each([
    [
      'a dict lookup whose key hashes and compares by attributes two threads write',
      `import threading
class K:
    def __init__(s, a, b): s.a = a; s.b = b
    def __hash__(s): return hash(s.a)
    def __eq__(s, o): return s.a == o.a and s.b == o.b
k = K(1, 2)
d = {k: "hit"}
res = []
def a():
    k.b = 3
def b():
    res.append(d.get(K(1, 3), "miss"))
def c():
    k.b = 2
ts = [threading.Thread(target=f) for f in (a, b, c)]
for t in ts: t.start()
for t in ts: t.join()
print(res)
`,
    ],
    [
      "a set's membership and a PriorityQueue's order by __lt__",
      `import threading, queue
class J:
    def __init__(s, p): s.p = p
    def __lt__(s, o): return s.p < o.p
    def __eq__(s, o): return s.p == o.p
    def __hash__(s): return 7
j = J(1)
seen = {j}
q = queue.PriorityQueue()
res = []
def a():
    j.p = 9
def b():
    res.append(J(9) in seen)
    q.put(J(5))
    q.put(j)
    res.append(q.get().p)
ts = [threading.Thread(target=f) for f in (a, b)]
for t in ts: t.start()
for t in ts: t.join()
print(res)
`,
    ],
    [
      'an __eq__ that prints, against a print in another thread',
      `import threading
class P:
    def __eq__(s, o):
        print("compared")
        return True
lst = [P()]
res = []
def a():
    print("other")
def b():
    res.append(P() in lst)
ts = [threading.Thread(target=f) for f in (a, b)]
for t in ts: t.start()
for t in ts: t.join()
print(res)
`,
    ],
  ])('%s: DPOR finds what DFS finds', (_name, src) => {
    const dpor = outputs(src, 'dpor');
    expect(dpor).toEqual(outputs(src, 'dfs'));
    expect(dpor.length).toBeGreaterThan(1);
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
