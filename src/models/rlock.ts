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
import { WaitQueue, type Kernel, type Op, type Steps, type ThreadRecord } from '../scheduler/ops.js';
import { RuntimeError } from './exceptions.js';
import { checkAcquireArgs } from './lock.js';
import { holding, type ConditionLock } from './lock-protocol.js';
import { identOf } from './thread.js';
import { toMicros } from './time.js';

/** Model of `threading.RLock`. */
export class RLock implements ConditionLock {
  /** Name in traces: `RLock#1`, or the name given. */
  readonly id: string;
  private owner: ThreadRecord | undefined;
  private count = 0;
  private readonly waiters: WaitQueue;

  constructor(options: { readonly name?: string } = {}) {
    const rt = runtime('RLock()');
    this.id = options.name ?? `RLock#${rt.counter('RLock')}`;
    this.waiters = new WaitQueue(this.id);
  }

  /** `acquire(blocking=True, timeout=-1)`: re-entrant for the owner. */
  *acquire(blocking = true, timeout = -1): Steps<boolean> {
    checkAcquireArgs(blocking, timeout);
    const op: Op = blocking
      ? this.blockingOp(timeout === -1 ? undefined : toMicros(timeout), 1)
      : {
          kind: 'acquire',
          obj: this.id,
          access: 'sync',
          exclusive: true,
          value: 'non-blocking',
          run: (k) => (this.free(k) ? this.take(k, 1) : false),
        };
    return (yield op) as boolean;
  }

  /** `release()`: only the owner may release; the last release frees the lock. */
  *release(): Steps<void> {
    const op: Op = {
      kind: 'release',
      obj: this.id,
      access: 'sync',
      exclusive: true,
      run: (k) => {
        if (this.owner !== k.current || this.count === 0) throw new RuntimeError('cannot release un-acquired lock');
        this.count--;
        if (this.count === 0) this.drop(k);
      },
    };
    yield op;
  }

  /** Python's `with rlock:` block. */
  with<R>(body: () => Steps<R>): Steps<R> {
    return holding(this, body);
  }

  /** True when the current thread owns the lock. */
  isOwned(k: Kernel): boolean {
    return this.count > 0 && this.owner === k.current;
  }

  /** Release completely (whatever the count), returning the count to restore. */
  releaseSave(k: Kernel): unknown {
    if (this.count === 0) throw new RuntimeError('cannot release un-acquired lock');
    const saved = this.count;
    this.count = 0;
    this.drop(k);
    return saved;
  }

  /** Blocking re-acquire with the saved recursion count. */
  acquireRestoreOp(saved: unknown): Op {
    return this.blockingOp(undefined, typeof saved === 'number' ? saved : 1);
  }

  private blockingOp(timeout: number | undefined, count: number): Op {
    return {
      kind: 'acquire',
      obj: this.id,
      access: 'sync',
      exclusive: true,
      waitOn: this.waiters,
      enabled: (k) => this.free(k),
      ...(timeout === undefined ? {} : { timeout }),
      run: (k, timedOut) => (timedOut ? false : this.take(k, count)),
      describeWait: () => `${this.id} held by ${this.owner?.name ?? 'nobody'}`,
    };
  }

  /** Free for the current thread: unowned, or owned by it. */
  private free(k: Kernel): boolean {
    return this.count === 0 || this.owner === k.current;
  }

  private take(k: Kernel, count: number): boolean {
    if (this.owner === k.current && this.count > 0) this.count += count;
    else {
      this.owner = k.current;
      this.count = count;
    }
    return true;
  }

  private drop(k: Kernel): void {
    this.owner = undefined;
    k.wake(this.waiters);
  }

  toString(): string {
    return `<${this.count > 0 ? 'locked' : 'unlocked'} _thread.RLock object owner=${this.owner === undefined ? 0 : identOf(this.owner)} count=${this.count} at ${this.id}>`;
  }
}
