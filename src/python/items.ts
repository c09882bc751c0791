/**
 * Subscription (`obj[key]`, `obj[key] = v`): a list's or dict's item is one access op on the
 * container; tuples, strings and ranges are immutable; `__getitem__`/`__setitem__` of program
 * classes, of threadsim's container subclasses, and generic aliases (`list[int]`).
 */
import { pyRaise } from './exceptions.js';
import { keyError, typeName } from './format.js';
import type { Interp } from './interp.js';
import { rangeItems } from './iteration.js';
import { numeric } from './keys.js';
import { isGen } from './signals.js';
import { builtinAlias, TypingForm } from './typing-forms.js';
import { isContainerSubclass, missingKey, PyBuiltin, PyClass, PyClassMethod, PyDict, PyFloat, PyInstance, PyList, PyRange, PyTuple } from './values.js';

/** What a dict subclass's read returns for a missing key, so that its `__missing__` runs after the step. */
const MISSING = Symbol('missing');

function normIndex(len: number, key: unknown, what: string, outOfRange = `${what} index out of range`): number {
  const k = numeric(key);
  if (k === undefined || key instanceof PyFloat) throw pyRaise('TypeError', `${what} indices must be integers or slices, not ${typeName(key, () => undefined)}`);
  const i = k < 0 ? k + len : k;
  if (i < 0 || i >= len) throw pyRaise('IndexError', outOfRange);
  return i;
}

function indexInto(items: readonly unknown[], key: unknown, what: string): unknown {
  if (typeof key === 'object' && key !== null && 'slice' in key) {
    const [lo, hi, st] = (key as { slice: unknown[] }).slice;
    const step = (st as number | null) ?? 1;
    const n = items.length;
    const norm = (x: unknown, d: number): number => {
      if (x === null) return d;
      const v = x as number;
      return v < 0 ? Math.max(0, v + n) : Math.min(v, n);
    };
    const out: unknown[] = [];
    if (step > 0) for (let i = norm(lo, 0); i < norm(hi, n); i += step) out.push(items[i]);
    else for (let i = lo === null ? n - 1 : Math.min(norm(lo, n - 1), n - 1); i > (hi === null ? -1 : norm(hi, -1)); i += step) out.push(items[i]);
    return what === 'tuple' ? new PyTuple(out) : what === 'string' ? out : new PyList(out);
  }
  return items[normIndex(items.length, key, what)];
}

/** `obj[key]`: one read op on a list or dict; tuples, strings and ranges directly; `__getitem__` and `__class_getitem__` otherwise. */
export function* getItem(I: Interp, obj: unknown, key: unknown, line: number): Generator<never, unknown, unknown> {
  if (obj instanceof PyList) {
    if (obj.constructor !== PyList) {
      const own = subclassDunder(I, obj, '__getitem__');
      if (own !== undefined) return yield* runDunder(I, own, [obj, key]);
    }
    const list = obj;
    return yield I.access('read', list.label, line, () => indexInto(list.items, key, 'list')) as never;
  }
  if (obj instanceof PyDict) {
    const d = obj;
    I.hashable(key);
    const missing = missingKey(d);
    const v = yield I.access('read', d.label, line, () => {
      const e = d.get(key);
      if (e === undefined) {
        if (missing !== undefined) return MISSING;
        throw keyError(key, I.keyErrorText);
      }
      return e[1];
    }) as never;
    return v === MISSING ? yield* missing!.missing(I, key, line) : v;
  }
  if (obj instanceof PyTuple) return indexInto(obj.items as unknown[], key, 'tuple');
  if (typeof obj === 'string') {
    const r = indexInto([...obj], key, 'string');
    return Array.isArray(r) ? r.join('') : r;
  }
  if (obj instanceof PyRange) return indexInto(rangeItems(obj), key, 'range');
  if (obj instanceof TypingForm) return obj.subscript(key);
  if (obj instanceof PyClass) {
    // `Stack[int]` (a Generic subclass), `list[int]`: CPython's __class_getitem__.
    const cg = obj.lookup('__class_getitem__');
    if (cg !== undefined) return yield* I.call(cg instanceof PyClassMethod ? cg.fn : cg, [obj, key], undefined);
    const alias = builtinAlias(obj, key);
    if (alias !== undefined) return alias;
  }
  const getitem = obj instanceof PyInstance ? obj.cls.lookup('__getitem__') : I.classOf(obj)?.lookup('__getitem__');
  if (getitem !== undefined) return yield* I.call(getitem, [obj, key], undefined);
  throw pyRaise('TypeError', `'${I.typeName(obj)}' object is not subscriptable`);
}

/** `obj[key] = v`: one atomic write op on a list or dict; `__setitem__` otherwise. */
export function* setItem(I: Interp, obj: unknown, key: unknown, v: unknown, line: number): Generator<never, void, unknown> {
  if (obj instanceof PyList) {
    if (obj.constructor !== PyList) {
      const own = subclassDunder(I, obj, '__setitem__');
      if (own !== undefined) {
        yield* runDunder(I, own, [obj, key, v]);
        return;
      }
    }
    const list = obj;
    yield I.atomicWrite(list.label, line, () => {
      const i = normIndex(list.items.length, key, 'list', 'list assignment index out of range');
      list.items[i] = v;
    }, v) as never;
    return;
  }
  if (obj instanceof PyDict) {
    const d = obj;
    I.hashable(key);
    yield I.atomicWrite(d.label, line, () => d.set(key, v), v) as never;
    return;
  }
  const setitem = obj instanceof PyInstance ? obj.cls.lookup('__setitem__') : undefined;
  if (setitem !== undefined) {
    yield* I.call(setitem, [obj, key, v], undefined);
    return;
  }
  throw pyRaise('TypeError', `'${I.typeName(obj)}' object does not support item assignment`);
}

/** The dunder a threadsim-implemented subclass of a built-in container defines itself (deque's `__getitem__`), if any. */
function subclassDunder(I: Interp, obj: unknown, name: string): PyBuiltin | undefined {
  if (!isContainerSubclass(obj)) return undefined;
  const m = I.host.classOf(obj)?.dict.get(name);
  return m instanceof PyBuiltin ? m : undefined;
}

/** Run such a dunder as CPython runs a C slot: no check point on its return (it is not a call in the program). */
export function* runDunder(I: Interp, m: PyBuiltin, args: unknown[]): Generator<never, unknown, unknown> {
  const r = m.call(args, undefined);
  return isGen(r) ? yield* r as Generator<never, unknown, unknown> : r;
}
