/** Ops in words, for reports: `write db.value = 1`, `acquire Lock#1 -> True`. */
import type { Op } from '../ops.js';

/** A short description of an executed op and its result (a read's result left out when undefined). */
export function describeStep(op: Pick<Op, 'kind' | 'obj' | 'value' | 'access'>, result: unknown): string {
  const obj = op.obj === undefined ? '' : ` ${op.obj}`;
  if (op.access === 'write') return `write${obj} = ${brief(op.value)}`;
  if (op.access === 'read') return `read${obj} -> ${result === undefined ? '' : brief(result)}`;
  const value = op.value === undefined ? '' : ` ${brief(op.value)}`;
  return `${op.kind}${obj}${value}`;
}

function brief(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** A value as Python prints it in a sentence: `True`, `None`, `"text"`, `[1, 2]` as JSON. */
export function pyValue(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === undefined || v === null) return 'None';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
