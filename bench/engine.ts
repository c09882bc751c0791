/**
 * Engine throughput against the physical limit: steps/s of threadsim on race-shaped
 * workloads (random policy, no trace kept) next to a bare loop that drives the same number of
 * generators yielding objects, with a seeded choice of thread at every step, measured in the
 * same process. Prints ratios; the floor for the engine without a trace is 20% of the bare
 * loop. Run: npm run bench
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { execute } from '../src/scheduler/execution.js';
import { RandomPolicy } from '../src/scheduler/policies/random.js';
import { raceWorkload } from './workloads.js';

/** Best-of-`rounds` rate in units/s of `body`, which returns how many units it did. */
function rate(rounds: number, body: () => number): number {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    const units = body();
    const ns = Number(process.hrtime.bigint() - t0);
    best = Math.max(best, (units * 1e9) / ns);
  }
  return best;
}

/** The bare loop: `threads` generators of 2*iterations object-yielding steps, seeded random choice. */
function bareLoop(threads: number, iterations: number, seed: number): number {
  const rng = xoroshiro128plus(seed);
  const cell = { value: 0 };
  function* body(): Generator<{ kind: string; v: number }, void, number> {
    for (let i = 0; i < iterations; i++) {
      const local: number = yield { kind: 'read', v: 0 };
      cell.value = local;
      yield { kind: 'write', v: local + 1 };
    }
  }
  const gens = Array.from({ length: threads }, () => body());
  const live = gens.slice();
  for (const g of live) g.next();
  let steps = 0;
  while (live.length > 0) {
    const i = live.length === 1 ? 0 : uniformInt(rng, 0, live.length - 1);
    const r = live[i]!.next(cell.value);
    steps++;
    if (r.done) live.splice(i, 1);
  }
  return steps;
}

function engine(threads: number, iterations: number, seed: number, record: boolean): number {
  const result = execute(raceWorkload(threads, iterations), { policy: new RandomPolicy(), seed, record, sites: false, maxSteps: 10_000_000 });
  return result.steps;
}

const rows: string[][] = [['workload', 'bare loop steps/s', 'engine steps/s', 'ratio', 'engine+trace (no code sites) steps/s', 'ratio']];
// Warm up every path first so the JIT has compiled them before anything is measured.
for (let i = 0; i < 3; i++) for (const threads of [2, 8]) bareLoop(threads, 20_000, i) + engine(threads, 20_000, i, false) + engine(threads, 5_000, i, true);
for (const threads of [2, 8]) {
  const iterations = 100_000;
  let seed = 1;
  // Alternate the measured bodies so that load from other processes hits both alike.
  let bare = 0;
  let eng = 0;
  let rec = 0;
  for (let round = 0; round < 9; round++) {
    bare = Math.max(bare, rate(1, () => bareLoop(threads, iterations, seed++)));
    eng = Math.max(eng, rate(1, () => engine(threads, iterations, seed++, false)));
    if (round % 3 === 0) rec = Math.max(rec, rate(1, () => engine(threads, iterations, seed++, true)));
  }
  const fmt = (n: number): string => `${(n / 1e6).toFixed(2)} M`;
  rows.push([`${threads} threads x ${iterations} read/write pairs`, fmt(bare), fmt(eng), `${((eng / bare) * 100).toFixed(1)}%`, fmt(rec), `${((rec / bare) * 100).toFixed(1)}%`]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log('floor: engine without trace >= 20% of the bare loop');
