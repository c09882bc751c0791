/**
 * Assertion matchers over programs, framework-neutral (`{ pass, message }`), registered with
 * vitest by `src/check/vitest.ts`:
 * - `toBeThreadSafe(options)`: no schedule fails the program (its claims, deadlock, uncaught
 *   exceptions, `options.claim`);
 * - `toHaveRace(options)`: some schedule does (optionally of the given failure `kinds`).
 * A failure message carries the shrunk schedule's report (swim-lane table, explanation,
 * fast-check seed and path, replay line).
 */
import { isProgram, type Program } from '../scheduler/program.js';
import { findFailingSchedule, type FindOptions, type SearchResult } from './find.js';

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

/** What was searched, for messages: `100 schedules (fast-check seed 7)` or the exhaustive bound. */
function searched(result: SearchResult, options: MatcherOptions): string {
  const n = `${result.numRuns} schedule${result.numRuns === 1 ? '' : 's'}`;
  if (options.explore !== 'exhaustive') return `${n} (fast-check seed ${result.seed})`;
  const bound = options.preemptionBound ?? 2;
  const within = `with at most ${bound} preemption${bound === 1 ? '' : 's'}`;
  return result.exhausted === true ? `all ${n} ${within}` : `the first ${n} ${within} (maxExecutions reached)`;
}

/**
 * What to try when no schedule failed: each hint names a change that can make one fail (a
 * wider search, or a check that was not made), never "more of the same".
 */
function nothingFoundHints(program: Program, result: SearchResult, options: MatcherOptions): string[] {
  const hints: string[] = [];
  if (options.explore === 'exhaustive') {
    const bound = options.preemptionBound ?? 2;
    hints.push(result.exhausted === true ? `a failure that needs more preemptions shows with { preemptionBound: ${bound + 1} }` : `raise maxExecutions (now ${options.maxExecutions ?? 10_000}) to finish the search`);
  } else {
    hints.push(`random schedules can miss a rare interleaving: { explore: 'exhaustive' } tries every schedule with at most ${options.preemptionBound ?? 2} preemptions`);
  }
  const claimed = options.claim !== undefined || Object.keys(program.options.claims ?? {}).length > 0 || Object.keys(program.options.invariants ?? {}).length > 0;
  if (options.detect === false && options.monitor === undefined) {
    hints.push('race detection is off (detect: false): turn it on to report unordered accesses to shared state');
  }
  if (!claimed) {
    hints.push("no claim was checked, so a race-free program that computes a wrong result passes: state what must hold with { claim: (o) => o.state.db.value === 2 }");
  }
  return hints;
}

/**
 * `expect(program).toBeThreadSafe(options)`: no schedule fails the program (its claims,
 * `options.claim`, data races, deadlocks, uncaught exceptions).
 *
 * @example
 * ```ts
 * import { expect, test } from 'vitest';
 * import 'threadsim/vitest';
 * import counter from './counter.js';
 *
 * test('the counter is thread-safe', () => {
 *   expect(counter).toBeThreadSafe({ numRuns: 500, claim: (o) => o.state.counter?.value === 2 });
 * });
 * ```
 */
export function toBeThreadSafe(received: unknown, options: MatcherOptions = {}): MatcherResult {
  if (!isProgram(received)) return notAProgram(received, 'toBeThreadSafe');
  const result = findFailingSchedule(received, options);
  const found = result.found;
  if (found === undefined) {
    return { pass: true, message: () => `expected ${received.name} not to be thread-safe, but no schedule failed among ${searched(result, options)}` };
  }
  return { pass: false, message: () => `expected ${received.name} to be thread-safe, but a schedule fails it:\n\n${found.report}` };
}

/**
 * `expect(program).toHaveRace(options)`: some schedule fails the program (of `options.kinds`
 * when given).
 *
 * @example
 * ```ts
 * expect(unlockedCounter).toHaveRace({ kinds: ['race'] });
 * expect(lockOrder).toHaveRace({ kinds: ['deadlock'], explore: 'exhaustive' });
 * ```
 */
export function toHaveRace(received: unknown, options: MatcherOptions = {}): MatcherResult {
  if (!isProgram(received)) return notAProgram(received, 'toHaveRace');
  const result = findFailingSchedule(received, options);
  const found = result.found;
  const kinds = options.kinds === undefined ? 'failing' : `${options.kinds.join(' or ')}`;
  if (found === undefined) {
    const hints = nothingFoundHints(received, result, options);
    return { pass: false, message: () => `expected ${received.name} to have a ${kinds} schedule, but none had one among ${searched(result, options)}.\n${hints.map((h) => `- ${h}`).join('\n')}` };
  }
  return { pass: true, message: () => `expected ${received.name} to have no ${kinds} schedule, but:\n\n${found.report}` };
}

/** The matchers, for `expect.extend(threadsimMatchers)`. */
export const threadsimMatchers = { toBeThreadSafe, toHaveRace };
