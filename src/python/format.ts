/**
 * Python's text forms of values: `repr` and `str` of the built-in types, float printing
 * (`2.0`, `1e-06`, `0.1`), the format-spec mini-language (`{x:>5.2f}`) and `%` formatting.
 * User classes' `__str__`/`__repr__` are Python code: the interpreter handles them before
 * calling into here, so these functions are plain (no steps).
 */
import { strRepr, toFixedPy } from '../models/py-text.js';
import { BaseException, pyRaise } from './exceptions.js';
import { PyGenerator } from './generator.js';
import { PySet } from './pyset.js';
import { isContainerSubclass, ownRepr, PyBound, PyBuiltin, PyClass, PyDict, PyFloat, PyFunction, PyInstance, PyList, PyModuleObject, PyObjectSentinel, PyRange, PyTuple, Snapshot } from './values.js';


/**
 * repr of a float as CPython prints it: the shortest digits that read back as the same
 * float, in scientific form when the exponent is below -4 or at least 16 (`1e-06`,
 * `1e+16`), else positional with at least one decimal (`2.0`, `0.0001`).
 */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = v.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const sign = v < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}.${frac === '' ? '0' : frac}`;
}

/** The Python type name of a value, as error messages print it. */
export function typeName(v: unknown, hostName: (v: object) => string | undefined): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyFloat) return 'float';
  // A C type's messages name it with its module (`'collections.deque' object has no attribute 'x'`).
  if (isContainerSubclass(v)) return (v as { readonly printedType?: string }).printedType ?? hostName(v) ?? (v instanceof PyList ? 'list' : v instanceof PyDict ? 'dict' : 'tuple');
  if (v instanceof PyList) return 'list';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PyRange) return 'range';
  if (v instanceof PyFunction) return 'function';
  if (v instanceof PyBound) return 'method';
  if (v instanceof PyBuiltin) return 'builtin_function_or_method';
  if (v instanceof PyClass) return 'type';
  if (v instanceof PyInstance) return v.cls.name;
  if (v instanceof PyModuleObject) return 'module';
  if (v instanceof PyObjectSentinel) return 'object';
  if (v instanceof PyGenerator) return 'generator';
  if (v instanceof PySet) return v.frozen ? 'frozenset' : 'set';
  return hostName(v as object) ?? 'object';
}

/** Apply a format spec (`>5`, `.2f`, `,`, `08.3f`, `x`) to a number or string. */
export function formatSpec(v: unknown, spec: string, str: (v: unknown) => string): string {
  if (spec === '') return str(v);
  const m = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s.exec(spec);
  if (m === null) throw pyRaise('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName(v, () => undefined)}'`);
  const [, fillRaw, alignRaw, sign, , zero, widthRaw, group, precRaw, typeRaw] = m;
  let fill = fillRaw ?? (zero !== undefined && alignRaw === undefined ? '0' : ' ');
  let align = alignRaw ?? (zero !== undefined ? '=' : undefined);
  const width = widthRaw === undefined ? 0 : Number(widthRaw);
  const prec = precRaw === undefined ? undefined : Number(precRaw);
  const isNum = typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat;
  let type = typeRaw;
  let body: string;
  let neg = false;
  if (!isNum) {
    if (type !== undefined && type !== 's') throw pyRaise('ValueError', `Unknown format code '${type}' for object of type '${typeName(v, () => undefined)}'`);
    body = str(v);
    if (prec !== undefined) body = body.slice(0, prec);
    align ??= '<';
  } else {
    const isFloat = v instanceof PyFloat;
    let x = v instanceof PyFloat ? v.v : v === true ? 1 : v === false ? 0 : (v as number);
    if (type === undefined) type = isFloat ? (prec === undefined ? 'r' : 'g') : 'd';
    if (type === 'd' && isFloat) throw pyRaise('ValueError', "Unknown format code 'd' for object of type 'float'");
    neg = x < 0 || Object.is(x, -0);
    x = Math.abs(x);
    switch (type) {
      case 'd':
      case 'n':
        body = String(x);
        break;
      case 'f':
      case 'F':
        body = toFixedPy(x, prec ?? 6);
        break;
      case '%':
        body = `${toFixedPy(x * 100, prec ?? 6)}%`;
        break;
      case 'e':
      case 'E':
        body = x.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        if (type === 'E') body = body.toUpperCase();
        break;
      case 'g':
      case 'G': {
        const p = prec === 0 ? 1 : (prec ?? 6);
        const exp = x === 0 ? 0 : Math.floor(Math.log10(x));
        body = exp < -4 || exp >= p ? x.toExponential(p - 1).replace(/e([+-])(\d)$/, 'e$10$2') : x.toPrecision(p);
        if (!/e/.test(body) && body.includes('.')) body = body.replace(/\.?0+$/, '');
        else body = body.replace(/\.?0+e/, 'e');
        break;
      }
      case 'x':
        body = Math.trunc(x).toString(16);
        break;
      case 'X':
        body = Math.trunc(x).toString(16).toUpperCase();
        break;
      case 'o':
        body = Math.trunc(x).toString(8);
        break;
      case 'b':
        body = Math.trunc(x).toString(2);
        break;
      case 'c':
        body = String.fromCodePoint(x);
        break;
      default:
        body = floatRepr(x);
    }
    if (group !== undefined) {
      const [ip, fp] = body.split('.');
      body = ip!.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (fp === undefined ? '' : `.${fp}`);
    }
    align ??= '>';
  }
  const signText = isNum ? (neg ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '') : '';
  const total = signText.length + body.length;
  if (total >= width) return signText + body;
  const pad = width - total;
  fill = fill ?? ' ';
  switch (align) {
    case '<':
      return signText + body + fill.repeat(pad);
    case '^':
      return fill.repeat(Math.floor(pad / 2)) + signText + body + fill.repeat(pad - Math.floor(pad / 2));
    case '=':
      return signText + fill.repeat(pad) + body;
    default:
      return fill.repeat(pad) + signText + body;
  }
}

/** `KeyError(key)`: its argument is the key, its message the key's repr. */
export function keyError(key: unknown, repr: (v: unknown) => string = reprValue): unknown {
  const err = pyRaise('KeyError', repr(key));
  err.pyValue!.dict.set('args', new PyTuple([key]));
  return err;
}

/** One conversion of a `%`-format: the regex groups of its specifier. */
interface PercentSpec {
  readonly whole: string;
  readonly key: string | undefined;
  readonly flags: string;
  readonly width: number;
  readonly prec: number | undefined;
  readonly conv: string;
}

/** A parsed `%`-format: literal text, then a conversion, alternately (`parts.length` is odd). */
type PercentParts = readonly (string | PercentSpec)[];

const PERCENT_SPEC = /%(\([^)]*\))?([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?([sradiufFeEgGxXoc%])/g;

/**
 * Parsed formats by their text. A program formats the same few literals (its log messages) on
 * every run, so each is parsed once; the bound keeps a program that builds formats at run
 * time from growing it without limit.
 */
const percentParsed = new Map<string, PercentParts>();

function parsePercent(fmt: string): PercentParts {
  let parts = percentParsed.get(fmt);
  if (parts !== undefined) return parts;
  const out: (string | PercentSpec)[] = [];
  let last = 0;
  PERCENT_SPEC.lastIndex = 0;
  for (let m = PERCENT_SPEC.exec(fmt); m !== null; m = PERCENT_SPEC.exec(fmt)) {
    out.push(fmt.slice(last, m.index), { whole: m[0], key: m[1], flags: m[2]!, width: m[3] === undefined ? 0 : Number(m[3]), prec: m[4] === undefined ? undefined : Number(m[4]), conv: m[5]! });
    last = m.index + m[0].length;
  }
  out.push(fmt.slice(last));
  if (percentParsed.size >= 512) percentParsed.clear();
  percentParsed.set(fmt, (parts = out));
  return parts;
}

/**
 * `fmt % args` with `str`/`repr` supplied by the caller: %s %r %a %d %i %u %f %F %e %g %x %X
 * %o %c %%, flags, width, precision, and `%(name)s` with a dict.
 */
/** The conversions (`s`, `r`, `d`...) a `%`-format uses. */
export function percentConversions(fmt: string): Set<string> {
  const out = new Set<string>();
  for (const p of parsePercent(fmt)) if (typeof p !== 'string') out.add(p.conv);
  return out;
}

export function percentFormat(fmt: string, argsValue: unknown, str: (v: unknown) => string, repr: (v: unknown) => string): string {
  const parts = parsePercent(fmt);
  const args = argsValue instanceof PyTuple ? argsValue.items : [argsValue];
  const mapping = argsValue instanceof PyDict ? argsValue : undefined;
  let i = 0;
  let out = parts[0] as string;
  for (let p = 1; p < parts.length; p += 2) {
    const spec = parts[p] as PercentSpec;
    out += spec.conv === '%' && spec.whole === '%%' ? '%' : convertPercent(spec, mapping, spec.key === undefined ? (i < args.length ? args[i++] : missingArgument()) : undefined, str, repr);
    out += parts[p + 1] as string;
  }
  if (mapping === undefined && i < args.length) throw pyRaise('TypeError', 'not all arguments converted during string formatting');
  return out;
}

function missingArgument(): never {
  throw pyRaise('TypeError', 'not enough arguments for format string');
}

/** One conversion of {@link percentFormat}: `positional` is its argument when the spec names no key. */
function convertPercent(spec: PercentSpec, mapping: PyDict | undefined, positional: unknown, str: (v: unknown) => string, repr: (v: unknown) => string): string {
  const { key, flags, width, prec, conv } = spec;
  let v = positional;
  if (key !== undefined) {
    if (mapping === undefined) throw pyRaise('TypeError', 'format requires a mapping');
    const name = key.slice(1, -1);
    const found = mapping.get(name);
    if (found === undefined) throw keyError(name);
    v = found[1];
  }
  let s: string;
  const num = (): number => {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof PyFloat) return v.v;
    throw pyRaise('TypeError', `%${conv} format: a real number is required, not ${typeName(v, () => undefined)}`);
  };
  switch (conv) {
    case 's':
      s = str(v);
      if (prec !== undefined) s = s.slice(0, prec);
      break;
    case 'r':
    case 'a':
      s = repr(v);
      break;
    case 'd':
    case 'i':
    case 'u':
      if (!(typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat)) throw pyRaise('TypeError', `%${conv} format: a real number is required, not ${typeName(v, () => undefined)}`);
      s = String(Math.trunc(num()));
      break;
    case 'c':
      s = typeof v === 'string' ? v : String.fromCodePoint(num());
      break;
    default:
      s = formatSpec(v instanceof PyFloat || typeof v === 'number' ? new PyFloat(num()) : v, `${prec === undefined ? '' : `.${prec}`}${conv}`, str);
      if (conv === 'x' || conv === 'X' || conv === 'o') s = formatSpec(Math.trunc(num()), conv, str);
  }
  if (flags.includes('+') && /^[0-9]/.test(s) && conv !== 's' && conv !== 'r') s = `+${s}`;
  if (s.length < width) s = flags.includes('-') ? s.padEnd(width) : flags.includes('0') && conv !== 's' && conv !== 'r' ? (s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0')) : s.padStart(width);
  return s;
}

/**
 * A made-up memory address for a default repr, derived from the object's per-run name
 * (`Job#3`), so that the same run prints the same text in every process (traces replay).
 */
function address(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return `0x7f${(h & 0xffffff).toString(16).padStart(6, '0')}${'0'.repeat(3)}0`;
}

const BUILTIN_TYPES = new Set(['int', 'float', 'str', 'bool', 'list', 'tuple', 'dict', 'range', 'object', 'type', 'NoneType', 'property', 'set', 'frozenset']);

/** `{1, 2}`, `set()`, `frozenset({1, 2})`, `frozenset()`, with each item shown by `item`. */
export function setRepr(v: PySet, item: (x: unknown) => string): string {
  const items = v.items();
  if (items.length === 0) return v.frozen ? 'frozenset()' : 'set()';
  const body = `{${items.map(item).join(', ')}}`;
  return v.frozen ? `frozenset(${body})` : body;
}

/** `repr(v)` for every value, without running program code (a user `__repr__` is not called). */
export function reprValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : floatRepr(v);
  if (typeof v === 'string') return strRepr(v);
  if (v instanceof PyFloat) return floatRepr(v.v);
  const own = ownRepr(v);
  if (own !== undefined) return own.pyRepr(reprValue);
  if (v instanceof PyList) return `[${v.items.map((x) => (x === v ? '[...]' : reprValue(x))).join(', ')}]`;
  if (v instanceof Snapshot) return `[${v.items.map((x) => reprValue(x)).join(', ')}]`;
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${reprValue(v.items[0])},)` : `(${v.items.map((x) => reprValue(x)).join(', ')})`;
  if (v instanceof PyDict) return `{${[...v.map.values()].map(([k, x]) => `${reprValue(k)}: ${reprValue(x)}`).join(', ')}}`;
  if (v instanceof PyRange) return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PyFunction) return `<function ${v.qualname} at ${address(`function ${v.qualname}`)}>`;
  if (v instanceof PyClass) {
    const builtin = v.module !== '' || BUILTIN_TYPES.has(v.name) || (v.isSubclassOf(BaseException) && v.dict.size <= 1);
    return builtin ? `<class '${v.module}${v.name}'>` : `<class '__main__.${v.name}'>`;
  }
  if (v instanceof PyBound) return `<bound method ${v.fn instanceof PyFunction ? v.fn.qualname : (v.fn as PyBuiltin).name} of ${reprValue(v.self)}>`;
  if (v instanceof PyBuiltin) return `<built-in function ${v.name}>`;
  if (v instanceof PyModuleObject) return `<module '${v.name}'>`;
  if (v instanceof PySet) return setRepr(v, reprValue);
  if (v instanceof PyGenerator) return `<generator object ${v.qualname} at ${address(v.label)}>`;
  if (v instanceof PyObjectSentinel) return `<object object at 0x${(0x7f0000000000 + v.id * 16).toString(16)}>`;
  if (v instanceof PyInstance) {
    if (v.cls.isSubclassOf(BaseException)) {
      const args = v.dict.get('args');
      const items = args instanceof PyTuple ? args.items : [];
      return `${v.cls.name}(${items.map((x) => reprValue(x)).join(', ')})`;
    }
    if (v.host !== undefined && v.host !== null) return String(v.host);
    return `<__main__.${v.cls.name} object at ${address(v.label)}>`;
  }
  const s = String(v);
  return s === '[object Object]' ? '<object>' : s;
}

// Models print values they are handed (a submitted call's arguments, a queue item) with
// toString: give the Python values their repr there.
for (const cls of [PySet, Snapshot, PyFloat, PyList, PyTuple, PyDict, PyRange, PyFunction, PyClass, PyBound, PyBuiltin, PyModuleObject, PyObjectSentinel, PyInstance]) {
  Object.defineProperty(cls.prototype, 'toString', {
    value(this: unknown) {
      return reprValue(this);
    },
    configurable: true,
    writable: true,
  });
}
