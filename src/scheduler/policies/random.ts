import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Policy, SchedulingPoint } from './policy.ts';

/**
 * Uniform choice among the runnable threads at every step, from a seeded generator
 * (xoroshiro128+ from pure-rand), so a seed names one schedule exactly.
 */
export class RandomPolicy implements Policy {
  readonly name = 'random';
  private rng = xoroshiro128plus(0);
  begin(seed: number): void {
    this.rng = xoroshiro128plus(seed);
  }
  pick(runnable: readonly number[], _at: SchedulingPoint): number {
    if (runnable.length === 1) return runnable[0]!;
    return runnable[uniformInt(this.rng, 0, runnable.length - 1)]!;
  }
}
