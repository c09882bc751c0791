import { describe, expect, it } from 'vitest';
import { enumerateSchedules } from '../../src/check/exhaustive.js';
import { findFailingSchedule } from '../../src/check/find.js';
import { runChoices } from '../../src/check/run-choices.js';
import { doneFirst } from '../fixtures/done-futures.js';

/**
 * Three futures done before as_completed is called: the order it yields them in is a model's
 * choice (CPython's set order), which property checks generate, shrink and enumerate with the
 * schedule. The claim fails only when `c` comes first: never under the default answers.
 */
const cFirst = doneFirst(3, 'c');

describe('property checks and a model\'s choices', () => {
  it('the choice list answers the choices: [2, 1] puts c first, then b', () => {
    expect(runChoices(cFirst, []).execution.state.s).toEqual({ order: 'abc' });
    const run = runChoices(cFirst, [2, 1]);
    expect(run.execution.state.s).toEqual({ order: 'cba' });
    expect(run.points.filter((p) => p.answer === true).map((p) => [p.options, p.choice])).toEqual([[3, 2], [2, 1]]);
    expect(run.preemptions).toBe(0);
  });

  it('the exhaustive enumeration runs every order once', () => {
    const orders = [...enumerateSchedules(cFirst, { preemptionBound: 0 })].map((r) => (r.execution.state.s as { order: string }).order);
    expect(orders.sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    const found = findFailingSchedule(cFirst, { explore: 'exhaustive', preemptionBound: 0 });
    expect(found.found).toBeDefined();
  });

  it('fast-check finds the order that fails, with a replayable choice list', () => {
    const result = findFailingSchedule(cFirst, { seed: 1, numRuns: 200 });
    expect(result.found).toBeDefined();
    const replayed = runChoices(cFirst, result.found!.schedule.choices);
    expect(String((replayed.execution.state.s as { order: string }).order)).toMatch(/^c/);
  });
});
