/**
 * Acceptance: the shrunk counterexample of the unprotected counter has exactly the minimal
 * number of preemptions. The minimum is computed here independently of src/check: a
 * depth-first enumeration of every thread sequence (by thread index, not by choices), with the
 * preemption bound iterated 0, 1, 2, ... (Musuvathi and Qadeer, PLDI 2007), so the first bound
 * with a failing execution is the minimum.
 */
import { describe, expect, it } from 'vitest';
import { findFailingSchedule } from '../../src/check/find.js';
import { runChoices } from '../../src/check/run-choices.js';
import { countsEveryIncrement } from './fixtures/claims.js';
import { minimalPreemptions } from './fixtures/enumerate.js';
import { unsafeCounter } from './programs/counter.js';

describe('the shrunk schedule has the minimal number of preemptions', () => {
  for (const [threads, increments] of [
    [2, 1],
    [2, 2],
    [3, 1],
  ] as const) {
    it(`unprotected counter, ${threads} threads x ${increments} increments`, () => {
      const program = unsafeCounter(threads, increments);
      const expected = threads * increments;
      const minimum = minimalPreemptions(program, (e) => e.state.counter?.value !== expected, 3);
      expect(minimum).toBe(1);
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
        const found = findFailingSchedule(program, { seed, claim: countsEveryIncrement(expected), detect: false }).found;
        expect(found).toBeDefined();
        expect(runChoices(program, found!.schedule.choices).preemptions).toBe(minimum);
      }
    });
  }
});
