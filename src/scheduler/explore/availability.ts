/**
 * What an object offered blocking takes just before each step of an execution: who held a
 * mutual-exclusion lock (`Op.exclusive`), how many items or permits an object whose takes
 * wait on it held (`Op.available`). DPOR reads it to tell races that can be reversed from
 * those that cannot.
 *
 * A race between a step k and a later blocking take j of another thread is reversed by running
 * j before k, from the state before k. Every step on k's object after k depends on k (they
 * are sync ops on one object), so the object is still as it was before k when j would run.
 * If a lock was held by another thread then, or nothing was available, j cannot run there:
 * the two steps are never enabled in the same state, so that race is not one (the "may be
 * co-enabled" relation of Flanagan and Godefroid, POPL 2005), and j races with the earlier step
 * that took what it wanted (the acquire that took the lock, the get that took the item).
 * Lock-aware optimal DPOR treats lock acquires the same way (Abdulla, Aronis, Jonsson and
 * Sagonas, JACM 2017, and Kokologiannakis, Raad and Vafeiadis, "Effective lock handling in
 * stateless model checking", OOPSLA 2019: an acquire is reordered against the previous
 * acquire of the lock, never against the release that let it through).
 */
import type { Op } from '../ops.js';
import type { EventInfo } from './events.js';

/** What a step's object offered just before the step. */
export interface Availability {
  /** For a mutual-exclusion lock: the thread holding it, or -1 (free, or not a lock). */
  readonly heldBy: number;
  /** Items or permits left (for a lock: 1 free, 0 held); -1 when not known. */
  readonly available: number;
}

/** Nothing known. */
export const UNKNOWN: Availability = { heldBy: -1, available: -1 };
const FREE: Availability = { heldBy: -1, available: 1 };

/**
 * Availabilities are shared values, one per holder and one per small count: a step summary
 * that carries one can then be shared across executions (events.ts, EventCache), and a lock
 * step makes no object.
 */
const HELD_BY: Availability[] = [];
const HOLDING: Availability[] = [];
const SHARED_MAX = 1024;

/** The lock is held by `thread`. */
function heldBy(thread: number): Availability {
  if (thread >= SHARED_MAX) return { heldBy: thread, available: 0 };
  return (HELD_BY[thread] ??= Object.freeze({ heldBy: thread, available: 0 }));
}

/** The object holds `available` items or permits (not a lock). */
function holding(available: number): Availability {
  if (available >= SHARED_MAX) return { heldBy: -1, available };
  return (HOLDING[available] ??= Object.freeze({ heldBy: -1, available }));
}

/** True when `a` is one of the shared values (so equal availabilities are the same object). */
export function sharedAvailability(a: Availability): boolean {
  return a === UNKNOWN || a === FREE || (a.heldBy >= 0 ? a.heldBy < SHARED_MAX : a.available < SHARED_MAX);
}

/**
 * True when `j` (a blocking take of another thread) certainly could not run in the state
 * before `k` on the same object, so `k` and `j` are never enabled together.
 */
export function neverCoEnabled(k: EventInfo, j: EventInfo): boolean {
  if (!j.take || k.thread === j.thread || k.obj !== j.obj || k.obj === undefined) return false;
  return k.before.heldBy >= 0 ? k.before.heldBy !== j.thread : k.before.available === 0;
}

/** True when `j` (a blocking take) certainly could run in the state before `k`, as far as their object goes. */
export function coEnabled(k: EventInfo, j: EventInfo): boolean {
  return j.take && k.obj === j.obj && k.before.available > 0;
}

/**
 * Follows an execution step by step (`step` in order, before each step's event is built).
 * Lock state is tracked from the ops: a Condition's wait releases its lock completely
 * (`value: 'wait'`) and its re-acquire restores the depth it had. Counts are the last
 * `Op.available` seen on the object; an op that touches the object without reporting it
 * (a step on several objects) makes the count unknown again.
 */
export class AvailabilityTracker {
  /**
   * The holder of each lock; an entry with depth 0 is a free lock. Entries stay in the map
   * and are reused (deleting and re-adding one per release and acquire was most of this
   * tracker's cost on lock programs).
   */
  private readonly holder = new Map<string, { thread: number; depth: number }>();
  private readonly saved = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  /** Forget everything (a new execution starts). */
  reset(): void {
    for (const h of this.holder.values()) h.depth = 0;
    if (this.saved.size > 0) this.saved.clear();
    if (this.counts.size > 0) this.counts.clear();
  }

  /**
   * What the object of `op` offered before it ran, then record its effect. `failed`: the step
   * raised or timed out, so it took and gave nothing.
   */
  step(thread: number, op: Op, result: unknown, failed: boolean): Availability {
    const obj = op.obj;
    if (obj === undefined) return UNKNOWN;
    // The hot path: a plain read or write of shared state, on no lock or counted object.
    if (op.exclusive !== true && op.available === undefined && op.objs === undefined) {
      if (this.counts.size > 0) this.counts.delete(obj);
      return UNKNOWN;
    }
    if (op.objs !== undefined) for (const o of op.objs) this.counts.delete(o);
    let before = UNKNOWN;
    if (op.exclusive === true) {
      const h = this.held(obj);
      before = h === undefined ? FREE : heldBy(h.thread);
      if (!failed) this.lockStep(thread, obj, op, result, h);
    } else {
      const count = this.counts.get(obj);
      // A take that ran found something, whatever came before it.
      const available = count ?? (op.takes === true && !failed ? 1 : -1);
      before = available < 0 ? UNKNOWN : holding(available);
    }
    const now = op.available?.();
    if (now !== undefined) this.counts.set(obj, now);
    else this.counts.delete(obj);
    return before;
  }

  /** The live holder entry of `obj`, or undefined when the lock is free. */
  private held(obj: string): { thread: number; depth: number } | undefined {
    const h = this.holder.get(obj);
    return h !== undefined && h.depth > 0 ? h : undefined;
  }

  private lockStep(thread: number, obj: string, op: Op, result: unknown, h: { thread: number; depth: number } | undefined): void {
    if (op.kind === 'release') {
      if (h === undefined) return;
      if (op.value === 'wait') {
        this.saved.set(`${thread}\0${obj}`, h.depth);
        h.depth = 0;
      } else h.depth--;
      return;
    }
    if (op.kind !== 'acquire' || result === false) return;
    if (h !== undefined) {
      h.depth++;
      return;
    }
    let depth = 1;
    if (this.saved.size > 0) {
      const key = `${thread}\0${obj}`;
      depth = this.saved.get(key) ?? 1;
      this.saved.delete(key);
    }
    const free = this.holder.get(obj);
    if (free === undefined) this.holder.set(obj, { thread, depth });
    else {
      free.thread = thread;
      free.depth = depth;
    }
  }
}
