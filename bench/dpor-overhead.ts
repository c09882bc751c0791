/**
 * DPOR's cost per execution against plain replay (printed, never asserted): for each program,
 * the time of an exhaustive DPOR exploration divided by the time of re-running exactly the
 * executions it explored, each from its recorded schedule, with no search at all. 1.00 would
 * mean race analysis, wakeup trees and sleep sets cost nothing; the goal is at most 2.
 * Both are measured in the same process, alternating, best of a few rounds (more for small
 * programs, until each side has run for a while), in CPU time
 * (process.cpuUsage) rather than wall time, so that load from other processes on a shared
 * machine distorts the ratio as little as possible.
 *
 * Runs the compiled dist/ (what the CLI runs): build first.
 * Run: npm run build && npx tsx bench/dpor-overhead.ts [rounds, default 3] [--max-lastzero N, default 12]
 */
import { lastzero, lockedCounter, readers } from '../dist/examples/bench/index.js';
import { execute } from '../dist/scheduler/execution.js';
import { DporSearch } from '../dist/scheduler/explore/dpor.js';
import type { Runner } from '../dist/scheduler/explore/search.js';
import { ReplayPolicy } from '../dist/scheduler/policies/replay.js';
import type { Program } from '../dist/scheduler/program.js';

const rounds = Number(process.argv[2] ?? 3);
const MIN_TOTAL_MS = 1500;
const MAX_ROUNDS = 60;
const maxIdx = process.argv.indexOf('--max-lastzero');
const maxLastzero = maxIdx > 0 ? Number(process.argv[maxIdx + 1]) : 12;

/** CPU time of this process (user + system), ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function runnerOf(program: Program): Runner {
  return (policy, monitor, seed = 0) => execute(program, { policy, seed, untimed: false, ...(monitor === undefined ? {} : { monitor }) });
}

/** Exhaustive DPOR; returns elapsed ms and, when asked, the schedules of its executions. */
function dpor(program: Program, keep: number[][] | undefined): { ms: number; executions: number } {
  const search = new DporSearch(runnerOf(program), false, false);
  let executions = 0;
  const t0 = cpuMs();
  for (;;) {
    const step = search.next();
    if (step.kind === 'done') break;
    if (step.kind === 'execution') {
      executions++;
      if (keep !== undefined) keep.push([...step.result.schedule]);
    }
  }
  return { ms: cpuMs() - t0, executions };
}

function replay(program: Program, schedules: readonly number[][]): number {
  const t0 = cpuMs();
  for (const s of schedules) execute(program, { policy: new ReplayPolicy(s), seed: 0, untimed: false });
  return cpuMs() - t0;
}

const programs: Program[] = [];
for (let n = 8; n <= maxLastzero; n++) programs.push(lastzero(n));
programs.push(readers(8), lockedCounter(7), lockedCounter(8));

// Warm the JIT on small instances of every path first.
for (const p of [lastzero(9), readers(6), lockedCounter(5)]) {
  const s: number[][] = [];
  dpor(p, s);
  replay(p, s);
}

console.log(`DPOR time / plain replay time of the same executions (CPU time, best of at least ${rounds} rounds, more until each side ran ${MIN_TOTAL_MS} ms)`);
console.log(`  ${'program'.padEnd(18)} ${'executions'.padStart(10)} ${'DPOR ms'.padStart(9)} ${'replay ms'.padStart(9)} ${'us/exec DPOR'.padStart(13)} ${'ratio'.padStart(6)}`);
for (const p of programs) {
  const schedules: number[][] = [];
  const first = dpor(p, schedules);
  let best = Infinity;
  let bestReplay = Infinity;
  // At least `rounds` rounds, and more for small programs until each side has run for
  // MIN_TOTAL_MS: the best of three 20 ms runs is mostly noise (a collection, a JIT tier-up).
  let total = 0;
  let totalReplay = 0;
  for (let r = 0; r < MAX_ROUNDS && (r < rounds || total < MIN_TOTAL_MS || totalReplay < MIN_TOTAL_MS); r++) {
    const d = dpor(p, undefined).ms;
    const rp = replay(p, schedules);
    best = Math.min(best, d);
    bestReplay = Math.min(bestReplay, rp);
    total += d;
    totalReplay += rp;
  }
  console.log(
    `  ${p.name.padEnd(18)} ${String(first.executions).padStart(10)} ${best.toFixed(0).padStart(9)} ${bestReplay.toFixed(0).padStart(9)} ${((best * 1000) / first.executions).toFixed(0).padStart(13)} ${(best / bestReplay).toFixed(2).padStart(6)}`,
  );
}
console.log('goal: ratio <= 2 (the machine may be loaded by other processes: both sides alike)');
