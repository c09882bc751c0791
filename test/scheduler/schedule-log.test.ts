import { describe, expect, it } from 'vitest';
import { ScheduleLog } from '../../src/scheduler/schedule-log.js';

describe('ScheduleLog', () => {
  it('gives back every logged step in order, across chunks and after indices outgrow a byte', () => {
    const log = new ScheduleLog();
    const want: number[] = [];
    // Long enough for several chunks; a wide index first appears mid-chunk, then small ones again.
    for (let i = 0; i < 300_000; i++) {
      const thread = i < 5_000 ? i % 7 : i === 5_000 ? 70_000 : i % 3 === 0 ? 256 + (i % 1000) : i % 5;
      log.push(thread);
      want.push(thread);
    }
    expect(log.length).toBe(want.length);
    expect(log.toArray()).toEqual(want);
  });

  it('is empty before the first step', () => {
    expect(new ScheduleLog().toArray()).toEqual([]);
  });
});
