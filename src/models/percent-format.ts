/**
 * Python's `msg % args` for log messages: every conversion of CPython 3.11's printf-style
 * formatting (%s %r %a %d %i %u %o %x %X %e %E %f %F %g %G %c %%) with flags, width and
 * precision, and its errors. Values print the way Python prints them (True, None, lists);
 * JavaScript has one number type, so an integral float prints as an int (`2`, not `2.0`).
 */
import { PythonTypeError, ValueError } from './exceptions.js';
import { strRepr, toFixedPy } from './py-text.js';

/** A conversion: flags, width, precision, type; or a `%` with nothing valid after it. */
const SPEC = /%([-+ 0#]*)(\d+)?(?:\.(\d*))?(.?)/g;
const CONVERSIONS = 'sradiufFeEgGxXoc%';

/** One conversion of a format string (`%-5s`): its flags, width, precision and letter. */
interface Conversion {
  readonly flags: string;
  readonly width: number;
  readonly prec: number | undefined;
  readonly conv: string;
}

/** A format string cut into its literal text (strings, `%%` already `%`) and its conversions. */
type Template = readonly (string | Conversion)[];

/**
 * Templates of the format strings seen so far: a program logs the same few messages in every
 * execution, so each is parsed once. Bounded, so a program that builds its format strings
 * cannot grow it without end.
 */
const templates = new Map<string, Template>();
const MAX_TEMPLATES = 1024;

function templateOf(fmt: string): Template {
  let t = templates.get(fmt);
  if (t !== undefined) return t;
  const parts: (string | Conversion)[] = [];
  let text = '';
  let last = 0;
  for (const m of fmt.matchAll(SPEC)) {
    text += fmt.slice(last, m.index);
    last = m.index + m[0].length;
    const [, flags, width, prec, conv] = m as unknown as [string, string, string | undefined, string | undefined, string];
    // CPython's messages for a format it cannot read.
    if (conv === '') throw new ValueError('incomplete format');
    if (!CONVERSIONS.includes(conv) || (conv === '%' && m[0] !== '%%')) {
      const code = conv.codePointAt(0)!;
      throw new ValueError(`unsupported format character '${conv}' (0x${code.toString(16)}) at index ${last - 1}`);
    }
    if (conv === '%') {
      text += '%';
      continue;
    }
    if (text !== '') parts.push(text);
    text = '';
    parts.push({ flags, width: width === undefined ? 0 : Number(width), prec: prec === undefined ? undefined : Number(prec), conv });
  }
  text += fmt.slice(last);
  if (text !== '') parts.push(text);
  t = parts;
  if (templates.size >= MAX_TEMPLATES) templates.clear();
  templates.set(fmt, t);
  return t;
}

/** Format `fmt % args`; with no args the message is returned as is (as logging does). */
export function formatPercent(fmt: string, args: readonly unknown[]): string {
  if (args.length === 0) return fmt;
  const t = templateOf(fmt);
  let i = 0;
  let out = '';
  for (let p = 0; p < t.length; p++) {
    const part = t[p]!;
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (i >= args.length) throw new PythonTypeError('not enough arguments for format string');
    out += convert(part, args[i++]);
  }
  if (i < args.length) throw new PythonTypeError('not all arguments converted during string formatting');
  return out;
}

function convert(c: Conversion, v: unknown): string {
  const { conv, flags, prec } = c;
  let s: string;
  switch (conv) {
    case 's':
      s = pyStr(v);
      if (prec !== undefined) s = s.slice(0, prec);
      return pad(c, s);
    case 'r':
    case 'a':
      s = pyRepr(v);
      if (prec !== undefined) s = s.slice(0, prec);
      return pad(c, s);
    case 'c':
      if (typeof v === 'string' && [...v].length === 1) return pad(c, v);
      if (typeof v === 'string') throw new PythonTypeError('%c requires int or char');
      return pad(c, String.fromCodePoint(integer(v, conv)));
    case 'd':
    case 'i':
    case 'u': {
      const n = Math.trunc(toNumber(v, conv));
      return sign(c, String(Math.abs(n)), n < 0);
    }
    case 'x':
    case 'X':
    case 'o': {
      const n = integer(v, conv);
      let digits = Math.abs(n).toString(conv === 'o' ? 8 : 16);
      if (conv === 'X') digits = digits.toUpperCase();
      const prefix = flags.includes('#') ? (conv === 'o' ? '0o' : conv === 'x' ? '0x' : '0X') : '';
      return sign(c, digits, n < 0, prefix);
    }
    default: {
      const x = toNumber(v, conv);
      return sign(c, floatDigits(Math.abs(x), conv, prec ?? 6, flags.includes('#')), x < 0 || Object.is(x, -0));
    }
  }
}

/** Digits of a non-negative float for %e %E %f %F %g %G, as CPython prints them. */
function floatDigits(x: number, conv: string, prec: number, alternate: boolean): string {
  const upper = conv === 'E' || conv === 'F' || conv === 'G';
  if (!Number.isFinite(x)) return upper ? (Number.isNaN(x) ? 'NAN' : 'INF') : Number.isNaN(x) ? 'nan' : 'inf';
  let s: string;
  const lower = conv.toLowerCase();
  if (lower === 'f') s = toFixedPy(x, prec);
  else if (lower === 'e') s = exponential(x, prec);
  else {
    const p = prec === 0 ? 1 : prec;
    const exp = x === 0 ? 0 : Number(x.toExponential(p - 1).split('e')[1]);
    s = exp >= -4 && exp < p ? toFixedPy(x, p - 1 - exp) : exponential(x, p - 1);
    if (!alternate) s = stripZeros(s);
  }
  if (alternate && !s.includes('.')) s = s.replace(/(?=e|$)/, '.');
  return upper ? s.toUpperCase() : s;
}

/** %g without `#`: no trailing zeros after the point, and no point left bare. */
function stripZeros(s: string): string {
  const [mantissa, exp] = s.split('e') as [string, string | undefined];
  if (!mantissa.includes('.')) return s;
  const kept = mantissa.replace(/0+$/, '').replace(/\.$/, '');
  return exp === undefined ? kept : `${kept}e${exp}`;
}

/** `1.500000e+03`: at least two exponent digits, as C's printf. */
function exponential(x: number, digits: number): string {
  const [mantissa, exp] = x.toExponential(digits).split('e') as [string, string];
  const n = Number(exp);
  return `${mantissa}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

/** A number's sign (`-`, or `+`/space by flag), prefix and digits, padded to the width. */
function sign(c: Conversion, digits: string, negative: boolean, prefix = ''): string {
  const lead = (negative ? '-' : c.flags.includes('+') ? '+' : c.flags.includes(' ') ? ' ' : '') + prefix;
  if (c.flags.includes('0') && !c.flags.includes('-')) return lead + digits.padStart(c.width - lead.length, '0');
  return pad(c, lead + digits);
}

/** `s` padded to the conversion's width: left-aligned with `-`, else right-aligned with spaces. */
function pad(c: Conversion, s: string): string {
  if (s.length >= c.width) return s;
  return c.flags.includes('-') ? s.padEnd(c.width) : s.padStart(c.width);
}

/** The number a numeric conversion formats (a bool is 0 or 1, as in Python). */
function toNumber(v: unknown, conv: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new PythonTypeError(`%${conv} format: a real number is required, not ${pyTypeName(v)}`);
}

/** The integer %x %X %o %c format: CPython refuses a float there. */
function integer(v: unknown, conv: string): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw new PythonTypeError(conv === 'c' ? '%c requires int or char' : `%${conv} format: an integer is required, not ${pyTypeName(v)}`);
}

/** The Python type name of a JavaScript value, for error messages. */
function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map || (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)) return 'dict';
  return typeof v === 'function' ? 'function' : 'object';
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
  if (typeof v === 'string') return strRepr(v);
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
