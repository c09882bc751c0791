/**
 * Registers threadsim's matchers with vitest: `import 'threadsim/src/check/vitest.ts'` in a
 * test file or in vitest's `setupFiles`, then `expect(program).toBeThreadSafe()`.
 */
import { expect } from 'vitest';
import { threadsimMatchers, type MatcherOptions } from './matchers.js';

expect.extend(threadsimMatchers);

/** The matchers' types. */
export interface ThreadsimMatchers<R = unknown> {
  /** No schedule fails the program (claims, deadlock, exceptions, `options.claim`). */
  toBeThreadSafe(options?: MatcherOptions): R;
  /** Some schedule fails the program (of `options.kinds` when given). */
  toHaveRace(options?: MatcherOptions): R;
}

declare module 'vitest' {
  interface Matchers<T = any> extends ThreadsimMatchers<T> {}
}
