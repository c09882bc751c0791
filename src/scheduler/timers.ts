/**
 * Min-heap of timed waits ordered by (deadline, seq). Invariant: every entry's deadline is
 * >= its parent's; `seq` breaks ties in insertion order so equal deadlines fire
 * deterministically. Entries are cancelled lazily: the owner compares `token` when it pops.
 */
import { BinaryHeap } from './heap.js';

export interface TimerEntry<T> {
  readonly deadline: number;
  readonly seq: number;
  readonly item: T;
  readonly token: number;
}

export class TimerHeap<T> {
  private readonly heap = new BinaryHeap<TimerEntry<T>>(less);
  private seq = 0;

  get size(): number {
    return this.heap.size;
  }

  /** Remove every entry (the heap is reused by the next execution). */
  clear(): void {
    this.heap.clear();
    this.seq = 0;
  }

  push(deadline: number, item: T, token: number): void {
    this.heap.push({ deadline, seq: this.seq++, item, token });
  }

  peek(): TimerEntry<T> | undefined {
    return this.heap.peek();
  }

  pop(): TimerEntry<T> | undefined {
    return this.heap.pop();
  }
}

function less<T>(a: TimerEntry<T>, b: TimerEntry<T>): boolean {
  return a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq);
}
