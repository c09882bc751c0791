/**
 * Exhaustive exploration (DPOR) of the built-in programs with both forms that
 * test/python/twins.test.ts compares on the gil run only, because exploring them takes
 * thousands of executions (seconds to minutes each, too long for `npm test`): for each, the
 * TypeScript program and its `.py` form, their execution counts, whether each exploration was
 * exhaustive within the budget, and whether their output histograms have the same outputs and
 * the same counts. Printed, never asserted.
 *
 * Counts may differ where the `.py` form takes more steps than its twin (every read of an
 * instance attribute such as `self._lock` is a shared access in Python, a closure variable in
 * the TypeScript twin): more steps that race give more executions per output, not other outputs.
 *
 * Run: npx tsx bench/python-twins.ts [--budget 30000] [--only tutorial/race]
 */
import { builtin } from '../src/examples/index.js';
import { builtinPython } from '../src/python/builtins-programs.js';
import { explore } from '../src/scheduler/explore/explore.js';

const PROGRAMS = [
  'tutorial/race',
  'tutorial/locked-update',
  'tutorial/executor',
  'tutorial/pipeline-lock',
  'zoo/executor-swallowed-exception',
  'zoo/executor-swallowed-exception-fixed',
  'zoo/bounded-buffer-notify',
  'zoo/bounded-buffer-notify-fixed',
  'zoo/dining-philosophers',
  'zoo/dining-philosophers-fixed',
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

const budget = Number(option('--budget') ?? 30_000);
const only = option('--only');
for (const name of PROGRAMS.filter((p) => only === undefined || p === only)) {
  const t0 = process.hrtime.bigint();
  const run = (p: NonNullable<ReturnType<typeof builtin>>) => explore(p, { strategy: 'dpor', histogram: true, keepGoing: true, maxExecutions: budget });
  const ts = run(builtin(name)!);
  const py = run(builtinPython(`py/${name}`)!);
  const outputs = (h: typeof ts.histogram) => new Map((h?.outputs ?? []).map((o) => [JSON.stringify(o[0]), o[1]] as const));
  const a = outputs(ts.histogram);
  const b = outputs(py.histogram);
  const sameOutputs = a.size === b.size && [...a.keys()].every((k) => b.has(k));
  const sameCounts = sameOutputs && [...a].every(([k, n]) => b.get(k) === n);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const done = (x: typeof ts) => `${x.executions}${x.exhaustive ? '' : '+ (budget reached)'}`;
  console.log(
    `${name}: TypeScript ${done(ts)} executions, Python ${done(py)}; ${a.size} and ${b.size} outputs; same outputs: ${sameOutputs ? 'yes' : 'no'}, same counts: ${sameCounts ? 'yes' : 'no'} (${seconds.toFixed(1)} s)`,
  );
}
