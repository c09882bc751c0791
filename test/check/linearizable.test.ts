import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertLinearizableExhaustively, LinearizabilityError, linearizable } from '../../src/check/linearizable.js';
import { Scenario } from '../../src/check/scenario.js';
import { runChoices } from '../../src/check/run-choices.js';
import { scenarioProgram } from '../../src/check/scenario.js';
import { bufferSubject } from './subjects/bounded-buffer.js';
import { counterSubject } from './subjects/counter.js';
import { queueSubject } from './subjects/queue.js';
import { caught } from './fixtures/errors.js';

const counterexample = (run: () => void): LinearizabilityError => caught(LinearizabilityError, run);

const get = { op: 'get', arg: undefined };
const put = (x: number) => ({ op: 'put', arg: x });

describe('linearizable: scenarios checked against a sequential specification', () => {
  it('the locked counter and the locked queue are linearizable (random and exhaustive)', () => {
    for (const subject of [counterSubject(true), queueSubject(true)] as const) {
      expect(() => fc.assert(linearizable(subject as never, { schedulesPerScenario: 10 }), { seed: 1, numRuns: 25 })).not.toThrow();
      expect(() => fc.assert(linearizable(subject as never, { explore: 'exhaustive', preemptionBound: 1 }), { seed: 1, numRuns: 6 })).not.toThrow();
    }
  });

  it('the unprotected counter fails with two concurrent increments that both return 1', () => {
    for (const explore of ['random', 'exhaustive'] as const) {
      const e = counterexample(() => fc.assert(linearizable(counterSubject(false), { explore }), { seed: 2 }));
      expect(e.scenario.init).toEqual([]);
      expect(e.scenario.threads).toEqual([[{ op: 'inc', arg: undefined }], [{ op: 'inc', arg: undefined }]]);
      expect(e.history.map((o) => o.result)).toEqual([1, 1]);
      expect(e.message).toContain('UnsafeCounter is not linearizable');
    }
  });

  it('the queue missing a lock in poll fails with a two-operation scenario: both polls take the same item', () => {
    const e = counterexample(() => fc.assert(linearizable(queueSubject(false)), { seed: 3 }));
    expect(e.scenario.size).toBe(2);
    expect(e.scenario.threads.flat().map((c) => c.op)).toEqual(['poll', 'poll']);
    expect(e.scenario.init).toHaveLength(1);
    const polled = e.history.filter((o) => o.thread >= 0).map((o) => o.result);
    expect(polled).toEqual([e.scenario.init[0]!.arg, e.scenario.init[0]!.arg]);
    // the reported schedule replays to the same history
    const sp = scenarioProgram(queueSubject(false), e.scenario);
    runChoices(sp.program, e.schedule.choices);
    expect(sp.history()).toEqual(e.history);
    expect(runChoices(sp.program, e.schedule.choices).preemptions).toBe(1);
  });

  it('the report shows the scenario, the history table and the swim lanes', () => {
    const e = counterexample(() => fc.assert(linearizable(counterSubject(false)), { seed: 2 }));
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('UnsafeCounter is not linearizable: no sequential order of the operations, consistent with their real-time order, gives the results they returned.');
    expect(lines[1]).toBe('scenario: T1: [inc()] | T2: [inc()]');
    // plain text for a terminal: aligned columns, no Markdown pipes or escapes
    expect(lines[4]).toMatch(/^MainThread \(init\) {2}T1 +T2$/);
    expect(e.message).toMatch(/\n {19}inc\(\) → 1 \(steps \d+\.\.\d+\)/);
    expect(e.message).toMatch(/\nstep {2}MainThread +T1 +T2\n/);
    expect(e.message.split('\n').slice(2).join('\n')).not.toContain('|');
    expect(Object.keys(JSON.parse(JSON.stringify(e)) as object)).toEqual(['name', 'message']);
  });

  it('a one-slot buffer with notify() deadlocks where the specification would go on; notify_all() does not', () => {
    const scenario = new Scenario([], [[get], [get], [put(1), put(2)]]);
    const e = counterexample(() => assertLinearizableExhaustively(bufferSubject('notify'), scenario, { preemptionBound: 1 }));
    expect(e.reason).toBe('the execution deadlocked with get(), put(2) still waiting, but in every sequential order consistent with the results at least one of them could go on');
    expect(() => assertLinearizableExhaustively(bufferSubject('notify_all'), scenario, { preemptionBound: 1 })).not.toThrow();
  });
});
