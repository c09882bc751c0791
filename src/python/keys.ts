/**
 * Hashing and equality of Python values as dicts and sets use them: CPython's hashes of
 * built-in values (pyhash.ts), a program class's `__hash__` and `__eq__` (run inline, inside
 * the container's step: see inline.ts), identity for other objects, and the unhashable types.
 * One {@link Keys} per execution: `hash()` values handed to the program are remembered exactly.
 */
import { pyRaise } from './exceptions.js';
import { runInline, runInlineEq } from './inline.js';
import type { Interp } from './interp.js';
import { pyHash } from './pyhash.js';
import { PySet } from './pyset.js';
import { type KeyOps, PyBound, PyDict, PyFloat, PyInstance, PyList, PyTuple } from './values.js';

/** The numeric value of an int, bool or float; undefined for anything else. */
export function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Hashing and equality of one execution's dict keys and set items. */
export class Keys {
  constructor(private readonly I: Interp) {}

  /** Raise CPython's TypeError when `key` cannot be a dict key or set item (a list, a class whose `__hash__` is None, a tuple holding one). */
  hashable(key: unknown): void {
    if (key instanceof PyList || key instanceof PyDict || (key instanceof PySet && !key.frozen) || (key instanceof PyInstance && key.cls.lookup('__hash__') === null)) throw pyRaise('TypeError', `unhashable type: '${this.I.typeName(key)}'`);
    if (key instanceof PyTuple) for (const x of key.items) this.hashable(x);
  }

  /** `hash(v)` as CPython computes it where CPython's is fixed (pyhash.ts), by a class's own `__hash__`; other objects by identity. */
  hashOf(v: unknown): bigint {
    this.hashable(v);
    return pyHash(v, this.objectHash);
  }

  /** The hash of a value pyhash.ts does not know: a program class's `__hash__` (run inline), else identity. */
  private readonly objectHash = (o: unknown): bigint => {
    if (o instanceof PyInstance) {
      const m = o.cls.lookup('__hash__');
      if (m === null) throw pyRaise('TypeError', `unhashable type: '${this.I.typeName(o)}'`);
      if (m !== undefined) return this.hashResult(runInline(this.I, `a class's __hash__`, m, [o]));
    }
    return BigInt(typeof o === 'object' && o !== null ? this.I.idOf(o) >> 4 : 0);
  };

  /**
   * Exact hashes that `hash()` handed the program as a rounded number (past 2^53, a str's or a
   * tuple's): a `__hash__` that returns `hash((self.x, self.y))` gives back the exact value,
   * so a set of such objects is ordered as CPython orders it.
   */
  private readonly exactHashes = new Map<number, bigint>();

  /** `hash()`'s value for the program: a number, exact up to 2^53 (see {@link exactHashes}). */
  hashNumber(v: unknown): number {
    const h = this.hashOf(v);
    const n = Number(h);
    if (!Number.isSafeInteger(n)) this.exactHashes.set(n, h);
    return n;
  }

  /** What `__hash__` returned, as a hash (CPython's slot_tp_hash: an int kept as it is, -1 becoming -2). */
  private hashResult(r: unknown): bigint {
    if (typeof r === 'boolean') return r ? 1n : 0n;
    if (typeof r !== 'number' || !Number.isInteger(r)) throw pyRaise('TypeError', '__hash__ method should return an integer');
    const h = Number.isSafeInteger(r) ? BigInt(r) : (this.exactHashes.get(r) ?? BigInt(r));
    return h === -1n ? -2n : h;
  }

  /** The dict and set hooks of the execution's program classes (values.ts KeyOps). */
  readonly ops: KeyOps = {
    hash: (v) => this.hashOf(v),
    eq: (a, b) => runInlineEq(this.I, a, b),
  };

  /**
   * `a == b` as a container compares its items (identity first, as PyObject_RichCompareBool):
   * by value for Python's built-in types, by a program class's `__eq__` (run inline: see
   * {@link runInline}), identity otherwise.
   */
  eq(a: unknown, b: unknown): boolean {
    if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v));
    if (this.userEq(a) || this.userEq(b)) return runInlineEq(this.I, a, b);
    const na = numeric(a);
    const nb = numeric(b);
    if (na !== undefined && nb !== undefined) return na === nb;
    if (a instanceof PyTuple && b instanceof PyTuple) return a.items.length === b.items.length && a.items.every((x, i) => this.eq(x, b.items[i]));
    if (a instanceof PyList && b instanceof PyList) return a.constructor === b.constructor && a.items.length === b.items.length && a.items.every((x, i) => this.eq(x, b.items[i]));
    if (a instanceof PyDict && b instanceof PyDict) {
      if (a.map.size !== b.map.size) return false;
      for (const [k, v] of a.map.values()) {
        const o = b.get(k);
        if (o === undefined || !this.eq(v, o[1])) return false;
      }
      return true;
    }
    if (a instanceof PyBound && b instanceof PyBound) return a.self === b.self && a.fn === b.fn;
    if (a instanceof PySet && b instanceof PySet) return a.used === b.used && a.isSubset(b);
    return false;
  }

  /** Whether comparing `v` with `==` runs a program class's `__eq__` (the instance's, or an item's of a tuple or list). */
  userEq(v: unknown): boolean {
    if (v instanceof PyInstance) return v.cls.lookup('__eq__') !== undefined;
    if (v instanceof PyTuple || v instanceof PyList) return v.items.some((x) => this.userEq(x));
    return false;
  }

}
