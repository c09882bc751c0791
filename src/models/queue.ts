/**
 * Model of `queue.Queue` (FIFO); `LifoQueue` and `PriorityQueue` change only the order.
 *
 * Mirrors: `Queue(maxsize=0)` (`maxsize <= 0` is unbounded); `put(item, block=True,
 * timeout=None)` and `get(block=True, timeout=None)` block while full or empty, raise
 * `queue.Full` / `queue.Empty` when non-blocking or timed out (a timeout of 0 is one try), and
 * raise `ValueError: 'timeout' must be a non-negative number` for a negative timeout where
 * CPython checks it (blocking calls; for `put` only on a bounded queue); `put_nowait`,
 * `get_nowait`; each put wakes the oldest waiting getter and each get the oldest waiting putter
 * (CPython's `notify()`; under `--untimed` every waiter, see ExecutionOptions.untimed), and a
 * woken thread still races with newcomers; `task_done()`
 * (`ValueError: task_done() called too many times`) and `join()` waiting until every put item
 * is done; `qsize()`, `empty()`, `full()` as one-step snapshots, so check-then-act races show.
 * Does not mirror: `shutdown()` (3.13). `SimpleQueue` is its own model (simple-queue.ts).
 */
import { currentRuntime, runtime } from '../scheduler/context.js';
import { counted } from './available.js';
import { WaitQueue, type Op, type Steps } from '../scheduler/ops.js';
import { Empty, Full, ValueError } from './exceptions.js';
import { toMicros } from './time.js';

/** Model of `queue.Queue`. */
export class Queue<T = unknown> {
  /** Name in traces: `Queue#1` (`LifoQueue#1`, `PriorityQueue#1`), or the name given. */
  readonly id: string;
  readonly maxsize: number;
  private unfinished = 0;
  private readonly notEmpty: WaitQueue;
  private readonly notFull: WaitQueue;
  private readonly allDone: WaitQueue;

  constructor(maxsize = 0, options: { readonly name?: string } = {}) {
    const rt = currentRuntime() ?? runtime(`${new.target.name}()`);
    this.maxsize = maxsize;
    this.id = options.name ?? `${new.target.name}#${rt.counter(new.target.name)}`;
    this.notEmpty = new WaitQueue(`${this.id} not empty`);
    this.notFull = new WaitQueue(`${this.id} not full`);
    this.allDone = new WaitQueue(`${this.id} all tasks done`);
  }

  /** `put(item, block=True, timeout=None)`. */
  *put(item: T, block = true, timeout: number | null = null): Steps<void> {
    const bounded = this.maxsize > 0;
    if (bounded && block && timeout !== null && timeout < 0) throw new ValueError("'timeout' must be a non-negative number");
    const full = (): boolean => bounded && this.size() >= this.maxsize;
    const add = (k: Parameters<Op['run']>[0]): void => {
      this.push(item);
      this.unfinished++;
      k.wake(this.notEmpty, 1);
    };
    const op: Op = block && bounded
      ? {
          kind: 'put',
          obj: this.id,
          access: 'sync',
          value: item,
          waitOn: this.notFull,
          enabled: () => !full(),
          ...(timeout === null ? {} : { timeout: toMicros(timeout) }),
          run: (k, timedOut) => {
            if (timedOut) throw new Full();
            add(k);
          },
          describeWait: () => `room in ${this.id} (full at ${this.maxsize})`,
        }
      : {
          kind: 'put',
          obj: this.id,
          access: 'sync',
          value: item,
          run: (k) => {
            if (full()) throw new Full();
            add(k);
          },
        };
    yield counted(op, () => this.size());
  }

  /** `get(block=True, timeout=None)`. */
  *get(block = true, timeout: number | null = null): Steps<T> {
    if (block && timeout !== null && timeout < 0) throw new ValueError("'timeout' must be a non-negative number");
    const take = (k: Parameters<Op['run']>[0]): T => {
      const item = this.pop();
      k.wake(this.notFull, 1);
      return item;
    };
    const op: Op = block
      ? {
          kind: 'get',
          obj: this.id,
          access: 'sync',
          takes: true,
          waitOn: this.notEmpty,
          enabled: () => this.size() > 0,
          ...(timeout === null ? {} : { timeout: toMicros(timeout) }),
          run: (k, timedOut) => {
            if (timedOut) throw new Empty();
            return take(k);
          },
          describeWait: () => `an item in ${this.id} (empty)`,
        }
      : {
          kind: 'get',
          obj: this.id,
          access: 'sync',
          value: 'non-blocking',
          run: (k) => {
            if (this.size() === 0) throw new Empty();
            return take(k);
          },
        };
    return (yield counted(op, () => this.size())) as T;
  }

  /** `put_nowait(item)`: `put(item, False)`. */
  put_nowait(item: T): Steps<void> {
    return this.put(item, false);
  }

  /** `get_nowait()`: `get(False)`. */
  get_nowait(): Steps<T> {
    return this.get(false);
  }

  /** `qsize()`: one step reading the size (a snapshot: it may be stale at once). */
  *qsize(): Steps<number> {
    return (yield this.readOp('qsize', () => this.size())) as number;
  }

  /** `empty()`: one step; True when `qsize() == 0` at that moment. */
  *empty(): Steps<boolean> {
    return (yield this.readOp('empty', () => this.size() === 0)) as boolean;
  }

  /** `full()`: one step; True when bounded and at `maxsize` at that moment. */
  *full(): Steps<boolean> {
    return (yield this.readOp('full', () => this.maxsize > 0 && this.size() >= this.maxsize)) as boolean;
  }

  /** `unfinished_tasks`: one step reading how many put items still wait for `task_done()`. */
  *unfinishedTasks(): Steps<number> {
    return (yield this.readOp('unfinished_tasks', () => this.unfinished)) as number;
  }

  /** `task_done()`: one put item is processed; wakes `join()` when none is left. */
  *task_done(): Steps<void> {
    const op: Op = {
      kind: 'notify',
      obj: this.id,
      access: 'sync',
      value: 'task_done',
      run: (k) => {
        if (this.unfinished <= 0) throw new ValueError('task_done() called too many times');
        this.unfinished--;
        if (this.unfinished === 0) k.wake(this.allDone);
      },
    };
    yield counted(op, () => this.size());
  }

  /** `join()`: wait until every item put so far has been marked `task_done()`. */
  *join(): Steps<void> {
    const op: Op = {
      kind: 'wait',
      obj: this.id,
      access: 'sync',
      value: 'join',
      waitOn: this.allDone,
      enabled: () => this.unfinished === 0,
      run: () => undefined,
      describeWait: () => `${this.unfinished} unfinished task(s) of ${this.id} (join needs task_done() for each item)`,
    };
    yield counted(op, () => this.size());
  }

  /** Number of items held (the order's own size). */
  protected size(): number {
    return this.items.length;
  }
  /** Add an item in this queue's order. */
  protected push(item: T): void {
    this.items.push(item);
  }
  /** Remove the next item in this queue's order. */
  protected pop(): T {
    return this.items.shift() as T;
  }
  /** FIFO storage (subclasses may keep their own). */
  protected readonly items: T[] = [];

  private readOp(what: string, read: () => unknown): Op {
    return counted({ kind: 'read', obj: this.id, access: 'sync', value: what, run: read }, () => this.size());
  }

  toString(): string {
    return `<queue.${this.constructor.name} object at ${this.id}>`;
  }
}
