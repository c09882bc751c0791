/**
 * Generated `.py` programs whose containers run a class's `__eq__`, `__hash__` or `__lt__`
 * inside their own steps (inline-programs.ts), while other threads write the attributes those
 * dunders read: DPOR reaches exactly the outputs that DFS reaches by running every schedule.
 * The sleep-set argument for steps whose footprint grows with the code they run inline is an
 * argument; this checks it, and the cases below are programs it found DPOR wrong on.
 * A bigger sweep: `npx tsx bench/inline-dpor-sweep.ts` (bench/inline-dpor-sweep.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputs, smallSpecs, source } from './inline-programs.js';

/** DFS executions allowed per program: generated programs that need more are skipped (fc.pre). */
const DFS_BUDGET = 500;

describe('DPOR finds every output DFS finds, on generated programs with inline dunders', () => {
  it('2-3 threads writing attributes that in, index, count, dict and set lookups compare', { timeout: 60_000 }, () => {
    let checked = 0;
    fc.assert(
      fc.property(smallSpecs, (spec) => {
        const src = source(spec);
        const all = outputs(src, 'dfs', DFS_BUDGET);
        fc.pre(all !== undefined);
        checked++;
        expect(outputs(src, 'dpor')).toEqual(all);
      }),
      { numRuns: 15, seed: 20261206, maxSkipsPerRun: 10 },
    );
    // The budget must leave most programs in: a check that skips them all checks nothing.
    expect(checked).toBeGreaterThanOrEqual(12);
  });
});

const THREADS = (n: number): string => `
ts = [threading.Thread(target=f) for f in (${Array.from({ length: n }, (_, i) => `t${i}`).join(', ')},)]
for t in ts: t.start()
for t in ts: t.join()
`;

describe('programs the generator found DPOR wrong on', () => {
  // Found by the generator (shrunk by hand, no dunder left): t1's two assignments have no
  // CPython check point between them, so they are one transition. Reversing t0's race with
  // t1 put t2's write first, and t1's existing branch was taken to cover that sequence
  // because t1's first step (q.y) is independent of t2's write; t1's transition (q.y then p.x)
  // is not. DPOR found 3 of the 4 outputs: "5 1" needs t2, then t1, then t0.
  it('a glued transition whose later step conflicts where its first does not', () => {
    const src = `import threading
class P:
    def __init__(s, x, y): s.x = x; s.y = y
p = P(1, 2)
q = P(2, 1)
def t0():
    q.y = 1
def t1():
    q.y = 5
    p.x = 5
def t2():
    p.x = 1
${THREADS(3)}print(p.x, q.y)
`;
    const dpor = outputs(src, 'dpor');
    expect(dpor).toEqual(outputs(src, 'dfs'));
    // Independently of DFS: t1's writes stay together, so each of the other two writes goes
    // before or after them: 4 outcomes.
    expect(dpor).toEqual(['1 1', '1 5', '5 1', '5 5']);
  });

  // Found by the generator: t0's dict assignment runs P.__eq__ inline on p (reading p.x), so
  // its step reads p.x. t2's comprehension over sorted(lst) reads p.x in a step glued to an
  // earlier one that does not: a wakeup sequence kept that earlier step and left out the
  // glued one (it happens after t0's step), so replaying it ran the glued step where the
  // sequence put t1's write, and the branch was dropped. DPOR found 4 of the 6 outputs.
  it("a dict assignment whose __eq__ reads what another thread writes, beside a sorted() that reads it too", () => {
    const src = `import threading
class P:
    def __init__(s, x): s.x = x
    def __eq__(s, o): return s.x == o.x
    def __hash__(s): return 7
    def __lt__(s, o): return s.x < o.x
p = P(1)
q = P(2)
lst = [p, q]
d = {p: "p"}
r = []
def t0():
    d[P(5)] = 5
def t1():
    p.x = 5
def t2():
    r.append([o.x for o in sorted(lst)])
${THREADS(3)}print(r, len(d))
`;
    // Not against DFS here (it takes 3,192 executions, seconds): the sort and the
    // comprehension read p.x in different steps, so t2 prints [1, 2] (both before t1's
    // write), [2, 5] (both after) or [5, 2] (sorted before, read after); len(d) is 1 exactly
    // when t1's write came before t0's assignment, whatever t2 did. Every pair: 3 x 2.
    const want = ['[[1, 2]]', '[[2, 5]]', '[[5, 2]]'].flatMap((r) => [`${r} 1`, `${r} 2`]).sort();
    expect(outputs(src, 'dpor')).toEqual(want);
  });

  // Found while checking --detect-races on these shapes: an __eq__ that takes a lock. With
  // t0 holding it, t1's `in` cannot wait inside its step and raises RuntimeError; that step
  // saw the held lock but did not count it in its footprint, so t0's release stayed
  // independent of it, t0 stayed asleep, and the execution was dropped as redundant. DPOR
  // found 1 of the 3 outputs: [True], [False] (t1 first) and t1's RuntimeError.
  it('an __eq__ that takes a lock another thread holds around its write', () => {
    const src = `import threading
lk = threading.Lock()
class P:
    def __init__(s, x): s.x = x
    def __eq__(s, o):
        with lk:
            return s.x == o.x
p = P(1)
lst = [p]
res = []
def t0():
    with lk:
        p.x = 5
def t1():
    res.append(P(5) in lst)
${THREADS(2)}print(res)
`;
    const dpor = outputs(src, 'dpor') ?? [];
    expect(dpor).toEqual(outputs(src, 'dfs'));
    expect(dpor.filter((o) => o === '[True]' || o === '[False]')).toEqual(['[False]', '[True]']);
    expect(dpor.filter((o) => o.includes("RuntimeError: threadsim runs a class's __eq__ inside the step"))).toHaveLength(1);
  });

  // Found by bench/inline-dpor-sweep.ts: t0's `in` takes the lock inside its step, which is
  // glued to the step before it (no check point between); t1's acquire races with it. DPOR
  // looks for where t1 could have gone first, and asked whether t1 was parked at the state
  // before the glued step, which lists only t0 as enabled (nothing else can run there): it
  // took t1 as parked and reversed nothing. DPOR found 1 of the 3 outputs.
  it("an acquire racing with a glued step whose __eq__ takes the lock", () => {
    const src = `import threading
lk = threading.Lock()
class P:
    def __init__(s, x): s.x = x
    def __eq__(s, o):
        with lk:
            return s.x == o.x
p = P(1)
q = P(2)
lst = [p, q]
r = []
def t0():
    r.append(P(5) in lst)
def t1():
    with lk: q.x = 2
    with lk: p.x = 5
${THREADS(2)}print(r)
`;
    const dpor = outputs(src, 'dpor') ?? [];
    expect(dpor).toEqual(outputs(src, 'dfs'));
    // Independently of DFS: before both writes (False), after both (True), or between t1's
    // acquire and release (t0 cannot wait inside its step: RuntimeError).
    expect(dpor.filter((o) => o === '[True]' || o === '[False]')).toEqual(['[False]', '[True]']);
    expect(dpor.filter((o) => o.includes('where it cannot wait (acquire Lock#1)'))).toHaveLength(1);
  });
});
