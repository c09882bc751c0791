import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { ChoicePoint } from '../choice.js';
import type { Policy, SchedulingPoint } from './policy.js';
import { scramble } from './random.js';

/** Parameters of PCT. */
export interface PctParameters {
  /** Expected number of threads (n). */
  readonly threads: number;
  /** Expected number of scheduling points with a real choice (k). */
  readonly steps: number;
  /** Bug depth d: d - 1 priority change points per run. */
  readonly depth: number;
}

/**
 * Probabilistic Concurrency Testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010).
 * Threads get distinct random priorities d..d+n-1 and the highest-priority runnable thread
 * always runs; d-1 change points drawn uniformly from [1, k] each lower the running thread's
 * priority to i (below every initial priority) when the i-th one is reached. One run finds a
 * bug of depth d with probability at least 1/(n * k^(d-1)).
 *
 * As in SCTBench's study, only scheduling points where more than one thread can run are
 * counted as steps, and a thread that yields (sleeps, blocks) is demoted below every other, so
 * spin loops that sleep make progress. Threads beyond the expected n get priorities above the
 * initial range, in creation order.
 */
export class PctPolicy implements Policy {
  readonly name = 'pct';
  private rng: RandomGenerator = xoroshiro128plus(0);
  private priority: number[] = [];
  private initial: number[] = [];
  private changeAt: number[] = [];
  private counted = 0;
  private lowest = 0;

  constructor(readonly params: PctParameters) {}

  /** The initial priorities of the current run, by thread index (for tests and reports). */
  get initialPriorities(): readonly number[] {
    return this.initial;
  }

  begin(seed: number): void {
    const { threads: n, steps: k, depth: d } = this.params;
    // Scrambled as RandomPolicy does: xoroshiro128+ seeded with nearby integers gives
    // correlated first draws, which made the priority order depend on the seed's low bits.
    this.rng = xoroshiro128plus(scramble(seed));
    const perm = Array.from({ length: n }, (_, i) => d + i);
    for (let i = n - 1; i > 0; i--) {
      const j = uniformInt(this.rng, 0, i);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    this.initial = perm;
    this.priority = [];
    this.changeAt = [];
    for (let i = 1; i < d; i++) this.changeAt.push(uniformInt(this.rng, 1, Math.max(1, k)));
    this.counted = 0;
    this.lowest = 0;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    for (const t of runnable) if (this.priority[t] === undefined) this.priority[t] = this.initial[t] ?? this.params.depth + this.params.threads + t;
    if (at.yielded && at.previous >= 0 && this.priority[at.previous] !== undefined) this.priority[at.previous] = --this.lowest;
    this.counted++;
    let best = this.highest(runnable);
    for (let i = 0; i < this.changeAt.length; i++) {
      if (this.changeAt[i] === this.counted) {
        this.priority[best] = i + 1;
        best = this.highest(runnable);
      }
    }
    return best;
  }

  /**
   * Uniform from the run's generator: PCT's guarantee is about thread priorities; a choice is
   * not a scheduling point, so it moves no change point.
   */
  choose(k: number, _at: ChoicePoint): number {
    return uniformInt(this.rng, 0, k - 1);
  }

  private highest(runnable: readonly number[]): number {
    let best = runnable[0]!;
    for (const t of runnable) if (this.priority[t]! > this.priority[best]!) best = t;
    return best;
  }
}
