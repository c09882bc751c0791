/**
 * DPOR split into jobs across workers (scheduler/explore/workers/dpor-jobs.ts):
 *
 * 1. Executions per trace (no timing, so the figure does not depend on the load): the jobs run
 *    in this thread with 2 simulated workers, for lastzero 6, 8, 10 and readers 6; also the
 *    jobs made and the executions abandoned (sleep-blocked below the top).
 * 2. Speed-up as a user sees it: `threadsim explore bench/lastzero-n.mjs` (lastzero(12) unless
 *    --n says otherwise) with `--workers 1` and `--workers 2`, each run in a fresh process
 *    (a process starts with nothing compiled, as every command does), alternating, R rounds.
 *    Prints the median wall times and their ratio (goal on this 2-core machine: at least
 *    1.6x), and the median CPU time of the whole process (every thread: the search, the worker
 *    thread, the collector and the compiler). Checks that both print the same `--json` apart
 *    from timing and abandoned work.
 * 3. The machine's ceiling at that moment: two `--workers 1` processes of the same search at
 *    once, against one alone. Twice one's time over the pair's is the best any split could reach
 *    now; on two idle cores it would be 2.
 * 4. How the jobs fell, from one split run in this process: per worker (worker 0 is this
 *    thread), busy wall time, CPU time (Linux), jobs and executions.
 *
 * Run: npm run build && npx tsx bench/parallel-dpor.ts [--rounds R] [--n N] [--levels L]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
const rounds = arg('--rounds', 5);
const size = arg('--n', 12);
/** --levels L: the top's levels in part 4 (default: topLevels of the worker count). */
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

const CLI = fileURLToPath(new URL('../bin/threadsim.js', import.meta.url));
const PROGRAM = fileURLToPath(new URL('./lastzero-n.mjs', import.meta.url));
/** Prints the process's CPU time (every thread) on standard error as it exits. */
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('cpu-ms '+((u.user+u.system)/1000)+'\\n')})`;

interface Cli {
  ms: number;
  cpuMs: number;
  json: Record<string, unknown>;
}

/** `threadsim explore` of lastzero(size) with `workers`, `count` processes started at once; the slowest one's wall time. */
async function cli(workers: number, count = 1): Promise<Cli[]> {
  const t0 = performance.now();
  return Promise.all(
    Array.from({ length: count }, () =>
      new Promise<Cli>((resolve, reject) => {
        const child = spawn(process.execPath, [`--import=${CPU_PROBE}`, CLI, 'explore', PROGRAM, '--workers', String(workers), '--json'], { env: { ...process.env, THREADSIM_BENCH_N: String(size) } });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('error', reject);
        child.on('exit', (code) => {
          const ms = performance.now() - t0;
          const cpu = /cpu-ms ([\d.]+)/.exec(err);
          if (code !== 0 || cpu === null) reject(new Error(`threadsim exited with ${code}: ${err}`));
          else resolve({ ms, cpuMs: Number(cpu[1]), json: JSON.parse(out) as Record<string, unknown> });
        });
      }),
    ),
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const timeless = (j: Record<string, unknown>): string => JSON.stringify({ ...j, elapsedMs: 0, abandoned: 0 });

console.log(`\nthreadsim explore lastzero(${size}) --workers 1 and --workers 2, a fresh process each, ${rounds} rounds alternating (the machine may be shared: compare CPU too)`);
const wall: [number[], number[]] = [[], []];
const cpu: [number[], number[]] = [[], []];
/** The search's own time as `--json` gives it (elapsedMs): from its start, worker threads' start-up included, to its end. */
const search: [number[], number[]] = [[], []];
let same = true;
for (let r = 0; r < rounds; r++) {
  const line: string[] = [];
  let json1 = '';
  for (const w of r % 2 === 0 ? [1, 2] : [2, 1]) {
    const [t] = await cli(w);
    wall[w - 1]!.push(t!.ms);
    cpu[w - 1]!.push(t!.cpuMs);
    search[w - 1]!.push(Number(t!.json.elapsedMs));
    line.push(`${w} worker${w === 1 ? ' ' : 's'} ${s(t!.ms)} wall, ${s(t!.cpuMs)} CPU`);
    if (json1 === '') json1 = timeless(t!.json);
    else if (json1 !== timeless(t!.json)) same = false;
  }
  console.log(`  round ${r + 1}: ${line.join('; ')}`);
}
const [one, two] = [median(wall[0]), median(wall[1])];
console.log(`  median: 1 worker ${s(one)}, 2 workers ${s(two)}   speed-up ${(one / two).toFixed(2)}x (goal >= 1.6x); CPU 1 worker ${s(median(cpu[0]))}, 2 workers ${s(median(cpu[1]))} (${((median(cpu[1]) / median(cpu[0]) - 1) * 100).toFixed(0)}% more)`);
const [s1, s2] = [median(search[0]), median(search[1])];
console.log(`  the search alone (--json elapsedMs: the worker thread's start-up counts, Node's start and module loading in both do not): 1 worker ${s(s1)}, 2 workers ${s(s2)}   speed-up ${(s1 / s2).toFixed(2)}x`);
console.log(`  --json the same apart from timing and abandoned work: ${same ? 'yes' : 'NO'}`);

const pairs: number[] = [];
for (let r = 0; r < rounds; r++) pairs.push(Math.max(...(await cli(1, 2)).map((t) => t.ms)));
console.log(`  ceiling now: two --workers 1 processes at once took ${s(median(pairs))} (median), one alone ${s(one)}: no split could beat ${((2 * one) / median(pairs)).toFixed(2)}x on this machine at this load`);

// How the jobs fell between the workers, from one split run in this process.
const program = lastzero(size);
const loader = new URL('./lastzero-loader.mjs', import.meta.url).href;
const depth = topDepth(program, {}, levels > 0 ? levels : topLevels(2));
const p = new ParallelDpor(program, { clock: () => performance.now() }, { workers: 2, loader, spec: `lastzero-${size}`, depth });
const t0 = performance.now();
while (!(await p.run(100)));
const split = p.coordinator.splits;
console.log(`\none split run in this process (top depth ${split.depth}, ${split.jobs} jobs, ${split.abandoned} executions abandoned below the top): ${s(performance.now() - t0)}`);
split.workers.forEach((w, i) => console.log(`  worker ${i}${i === 0 ? ' (this thread)' : ''}: ${s(w.ms)} busy, ${s(w.cpuMs)} CPU, ${w.jobs} jobs, ${w.executions} executions`));
