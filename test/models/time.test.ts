import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/models/time.js';
import { raised, run } from './helpers.js';

// Messages: CPython 3.11 (time.sleep(-1), time.sleep(float('nan')), time.sleep(float('inf'))).
describe('time.sleep', () => {
  it('negative length', () => {
    expect(raised(() => sleep(-1))).toBe('ValueError: sleep length must be non-negative');
  });
  it('NaN', () => {
    expect(raised(() => sleep(NaN))).toBe('ValueError: Invalid value NaN (not a number)');
  });
  it('infinity', () => {
    expect(raised(() => sleep(Infinity))).toBe('OverflowError: timestamp out of range for platform time_t');
  });
  it('moves the virtual clock by the length', () => {
    const r0 = run(function* () {
      yield* sleep(1.5);
    });
    expect(r0.time).toBeGreaterThanOrEqual(1_500_000);
    expect(r0.time).toBeLessThan(1_500_010);
  });
});
