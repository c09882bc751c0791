/**
 * Sampling strategies: seeded random runs and PCT runs, one seed per execution
 * (seed, seed+1, ...), so every sampled execution is named by its seed as well as its
 * schedule. PCT's n and k are estimated from a few random runs when not given.
 */
import { PctPolicy, type PctParameters } from '../policies/pct.js';
import type { Policy } from '../policies/policy.js';
import { RandomPolicy } from '../policies/random.js';
import { isPreemption } from '../policies/preemption.js';
import type { SchedulingPoint } from '../policies/policy.js';
import { runGuarded, type Runner, type Search, type SearchStep } from './search.js';

/** Wraps a policy to count its preemptions. */
class Counting implements Policy {
  preemptions = 0;
  constructor(readonly inner: Policy) {}
  get name(): string {
    return this.inner.name;
  }
  begin(seed: number): void {
    this.preemptions = 0;
    this.inner.begin(seed);
  }
  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const t = this.inner.pick(runnable, at);
    if (isPreemption(runnable, at.previous, at.yielded, t)) this.preemptions++;
    return t;
  }
}

/** Runs a policy under successive seeds. */
export class SeededSearch implements Search {
  readonly exhausted = false;
  private readonly policy: Counting;
  private nextSeed: number;

  constructor(
    private readonly runner: Runner,
    policy: Policy,
    firstSeed: number,
  ) {
    this.policy = new Counting(policy);
    this.nextSeed = firstSeed;
  }

  /** Seed of the execution the last {@link next} ran. */
  get lastSeed(): number {
    return this.nextSeed - 1;
  }

  next(): SearchStep {
    const seed = this.nextSeed++;
    return runGuarded(this.runner, this.policy, undefined, () => this.policy.preemptions, seed);
  }
}

/** A seeded random search. */
export function randomSearch(runner: Runner, seed: number): SeededSearch {
  return new SeededSearch(runner, new RandomPolicy(), seed);
}

/** How many random runs estimate PCT's n and k. */
export const PCT_ESTIMATION_RUNS = 5;

/**
 * PCT's n (most threads) and k (most scheduling points with a choice) from a few random runs
 * with seeds 0..runs-1.
 */
export function estimatePct(runner: Runner, runs = PCT_ESTIMATION_RUNS): { threads: number; steps: number } {
  let threads = 1;
  let steps = 1;
  const random = new RandomPolicy();
  for (let seed = 0; seed < runs; seed++) {
    let choices = 0;
    const counting: Policy = {
      name: 'random',
      begin: (s) => random.begin(s),
      pick: (r, at) => {
        choices++;
        return random.pick(r, at);
      },
    };
    const result = runner(counting, undefined, seed);
    threads = Math.max(threads, result.threads.length);
    steps = Math.max(steps, choices);
  }
  return { threads, steps };
}

/** A PCT search. */
export function pctSearch(runner: Runner, params: PctParameters, seed: number): SeededSearch {
  return new SeededSearch(runner, new PctPolicy(params), seed);
}
