/**
 * The execution whose thread is running right now. Model constructors (`new Lock()`,
 * `new Thread(...)`) are plain calls, not steps, yet need the execution's counters and current
 * thread; the engine sets this while it runs a thread's code and clears it afterwards.
 */
import { ThreadsimError } from '../errors.js';
import type { Runtime } from './runtime.js';

let active: Runtime | undefined;

/** Set by the engine around the code of one step. Not for models. */
export function setActiveRuntime(rt: Runtime | undefined): Runtime | undefined {
  const before = active;
  active = rt;
  return before;
}

/**
 * The running execution. Throws TSIM003 when called outside a thread (for instance at module
 * top level, or in a claim), naming `what` was attempted.
 */
export function runtime(what: string): Runtime {
  if (active === undefined) {
    throw new ThreadsimError(
      'TSIM003',
      `${what} was used outside a running thread`,
      'Create threading objects and call primitives inside the program\'s main function or a thread body, not at module top level.',
    );
  }
  return active;
}

/**
 * The running execution, or undefined outside a thread: for callers that name what they
 * attempted in a string built per call, so that they build it only for the error.
 */
export function currentRuntime(): Runtime | undefined {
  return active;
}

/** An op that knows whether the engine has taken it yet (shared reads and writes). */
export interface TrackedOp {
  readonly ran: boolean;
  readonly kind: string;
  readonly obj?: string | undefined;
  readonly site?: string | undefined;
}

let created: TrackedOp | undefined;

/**
 * Called by a primitive that makes its op on call (a shared read or write), so that a call
 * written without `yield*` (the op made and dropped) is caught: the engine asks
 * {@link takeUnrun} after each stretch of a thread's code. Only the latest op is kept, which
 * is enough to catch the mistake wherever it recurs.
 */
export function noteCreated(op: TrackedOp): void {
  created = op;
}

/** The op made during the stretch of code that just ended and never yielded, if any. */
export function takeUnrun(): TrackedOp | undefined {
  const c = created;
  created = undefined;
  return c !== undefined && !c.ran ? c : undefined;
}
