/**
 * DPOR split into jobs across workers (scheduler/explore/workers/dpor-jobs.ts):
 *
 * 1. Executions per trace (no timing, so the figure does not depend on the load): the jobs run
 *    in this thread with 2 simulated workers, for lastzero 6, 8, 10 and readers 6; also the
 *    jobs made and the executions abandoned (sleep-blocked below the top).
 * 2. Speed-up: `explore --strategy dpor` of lastzero(12) with 1 worker thread and with 2, in
 *    one run, alternating, 3 rounds each; prints the median wall times and their ratio (goal
 *    on this 2-core machine: at least 1.6x), and each worker's busy time and jobs, which tell
 *    the balance whatever the load. With 1 worker the search is not split (one job: the
 *    sequential search) but runs through the same pool in a worker thread, so the ratio
 *    measures the split against the sequential search, not thread start-up.
 *
 *    Then the machine's ceiling: two unsplit searches at once on two threads, against one.
 *
 * Run: npm run build && npx tsx bench/parallel-dpor.ts [--rounds R] [--n N] [--levels L]
 */
import { builtin } from '../dist/examples/index.js';
import { lastzero } from '../dist/examples/bench/index.js';
import type { Program } from '../dist/scheduler/program.js';
import { DporBranchRun } from '../dist/scheduler/explore/workers/dpor-branch.js';
import { DporJobCoordinator, topDepth, topLevels, type FromJobWorker, type ToJobWorker } from '../dist/scheduler/explore/workers/dpor-job-coordinator.js';
import { ParallelDpor } from '../dist/cli/workers/dpor-pool.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 3);
const size = arg('--n', 12);
/** --levels L: the top's levels (default: topLevels of the worker count). */
const levels = arg('--levels', 0);

/** The jobs of `program` with `workers` simulated workers taking turns, one execution at a time. */
function simulate(program: Program, workers: number): { traces: number; run: number; jobs: number; abandoned: number } {
  const c = new DporJobCoordinator(program, {}, workers, topDepth(program, {}, topLevels(workers)));
  const ws = Array.from({ length: workers }, () => ({ run: undefined as DporBranchRun | undefined, inbox: [] as ToJobWorker[], outbox: [{ type: 'ready' }] as FromJobWorker[] }));
  while (!(c.done && ws.every((w) => w.inbox.length === 0 && w.outbox.length === 0 && w.run === undefined))) {
    ws.forEach((w, i) => {
      while (w.outbox.length > 0) for (const [j, m] of c.receive(i, w.outbox.shift()!)) ws[j]!.inbox.push(m);
      const m = w.inbox.shift();
      if (m?.type === 'job') w.run = new DporBranchRun(program, {}, { job: m.job });
      if (w.run === undefined) return;
      w.run.run(0);
      const top = w.run.takeTop();
      if (top.states !== undefined || top.races.length > 0) w.outbox.push({ type: 'top', states: top.states ?? null, races: top.races });
      if (w.run.done) {
        w.outbox.push({ type: 'job-done', result: w.run.result() });
        w.run = undefined;
      }
    });
  }
  const s = c.splits;
  return { traces: c.summary(0).executions, run: s.run, jobs: s.jobs, abandoned: s.abandoned };
}

console.log('DPOR split into jobs, 2 simulated workers: executions run / traces (1.00 = every trace run once)');
for (const [name, program] of [['lastzero-6', lastzero(6)], ['lastzero-8', lastzero(8)], ['lastzero-10', lastzero(10)], ['readers-6', builtin('bench/readers-6')!]] as const) {
  const r = simulate(program, 2);
  console.log(`  ${name.padEnd(12)} ${String(r.traces).padStart(6)} traces, ${String(r.run).padStart(6)} executions (ratio ${(r.run / r.traces).toFixed(2)}), ${r.jobs} jobs, ${r.abandoned} abandoned below the top`);
}

const loader = new URL('./lastzero-loader.mjs', import.meta.url).href;
/**
 * The machine's own ceiling: two unsplit searches at once, each on its own worker thread (work
 * that needs no coordination at all). Twice one search's time over this pair's is the best
 * speed-up any split could reach here now; on two idle cores it is 2.
 */
async function pair(): Promise<number> {
  const t0 = performance.now();
  const start = (): ParallelDpor => new ParallelDpor(lastzero(size), { clock: () => performance.now() }, { workers: 1, loader, spec: `lastzero-${size}`, depth: 0 });
  const both = [start(), start()];
  await Promise.all(both.map(async (p) => {
    while (!(await p.run(100)));
  }));
  return performance.now() - t0;
}

async function timed(workers: number): Promise<{ ms: number; executions: number; busy: string; cpu: number[] }> {
  const t0 = performance.now();
  const program = lastzero(size);
  // One worker: the tree whole, as one job (the search --workers 1 runs, in a worker thread).
  const depth = workers === 1 ? 0 : topDepth(program, {}, levels > 0 ? levels : topLevels(workers));
  const p = new ParallelDpor(program, { clock: () => performance.now() }, { workers, loader, spec: `lastzero-${size}`, depth });
  while (!(await p.run(100)));
  const ms = performance.now() - t0;
  const s = p.coordinator.splits;
  const busy = s.workers.map((w, i) => `worker ${i + 1}: ${(w.ms / 1000).toFixed(2)} s busy, ${(w.cpuMs / 1000).toFixed(2)} s CPU, ${w.jobs} jobs, ${w.executions} executions`).join('; ');
  return { ms, executions: p.summary().executions, busy, cpu: s.workers.map((w) => w.cpuMs) };
}

console.log(`\nexplore --strategy dpor lastzero(${size}), 1 worker thread vs 2 (${rounds} rounds, alternating; the machine may be shared: compare busy times too)`);
const one: number[] = [];
const two: number[] = [];
/** CPU time of the whole search with 1 worker; the busiest worker's with 2 (Linux only). */
const cpuOne: number[] = [];
const cpuTwo: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const w of r % 2 === 0 ? [1, 2] : [2, 1]) {
    const t = await timed(w);
    (w === 1 ? one : two).push(t.ms);
    (w === 1 ? cpuOne : cpuTwo).push(w === 1 ? t.cpu[0]! : Math.max(...t.cpu));
    console.log(`  round ${r + 1}, ${w} worker${w === 1 ? ' ' : 's'}: ${(t.ms / 1000).toFixed(2)} s for ${t.executions} traces (${t.busy})`);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pairs: number[] = [];
for (let r = 0; r < rounds; r++) pairs.push(await pair());
console.log(`  median: 1 worker ${(median(one) / 1000).toFixed(2)} s, 2 workers ${(median(two) / 1000).toFixed(2)} s   speed-up ${(median(one) / median(two)).toFixed(2)}x (goal >= 1.6x)`);
console.log(`  ceiling now: two unsplit searches at once took ${(median(pairs) / 1000).toFixed(2)} s (median), so no split could beat ${((2 * median(one)) / median(pairs)).toFixed(2)}x on this machine at this load`);
if (median(cpuOne) > 0) {
  // What the split gives when each worker has a core to itself: the search's CPU time over the
  // busiest worker's (the other waits for nothing but its own jobs). Not the goal's figure,
  // which is wall time; it tells the split's balance and overhead apart from the load.
  console.log(`  CPU: 1 worker ${(median(cpuOne) / 1000).toFixed(2)} s, busiest of 2 workers ${(median(cpuTwo) / 1000).toFixed(2)} s   ratio ${(median(cpuOne) / median(cpuTwo)).toFixed(2)}x`);
}
