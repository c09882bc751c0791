/**
 * Model of `threading.Semaphore`.
 *
 * Mirrors: `Semaphore(value=1)` (`ValueError: semaphore initial value must be >= 0`);
 * `acquire(blocking=True, timeout=None)` returns True, or False when non-blocking or timed out
 * (a timeout <= 0 is one try; `ValueError: can't specify timeout for non-blocking acquire`);
 * `release(n=1)` (`ValueError: n must be one or more`) adds n and wakes the n oldest waiters,
 * as CPython's `notify(n)` does. A woken waiter still races with threads arriving at
 * `acquire`; one that loses waits again at the back, as in CPython. Any thread may release.
 * Does not mirror: the internal Condition's own steps (CPython's implementation detail).
 */
import { currentRuntime, runtime } from '../scheduler/context.js';
import { WaitQueue, type Kernel, type Op, type Steps } from '../scheduler/ops.js';
import { counted } from './available.js';
import { ValueError } from './exceptions.js';
import { holding } from './lock-protocol.js';
import { toMicros } from './time.js';

/** Model of `threading.Semaphore`. */
export class Semaphore {
  /** Name in traces: `Semaphore#1`, or the name given. */
  readonly id: string;
  protected value: number;
  private readonly waiters: WaitQueue;

  constructor(value = 1, options: { readonly name?: string } = {}) {
    const rt = currentRuntime() ?? runtime(`${new.target.name}()`);
    if (value < 0) throw new ValueError('semaphore initial value must be >= 0');
    this.value = value;
    this.id = options.name ?? `${new.target.name}#${rt.counter(new.target.name)}`;
    this.waiters = new WaitQueue(this.id);
  }

  /** `acquire(blocking=True, timeout=None)`. */
  *acquire(blocking = true, timeout: number | null = null): Steps<boolean> {
    if (!blocking && timeout !== null) throw new ValueError("can't specify timeout for non-blocking acquire");
    const take = (): boolean => {
      this.value--;
      return true;
    };
    const op: Op = blocking
      ? {
          kind: 'acquire',
          obj: this.id,
          access: 'sync',
          takes: true,
          waitOn: this.waiters,
          enabled: () => this.value > 0,
          ...(timeout === null ? {} : { timeout: toMicros(Math.max(0, timeout)) }),
          run: (_k, timedOut) => (timedOut ? false : take()),
          describeWait: () => `${this.id} (value 0)`,
        }
      : { kind: 'acquire', obj: this.id, access: 'sync', value: 'non-blocking', run: () => (this.value > 0 ? take() : false) };
    return (yield counted(op, () => this.value)) as boolean;
  }

  /** `release(n=1)`: add n and wake up to n waiters. */
  *release(n = 1): Steps<void> {
    if (n < 1) throw new ValueError('n must be one or more');
    const op: Op = {
      kind: 'release',
      obj: this.id,
      access: 'sync',
      ...(n === 1 ? {} : { value: n }),
      run: (k) => this.add(k, n),
    };
    yield counted(op, () => this.value);
  }

  /** Python's `with sem:` block. */
  with<R>(body: () => Steps<R>): Steps<R> {
    return holding(this, body);
  }

  /** Add `n` inside the current step and notify n waiters. */
  protected add(k: Kernel, n: number): void {
    this.value += n;
    k.wake(this.waiters, n);
  }

  toString(): string {
    return `<threading.${this.constructor.name} at ${this.id}: value=${this.value}>`;
  }
}
