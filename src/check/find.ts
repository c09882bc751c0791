/**
 * Search for a failing schedule with fast-check and return it shrunk, with fast-check's seed
 * and path: what the matchers report.
 */
import fc from 'fast-check';
import type { Failure } from '../scheduler/failures.js';
import type { Program } from '../scheduler/program.js';
import type { OutcomeClaim } from './outcome.js';
import { scheduleReport, type FastCheckOrigin } from './report.js';
import { enumerateSchedules, type ExhaustiveOptions } from './exhaustive.js';
import { Schedule } from './schedule.js';
import { schedules } from './schedules.js';
import { minimizeSchedule } from './shrink.js';
import { scheduleFailures, ThreadSafetyError, type ThreadSafeOptions } from './thread-safe.js';

/** Options of {@link findFailingSchedule}. */
export interface FindOptions extends ThreadSafeOptions, ExhaustiveOptions {
  /**
   * `random` (default): fast-check generates `numRuns` schedules and shrinks a failing one;
   * `exhaustive`: every schedule up to `preemptionBound` (default 2), iterating the bound
   * 0, 1, 2, ... so the failure found first has the fewest preemptions, then shrunk.
   */
  readonly explore?: 'random' | 'exhaustive';
  /** The claim about every outcome. */
  readonly claim?: OutcomeClaim;
  /** Only failures of these kinds count (`claim`, `deadlock`, `exception`, `step-bound`, ...). */
  readonly kinds?: readonly string[];
  /** Schedules to try. Default 100. */
  readonly numRuns?: number;
  /** fast-check's seed. Default: fast-check's (random unless configured globally). */
  readonly seed?: number;
  /** fast-check's path, to start from a known counterexample. */
  readonly path?: string;
}

/** A shrunk failing schedule. */
export interface FoundSchedule {
  readonly schedule: Schedule;
  readonly failures: readonly Failure[];
  /** How fast-check found it (absent for exhaustive search). */
  readonly origin?: FastCheckOrigin;
  /** The full report: failures, swim-lane table, explanation, seed and path, replay line. */
  readonly report: string;
}

/** What a search found. */
export interface SearchResult {
  /** The shrunk counterexample, or undefined when every schedule passed. */
  readonly found: FoundSchedule | undefined;
  /** Distinct schedules tried. */
  readonly numRuns: number;
  /** fast-check's seed (0 for exhaustive search). */
  readonly seed: number;
  /** True when exhaustive search covered every schedule within the bound. */
  readonly exhausted?: boolean;
}

/** Exhaustive search with iterated preemption bounds (Musuvathi and Qadeer, PLDI 2007). */
function searchExhaustively(program: Program, options: FindOptions): SearchResult {
  const kinds = options.kinds;
  const failing = (choices: readonly number[]): Failure[] =>
    scheduleFailures(program, new Schedule(choices), options.claim, options).filter((f) => kinds === undefined || kinds.includes(f.kind));
  const bound = options.preemptionBound ?? 2;
  const max = options.maxExecutions ?? 10_000;
  let runs = 0;
  let distinct = 0;
  for (let b = 0; b <= bound; b++) {
    for (const run of enumerateSchedules(program, { ...options, preemptionBound: b, maxExecutions: max - runs })) {
      runs++;
      if (run.preemptions < b) continue; // explored under a smaller bound already
      distinct++;
      const failures = failing(run.choices);
      if (failures.length === 0) continue;
      const schedule = minimizeSchedule(program, new Schedule(run.choices), (s) => failing(s.choices).length > 0, options);
      const final = failing(schedule.choices);
      return { found: { schedule, failures: final, report: scheduleReport(program, schedule, final, options) }, numRuns: distinct, seed: 0, exhausted: false };
    }
    if (runs >= max) return { found: undefined, numRuns: distinct, seed: 0, exhausted: false };
  }
  return { found: undefined, numRuns: distinct, seed: 0, exhausted: true };
}

/** Search `program`'s schedules (fast-check, or exhaustively); shrink and report the first failing one. */
export function findFailingSchedule(program: Program, options: FindOptions = {}): SearchResult {
  if (options.explore === 'exhaustive') return searchExhaustively(program, options);
  const kinds = options.kinds;
  const property = fc.property(schedules(program, options), (schedule) => {
    const failures = scheduleFailures(program, schedule, options.claim, options).filter((f) => kinds === undefined || kinds.includes(f.kind));
    if (failures.length > 0) throw new ThreadSafetyError(schedule, failures, failures.map((f) => f.message).join('; '));
  });
  const details = fc.check(property, {
    numRuns: options.numRuns ?? 100,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  if (!details.failed) return { found: undefined, numRuns: details.numRuns, seed: details.seed };
  const error = details.errorInstance;
  if (!(error instanceof ThreadSafetyError)) throw error;
  const origin: FastCheckOrigin = { seed: details.seed, path: details.counterexamplePath ?? '', numRuns: details.numRuns, numShrinks: details.numShrinks };
  return {
    found: { schedule: error.schedule, failures: error.failures, origin, report: scheduleReport(program, error.schedule, error.failures, options, origin) },
    numRuns: details.numRuns,
    seed: details.seed,
  };
}
