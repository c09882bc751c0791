import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ChoicePoint } from '../choice.js';
import type { Policy, SchedulingPoint } from './policy.js';

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
  /** The last `n` that {@link below} saw, and its rejection bound. */
  private n = 0;
  private bound = 0;
  begin(seed: number): void {
    this.rng = xoroshiro128plus(scramble(seed));
  }
  pick(runnable: readonly number[], _at: SchedulingPoint): number {
    if (runnable.length === 1) return runnable[0]!;
    return runnable[this.below(runnable.length)]!;
  }

  /** Uniform among the k alternatives, from the same generator (so a seed names the choices too). */
  choose(k: number, _at: ChoicePoint): number {
    return this.below(k);
  }

  /**
   * A uniform integer in [0, n), n >= 2: exactly the draws of pure-rand's
   * `uniformInt(rng, 0, n - 1)` (rejection sampling on the generator's 32-bit outputs), so
   * every seed keeps its schedule, but cheaper: pure-rand takes a floating-point remainder on
   * every call, which was most of the policy's cost per step. The bound (the
   * largest multiple of n that fits in 32 bits; 2^32 itself for n <= 2) changes with n only.
   */
  private below(n: number): number {
    if (n !== this.n) {
      this.n = n;
      this.bound = n > 2 ? Math.floor(0x1_0000_0000 / n) * n : 0x1_0000_0000;
    }
    // The generator's signed 32-bit output plus 2^31, as an unsigned 32-bit integer.
    let v = (this.rng.next() ^ 0x8000_0000) >>> 0;
    while (v >= this.bound) v = (this.rng.next() ^ 0x8000_0000) >>> 0;
    // v % n through a division: V8 compiles `%` on numbers above 2^31 to a floating-point
    // remainder call, several times slower. The floor is exact: v < 2^32, so when v / n is
    // not a whole number it is at least 1/n below the next one, far more than its rounding error.
    return v - Math.floor(v / n) * n;
  }
}

/** A bijective 32-bit mix: nearby seeds give unrelated generator states. */
export function scramble(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}
