/**
 * Registers threadsim's matchers with vitest: `import 'threadsim/vitest'` in a test file or in
 * vitest's `setupFiles`, then `expect(program).toBeThreadSafe()`.
 *
 * @example
 * ```ts
 * import { expect, test } from 'vitest';
 * import 'threadsim/vitest';
 * import hits from './hits.js';
 *
 * test('hits are counted', () => {
 *   expect(hits).toBeThreadSafe({ seed: 42 });
 * });
 * ```
 * @module
 */
import { expect } from 'vitest';
import { threadsimMatchers, type MatcherOptions } from './matchers.js';

expect.extend(threadsimMatchers);

/** The matchers' types. */
export interface ThreadsimMatchers<R = unknown> {
  /**
   * No schedule fails the program (claims, `options.claim`, data races, deadlock, exceptions).
   *
   * @example
   * ```ts
   * expect(counter).toBeThreadSafe({ claim: (o) => o.state.counter?.value === 2 });
   * ```
   */
  toBeThreadSafe(options?: MatcherOptions): R;
  /**
   * Some schedule fails the program (of `options.kinds` when given).
   *
   * @example
   * ```ts
   * expect(unlockedCounter).toHaveRace({ kinds: ['race'] });
   * ```
   */
  toHaveRace(options?: MatcherOptions): R;
}

declare module 'vitest' {
  interface Matchers<T = any> extends ThreadsimMatchers<T> {}
}
