/**
 * Race detection's cost: steps per second of (a) a bare loop driving generators that yield
 * plain op objects, a seeded PRNG picking the thread (the physical limit), (b) the engine
 * with detection off and (c) with detection on (happens-before clocks, FastTrack shadow
 * memory, lock holdings), on tutorial/race-shaped workloads: N threads each repeating an
 * unlocked read-modify-write of one shared counter (optionally with a `sleep(0)` between the
 * read and the write, as the tutorial sleeps there), under the random policy.
 *
 * All figures come from this one process, measured interleaved (bare, off, on, bare, ...);
 * each is the best of the repetitions, since other processes on the machine can only slow a
 * repetition down. Run: npx tsx bench/detect.ts [--quick]
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { shared } from '../src/models/shared.js';
import { Thread } from '../src/models/thread.js';
import { sleep } from '../src/models/time.js';
import { RaceMonitor } from '../src/scheduler/detect/detector.js';
import { execute } from '../src/scheduler/execution.js';
import type { Steps } from '../src/scheduler/ops.js';
import { RandomPolicy } from '../src/scheduler/policies/random.js';
import { program, type Program } from '../src/scheduler/program.js';
import { raceWorkload } from './workloads.js';

const quick = process.argv.includes('--quick');
const REPS = quick ? 5 : 11;
const STEPS_PER_RUN = quick ? 40_000 : 200_000;

interface Workload {
  readonly threads: number;
  readonly withSleep: boolean;
}

function iterations(w: Workload): number {
  return Math.floor(STEPS_PER_RUN / (w.threads * (w.withSleep ? 3 : 2)));
}

function engineProgram(w: Workload): Program {
  const n = iterations(w);
  if (!w.withSleep) return raceWorkload(w.threads, n);
  return program(`bench/race-${w.threads}`, function* main() {
    const db = shared('db', { value: 0 });
    function* update(): Steps<void> {
      for (let i = 0; i < n; i++) {
        const local = yield* db.get('value');
        if (w.withSleep) yield* sleep(0);
        yield* db.set('value', local + 1);
      }
    }
    const threads = Array.from({ length: w.threads }, () => new Thread({ target: update }));
    for (const t of threads) yield* t.start();
    for (const t of threads) yield* t.join();
  });
}

interface BareOp {
  readonly kind: string;
  readonly obj: string | undefined;
  readonly access: string;
  readonly value?: number;
}

/** The bare loop: the same threads as plain generators, a PRNG choosing who steps. */
function bareRun(w: Workload, seed: number): number {
  const n = iterations(w);
  const store = { value: 0 };
  function* update(): Generator<BareOp, void, unknown> {
    for (let i = 0; i < n; i++) {
      const local = (yield { kind: 'read', obj: 'db.value', access: 'read' }) as number;
      if (w.withSleep) yield { kind: 'sleep', obj: undefined, access: 'none' };
      yield { kind: 'write', obj: 'db.value', access: 'write', value: local + 1 };
    }
  }
  const gens = Array.from({ length: w.threads }, () => update());
  const pending: BareOp[] = [];
  const live: number[] = [];
  gens.forEach((g, i) => {
    const r = g.next();
    if (!r.done) {
      pending[i] = r.value;
      live.push(i);
    }
  });
  const rng = xoroshiro128plus(seed);
  let steps = 0;
  while (live.length > 0) {
    const j = live.length === 1 ? 0 : uniformInt(rng, 0, live.length - 1);
    const t = live[j]!;
    const op = pending[t]!;
    let result: unknown;
    if (op.access === 'read') result = store.value;
    else if (op.access === 'write') store.value = op.value!;
    steps++;
    const r = gens[t]!.next(result);
    if (r.done) live.splice(j, 1);
    else pending[t] = r.value;
  }
  return steps;
}

function rate(f: () => number): number {
  const t0 = performance.now();
  const steps = f();
  return (steps / (performance.now() - t0)) * 1000;
}

function best(xs: number[]): number {
  return Math.max(...xs);
}

function fmt(x: number): string {
  return `${(x / 1e6).toFixed(2)} M`;
}

const workloads: Workload[] = [
  { threads: 2, withSleep: false },
  { threads: 8, withSleep: false },
  { threads: 2, withSleep: true },
  { threads: 8, withSleep: true },
];

console.log(`race detection cost, random policy, ${STEPS_PER_RUN} steps per run, best of ${REPS} (steps/s)`);
console.log('workload                        bare loop   engine off  (ratio)   engine on   (ratio)   on/off');
for (const w of workloads) {
  const p = engineProgram(w);
  const bare: number[] = [];
  const off: number[] = [];
  const on: number[] = [];
  let races = 0;
  // Two warm-up rounds, not counted.
  for (let rep = -2; rep < REPS; rep++) {
    const b = rate(() => bareRun(w, rep + 3));
    const o = rate(() => execute(p, { policy: new RandomPolicy(), seed: rep + 3, maxSteps: 10_000_000 }).steps);
    const d = rate(() => {
      const r = execute(p, { policy: new RandomPolicy(), seed: rep + 3, maxSteps: 10_000_000, monitor: new RaceMonitor() });
      races = r.failures.filter((f) => f.kind === 'race').length;
      return r.steps;
    });
    if (rep < 0) continue;
    bare.push(b);
    off.push(o);
    on.push(d);
  }
  const [mb, mo, md] = [best(bare), best(off), best(on)];
  const name = `${w.threads} threads, read/${w.withSleep ? 'sleep(0)/' : ''}write`.padEnd(30);
  console.log(
    `${name}  ${fmt(mb).padStart(9)}   ${fmt(mo).padStart(9)}  (${(mo / mb).toFixed(3)})   ${fmt(md).padStart(9)}  (${(md / mb).toFixed(3)})   ${(md / mo).toFixed(2)}   [${races} distinct races reported]`,
  );
}
console.log('ratios are against the bare loop; the target is engine-on >= 0.10');
