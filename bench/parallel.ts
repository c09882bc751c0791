/**
 * Speed-up of --workers (printed, never asserted): runs/s of a random exploration of
 * zoo/dining-philosophers (keep going, so every run is made) in this thread, and split
 * across 2 worker threads, alternating rounds in one process and keeping the best of each.
 * Goal on a 2-core machine: at least 1.8x. Other load on the machine lowers the ratio.
 *
 * Workers run compiled JavaScript: build first.
 * Run: npm run build && npx tsx bench/parallel.ts [runs per round, default 40000] [rounds, default 3]
 */
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

let one = 0;
let two = 0;
for (let r = 0; r < rounds; r++) {
  one = Math.max(one, oneThread(r * runs));
  two = Math.max(two, await workers(2, r * runs));
}
console.log(`random exploration of ${spec}, ${runs.toLocaleString('en-US')} runs, best of ${rounds} rounds (start-up of the workers included)`);
console.log(`  one thread:  ${(one / 1000).toFixed(1)} k runs/s`);
console.log(`  --workers 2: ${(two / 1000).toFixed(1)} k runs/s   speed-up ${(two / one).toFixed(2)} x   (goal >= 1.8 x on 2 idle cores)`);
