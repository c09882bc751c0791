import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFailingSchedule } from '../../src/check/find.js';
import { runChoices } from '../../src/check/run-choices.js';
import { threadSafe } from '../../src/check/thread-safe.js';
import { bufferProgram } from './subjects/bounded-buffer.js';

describe('bounded buffer on one Condition (two consumers, one producer of two items, one slot)', () => {
  it('with notify() it deadlocks: a consumer wakes the other consumer instead of the waiting producer', () => {
    const found = findFailingSchedule(bufferProgram('notify'), { seed: 1 }).found!;
    expect(found.failures.map((f) => f.kind)).toEqual(['deadlock']);
    // the lost wake-up needs no preemption at all: Python's FIFO notify picks the wrong waiter
    expect(runChoices(bufferProgram('notify'), found.schedule.choices).preemptions).toBe(0);
    expect(found.report).toContain('deadlock');
    expect(found.failures[0]!.message).toMatch(/Thread-\d \(producer\) waits for/);
  });

  it('with notify_all() it passes 300 schedules', () => {
    expect(() => fc.assert(threadSafe(bufferProgram('notify_all')), { seed: 1, numRuns: 300 })).not.toThrow();
  });
});
