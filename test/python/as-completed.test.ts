/**
 * as_completed's first batch (the futures already done at the first next()): CPython 3.11
 * yields it in set order, which memory addresses decide. The TypeScript model and the Python
 * front end share one model, whose order is a choice of the policy: the gil policy keeps the
 * order given, exhaustive search shows every order, and every order CPython prints is one of them.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { explore } from '../../src/scheduler/explore/explore.js';
import { requirePython } from './cpython.js';
import { defaultOutcome } from './threadsim-outcomes.js';
import { doneFirst, doneFirstSource } from '../fixtures/done-futures.js';

const py = pythonProgram(doneFirstSource(), 'done_first.py');
const ts = doneFirst(3);

const ALL_ORDERS = ['a b c', 'a c b', 'b a c', 'b c a', 'c a b', 'c b a'];

describe('as_completed: the order of the futures already done', () => {
  it('the .py and TypeScript forms print the same under the gil policy: the order given', () => {
    expect(defaultOutcome(py).lines).toEqual(['a b c']);
    expect(defaultOutcome(ts)).toEqual(defaultOutcome(py));
  });

  it('the .py and TypeScript forms have the same DPOR histogram: each of the 6 orders once', () => {
    const a = explore(ts, { strategy: 'dpor', histogram: true });
    const b = explore(py, { strategy: 'dpor', histogram: true });
    expect(b.histogram!.outputs).toEqual(a.histogram!.outputs);
    expect(b.histogram!.outputs.map(([o, n]) => `${o}:${n}`).sort()).toEqual(ALL_ORDERS.map((o) => `${o}:1`));
  });

  it('random runs with different seeds show more than one order (each seed its own)', () => {
    const s = explore(py, { strategy: 'random', histogram: true, maxExecutions: 60, seed: 1 });
    expect(s.histogram!.outputs.length).toBeGreaterThan(1);
    expect(s.histogram!.outputs.map(([o]) => o).every((o) => ALL_ORDERS.includes(o))).toBe(true);
  });

  it('CPython itself yields a done batch in more than one order, each of them one threadsim explores', () => {
    const python = requirePython();
    // 200 batches in one process, kept alive so that each gets fresh addresses.
    const r = spawnSync(python.executable, ['-c', `from concurrent.futures import Future, as_completed
keep = []
seen = set()
for trial in range(200):
    fs = []
    for name in ["a", "b", "c"]:
        f = Future()
        f.set_result(name)
        fs.append(f)
    keep.append(fs)
    seen.add(" ".join(f.result() for f in as_completed(fs)))
for s in sorted(seen):
    print(s)
`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const cpython = r.stdout.trim().split('\n');
    expect(cpython.length).toBeGreaterThan(1);
    const explored = explore(py, { strategy: 'dpor', histogram: true }).histogram!.outputs.map(([o]) => o);
    for (const order of cpython) expect(explored).toContain(order);
  });
});
