/**
 * Min-heap of timed waits ordered by (deadline, seq). Invariant: every entry's deadline is
 * >= its parent's; `seq` breaks ties in insertion order so equal deadlines fire
 * deterministically. Entries are cancelled lazily: the owner compares `token` when it pops.
 */
import { empty } from './lists.js';

export interface TimerEntry<T> {
  readonly deadline: number;
  readonly seq: number;
  readonly item: T;
  readonly token: number;
}

export class TimerHeap<T> {
  private readonly heap: TimerEntry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Remove every entry (the heap is reused by the next execution). */
  clear(): void {
    empty(this.heap);
    this.seq = 0;
  }

  push(deadline: number, item: T, token: number): void {
    const h = this.heap;
    h.push({ deadline, seq: this.seq++, item, token });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  peek(): TimerEntry<T> | undefined {
    return this.heap[0];
  }

  pop(): TimerEntry<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && less(h[l]!, h[m]!)) m = l;
      if (r < h.length && less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
    return top;
  }
}

function less<T>(a: TimerEntry<T>, b: TimerEntry<T>): boolean {
  return a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq);
}
