/**
 * The acquire and release steps of `Lock` and `RLock` as one-step ops (see one-step.ts): a
 * `with lock:` block is two of them, so every lock-heavy run made a generator, an op literal
 * and three closures per acquire. Each op here is one small object whose behaviour lives on
 * the prototype and asks its lock (a {@link LockCore}) what to do. Like a shared read, an
 * acquire or release made and never yielded (`lock.acquire()` without `yield*`: no lock
 * taken, silently) is caught by the engine (TSIM015).
 */
import { noteCreated } from '../scheduler/context.js';
import type { Kernel, Op, Step, Steps, WaitQueue } from '../scheduler/ops.js';
import { pyError, ValueError } from './exceptions.js';
import { OneStep, opKind } from './one-step.js';
import { toMicros } from './time.js';

/** What the ops need from a lock: its state changes, each run inside one step. */
export interface LockCore {
  /** Name in traces (`Lock#1`). */
  readonly id: string;
  /** Where blocked acquirers park. */
  readonly waitQueue: WaitQueue;
  /** A blocking acquire by the current thread could run now. */
  canTake(k: Kernel): boolean;
  /** Take the lock for the current thread (`count` levels for an RLock); true. */
  take(k: Kernel, count: number): boolean;
  /** The body of `release()` (raises CPython's RuntimeError when not held). */
  releaseNow(k: Kernel): void;
  /** Name of the thread holding the lock, for deadlock reports. */
  holderName(): string;
}

/** A blocking `acquire()`, with an optional time-out; also the re-acquire after a Condition's wait. */
class AcquireOp extends OneStep<boolean> implements Op {
  declare readonly kind: 'acquire';
  declare readonly access: 'sync';
  declare readonly exclusive: true;
  readonly obj: string;
  constructor(
    private readonly lock: LockCore,
    readonly timeout: number | undefined,
    private readonly count: number,
    readonly value: string | undefined,
  ) {
    super();
    this.obj = lock.id;
  }
  get waitOn(): WaitQueue {
    return this.lock.waitQueue;
  }
  enabled(k: Kernel): boolean {
    return this.lock.canTake(k);
  }
  run(k: Kernel, timedOut: boolean): boolean {
    return timedOut ? false : this.lock.take(k, this.count);
  }
  describeWait(): string {
    return `${this.lock.id} held by ${this.lock.holderName()}`;
  }
}

/** `acquire(blocking=False)`: never waits; false when the lock is not free. */
class TryAcquireOp extends OneStep<boolean> implements Op {
  declare readonly kind: 'acquire';
  declare readonly access: 'sync';
  declare readonly exclusive: true;
  declare readonly value: 'non-blocking';
  readonly obj: string;
  constructor(private readonly lock: LockCore) {
    super();
    this.obj = lock.id;
  }
  run(k: Kernel): boolean {
    return this.lock.canTake(k) ? this.lock.take(k, 1) : false;
  }
}

/** `release()`. */
class ReleaseOp extends OneStep<void> implements Op {
  declare readonly kind: 'release';
  declare readonly access: 'sync';
  declare readonly exclusive: true;
  readonly obj: string;
  constructor(private readonly lock: LockCore) {
    super();
    this.obj = lock.id;
  }
  run(k: Kernel): void {
    this.lock.releaseNow(k);
  }
}

opKind(AcquireOp, 'acquire', 'sync');
opKind(TryAcquireOp, 'acquire', 'sync');
opKind(ReleaseOp, 'release', 'sync');
for (const cls of [AcquireOp, TryAcquireOp, ReleaseOp]) Object.defineProperty(cls.prototype, 'exclusive', { value: true });
Object.defineProperty(TryAcquireOp.prototype, 'value', { value: 'non-blocking' });

/** `threading.TIMEOUT_MAX` on 64-bit CPython: the largest timeout a lock accepts, seconds. */
export const TIMEOUT_MAX = 9223372036;

/** Checks shared by Lock and RLock: CPython's messages for bad acquire arguments. */
function checkAcquireArgs(blocking: boolean, timeout: number): void {
  if (!blocking && timeout !== -1) throw new ValueError("can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) throw new ValueError('timeout value must be positive');
  if (timeout > TIMEOUT_MAX) throw pyError('OverflowError', 'timestamp out of range for platform time_t');
}

/**
 * `acquire(blocking, timeout)` of `lock` (`timeout` in seconds, -1 for none). Bad arguments
 * raise CPython's errors when the thread runs the step, where a generator's would.
 */
export function acquireStep(lock: LockCore, blocking: boolean, timeout: number): Step<boolean> {
  try {
    checkAcquireArgs(blocking, timeout);
  } catch (e) {
    return raising(e as Error);
  }
  const op = blocking ? new AcquireOp(lock, timeout === -1 ? undefined : toMicros(timeout), 1, undefined) : new TryAcquireOp(lock);
  noteCreated(op);
  return op;
}

/** The op that takes `lock` back after a Condition's wait, `count` levels deep, shown with `value`. */
export function restoreOp(lock: LockCore, count: number, value: string | undefined): Op {
  return new AcquireOp(lock, undefined, count, value);
}

/** `release()` of `lock`. */
export function releaseStep(lock: LockCore): Step<void> {
  const op = new ReleaseOp(lock);
  noteCreated(op);
  return op;
}

/** Steps that raise `error` when the thread runs them. */
function* raising(error: Error): Steps<never> {
  throw error;
}
