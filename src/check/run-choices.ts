/**
 * One execution of a program under a list of choices (see {@link ChoicePolicy}).
 */
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
  /** A fresh monitor per execution (a race detector, an invariant); its failures count. */
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

/** Default step bound of checking runs: small programs, so a spin loop is caught quickly. */
export const CHECK_MAX_STEPS = 10_000;

/** Run `program` once following `choices`; `record` keeps the step-by-step trace. */
export function runChoices(program: Program, choices: readonly number[], options: EngineOptions = {}, record = false): ChoiceRun {
  const policy = new ChoicePolicy(choices);
  const monitor = options.monitor?.();
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
