/**
 * One run of a program that follows a schedule prefix, then a non-preemptive default (keep
 * running the thread that ran last, else the oldest runnable), noting every choice point on
 * the way. The page's "you are the scheduler" mode runs the real program this way after every
 * pick (runs are deterministic, so re-running the prefix reaches the same point), and the
 * Node-side {@link buildChoiceTree} explores branches with it. Free of Node APIs: it is part
 * of the page's bundle.
 */
import { execute } from '../scheduler/execution.js';
import type { Op } from '../scheduler/ops.js';
import type { Policy, SchedulingPoint } from '../scheduler/policies/policy.js';
import type { Program, SharedState } from '../scheduler/program.js';
import { pageSteps, type PageStep } from './export/page-steps.js';
import { toTraceFile } from './format.js';
import { threadLabels } from './notation.js';
import type { ReplayRecipe } from './replay-command.js';
import { racesInTrace } from './trace-races.js';

/** A runnable thread at a choice point and the op it would run (`read db.value`). */
export interface LiveOption {
  readonly t: number;
  readonly op: string;
}

/** A step where two or more threads could run. */
export interface ChoicePoint {
  readonly step: number;
  readonly options: readonly LiveOption[];
}

/** What a prefix run produced, in page form. */
export interface LiveRun {
  readonly steps: readonly PageStep[];
  /** Choice points in step order. */
  readonly choices: readonly ChoicePoint[];
  /** The thread that ran each step. */
  readonly schedule: readonly number[];
  readonly threads: readonly string[];
  /** Each thread's label in the schedule notation (`MainThread`, `T1`, ...). */
  readonly labels: readonly string[];
  readonly ending: string;
  readonly failures: readonly string[];
  readonly initialState: SharedState;
  readonly finalState: SharedState;
}

/** Follows a schedule prefix, then the non-preemptive default; notes every choice point. */
export class PrefixPolicy implements Policy {
  readonly name = 'prefix';
  /** Per step where two or more threads were runnable: each one and its pending op. */
  readonly choices = new Map<number, LiveOption[]>();
  constructor(private readonly prefix: readonly number[]) {}
  begin(): void {}
  pick(runnable: readonly number[], at: SchedulingPoint): number {
    if (runnable.length > 1) this.choices.set(at.step, runnable.map((t) => ({ t, op: describeOp(at.pending(t)) })));
    const want = this.prefix[at.step];
    if (want !== undefined && runnable.includes(want)) return want;
    return runnable.includes(at.previous) ? at.previous : runnable[0]!;
  }
}

function describeOp(op: Op | undefined): string {
  if (op === undefined) return '?';
  return op.obj === undefined ? op.kind : `${op.kind} ${op.obj}`;
}

/** Run `program` along `prefix` (a thread per step), then by the default, recording the steps. */
export function runPrefix(program: Program, prefix: readonly number[], recipe: ReplayRecipe): LiveRun {
  const policy = new PrefixPolicy(prefix);
  const exec = execute(program, {
    policy,
    seed: recipe.seed,
    record: true,
    ...(recipe.maxSteps === undefined ? {} : { maxSteps: recipe.maxSteps }),
    ...(recipe.cpuCount === undefined ? {} : { cpuCount: recipe.cpuCount }),
  });
  const file = toTraceFile(exec, recipe);
  const names = exec.threads.map((t) => t.name);
  return {
    steps: pageSteps({ ...file, races: racesInTrace(file) }),
    choices: [...policy.choices.entries()].sort((a, b) => a[0] - b[0]).map(([step, options]) => ({ step, options })),
    schedule: exec.schedule,
    threads: names,
    labels: threadLabels(names),
    ending: exec.ending,
    failures: exec.failures.map((f) => f.message),
    initialState: exec.initialState ?? {},
    finalState: exec.state,
  };
}
