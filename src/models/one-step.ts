/**
 * One-step primitives: an op that is also its own iterator, so `yield* db.get('x')` or
 * `yield* t.start()` delegates to the op itself instead of to a fresh generator object (a
 * generator and its iterator results were a measurable share of a short run's cost).
 * Protocol: the first `next()` yields the op; the second returns what the engine sent back;
 * `throw` rethrows into the delegating thread, as a generator would.
 */
import type { Access, Op, OpKind } from '../scheduler/ops.js';

/** The iterator result every {@link OneStep} returns, refilled on each call (read it before the next). */
const STEP_RESULT: { value: unknown; done: boolean } = { value: undefined, done: false };

/** Base class of an op that is its own one-step iterator. */
export abstract class OneStep<R> implements Iterator<Op, R, unknown> {
  // Set by an assignment in the constructor, not a field initializer: an initializer defines
  // the property, and with more than four op classes sharing this base V8 took its slow path
  // for every op made (a fifth of a short lock-taking run).
  declare private started: boolean;
  constructor() {
    this.started = false;
  }
  /** True once a thread has yielded it (`yield*` started it). */
  get ran(): boolean {
    return this.started;
  }
  next(sent?: unknown): IteratorResult<Op, R> {
    // One result object for every op: `yield*` reads it at once and never keeps it, and a
    // fresh pair per step was a measurable share of a short run's garbage.
    const r = STEP_RESULT;
    if (this.started) {
      r.value = sent;
      r.done = true;
    } else {
      this.started = true;
      r.value = this;
      r.done = false;
    }
    return r as IteratorResult<Op, R>;
  }
  throw(e?: unknown): IteratorResult<Op, R> {
    throw e;
  }
  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * Give every op of class `cls` its `kind` and `access` through the class's prototype, not as
 * fields of each op: two fewer fields in every op of the hot path. (Declare them in the class
 * with `declare readonly kind: ...`.)
 */
export function opKind(cls: abstract new (...args: never[]) => Op, kind: OpKind, access: Access): void {
  Object.defineProperties(cls.prototype, { kind: { value: kind }, access: { value: access } });
}
