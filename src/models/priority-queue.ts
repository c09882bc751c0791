/**
 * Model of `queue.PriorityQueue`.
 *
 * Mirrors: everything of `queue.Queue` (see there), with the smallest item got first, ordered
 * by Python's `<` (tuples as `(priority, data)` compare element-wise; unorderable items raise
 * `TypeError: '<' not supported between instances of ...` from `put`, after the item has
 * entered the heap, as with CPython's heapq). The heap follows heapq's algorithm (the binary
 * heap of Williams 1964 with Floyd's leaf-first sift after a pop), so equal-priority items come
 * out in the same order as in CPython.
 * Does not mirror: nothing beyond Queue's own limits.
 */
import { pyLess } from './py-compare.js';
import { Queue } from './queue.js';

/** Model of `queue.PriorityQueue`. */
export class PriorityQueue<T = unknown> extends Queue<T> {
  /** Python's `a < b` for two items (a front end with values of its own overrides it). */
  protected less(a: T, b: T): boolean {
    return pyLess(a, b);
  }

  protected override push(item: T): void {
    const h = this.items;
    h.push(item);
    siftTowardRoot(h, 0, h.length - 1, (a, b) => this.less(a, b));
  }

  protected override pop(): T {
    const h = this.items;
    const last = h.pop() as T;
    if (h.length === 0) return last;
    const top = h[0] as T;
    h[0] = last;
    siftToLeaf(h, 0, (a, b) => this.less(a, b));
    return top;
  }
}

/** Move `h[pos]` up while it is less than its parent (swapping, so a raise leaves a permutation). */
function siftTowardRoot<T>(h: T[], start: number, pos: number, less: (a: T, b: T) => boolean): void {
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    if (!less(h[pos] as T, h[parent] as T)) break;
    [h[pos], h[parent]] = [h[parent] as T, h[pos] as T];
    pos = parent;
  }
}

/** Move the hole at `pos` down to a leaf along smaller children, then sift the item back up. */
function siftToLeaf<T>(h: T[], pos: number, less: (a: T, b: T) => boolean): void {
  const start = pos;
  let child = 2 * pos + 1;
  while (child < h.length) {
    const right = child + 1;
    if (right < h.length && !less(h[child] as T, h[right] as T)) child = right;
    [h[pos], h[child]] = [h[child] as T, h[pos] as T];
    pos = child;
    child = 2 * pos + 1;
  }
  siftTowardRoot(h, start, pos, less);
}
