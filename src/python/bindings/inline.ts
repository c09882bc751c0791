/**
 * Python code that CPython runs inside a C call, where threadsim's model has one step: a
 * PriorityQueue's heap calling an item's `__lt__`, a future's `set_result` calling its
 * done-callbacks. The code's own ops (a print, a read of an attribute, `fut.result()` on the
 * finished future, an append) run inside that step, in order, with its kernel: no other
 * thread can run between them, and the race detector sees them as part of the step. An op
 * that would block (a held lock, an empty queue, a sleep) cannot run inside a step, and is
 * refused with an error naming `what` and the step it runs in (`where`).
 */
import type { Kernel, Op } from '../../scheduler/ops.js';
import { pyRaise } from '../exceptions.js';

/** Run `g` to its end inside the current step; its return value. */
export function runInline(k: Kernel, g: Generator<unknown, unknown, unknown>, what: string, where: string): unknown {
  let r = g.next();
  while (r.done !== true) {
    const op = r.value as Op;
    // An op that could wait runs when it would not have to (the future is done, the lock free).
    const blocks = op.enabled !== undefined ? !op.enabled(k) : op.waitOn !== undefined;
    if (blocks) throw pyRaise('RuntimeError', `threadsim runs ${what} inside the step that ${where}, where it cannot wait (${op.kind}${op.obj === undefined ? '' : ` ${op.obj}`}); move the waiting out of it`);
    r = g.next(op.run(k, false));
  }
  return r.value;
}
