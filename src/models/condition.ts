/**
 * Model of `threading.Condition`.
 *
 * Mirrors: the default lock is an RLock; `wait(timeout=None)` and `wait_for(predicate,
 * timeout=None)` need the lock (`RuntimeError: cannot wait on un-acquired lock`), as do
 * `notify(n=1)` and `notify_all()` (`RuntimeError: cannot notify on un-acquired lock`); with a
 * plain Lock, "owned" means held by anyone, as in CPython. `wait` enters the waiter list,
 * releases the lock completely (an RLock's count is saved), blocks until notified or timed
 * out, then re-acquires the lock before returning True, or False on timeout. `notify(n)`
 * wakes the n oldest waiters (CPython's deque order) and keeps the lock: woken threads then
 * race for it. A notify with nobody waiting is lost. `wait_for` returns the predicate's last
 * value, waiting at most `timeout` seconds in total. A waiter whose timeout expires at the same
 * instant as a notify may see either: the policy chooses (and, as in CPython, a notify may
 * pick a waiter that has timed out but is still taking the lock back, and is then spent on it).
 * Does not mirror: `notifyAll`, the camelCase alias.
 */
import { runtime } from '../scheduler/context.js';
import type { Op, Step, Steps } from '../scheduler/ops.js';
import type { Runtime } from '../scheduler/runtime.js';
import { RuntimeError } from './exceptions.js';
import { holding, type ConditionLock } from './lock-protocol.js';
import { callMaybeSteps } from './maybe-steps.js';
import { RLock } from './rlock.js';
import { toMicros } from './time.js';
import { pyTruthy } from './truthy.js';
import { WaiterList } from './waiters.js';

/** A `wait_for` predicate: a plain function, or a generator function when it reads shared state. */
export type Predicate<T> = () => T | Steps<T>;

/** Model of `threading.Condition`. */
export class Condition {
  /** Name in traces: `Condition#1`, or the name given. */
  readonly id: string;
  /** The underlying lock (an RLock unless one was given). */
  readonly lock: ConditionLock;
  private readonly waiters: WaiterList;
  private readonly rt: Runtime;
  /** What-if runs only (`rememberNotifies`): notifies that found no waiter, kept for the next ones. */
  private unheard = 0;

  constructor(lock?: ConditionLock, options: { readonly name?: string } = {}) {
    this.rt = runtime('Condition()');
    this.lock = lock ?? new RLock();
    this.id = options.name ?? `Condition#${this.rt.counter('Condition')}`;
    this.waiters = new WaiterList(this.id);
  }

  /** `acquire(...)`: the underlying lock's acquire. */
  acquire(blocking = true, timeout = -1): Step<boolean> {
    return this.lock.acquire(blocking, timeout);
  }

  /** `release()`: the underlying lock's release. */
  release(): Step<void> {
    return this.lock.release();
  }

  /** Python's `with cond:` block. */
  with<R>(body: () => Steps<R>): Steps<R> {
    return holding(this.lock, body);
  }

  /** `wait(timeout=None)`: True when notified, False when the timeout passed first. */
  *wait(timeout: number | null = null): Steps<boolean> {
    const enter: Op = {
      kind: 'wait',
      obj: this.id,
      access: 'sync',
      value: 'enter',
      run: (k) => {
        if (!this.lock.isOwned(k)) throw new RuntimeError('cannot wait on un-acquired lock');
        const w = this.waiters.add();
        // A what-if run (explaining a deadlock) asks whether a remembered notify would have helped.
        if (this.unheard > 0) {
          this.unheard--;
          this.waiters.notify(k, 1);
        }
        return w;
      },
    };
    const waiter = (yield enter) as ReturnType<WaiterList['add']>;
    const release: Op = { kind: 'release', obj: this.lock.id, access: 'sync', exclusive: true, value: 'wait', run: (k) => this.lock.releaseSave(k) };
    const saved = yield release;
    const block: Op = {
      kind: 'wait',
      obj: this.id,
      access: 'sync',
      waitOn: waiter.queue,
      enabled: () => waiter.notified,
      ...(timeout === null ? {} : { timeout: toMicros(Math.max(0, timeout)) }),
      run: (_k, timedOut) => !timedOut,
      describeWait: () => `a notify on ${this.id}`,
    };
    const gotit = (yield block) as boolean;
    // As in CPython, a timed-out waiter takes the lock back before it leaves the waiter list,
    // so a notify meanwhile may still pick it (and is spent on it).
    yield this.lock.acquireRestoreOp(saved);
    if (!gotit) {
      const leave: Op = { kind: 'wait', obj: this.id, access: 'sync', value: 'timed out', run: () => this.waiters.remove(waiter) };
      yield leave;
    }
    return gotit;
  }

  /** `wait_for(predicate, timeout=None)`: wait until the predicate is true; its last value. */
  *wait_for<T>(predicate: Predicate<T>, timeout: number | null = null): Steps<T> {
    let endtime: number | undefined;
    let waittime = timeout;
    let result = yield* callMaybeSteps(predicate);
    while (!pyTruthy(result)) {
      if (waittime !== null) {
        const now = this.rt.now / 1e6;
        if (endtime === undefined) endtime = now + waittime;
        else {
          waittime = endtime - now;
          if (waittime <= 0) break;
        }
      }
      yield* this.wait(waittime);
      result = yield* callMaybeSteps(predicate);
    }
    return result;
  }

  /** `notify(n=1)`: wake the n oldest waiters; the lock stays held. */
  *notify(n = 1): Steps<void> {
    const op: Op = {
      kind: 'notify',
      obj: this.id,
      access: 'sync',
      value: n === Infinity ? 'all' : n,
      run: (k) => {
        if (!this.lock.isOwned(k)) throw new RuntimeError('cannot notify on un-acquired lock');
        // A what-if run (explaining a deadlock) asks whether waking everyone would have helped.
        const woken = this.waiters.notify(k, this.rt.settings.notifyAll === true ? Infinity : n);
        if (woken === 0 && n > 0 && this.rt.settings.rememberNotifies === true) this.unheard++;
        return woken;
      },
    };
    yield op;
  }

  /** `notify_all()`: wake every waiter. */
  notify_all(): Steps<void> {
    return this.notify(Infinity);
  }

  toString(): string {
    return `<Condition(${String(this.lock)}, ${this.waiters.length})>`;
  }
}
