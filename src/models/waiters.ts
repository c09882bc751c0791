/**
 * A FIFO list of per-thread waiters, the shape of CPython's `Condition._waiters` (a deque of
 * one lock per waiting thread). A notify picks the oldest waiters, marks them and makes them
 * runnable; each waiter parks on its own WaitQueue, so waking one never disturbs another.
 *
 * Invariant: a waiter is in the list exactly while it waits and has been neither notified
 * nor removed after a timeout.
 */
import { WaitQueue, type Kernel } from '../scheduler/ops.js';

/** One waiting thread. */
export interface Waiter {
  /** Where the thread parks until notified. */
  readonly queue: WaitQueue;
  /** Set by a notify; the waiter's op is enabled from then on. */
  notified: boolean;
}

/** The waiters of one Condition (or Event). */
export class WaiterList {
  private readonly list: Waiter[] = [];

  constructor(private readonly label: string) {}

  /** How many threads wait and have not been notified. */
  get length(): number {
    return this.list.length;
  }

  /** Enter a new waiter at the back. */
  add(): Waiter {
    const w: Waiter = { queue: new WaitQueue(this.label), notified: false };
    this.list.push(w);
    return w;
  }

  /**
   * Notify the `n` oldest waiters (all when `n` is Infinity); returns how many. Like CPython's
   * `while waiters and n > 0: ...; n -= 1`, a fractional n rounds up and n <= 0 notifies none.
   */
  notify(k: Kernel, n: number): number {
    const count = n > 0 ? Math.min(Math.ceil(n), this.list.length) : 0;
    const taken = this.list.splice(0, count);
    for (const w of taken) {
      w.notified = true;
      k.wake(w.queue);
    }
    return taken.length;
  }

  /** Take a waiter out (after its timeout); no-op when a notify took it already. */
  remove(w: Waiter): void {
    const i = this.list.indexOf(w);
    if (i >= 0) this.list.splice(i, 1);
  }
}
