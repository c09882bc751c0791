/**
 * A recorded execution as plain-text swim lanes for a terminal or a test runner's failure
 * message: one column per thread, aligned, nothing escaped but control characters (a Markdown
 * table reads as `\[1, 2\]` and `\_` there). A long run is summarised: the deciding steps
 * (preemptions, the steps the failures name, the last step) with a step of context each, the
 * rest folded into `…` lines, since the replay line reproduces the whole run.
 */
import type { ExecutionResult } from '../scheduler/execution.js';
import type { Failure } from '../scheduler/failures.js';
import type { ChoicePoint } from './choice-policy.js';
import { describeStep } from './swimlane.js';

/** Runs with at most this many steps are shown whole. */
export const FULL_LANES = 40;
/** Widest a lane is padded to: a longer cell overflows its row rather than widen every row. */
const CELL = 44;
/** Longest cell shown: a longer value is cut with `…` (the replay shows it whole). */
const LONGEST = 120;

/** Control characters other than newlines (an ANSI escape in a thread name) shown as `\u001b`. */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line of text for a cell: newlines as spaces, control characters escaped. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The steps a failure names (race accesses, the step an invariant broke, ...). */
export function failureSteps(failures: readonly Failure[]): number[] {
  const steps: number[] = [];
  for (const f of failures) {
    if (f.kind === 'race') steps.push(...(f.patternSteps ?? [f.first.step, f.second.step]));
    else if (f.kind === 'lock-order') steps.push(...f.edges.map((e) => e.step));
    else if ('step' in f && typeof f.step === 'number') steps.push(f.step);
  }
  return steps;
}

/**
 * The steps that decide a run's outcome: each preemption, the preempted thread's next step
 * (where it acts on what it saw before the switch: the stale write of a lost update), the
 * steps in `keep` (those the failures name) and the last step.
 */
export function decidingSteps(exec: ExecutionResult, points: readonly ChoicePoint[], keep: readonly number[]): Set<number> {
  const trace = exec.trace ?? [];
  const steps = new Set<number>(keep);
  const last = trace[trace.length - 1];
  if (last !== undefined) steps.add(last.step);
  const preempting = new Set<number>();
  for (const p of points) if (p.preemptible && p.choice % p.options !== 0) preempting.add(p.step);
  for (let i = 1; i < trace.length; i++) {
    if (!preempting.has(trace[i]!.step)) continue;
    steps.add(trace[i]!.step);
    const preempted = trace[i - 1]!.thread;
    const resumed = trace.slice(i + 1).find((s) => s.thread === preempted);
    if (resumed !== undefined) steps.add(resumed.step);
  }
  return steps;
}

/** The steps a summary shows: the {@link decidingSteps} with the step before and after each. */
export function summarySteps(exec: ExecutionResult, points: readonly ChoicePoint[], keep: readonly number[]): Set<number> {
  const trace = exec.trace ?? [];
  const index = new Map(trace.map((s, i) => [s.step, i]));
  const shown = new Set<number>();
  for (const step of decidingSteps(exec, points, keep)) {
    const i = index.get(step);
    if (i === undefined) continue;
    for (const j of [i - 1, i, i + 1]) {
      const s = trace[j];
      if (s !== undefined) shown.add(s.step);
    }
  }
  return shown;
}

/** Options of {@link laneText}. */
export interface LaneOptions {
  /** Steps to keep in a summary besides the {@link decidingSteps} of the run itself. */
  readonly keep?: readonly number[];
  /** Show every step however long the run. Default false. */
  readonly full?: boolean;
}

/** The swim lanes of a recorded run; `points` mark preemptions (`▶ preempts T:`). */
export function laneText(exec: ExecutionResult, points: readonly ChoicePoint[] = [], options: LaneOptions = {}): string {
  const trace = exec.trace;
  if (trace === undefined) throw new Error('laneText needs an execution recorded with record: true');
  const name = (i: number): string => plain(exec.threads[i]?.name ?? `#${i}`);
  const preempting = new Set<number>();
  for (const p of points) if (p.preemptible && p.choice % p.options !== 0) preempting.add(p.step);
  const cells: string[] = [];
  let previous = -1;
  for (const s of trace) {
    const text = plain(describeStep(s));
    cells.push(preempting.has(s.step) ? `▶ preempts ${name(previous)}: ${text}` : text);
    previous = s.thread;
  }
  const summary = options.full !== true && trace.length > FULL_LANES ? summarySteps(exec, points, options.keep ?? []) : undefined;
  const shown = trace.flatMap((s, i) => (summary === undefined || summary.has(s.step) ? [i] : []));
  const widths = exec.threads.map((t, lane) => {
    let w = Math.min(CELL, name(lane).length);
    for (const i of shown) if (trace[i]!.thread === lane) w = Math.max(w, Math.min(CELL, cells[i]!.length));
    return w;
  });
  const stepWidth = Math.max(4, String(trace[trace.length - 1]?.step ?? 0).length);
  const row = (first: string, lanes: readonly string[]): string =>
    `${first.padStart(stepWidth)}  ${lanes.map((c, i) => cut(c, LONGEST).padEnd(widths[i]!)).join('  ')}`.trimEnd();
  const lines = [row('step', exec.threads.map((_, i) => name(i)))];
  let last = -1;
  for (const i of shown) {
    if (i > last + 1) lines.push(`${'…'.padStart(stepWidth)}  (${i - last - 1} step${i - last - 1 === 1 ? '' : 's'})`);
    const s = trace[i]!;
    lines.push(row(String(s.step), exec.threads.map((_, lane) => (lane === s.thread ? cells[i]! : ''))));
    last = i;
  }
  if (shown.length < trace.length) lines.push(`(${shown.length} of ${trace.length} steps shown: the preemptions, the steps the failures name and the last; the replay line runs them all)`);
  return lines.join('\n');
}
