/**
 * fast-check arbitraries for schedules. A schedule is a list of choices consumed by
 * {@link ChoicePolicy}: 0 = no preemption, k > 0 = switch to another runnable thread. fast-check
 * shrinks arrays by dropping entries and integers toward 0, so a failing schedule shrinks
 * toward fewer preemptions and shorter lists, and every candidate it tries is a valid schedule
 * (choices are relative to the runnable set, so no candidate can name a blocked thread).
 * Schedules of a known program also shrink by moving blocks of steps (see `shrink.ts`), which
 * removes preemptions that zeroing one choice cannot.
 */
import fc from 'fast-check';
import type { Program } from '../scheduler/program.js';
import { runChoices, type EngineOptions } from './run-choices.js';
import { Schedule } from './schedule.js';
import { fewerPreemptions } from './shrink.js';

export { Schedule };

/** Options of {@link choices}. */
export interface ChoicesOptions {
  /** Longest list generated. Default 64. */
  readonly maxLength?: number;
  /** Largest choice generated: the most threads runnable at once, minus one. Default 3. */
  readonly maxChoice?: number;
}

/** fast-check's arbitrary over the choice lists, wrapped so values are {@link Schedule}s. */
class ScheduleArbitrary extends fc.Arbitrary<Schedule> {
  constructor(
    private readonly inner: fc.Arbitrary<number[]>,
    private readonly maxLength: number,
    private readonly program?: Program,
    private readonly options: EngineOptions = {},
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<Schedule> {
    const v = this.inner.generate(mrng, biasFactor);
    return new fc.Value(new Schedule(v.value), v.context);
  }

  canShrinkWithoutContext(value: unknown): value is Schedule {
    return value instanceof Schedule && this.inner.canShrinkWithoutContext([...value.choices]);
  }

  shrink(value: Schedule, context: unknown): fc.Stream<fc.Value<Schedule>> {
    const program = this.program;
    const moved =
      program === undefined
        ? fc.Stream.nil<fc.Value<Schedule>>()
        : new fc.Stream(fewerPreemptions(program, value, this.options, this.maxLength)).map((s) => new fc.Value(s, undefined));
    let plain = this.inner.shrink([...value.choices], context).map((v) => new fc.Value(new Schedule(v.value), v.context));
    if (program !== undefined) {
      // Termination: block moves lower the preemption count, so the plain shrinks (which only
      // shorten the list or lower its values) must not raise it, or the two could cycle.
      let current: number | undefined;
      const preemptions = (s: Schedule): number => runChoices(program, s.choices, this.options).preemptions;
      plain = plain.filter((v) => preemptions(v.value) <= (current ??= preemptions(value)));
    }
    return moved.join(plain);
  }
}

/** Lists of choices, independent of any program (for scenarios whose program varies). */
export function choices(options: ChoicesOptions = {}): fc.Arbitrary<Schedule> {
  const maxLength = options.maxLength ?? 64;
  const maxChoice = Math.max(1, options.maxChoice ?? 3);
  return new ScheduleArbitrary(fc.array(fc.integer({ min: 0, max: maxChoice }), { maxLength }), maxLength);
}

/** Options of {@link schedules}. */
export interface ScheduleOptions extends EngineOptions, ChoicesOptions {}

/**
 * Schedules of `program`. Unless given, the list length and the largest choice are sized
 * from one run without preemptions: twice its scheduling points plus 8, and its thread count
 * minus one (or more, when a model's choice there has more alternatives).
 *
 * @example
 * ```ts
 * import { test } from '@fast-check/vitest';
 * import { assertScheduleSafe, schedules } from 'threadsim';
 *
 * test.prop([schedules(counter)])('the counter is thread-safe', (schedule) => {
 *   assertScheduleSafe(counter, schedule, (o) => o.state.counter?.value === 2);
 * });
 * ```
 */
export function schedules(program: Program, options: ScheduleOptions = {}): fc.Arbitrary<Schedule> {
  let { maxLength, maxChoice } = options;
  if (maxLength === undefined || maxChoice === undefined) {
    const probe = runChoices(program, [], options);
    maxLength ??= 2 * probe.points.length + 8;
    // A model's choice among k alternatives (as_completed's order) needs entries up to k - 1.
    let widest = probe.execution.threads.length - 1;
    for (const p of probe.points) if (p.answer === true && p.options - 1 > widest) widest = p.options - 1;
    maxChoice ??= Math.max(1, widest);
  }
  maxChoice = Math.max(1, maxChoice);
  return new ScheduleArbitrary(fc.array(fc.integer({ min: 0, max: maxChoice }), { maxLength }), maxLength, program, options);
}
