/**
 * The split DPOR exchange (coordinator, branches, races sent up, work given up) run in this
 * thread under many interleavings chosen by a seeded generator: which worker runs its next
 * execution, which message is delivered next (each channel keeps its order, as worker
 * threads' ports do). Whatever the interleaving, the summary must be the one-thread summary
 * and its traces exactly the one-thread search's, each counted once (reruns may repeat some).
 */
import { describe, expect, it } from 'vitest';
import { explore, type ExploreOptions, type ExploreSummary } from '../../../../src/scheduler/explore/explore.js';
import { DporBranchRun } from '../../../../src/scheduler/explore/workers/dpor-branch.js';
import { DporCoordinator, type FromDporWorker, type ToDporWorker } from '../../../../src/scheduler/explore/workers/dpor-coordinator.js';
import type { Program } from '../../../../src/scheduler/program.js';
import { lastzeroTraces, named } from '../helpers.js';

/** A small deterministic generator (mulberry32), so a failing interleaving can be named by its seed. */
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
  /** Trace key -> executions that had it, over every worker. */
  keys: Map<string, number>;
  branches: number;
  donations: number;
  reruns: number;
  run: number;
  redundant: number;
}
/** What each simulation ran, for the log (how much the reruns repeat). */
const repeats: string[] = [];

/** Run the split search with `n` simulated workers under the interleaving `seed` picks. */
function simulate(program: Program, options: ExploreOptions, n: number, seed: number): Sim {
  const random = rng(seed);
  const c = new DporCoordinator(program, { ...options, countTraces: true }, n);
  const keys = new Map<string, number>();
  const workers = Array.from({ length: n }, () => ({ run: undefined as DporBranchRun | undefined, id: -1, inbox: [] as ToDporWorker[], outbox: [{ type: 'ready' }] as FromDporWorker[] }));
  const post = (msgs: [number, ToDporWorker][]): void => {
    for (const [i, m] of msgs) workers[i]!.inbox.push(structuredClone(m));
  };
  let tick = 0;
  const clock = (): number => tick++;
  const send = (w: (typeof workers)[number], m: FromDporWorker): void => {
    w.outbox.push(structuredClone(m));
  };
  const flush = (w: (typeof workers)[number]): void => {
    const run = w.run!;
    const races = run.takeRaces();
    if (races.length > 0) send(w, { type: 'races', races, daemons: run.daemonList() });
    if (run.done) {
      const result = run.result();
      for (const x of result.records) keys.set(x.trace, (keys.get(x.trace) ?? 0) + 1);
      send(w, { type: 'branch-done', result });
      w.run = undefined;
    }
  };
  for (let guard = 0; guard < 10_000_000; guard++) {
    if (c.done && workers.every((w) => w.inbox.length === 0 && w.outbox.length === 0 && w.run === undefined)) break;
    const actions: (() => void)[] = [];
    workers.forEach((w, i) => {
      if (w.outbox.length > 0) actions.push(() => post(c.receive(i, w.outbox.shift()!)));
      if (w.inbox.length > 0) {
        actions.push(() => {
          const m = w.inbox.shift()!;
          if (m.type === 'branch') {
            w.run = new DporBranchRun(program, { ...options, countTraces: true }, m.branch, clock);
            w.id = m.id;
          } else if (m.type === 'merge') send(w, { type: 'merge-reply', id: m.id, merged: w.run !== undefined && w.id === m.branch && w.run.insertAt(m.state, m.sequence) });
          else if (m.type === 'donate') send(w, { type: 'donated', states: w.run?.donate() ?? null });
          else if (w.run !== undefined) {
            w.run.interrupt();
            flush(w);
          }
        });
      }
      if (w.run !== undefined) {
        actions.push(() => {
          w.run!.run(1);
          flush(w);
        });
      }
    });
    actions[Math.floor(random() * actions.length)]!();
  }
  expect(c.done).toBe(true);
  return { summary: c.summary(0), keys, ...c.splits };
}

const timeless = (s: ExploreSummary): unknown => {
  const { elapsedMs: _e, dpor: _d, failures, ...rest } = s;
  return { ...rest, failures: failures.map((f) => ({ signature: f.signature, execution: f.execution, schedule: f.schedule, preemptions: f.preemptions })) };
};

describe('DPOR split across workers (simulated interleavings)', () => {
  const cases: [string, ExploreOptions][] = [
    ['bench/lastzero-5', { histogram: true }],
    ['bench/readers-3', { histogram: true }],
    ['bench/locked-counter-3', { histogram: true }],
    ['bench/counter-3', { keepGoing: true }],
    ['zoo/lock-order-inversion', { histogram: true }],
    ['zoo/executor-swallowed-exception', { keepGoing: true, histogram: true }],
    ['zoo/dining-philosophers', {}],
  ];
  /** Interleavings per worker count (the executor and the philosophers repeat many traces when split: one is enough). */
  const seeds = (name: string, n: number): number[] => (n === 1 ? [1] : name.includes('executor') || name.includes('dining') ? (n === 2 ? [1] : []) : [1, 2, 3]);
  for (const [name, options] of cases) {
    it(`${name} ${JSON.stringify(options)}: 1, 2 and 3 workers give the one-thread summary, each trace counted once`, () => {
      const program = named(name);
      const one = explore(program, { ...options, countTraces: true });
      let donated = false;
      for (const n of [1, 2, 3]) {
        for (const seed of seeds(name, n)) {
          const sim = simulate(program, options, n, seed);
          expect(timeless(sim.summary), `${n} workers, interleaving ${seed}`).toEqual(timeless(one));
          if (one.stopped === 'exhausted') expect(sim.keys.size).toBe(one.traces);
          if (n === 1) expect(sim.redundant).toBe(0);
          repeats.push(`${name} n=${n} seed=${seed}: ${sim.run} run, ${sim.redundant} repeats, ${sim.reruns} reruns, ${sim.donations} donations`);
          donated ||= n > 1 && sim.donations > 0;
        }
      }
      // The work was split: some interleaving had a busy worker give work up.
      if (one.executions > 20) expect(donated).toBe(true);
    });
  }

  it('logs how many executions repeated a trace', () => {
    console.log(repeats.join('\n'));
    expect(repeats.length).toBeGreaterThan(0);
  });

  it('lastzero(6) with 2 workers: exactly its 144 traces, whatever the interleaving', () => {
    const program = named('bench/lastzero-6');
    for (let seed = 10; seed < 16; seed++) {
      const sim = simulate(program, {}, 2, seed);
      expect(sim.summary.executions).toBe(lastzeroTraces(6));
      expect(sim.keys.size).toBe(lastzeroTraces(6));
    }
  });
});
