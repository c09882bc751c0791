import { describe, expect, it } from 'vitest';
import { encodeChoice, ChoicePolicy } from '../../src/check/choice-policy.js';
import { runChoices } from '../../src/check/run-choices.js';
import { Schedule } from '../../src/check/schedule.js';
import { fewerPreemptions } from '../../src/check/shrink.js';
import { unsafeCounter } from './programs/counter.js';

describe('fewerPreemptions', () => {
  it('gets out of the local minimum that zeroing single choices cannot leave', () => {
    // Schedule(0,1,2) on three threads: main is preempted after starting two workers
    // (1 runs its read), then worker 2 preempts worker 1 and completes: a lost update with
    // two preemptions. Zeroing either choice alone loses the failure.
    const program = unsafeCounter(3, 1);
    const start = runChoices(program, [0, 1, 2]);
    expect(start.preemptions).toBe(2);
    expect(start.execution.state.counter?.value).toBe(2);
    for (const single of [[0, 0, 2], [0, 1, 0]]) expect(runChoices(program, single).execution.state.counter?.value).toBe(3);
    const better = [...fewerPreemptions(program, new Schedule([0, 1, 2]))].map((s) => runChoices(program, s.choices));
    expect(better.length).toBeGreaterThan(0);
    expect(better.every((r) => r.preemptions < 2)).toBe(true);
    expect(better.some((r) => r.execution.state.counter?.value !== 3)).toBe(true);
  });

  it('offers nothing for a schedule without preemptions', () => {
    expect([...fewerPreemptions(unsafeCounter(), new Schedule([]))]).toEqual([]);
  });

  it('encodeChoice inverts ChoicePolicy for every runnable thread', () => {
    const runnable = [0, 2, 3];
    for (const previous of [-1, 0, 1, 2]) {
      for (const taken of runnable) {
        const choice = encodeChoice(runnable, previous, taken);
        const policy = new ChoicePolicy([choice]);
        const point = { step: 0, now: 0, previous, spawned: -1, yielded: false, pending: () => undefined };
        expect(policy.pick(runnable, point)).toBe(taken);
      }
    }
  });
});
