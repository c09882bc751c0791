import { describe, expect, it } from 'vitest';
import { BUG_SUITE } from '../../../src/examples/bench/bugs/index.js';
import { Exploration } from '../../../src/scheduler/explore/explore.js';

/**
 * Every program of the bug-finding suite can be explored to the end of a budget with
 * --keep-going (no execution stops the exploration with a definition error, as an unset
 * queue slot once did), and no fixed twin ever fails.
 */
describe('the bug-finding suite', () => {
  for (const pair of BUG_SUITE) {
    it(`${pair.buggy.name} and its fixed twin explore to the end of the budget; the twin never fails`, () => {
      const buggy = new Exploration(pair.buggy, { strategy: 'dpor', keepGoing: true, maxExecutions: 400 });
      buggy.run();
      expect(buggy.summary().executions).toBeGreaterThan(0);
      const fixed = new Exploration(pair.fixed, { strategy: 'dpor', keepGoing: true, maxExecutions: 400 });
      fixed.run();
      const s = fixed.summary();
      expect(s.executions).toBeGreaterThan(0);
      expect(s.failures ?? []).toEqual([]);
    });
  }
});
