/**
 * Running a hand-written schedule: a policy that follows the notation step by step, and the
 * check that every step the engine forced (only one thread runnable, so the policy was not
 * asked) also ran the thread the schedule names.
 */
import { ThreadsimError } from '../errors.js';
import { execute, type ExecutionOptions, type ExecutionResult } from '../scheduler/execution.js';
import type { ChoicePoint } from '../scheduler/choice.js';
import type { Policy, SchedulingPoint } from '../scheduler/policies/policy.js';
import type { Program } from '../scheduler/program.js';
import { expandSchedule, parseSchedule, resolveThread, threadLabels, type ScheduleRun } from './notation.js';

/** A schedule that does not fit the program: names a thread that cannot run at `step`. */
export class ScheduleMismatch extends ThreadsimError {
  constructor(
    /** The step (0-based) where the schedule and the program part. */
    readonly step: number,
    what: string,
    fix = 'Name one of the runnable threads at that step (see docs/schedule-notation.md).',
  ) {
    super('TSIM007', `schedule step ${step}: ${what}`, fix);
  }
}

/** `MainThread, T1 (ThreadPoolExecutor-0_0)` for error messages. */
export function describeThreads(indices: readonly number[], names: readonly string[]): string {
  const labels = threadLabels(names);
  return indices
    .map((i) => {
      const label = labels[i] ?? `#${i}`;
      return label === names[i] ? label : `${label} (${JSON.stringify(names[i] ?? '')})`;
    })
    .join(', ');
}

function namesSoFar(at: SchedulingPoint): string[] {
  const names: string[] = [];
  if (at.threadName === undefined) return names;
  for (let i = 0; ; i++) {
    const n = at.threadName(i);
    if (n === undefined) return names;
    names.push(n);
  }
}

/**
 * Follows a parsed schedule; after its last step, `fallback` picks. Throws
 * {@link ScheduleMismatch} when the named thread is not runnable.
 */
export class SchedulePolicy implements Policy {
  readonly name: string;
  private readonly steps: readonly ScheduleRun[];

  constructor(
    runs: readonly ScheduleRun[],
    private readonly fallback: Policy,
  ) {
    this.steps = expandSchedule(runs);
    this.name = fallback.name;
  }

  begin(seed: number): void {
    this.fallback.begin(seed);
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const run = this.steps[at.step];
    if (run === undefined) return this.fallback.pick(runnable, at);
    const names = namesSoFar(at);
    const chosen = resolveThread(run.thread, names);
    if (typeof chosen === 'number' && runnable.includes(chosen)) return chosen;
    const why = typeof chosen === 'string' ? chosen : `${describeThreads([chosen], names)} is not runnable`;
    throw new ScheduleMismatch(at.step, `${why} (run '${run.text}'); runnable: ${describeThreads(runnable, names)}`);
  }

  /** The answer the step's `{...}` gives (0 when it has none); after the schedule's end, the fallback's. */
  choose(k: number, at: ChoicePoint): number {
    const run = this.steps[at.step];
    if (run === undefined) return this.fallback.choose?.(k, at) ?? 0;
    if (run.choices === undefined) return 0;
    const answer = run.choices[at.index];
    if (answer === undefined) {
      throw new ScheduleMismatch(at.step, `the step makes more choices than '${run.text}' answers (${run.choices.length})`, 'Give one answer per choice the step makes, as in T1{2,0}.');
    }
    if (answer >= k) {
      throw new ScheduleMismatch(at.step, `choice ${at.index + 1} of '${run.text}' has ${k} alternatives (0..${k - 1}), not ${answer + 1}`, 'Give an answer from 0 to the number of alternatives minus 1.');
    }
    return answer;
  }
}

/** Options of {@link runSchedule}: an execution's options without the policy. */
export interface ScheduleRunOptions extends Omit<ExecutionOptions, 'policy'> {
  /** Picks after the schedule's last step. */
  readonly fallback: Policy;
}

/**
 * Run `program` following the schedule `text` (always recorded: the check of forced steps
 * reads the record). Throws a ThreadsimError when the notation is
 * malformed, when a step names a thread that cannot run then (saying which step and who was
 * runnable), or when the program ends before the schedule does.
 */
export function runSchedule(program: Program, text: string, options: ScheduleRunOptions): ExecutionResult {
  const runs = parseSchedule(text);
  const steps = expandSchedule(runs);
  const { fallback, ...rest } = options;
  const once = (maxSteps?: number): ExecutionResult =>
    execute(program, { ...rest, record: true, ...(maxSteps === undefined ? {} : { maxSteps }), policy: new SchedulePolicy(runs, fallback) });
  let exec: ExecutionResult;
  try {
    exec = once();
  } catch (e) {
    if (!(e instanceof ScheduleMismatch)) throw e;
    // A forced step before this one may already have gone astray: report the first one.
    if (e.step > 0) checkForcedSteps(once(e.step), steps, e.step);
    throw e;
  }
  checkForcedSteps(exec, steps, exec.steps);
  checkChoiceCounts(exec, steps);
  if (steps.length > exec.steps) {
    const next = steps[exec.steps]!;
    throw new ScheduleMismatch(
      exec.steps,
      `the program ended after ${exec.steps} steps (${exec.ending}), but the schedule goes on with '${next.text}' (${plural(steps.length - exec.steps, 'more step')})`,
      `Shorten the schedule to ${plural(exec.steps, 'step')}.`,
    );
  }
  return exec;
}

/** Every `{...}` of the schedule was used whole: a step given more answers than it makes choices is a mismatch. */
function checkChoiceCounts(exec: ExecutionResult, steps: readonly ScheduleRun[]): void {
  const made = new Map<number, number>();
  for (const c of exec.choices ?? []) made.set(c.step, (made.get(c.step) ?? 0) + 1);
  for (let i = 0; i < Math.min(steps.length, exec.steps); i++) {
    const given = steps[i]!.choices;
    if (given === undefined) continue;
    const n = made.get(i) ?? 0;
    if (n < given.length) {
      throw new ScheduleMismatch(i, `'${steps[i]!.text}' gives ${plural(given.length, 'answer')}, but the step makes ${n === 0 ? 'no choice' : plural(n, 'choice')}`, n === 0 ? 'Drop the braces: the step makes no choice.' : `Give ${plural(n, 'answer')}.`);
    }
  }
}

/** Steps where only one thread could run: the engine ran it without asking the policy. */
function checkForcedSteps(exec: ExecutionResult, steps: readonly ScheduleRun[], upTo: number): void {
  const names = exec.threads.map((t) => t.name);
  const n = Math.min(upTo, steps.length, exec.schedule.length);
  for (let i = 0; i < n; i++) {
    const ran = exec.schedule[i]!;
    const run = steps[i]!;
    // Threads that existed at step i: those started before it (indices grow with creation).
    const existing = names.slice(0, threadsExistingAt(exec, i));
    const want = resolveThread(run.thread, existing);
    if (want === ran) continue;
    const why = typeof want === 'string' ? want : `${describeThreads([want], names)} is not runnable`;
    throw new ScheduleMismatch(i, `${why} (run '${run.text}'); runnable: ${describeThreads([ran], names)}`);
  }
}

function threadsExistingAt(exec: ExecutionResult, step: number): number {
  let max = 0;
  for (let i = 0; i < step; i++) max = Math.max(max, exec.schedule[i]!);
  // Every thread up to the highest index that has run exists; so may later ones started by
  // the steps so far, which the schedule may also name.
  let spawnedBefore = 0;
  for (const s of (exec.trace ?? []).slice(0, step)) spawnedBefore = Math.max(spawnedBefore, s.spawned ?? 0);
  return Math.max(max, spawnedBefore) + 1;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
