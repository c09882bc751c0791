/**
 * Model of `threading.Timer`.
 *
 * Mirrors: a Thread subclass named `Thread-N` (no target suffix, as in CPython) that, once
 * started, waits `interval` seconds on its `finished` Event, then calls `fn(...args)` unless
 * `cancel()` set the event first; `cancel()` after the call is a no-op. The wait and a
 * `cancel()` due at the same instant are both possible outcomes: the policy chooses.
 * Does not mirror: `kwargs` (pass arguments positionally).
 */
import type { Steps } from '../scheduler/ops.js';
import { Event } from './event.js';
import { Thread, type Target } from './thread.js';

/** Model of `threading.Timer`. */
export class Timer<A extends unknown[] = never[]> extends Thread<[]> {
  /** The Event that `cancel()` sets and the timer waits on. */
  readonly finished: Event;

  constructor(
    readonly interval: number,
    readonly fn: Target<A>,
    readonly fnArgs: A = [] as unknown as A,
    options: { readonly name?: string; readonly daemon?: boolean | null } = {},
  ) {
    super(options);
    this.finished = new Event({ name: `${this.name}.finished` });
  }

  /** `cancel()`: stop the timer if it has not fired yet. */
  cancel(): Steps<void> {
    return this.finished.set();
  }

  /** Wait for the interval, then call the function unless cancelled. */
  override *run(): Steps<unknown> {
    yield* this.finished.wait(this.interval);
    if (!(yield* this.finished.is_set())) yield* this.fn(...this.fnArgs);
    yield* this.finished.set();
    return undefined;
  }
}
