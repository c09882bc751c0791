/**
 * Speed-up of --workers (printed, never asserted): runs/s of a random exploration of
 * zoo/dining-philosophers (keep going, so every run is made) in this thread, and split
 * across 2 worker threads, alternating rounds in one process and keeping the best of each.
 * Goal on a 2-core machine: at least 1.8x. Other load on the machine lowers the ratio.
 *
 * The ceiling line says what this machine allows any split: one CLI process running all the
 * runs, against two CLI processes each running half of them at once, with no coordination at
 * all (wall time, median of the rounds). A split across threads cannot beat that ratio.
 *
 * Workers run compiled JavaScript: build first.
 * Run: npm run build && npx tsx bench/parallel.ts [runs per round, default 40000] [rounds, default 3]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtin } from '../dist/examples/index.js';
import { Exploration, type ExploreOptions } from '../dist/scheduler/explore/explore.js';
import { ParallelExploration } from '../dist/cli/workers/pool.js';

const runs = Number(process.argv[2] ?? 40_000);
const rounds = Number(process.argv[3] ?? 3);
const spec = 'zoo/dining-philosophers';
const program = builtin(spec)!;
const loader = new URL('../dist/cli/worker-load.js', import.meta.url).href;

function options(seed: number): ExploreOptions {
  return { strategy: 'random', keepGoing: true, seed, maxExecutions: runs, clock: () => performance.now() };
}

function oneThread(seed: number): number {
  const t0 = performance.now();
  const e = new Exploration(program, options(seed));
  e.run();
  const n = e.summary().executions;
  return (n * 1000) / (performance.now() - t0);
}

async function workers(n: number, seed: number): Promise<number> {
  const t0 = performance.now();
  const e = new ParallelExploration(program, options(seed), { workers: n, loader, spec });
  while (!(await e.run(1000)));
  const made = e.summary().executions;
  return (made * 1000) / (performance.now() - t0);
}

const CLI = fileURLToPath(new URL('../bin/threadsim.js', import.meta.url));

/** Wall ms of CLI processes started at once, each running `count` runs from its own seed. */
async function processes(count: number, each: number, seed: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      new Promise<void>((resolve, reject) => {
        const args = [CLI, 'explore', spec, '--strategy', 'random', '--keep-going', '--max-executions', String(each), '--seed', String(seed + i * each), '--workers', '1'];
        const child = spawn(process.execPath, args, { stdio: 'ignore' });
        child.on('error', reject);
        child.on('exit', () => resolve());
      }),
    ),
  );
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

let one = 0;
let two = 0;
for (let r = 0; r < rounds; r++) {
  one = Math.max(one, oneThread(r * runs));
  two = Math.max(two, await workers(2, r * runs));
}
console.log(`random exploration of ${spec}, ${runs.toLocaleString('en-US')} runs, best of ${rounds} rounds (start-up of the workers included)`);
console.log(`  one thread:  ${(one / 1000).toFixed(1)} k runs/s`);
console.log(`  --workers 2: ${(two / 1000).toFixed(1)} k runs/s   speed-up ${(two / one).toFixed(2)} x   (goal >= 1.8 x on 2 idle cores)`);
const alone: number[] = [];
const pair: number[] = [];
for (let r = 0; r < rounds; r++) {
  alone.push(await processes(1, runs, r * runs));
  pair.push(await processes(2, Math.floor(runs / 2), r * runs));
}
const ceiling = median(alone) / median(pair);
console.log(`  ceiling: one process ${(median(alone) / 1000).toFixed(2)} s for all the runs, two processes at once ${(median(pair) / 1000).toFixed(2)} s for half each: ${ceiling.toFixed(2)} x, the most any split can reach on this machine now`);
