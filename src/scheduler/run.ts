/**
 * Runs of a program: one seed, or seeds `seed .. seed+runs-1` stopping at the first failure.
 */
import { ThreadsimError } from '../errors.js';
import { RaceMonitor } from './detect/detector.js';
import { execute, type ExecutionResult } from './execution.js';
import { policyByName, type Policy } from './policies/index.js';
import type { Program } from './program.js';

/** Options of {@link runProgram}. */
export interface RunOptions {
  /** Policy name (default `gil`) or a policy object. */
  readonly policy?: string | Policy;
  readonly seed?: number;
  /** How many seeds to try, from `seed` on; stops at the first failing one. Default 1. */
  readonly runs?: number;
  readonly maxSteps?: number;
  /** Keep the step-by-step record of the reported execution. */
  readonly record?: boolean;
  readonly cpuCount?: number;
  /**
   * Report data races, lock-order inversions and deadlock cycles (happens-before race
   * detection on every run). Default false; `threadsim run` turns it on.
   */
  readonly detect?: boolean;
  /** Ops carry their code site even when not recording (for a watchdog's report). Default false. */
  readonly sites?: boolean;
}

/** What a series of runs found. */
export interface RunSummary {
  /** How many executions ran. */
  readonly runs: number;
  /** The failing execution, or the last one when none failed. */
  readonly execution: ExecutionResult;
  /**
   * Set when more runs were asked of a policy that ignores the seed: how many. Only one ran,
   * since the others would repeat its schedule.
   */
  readonly repeatsOneSchedule?: number;
}

/**
 * Run `program` under `options`; see {@link RunOptions}.
 *
 * @example
 * ```ts
 * import { runProgram } from 'threadsim';
 * import hits from './hits.js';
 *
 * const { runs, execution } = runProgram(hits, { policy: 'random', seed: 0, runs: 100, detect: true });
 * for (const f of execution.failures) console.log(f.message);
 * console.log(`${runs} runs, final state`, execution.state);
 * ```
 */
export function runProgram(program: Program, options: RunOptions = {}): RunSummary {
  const seed = options.seed ?? 0;
  const runs = options.runs ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new ThreadsimError('TSIM006', `--seed must be a non-negative integer, got ${seed}`, 'Pass a seed such as --seed 42.');
  if (!Number.isSafeInteger(runs) || runs < 1) throw new ThreadsimError('TSIM006', `--runs must be a positive integer, got ${runs}`, 'Pass for example --runs 100.');
  if (options.maxSteps !== undefined && (!Number.isSafeInteger(options.maxSteps) || options.maxSteps < 1)) {
    throw new ThreadsimError('TSIM006', `--max-steps must be a positive integer, got ${options.maxSteps}`, 'Pass for example --max-steps 1000000.');
  }
  const policy = typeof options.policy === 'object' ? options.policy : policyByName(options.policy ?? 'gil');
  let last: ExecutionResult | undefined;
  const distinct = policy.ignoresSeed === true ? 1 : runs;
  for (let i = 0; i < distinct; i++) {
    last = execute(program, {
      policy,
      seed: seed + i,
      ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
      ...(options.cpuCount === undefined ? {} : { cpuCount: options.cpuCount }),
      record: options.record ?? false,
      ...(options.sites === true ? { sites: true } : {}),
      ...(options.detect ? { monitor: new RaceMonitor({ patterns: options.record ?? false }) } : {}),
    });
    if (last.failures.length > 0) return { runs: i + 1, execution: last };
  }
  return { runs: distinct, execution: last!, ...(distinct < runs ? { repeatsOneSchedule: runs } : {}) };
}
