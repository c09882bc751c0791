/**
 * Expressions, interpreted (what compile.ts does not translate): constants, operators,
 * displays, subscripts, f-strings and `format()`, lambdas, `yield` and `yield from`.
 */
import { unaryDunder } from './arithmetic.js';
import type { PyNode } from './ast.js';
import { callExpr } from './calls.js';
import { comprehension, generatorExp, setDisplay, yield_list } from './comprehensions.js';
import { exceptionClass, pyRaise } from './exceptions.js';
import { formatSpec } from './format.js';
import { PyGenerator, PyYield } from './generator.js';
import type { Frame, Interp } from './interp.js';
import { drain } from './iteration.js';
import { PySet } from './pyset.js';
import { SLOW, uncatchable } from './signals.js';
import { PyDict, PyFloat, PyFunction, PyInstance, PyList, PyTuple } from './values.js';

/** An expression's value when it needs no step (constants, plain names), else SLOW. */
export function quick(I: Interp, n: PyNode, f: Frame): unknown {
  switch (n.nodeType) {
    case 'Constant':
      return constant(I, n);
    case 'Name':
      return I.loadQuick(String(n.id), f);
    default:
      return SLOW;
  }
}

function constant(I: Interp, n: PyNode): unknown {
  const v = n.value;
  if (typeof v === 'number') return n.isFloat ? new PyFloat(v) : v;
  if (v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** An expression's value, interpreted. */
export function* ev(I: Interp, n: PyNode, f: Frame): Generator<never, unknown, unknown> {
  switch (n.nodeType) {
    case 'Constant':
      return constant(I, n);
    case 'Name':
      return yield* I.load(String(n.id), f, n.lineno!);
    case 'Attribute':
      return yield* I.getAttr(yield* I.ev(n.value as PyNode, f), String(n.attr), n.lineno!);
    case 'Call':
      return yield* callExpr(I, n, f);
    case 'BinOp': {
      let a = quick(I, n.left as PyNode, f);
      if (a === SLOW) a = yield* I.ev(n.left as PyNode, f);
      let b = quick(I, n.right as PyNode, f);
      if (b === SLOW) b = yield* I.ev(n.right as PyNode, f);
      return yield* I.binary((n.op as PyNode).nodeType, a, b, false);
    }
    case 'UnaryOp': {
      const v = yield* I.ev(n.operand as PyNode, f);
      switch ((n.op as PyNode).nodeType) {
        case 'Not':
          return !(yield* I.truthy(v));
        case 'USub':
          if (typeof v === 'number') return -v;
          if (v instanceof PyFloat) return new PyFloat(-v.v);
          if (typeof v === 'boolean') return v ? -1 : 0;
          return yield* unaryDunder(I, v, '__neg__', '-');
        case 'UAdd':
          if (typeof v === 'boolean') return v ? 1 : 0;
          if (v instanceof PyInstance) return yield* unaryDunder(I, v, '__pos__', '+');
          return v;
        default:
          if (typeof v === 'number' || typeof v === 'boolean') return ~Number(v);
          return yield* unaryDunder(I, v, '__invert__', '~');
      }
    }
    case 'BoolOp': {
      const and = (n.op as PyNode).nodeType === 'And';
      let v: unknown = null;
      for (const x of n.values as PyNode[]) {
        v = yield* I.ev(x, f);
        const t = yield* I.truthy(v);
        if (and ? !t : t) return v;
      }
      return v;
    }
    case 'Compare': {
      let left = yield* I.ev(n.left as PyNode, f);
      const ops = n.ops as PyNode[];
      const comps = n.comparators as PyNode[];
      for (let i = 0; i < ops.length; i++) {
        const right = yield* I.ev(comps[i]!, f);
        if (!(yield* I.compare(ops[i]!.nodeType, left, right))) return false;
        left = right;
      }
      return true;
    }
    case 'IfExp':
      return (yield* I.truthy(yield* I.ev(n.test as PyNode, f))) ? yield* I.ev(n.body as PyNode, f) : yield* I.ev(n.orelse as PyNode, f);
    case 'List':
      return new PyList(yield* evList(I, n.elts as PyNode[], f), I.label('list'));
    case 'Tuple':
      return new PyTuple(yield* evList(I, n.elts as PyNode[], f));
    case 'Dict': {
      const d = new PyDict(I.label('dict'));
      const keys = n.keys as (PyNode | null)[];
      const values = n.values as PyNode[];
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === null || k === undefined) {
          const other = yield* I.ev(values[i]!, f);
          if (other instanceof PyDict) for (const [kk, vv] of other.map.values()) d.set(kk, vv);
          continue;
        }
        const key = yield* I.ev(k, f);
        I.hashable(key);
        d.set(key, yield* I.ev(values[i]!, f));
      }
      return d;
    }
    case 'Subscript': {
      const obj = yield* I.ev(n.value as PyNode, f);
      const key = yield* I.ev(n.slice as PyNode, f);
      return yield* I.getItem(obj, key, n.lineno!);
    }
    case 'Slice': {
      const part = function* (x: unknown): Generator<never, unknown, unknown> {
        return x ? yield* I.ev(x as PyNode, f) : null;
      };
      return { slice: [yield* part(n.lower), yield* part(n.upper), yield* part(n.step)] };
    }
    case 'JoinedStr': {
      let out = '';
      for (const part of n.values as PyNode[]) {
        if (part.nodeType === 'Constant') out += String(part.value);
        else out += yield* formatted(I, part, f);
      }
      return out;
    }
    case 'FormattedValue':
      return yield* formatted(I, n, f);
    case 'Lambda':
      return yield* I.defineFunction(n, f);
    case 'ListComp':
      return new PyList(yield* comprehension(I, n, f, (x) => yield_list(x)), I.label('list'));
    case 'DictComp': {
      const d = new PyDict(I.label('dict'));
      yield* comprehension(I, n, f, undefined, d);
      return d;
    }
    case 'GeneratorExp':
      return yield* generatorExp(I, n, f);
    case 'Set':
      return yield* setDisplay(I, n, f);
    case 'SetComp': {
      const set = new PySet(false, I.label('set'));
      yield* comprehension(I, n, f, undefined, undefined, set);
      return set;
    }
    case 'Yield':
      // The body's driver (PyGenerator.resume) hands the value out and the sent value back.
      return (yield new PyYield(n.value ? yield* I.ev(n.value as PyNode, f) : null) as never) ?? null;
    case 'YieldFrom':
      return yield* yieldFrom(I, yield* I.ev(n.value as PyNode, f), n.lineno!);
    case 'NamedExpr': {
      const v = yield* I.ev(n.value as PyNode, f);
      yield* I.store(String((n.target as PyNode).id), v, f.binds ?? f, n.lineno!);
      return v;
    }
    case 'Starred':
      throw pyRaise('SyntaxError', 'can\'t use starred expression here');
    default:
      throw pyRaise('SystemError', `threadsim cannot evaluate a ${n.nodeType} expression`);
  }
}

/** The values of a list of expressions, starred ones unpacked. */
export function* evList(I: Interp, nodes: readonly PyNode[], f: Frame): Generator<never, unknown[], unknown> {
  const out: unknown[] = [];
  for (const e of nodes) {
    if (e.nodeType === 'Starred') {
      out.push(...drain(yield* I.iterate(yield* I.ev(e.value as PyNode, f), e.lineno!)));
      continue;
    }
    let v = quick(I, e, f);
    if (v === SLOW) v = yield* I.ev(e, f);
    out.push(v);
  }
  return out;
}

function* formatted(I: Interp, part: PyNode, f: Frame): Generator<never, string, unknown> {
  const v = yield* I.ev(part.value as PyNode, f);
  const conv = part.conversion as number;
  const specNode = part.format_spec as PyNode | null | undefined;
  const spec = specNode ? String(yield* I.ev(specNode, f)) : '';
  if (conv === 114 || conv === 97) return formatSpec(yield* I.reprOf(v), spec, (x) => I.strSync(x));
  if (conv === 115) return formatSpec(yield* I.str(v), spec, (x) => I.strSync(x));
  return yield* I.format(v, spec);
}

/** `format(v, spec)`: a user `__format__`/`__str__`, or the mini-language. */
export function* format(I: Interp, v: unknown, spec: string): Generator<never, string, unknown> {
  if (v instanceof PyInstance) {
    const fmt = v.cls.lookup('__format__');
    if (fmt instanceof PyFunction) return String(yield* I.call(fmt, [v, spec], undefined));
    // object.__format__: str(v), and no format spec.
    if (spec !== '') throw pyRaise('TypeError', `unsupported format string passed to ${v.cls.name}.__format__`);
    return yield* I.str(v);
  }
  return formatSpec(v, spec, (x) => I.strSync(x));
}

/** `yield from v`: each item of `v` is yielded in turn; for a generator, sent values and thrown exceptions go to it, and its return value is the expression's. */
function* yieldFrom(I: Interp, v: unknown, line: number): Generator<never, unknown, unknown> {
  const it = yield* I.iterStart(v, line);
  if (!(it instanceof PyGenerator)) {
    for (let r = yield* I.iterNext(it); r.done !== true; r = yield* I.iterNext(it)) yield new PyYield(r.value) as never;
    return null;
  }
  let r = yield* it.resume(null, undefined);
  while (r.done !== true) {
    let sent: unknown;
    try {
      sent = yield new PyYield(r.value) as never;
    } catch (e) {
      if (uncatchable(e)) throw e;
      if (I.excValue(e).cls.isSubclassOf(exceptionClass('GeneratorExit')!)) {
        yield* it.close();
        throw e;
      }
      r = yield* it.resume(null, e);
      continue;
    }
    r = yield* it.resume(sent, undefined);
  }
  return r.value ?? null;
}
