import { describe, expect, it } from 'vitest';
import { RandomPolicy } from '../../../src/scheduler/policies/random.ts';
import type { SchedulingPoint } from '../../../src/scheduler/policies/policy.ts';

const point = { step: 0, now: 0, previous: -1, spawned: -1, yielded: false, pending: () => undefined } as SchedulingPoint;

describe('RandomPolicy seeds', () => {
  it('consecutive seeds give unrelated choice sequences', () => {
    // Six binary choices under 100 seeds: independent uniform draws would give about
    // 64 * (1 - (63/64)^100) = 51 distinct sequences; correlated seeding gives far fewer.
    const p = new RandomPolicy();
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      p.begin(seed);
      let k = '';
      for (let i = 0; i < 6; i++) k += p.pick([0, 1], point);
      seen.add(k);
    }
    expect(seen.size).toBeGreaterThanOrEqual(40);
  });

  it('the same seed gives the same choices', () => {
    const p = new RandomPolicy();
    const draw = (seed: number): string => {
      p.begin(seed);
      return Array.from({ length: 20 }, () => p.pick([0, 1, 2], point)).join('');
    };
    expect(draw(42)).toBe(draw(42));
  });
});
