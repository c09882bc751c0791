/**
 * `str()` and `repr()` of Python values: built-in values by format.ts, program classes by
 * their `__str__` and `__repr__` (checked to return a str), containers item by item.
 */
import { BaseException, pyRaise } from './exceptions.js';
import { reprValue, setRepr } from './format.js';
import type { Interp } from './interp.js';
import { PySet } from './pyset.js';
import { ownRepr, PyBuiltin, PyDict, PyFunction, PyInstance, PyList, PyTuple } from './values.js';

/** `str(v)`, running a program-defined `__str__` or `__repr__`. */
export function* str(I: Interp, v: unknown): Generator<never, string, unknown> {
  if (typeof v === 'string') return v;
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet) return yield* I.reprOf(v);
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__str__') ?? v.cls.lookup('__repr__');
    if (m instanceof PyFunction || m instanceof PyBuiltin) return textResult(I, '__str__', yield* I.call(m, [v], undefined));
    if (v.cls.isSubclassOf(BaseException)) return yield* I.excMessage(v);
  }
  return I.repr(v);
}

/** What a `__str__` or `__repr__` returned: a str, or CPython's TypeError. */
function textResult(I: Interp, what: string, r: unknown): string {
  if (typeof r !== 'string') throw pyRaise('TypeError', `${what} returned non-string (type ${I.typeName(r)})`);
  return r;
}

/** `str(v)` without running program code (a user `__str__` is not called). */
export function strSync(I: Interp, v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyInstance && v.cls.isSubclassOf(BaseException)) {
    const args = v.dict.get('args');
    const items = args instanceof PyTuple ? args.items : [];
    return items.length === 0 ? '' : items.length === 1 ? I.strSync(items[0]) : I.repr(args);
  }
  return I.repr(v);
}

/** `repr(v)` of built-in values (program-defined `__repr__` is run by {@link reprOf}). */
export function repr(I: Interp, v: unknown): string {
  return reprValue(v);
}

/** `repr(v)`, running a program-defined `__repr__`. */
export function* reprOf(I: Interp, v: unknown): Generator<never, string, unknown> {
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__repr__');
    if (m instanceof PyFunction || m instanceof PyBuiltin) return textResult(I, '__repr__', yield* I.call(m, [v], undefined));
  }
  const own = ownRepr(v);
  if (own !== undefined) {
    const parts = new Map<unknown, string>();
    for (const x of own.reprItems()) if (!parts.has(x)) parts.set(x, yield* I.reprOf(x));
    return own.pyRepr((x) => parts.get(x) ?? I.repr(x));
  }
  if (v instanceof PyList || v instanceof PyTuple) {
    const parts: string[] = [];
    for (const x of v.items) parts.push(yield* I.reprOf(x));
    if (v instanceof PyTuple) return parts.length === 1 ? `(${parts[0]!},)` : `(${parts.join(', ')})`;
    return `[${parts.join(', ')}]`;
  }
  if (v instanceof PyDict) {
    const parts: string[] = [];
    for (const [k, x] of v.map.values()) parts.push(`${yield* I.reprOf(k)}: ${yield* I.reprOf(x)}`);
    return `{${parts.join(', ')}}`;
  }
  if (v instanceof PySet) {
    const parts = new Map<unknown, string>();
    for (const x of v.items()) parts.set(x, yield* I.reprOf(x));
    return setRepr(v, (x) => parts.get(x)!);
  }
  return I.repr(v);
}
