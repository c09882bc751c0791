/**
 * Model of `queue.SimpleQueue`: an unbounded FIFO queue without task tracking.
 *
 * Mirrors: `put(item, block=True, timeout=None)` never blocks (CPython accepts `block` and
 * `timeout` for compatibility and ignores them), `put_nowait`; `get(block=True,
 * timeout=None)` and `get_nowait()` as `queue.Queue`'s (block while empty, `queue.Empty` when
 * non-blocking or timed out, `ValueError: 'timeout' must be a non-negative number`); each put
 * wakes the oldest waiting getter; `qsize()` and `empty()` as one-step snapshots. No
 * `maxsize`, `full()`, `task_done()` or `join()`, as in CPython; not a `Queue` subclass
 * (CPython's is a separate class written in C).
 * Does not mirror: the reentrancy CPython's C class guarantees for a `put` from a signal
 * handler or a `__del__` (threadsim has neither).
 */
import { currentRuntime, runtime } from '../scheduler/context.js';
import type { Steps } from '../scheduler/ops.js';
import { Queue } from './queue.js';

/** Model of `queue.SimpleQueue`. */
export class SimpleQueue<T = unknown> {
  /** Name in traces: `SimpleQueue#1`, or the name given. */
  readonly id: string;
  /** An unbounded Queue does the work: its put never blocks, and its get is SimpleQueue's. */
  private readonly q: Queue<T>;

  constructor(options: { readonly name?: string } = {}) {
    const rt = currentRuntime() ?? runtime('SimpleQueue()');
    this.id = options.name ?? `SimpleQueue#${rt.counter('SimpleQueue')}`;
    this.q = new Queue<T>(0, { name: this.id });
  }

  /** `put(item, block=True, timeout=None)`: never blocks; `block` and `timeout` are ignored. */
  put(item: T, _block = true, _timeout: number | null = null): Steps<void> {
    return this.q.put(item);
  }

  /** `put_nowait(item)`. */
  put_nowait(item: T): Steps<void> {
    return this.q.put(item);
  }

  /** `get(block=True, timeout=None)`. */
  get(block = true, timeout: number | null = null): Steps<T> {
    return this.q.get(block, timeout);
  }

  /** `get_nowait()`: `get(False)`. */
  get_nowait(): Steps<T> {
    return this.q.get(false);
  }

  /** `qsize()`: one step reading the size. */
  qsize(): Steps<number> {
    return this.q.qsize();
  }

  /** `empty()`: one step; True when the queue holds nothing at that moment. */
  empty(): Steps<boolean> {
    return this.q.empty();
  }

  toString(): string {
    return `<_queue.SimpleQueue object at ${this.id}>`;
  }
}
