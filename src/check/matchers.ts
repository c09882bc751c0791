/**
 * Assertion matchers over programs, framework-neutral (`{ pass, message }`), registered with
 * vitest by `src/check/vitest.ts`:
 * - `toBeThreadSafe(options)`: no schedule fails the program (its claims, deadlock, uncaught
 *   exceptions, `options.claim`);
 * - `toHaveRace(options)`: some schedule does (optionally of the given failure `kinds`).
 * A failure message carries the shrunk schedule's report (swim-lane table, explanation,
 * fast-check seed and path, replay line).
 */
import { isProgram } from '../scheduler/program.ts';
import { findFailingSchedule, type FindOptions } from './find.ts';

/** What a matcher returns (vitest's and jest's shape). */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** Options of the matchers. */
export type MatcherOptions = FindOptions;

function notAProgram(received: unknown, matcher: string): MatcherResult {
  const what = received === null ? 'null' : typeof received === 'object' ? 'an object that is not a program' : typeof received;
  return { pass: false, message: () => `${matcher}: expected a threadsim program (made by program(...)), got ${what}` };
}

/** `expect(program).toBeThreadSafe(options)`. */
export function toBeThreadSafe(received: unknown, options: MatcherOptions = {}): MatcherResult {
  if (!isProgram(received)) return notAProgram(received, 'toBeThreadSafe');
  const { found, numRuns, seed } = findFailingSchedule(received, options);
  if (found === undefined) {
    return { pass: true, message: () => `expected ${received.name} not to be thread-safe, but none of ${numRuns} schedules failed (fast-check seed ${seed})` };
  }
  return { pass: false, message: () => `expected ${received.name} to be thread-safe, but a schedule fails it:\n\n${found.report}` };
}

/** `expect(program).toHaveRace(options)`: some schedule fails the program. */
export function toHaveRace(received: unknown, options: MatcherOptions = {}): MatcherResult {
  if (!isProgram(received)) return notAProgram(received, 'toHaveRace');
  const { found, numRuns, seed } = findFailingSchedule(received, options);
  const kinds = options.kinds === undefined ? 'failing' : `${options.kinds.join(' or ')}`;
  if (found === undefined) {
    return {
      pass: false,
      message: () => `expected ${received.name} to have a ${kinds} schedule, but none of ${numRuns} schedules had one (fast-check seed ${seed}); try { numRuns: ${numRuns * 10} }`,
    };
  }
  return { pass: true, message: () => `expected ${received.name} to have no ${kinds} schedule, but:\n\n${found.report}` };
}

/** The matchers, for `expect.extend(threadsimMatchers)`. */
export const threadsimMatchers = { toBeThreadSafe, toHaveRace };
