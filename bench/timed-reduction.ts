/**
 * DPOR under virtual-time rules against untimed DPOR, on every tutorial and zoo program
 * (printed, never asserted): executions (complete + deadlocked), abandoned executions, and
 * whether the untimed histogram (final states and outputs) contains the timed one. The goal
 * is timed <= untimed: timing only removes behaviours. Counts do not depend on the machine's
 * load; the seconds do (a shared 2-core machine: compare them within a run).
 *
 * Runs the compiled dist/: build first.
 * Run: npm run build && npx tsx bench/timed-reduction.ts [--cap N]
 */
import { examples } from '../dist/examples/index.js';
import { explore, type ExploreOptions, type ExploreSummary } from '../dist/scheduler/explore/explore.js';

const capAt = process.argv.indexOf('--cap');
const cap = capAt >= 0 ? Number(process.argv[capAt + 1]) : 20000;

function run(name: string, options: ExploreOptions): { s: ExploreSummary; secs: number } {
  const p = examples().find((x) => x.name === name)!;
  const t0 = performance.now();
  const s = explore(p, { ...options, histogram: true, keepGoing: true, shrink: false, maxExecutions: cap });
  return { s, secs: (performance.now() - t0) / 1000 };
}

const count = (s: ExploreSummary): string => `${(s.complete + s.deadlocks).toLocaleString('en-US')}${s.stopped === 'exhausted' ? '' : '+'}`;
const keys = (s: ExploreSummary): string[] => [...s.histogram!.states.map(([k]) => `s:${k}`), ...s.histogram!.outputs.map(([k]) => `o:${k}`)];

console.log(`${'program'.padEnd(34)} ${'timed'.padStart(8)} ${'aband.'.padStart(6)} ${'untimed'.padStart(8)} ${'aband.'.padStart(6)}  timed <= untimed  histogram subset   s (timed, untimed)`);
let within = 0;
let total = 0;
for (const p of examples()) {
  const timed = run(p.name, {});
  const untimed = run(p.name, { untimed: true });
  const both = timed.s.stopped === 'exhausted' && untimed.s.stopped === 'exhausted';
  const n = (s: ExploreSummary): number => s.complete + s.deadlocks;
  // Capped at both: unknown. Capped untimed only: the timed search finished under the cap.
  const smaller = both ? (n(timed.s) <= n(untimed.s) ? 'yes' : 'NO') : timed.s.stopped === 'exhausted' ? 'yes' : 'n/a (capped)';
  const u = new Set(keys(untimed.s));
  const subset = both ? (keys(timed.s).every((k) => u.has(k)) ? 'yes' : 'NO') : 'n/a (capped)';
  if (smaller !== 'n/a (capped)') total++;
  if (smaller === 'yes') within++;
  console.log(
    `${p.name.padEnd(34)} ${count(timed.s).padStart(8)} ${String(timed.s.abandoned).padStart(6)} ${count(untimed.s).padStart(8)} ${String(untimed.s.abandoned).padStart(6)}  ${smaller.padEnd(16)}  ${subset.padEnd(17)}  ${timed.secs.toFixed(2)}, ${untimed.secs.toFixed(2)}`,
  );
}
console.log(`timed <= untimed on ${within} of ${total} programs that finished under the cap ('+': stopped at --cap ${cap.toLocaleString('en-US')} executions, --histogram everywhere)`);
