/**
 * Python's `<` for the values programs put in a PriorityQueue: numbers (and booleans) by value,
 * strings by code point, arrays as tuples (lexicographic, as Python compares tuples), and
 * `TypeError: '<' not supported between instances of 'A' and 'B'` for anything else.
 */
import { PythonTypeError } from './exceptions.js';

/** Python's type name of a value, as comparison errors print it. */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return 'NoneType';
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (typeof x === 'string') return 'str';
  if (Array.isArray(x)) return 'tuple';
  if (typeof x === 'function') return 'function';
  return 'dict';
}

/** Python's `==` for these values (objects by identity). */
export function pyEq(a: unknown, b: unknown): boolean {
  if (isNum(a) && isNum(b)) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  return a === b;
}

/** Python's `a < b`; throws Python's TypeError when the types do not order. */
export function pyLess(a: unknown, b: unknown): boolean {
  if (isNum(a) && isNum(b)) return Number(a) < Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (!pyEq(a[i], b[i])) return pyLess(a[i], b[i]);
    return a.length < b.length;
  }
  throw new PythonTypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function isNum(x: unknown): x is number | boolean {
  return typeof x === 'number' || typeof x === 'boolean';
}
