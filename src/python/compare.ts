/**
 * Truth and comparison: Python truth (`__bool__`, `__len__`), `==` and `!=` with CPython's
 * reflected `__eq__`, `is`, `in` (`__contains__`, else iteration), and ordering (sets as
 * subsets, sequences item by item, `__lt__` and its reflection).
 */
import { setStep } from './builtins-set.js';
import { pyRaise } from './exceptions.js';
import type { Interp } from './interp.js';
import { numeric } from './keys.js';
import { PySet } from './pyset.js';
import { SLOW } from './signals.js';
import { NotImplemented, PyBound, PyDict, PyFloat, PyInstance, PyList, PyRange, PyTuple } from './values.js';

/** Python truth of `v` when no program code decides it, else SLOW (a `__bool__` or `__len__` to run). */
export function truthyQuick(I: Interp, v: unknown): boolean | typeof SLOW {
  if (v === true) return true;
  if (v === false || v === null || v === undefined) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof PyInstance) return v.cls.lookup('__bool__') !== undefined || v.cls.lookup('__len__') !== undefined ? SLOW : true;
  if (v instanceof PyFloat) return v.v !== 0;
  if (v instanceof PyList) return v.items.length > 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict) return v.map.size > 0;
  if (v instanceof PyRange) return v.length > 0;
  if (v instanceof PySet) return v.used > 0;
  return true;
}

/** Python truth of `v`, running a program's `__bool__` or `__len__`. */
export function* truthy(I: Interp, v: unknown): Generator<never, boolean, unknown> {
  const quick = truthyQuick(I, v);
  if (quick !== SLOW) return quick;
  if (v instanceof PyInstance) {
    const b = v.cls.lookup('__bool__');
    if (b !== undefined) return (yield* I.call(b, [v], undefined)) === true;
    const l = v.cls.lookup('__len__');
    if (l !== undefined) return (yield* I.call(l, [v], undefined)) !== 0;
  }
  return true;
}

/**
 * `a == b` as the `==` operator computes it: `a.__eq__(b)`, then, when that returns
 * NotImplemented (or `a` has none), `b.__eq__(a)`, then identity; tuples and lists compare
 * their items so (identity first), built-in values by value.
 */
export function* equal(I: Interp, a: unknown, b: unknown): Generator<never, boolean, unknown> {
  const ma = a instanceof PyInstance ? a.cls.lookup('__eq__') : undefined;
  if (ma !== undefined && ma !== null) {
    const r = yield* I.call(ma, [a, b], undefined);
    if (r !== NotImplemented) return yield* I.truthy(r);
  }
  const mb = b instanceof PyInstance && b.cls !== (a instanceof PyInstance ? a.cls : undefined) ? b.cls.lookup('__eq__') : undefined;
  if (mb !== undefined && mb !== null) {
    const r = yield* I.call(mb, [b, a], undefined);
    if (r !== NotImplemented) return yield* I.truthy(r);
  }
  if (ma !== undefined || mb !== undefined) return a === b;
  if ((a instanceof PyTuple && b instanceof PyTuple) || (a instanceof PyList && b instanceof PyList)) {
    // A deque is a list underneath, but never equals a list (a namedtuple does equal a tuple).
    if ((a instanceof PyList && a.constructor !== b.constructor) || a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) {
      const x = a.items[i];
      const y = b.items[i];
      if (x !== y && !(yield* I.equal(x, y))) return false;
    }
    return true;
  }
  return I.eq(a, b);
}

/** `a op b` for a comparison operator (`Eq`, `Lt`, `In`, `Is`, ...). */
export function* compare(I: Interp, op: string, a: unknown, b: unknown): Generator<never, boolean, unknown> {
  switch (op) {
    case 'Is':
      return a === b || (a instanceof PyBound && b instanceof PyBound && a.self === b.self && a.fn === b.fn);
    case 'IsNot':
      return !(a === b);
    case 'Eq':
      return yield* I.equal(a, b);
    case 'NotEq': {
      // A class's own __ne__ (else the inverse of ==, as object.__ne__ gives).
      const m = a instanceof PyInstance ? a.cls.lookup('__ne__') : undefined;
      if (m !== undefined && m !== null) {
        const r = yield* I.call(m, [a, b], undefined);
        if (r !== NotImplemented) return yield* I.truthy(r);
      }
      return !(yield* I.equal(a, b));
    }
    case 'In':
    case 'NotIn': {
      const r = yield* contains(I, b, a);
      return op === 'In' ? r : !r;
    }
    default:
      return yield* order(I, op, a, b);
  }
}

function* contains(I: Interp, container: unknown, x: unknown): Generator<never, boolean, unknown> {
  if (typeof container === 'string') {
    if (typeof x !== 'string') throw pyRaise('TypeError', `'in <string>' requires string as left operand, not ${I.typeName(x)}`);
    return container.includes(x);
  }
  if (container instanceof PyDict) {
    const d = container;
    I.hashable(x);
    return (yield I.access('read', d.label, 0, () => d.get(x) !== undefined) as never) as boolean;
  }
  if (container instanceof PyList) {
    const list = container;
    return (yield I.access('read', list.label, 0, () => list.items.some((y) => I.eq(y, x))) as never) as boolean;
  }
  if (container instanceof PySet) {
    const set = container;
    const h = I.hashOf(x);
    return yield* setStep(I, set, 'read', () => set.has(x, h));
  }
  if (container instanceof PyInstance) {
    const m = container.cls.lookup('__contains__');
    if (m !== undefined) return yield* I.truthy(yield* I.call(m, [container, x], undefined));
  }
  // An iterator is consumed only up to the first equal item.
  const it = yield* I.iterStart(container, 0);
  for (let r = yield* I.iterNext(it); r.done !== true; r = yield* I.iterNext(it)) if (I.eq(r.value, x)) return true;
  return false;
}

const SYMBOL: Record<string, string> = { Lt: '<', LtE: '<=', Gt: '>', GtE: '>=' };

const DUNDER: Record<string, [string, string]> = { Lt: ['__lt__', '__gt__'], LtE: ['__le__', '__ge__'], Gt: ['__gt__', '__lt__'], GtE: ['__ge__', '__le__'] };

function* order(I: Interp, op: string, a: unknown, b: unknown): Generator<never, boolean, unknown> {
  if (a instanceof PySet && b instanceof PySet) {
    // Subset and superset.
    if (op === 'Lt') return a.used < b.used && a.isSubset(b);
    if (op === 'LtE') return a.isSubset(b);
    if (op === 'Gt') return b.used < a.used && b.isSubset(a);
    return b.isSubset(a);
  }
  const na = numeric(a);
  const nb = numeric(b);
  let c: number | undefined;
  if (na !== undefined && nb !== undefined) c = na < nb ? -1 : na > nb ? 1 : 0;
  else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
  else if ((a instanceof PyTuple && b instanceof PyTuple) || (a instanceof PyList && b instanceof PyList)) {
    const x = a.items;
    const y = b.items;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] === y[i] || (yield* I.equal(x[i], y[i]))) continue;
      return yield* order(I, op, x[i], y[i]);
    }
    c = x.length - y.length;
  } else {
    const [mine, theirs] = DUNDER[op]!;
    const m = a instanceof PyInstance ? a.cls.lookup(mine) : undefined;
    if (m !== undefined && m !== null) {
      const v = yield* I.call(m, [a, b], undefined);
      if (v !== NotImplemented) return yield* I.truthy(v);
    }
    const r = b instanceof PyInstance ? b.cls.lookup(theirs) : undefined;
    if (r !== undefined && r !== null) {
      const v = yield* I.call(r, [b, a], undefined);
      if (v !== NotImplemented) return yield* I.truthy(v);
    }
    throw pyRaise('TypeError', `'${SYMBOL[op]!}' not supported between instances of '${I.typeName(a)}' and '${I.typeName(b)}'`);
  }
  switch (op) {
    case 'Lt':
      return c < 0;
    case 'LtE':
      return c <= 0;
    case 'Gt':
      return c > 0;
    default:
      return c >= 0;
  }
}
