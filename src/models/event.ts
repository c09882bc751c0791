/**
 * Model of `threading.Event`.
 *
 * Mirrors: an internal flag, initially false; `set()` sets it and wakes every thread waiting
 * now; `clear()` resets it; `is_set()` reads it; `wait(timeout=None)` returns True at once when
 * the flag is set, else blocks until a `set()` (True) or the timeout (False). A `set()`
 * followed at once by `clear()` still wakes the threads that were waiting: they return True
 * although the flag is false again (CPython's Condition-based implementation does the same).
 * A timeout and a `set()` due at the same instant are both possible outcomes: the policy
 * chooses.
 * Does not mirror: `isSet`, the camelCase alias.
 */
import { runtime } from '../scheduler/context.js';
import type { Op, Steps } from '../scheduler/ops.js';
import { toMicros } from './time.js';
import { WaiterList, type Waiter } from './waiters.js';

/** Model of `threading.Event`. */
export class Event {
  /** Name in traces: `Event#1`, or the name given. */
  readonly id: string;
  private flag = false;
  private readonly waiters: WaiterList;

  constructor(options: { readonly name?: string } = {}) {
    const rt = runtime('Event()');
    this.id = options.name ?? `Event#${rt.counter('Event')}`;
    this.waiters = new WaiterList(this.id);
  }

  /** `is_set()`: one step that reads the flag. */
  *is_set(): Steps<boolean> {
    const op: Op = { kind: 'read', obj: this.id, access: 'sync', run: () => this.flag };
    return (yield op) as boolean;
  }

  /** `set()`: set the flag and wake every waiter. */
  *set(): Steps<void> {
    const op: Op = {
      kind: 'set',
      obj: this.id,
      access: 'sync',
      run: (k) => {
        this.flag = true;
        this.waiters.notify(k, Infinity);
      },
    };
    yield op;
  }

  /** `clear()`: reset the flag; threads woken already stay woken. */
  *clear(): Steps<void> {
    const op: Op = {
      kind: 'clear',
      obj: this.id,
      access: 'sync',
      run: () => {
        this.flag = false;
      },
    };
    yield op;
  }

  /** `wait(timeout=None)`: True once set (or set while waiting), False on timeout. */
  *wait(timeout: number | null = null): Steps<boolean> {
    const check: Op = {
      kind: 'wait',
      obj: this.id,
      access: 'sync',
      run: () => (this.flag ? true : this.waiters.add()),
    };
    const first = (yield check) as true | Waiter;
    if (first === true) return true;
    const waiter = first;
    const block: Op = {
      kind: 'wait',
      obj: this.id,
      access: 'sync',
      waitOn: waiter.queue,
      enabled: () => waiter.notified,
      ...(timeout === null ? {} : { timeout: toMicros(Math.max(0, timeout)) }),
      run: (_k, timedOut) => {
        if (!timedOut) return true;
        this.waiters.remove(waiter);
        return false;
      },
      describeWait: () => `${this.id} to be set`,
    };
    return (yield block) as boolean;
  }

  toString(): string {
    return `<threading.Event at ${this.id}: ${this.flag ? 'set' : 'unset'}>`;
  }
}
