/**
 * Python's `msg % args` for the conversions log messages use: %s %r %d %i %f %x %% with
 * flags, width and precision. Values print the way Python prints them (True, None, lists).
 */
import { PythonTypeError } from './exceptions.js';

const SPEC = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdirfxX%])/g;

/** Format `fmt % args`; with no args the message is returned as is (as logging does). */
export function formatPercent(fmt: string, args: readonly unknown[]): string {
  if (args.length === 0) return fmt;
  let i = 0;
  const out = fmt.replace(SPEC, (_m, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    if (i >= args.length) throw new PythonTypeError('not enough arguments for format string');
    const v = args[i++];
    let s: string;
    switch (conv) {
      case 's':
        s = pyStr(v);
        break;
      case 'r':
        s = pyRepr(v);
        break;
      case 'd':
      case 'i':
        s = String(Math.trunc(toNumber(v, conv)));
        break;
      case 'f':
        s = toNumber(v, conv).toFixed(prec === undefined ? 6 : Number(prec));
        break;
      default:
        s = Math.trunc(toNumber(v, conv)).toString(16);
        if (conv === 'X') s = s.toUpperCase();
    }
    if (conv === 's' && prec !== undefined) s = s.slice(0, Number(prec));
    const w = width === undefined ? 0 : Number(width);
    if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ');
    return s;
  });
  if (i < args.length) throw new PythonTypeError('not all arguments converted during string formatting');
  return out;
}

function toNumber(v: unknown, conv: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new PythonTypeError(`%${conv} format: a real number is required, not ${typeof v}`);
}

/** Python's `str()` of a JavaScript value. */
export function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

/** Python's `repr()` of a JavaScript value; a container inside itself prints as `[...]` or `{...}`, as in Python. */
export function pyRepr(v: unknown, path: Set<object> = new Set()): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloat(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'object') return String(v);
  if (path.has(v)) return Array.isArray(v) ? '[...]' : '{...}';
  path.add(v);
  try {
    const r = (x: unknown): string => pyRepr(x, path);
    if (Array.isArray(v)) return `[${v.map(r).join(', ')}]`;
    if (v instanceof Map) return `{${[...v].map(([k, x]) => `${r(k)}: ${r(x)}`).join(', ')}}`;
    const custom = (v as { toString?: () => string }).toString;
    if (custom !== Object.prototype.toString && typeof custom === 'function') return custom.call(v);
    return `{${Object.entries(v).map(([k, x]) => `${r(k)}: ${r(x)}`).join(', ')}}`;
  } finally {
    path.delete(v);
  }
}

function pyFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}
