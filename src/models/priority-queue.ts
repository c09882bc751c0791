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
import type { Kernel } from '../scheduler/ops.js';
import { Queue } from './queue.js';

/** Python's `a < b` for two items, inside the step whose kernel is `k`: raises Python's TypeError when they do not order. */
export type Less = (a: unknown, b: unknown, k: Kernel) => boolean;

/** Model of `queue.PriorityQueue`. */
export class PriorityQueue<T = unknown> extends Queue<T> {
  /**
   * `less`: how two items compare. The default orders numbers, strings and arrays as tuples
   * (py-compare.ts); the `.py` front end passes the interpreter's `<`, which knows every Python
   * value (its tuples, a class's `__lt__`).
   */
  constructor(maxsize = 0, options: { readonly name?: string; readonly less?: Less } = {}) {
    super(maxsize, options);
    this.less = options.less ?? ((a, b) => pyLess(a, b));
  }
  private readonly less: Less;

  protected override push(item: T, k: Kernel): void {
    const h = this.items;
    h.push(item);
    siftTowardRoot(h, 0, h.length - 1, (a, b) => this.less(a, b, k));
  }

  protected override pop(k: Kernel): T {
    const h = this.items;
    const last = h.pop() as T;
    if (h.length === 0) return last;
    const top = h[0] as T;
    h[0] = last;
    siftToLeaf(h, 0, (a, b) => this.less(a, b, k));
    return top;
  }
}

/** Move `h[pos]` up while it is less than its parent (swapping, so a raise leaves a permutation). */
function siftTowardRoot<T>(h: T[], start: number, pos: number, less: (a: unknown, b: unknown) => boolean): void {
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    if (!less(h[pos], h[parent])) break;
    [h[pos], h[parent]] = [h[parent] as T, h[pos] as T];
    pos = parent;
  }
}

/** Move the hole at `pos` down to a leaf along smaller children, then sift the item back up. */
function siftToLeaf<T>(h: T[], pos: number, less: (a: unknown, b: unknown) => boolean): void {
  const start = pos;
  let child = 2 * pos + 1;
  while (child < h.length) {
    const right = child + 1;
    if (right < h.length && !less(h[child], h[right])) child = right;
    [h[pos], h[child]] = [h[child] as T, h[pos] as T];
    pos = child;
    child = 2 * pos + 1;
  }
  siftTowardRoot(h, start, pos, less);
}
