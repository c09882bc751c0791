/**
 * Model of `threading.Lock`.
 *
 * Mirrors: `acquire(blocking=True, timeout=-1)` returning True/False, CPython's ValueErrors for
 * a timeout with a non-blocking call and for negative timeouts, `release()` of an unlocked
 * lock raising `RuntimeError: release unlocked lock`, release by any thread, self-deadlock on
 * re-acquire, `OverflowError` for a timeout above `TIMEOUT_MAX`. A release makes every waiter runnable and they race for the lock (no hand-off;
 * the releaser may take it back first): who wins is the policy's choice.
 * Does not mirror: lock fairness of any real OS.
 */
import { runtime } from '../scheduler/context.js';
import { WaitQueue, type Kernel, type Op, type Step, type Steps, type ThreadRecord } from '../scheduler/ops.js';
import { RuntimeError } from './exceptions.js';
import { acquireStep, releaseStep, restoreOp, type LockCore } from './lock-ops.js';

export { TIMEOUT_MAX } from './lock-ops.js';
import { holding, type ConditionLock } from './lock-protocol.js';

/**
 * Model of `threading.Lock`.
 *
 * @example
 * ```ts
 * const lock = new Lock();
 * yield* lock.with(function* () {    // with lock:
 *   const n = yield* stats.get('hits');
 *   yield* stats.set('hits', n + 1);
 * });
 * ```
 */
export class Lock implements ConditionLock {
  /** Name in traces: `Lock#1`, or the name given. */
  readonly id: string;
  private readonly state: LockState;

  constructor(options: { readonly name?: string } = {}) {
    const rt = runtime('Lock()');
    this.id = options.name ?? `Lock#${rt.counter('Lock')}`;
    this.state = new LockState(this.id);
  }

  /** `locked()`: a snapshot, not a step. */
  locked(): boolean {
    return this.state.held;
  }

  /** `acquire(blocking=True, timeout=-1)`. */
  acquire(blocking = true, timeout = -1): Step<boolean> {
    return acquireStep(this.state, blocking, timeout);
  }

  /** `release()`: any thread may release; waiters race for the lock afterwards. */
  release(): Step<void> {
    return releaseStep(this.state);
  }

  /** Python's `with lock:` block: acquire, run `body`, release even when it raises. */
  with<R>(body: () => Steps<R>): Steps<R> {
    return holding(this, body);
  }

  /** A plain Lock counts as owned by whoever asks while anyone holds it (CPython's `_is_owned`). */
  isOwned(_k: Kernel): boolean {
    return this.state.held;
  }

  /** Release inside the current step (a Condition's wait). */
  releaseSave(k: Kernel): unknown {
    this.state.free(k);
    return undefined;
  }

  /** Blocking re-acquire after a Condition's wait. */
  acquireRestoreOp(_saved: unknown): Op {
    return restoreOp(this.state, 1, 'restore');
  }

  toString(): string {
    return `<${this.state.held ? 'locked' : 'unlocked'} _thread.lock object at ${this.id}>`;
  }
}

/** A Lock's state and the changes its steps make (kept off the public class). */
class LockState implements LockCore {
  held = false;
  private holder: ThreadRecord | undefined;
  /** Made when a thread first waits for the lock: many locks are never contended. */
  private queue: WaitQueue | undefined;

  constructor(readonly id: string) {}

  get waitQueue(): WaitQueue {
    return (this.queue ??= new WaitQueue(this.id));
  }

  canTake(): boolean {
    return !this.held;
  }

  take(k: Kernel): boolean {
    this.held = true;
    this.holder = k.current;
    return true;
  }

  releaseNow(k: Kernel): void {
    if (!this.held) throw new RuntimeError('release unlocked lock');
    this.free(k);
  }

  free(k: Kernel): void {
    this.held = false;
    this.holder = undefined;
    if (this.queue !== undefined) k.wake(this.queue);
  }

  holderName(): string {
    return this.holder?.name ?? 'nobody';
  }
}
