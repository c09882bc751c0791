/**
 * How fast each exploration strategy finds each bug of the bug-finding suite (printed, never
 * asserted). For every buggy program of src/examples/bench/bugs and every strategy, over
 * `--seeds` base seeds (default 20): the mean and median number of executions to the first
 * failure (a false claim, an uncaught exception or a deadlock) and to the first data race the
 * happens-before detector reports, how many seeds find it within `--budget` executions (default
 * 10,000), and the mean time per seed. A seed that finds nothing counts as the budget, and the
 * mean is then marked `>=`. DFS, period and DPOR ignore the seed: they run once per program. Each
 * fixed twin is then explored by every strategy (seed 0, 1,000 executions) and by DPOR
 * (exhaustively, up to 20,000 executions): none may fail.
 *
 * Run: npx tsx bench/strategies.ts [--seeds 20] [--budget 10000] [--only NAME] [--no-races]
 *        [--json] [--write-docs]
 * --write-docs replaces the table in docs/exploration.md (between its strategies markers).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUG_SUITE } from '../src/examples/bench/bugs/index.js';
import { explore, type Strategy } from '../src/scheduler/explore/explore.js';
import type { Program } from '../src/scheduler/program.js';

let STRATEGIES: readonly Strategy[] = ['random', 'pct', 'pos', 'rff', 'dfs', 'period', 'dpor', 'portfolio'];
const DETERMINISTIC: ReadonlySet<Strategy> = new Set(['dfs', 'period', 'dpor']);

interface Args {
  seeds: number;
  budget: number;
  only?: string;
  races: boolean;
  json: boolean;
  writeDocs: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { seeds: 20, budget: 10_000, races: true, json: false, writeDocs: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--seeds') a.seeds = Number(argv[++i]);
    else if (flag === '--budget') a.budget = Number(argv[++i]);
    else if (flag === '--only') a.only = argv[++i];
    else if (flag === '--no-races') a.races = false;
    else if (flag === '--strategies') STRATEGIES = argv[++i]!.split(',') as Strategy[];
    else if (flag === '--json') a.json = true;
    else if (flag === '--write-docs') a.writeDocs = true;
    else throw new Error(`unknown flag ${flag}`);
  }
  return a;
}

/** Executions to the first failure and to the first race of one seed (undefined: not within the budget). */
interface Trial {
  readonly failure: number | undefined;
  readonly race: number | undefined;
  readonly ms: number;
}

interface Stats {
  readonly mean: number;
  readonly median: number;
  /** Seeds that found it within the budget, of `of` seeds counted. */
  readonly found: number;
  readonly of: number;
  readonly censored: boolean;
}

interface Row {
  readonly program: string;
  readonly strategy: Strategy;
  readonly failure: Stats;
  readonly race: Stats | null;
  readonly meanMs: number;
}

function trial(p: Program, strategy: Strategy, seed: number, budget: number, races: boolean): Trial {
  const t0 = performance.now();
  const s = explore(p, { strategy, seed, maxExecutions: budget, shrink: false, ...(races ? { detectRaces: true } : {}) });
  return { failure: s.failures[0]?.execution, race: s.firstRace?.execution, ms: performance.now() - t0 };
}

function stats(values: readonly (number | undefined)[], budget: number): Stats {
  const xs = values.map((v) => v ?? budget).sort((a, b) => a - b);
  const mid = xs.length / 2;
  const median = xs.length % 2 === 1 ? xs[Math.floor(mid)]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, median, found: values.filter((v) => v !== undefined).length, of: values.length, censored: values.some((v) => v === undefined) };
}

function measure(p: Program, strategy: Strategy, a: Args): Row {
  const trials: Trial[] = [];
  if (DETERMINISTIC.has(strategy)) {
    const t = trial(p, strategy, 0, a.budget, a.races);
    for (let i = 0; i < a.seeds; i++) trials.push(t);
  } else {
    for (let seed = 0; seed < a.seeds; seed++) trials.push(trial(p, strategy, seed, a.budget, a.races));
  }
  const anyRace = trials.some((t) => t.race !== undefined);
  // A search stops at its first failure: when no race came before it, the seed says nothing
  // about how soon a race would have been reported, so it is left out of the race figures.
  const raceTrials = trials.filter((t) => t.race !== undefined || t.failure === undefined);
  return {
    program: p.name,
    strategy,
    failure: stats(trials.map((t) => t.failure), a.budget),
    race: a.races && anyRace ? stats(raceTrials.map((t) => t.race), a.budget) : null,
    meanMs: trials.reduce((x, t) => x + t.ms, 0) / trials.length,
  };
}

function num(x: number): string {
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1).replace(/\.0$/, '');
}

function cell(s: Stats | null): string {
  if (s === null) return 'no race';
  if (s.of === 0) return 'only after the failure';
  return `${s.censored ? '>=' : ''}${num(s.mean)} / ${num(s.median)} (${s.found}/${s.of})`;
}

function table(rows: readonly Row[], a: Args, pick: (r: Row) => string): string[] {
  const programs = [...new Set(rows.map((r) => r.program))];
  const lines = [`| program | ${STRATEGIES.join(' | ')} |`, `|---|${STRATEGIES.map(() => '---').join('|')}|`];
  for (const p of programs) lines.push(`| ${p} | ${STRATEGIES.map((s) => pick(rows.find((r) => r.program === p && r.strategy === s)!)).join(' | ')} |`);
  return lines;
}

/** Per program: is the portfolio's mean at most every single strategy's, and under 20? */
function goals(rows: readonly Row[]): string[] {
  const out: string[] = [];
  let best = 0;
  let under = 0;
  const programs = [...new Set(rows.map((r) => r.program))];
  for (const p of programs) {
    const mine = rows.filter((r) => r.program === p);
    const row = mine.find((r) => r.strategy === 'portfolio');
    if (row === undefined || mine.length < 2) return [];
    const portfolio = row.failure.mean;
    const single = Math.min(...mine.filter((r) => r.strategy !== 'portfolio').map((r) => r.failure.mean));
    if (portfolio <= single) best++;
    if (portfolio < 20) under++;
    if (portfolio > single || portfolio >= 20) out.push(`  ${p}: portfolio mean ${num(portfolio)}, best single strategy ${num(single)}`);
  }
  return [`portfolio mean <= best single strategy on ${best} of ${programs.length} programs; under 20 executions on ${under} of ${programs.length}`, ...out];
}

function fixedTwins(a: Args): string[] {
  const bad: string[] = [];
  for (const { fixed } of BUG_SUITE) {
    if (a.only !== undefined && !fixed.name.includes(a.only)) continue;
    for (const strategy of STRATEGIES) {
      const s = explore(fixed, { strategy, maxExecutions: strategy === 'dpor' ? 20_000 : Math.min(a.budget, 1000), shrink: false });
      if (s.failures.length > 0) bad.push(`${fixed.name} under ${strategy}: ${s.failures[0]!.failure.kind} at execution ${s.failures[0]!.execution}`);
    }
  }
  return bad;
}

function writeDocs(lines: readonly string[]): void {
  const file = fileURLToPath(new URL('../docs/exploration.md', import.meta.url));
  const text = readFileSync(file, 'utf8');
  const begin = '<!-- strategies:begin -->';
  const end = '<!-- strategies:end -->';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs/exploration.md has no ${begin} ... ${end} markers`);
  const next = `${text.slice(0, i + begin.length)}\n${lines.join('\n')}\n${text.slice(j)}`;
  writeFileSync(`${file}.tmp`, next);
  renameSync(`${file}.tmp`, file);
}

function main(): void {
  const a = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  const t0 = performance.now();
  for (const { buggy } of BUG_SUITE) {
    if (a.only !== undefined && !buggy.name.includes(a.only)) continue;
    for (const strategy of STRATEGIES) {
      rows.push(measure(buggy, strategy, a));
      if (!a.json) process.stderr.write(`\r${buggy.name} ${strategy}          `);
    }
  }
  if (!a.json) process.stderr.write('\n');
  const bad = fixedTwins(a);
  const totalS = (performance.now() - t0) / 1000;
  if (a.json) {
    console.log(JSON.stringify({ seeds: a.seeds, budget: a.budget, strategies: STRATEGIES, rows, fixedTwinFailures: bad, seconds: totalS }, null, 2));
    return;
  }
  const header = [
    `Executions to the first failure (claim, exception or deadlock): mean / median (seeds that found it within ${a.budget.toLocaleString('en-US')}), over ${a.seeds} seeds; dfs, period and dpor ignore the seed. \`>=\`: some seeds found nothing and count as the budget.`,
    '',
  ];
  const failures = table(rows, a, (r) => cell(r.failure));
  const races = a.races ? ['', 'Executions to the first data race the detector reports (same format; `no race`: the bug involves no data race, e.g. a deadlock or a check-then-act between two critical sections; seeds whose search stopped at a failure before any race was reported are left out, so the count of seeds can be under 20):', '', ...table(rows, a, (r) => cell(r.race))] : [];
  const times = ['', 'Mean time per seed, milliseconds (race detection on: each execution also runs the detector):', '', ...table(rows, a, (r) => num(r.meanMs))];
  const verdicts = ['', ...goals(rows), bad.length === 0 ? 'fixed twins: no strategy reported a failure' : `fixed twins FAILED: ${bad.join('; ')}`];
  const all = [...header, ...failures, ...races, ...times, ...verdicts];
  for (const l of all) console.log(l);
  console.log(`(${totalS.toFixed(0)} s in all)`);
  if (a.writeDocs) writeDocs([...all, '', `Measured with \`npx tsx bench/strategies.ts --seeds ${a.seeds} --budget ${a.budget}${a.races ? '' : ' --no-races'} --write-docs\`.`]);
}

main();
