/**
 * DPOR on programs with locks and other blocking steps (printed, never asserted): complete
 * executions, executions abandoned as redundant (sleep-set blocked) and their ratio. The goal
 * is abandoned <= 5% of complete, with complete = the number of Mazurkiewicz traces (counted
 * independently from each execution's trace key). The last rows run under virtual-time rules,
 * for comparison with the untimed rows of the same programs.
 *
 * Runs the compiled dist/: build first.
 * Run: npm run build && npx tsx bench/lock-reduction.ts
 */
import { builtin } from '../dist/examples/index.js';
import { explore, type ExploreOptions } from '../dist/scheduler/explore/explore.js';

const cases: [string, ExploreOptions][] = [
  ...[3, 4, 5, 6].map((n): [string, ExploreOptions] => [`bench/locked-counter-${n}`, {}]),
  ...[1, 2, 3, 4, 5, 6].map((k): [string, ExploreOptions] => [`bench/lock-fs-${k}`, {}]),
  ['tutorial/locked-update', { untimed: true }],
  ['tutorial/race', { untimed: true }],
  ['tutorial/race', { untimed: true, histogram: true }],
  // Virtual-time rules: the workers' overlapping sleeps are a near group with a window (docs/exploration.md, "Time"; bench/timed-reduction.ts has every tutorial and zoo program).
  ['tutorial/race', {}],
  ['tutorial/race', { histogram: true }],
  ['tutorial/locked-update', {}],
];

console.log(`${'program'.padEnd(24)} ${'options'.padEnd(20)} ${'complete'.padStart(9)} ${'traces'.padStart(7)} ${'abandoned'.padStart(9)} ${'ratio'.padStart(7)} ${'s'.padStart(6)}`);
for (const [name, options] of cases) {
  const p = builtin(name);
  if (p === undefined) throw new Error(`no program ${name}`);
  const t0 = performance.now();
  const s = explore(p, { ...options, keepGoing: true, countTraces: true, shrink: false });
  const secs = (performance.now() - t0) / 1000;
  const opts = Object.entries(options).map(([k]) => `--${k}`).join(' ');
  const done = s.complete + s.deadlocks;
  console.log(
    `${name.padEnd(24)} ${opts.padEnd(20)} ${String(done).padStart(9)} ${String(s.traces).padStart(7)} ${String(s.abandoned).padStart(9)} ${((100 * s.abandoned) / Math.max(1, done)).toFixed(1).padStart(6)}% ${secs.toFixed(2).padStart(6)}`,
  );
}
console.log('goal: abandoned <= 5% of complete, complete = traces (timings from a shared 2-core machine)');
