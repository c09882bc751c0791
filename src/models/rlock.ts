/**
 * Model of `threading.RLock`.
 *
 * Mirrors: an owner thread and a recursion count; the owner re-acquires without blocking and
 * must release as many times as it acquired; `release()` by a thread that does not own it, or
 * once too often, raises `RuntimeError: cannot release un-acquired lock`; `acquire` takes
 * Lock's arguments and raises Lock's ValueErrors. When the count drops to zero every waiter
 * becomes runnable and they race for it (the policy picks the winner).
 * Does not mirror: `_is_owned`/`_release_save` as public names (Condition uses them internally).
 */
import { runtime } from '../scheduler/context.js';
import { WaitQueue, type Kernel, type Op, type Step, type Steps, type ThreadRecord } from '../scheduler/ops.js';
import { RuntimeError } from './exceptions.js';
import { acquireStep, releaseStep, restoreOp, type LockCore } from './lock-ops.js';
import { holding, type ConditionLock } from './lock-protocol.js';
import { identOf } from './thread.js';

/** Model of `threading.RLock`. */
export class RLock implements ConditionLock {
  /** Name in traces: `RLock#1`, or the name given. */
  readonly id: string;
  private readonly state: RLockState;

  constructor(options: { readonly name?: string } = {}) {
    const rt = runtime('RLock()');
    this.id = options.name ?? `RLock#${rt.counter('RLock')}`;
    this.state = new RLockState(this.id);
  }

  /** `acquire(blocking=True, timeout=-1)`: re-entrant for the owner. */
  acquire(blocking = true, timeout = -1): Step<boolean> {
    return acquireStep(this.state, blocking, timeout);
  }

  /** `release()`: only the owner may release; the last release frees the lock. */
  release(): Step<void> {
    return releaseStep(this.state);
  }

  /** Python's `with rlock:` block. */
  with<R>(body: () => Steps<R>): Steps<R> {
    return holding(this, body);
  }

  /** True when the current thread owns the lock. */
  isOwned(k: Kernel): boolean {
    return this.state.count > 0 && this.state.owner === k.current;
  }

  /** Release completely (whatever the count), returning the count to restore. */
  releaseSave(k: Kernel): unknown {
    const s = this.state;
    if (s.count === 0) throw new RuntimeError('cannot release un-acquired lock');
    const saved = s.count;
    s.count = 0;
    s.drop(k);
    return saved;
  }

  /** Blocking re-acquire with the saved recursion count. */
  acquireRestoreOp(saved: unknown): Op {
    return restoreOp(this.state, typeof saved === 'number' ? saved : 1, undefined);
  }

  toString(): string {
    const s = this.state;
    return `<${s.count > 0 ? 'locked' : 'unlocked'} _thread.RLock object owner=${s.owner === undefined ? 0 : identOf(s.owner)} count=${s.count} at ${this.id}>`;
  }
}

/** An RLock's owner and recursion count, and the changes its steps make (kept off the public class). */
class RLockState implements LockCore {
  owner: ThreadRecord | undefined;
  count = 0;
  readonly waitQueue: WaitQueue;

  constructor(readonly id: string) {
    this.waitQueue = new WaitQueue(id);
  }

  /** Free for the current thread: unowned, or owned by it. */
  canTake(k: Kernel): boolean {
    return this.count === 0 || this.owner === k.current;
  }

  take(k: Kernel, count: number): boolean {
    if (this.owner === k.current && this.count > 0) this.count += count;
    else {
      this.owner = k.current;
      this.count = count;
    }
    return true;
  }

  releaseNow(k: Kernel): void {
    if (this.owner !== k.current || this.count === 0) throw new RuntimeError('cannot release un-acquired lock');
    this.count--;
    if (this.count === 0) this.drop(k);
  }

  drop(k: Kernel): void {
    this.owner = undefined;
    k.wake(this.waitQueue);
  }

  holderName(): string {
    return this.owner?.name ?? 'nobody';
  }
}
