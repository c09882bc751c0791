/**
 * fast-check arbitraries for schedules. A schedule is a list of choices consumed by
 * {@link ChoicePolicy}: 0 = no preemption, k > 0 = switch to another runnable thread. fast-check
 * shrinks arrays by dropping entries and integers toward 0, so a failing schedule shrinks
 * toward fewer preemptions and shorter lists, and every candidate it tries is a valid schedule
 * (choices are relative to the runnable set, so no candidate can name a blocked thread).
 */
import fc from 'fast-check';
import type { Program } from '../scheduler/program.ts';
import { runChoices, type EngineOptions } from './run-choices.ts';

/** A generated schedule: the choices, shown as `Schedule(0,1,0)` in fast-check's reports. */
export class Schedule {
  constructor(readonly choices: readonly number[]) {}

  /** Non-zero choices: an upper bound on the preemptions this schedule asks for. */
  get switches(): number {
    return this.choices.filter((c) => c !== 0).length;
  }

  toString(): string {
    return `Schedule(${this.choices.join(',')})`;
  }

  [fc.toStringMethod](): string {
    return this.toString();
  }
}

/** Options of {@link choices}. */
export interface ChoicesOptions {
  /** Longest list generated. Default 64. */
  readonly maxLength?: number;
  /** Largest choice generated: the most threads runnable at once, minus one. Default 3. */
  readonly maxChoice?: number;
}

/** Lists of choices, independent of any program (for scenarios whose program varies). */
export function choices(options: ChoicesOptions = {}): fc.Arbitrary<Schedule> {
  const maxLength = options.maxLength ?? 64;
  const maxChoice = Math.max(1, options.maxChoice ?? 3);
  return fc.array(fc.integer({ min: 0, max: maxChoice }), { maxLength }).map(
    (list) => new Schedule(list),
    (value) => {
      if (!(value instanceof Schedule)) throw new Error('not a Schedule');
      return [...value.choices];
    },
  );
}

/** Options of {@link schedules}. */
export interface ScheduleOptions extends EngineOptions, ChoicesOptions {}

/**
 * Schedules of `program`. Unless given, the list length and the largest choice are sized
 * from one run without preemptions: twice its scheduling points plus 8, and its thread count
 * minus one.
 */
export function schedules(program: Program, options: ScheduleOptions = {}): fc.Arbitrary<Schedule> {
  let { maxLength, maxChoice } = options;
  if (maxLength === undefined || maxChoice === undefined) {
    const probe = runChoices(program, [], options);
    maxLength ??= 2 * probe.points.length + 8;
    maxChoice ??= Math.max(1, probe.execution.threads.length - 1);
  }
  return choices({ maxLength, maxChoice });
}
