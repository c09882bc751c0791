/**
 * `collections` objects are shared state as lists and dicts are (bindings/collections.ts): a
 * deque's append/appendleft/pop/popleft are atomic writes, as CPython's C methods under the GIL
 * are, so two threads appending lose nothing and are not reported as racing; `counts[w] += 1`
 * on a Counter or a defaultdict is a read then a write, a race exploration finds. What they print
 * is checked against CPython by test/python/programs/mod_collections.py.
 */
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import type { SwitchRule } from '../../src/python/interp.js';
import { explore } from '../../src/scheduler/explore/explore.js';

const run = (src: string, rule: SwitchRule = 'cpython') => explore(pythonProgram(src, 'c.py', { switchRule: rule }), { strategy: 'dpor', histogram: true, keepGoing: true, detectRaces: true });

const THREADS = (body: string, setup: string, after: string): string => `
import threading
from collections import Counter, defaultdict, deque
${setup}
def work(i):
${body}
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
${after}
`;

describe('collections under threads', () => {
  it('deque: two threads appending and popping lose nothing and race with nothing', () => {
    const r = run(THREADS('    q.append(i)\n    q.appendleft(i + 10)\n    q.append(q.popleft() * 0 + i + 20)', 'q = deque()', 'print(sorted(q))'));
    expect(r.executions).toBeGreaterThan(1);
    expect(r.histogram!.outputs.map(([o]) => o)).toEqual(['[0, 1, 20, 21]']);
    expect(r.firstRace).toBeUndefined();
  });

  it('deque: a read of it (len) between appends races', () => {
    const r = run(THREADS('    q.append(len(q))', 'q = deque()', 'print(sorted(q))'));
    expect(r.firstRace?.location).toBe('deque#1');
    expect(r.histogram!.outputs.map(([o]) => o).sort()).toEqual(['[0, 0]', '[0, 1]']);
  });

  it('deque with maxlen keeps the newest items, whatever the order', () => {
    const r = run(THREADS('    q.append(i)\n    q.append(i + 2)', 'q = deque([9], maxlen=2)', 'print(len(q), 9 in q)'));
    expect(r.histogram!.outputs.map(([o]) => o)).toEqual(['2 False']);
  });

  it("Counter: counts[w] += 1 is a read then a write: the race is reported and --switch any loses an update", () => {
    const src = THREADS('    counts["w"] += 1', 'counts = Counter(w=0)', 'print(counts)');
    const strict = run(src);
    expect(strict.firstRace?.location).toBe('Counter#1');
    // The key exists: no check point between the read and the write under CPython 3.11.
    expect(strict.histogram!.outputs.map(([o]) => o)).toEqual(["Counter({'w': 2})"]);
    const any = run(src, 'any');
    expect(any.histogram!.outputs.map(([o]) => o).sort()).toEqual(["Counter({'w': 1})", "Counter({'w': 2})"]);
  });

  it('Counter: a missing key runs __missing__, Python code in CPython, so even the cpython rule can lose the first update', () => {
    const r = run(THREADS('    counts["w"] += 1', 'counts = Counter()', 'print(counts)'));
    expect(r.histogram!.outputs.map(([o]) => o).sort()).toEqual(["Counter({'w': 1})", "Counter({'w': 2})"]);
  });

  it('defaultdict(int): += on a missing key is atomic under the cpython rule (the factory is C), not under --switch any', () => {
    const src = THREADS('    counts["w"] += 1', 'counts = defaultdict(int)', 'print(dict(counts))');
    const strict = run(src);
    expect(strict.firstRace?.location).toBe('defaultdict#1');
    expect(strict.histogram!.outputs.map(([o]) => o)).toEqual(["{'w': 2}"]);
    const any = run(src, 'any');
    expect(any.histogram!.outputs.map(([o]) => o).sort()).toEqual(["{'w': 1}", "{'w': 2}"]);
  });

  it("defaultdict(list): dd[k].append(x) from two threads keeps both items; a lambda factory (a check point) can lose one", () => {
    const c = run(THREADS('    dd["k"].append(i)', 'dd = defaultdict(list)', 'print(sorted(dd["k"]))'));
    expect(c.histogram!.outputs.map(([o]) => o)).toEqual(['[0, 1]']);
    const lambda = run(THREADS('    dd["k"].append(i)', 'dd = defaultdict(lambda: [])', 'print(sorted(dd["k"]))'));
    expect(lambda.histogram!.outputs.map(([o]) => o).sort()).toEqual(['[0, 1]', '[0]', '[1]']);
  });
});
