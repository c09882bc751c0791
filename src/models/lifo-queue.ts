/**
 * Model of `queue.LifoQueue`.
 *
 * Mirrors: everything of `queue.Queue` (see there), with the most recently put item got first.
 * Does not mirror: nothing beyond Queue's own limits.
 */
import { Queue } from './queue.js';

/** Model of `queue.LifoQueue`. */
export class LifoQueue<T = unknown> extends Queue<T> {
  protected override pop(): T {
    return this.items.pop() as T;
  }
}
