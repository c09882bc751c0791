/**
 * Raising and handling exceptions: `raise`, `try`/`except`/`else`/`finally`, `with` (its
 * `__exit__` sees the exception and may suppress it), and exception objects' messages.
 */
import type { PyNode } from './ast.js';
import { enter } from './calls.js';
import { BaseException, Exception, exceptionClass, isInstanceOfClass, pyRaise, pyValueOf, raiseable } from './exceptions.js';
import type { Frame, Interp } from './interp.js';
import { NORMAL, type Signal, uncatchable } from './signals.js';
import { PyClass, PyFunction, PyInstance, PyTuple } from './values.js';

/** A `raise` statement's error (to throw): a bare `raise` re-raises what is being handled. */
export function* raiseStmt(I: Interp, s: PyNode, f: Frame): Generator<never, unknown, unknown> {
  if (!s.exc) {
    if (f.handling === undefined) return pyRaise('RuntimeError', 'No active exception to reraise');
    return f.handling;
  }
  let v = yield* I.ev(s.exc as PyNode, f);
  if (v instanceof PyClass) v = yield* I.call(v, [], undefined);
  if (!(v instanceof PyInstance) || !isInstanceOfClass(v, BaseException)) return pyRaise('TypeError', 'exceptions must derive from BaseException');
  if (s.cause) v.dict.set('__cause__', yield* I.ev(s.cause as PyNode, f));
  return raiseable(v, yield* I.excMessage(v));
}

/** The message of an exception object (its `str`). */
export function* excMessage(I: Interp, v: PyInstance): Generator<never, string, unknown> {
  if (v.cls.lookup('__str__') instanceof PyFunction) return yield* I.str(v);
  const args = v.dict.get('args');
  const items = args instanceof PyTuple ? args.items : [];
  if (items.length === 0) return '';
  if (items.length === 1) return v.cls.isSubclassOf(exceptionClass('KeyError')!) ? yield* I.reprOf(items[0]) : yield* I.str(items[0]);
  return I.repr(args);
}

/** A new exception object of class `cls` with `args`, as the JavaScript error that carries it. */
export function* makeException(I: Interp, cls: PyClass, args: unknown[]): Generator<never, unknown, unknown> {
  const inst = (yield* I.call(cls, args, undefined)) as PyInstance;
  return raiseable(inst, yield* I.excMessage(inst));
}

/** `try` with its `except` clauses, `else` and `finally` (a return, break or continue in `finally` wins). */
export function* tryStmt(I: Interp, s: PyNode, f: Frame): Generator<never, Signal, unknown> {
  const finalbody = s.finalbody as PyNode[];
  let sig: Signal = NORMAL;
  let raised = false;
  let error: unknown;
  try {
    let failed = false;
    try {
      sig = yield* I.block(s.body as PyNode[], f);
    } catch (e) {
      if (uncatchable(e)) throw e;
      failed = true;
      const handled = yield* I.handle(s, f, e);
      if (handled === undefined) throw e;
      sig = handled;
    }
    if (!failed && sig === NORMAL) sig = yield* I.block(s.orelse as PyNode[], f);
  } catch (e) {
    if (uncatchable(e) || finalbody.length === 0) throw e;
    raised = true;
    error = e;
  }
  if (finalbody.length > 0) {
    const ret = f.ret;
    const at = f.line;
    const fin = yield* I.block(finalbody, f);
    // A return, break or continue in `finally` wins over what was pending.
    if (fin !== NORMAL) return fin;
    f.ret = ret;
    if (raised) {
      // The traceback names the line that raised, not the last line `finally` ran.
      f.line = at;
      throw error;
    }
  }
  return sig;
}

/** Run the matching `except` clause for `e`; undefined when none matches. */
export function* handle(I: Interp, s: PyNode, f: Frame, e: unknown): Generator<never, Signal | undefined, unknown> {
  const value = pyValueOf(e, (v) => I.strSync(v));
  for (const h of s.handlers as PyNode[]) {
    if (h.type) {
      const t = yield* I.ev(h.type as PyNode, f);
      const classes = t instanceof PyTuple ? t.items : [t];
      if (!classes.some((c) => c instanceof PyClass && isInstanceOfClass(value, c))) continue;
    } else if (!isInstanceOfClass(value, Exception) && !isInstanceOfClass(value, BaseException)) {
      continue;
    }
    if (h.name) yield* I.store(String(h.name), value, f, h.lineno!);
    const before = f.handling;
    f.handling = e;
    try {
      return yield* I.block(h.body as PyNode[], f);
    } finally {
      f.handling = before;
    }
  }
  return undefined;
}

/** A `with` statement from its `index`-th item on: `__enter__`, the rest, then `__exit__` (which may suppress the error). */
export function* withStmt(I: Interp, s: PyNode, f: Frame, index: number): Generator<never, Signal, unknown> {
  const items = s.items as PyNode[];
  if (index >= items.length) return yield* I.block(s.body as PyNode[], f);
  const item = items[index]!;
  const mgr = yield* I.ev(item.context_expr as PyNode, f);
  const enter = I.getAttrStatic(mgr, '__enter__', item.context_expr as PyNode);
  const exit = I.getAttrStatic(mgr, '__exit__', item.context_expr as PyNode);
  const value = yield* I.call(enter, [], undefined);
  if (item.optional_vars) yield* I.assign(item.optional_vars as PyNode, value, f);
  let sig: Signal;
  try {
    sig = yield* withStmt(I, s, f, index + 1);
  } catch (e) {
    if (uncatchable(e)) throw e;
    const v = pyValueOf(e, (x) => I.strSync(x));
    const suppress = yield* I.call(exit, [v.cls, v, null], undefined);
    if (!(yield* I.truthy(suppress))) throw e;
    return NORMAL;
  }
  yield* I.call(exit, [null, null, null], undefined);
  return sig;
}
