import { describe, expect, it } from 'vitest';
import { enumerateSchedules } from '../../src/check/exhaustive.js';
import { runChoices } from '../../src/check/run-choices.js';
import { allExecutions } from './fixtures/enumerate.js';
import { lockedCounter, unsafeCounter } from './programs/counter.js';
import { findFailingSchedule } from '../../src/check/find.js';
import lockOrder from './programs/lock-order.js';

const key = (schedule: readonly number[]): string => schedule.join('');

describe('enumerateSchedules', () => {
  for (const [name, program] of [
    ['unsafe counter 2x2', unsafeCounter(2, 2)],
    ['lock order', lockOrder],
  ] as const) {
    it(`${name}: the same executions as an independent enumeration, for bounds 0, 1, 2 and none`, () => {
      for (const bound of [0, 1, 2, 99]) {
        const ours = [...enumerateSchedules(program, { preemptionBound: bound })];
        const theirs = [...allExecutions(program, bound)];
        const oursKeys = ours.map((r) => key(r.execution.schedule));
        expect(new Set(oursKeys).size).toBe(oursKeys.length); // each execution once
        expect([...oursKeys].sort()).toEqual(theirs.map((r) => key(r.execution.schedule)).sort());
        for (const r of ours) {
          expect(r.preemptions).toBeLessThanOrEqual(bound);
          expect(runChoices(program, r.choices).execution.schedule).toEqual(r.execution.schedule);
        }
      }
    });
  }

  it('stops at maxExecutions', () => {
    expect([...enumerateSchedules(unsafeCounter(3, 2), { preemptionBound: 99, maxExecutions: 25 })]).toHaveLength(25);
  });
});

describe('exhaustive findFailingSchedule', () => {
  it('counts each schedule once across the iterated bounds', () => {
    const result = findFailingSchedule(lockedCounter(), { explore: 'exhaustive', preemptionBound: 2 });
    expect(result.found).toBeUndefined();
    expect(result.exhausted).toBe(true);
    expect(result.numRuns).toBe([...allExecutions(lockedCounter(), 2)].length);
  });
});
