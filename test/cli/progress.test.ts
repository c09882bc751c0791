import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

describe('the explore progress line', () => {
  it('counts executions, rate and failures with the right plural when the total is unknown', () => {
    expect(progressLine({ executions: 1, failures: 1, elapsedMs: 500 })).toBe('exploring: 1 execution | 2/s | 1 failure | 0.5 s');
    expect(progressLine({ executions: 12_000, failures: 0, elapsedMs: 4000 })).toBe('exploring: 12,000 executions | 3,000/s | 0 failures | 4.0 s');
  });

  it('gives percent and time left when the total is known', () => {
    expect(progressLine({ executions: 250, failures: 2, elapsedMs: 1000, total: 1000 })).toBe(
      'exploring: 25% (250 of 1,000 executions) | 250/s | 2 failures | 1.0 s, about 3.0 s left',
    );
    expect(progressLine({ executions: 100, failures: 0, elapsedMs: 100_000, total: 1000 })).toMatch(/about 15 min 0 s left$/);
  });
});
