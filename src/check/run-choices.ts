/**
 * One execution of a program under a list of choices (see {@link ChoicePolicy}).
 */
import { RaceMonitor } from '../scheduler/detect/detector.js';
import { execute, type ExecutionResult } from '../scheduler/execution.js';
import type { Monitor } from '../scheduler/monitor.js';
import type { Program } from '../scheduler/program.js';
import { ChoicePolicy, type ChoicePoint } from './choice-policy.js';

/** Engine options every checking entry point accepts. */
export interface EngineOptions {
  /** Step bound per execution (a run that exceeds it fails). Default 10,000. */
  readonly maxSteps?: number;
  /** Sleeps and timeouts order nothing (see `ExecutionOptions.untimed`). Default false. */
  readonly untimed?: boolean;
  /** `os.cpu_count()` as the models see it. */
  readonly cpuCount?: number;
  /**
   * Report data races, lock-order inversions and deadlock cycles (happens-before race
   * detection), as `threadsim run` does: an unlocked `hits += 1` then fails without any claim.
   * `threadSafe`, `assertScheduleSafe` and the matchers default it to true; `false` checks only
   * claims, deadlocks, exceptions and the step bound (for programs whose races are benign).
   * Plain {@link runChoices} calls default it to false.
   */
  readonly detect?: boolean;
  /**
   * A fresh monitor per execution (an invariant, a custom detector); its failures count. It
   * takes the place of the built-in race detector that `detect` turns on.
   */
  readonly monitor?: () => Monitor;
}

/** An execution together with the decisions that produced it. */
export interface ChoiceRun {
  readonly execution: ExecutionResult;
  /** Every scheduling decision, in order. */
  readonly points: readonly ChoicePoint[];
  /** Preempting context switches in this execution. */
  readonly preemptions: number;
}

/** `options` with race detection on unless they turn it off: the default of the thread-safety checks. */
export function detecting<T extends EngineOptions>(options: T): T & { readonly detect: boolean } {
  return { ...options, detect: options.detect ?? true };
}

/** Default step bound of checking runs: small programs, so a spin loop is caught quickly. */
export const CHECK_MAX_STEPS = 10_000;

/** Run `program` once following `choices`; `record` keeps the step-by-step trace. */
export function runChoices(program: Program, choices: readonly number[], options: EngineOptions = {}, record = false): ChoiceRun {
  const policy = new ChoicePolicy(choices);
  const monitor = options.monitor?.() ?? (options.detect === true ? new RaceMonitor({ patterns: record }) : undefined);
  const execution = execute(program, {
    policy,
    seed: 0,
    maxSteps: options.maxSteps ?? CHECK_MAX_STEPS,
    record,
    ...(options.untimed === undefined ? {} : { untimed: options.untimed }),
    ...(options.cpuCount === undefined ? {} : { cpuCount: options.cpuCount }),
    ...(monitor === undefined ? {} : { monitor }),
  });
  return { execution, points: [...policy.points], preemptions: policy.preemptions };
}
