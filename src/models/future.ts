/**
 * Model of `concurrent.futures.Future`.
 *
 * Mirrors: states PENDING, RUNNING, CANCELLED, FINISHED; `result(timeout)` and
 * `exception(timeout)` wait for completion, re-raise or return the task's exception, raise
 * `TimeoutError` on timeout and `CancelledError` when cancelled; `cancel()` succeeds only
 * while pending; `add_done_callback` runs at once when already done, else in the completing
 * thread. Completion happens-before every `result()` that returns it.
 * Does not mirror: `set_result` by user code outside an executor (use the executor).
 */
import { runtime } from '../scheduler/context.ts';
import { WaitQueue, type Kernel, type Op, type Steps } from '../scheduler/ops.ts';
import { CancelledError, TimeoutError } from './exceptions.ts';
import { toMicros } from './time.ts';

type State = 'PENDING' | 'RUNNING' | 'CANCELLED' | 'FINISHED';

/** Model of `concurrent.futures.Future`. */
export class Future<R = unknown> {
  /** Name in traces: `Future#1`. */
  readonly id: string;
  private state: State = 'PENDING';
  private value: R | undefined;
  private error: unknown;
  private failed = false;
  private readonly waiters: WaitQueue;
  private readonly callbacks: ((f: Future<R>) => void)[] = [];

  constructor() {
    this.id = `Future#${runtime('Future()').counter('Future')}`;
    this.waiters = new WaitQueue(this.id);
  }

  /** `done()`: finished or cancelled (a snapshot, not a step). */
  done(): boolean {
    return this.state === 'FINISHED' || this.state === 'CANCELLED';
  }
  /** `running()`. */
  running(): boolean {
    return this.state === 'RUNNING';
  }
  /** `cancelled()`. */
  cancelled(): boolean {
    return this.state === 'CANCELLED';
  }

  /** `cancel()`: one step; true when the future was pending (or is cancelled already). */
  *cancel(): Steps<boolean> {
    const op: Op = { kind: 'set', obj: this.id, access: 'sync', value: 'cancel', run: (k) => this.cancelNow(k) };
    return (yield op) as boolean;
  }

  /** Cancel inside the current step (executors use it for `cancel_futures`). */
  cancelNow(k: Kernel): boolean {
    if (this.state === 'RUNNING' || this.state === 'FINISHED') return false;
    if (this.state === 'CANCELLED') return true;
    this.state = 'CANCELLED';
    this.complete(k);
    return true;
  }

  /** `result(timeout=None)`: wait, then return the value or raise the task's exception. */
  *result(timeout: number | null = null): Steps<R> {
    yield this.waitOp('result', timeout);
    if (this.state === 'CANCELLED') throw new CancelledError();
    if (this.failed) throw this.error;
    return this.value as R;
  }

  /** `exception(timeout=None)`: wait, then return the task's exception or None (undefined). */
  *exception(timeout: number | null = null): Steps<unknown> {
    yield this.waitOp('result', timeout);
    if (this.state === 'CANCELLED') throw new CancelledError();
    return this.failed ? this.error : undefined;
  }

  /** `add_done_callback(fn)`: runs now if done, else in the thread that completes the future. */
  add_done_callback(fn: (f: Future<R>) => void): void {
    if (this.done()) fn(this);
    else this.callbacks.push(fn);
  }

  /** Executor side: mark running; false when the future was cancelled first. */
  setRunningOrNotifyCancel(): boolean {
    if (this.state === 'CANCELLED') return false;
    this.state = 'RUNNING';
    return true;
  }

  /** Executor side: complete with a value or an exception inside the current step. */
  settle(k: Kernel, outcome: { value: R } | { error: unknown }): void {
    if ('error' in outcome) {
      this.failed = true;
      this.error = outcome.error;
    } else {
      this.value = outcome.value;
    }
    this.state = 'FINISHED';
    this.complete(k);
  }

  private complete(k: Kernel): void {
    k.wake(this.waiters);
    for (const cb of this.callbacks.splice(0)) cb(this);
  }

  private waitOp(kind: 'result', timeout: number | null): Op {
    return {
      kind,
      obj: this.id,
      access: 'sync',
      waitOn: this.waiters,
      enabled: () => this.done(),
      ...(timeout === null ? {} : { timeout: toMicros(Math.max(0, timeout)) }),
      run: (_k, timedOut) => {
        if (timedOut) throw new TimeoutError();
      },
      describeWait: () => `${this.id} to complete`,
    };
  }

  toString(): string {
    return `<Future at ${this.id} state=${this.state.toLowerCase()}>`;
  }
}
