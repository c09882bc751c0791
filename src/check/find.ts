/**
 * Search for a failing schedule with fast-check and return it shrunk, with fast-check's seed
 * and path: what the matchers report.
 */
import fc from 'fast-check';
import type { Failure } from '../scheduler/failures.ts';
import type { Program } from '../scheduler/program.ts';
import type { OutcomeClaim } from './outcome.ts';
import { scheduleReport, type FastCheckOrigin } from './report.ts';
import { schedules, type Schedule } from './schedules.ts';
import { scheduleFailures, ThreadSafetyError, type ThreadSafeOptions } from './thread-safe.ts';

/** Options of {@link findFailingSchedule}. */
export interface FindOptions extends ThreadSafeOptions {
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
  readonly origin: FastCheckOrigin;
  /** The full report: failures, swim-lane table, explanation, seed and path, replay line. */
  readonly report: string;
}

/** What a search found. */
export interface SearchResult {
  /** The shrunk counterexample, or undefined when every schedule passed. */
  readonly found: FoundSchedule | undefined;
  readonly numRuns: number;
  readonly seed: number;
}

/** Run fast-check over `program`'s schedules; shrink and report the first failing one. */
export function findFailingSchedule(program: Program, options: FindOptions = {}): SearchResult {
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
