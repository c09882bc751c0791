/**
 * Short runs: executions per second of a two-worker lost update (bench/counter-2: each
 * worker reads a shared counter, then writes it plus one), threadsim's seeded random
 * exploration next to fast-check's `fc.scheduler()` driving the same program as promises,
 * measured side by side in one bench run, alternating rounds (best of each), in CPU time, so
 * that load from other processes hits both alike. Runs the compiled dist/: build first.
 * Printed, never asserted. Goal: >= 10x fast-check.
 *
 * Each round measures each side in a fresh process of its own (warm-up passes, then the
 * measured pass), so that each side pays for its own garbage only. In one shared process the
 * side measured right after fast-check paid for collecting fast-check's: fast-check keeps much
 * of a check alive until it ends, which grows the young generation, and the next side's first
 * scavenges copy and promote what is left (40-60 ms of a 100 ms threadsim round, measured with
 * a PerformanceObserver on 'gc' entries).
 *
 * Run: npm run build && npx tsx bench/short-runs.ts [runs per round, default 50000] [rounds, default 5]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { racyCounter } from '../dist/examples/bench/index.js';
import { execute } from '../dist/scheduler/execution.js';
import { Exploration } from '../dist/scheduler/explore/explore.js';
import { RandomPolicy } from '../dist/scheduler/policies/random.js';

const SIDES = ['explore', 'execute', 'fc'] as const;
type Side = (typeof SIDES)[number];
const child = process.argv[2] === '--side';
const runs = Number(process.argv[child ? 4 : 2] ?? 50_000);
const rounds = Number(process.argv[3] ?? 5);
const program = racyCounter(2);

/** `threadsim explore --strategy random --keep-going` on the program, as the library runs it. */
function threadsimExplore(seed: number): number {
  const e = new Exploration(program, { strategy: 'random', seed, maxExecutions: runs, keepGoing: true, shrink: false });
  e.run();
  return e.summary().executions;
}

/** The engine alone: one execution per seed, no exploration bookkeeping. */
function threadsimExecute(seed: number): number {
  const policy = new RandomPolicy();
  for (let i = 0; i < runs; i++) execute(program, { policy, seed: seed + i });
  return runs;
}

/** The same program under fast-check's scheduler: two async workers, a read and a write each. */
async function fastCheck(seed: number): Promise<number> {
  let lost = 0;
  let done = 0;
  await fc.check(
    fc.asyncProperty(fc.scheduler(), async (s) => {
      let value = 0;
      const update = async (): Promise<void> => {
        await s.schedule(Promise.resolve('read'));
        const local = value;
        await s.schedule(Promise.resolve('write'));
        value = local + 1;
      };
      const all = Promise.all([update(), update()]);
      await s.waitAll();
      await all;
      if (value !== 2) lost++;
      done++;
      // Never fails, so fast-check runs every seed (threadsim's keep-going runs every seed too).
      return true;
    }),
    { numRuns: runs, seed },
  );
  if (lost === 0) throw new Error('fast-check never saw the lost update: the comparison program is wrong');
  return done;
}

/** Runs per second of CPU time (process.cpuUsage: less distorted by other processes than wall time). */
async function rate(body: () => number | Promise<number>): Promise<number> {
  const c0 = process.cpuUsage();
  const n = await body();
  const c = process.cpuUsage(c0);
  return (n * 1e6) / (c.user + c.system);
}

/**
 * Passes of `runs` each side makes before the measured one, to warm up the JIT: a fresh
 * process needs several (threadsim's second pass of 30,000 runs still took twice as long as
 * its fourth).
 */
const WARM_UP_PASSES = 3;

/** In a child process: one side, warm-up passes then the measured one; prints runs per CPU second. */
async function side(which: Side, seed: number): Promise<void> {
  const body = (s: number): number | Promise<number> => (which === 'explore' ? threadsimExplore(s * runs) : which === 'execute' ? threadsimExecute(s * runs) : fastCheck(s + 1));
  for (let w = 1; w <= WARM_UP_PASSES; w++) await body(seed + 1000 * w);
  console.log(await rate(() => body(seed)));
}

if (child) {
  await side(process.argv[3] as Side, Number(process.argv[5]));
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
/** One side's rate, measured in a fresh process (started as this one was, through tsx). */
function measure(which: Side, round: number): number {
  const r = spawnSync(process.execPath, [...process.execArgv, self, '--side', which, String(runs), String(round)], { encoding: 'utf8' });
  const rate = Number(r.stdout.trim());
  if (r.status !== 0 || !(rate > 0)) throw new Error(`the ${which} side failed: ${r.stderr}`);
  return rate;
}

const best: Record<Side, number> = { explore: 0, execute: 0, fc: 0 };
for (let r = 1; r <= rounds; r++) for (const s of SIDES) best[s] = Math.max(best[s], measure(s, r));
const k = (n: number): string => `${(n / 1000).toFixed(1)} k/s`;
console.log(`two-worker lost update, ${runs.toLocaleString('en-US')} runs per round, runs per CPU second, best of ${rounds} rounds`);
console.log(`  fast-check fc.scheduler():            ${k(best.fc).padStart(12)}   (${(1e6 / best.fc).toFixed(1)} us/run)`);
console.log(`  threadsim explore --strategy random:  ${k(best.explore).padStart(12)}   (${(1e6 / best.explore).toFixed(1)} us/run)   ${(best.explore / best.fc).toFixed(2)} x fast-check`);
console.log(`  threadsim execute() alone:            ${k(best.execute).padStart(12)}   (${(1e6 / best.execute).toFixed(1)} us/run)   ${(best.execute / best.fc).toFixed(2)} x fast-check`);
console.log('goal: >= 10 x fast-check (other processes may load the machine: both sides alike)');
