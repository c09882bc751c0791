/**
 * Binary and unary operators: numbers (int, bool, float) as CPython computes them, str, list,
 * tuple and set operators, `%` formatting, and program classes' `__op__`, `__iop__` and
 * `__rop__` in CPython's order, with CPython's TypeError wording when none applies.
 */
import { isSetOperator, setOperator } from './builtins-set.js';
import { pyRaise } from './exceptions.js';
import { percentConversions, percentFormat } from './format.js';
import type { Interp } from './interp.js';
import { runDunder } from './items.js';
import { numeric } from './keys.js';
import { PySet } from './pyset.js';
import { str } from './text.js';
import { isContainerSubclass, NotImplemented, PyBuiltin, PyDict, PyFloat, PyInstance, PyList, PyTuple } from './values.js';

const DUNDER_OPS: Record<string, string> = {
  Add: '__add__',
  Sub: '__sub__',
  Mult: '__mul__',
  Div: '__truediv__',
  FloorDiv: '__floordiv__',
  Mod: '__mod__',
  Pow: '__pow__',
  MatMult: '__matmul__',
  LShift: '__lshift__',
  RShift: '__rshift__',
  BitOr: '__or__',
  BitXor: '__xor__',
  BitAnd: '__and__',
};

const OPS: Record<string, string> = { Add: '+', Sub: '-', Mult: '*', Div: '/', FloorDiv: '//', Mod: '%', Pow: '**', LShift: '<<', RShift: '>>', BitOr: '|', BitXor: '^', BitAnd: '&' };

/** `a op b` (`inplace`: `a op= b`), as CPython computes it. */
export function* binary(I: Interp, op: string, a: unknown, b: unknown, inplace: boolean): Generator<never, unknown, unknown> {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case 'Add':
        return a + b;
      case 'Sub':
        return a - b;
      case 'Mult':
        return a * b;
    }
  }
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) {
    const isFloat = a instanceof PyFloat || b instanceof PyFloat;
    const wrap = (x: number): unknown => (isFloat ? new PyFloat(x) : x);
    switch (op) {
      case 'Add':
        return wrap(na + nb);
      case 'Sub':
        return wrap(na - nb);
      case 'Mult':
        return wrap(na * nb);
      case 'Div':
        if (nb === 0) throw pyRaise('ZeroDivisionError', isFloat ? 'float division by zero' : 'division by zero');
        return new PyFloat(na / nb);
      case 'FloorDiv':
        if (nb === 0) throw pyRaise('ZeroDivisionError', isFloat ? 'float floor division by zero' : 'integer division or modulo by zero');
        return wrap(Math.floor(na / nb));
      case 'Mod': {
        if (nb === 0) throw pyRaise('ZeroDivisionError', isFloat ? 'float modulo' : 'integer division or modulo by zero');
        const r = na % nb;
        return wrap(r !== 0 && r < 0 !== nb < 0 ? r + nb : r);
      }
      case 'Pow':
        return !isFloat && nb >= 0 ? na ** nb : new PyFloat(na ** nb);
      case 'LShift':
        if (!isFloat) return na * 2 ** nb;
        break;
      case 'RShift':
        if (!isFloat) return Math.floor(na / 2 ** nb);
        break;
      case 'BitOr':
        if (!isFloat) return typeof a === 'boolean' && typeof b === 'boolean' ? a || b : na | nb;
        break;
      case 'BitAnd':
        if (!isFloat) return typeof a === 'boolean' && typeof b === 'boolean' ? a && b : na & nb;
        break;
      case 'BitXor':
        if (!isFloat) return typeof a === 'boolean' && typeof b === 'boolean' ? a !== b : na ^ nb;
        break;
    }
  }
  if (typeof a === 'string') {
    if (op === 'Add' && typeof b === 'string') return a + b;
    if (op === 'Add') throw pyRaise('TypeError', `can only concatenate str (not "${I.typeName(b)}") to str`);
    if (op === 'Mult' && typeof b === 'number') return a.repeat(Math.max(0, b));
    if (op === 'Mod') return yield* percent(I, a, b);
  }
  if (op === 'Mult' && typeof a === 'number' && typeof b === 'string') return b.repeat(Math.max(0, a));
  if (a instanceof PyList && b instanceof PyList && op === 'Add') {
    if (inplace) {
      const list = a;
      const extra = b.items.slice();
      yield I.atomicWrite(list.label, 0, () => void list.items.push(...extra)) as never;
      return a;
    }
    return new PyList([...a.items, ...b.items], I.label('list'));
  }
  if (a instanceof PyList && op === 'Add') throw pyRaise('TypeError', `can only concatenate list (not "${I.typeName(b)}") to list`);
  if (a instanceof PyList && op === 'Mult' && typeof b === 'number') return new PyList(Array.from({ length: Math.max(0, b) }, () => a.items).flat(), I.label('list'));
  if (a instanceof PyTuple && b instanceof PyTuple && op === 'Add') return new PyTuple([...a.items, ...b.items]);
  if (a instanceof PySet && b instanceof PySet && isSetOperator(op)) return yield* setOperator(I, op, a, b, inplace);
  if (isContainerSubclass(a)) {
    // Counter's `+ - | &`: its class's methods.
    const name = DUNDER_OPS[op];
    const m = name === undefined ? undefined : I.host.classOf(a)?.dict.get(name);
    if (m instanceof PyBuiltin) return yield* runDunder(I, m, [a, b]);
  }
  const name = DUNDER_OPS[op];
  if (name !== undefined && (a instanceof PyInstance || b instanceof PyInstance)) {
    // a.__iop__(b), then a.__op__(b), then b.__rop__(a), each skipped when it returns NotImplemented.
    if (a instanceof PyInstance) {
      const im = inplace ? a.cls.lookup(`__i${name.slice(2)}`) : undefined;
      if (im !== undefined && im !== null) {
        const r = yield* I.call(im, [a, b], undefined);
        if (r !== NotImplemented) return r;
      }
      const m = a.cls.lookup(name);
      if (m !== undefined && m !== null) {
        const r = yield* I.call(m, [a, b], undefined);
        if (r !== NotImplemented) return r;
      }
    }
    if (b instanceof PyInstance && !(a instanceof PyInstance && a.cls === b.cls)) {
      const rm = b.cls.lookup(`__r${name.slice(2)}`);
      if (rm !== undefined && rm !== null) {
        const r = yield* I.call(rm, [b, a], undefined);
        if (r !== NotImplemented) return r;
      }
    }
  }
  const sym = OPS[op] ?? op;
  throw pyRaise('TypeError', `unsupported operand type(s) for ${sym}${inplace ? '=' : ''}: '${I.typeName(a)}' and '${I.typeName(b)}'`);
}

/** `fmt % args`, running the `__str__` and `__repr__` of program objects among the arguments that `%s` and `%r` convert. */
function* percent(I: Interp, fmt: string, args: unknown): Generator<never, string, unknown> {
  const values = args instanceof PyTuple ? args.items : args instanceof PyDict ? [...args.map.values()].map((e) => e[1]) : [args];
  if (!values.some((v) => v instanceof PyInstance || v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet)) return percentFormat(fmt, args, I.strOf, I.reprOfSync);
  const convs = percentConversions(fmt);
  const strs = new Map<unknown, string>();
  const reprs = new Map<unknown, string>();
  for (const v of values) {
    if (typeof v !== 'object' || v === null) continue;
    if (convs.has('s')) strs.set(v, yield* I.str(v));
    if (convs.has('r') || convs.has('a')) reprs.set(v, yield* I.reprOf(v));
  }
  return percentFormat(fmt, args, (v) => strs.get(v) ?? I.strSync(v), (v) => reprs.get(v) ?? I.repr(v));
}

/** `-v`, `+v`, `~v` of a program object: its `__neg__`, `__pos__` or `__invert__`. */
export function* unaryDunder(I: Interp, v: unknown, dunder: string, sym: string): Generator<never, unknown, unknown> {
  const m = v instanceof PyInstance ? v.cls.lookup(dunder) : undefined;
  if (m !== undefined && m !== null) return yield* I.call(m, [v], undefined);
  throw pyRaise('TypeError', `bad operand type for unary ${sym}: '${I.typeName(v)}'`);
}
