/**
 * The inline runner: program code run where no step can be taken, inside the step that calls
 * it (a class's `__hash__` or `__eq__` during a dict or set lookup, a `__lt__` of a
 * PriorityQueue's heap, a `__repr__` for an error message). Its ops run at once, count in the
 * enclosing step's footprint (`Runtime.touch`), and may not wait.
 */
import type { Op } from '../scheduler/ops.js';
import { pyRaise } from './exceptions.js';
import type { Interp } from './interp.js';
import { uncatchable } from './signals.js';
import { PyBuiltin, PyInstance } from './values.js';

/**
 * Run program code where no step can be taken: a `__hash__` or `__eq__` that a dict or a
 * set calls in the middle of its own step (CPython calls it inside one C call), a `__lt__`
 * of a PriorityQueue's heap, a `__repr__` for a `KeyError`'s message. Its own ops (reads of
 * the object's attributes, a print, an append, a free lock's acquire) run at once, in order,
 * as part of that step: no other thread runs between them, and they are not steps of their
 * own (the race detector sees them through `Kernel.ranInside`). An op that would wait (a held lock, an empty queue, a sleep) cannot run inside a step
 * and raises a RuntimeError that says so.
 */
export function runInline(I: Interp, what: string, fn: unknown, args: unknown[]): unknown {
  const savedCheck = I.check;
  const savedAt = I.at;
  const k = I.k;
  const g = I.call(fn, args, undefined) as Generator<unknown, unknown, unknown>;
  try {
    let r = g.next();
    while (r.done !== true) {
      const op = r.value as Op;
      // What it touches counts in the enclosing step's footprint (exploration orders by it),
      // an op that would wait too: the step looked at its object (a held lock) and raised
      // because of what it saw, so the release that would have let it through races with it.
      k.touch?.(op.access === 'none' ? undefined : op.obj, op.access === 'write' || op.access === 'sync', op.kind === 'log');
      if (op.objs !== undefined) for (const o of op.objs) k.touch?.(o, op.access === 'write' || op.access === 'sync', false);
      const blocks = op.enabled !== undefined ? !op.enabled(k) : op.waitOn !== undefined;
      if (blocks) {
        const err = pyRaise('RuntimeError', `threadsim runs ${what} inside the step that calls it (a dict or set lookup, a list's in, index, remove or count, a PriorityQueue's put or get), where it cannot wait (${op.kind}${op.obj === undefined ? '' : ` ${op.obj}`}); move the waiting out of it`);
        try {
          g.return(undefined);
        } catch {
          // The generator's own cleanup failing does not hide the error above.
        }
        throw err;
      }
      let v: unknown;
      try {
        v = op.run(k, false);
      } catch (e) {
        k.ranInside?.(op, undefined, true);
        r = g.throw(e);
        continue;
      }
      k.ranInside?.(op, v, false);
      r = g.next(v);
    }
    return r.value;
  } finally {
    I.check = savedCheck;
    I.at = savedAt;
  }
}

/** `repr(v)` with a program `__repr__` run inline (see {@link runInline}): an error message made inside a step. */
export function reprInline(I: Interp, v: unknown): string {
  if (!(v instanceof PyInstance)) return I.repr(v);
  return String(I.runInline(`a class's __repr__`, new PyBuiltin('repr', (args) => I.reprOf(args[0])), [v]));
}

/**
 * The message of a KeyError raised inside a step for `key`: its repr, run inline. CPython
 * makes it only when the error is shown; threadsim makes it when the error is raised (the
 * engine reads a message as it records a step), so a `__repr__` that raises must not replace
 * the KeyError: it is raised all the same, with the text CPython shows for it then
 * (`KeyError: <exception str() failed>`), and `str(e)` runs the `__repr__` again, as CPython's does.
 */
export function keyErrorText(I: Interp, key: unknown): string {
  try {
    return reprInline(I, key);
  } catch (e) {
    if (uncatchable(e)) throw e;
    return '<exception str() failed>';
  }
}

/** `a < b` with program `__lt__`s run inline (see {@link runInline}): a PriorityQueue's order. */
export function lessInline(I: Interp, a: unknown, b: unknown): boolean {
  const fn = new PyBuiltin('__lt__', (args) => I.compare('Lt', args[0], args[1]));
  return I.runInline(`a class's __lt__`, fn, [a, b]) === true;
}

/** `a == b` with program `__eq__`s run inline (see {@link runInline}). */
export function runInlineEq(I: Interp, a: unknown, b: unknown): boolean {
  const fn = new PyBuiltin('__eq__', (args) => I.equal(args[0], args[1]));
  return I.runInline(`a class's __eq__`, fn, [a, b]) === true;
}
