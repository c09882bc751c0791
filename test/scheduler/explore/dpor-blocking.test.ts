import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Condition } from '../../../src/models/condition.js';
import { ThreadPoolExecutor } from '../../../src/models/executor.js';
import { Queue } from '../../../src/models/queue.js';
import { Semaphore } from '../../../src/models/semaphore.js';
import { Lock } from '../../../src/models/lock.js';
import { RLock } from '../../../src/models/rlock.js';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import type { Steps } from '../../../src/scheduler/ops.js';
import { execute } from '../../../src/scheduler/execution.js';
import { DfsSearch } from '../../../src/scheduler/explore/dfs.js';
import { DporSearch } from '../../../src/scheduler/explore/dpor.js';
import { explore } from '../../../src/scheduler/explore/explore.js';
import type { Runner } from '../../../src/scheduler/explore/search.js';
import { traceKey } from '../../../src/scheduler/explore/trace-key.js';
import { program, type Program } from '../../../src/scheduler/program.js';
import { factorial, named } from './helpers.js';

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function runnerOf(p: Program): Runner {
  return (policy, monitor, seed = 0) => execute(p, { policy, seed, untimed: true, ...(monitor === undefined ? {} : { monitor }) });
}

/**
 * The trace key of every complete or deadlocked execution DPOR explores (in order, duplicates
 * kept), its abandoned executions, and the set of trace keys of every interleaving, found by
 * plain DFS (undefined when that takes more than `budget` executions).
 */
function traces(p: Program, budget: number): { dpor: string[]; abandoned: number; all: Set<string> | undefined } {
  const dpor = new DporSearch(runnerOf(p), false, true);
  const keys: string[] = [];
  let abandoned = 0;
  for (let step = dpor.next(); step.kind !== 'done'; step = dpor.next()) {
    if (step.kind === 'abandoned') abandoned++;
    else keys.push(traceKey(dpor.lastEvents, dpor.rules));
  }
  const dfs = new DfsSearch(runnerOf(p), Infinity, true);
  const all = new Set<string>();
  let runs = 0;
  for (let step = dfs.next(); step.kind !== 'done'; step = dfs.next()) {
    if (++runs > budget) return { dpor: keys, abandoned, all: undefined };
    if (step.kind === 'execution') all.add(traceKey(dfs.events, dpor.rules));
  }
  return { dpor: keys, abandoned, all };
}

/** One action of a generated thread: read or write a location, inside a lock or not. */
interface Action {
  readonly write: boolean;
  readonly loc: number;
  /** -1: no lock; 0, 1: a Lock; 2: an RLock taken twice (re-entrantly). */
  readonly lock: number;
}

const action = fc.record({ write: fc.boolean(), loc: fc.integer({ min: 0, max: 1 }), lock: fc.integer({ min: -1, max: 2 }) });
const threads = fc.array(fc.array(action, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 3 });

function build(spec: readonly (readonly Action[])[]): Program {
  return program('test/generated-locks', function* main() {
    const mem = shared<Record<string, number>>('m', { x0: 0, x1: 0 });
    const locks = [new Lock({ name: 'L0' }), new Lock({ name: 'L1' })];
    const rlock = new RLock({ name: 'R' });
    const ts = spec.map(
      (actions, i) =>
        new Thread({
          name: `t${i}`,
          target: function* (): Steps<void> {
            let last = 0;
            function* act(a: Action): Steps<void> {
              if (a.write) yield* mem.set(`x${a.loc}`, 2 * last + i + 1);
              else last = yield* mem.get(`x${a.loc}`);
            }
            for (const a of actions) {
              if (a.lock < 0) yield* act(a);
              else if (a.lock < 2) yield* locks[a.lock]!.with(() => act(a));
              else yield* rlock.with(() => rlock.with(() => act(a)));
            }
          },
        }),
    );
    for (const t of ts) yield* t.start();
  });
}

describe('DPOR with locks and other blocking steps: one execution per trace, none abandoned', () => {
  it('generated programs: the traces DPOR explores are exactly the traces of all interleavings, each once', () => {
    let compared = 0;
    fc.assert(
      fc.property(threads, (spec) => {
        const t = traces(build(spec), 1_500);
        fc.pre(t.all !== undefined);
        compared++;
        expect([...t.dpor].sort()).toEqual([...t.all!].sort());
        expect(t.abandoned).toBe(0);
      }),
      { numRuns: 40, seed: 20261206 },
    );
    expect(compared).toBeGreaterThan(15);
  });

  // A Condition's wait releases its lock inside the wait and re-acquires it after the notify.
  it('a condition variable hand-off and a lock: same trace set as DFS', () => {
    const p = program('test/condition-handoff', function* main() {
      const s = shared('s', { ready: 0 });
      const cond = new Condition(new Lock({ name: 'L' }));
      const waiter = new Thread({
        name: 'waiter',
        target: () => cond.with(function* () {
          while ((yield* s.get('ready')) === 0) yield* cond.wait();
        }),
      });
      const setter = new Thread({
        name: 'setter',
        target: () => cond.with(function* () {
          yield* s.set('ready', 1);
          yield* cond.notify();
        }),
      });
      yield* waiter.start();
      yield* setter.start();
    });
    const t = traces(p, 20_000);
    expect(t.all).toBeDefined();
    expect([...t.dpor].sort()).toEqual([...t.all!].sort());
    expect(t.abandoned).toBe(0);
  });

  // Queues, an executor's work queue and semaphores: a get after the put that filled an empty
  // queue cannot be reversed with it; it races with the get that took the item before.
  const blocking: Program[] = [
    program('test/executor-2-2', function* () {
      yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (ex) {
        for (const i of [0, 1]) yield* ex.submit(function* () { return i; });
      });
    }),
    program('test/queue-2-getters', function* () {
      const q = new Queue<number>();
      const m = shared('m', { x: 0 });
      const ts = [0, 1].map((i) => new Thread({ name: `c${i}`, target: function* () { yield* m.set('x', (yield* q.get()) + i); } }));
      ts.push(new Thread({ name: 'p', target: function* () { yield* q.put(1); yield* q.put(2); } }));
      for (const t of ts) yield* t.start();
    }),
    program('test/bounded-queue', function* () {
      const q = new Queue<number>(1);
      const c = new Thread({ name: 'c', target: function* () { yield* q.get(); yield* q.get(); } });
      const ps = [1, 2].map((i) => new Thread({ name: `p${i}`, target: function* () { yield* q.put(i); } }));
      for (const t of [c, ...ps]) yield* t.start();
    }),
    program('test/semaphore-3', function* () {
      const s = new Semaphore(1);
      const m = shared('m', { x: 0 });
      const ts = [0, 1, 2].map((i) => new Thread({ name: `t${i}`, target: function* () { yield* s.acquire(); yield* m.set('x', i); yield* s.release(); } }));
      for (const t of ts) yield* t.start();
    }),
  ];
  it.each(blocking.map((p) => [p.name, p] as const))('%s: the trace set of DFS, each trace once, none abandoned', (_name, p) => {
    const t = traces(p, 20_000);
    expect(t.all).toBeDefined();
    expect(t.all!.size).toBeGreaterThan(1);
    expect([...t.dpor].sort()).toEqual([...t.all!].sort());
    expect(t.abandoned).toBe(0);
  });

  // bench/lock-fs-K: K pairs of threads, each pair contends for one block; the pairs decide
  // independently, so 2^K traces. Before lock-aware races, K * 2^(K-1) executions were
  // started and abandoned as sleep-set blocked.
  it.each(range(1, 4))('bench/lock-fs-%i: 2^K executions, each a different trace, none abandoned', (k) => {
    const s = explore(named(`bench/lock-fs-${k}`), { countTraces: true });
    expect(s.stopped).toBe('exhausted');
    expect(s.complete).toBe(2 ** k);
    expect(s.traces).toBe(2 ** k);
    expect(s.abandoned).toBe(0);
  });

  it.each(range(2, 5))('bench/locked-counter-%i: N! executions, none abandoned', (n) => {
    const s = explore(named(`bench/locked-counter-${n}`), { countTraces: true });
    expect(s.complete).toBe(factorial(n));
    expect(s.traces).toBe(factorial(n));
    expect(s.abandoned).toBe(0);
  });
});
