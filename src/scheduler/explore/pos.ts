/**
 * Partial order sampling (POS): Xinhao Yuan, Junfeng Yang, Ronghui Gu, "Partial Order Aware
 * Concurrency Sampling", CAV 2018.
 *
 * Every pending event (the op a thread runs if picked) gets an independent random priority,
 * and the runnable thread whose pending event has the highest priority runs. After an event
 * runs, every pending event that conflicts with it (same object, one of them writing: the
 * dependency DPOR uses) draws a fresh priority, and so does the next event of the thread that
 * ran. Re-drawing on conflict is what makes POS sample partial orders rather than
 * interleavings: independent events keep their relative order whatever else runs, so the
 * probability of a partial order does not shrink with the number of interleavings that
 * linearise it (the paper's bound: any partial order of an event set is sampled with
 * probability at least 1/n! per "race" group rather than 1/(total interleavings)).
 *
 * Priorities are 32-bit draws from xoroshiro128+ seeded with the scrambled run seed, drawn
 * in a fixed order (lazily, lowest thread first), so a seed names one schedule.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { Op } from '../ops.js';
import type { Monitor, StepEvent } from '../monitor.js';
import type { ChoicePoint } from '../choice.js';
import type { Policy, SchedulingPoint } from '../policies/policy.js';
import { scramble } from '../policies/random.js';
import { conflict, eventOf, type DependencyRules, type EventInfo } from './events.js';
import { SeededSearch } from './sampling.js';
import type { Runner } from './search.js';

/** Conflicts as DPOR sees them, without output ordering: POS reorders shared state, not prints. */
const RULES: DependencyRules = { orderOutput: false, daemon: () => false };

/** The POS scheduling policy. */
export class PosPolicy implements Policy, Monitor {
  readonly name = 'pos';
  private rng: RandomGenerator = xoroshiro128plus(0);
  /** Priority of each thread's pending event; undefined: draw one when next needed. */
  private priority: (number | undefined)[] = [];
  /** The pending event each priority was drawn for (to re-draw when it conflicts). */
  private events: (EventInfo | undefined)[] = [];

  begin(seed: number): void {
    this.rng = xoroshiro128plus(scramble(seed));
    this.priority = [];
    this.events = [];
  }

  /** Uniform from the run's generator. */
  choose(k: number, _at: ChoicePoint): number {
    return ((this.rng.next() ^ 0x8000_0000) >>> 0) % k;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    let best = -1;
    let bestPriority = -1;
    for (const t of runnable) {
      let p = this.priority[t];
      if (p === undefined) {
        p = (this.rng.next() ^ 0x8000_0000) >>> 0;
        this.priority[t] = p;
        this.events[t] = infoOf(t, at.pending(t));
      }
      if (p > bestPriority) {
        best = t;
        bestPriority = p;
      }
    }
    return best;
  }

  /**
   * Every step, including those the engine runs without asking (one runnable thread): the
   * thread that ran gets a fresh draw for its next event, and conflicting events are re-drawn.
   */
  onStep(ev: StepEvent): void {
    const ran = eventOf(ev.thread, ev.op, ev.spawned);
    this.priority[ev.thread] = undefined;
    this.events[ev.thread] = undefined;
    for (let u = 0; u < this.events.length; u++) {
      const e = this.events[u];
      if (e !== undefined && conflict(ran, e, RULES)) this.priority[u] = undefined;
    }
  }
}

function infoOf(thread: number, op: Op | undefined): EventInfo | undefined {
  return op === undefined ? undefined : eventOf(thread, op, -1);
}

/** A POS search: one run per seed derived from `seed` (see sampling.ts). */
export function posSearch(runner: Runner, seed: number, firstRun = 0): SeededSearch {
  const pos = new PosPolicy();
  return new SeededSearch(runner, pos, seed, pos, firstRun);
}
