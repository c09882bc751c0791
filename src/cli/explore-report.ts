/**
 * The text of `threadsim explore`'s reports: the pasteable one-line verdict, failures with
 * their replay command, the outcome histogram, and the JSON form.
 */
import { SAMPLING_STRATEGIES, type ExploreSummary, type FoundFailure } from '../scheduler/explore/explore.js';
import type { ExecutionResult } from '../scheduler/execution.js';
import { aliasLegend, printSchedule } from '../trace/notation.js';
import { failureMessageLines } from '../trace/report.js';
import { shellQuote } from '../trace/replay-command.js';

/** What a replay command needs besides the schedule. */
export interface ExploreRecipe {
  readonly program: string;
  readonly untimed: boolean;
  readonly maxSteps?: number;
  readonly cpuCount?: number;
}

/** `1,234`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}

/** An explored execution: its schedule and the names of its threads. */
export type Explored = Pick<ExecutionResult, 'schedule' | 'threads' | 'choices'>;

/** The schedule of an explored execution in the schedule notation (docs/schedule-notation.md). */
export function notation(exec: Explored): string {
  return printSchedule(exec.schedule, exec.threads.map((t) => t.name), exec.choices);
}

/**
 * The command that replays one explored execution from its schedule: `threadsim run
 * --schedule` under virtual-time rules, `threadsim explore --untimed --replay-schedule` for
 * untimed executions (which `run` does not make).
 */
export function scheduleReplayCommand(r: ExploreRecipe, exec: Explored): string {
  const parts = r.untimed
    ? ['npx', 'threadsim', 'explore', shellQuote(r.program), '--untimed', '--replay-schedule', shellQuote(notation(exec))]
    : ['npx', 'threadsim', 'run', shellQuote(r.program), '--schedule', shellQuote(notation(exec))];
  if (r.maxSteps !== undefined) parts.push('--max-steps', String(r.maxSteps));
  if (r.cpuCount !== undefined) parts.push('--cpu-count', String(r.cpuCount));
  return parts.join(' ');
}

/** The replay line and, when the schedule uses `T<n>` aliases, what they stand for. */
export function replayLines(r: ExploreRecipe, exec: Explored): string[] {
  const legend = aliasLegend(exec.threads.map((t) => t.name), new Set(exec.schedule));
  return [`replay: ${scheduleReplayCommand(r, exec)}`, ...(legend.length > 0 ? [`  where ${legend.join(', ')}`] : [])];
}

/** `DPOR, no preemption bound, untimed`: how the space was explored. */
export function method(s: ExploreSummary): string {
  const rule = s.untimed ? 'untimed: sleeps and timeouts order nothing' : 'virtual-time rules';
  switch (s.strategy) {
    case 'dpor':
      return `DPOR, no preemption bound, ${rule}`;
    case 'dfs': {
      const bound = s.bound === undefined || s.exhaustive ? 'no preemption bound' : `preemption bound ${s.bound}`;
      return `DFS, ${bound}, ${rule}`;
    }
    case 'period':
      return `periodical scheduling (PERIOD), fewest periods first, ${rule}`;
    case 'pct':
      return `PCT depth ${s.pct?.depth ?? '?'}, n = ${s.pct?.threads ?? '?'} threads, k = ${s.pct?.steps ?? '?'} steps${s.pct?.estimated ? ' (estimated from 5 random runs)' : ''}, ${rule}`;
    case 'random':
      return `random, ${rule}`;
    case 'pos':
      return `POS (partial order sampling), ${rule}`;
    case 'rff':
      return `reads-from guided fuzzing, ${rule}`;
    case 'portfolio':
      return `portfolio of periodical scheduling, DPOR and reads-from guided fuzzing, turns period, period, dpor, period, rff, ${rule}`;
  }
}

/** What one execution is called in this strategy's counts. */
function unit(s: ExploreSummary): string {
  return s.strategy === 'dpor' ? 'trace' : s.strategy === 'dfs' ? 'execution' : 'run';
}

/** The one-line verdict a user can paste into a report. */
export function verdict(s: ExploreSummary): string {
  const n = s.explored;
  if (s.failures.length > 0) {
    const f = s.failures[0]!;
    const more = s.failures.length > 1 ? ` (${s.failures.length} kinds of failure)` : '';
    const by = f.foundBy === undefined ? '' : ` by ${f.foundBy}`;
    return `FAILURE in ${s.program}, found at execution ${count(f.execution)}${by} (${method(s)})${more}:`;
  }
  switch (s.stopped) {
    case 'exhausted':
      if (s.proof !== undefined) {
        const what = s.proof.member === 'dpor' ? 'every trace' : 'every schedule';
        return `no failure in ${s.program}: the portfolio's ${s.proof.member} member covered ${what} in its ${count(s.proof.executions)} of the ${plural(s.executions, 'execution')} run (${method(s)})`;
      }
      return `all ${plural(n, 'execution')} of ${s.program} explored (${method(s)}): no failure`;
    case 'bound':
      if (s.periods !== undefined) {
        return `all ${plural(s.periods.schedules, 'schedule')} of ${s.program} with up to ${plural(s.periods.upTo, 'period')} explored (${method(s)}): no failure; the rest of the ${plural(s.executions, 'execution')} run were a part of the schedules with more periods`;
      }
      if (s.strategy === 'period') {
        // Cut by its frontier before it covered any number of periods (or under several sets of answers).
        return `${plural(s.executions, 'execution')} of ${s.program} run (${method(s)}): no failure; the frontier reached its limit, so the search is not exhaustive`;
      }
      return `all ${plural(n, 'execution')} of ${s.program} with at most ${plural(s.bound ?? 0, 'preemption')} explored (${method(s)}): no failure; more preemptions were not tried`;
    case 'interrupted':
      return `interrupted after ${plural(s.executions, 'execution')} of ${s.program} (${method(s)}): no failure so far; the search is incomplete`;
    case 'budget':
      if (SAMPLING_STRATEGIES.includes(s.strategy)) {
        return `${plural(s.executions, 'run')} of ${s.program} (${method(s)}): no failure (a sample of the schedules, not a proof)`;
      }
      if (s.periods !== undefined) {
        return `${plural(s.executions, 'execution')} of ${s.program} run (${method(s)}): no failure; all ${plural(s.periods.schedules, 'schedule')} with up to ${plural(s.periods.upTo, 'period')} explored, then stopped at --max-executions`;
      }
      return `${plural(s.executions, 'execution')} of ${s.program} run (${method(s)}): no failure; stopped at --max-executions, so the search is incomplete`;
    default:
      return `${plural(s.executions, 'execution')} of ${s.program} run (${method(s)}): no failure so far`;
  }
}

/** Lines describing one failure, ending with its replay command. */
export function failureLines(f: FoundFailure, recipe: ExploreRecipe): string[] {
  const lines = failureMessageLines(f.failure);
  const size = `${plural(f.preemptions, 'preemption')}, ${plural(f.steps, 'step')}`;
  if (f.shrunk !== undefined) {
    const from = `${plural(f.shrunk.from.preemptions, 'preemption')}, ${plural(f.shrunk.from.steps, 'step')}`;
    const same = f.shrunk.from.preemptions === f.preemptions && f.shrunk.from.steps === f.steps;
    lines.push(same ? `    ${size} (${plural(f.shrunk.runs, 'shrinking run')}: ${minimality(f)})` : `    shrunk from ${from} to ${size} (${plural(f.shrunk.runs, 'run')}; ${minimality(f)})`);
  } else {
    lines.push(`    ${size}${f.seed === undefined ? '' : `, seed ${f.seed}`}`);
  }
  lines.push(...replayLines(recipe, f.result));
  return lines;
}

/**
 * What is known about a shrunk failure's size: fewest preemptions proved (every schedule with
 * fewer was run), or only that the search for one ran out of budget.
 */
export function minimality(f: FoundFailure): string {
  const s = f.shrunk!;
  if (f.preemptions === 0) return 'no preemption needed';
  if (s.minimal) return `fewest preemptions: none of the ${plural(s.searched, 'schedule')} with fewer fails this way`;
  return `no schedule with fewer preemptions found in ${plural(s.searched, 'try', 'tries')}`;
}

/** `db.value = 1 in 2 of 3 traces; db.value = 2 in 1 of 3`. */
export function histogramLine(entries: readonly [string, number][], total: number, what: string): string {
  return entries.map(([key, n], i) => `${key} in ${count(n)} of ${count(total)}${i === 0 ? ` ${what}${total === 1 ? '' : 's'}` : ''}`).join('; ');
}

/** The histogram section. */
export function histogramLines(s: ExploreSummary): string[] {
  const h = s.histogram;
  if (h === undefined) return [];
  const total = h.states.reduce((a, [, n]) => a + n, 0);
  const lines = [`final state: ${histogramLine(h.states, total, unit(s))}`];
  lines.push(`output: ${plural(h.outputs.length, 'different output')} in ${plural(total, unit(s))}`);
  for (const [text, n] of h.outputs.slice(0, 10)) {
    lines.push(`  ${count(n)} of ${count(total)}:`);
    for (const l of text === '' ? ['(no output)'] : text.split('\n')) lines.push(`    ${l}`);
  }
  if (h.outputs.length > 10) lines.push(`  ... and ${count(h.outputs.length - 10)} more`);
  return lines;
}

/** The whole text report; `findMode` leaves the verdict to the --find-output lines. */
export function reportLines(s: ExploreSummary, recipe: ExploreRecipe, findMode = false): string[] {
  const lines: string[] = [];
  for (const n of s.notes) lines.push(`note: ${n}`);
  lines.push(...histogramLines(s));
  const counts = [`${count(s.complete)} complete`];
  if (s.deadlocks > 0) counts.push(`${count(s.deadlocks)} deadlocked`);
  if (s.stepBound > 0) counts.push(`${count(s.stepBound)} over the step bound`);
  if (s.abandoned > 0) counts.push(`${count(s.abandoned)} abandoned early as redundant`);
  const iterations = s.executions !== s.explored ? `; preemption bounds 0..${s.bound ?? '?'} tried in turn, ${count(s.explored)} at the last` : '';
  lines.push(`${plural(s.executions, 'execution')} (${counts.join(', ')}${iterations}) in ${(s.elapsedMs / 1000).toFixed(2)} s`);
  if (s.feedback !== undefined) lines.push(`feedback: ${plural(s.feedback.readsFrom, 'reads-from pair')} and ${plural(s.feedback.outcomes, 'outcome')} seen; ${plural(s.feedback.corpus, 'schedule')} kept in the corpus`);
  if (s.firstRace !== undefined) lines.push(`first data race reported at execution ${count(s.firstRace.execution)} (on ${s.firstRace.location})`);
  if (s.failures.length > 0 || !findMode) lines.push(verdict(s));
  if (s.stopped === 'interrupted' && (s.failures.length > 0 || findMode)) lines.push(`interrupted after ${plural(s.executions, 'execution')}: the search is incomplete`);
  for (const f of s.failures) lines.push(...failureLines(f, recipe));
  return lines;
}

/** The JSON report. */
export function reportJson(s: ExploreSummary, recipe: ExploreRecipe): unknown {
  return {
    program: s.program,
    strategy: s.strategy,
    timeRule: s.untimed ? 'untimed' : 'virtual-time',
    method: method(s),
    verdict: verdict(s).replace(/:$/, ''),
    stopped: s.stopped,
    exhaustive: s.exhaustive,
    preemptionBound: s.bound ?? null,
    executions: s.executions,
    explored: s.explored,
    complete: s.complete,
    deadlocks: s.deadlocks,
    stepBound: s.stepBound,
    abandoned: s.abandoned,
    notes: s.notes,
    ...(s.pct === undefined ? {} : { pct: s.pct }),
    ...(s.traces === undefined ? {} : { traces: s.traces }),
    ...(s.choiceFunctions === undefined ? {} : { choiceFunctions: s.choiceFunctions }),
    ...(s.firstRace === undefined ? {} : { firstRace: s.firstRace }),
    ...(s.feedback === undefined ? {} : { feedback: s.feedback }),
    ...(s.proof === undefined ? {} : { proof: s.proof }),
    ...(s.periods === undefined ? {} : { periodsExplored: s.periods.upTo, schedulesWithinPeriods: s.periods.schedules }),
    ...(s.histogram === undefined ? {} : { histogram: { states: Object.fromEntries(s.histogram.states), outputs: s.histogram.outputs.map(([text, n]) => ({ lines: text === '' ? [] : text.split('\n'), count: n })) } }),
    failures: s.failures.map((f) => ({
      ...f.failure,
      signature: f.signature,
      execution: f.execution,
      ...(f.seed === undefined ? {} : { seed: f.seed }),
      ...(f.foundBy === undefined ? {} : { foundBy: f.foundBy }),
      preemptions: f.preemptions,
      steps: f.steps,
      ...(f.shrunk === undefined ? {} : { shrunkFrom: f.shrunk.from, shrinkRuns: f.shrunk.runs, fewestPreemptions: f.shrunk.minimal, fewerPreemptionsTried: f.shrunk.searched }),
      schedule: notation(f.result),
      replay: scheduleReplayCommand(recipe, f.result),
    })),
    elapsedMs: Math.round(s.elapsedMs),
  };
}
