import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { RandomPolicy, scramble } from '../../../src/scheduler/policies/random.js';
import type { SchedulingPoint } from '../../../src/scheduler/policies/policy.js';

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

describe('RandomPolicy draws', () => {
  /** A runnable list of n threads whose entry i is i, without allocating n entries. */
  const indices = (n: number): number[] => new Proxy([], { get: (_, k) => (k === 'length' ? n : Number(k)) }) as number[];

  it('picks exactly as pure-rand\'s uniformInt over the runnable indices, so seeds keep their schedules', () => {
    // The policy computes uniformInt(rng, 0, n - 1) its own way; the draws, the
    // rejections and so the generator's state must stay those of pure-rand's version.
    for (const seed of [0, 1, 7, 42, 2 ** 31 - 1, -5]) {
      const p = new RandomPolicy();
      p.begin(seed);
      const rng = xoroshiro128plus(scramble(seed));
      for (let i = 0; i < 3000; i++) {
        // Sizes change between picks; 2^31 + 1 makes about half of the draws rejected.
        const n = [2, 3, 5, 8, 1000, 65_537, 2 ** 31 + 1, 3][i % 8]!;
        expect(p.pick(indices(n), point)).toBe(uniformInt(rng, 0, n - 1));
      }
    }
  });
});
