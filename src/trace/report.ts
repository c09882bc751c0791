/**
 * The failure report: what happened, the threads and steps involved, why (for a data race:
 * its pattern, a trace excerpt and the missing happens-before edge), and the command that
 * replays it (the report is the replay recipe): the schedule in the notation, and the seed.
 */
import type { ExecutionResult } from '../scheduler/execution.js';
import type { Failure, RaceFailure } from '../scheduler/failures.js';
import { explainAccesses, explainRaces, explainSplitSection } from './explain.js';
import { replayLines, type ReplayRecipe } from './replay-command.js';

/**
 * Lines of the report for an execution; `recorded` is the same execution run again with its
 * trace (and code sites) kept: its failures are reported when given, as they carry more.
 */
export function failureReport(exec: ExecutionResult, recipe: ReplayRecipe, recorded?: ExecutionResult): string[] {
  const failures = recorded?.failures ?? exec.failures;
  if (failures.length === 0) return [];
  const lines: string[] = [];
  const n = failures.length;
  lines.push(`${n === 1 ? 'FAILURE' : `${n} FAILURES`} in ${exec.program} under policy ${exec.policy}, seed ${exec.seed} (${exec.steps} steps):`);
  for (const f of failures) lines.push(...failureMessageLines(f));
  const trace = recorded?.trace;
  if (trace !== undefined) {
    const name = (i: number): string => exec.threads[i]?.name ?? `#${i}`;
    const races = failures.filter((f): f is RaceFailure => f.kind === 'race');
    // A false claim without a pattern of its own gets the accesses behind it.
    const unexplained = failures.some((f) => (f.kind === 'claim' && f.pattern === undefined) || f.kind === 'invariant');
    const explained = races.length > 0 ? explainRaces(races, trace, name) : unexplained ? [...explainSplitSection(trace, name), ...explainAccesses(trace, name)] : [];
    for (const l of explained) lines.push(`  ${l}`);
  }
  lines.push(...replayLines(recipe, exec));
  return lines;
}

/** One failure's lines: the message; a deadlock's threads one per line; a pattern's cause apart. */
export function failureMessageLines(f: Failure): string[] {
  if (f.kind === 'claim') return f.cause === undefined ? [`  - ${f.message}`] : [`  - ${f.message}`, `    ${f.cause}`];
  if (f.kind !== 'deadlock') return [`  - ${f.message}`];
  const head = `  - deadlock at step ${f.step}: no thread can run and none is sleeping`;
  if (f.cycle !== undefined) return [`${head}; a wait-for cycle${f.pattern === undefined ? '' : ` (${f.pattern})`}:`, ...f.cycle.map((l) => `      ${l}`)];
  if (f.cause === undefined) return [`  - ${f.message}`];
  return [`${head} (${f.pattern ?? 'no cycle'}):`, ...f.blocked.map((b) => `      ${b.thread} waits for ${b.waitsFor}`), `    ${f.cause}`];
}
