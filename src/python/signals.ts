/**
 * The interpreter's control signals and sentinels, shared by its modules: how a statement
 * ends (normal, break, continue, return), the markers of the fast paths (SLOW, PENDING), the
 * end of the module after a failed claim, and the errors a program's `except` never sees.
 */
import type { Steps } from '../scheduler/ops.js';
import { AccessOp } from './access.js';
import type { CompileSupport } from './compile.js';
import { PyFunction, PyStepIterator } from './values.js';

/** How a statement list ended: normally, by `break`, by `continue` or by `return`. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
/** One of {@link NORMAL}, {@link BREAK}, {@link CONTINUE}, {@link RETURN}. */
export type Signal = 0 | 1 | 2 | 3;

/** Thrown to end the module after a failed claim (see program.ts). */
export const STOP_MODULE = Symbol('stop module');

/** Sentinel: an expression needs the generator path. */
export const SLOW = Symbol('slow');

/** The prototype every generator object's prototype inherits from (the fast test of {@link isGen}). */
const GENERATOR_PROTOTYPE: unknown = Object.getPrototypeOf(function* () {}).prototype;

/** Whether a builtin returned steps (a generator) rather than a value. */
export const isGen = (x: unknown): x is Steps<unknown> =>
  typeof x === 'object' &&
  x !== null &&
  (Object.getPrototypeOf(Object.getPrototypeOf(x)) === GENERATOR_PROTOTYPE || (typeof (x as Generator).next === 'function' && typeof (x as Generator).throw === 'function' && Symbol.iterator in (x as object)));

/** Marker of {@link Interp.callQuick}: the call returned steps, left in `pending` for the caller to run. */
export const PENDING = Symbol('pending');

/** Whether `e` is one of threadsim's own errors (the catalogue's), not a Python exception. */
function isThreadsimError(e: unknown): boolean {
  return e instanceof Error && e.name === 'ThreadsimError';
}

/** Errors a program's `except` and `with` never see: threadsim's own, and the end of the module after a failed claim. */
export function uncatchable(e: unknown): boolean {
  return e === STOP_MODULE || isThreadsimError(e);
}

/** What compiled blocks read besides the interpreter (see compile.ts). */
export const SUPPORT: CompileSupport = { SLOW, PENDING, PyStepIterator, PyFunction, AccessOp };
