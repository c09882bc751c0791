/**
 * `threadSafe`: a fast-check property stating that a program fails under no schedule.
 * A schedule fails when the engine reports a failure (a program claim, a deadlock, an uncaught
 * exception, the step bound, a monitor's finding) or the given claim about the outcome is
 * false. Use it with `fc.assert`; with `@fast-check/vitest`'s `test.prop`, generate
 * `schedules(program)` and call `assertScheduleSafe`.
 */
import fc from 'fast-check';
import type { Failure } from '../scheduler/failures.js';
import type { Program } from '../scheduler/program.js';
import { failuresOf, type OutcomeClaim } from './outcome.js';
import { scheduleReport, type ReportOptions } from './report.js';
import { detecting, runChoices } from './run-choices.js';
import { schedules, type Schedule, type ScheduleOptions } from './schedules.js';

/** Options of {@link threadSafe}. */
export interface ThreadSafeOptions extends ScheduleOptions, ReportOptions {
  /** How the claim is named in failure messages. Default `claim`. */
  readonly claimName?: string;
}

/**
 * Thrown by a failing schedule: the message is the full report. `schedule` and `failures` are
 * getters, not own properties, so a test runner prints the report and not a dump of them
 * (vitest prints every own property of an error after its message).
 */
export class ThreadSafetyError extends Error {
  readonly #schedule: Schedule;
  readonly #failures: readonly Failure[];
  constructor(schedule: Schedule, failures: readonly Failure[], report: string) {
    super(report);
    this.name = 'ThreadSafetyError';
    this.#schedule = schedule;
    this.#failures = failures;
  }

  /**
   * What a test runner serialises besides the message: nothing (vitest would otherwise print
   * the schedule and failures as a "Serialized Error" dump under the report that tells them).
   */
  toJSON(): { name: string; message: string } {
    return { name: this.name, message: this.message };
  }

  /** The failing schedule (shrunk when a search found it). */
  get schedule(): Schedule {
    return this.#schedule;
  }

  /** What failed under it. */
  get failures(): readonly Failure[] {
    return this.#failures;
  }
}

/** The failures of `program` under `schedule` with `claim` (empty when it holds). */
export function scheduleFailures(program: Program, schedule: Schedule, claim?: OutcomeClaim, options: ThreadSafeOptions = {}): Failure[] {
  const run = runChoices(program, schedule.choices, detecting(options));
  return failuresOf(run.execution, claim, options.claimName);
}

/** Run one schedule; throw a {@link ThreadSafetyError} with the report when it fails. */
export function assertScheduleSafe(program: Program, schedule: Schedule, claim?: OutcomeClaim, options: ThreadSafeOptions = {}): void {
  const failures = scheduleFailures(program, schedule, claim, options);
  if (failures.length > 0) throw new ThreadSafetyError(schedule, failures, scheduleReport(program, schedule, failures, options));
}

/**
 * The property "no schedule makes `program` fail, and `claim` holds at the end of every run".
 * Data races fail a schedule too unless `options.detect` is false. With `test.prop`, pass
 * `[schedules(program)]` and call {@link assertScheduleSafe} instead.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { threadSafe } from 'threadsim';
 *
 * fc.assert(threadSafe(counter, (o) => o.state.counter?.value === 2), { numRuns: 1000 });
 * ```
 */
export function threadSafe(program: Program, claim?: OutcomeClaim, options: ThreadSafeOptions = {}): fc.IPropertyWithHooks<[Schedule]> {
  return fc.property(schedules(program, options), (schedule) => assertScheduleSafe(program, schedule, claim, options));
}
