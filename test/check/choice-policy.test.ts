import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChoices } from '../../src/check/run-choices.js';
import { unsafeCounter } from './programs/counter.js';

// Thread indices: 0 MainThread, 1 and 2 the workers. Main's ops: start 1, start 2, join 1,
// join 2, read, exit; each worker: read, write.
describe('ChoicePolicy', () => {
  it('with no choices never preempts: a thread runs until it blocks or ends, then the lowest index goes', () => {
    const run = runChoices(unsafeCounter(), []);
    expect(run.preemptions).toBe(0);
    // main starts both and blocks joining 1; worker 1 runs; its end enables main's join, and
    // main (index 0) goes before worker 2; main then blocks joining 2; worker 2 runs; main ends.
    expect(run.execution.schedule).toEqual([0, 0, 1, 1, 0, 2, 2, 0, 0, 0]);
    expect(run.execution.state.counter?.value).toBe(2);
  });

  it('a non-zero choice where the running thread could go on is one preemption to another thread', () => {
    // decisions: after start 1 (keep main), after start 2 (main blocks: forced pick of the
    // first runnable = 1), after worker 1's read (1 = switch to the other runnable thread, 2).
    const run = runChoices(unsafeCounter(), [0, 0, 1]);
    expect(run.execution.schedule).toEqual([0, 0, 1, 2, 2, 1, 0, 0, 0, 0]);
    expect(run.preemptions).toBe(1);
    expect(run.execution.state.counter?.value).toBe(1);
  });

  it('a choice past the number of runnable threads wraps around', () => {
    expect(runChoices(unsafeCounter(), [0, 0, 3]).execution.schedule).toEqual(runChoices(unsafeCounter(), [0, 0, 1]).execution.schedule);
  });

  it('every list of choices is a valid schedule and replays to the same execution', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5 }), { maxLength: 20 }), (choices) => {
        const a = runChoices(unsafeCounter(3, 2), choices);
        const b = runChoices(unsafeCounter(3, 2), choices);
        expect(a.execution.ending).toBe('complete');
        expect(b.execution.schedule).toEqual(a.execution.schedule);
        expect(a.preemptions).toBeLessThanOrEqual(choices.filter((c) => c !== 0).length);
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});
