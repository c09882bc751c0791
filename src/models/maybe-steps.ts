/** Callbacks that may be plain functions or generator functions taking steps. */
import type { Steps } from '../scheduler/ops.js';

/** True when `x` is a running generator (the result of calling a generator function). */
export function isSteps<T>(x: unknown): x is Steps<T> {
  return typeof x === 'object' && x !== null && typeof (x as Steps<T>).next === 'function' && typeof (x as Steps<T>).throw === 'function';
}

/** Call `fn`; when it returned a generator, run its steps. Its result either way. */
export function* callMaybeSteps<T>(fn: () => T | Steps<T>): Steps<T> {
  const r = fn();
  if (isSteps<T>(r)) return yield* r;
  return r as T;
}
