/**
 * The DPOR search split into jobs (dpor-jobs.ts, dpor-job-coordinator.ts) run in this thread
 * under interleavings chosen by a seeded generator: which worker runs its next execution,
 * which message is delivered next (each channel keeps its order, as worker threads' ports do).
 * Whatever the interleaving and the number of workers, the jobs must run exactly the traces of
 * the sequential search, each once, and the summary must be one thread's.
 */
import { describe, expect, it } from 'vitest';
import { explore, type ExploreOptions, type ExploreSummary } from '../../../../src/scheduler/explore/explore.js';
import { DporBranchRun } from '../../../../src/scheduler/explore/workers/dpor-branch.js';
import { DporJobCoordinator, type FromJobWorker, type ToJobWorker } from '../../../../src/scheduler/explore/workers/dpor-job-coordinator.js';
import type { Program } from '../../../../src/scheduler/program.js';
import { lastzeroTraces, named } from '../helpers.js';

/** mulberry32, so a failing interleaving can be named by its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sim {
  summary: ExploreSummary;
  /** Trace key hash -> executions that had it, over every job. */
  keys: Map<string, number>;
  jobs: number;
  run: number;
  abandoned: number;
}

/** Run the jobs with `n` simulated workers under the interleaving `seed` picks; `levels` sets K. */
function simulate(program: Program, options: ExploreOptions, n: number, seed: number, depth?: number): Sim {
  const random = rng(seed);
  const c = new DporJobCoordinator(program, { ...options, countTraces: true }, n, depth);
  const keys = new Map<string, number>();
  const workers = Array.from({ length: n }, () => ({ run: undefined as DporBranchRun | undefined, inbox: [] as ToJobWorker[], outbox: [{ type: 'ready' }] as FromJobWorker[] }));
  const send = (w: (typeof workers)[number], m: FromJobWorker): void => {
    w.outbox.push(structuredClone(m));
  };
  const flush = (w: (typeof workers)[number]): void => {
    const run = w.run!;
    const top = run.takeTop();
    if (top.states !== undefined || top.races.length > 0) send(w, { type: 'top', states: top.states ?? null, races: top.races });
    if (run.done) {
      const result = run.result();
      for (const x of result.records) keys.set(x.trace, (keys.get(x.trace) ?? 0) + 1);
      send(w, { type: 'job-done', result });
      w.run = undefined;
    }
  };
  for (let guard = 0; guard < 10_000_000; guard++) {
    if (c.done && workers.every((w) => w.inbox.length === 0 && w.outbox.length === 0 && w.run === undefined)) break;
    const actions: (() => void)[] = [];
    workers.forEach((w, i) => {
      if (w.outbox.length > 0) actions.push(() => c.receive(i, w.outbox.shift()!).forEach(([j, m]) => workers[j]!.inbox.push(structuredClone(m))));
      if (w.inbox.length > 0) {
        actions.push(() => {
          const m = w.inbox.shift()!;
          if (m.type === 'job') w.run = new DporBranchRun(program, { ...options, countTraces: true }, { job: m.job });
          else if (w.run !== undefined) {
            w.run.interrupt();
            flush(w);
          }
        });
      }
      if (w.run !== undefined) {
        actions.push(() => {
          w.run!.run(0);
          flush(w);
        });
      }
    });
    actions[Math.floor(random() * actions.length)]!();
  }
  expect(c.done).toBe(true);
  const s = c.splits;
  return { summary: c.summary(0), keys, jobs: s.jobs, run: s.run, abandoned: s.abandoned };
}

/** The sequential search's traces (hashed keys), each with its count (always 1): the plain search, as one part with the empty prefix. */
function sequentialKeys(program: Program, options: ExploreOptions): Map<string, number> {
  const run = new DporBranchRun(program, { ...options, countTraces: true }, { parts: [[]] });
  run.run();
  const keys = new Map<string, number>();
  for (const x of run.result().records) keys.set(x.trace, (keys.get(x.trace) ?? 0) + 1);
  return keys;
}

/** What must not depend on the split: everything but timing, DPOR's work counters and the executions abandoned early. */
const timeless = (s: ExploreSummary): unknown => {
  const { elapsedMs: _e, dpor: _d, abandoned: _a, failures, ...rest } = s;
  return { ...rest, failures: failures.map((f) => ({ signature: f.signature, execution: f.execution, schedule: f.schedule, preemptions: f.preemptions })) };
};

describe('DPOR split into jobs (simulated interleavings)', () => {
  /** Program, options, and whether DFS (every interleaving, no reduction) is small enough to count its traces too. */
  const cases: [string, ExploreOptions, boolean?][] = [
    ['bench/lastzero-2', { histogram: true }, true],
    ['bench/lastzero-3', {}],
    ['bench/lastzero-4', { histogram: true }],
    ['bench/lastzero-6', { histogram: true }],
    ['bench/lastzero-8', {}],
    ['bench/readers-4', { histogram: true }],
    ['bench/counter-2', { keepGoing: true }, true],
    ['bench/counter-3', { keepGoing: true }],
    ['bench/locked-counter-3', { histogram: true }],
    ['zoo/lock-order-inversion', { histogram: true }],
    ['bench/lock-fs-3', { histogram: true }],
    ['bench/bug-lock-ring-3', { keepGoing: true, histogram: true }],
    ['zoo/executor-swallowed-exception', { keepGoing: true, histogram: true }],
    ['zoo/dining-philosophers', {}],
  ];
  for (const [name, options, small] of cases) {
    it(`${name} ${JSON.stringify(options)}: 1, 2 and 3 workers run exactly the sequential traces, each once`, () => {
      const program = named(name);
      const one = explore(program, { ...options, countTraces: true });
      const seq = sequentialKeys(program, options);
      if (one.stopped === 'exhausted') expect(seq.size).toBe(one.traces);
      if (small) expect(explore(program, { ...options, strategy: 'dfs', countTraces: true }).traces).toBe(one.traces);
      for (const n of [1, 2, 3]) {
        for (const seed of n === 1 ? [1] : [1, 2]) {
          const sim = simulate(program, options, n, seed);
          const at = `${n} workers, interleaving ${seed}`;
          expect(timeless(sim.summary), at).toEqual(timeless(one));
          if (one.stopped !== 'exhausted') continue;
          expect([...sim.keys.values()].every((k) => k === 1), `${at}: a trace run twice`).toBe(true);
          expect([...sim.keys.keys()].sort(), at).toEqual([...seq.keys()].sort());
          if (n > 1 && seq.size > 50) expect(sim.jobs, `${at}: the tree was not split`).toBeGreaterThan(n);
        }
      }
    });
  }

  it('lastzero(5) and readers(4): every depth of the top gives exactly the sequential traces', () => {
    for (const name of ['bench/lastzero-5', 'bench/readers-4']) {
      const program = named(name);
      const seq = sequentialKeys(program, {});
      for (const depth of [0, 1, 4, 7, 8, 9, 10, 12, 14, 17, 20, 40]) {
        const sim = simulate(program, {}, 2, depth, depth);
        expect([...sim.keys.values()].every((k) => k === 1), `${name}, top depth ${depth}: a trace run twice`).toBe(true);
        expect([...sim.keys.keys()].sort(), `${name}, top depth ${depth}`).toEqual([...seq.keys()].sort());
      }
    }
    expect(sequentialKeys(named('bench/lastzero-5'), {}).size).toBe(lastzeroTraces(5));
  });
});
