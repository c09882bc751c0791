/**
 * The period search's frontier (period.ts): untried choices by their number of periods, each
 * level a heap in the search's own order, with a limit on the entries kept.
 *
 * The search is uniform-cost in periods, so what a full frontier should give up is its
 * costliest level: a new entry cheaper than the costliest level kept replaces that whole level
 * (dropped at once, so the work is paid once per level, not per entry), and an entry at the
 * costliest level or above is itself dropped. `dropped` is the least number of periods of
 * anything given up; every entry with fewer periods was kept, so the search can still say
 * that every schedule with fewer periods ran.
 */
import { BinaryHeap } from '../heap.js';

/** What the frontier orders: a number of periods, and the search's order within one. */
export interface Leveled {
  readonly periods: number;
}

export class PeriodFrontier<E extends Leveled> {
  /** Entries by number of periods. */
  private readonly levels: (BinaryHeap<E> | undefined)[] = [];
  private count = 0;
  /** No level below this one holds an entry. */
  private low = 0;
  /** The least periods of an entry given up (Infinity: none). */
  dropped = Infinity;

  constructor(
    /** Within one number of periods: true when `a` is tried before `b`. */
    private readonly before: (a: E, b: E) => boolean,
    /** Entries kept at most. */
    private readonly max: number,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The entry tried next (fewest periods, then the search's order), without removing it. */
  peek(): E | undefined {
    const level = this.lowest();
    return level?.peek();
  }

  pop(): E | undefined {
    const level = this.lowest();
    if (level === undefined) return undefined;
    this.count--;
    return level.pop();
  }

  /** Keep `e`, giving up the costliest level if the frontier is full (see the file comment). */
  push(e: E): void {
    if (this.count >= this.max) {
      const high = this.highest();
      if (high <= e.periods) {
        if (e.periods < this.dropped) this.dropped = e.periods;
        return;
      }
      const level = this.levels[high]!;
      this.count -= level.size;
      this.levels[high] = undefined;
      if (high < this.dropped) this.dropped = high;
    }
    let level = this.levels[e.periods];
    if (level === undefined) this.levels[e.periods] = level = new BinaryHeap<E>(this.before);
    level.push(e);
    this.count++;
    if (e.periods < this.low) this.low = e.periods;
  }

  private lowest(): BinaryHeap<E> | undefined {
    if (this.count === 0) return undefined;
    for (let p = this.low; p < this.levels.length; p++) {
      const level = this.levels[p];
      if (level !== undefined && level.size > 0) {
        this.low = p;
        return level;
      }
    }
    return undefined;
  }

  /** The costliest non-empty level (the frontier is not empty). */
  private highest(): number {
    for (let p = this.levels.length - 1; p >= 0; p--) if ((this.levels[p]?.size ?? 0) > 0) return p;
    return -1;
  }
}
