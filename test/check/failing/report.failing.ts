// Deliberately failing: what a user sees when a thread-safety check fails inside vitest.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import '../../../src/check/vitest.js';
import { threadSafe } from '../../../src/check/thread-safe.js';
import { countsEveryIncrement } from '../fixtures/claims.js';
import { unsafeCounter } from '../programs/counter.js';
import hits from '../programs/hits.js';

test('matcher, long counterexample', () => {
  expect(unsafeCounter(4, 4)).toBeThreadSafe({ seed: 42, claim: countsEveryIncrement(16), detect: false });
});

test('fc.assert of threadSafe', () => {
  fc.assert(threadSafe(hits), { seed: 42 });
});
