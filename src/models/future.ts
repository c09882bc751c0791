/**
 * Model of `concurrent.futures.Future`.
 *
 * Mirrors: states PENDING, RUNNING, CANCELLED, FINISHED; `result(timeout)` and
 * `exception(timeout)` wait for completion, re-raise or return the task's exception, raise
 * `TimeoutError` on timeout (a negative timeout is zero) and `CancelledError` when cancelled;
 * `cancel()` succeeds only while pending (True again when cancelled already);
 * `add_done_callback(fn)` runs `fn(future)` at once when done, else in the thread that
 * completes it, as steps of that thread right after the completing step (CPython calls it
 * inside `set_result`, where threads still switch between its bytecodes; `fn` may be a
 * generator function that takes steps), and an exception from `fn` is logged as `exception calling callback for
 * <Future ...>` and swallowed; `set_result`/`set_exception` (for tests and hand-made futures)
 * raise `InvalidStateError` once done; `repr` as CPython's (`state=finished returned int`).
 * Completion happens-before every `result()` that returns it. `done()`, `running()` and
 * `cancelled()` are snapshots (plain calls, not steps), like Lock's `locked()`.
 * Does not mirror: a callback added after completion runs at once as a plain function (the
 * `.py` front end runs it as steps, as CPython does).
 */
import { runtime } from '../scheduler/context.js';
import { errorLine, exceptionLine, describeError } from '../scheduler/exception-line.js';
import { WaitQueue, type Kernel, type Op, type Steps } from '../scheduler/ops.js';
import { CancelledError, InvalidStateError, TimeoutError } from './exceptions.js';
import { callMaybeSteps } from './maybe-steps.js';
import { pyTypeName } from './py-compare.js';
import { toMicros } from './time.js';

type State = 'PENDING' | 'RUNNING' | 'CANCELLED' | 'FINISHED';

/** A done-callback: a plain function, or a generator function whose steps the completing thread runs. */
export type DoneCallback<R> = (f: Future<R>) => unknown;

/**
 * A thread waiting on several futures at once (`wait`, `as_completed`): CPython's `_Waiter`.
 * Completing futures append themselves to `finished` and wake `queue`.
 */
export interface FutureWaiter {
  readonly queue: WaitQueue;
  readonly finished: Future<unknown>[];
}

/** Model of `concurrent.futures.Future`. */
export class Future<R = unknown> {
  /** Name in traces: `Future#1`. */
  readonly id: string;
  private state: State = 'PENDING';
  private value: R | undefined;
  private error: unknown;
  private failed = false;
  private readonly waiters: WaitQueue;
  private readonly callbacks: DoneCallback<R>[] = [];
  /** Callbacks made due by the completion, run by the completing thread ({@link runCallbacks}). */
  private readonly due: DoneCallback<R>[] = [];
  private readonly watchers: FutureWaiter[] = [];
  /** A done-callback was handed this future after it failed: the exception was seen. */
  private callbackSawError = false;

  constructor() {
    this.id = `Future#${runtime('Future()').counter('Future')}`;
    this.waiters = new WaitQueue(this.id);
  }

  /** `done()`: finished or cancelled (a snapshot, not a step). */
  done(): boolean {
    return this.state === 'FINISHED' || this.state === 'CANCELLED';
  }
  /** `running()` (a snapshot). */
  running(): boolean {
    return this.state === 'RUNNING';
  }
  /** `cancelled()` (a snapshot). */
  cancelled(): boolean {
    return this.state === 'CANCELLED';
  }
  /** Finished with an exception (CPython's waiters ask this for FIRST_EXCEPTION). */
  raisedException(): boolean {
    return this.state === 'FINISHED' && this.failed;
  }

  /** `cancel()`: one step; true when the future was pending (or is cancelled already). */
  *cancel(): Steps<boolean> {
    const op: Op = { kind: 'set', obj: this.id, access: 'sync', value: 'cancel', run: (k) => this.cancelNow(k) };
    const cancelled = (yield op) as boolean;
    yield* this.runCallbacks();
    return cancelled;
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
    yield this.waitOp('exception', timeout);
    if (this.state === 'CANCELLED') throw new CancelledError();
    return this.failed ? this.error : undefined;
  }

  /**
   * `add_done_callback(fn)`: runs now if done (a plain function), else in the thread that
   * completes the future, as its steps right after the completing step ({@link runCallbacks}).
   */
  add_done_callback(fn: DoneCallback<R>): void {
    if (this.done()) this.invoke(runtime('add_done_callback()'), fn);
    else this.callbacks.push(fn);
  }

  /**
   * The done-callbacks that completing this future made due, run as steps of the completing
   * thread, each exception logged as CPython logs it. Whoever completes a future (a worker,
   * `set_result`, `cancel`, a shutdown that cancels) calls this right after the completing step.
   */
  *runCallbacks(): Steps<void> {
    while (this.due.length > 0) yield* this.runCallback(this.due.shift()!);
  }

  /**
   * `add_done_callback(fn)` taking steps: when the future is done, `fn` runs at once as steps
   * of this thread (CPython calls it inside add_done_callback); otherwise as
   * {@link add_done_callback}.
   */
  *addDoneCallback(fn: DoneCallback<R>): Steps<void> {
    if (this.done()) yield* this.runCallback(fn);
    else this.callbacks.push(fn);
  }

  /** One done-callback as steps of the running thread, its exception logged as CPython logs it. */
  private *runCallback(fn: DoneCallback<R>): Steps<void> {
    this.callbackRan();
    try {
      yield* callMaybeSteps(() => fn(this));
    } catch (e) {
      if (e instanceof Error && e.name === 'ThreadsimError') throw e;
      const op: Op = { kind: 'log', obj: undefined, access: 'none', value: 'exception calling callback', run: (k) => this.callbackFailed(k, e) };
      yield op;
    }
  }

  /** `set_result(value)`: complete by hand (one step, then the done-callbacks). */
  *set_result(value: R): Steps<void> {
    yield this.setOp('set_result', { value });
    yield* this.runCallbacks();
  }

  /** `set_exception(error)`: complete with an exception by hand (one step, then the done-callbacks). */
  *set_exception(error: unknown): Steps<void> {
    yield this.setOp('set_exception', { error });
    yield* this.runCallbacks();
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

  /** Register a multi-future waiter (`wait`, `as_completed`). */
  addWatcher(w: FutureWaiter): void {
    this.watchers.push(w);
  }

  /** Unregister a multi-future waiter. */
  removeWatcher(w: FutureWaiter): void {
    const i = this.watchers.indexOf(w);
    if (i >= 0) this.watchers.splice(i, 1);
  }

  private complete(k: Kernel): void {
    k.wake(this.waiters);
    for (const w of this.watchers) {
      w.finished.push(this as Future<unknown>);
      k.wake(w.queue);
    }
    for (const cb of this.callbacks.splice(0)) this.due.push(cb);
  }

  /** Call a done-callback; like CPython, log its exception instead of raising it. */
  private invoke(k: Kernel, fn: DoneCallback<R>): void {
    this.callbackRan();
    try {
      fn(this);
    } catch (e) {
      if (e instanceof Error && e.name === 'ThreadsimError') throw e;
      this.callbackFailed(k, e);
    }
  }

  /** A done-callback was handed this future: a failure it holds counts as seen. */
  private callbackRan(): void {
    if (this.failed) this.callbackSawError = true;
  }

  /** Log a done-callback's exception as CPython does (`exception calling callback for <Future ...>`). */
  private callbackFailed(k: Pick<Kernel, 'emit'>, e: unknown): void {
    const { type, detail } = describeError(e);
    k.emit('ERROR', 40, `exception calling callback for ${String(this)}`);
    k.emit('stderr', 40, 'Traceback (most recent call last):');
    k.emit('stderr', 40, exceptionLine(type, detail));
  }

  private setOp(what: string, outcome: { value: R } | { error: unknown }): Op {
    const op: Op = {
      kind: 'set',
      obj: this.id,
      access: 'sync',
      value: what,
      run: (k) => {
        if (this.done()) throw new InvalidStateError(`${this.state}: ${String(this)}`);
        this.settle(k, outcome);
      },
    };
    return 'error' in outcome ? this.withError(op, outcome.error) : op;
  }

  /**
   * `op`, which completes this future with `error`, given the `Op.error` that analyses read to
   * find exceptions nobody saw: read when they ask (at the end of the run), it is undefined
   * once a done-callback has been handed the failed future.
   */
  withError(op: Op, error: unknown): Op {
    const line = errorLine(error);
    return Object.defineProperty(op, 'error', { get: () => (this.callbackSawError ? undefined : line), enumerable: true });
  }

  private waitOp(what: string, timeout: number | null): Op {
    return {
      kind: 'result',
      obj: this.id,
      access: 'sync',
      ...(what === 'result' ? {} : { value: what }),
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
    if (this.state !== 'FINISHED') return `<Future at ${this.id} state=${this.state.toLowerCase()}>`;
    if (this.failed) return `<Future at ${this.id} state=finished raised ${describeError(this.error).type}>`;
    return `<Future at ${this.id} state=finished returned ${pyTypeName(this.value)}>`;
  }
}
