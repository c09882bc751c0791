import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Policy, SchedulingPoint } from './policy.ts';

/**
 * Uniform choice among the runnable threads at every step, from a seeded generator
 * (xoroshiro128+ from pure-rand), so a seed names one schedule exactly. The seed is first
 * scrambled (a 32-bit finaliser in the style of splitmix), because xoroshiro128+ seeded with
 * consecutive small integers gives strongly correlated first outputs: seeds 0..99 would
 * otherwise share a handful of schedules.
 */
export class RandomPolicy implements Policy {
  readonly name = 'random';
  private rng = xoroshiro128plus(0);
  begin(seed: number): void {
    this.rng = xoroshiro128plus(scramble(seed));
  }
  pick(runnable: readonly number[], _at: SchedulingPoint): number {
    if (runnable.length === 1) return runnable[0]!;
    return runnable[uniformInt(this.rng, 0, runnable.length - 1)]!;
  }
}

/** A bijective 32-bit mix: nearby seeds give unrelated generator states. */
export function scramble(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}
