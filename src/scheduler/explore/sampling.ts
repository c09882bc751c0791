/**
 * Sampling strategies: seeded random runs and PCT runs, one seed per execution, so every
 * sampled execution is named by its seed as well as its schedule. Run i of an exploration with
 * base seed S uses {@link runSeed}(S, i), not S + i: with S + i, trials at base seeds 0..19
 * would share all but a few runs. PCT's n and k are estimated from a few random runs when not
 * given.
 */
import { PctPolicy, type PctParameters } from '../policies/pct.js';
import type { Monitor } from '../monitor.js';
import type { Policy } from '../policies/policy.js';
import { RandomPolicy, scramble } from '../policies/random.js';
import { isPreemption } from '../policies/preemption.js';
import type { SchedulingPoint } from '../policies/policy.js';
import type { ExecutionResult } from '../execution.js';
import type { ChoicePoint } from '../choice.js';
import { AbandonExecution, type Runner, type Search, type SearchStep } from './search.js';

/** Wraps a policy to count its preemptions. */
export class Counting implements Policy {
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
  choose(k: number, at: ChoicePoint): number {
    return this.inner.choose?.(k, at) ?? 0;
  }
}

/**
 * The seed of run `index` (0-based) of a sampled exploration with base seed `base`: a 32-bit
 * non-negative integer, so it can be passed back as `--seed`. Two mixing rounds: the base is
 * mixed to a random-looking starting point and the run index added to it, so the runs of two
 * base seeds are disjoint stretches unless their starting points fall within the number of
 * runs of each other (for 20 bases and 10,000 runs each, a chance of about 1 in 1,000), and
 * the sum is mixed again so that neighbouring runs get unrelated seeds.
 */
export function runSeed(base: number, index: number): number {
  return seedAt(runStart(base), index);
}

/** The starting point of base seed `base` (see {@link runSeed}): a sampled search computes it once. */
export function runStart(base: number): number {
  const hi = Math.floor(base / 0x1_0000_0000) | 0;
  return scramble(scramble(base | 0) ^ Math.imul(hi, 0x27d4eb2f));
}

/** The seed of run `index` from a starting point made by {@link runStart}. */
export function seedAt(start: number, index: number): number {
  return scramble((start + index) | 0) >>> 0;
}

/**
 * The step a {@link SeededSearch} returns, refilled on every call: one object per search
 * instead of one per execution. Callers read a step before asking for the next (the
 * exploration loop and the portfolio do). Its preemption count is worked out when first read.
 */
class SampledStep {
  readonly kind = 'execution';
  result = undefined as unknown as ExecutionResult;
  constructor(private readonly search: SeededSearch) {}
  get preemptions(): number {
    return this.search.lastPreemptions();
  }
}

/**
 * Runs a policy under the seeds {@link runSeed}(base, 0), (base, 1), .... The random policy
 * runs unwrapped: counting preemptions at every pick cost a few percent of a short run, and
 * only a failure that is recorded needs the count, so the last run is replayed with a
 * counting wrapper when its count is read (the same seed gives the same run). Other policies
 * are wrapped and counted as they run.
 */
export class SeededSearch implements Search {
  readonly exhausted = false;
  private readonly policy: Policy;
  /** The wrapper that counts as the policy runs; undefined for the random policy (counted on demand). */
  private readonly counting: Counting | undefined;
  private index: number;
  private seed = 0;
  /** runStart(base), made once. */
  private readonly start: number;
  /** The seed whose run {@link counted} counts, when counted on demand. */
  private countedSeed = -1;
  private counted = 0;

  constructor(
    private readonly runner: Runner,
    policy: Policy,
    private readonly base: number,
    /** Watches every step, for policies that must see steps the engine runs without asking. */
    private readonly monitor?: Monitor,
    /** Number of the first run (a part of a split exploration starts past 0). */
    firstRun = 0,
  ) {
    this.counting = policy.constructor === RandomPolicy ? undefined : new Counting(policy);
    this.policy = this.counting ?? policy;
    this.index = firstRun;
    this.start = runStart(base);
  }

  /** Seed of the execution the last {@link next} ran. */
  get lastSeed(): number {
    return this.seed;
  }

  private readonly step = new SampledStep(this);

  next(): SearchStep {
    this.seed = seedAt(this.start, this.index++);
    let result: ExecutionResult;
    try {
      result = this.runner(this.policy, this.monitor, this.seed);
    } catch (e) {
      if (e instanceof AbandonExecution) return { kind: 'abandoned', why: e.why };
      throw e;
    }
    const step = this.step;
    step.result = result;
    if (this.counting !== undefined) this.counted = this.counting.preemptions;
    return step;
  }

  /** The preemptions of the last run (replayed under a counting wrapper the first time, for the random policy). */
  lastPreemptions(): number {
    if (this.counting === undefined && this.countedSeed !== this.seed) {
      const again = new Counting(new RandomPolicy());
      this.runner(again, this.monitor, this.seed);
      this.counted = again.preemptions;
      this.countedSeed = this.seed;
    }
    return this.counted;
  }
}

/** A seeded random search. */
export function randomSearch(runner: Runner, seed: number, firstRun = 0): SeededSearch {
  return new SeededSearch(runner, new RandomPolicy(), seed, undefined, firstRun);
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
      choose: (k, at) => random.choose(k, at),
    };
    const result = runner(counting, undefined, seed);
    threads = Math.max(threads, result.threads.length);
    steps = Math.max(steps, choices);
  }
  return { threads, steps };
}

/** A PCT search. */
export function pctSearch(runner: Runner, params: PctParameters, seed: number, firstRun = 0): SeededSearch {
  return new SeededSearch(runner, new PctPolicy(params), seed, undefined, firstRun);
}
