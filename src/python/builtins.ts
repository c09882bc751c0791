/**
 * Python's builtins for `.py` programs: the functions (`print`, `len`, `range`, `sorted`, ...)
 * and the built-in types with their methods (`str.join`, `list.append`, `dict.get`). Each
 * raises what CPython raises (`int("n/a")` is `ValueError: invalid literal for int() with base
 * 10: 'n/a'`). A method that reads or changes a list or dict is one step on it, as CPython runs
 * it in C under the GIL. `print` is two writes, the text then the line end, as CPython's is, so
 * two threads' prints can interleave mid-line.
 */
import { PARTIAL_STREAM as PARTIAL, type Op, type Steps } from '../scheduler/ops.js';
import { bindArgs, REQUIRED } from './args.js';
import { BaseException, exceptionClass, pyRaise } from './exceptions.js';
import { drain, Interp, keyError, numeric, PyIterator, PyStepIterator } from './interp.js';
import { stopIteration } from './generator.js';
import { setClasses, setStep } from './builtins-set.js';
import { PySet } from './pyset.js';
import { strRepr, toFixedPy } from '../models/py-text.js';
import { floatRepr } from './format.js';
import { markBuiltinType, NotImplemented, PyBound, PyBuiltin, PyClass, PyClassMethod, PyDict, PyFloat, PyFunction, PyInstance, PyList, PyObjectSentinel, PyProperty, PyRange, PyStatic, PyTuple, Snapshot } from './values.js';

type Kw = Map<string, unknown> | undefined;
type Fn = (args: unknown[], kw: Kw) => unknown;

function builtin(name: string, fn: Fn): PyBuiltin {
  return new PyBuiltin(name, fn);
}

function noKw(name: string, kw: Kw): void {
  if (kw !== undefined && kw.size > 0) throw pyRaise('TypeError', `${name}() takes no keyword arguments`);
}

function arity(name: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const exp = min === max ? `exactly ${min} argument${min === 1 ? '' : 's'}` : args.length < min ? `at least ${min} argument${min === 1 ? '' : 's'}` : `at most ${max} argument${max === 1 ? '' : 's'}`;
    throw pyRaise('TypeError', `${name} expected ${exp}, got ${args.length}`);
  }
}

/** A class implemented here: `Cls(...)` runs `make`. */
function typeClass(name: string, base: PyClass | undefined, make: Fn, methods: Record<string, Fn> = {}): PyClass {
  const dict = new Map<string, unknown>();
  for (const [m, fn] of Object.entries(methods)) dict.set(m, builtin(m, fn));
  return new PyClass(name, base, dict, '', { construct: (_self, args, kw) => make(args, kw) });
}

/** One write to the program's output: `part` has no line end (the rest of the line may come from another write). */
function* write(stream: typeof PARTIAL | 'stdout', text: string): Steps<void> {
  const op: Op = { kind: 'log', obj: undefined, access: 'none', value: text, run: (k) => k.emit(stream, 0, text) };
  yield op;
}

/** Python's `int(text)` parse, raising CPython's ValueError. */
function parseInt10(text: string, base: number): number {
  const t = text.trim().replace(/_/g, '');
  const digits = base === 10 ? /^[-+]?\d+$/ : base === 16 ? /^[-+]?(0x)?[0-9a-f]+$/i : base === 2 ? /^[-+]?(0b)?[01]+$/i : base === 8 ? /^[-+]?(0o)?[0-7]+$/i : /^[-+]?[0-9a-z]+$/i;
  if (!digits.test(t)) throw pyRaise('ValueError', `invalid literal for int() with base ${base}: ${strRepr(text)}`);
  const n = parseInt(t.replace(/^([-+]?)0[xbo]/i, '$1'), base);
  if (Number.isNaN(n)) throw pyRaise('ValueError', `invalid literal for int() with base ${base}: ${strRepr(text)}`);
  return n;
}

/** Which interpreter the builtins serve: the one of the execution that is running. */
export interface InterpRef {
  I: Interp;
}

/**
 * The builtins, reaching the running execution's interpreter through `ref`. They hold no state
 * of their own (labels, ids and iteration go through the interpreter), and the built-in types
 * cannot be changed by a program, so a program makes them once and sets `ref.I` per execution.
 */
export function makeBuiltins(ref: InterpRef): Map<string, unknown> {
  const b = new Map<string, unknown>();
  const label = (k: string): string => ref.I.label(k);
  const iterAll = function* (v: unknown): Generator<never, unknown[], unknown> {
    return drain(yield* ref.I.iterate(v, 0));
  };
  const step = <T>(container: PyList | PyDict, kind: 'read' | 'write', perform: () => T): Generator<never, T, unknown> =>
    (function* () {
      return (yield ref.I.containerOp(container, kind, perform) as never) as T;
    })();

  /** `abs(v)`, `int(v)`, `float(v)` of a program object: its own dunder, else `error`. */
  const dunder = (v: unknown, name: string, error: () => unknown): unknown => {
    const m = v instanceof PyInstance ? v.cls.lookup(name) : undefined;
    if (m === undefined || m === null) throw error();
    return ref.I.call(m, [v], undefined);
  };

  const object = new PyClass('object', undefined, new Map(), '', { construct: (_s, args) => (args.length > 0 ? (() => { throw pyRaise('TypeError', 'object() takes no arguments'); })() : new PyObjectSentinel(Number(ref.I.label('object').slice('object#'.length)))) });
  const int = typeClass('int', undefined, (args, kw) => {
    const { values } = bindArgs('int', [['x', 0], ['base', 10]], args, kw);
    const [x, base] = values;
    if (typeof x === 'string') return parseInt10(x, base as number);
    if (x instanceof PyFloat) {
      if (!Number.isFinite(x.v)) throw pyRaise(Number.isNaN(x.v) ? 'ValueError' : 'OverflowError', Number.isNaN(x.v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      return Math.trunc(x.v);
    }
    const n = numeric(x);
    if (n === undefined) return dunder(x, '__int__', () => pyRaise('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${ref.I.typeName(x)}'`));
    return n;
  });
  const bool = typeClass('bool', int, function* (args) {
    return args.length === 0 ? false : yield* ref.I.truthy(args[0]);
  });
  const float = typeClass('float', undefined, (args) => {
    const x = args[0] ?? 0;
    if (typeof x === 'string') {
      const t = x.trim().toLowerCase().replace(/_/g, '');
      const v = t === 'inf' || t === '+inf' || t === 'infinity' ? Infinity : t === '-inf' || t === '-infinity' ? -Infinity : t === 'nan' ? NaN : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t) ? Number(t) : undefined;
      if (v === undefined) throw pyRaise('ValueError', `could not convert string to float: ${strRepr(x)}`);
      return new PyFloat(v);
    }
    const n = numeric(x);
    if (n === undefined) return dunder(x, '__float__', () => pyRaise('TypeError', `float() argument must be a string or a real number, not '${ref.I.typeName(x)}'`));
    return new PyFloat(n);
  });
  const str = typeClass(
    'str',
    undefined,
    function* (args) {
      return args.length === 0 ? '' : yield* ref.I.str(args[0]);
    },
    {
      join(args) {
        const [self, it] = args as [string, unknown];
        return (function* () {
          const items = yield* iterAll(it);
          items.forEach((x, i) => {
            if (typeof x !== 'string') throw pyRaise('TypeError', `sequence item ${i}: expected str instance, ${ref.I.typeName(x)} found`);
          });
          return items.join(self);
        })();
      },
      split(args) {
        const [self, sep, max] = args as [string, string | null | undefined, number | undefined];
        if (sep === undefined || sep === null) return new PyList(self.trim().split(/\s+/).filter((x) => x !== ''), label('list'));
        const parts = self.split(sep);
        if (max !== undefined && max >= 0 && parts.length > max + 1) return new PyList([...parts.slice(0, max), parts.slice(max).join(sep)], label('list'));
        return new PyList(parts, label('list'));
      },
      strip: (a) => (a[1] === undefined || a[1] === null ? (a[0] as string).trim() : stripChars(a[0] as string, a[1] as string, true, true)),
      lstrip: (a) => (a[1] === undefined || a[1] === null ? (a[0] as string).trimStart() : stripChars(a[0] as string, a[1] as string, true, false)),
      rstrip: (a) => (a[1] === undefined || a[1] === null ? (a[0] as string).trimEnd() : stripChars(a[0] as string, a[1] as string, false, true)),
      upper: (a) => (a[0] as string).toUpperCase(),
      lower: (a) => (a[0] as string).toLowerCase(),
      title: (a) => (a[0] as string).replace(/\w\S*/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()),
      capitalize: (a) => ((s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase())(a[0] as string),
      startswith: (a) => (a[1] instanceof PyTuple ? a[1].items.some((p) => (a[0] as string).startsWith(p as string)) : (a[0] as string).startsWith(a[1] as string)),
      endswith: (a) => (a[1] instanceof PyTuple ? a[1].items.some((p) => (a[0] as string).endsWith(p as string)) : (a[0] as string).endsWith(a[1] as string)),
      replace: (a) => (a[0] as string).split(a[1] as string).join(a[2] as string),
      find: (a) => (a[0] as string).indexOf(a[1] as string),
      index: (a) => {
        const i = (a[0] as string).indexOf(a[1] as string);
        if (i < 0) throw pyRaise('ValueError', 'substring not found');
        return i;
      },
      count: (a) => (a[0] as string).split(a[1] as string).length - 1,
      ljust: (a) => (a[0] as string).padEnd(a[1] as number, (a[2] as string | undefined) ?? ' '),
      rjust: (a) => (a[0] as string).padStart(a[1] as number, (a[2] as string | undefined) ?? ' '),
      center: (a) => {
        const s = a[0] as string;
        const w = a[1] as number;
        const pad = Math.max(0, w - s.length);
        const left = Math.floor(pad / 2) + (pad % 2 === 1 && w % 2 === 1 ? 1 : 0);
        return ' '.repeat(left) + s + ' '.repeat(pad - left);
      },
      zfill: (a) => {
        const s = a[0] as string;
        const w = a[1] as number;
        const sign = /^[-+]/.test(s) ? s[0]! : '';
        return sign + s.slice(sign.length).padStart(w - sign.length, '0');
      },
      isdigit: (a) => /^\d+$/.test(a[0] as string),
      isalpha: (a) => /^[A-Za-z]+$/.test(a[0] as string),
      splitlines: (a) => new PyList((a[0] as string).split(/\r?\n/).filter((x, i, all) => i < all.length - 1 || x !== ''), label('list')),
      format(args, kw) {
        return strFormat(ref.I, args[0] as string, args.slice(1), kw);
      },
    },
  );
  const list = typeClass(
    'list',
    undefined,
    function* (args) {
      return new PyList(args.length === 0 ? [] : yield* iterAll(args[0]), label('list'));
    },
    {
      append: (a) => step(a[0] as PyList, 'write', () => void (a[0] as PyList).items.push(a[1])),
      extend: (a) =>
        (function* () {
          const items = yield* iterAll(a[1]);
          return yield* step(a[0] as PyList, 'write', () => void (a[0] as PyList).items.push(...items));
        })(),
      pop: (a) =>
        step(a[0] as PyList, 'write', () => {
          const items = (a[0] as PyList).items;
          if (items.length === 0) throw pyRaise('IndexError', 'pop from empty list');
          const i = a[1] === undefined ? items.length - 1 : (a[1] as number) < 0 ? items.length + (a[1] as number) : (a[1] as number);
          if (i < 0 || i >= items.length) throw pyRaise('IndexError', 'pop index out of range');
          return items.splice(i, 1)[0];
        }),
      insert: (a) => step(a[0] as PyList, 'write', () => void (a[0] as PyList).items.splice(a[1] as number, 0, a[2])),
      remove: (a) =>
        step(a[0] as PyList, 'write', () => {
          const items = (a[0] as PyList).items;
          const i = items.findIndex((x) => ref.I.eq(x, a[1]));
          if (i < 0) throw pyRaise('ValueError', 'list.remove(x): x not in list');
          items.splice(i, 1);
        }),
      index: (a) =>
        step(a[0] as PyList, 'read', () => {
          const i = (a[0] as PyList).items.findIndex((x) => ref.I.eq(x, a[1]));
          if (i < 0) throw pyRaise('ValueError', `${ref.I.reprInline(a[1])} is not in list`);
          return i;
        }),
      count: (a) => step(a[0] as PyList, 'read', () => (a[0] as PyList).items.filter((x) => ref.I.eq(x, a[1])).length),
      clear: (a) => step(a[0] as PyList, 'write', () => void ((a[0] as PyList).items.length = 0)),
      copy: (a) =>
        (function* () {
          const items = yield* step(a[0] as PyList, 'read', () => new Snapshot((a[0] as PyList).items.slice()));
          return new PyList(items.items, label('list'));
        })(),
      reverse: (a) => step(a[0] as PyList, 'write', () => void (a[0] as PyList).items.reverse()),
      sort: (a, kw) =>
        (function* () {
          const self = a[0] as PyList;
          const items = (yield* step(self, 'read', () => new Snapshot(self.items.slice()))).items;
          const sorted = yield* sortValues(ref.I, items, kw?.get('key') ?? null, (yield* ref.I.truthy(kw?.get('reverse') ?? false)) as boolean);
          yield* step(self, 'write', () => void (self.items = sorted));
          return null;
        })(),
    },
  );
  const tuple = typeClass(
    'tuple',
    undefined,
    function* (args) {
      return new PyTuple(args.length === 0 ? [] : yield* iterAll(args[0]));
    },
    {
      count: (a) => (a[0] as PyTuple).items.filter((x) => ref.I.eq(x, a[1])).length,
      index: (a) => {
        const i = (a[0] as PyTuple).items.findIndex((x) => ref.I.eq(x, a[1]));
        if (i < 0) throw pyRaise('ValueError', 'tuple.index(x): x not in tuple');
        return i;
      },
    },
  );
  const dictGet = (d: PyDict, k: unknown): [unknown, unknown] | undefined => {
    ref.I.hashable(k);
    return d.get(k);
  };
  const dict = typeClass(
    'dict',
    undefined,
    function* (args, kw) {
      const d = new PyDict(label('dict'));
      if (args.length > 0) {
        const src = args[0];
        if (src instanceof PyDict) for (const [k, v] of src.map.values()) d.set(k, v);
        else
          for (const pair of yield* iterAll(src)) {
            const items = yield* iterAll(pair);
            if (items.length !== 2) throw pyRaise('ValueError', `dictionary update sequence element #0 has length ${items.length}; 2 is required`);
            d.set(items[0], items[1]);
          }
      }
      if (kw !== undefined) for (const [k, v] of kw) d.set(k, v);
      return d;
    },
    {
      get: (a) => step(a[0] as PyDict, 'read', () => dictGet(a[0] as PyDict, a[1])?.[1] ?? (a[2] === undefined ? null : a[2])),
      keys: (a) => step(a[0] as PyDict, 'read', () => new PyList([...(a[0] as PyDict).map.values()].map((e) => e[0]), label('list'))),
      values: (a) => step(a[0] as PyDict, 'read', () => new PyList([...(a[0] as PyDict).map.values()].map((e) => e[1]), label('list'))),
      items: (a) => step(a[0] as PyDict, 'read', () => new PyList([...(a[0] as PyDict).map.values()].map((e) => new PyTuple(e)), label('list'))),
      pop: (a) =>
        step(a[0] as PyDict, 'write', () => {
          const e = dictGet(a[0] as PyDict, a[1]);
          if (e === undefined) {
            if (a.length > 2) return a[2];
            throw keyError(a[1], ref.I.keyErrorText);
          }
          (a[0] as PyDict).delete(a[1]);
          return e[1];
        }),
      setdefault: (a) =>
        step(a[0] as PyDict, 'write', () => {
          const e = dictGet(a[0] as PyDict, a[1]);
          if (e !== undefined) return e[1];
          const v = a[2] === undefined ? null : a[2];
          (a[0] as PyDict).set(a[1], v);
          return v;
        }),
      update: (a, kw) =>
        step(a[0] as PyDict, 'write', () => {
          const d = a[0] as PyDict;
          if (a[1] instanceof PyDict) for (const [k, v] of a[1].map.values()) d.set(k, v);
          if (kw !== undefined) for (const [k, v] of kw) d.set(k, v);
          return null;
        }),
      clear: (a) => step(a[0] as PyDict, 'write', () => (a[0] as PyDict).clear()),
      copy: (a) =>
        step(a[0] as PyDict, 'read', () => {
          const d = new PyDict(label('dict'));
          for (const [k, v] of (a[0] as PyDict).map.values()) d.set(k, v);
          return d;
        }),
    },
  );
  // dict.fromkeys(iterable, value=None): a class method.
  dict.dict.set(
    'fromkeys',
    new PyClassMethod(
      builtin('fromkeys', (a) =>
        (function* () {
          arity('fromkeys', a.slice(1), 1, 2);
          const d = new PyDict(label('dict'));
          for (const k of yield* iterAll(a[1])) {
            ref.I.hashable(k);
            d.set(k, a[2] ?? null);
          }
          return d;
        })(),
      ),
    ),
  );
  const range = typeClass('range', undefined, (args, kw) => {
    noKw('range', kw);
    arity('range', args, 1, 3);
    const ints = args.map((x) => {
      if (typeof x !== 'number' && typeof x !== 'boolean') throw pyRaise('TypeError', `'${ref.I.typeName(x)}' object cannot be interpreted as an integer`);
      return Number(x);
    });
    if (ints.length === 1) return new PyRange(0, ints[0]!, 1);
    if (ints[2] === 0) throw pyRaise('ValueError', 'range() arg 3 must not be zero');
    return new PyRange(ints[0]!, ints[1]!, ints[2] ?? 1);
  });
  const type = typeClass('type', undefined, (args) => {
    arity('type', args, 1, 1);
    return ref.I.classOf(args[0]) ?? object;
  });
  const { set, frozenset } = setClasses(ref);
  for (const c of [object, int, bool, float, str, list, tuple, dict, range, type, set, frozenset]) b.set(c.name, c);
  b.set('NoneType', new PyClass('NoneType', undefined, new Map()));
  for (const name of ['BaseException', 'Exception', 'ValueError', 'TypeError', 'RuntimeError', 'KeyError', 'IndexError', 'AttributeError', 'NameError', 'UnboundLocalError', 'ZeroDivisionError', 'ArithmeticError', 'LookupError', 'AssertionError', 'NotImplementedError', 'StopIteration', 'TimeoutError', 'OSError', 'SystemExit', 'KeyboardInterrupt', 'GeneratorExit', 'ImportError', 'ModuleNotFoundError', 'RecursionError', 'OverflowError']) {
    b.set(name, exceptionClass(name)!);
  }
  // BaseException's own methods: args and str come from the interpreter; __init__ keeps args.
  BaseException.dict.set(
    '__init__',
    builtin('__init__', (a) => {
      const self = a[0] as PyInstance;
      self.dict.set('args', new PyTuple(a.slice(1)));
      return null;
    }),
  );

  const fns: Record<string, Fn> = {
    print(args, kw) {
      const { values } = bindArgs('print', [['sep', ' '], ['end', '\n'], ['file', null], ['flush', false]], [], kw);
      const sep = values[0] === null ? ' ' : String(values[0]);
      const end = values[1] === null ? '\n' : String(values[1]);
      return (function* () {
        const parts: string[] = [];
        for (const v of args) parts.push(yield* ref.I.str(v));
        const text = parts.join(sep);
        // Two writes, as CPython's print: the text, then the end.
        if (end.endsWith('\n')) {
          const lines = (text + end.slice(0, -1)).split('\n');
          const last = lines.pop()!;
          for (const l of lines) yield* write('stdout', l) as Generator<never>;
          yield* write(PARTIAL, last) as Generator<never>;
          yield* write('stdout', '') as Generator<never>;
        } else {
          yield* write(PARTIAL, text + end) as Generator<never>;
        }
        return null;
      })();
    },
    len(args, kw) {
      noKw('len', kw);
      arity('len', args, 1, 1);
      const v = args[0];
      if (typeof v === 'string') return [...v].length;
      if (v instanceof PyList) return step(v, 'read', () => v.items.length);
      if (v instanceof PyDict) return step(v, 'read', () => v.map.size);
      if (v instanceof PySet) return setStep(ref.I, v, 'read', () => v.used);
      if (v instanceof PyTuple) return v.items.length;
      if (v instanceof PyRange) return v.length;
      if (v instanceof PyInstance) {
        const m = v.cls.lookup('__len__');
        if (m !== undefined) return ref.I.call(m, [v], undefined);
      }
      throw pyRaise('TypeError', `object of type '${ref.I.typeName(v)}' has no len()`);
    },
    repr: (args) => ref.I.reprOf(args[0]),
    abs: (args) => {
      const v = args[0];
      if (v instanceof PyFloat) return new PyFloat(Math.abs(v.v));
      const n = numeric(v);
      if (n === undefined) return dunder(v, '__abs__', () => pyRaise('TypeError', `bad operand type for abs(): '${ref.I.typeName(v)}'`));
      return Math.abs(n);
    },
    round: (args) => {
      const v = numeric(args[0]);
      if (v === undefined) throw pyRaise('TypeError', `type ${ref.I.typeName(args[0])} doesn't define __round__ method`);
      const nd = args[1];
      if (nd === undefined || nd === null) return roundHalfEven(v);
      const r = (nd as number) >= 0 ? Number(toFixedPy(v, nd as number)) : roundHalfEven(v / 10 ** -(nd as number)) * 10 ** -(nd as number);
      return args[0] instanceof PyFloat ? new PyFloat(r) : r;
    },
    min: (args, kw) => extreme(ref.I, 'min', args, kw, -1),
    max: (args, kw) => extreme(ref.I, 'max', args, kw, 1),
    sum: (args) =>
      (function* () {
        let acc: unknown = args[1] ?? 0;
        const it = yield* ref.I.iterStart(args[0], 0);
        for (let r = yield* ref.I.iterNext(it); r.done !== true; r = yield* ref.I.iterNext(it)) acc = yield* ref.I.binary('Add', acc, r.value, false);
        return acc;
      })(),
    sorted: (args, kw) =>
      (function* () {
        arity('sorted', args, 1, 1);
        const items = yield* iterAll(args[0]);
        return new PyList(yield* sortValues(ref.I, items, kw?.get('key') ?? null, yield* ref.I.truthy(kw?.get('reverse') ?? false)), label('list'));
      })(),
    reversed: (args) =>
      (function* () {
        return new PyIterator((yield* iterAll(args[0])).reverse()[Symbol.iterator]());
      })(),
    enumerate: (args, kw) =>
      (function* () {
        const { values } = bindArgs('enumerate', [['iterable', REQUIRED], ['start', 0]], args, kw);
        const start = values[1] as number;
        const it = yield* ref.I.iterStart(values[0], 0);
        let i = start;
        return yield* lazy([it], (items) => new PyTuple([i++, items[0]]));
      })(),
    zip: (args) =>
      (function* () {
        const its: (Iterator<unknown> | PyStepIterator)[] = [];
        for (const a of args) its.push(yield* ref.I.iterStart(a, 0));
        return yield* lazy(its, (items) => new PyTuple(items));
      })(),
    map: (args) =>
      (function* () {
        const its: (Iterator<unknown> | PyStepIterator)[] = [];
        for (const a of args.slice(1)) its.push(yield* ref.I.iterStart(a, 0));
        const fn = args[0];
        return yield* lazy(its, (items) => ref.I.call(fn, items, undefined), undefined, true);
      })(),
    filter: (args) =>
      (function* () {
        const it = yield* ref.I.iterStart(args[1], 0);
        const fn = args[0];
        const keep = function* (x: unknown): Generator<never, boolean, unknown> {
          return fn === null ? yield* ref.I.truthy(x) : yield* ref.I.truthy(yield* ref.I.call(fn, [x], undefined));
        };
        return yield* lazy([it], (items) => items[0], keep, true);
      })(),
    any: (args) =>
      (function* () {
        const it = yield* ref.I.iterStart(args[0], 0);
        for (let r = yield* ref.I.iterNext(it); r.done !== true; r = yield* ref.I.iterNext(it)) if (yield* ref.I.truthy(r.value)) return true;
        return false;
      })(),
    all: (args) =>
      (function* () {
        const it = yield* ref.I.iterStart(args[0], 0);
        for (let r = yield* ref.I.iterNext(it); r.done !== true; r = yield* ref.I.iterNext(it)) if (!(yield* ref.I.truthy(r.value))) return false;
        return true;
      })(),
    iter: (args) =>
      (function* () {
        const src = yield* ref.I.iterOpen(args[0], 0);
        if (src instanceof PyStepIterator || src instanceof PyIterator) return src;
        return new PyIterator(yield* ref.I.iterate(src, 0));
      })(),
    next: (args) => {
      const it = args[0];
      if (it instanceof PyStepIterator || (it instanceof PyInstance && it.cls.lookup('__next__') !== undefined)) {
        return (function* () {
          const r = yield* ref.I.iterNext((yield* ref.I.iterStart(it, 0)) as PyStepIterator);
          if (r.done !== true) return r.value;
          if (args.length > 1) return args[1];
          throw stopIteration(r.value, ref.I.strOf);
        })();
      }
      if (!(it instanceof PyIterator)) throw pyRaise('TypeError', `'${ref.I.typeName(it)}' object is not an iterator`);
      const r = it.it.next();
      if (r.done) {
        if (args.length > 1) return args[1];
        throw pyRaise('StopIteration', '');
      }
      return r.value;
    },
    isinstance: (args) => {
      arity('isinstance', args, 2, 2);
      const classes = args[1] instanceof PyTuple ? args[1].items : [args[1]];
      const cls = ref.I.classOf(args[0]);
      return classes.some((c) => {
        if (!(c instanceof PyClass)) throw pyRaise('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
        if (c === object) return true;
        if (cls === undefined) return false;
        if (c === int && typeof args[0] === 'boolean') return true;
        return cls.isSubclassOf(c) || (args[0] instanceof PyInstance && args[0].host !== undefined && ref.I.classOf(args[0].host)?.isSubclassOf(c) === true);
      });
    },
    issubclass: (args) => args[0] instanceof PyClass && args[1] instanceof PyClass && args[0].isSubclassOf(args[1]),
    hasattr: (args) =>
      (function* () {
        try {
          yield* ref.I.getAttr(args[0], String(args[1]), 0);
          return true;
        } catch (e) {
          if ((e as { pyType?: string }).pyType === 'AttributeError') return false;
          throw e;
        }
      })(),
    getattr: (args) =>
      (function* () {
        try {
          return yield* ref.I.getAttr(args[0], String(args[1]), 0);
        } catch (e) {
          if (args.length > 2 && (e as { pyType?: string }).pyType === 'AttributeError') return args[2];
          throw e;
        }
      })(),
    setattr: (args) =>
      (function* () {
        yield* ref.I.setAttr(args[0], String(args[1]), args[2], 0);
        return null;
      })(),
    id: (args) => (typeof args[0] === 'object' && args[0] !== null ? ref.I.idOf(args[0]) : 0),
    vars: (args) => {
      if (args.length !== 1) throw pyRaise('TypeError', 'vars() without an argument is not supported by threadsim');
      return ref.I.getAttr(args[0], '__dict__', 0);
    },
    // Ints past 2^53 are not exact (threadsim's ints are JavaScript numbers, see docs/python.md).
    hash: (args) => ref.I.hashNumber(args[0]),
    callable: (args) => args[0] instanceof PyFunction || args[0] instanceof PyBuiltin || args[0] instanceof PyBound || args[0] instanceof PyClass,
    chr: (args) => String.fromCodePoint(args[0] as number),
    ord: (args) => (args[0] as string).codePointAt(0)!,
    divmod: (args) =>
      (function* () {
        return new PyTuple([yield* ref.I.binary('FloorDiv', args[0], args[1], false), yield* ref.I.binary('Mod', args[0], args[1], false)]);
      })(),
    format: (args) => ref.I.format(args[0], args.length > 1 ? String(args[1]) : ''),
    staticmethod: (args) => new PyStatic(args[0]),
    classmethod: (args) => new PyClassMethod(args[0]),
    super: () => {
      throw pyRaise('RuntimeError', 'super(): only the zero-argument form is supported by threadsim');
    },
    input: () => {
      throw pyRaise('EOFError', 'EOF when reading a line');
    },
  };
  for (const [name, fn] of Object.entries(fns)) b.set(name, builtin(name, fn));
  b.set('property', propertyClass());
  b.set('None', null);
  b.set('NotImplemented', NotImplemented);
  b.set('True', true);
  b.set('False', false);
  for (const v of b.values()) if (v instanceof PyClass && v.module === '') markBuiltinType(v);
  return b;
}

/**
 * The iterator of `zip`, `map`, `enumerate` or `filter` over `its`: each item made by `make`
 * from one item of each (and kept when `keep` says so). Over built-in containers the items are
 * made at once (their contents were read in one step); over a generator or another step
 * iterator, one at a time as the consumer pulls, so the generator runs no further than
 * CPython's would.
 */
function* lazy(
  its: readonly (Iterator<unknown> | PyStepIterator)[],
  make: (items: unknown[]) => unknown,
  keep?: (x: unknown) => Generator<never, boolean, unknown>,
  /** `map` and `filter` call their function as items are pulled, even over a built-in container. */
  always = false,
): Generator<never, unknown, unknown> {
  const pull = function* (): Generator<never, IteratorResult<unknown>, unknown> {
    for (;;) {
      const items: unknown[] = [];
      for (const it of its) {
        const r = it instanceof PyStepIterator ? yield* it.step() as Generator<never, IteratorResult<unknown>, unknown> : it.next();
        if (r.done === true) return { done: true, value: undefined };
        items.push(r.value);
      }
      if (its.length === 0) return { done: true, value: undefined };
      let v = make(items);
      if (isSteps(v)) v = yield* v;
      if (keep === undefined || (yield* keep(v))) return { done: false, value: v };
    }
  };
  if (always || its.some((x) => x instanceof PyStepIterator)) return new PyStepIterator(pull, false);
  // Over built-in containers only: every item now.
  const out: unknown[] = [];
  for (let r = yield* pull(); r.done !== true; r = yield* pull()) out.push(r.value);
  return new PyIterator(out[Symbol.iterator]());
}

function isSteps(v: unknown): v is Generator<never, unknown, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as Generator).next === 'function' && typeof (v as Generator).throw === 'function';
}

/** `property(fget, fset)`, with `.setter` for the decorator form. */
function propertyClass(): PyClass {
  const dict = new Map<string, unknown>();
  const cls = new PyClass('property', undefined, dict, '', { construct: (_s, args) => new PyProperty(args[0], args[1] ?? undefined) });
  return cls;
}

function stripChars(s: string, chars: string, left: boolean, right: boolean): string {
  let a = 0;
  let z = s.length;
  if (left) while (a < z && chars.includes(s[a]!)) a++;
  if (right) while (z > a && chars.includes(s[z - 1]!)) z--;
  return s.slice(a, z);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function* extreme(I: Interp, name: string, args: unknown[], kw: Kw, sign: 1 | -1): Generator<never, unknown, unknown> {
  const key = kw?.get('key') ?? null;
  const hasDefault = kw?.has('default') ?? false;
  const items = args.length === 1 ? drain(yield* I.iterate(args[0], 0)) : args;
  if (items.length === 0) {
    if (hasDefault) return kw!.get('default');
    throw pyRaise('ValueError', `${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === null ? best : yield* I.call(key, [best], undefined);
  for (const x of items.slice(1)) {
    const k = key === null ? x : yield* I.call(key, [x], undefined);
    if (yield* I.compare(sign > 0 ? 'Gt' : 'Lt', k, bestKey)) {
      best = x;
      bestKey = k;
    }
  }
  return best;
}

/** A stable merge sort whose comparisons may run program code (`__lt__`, key functions). */
function* sortValues(I: Interp, items: unknown[], key: unknown, reverse: boolean): Generator<never, unknown[], unknown> {
  const keyed: [unknown, unknown][] = [];
  for (const x of items) keyed.push([key === null ? x : yield* I.call(key, [x], undefined), x]);
  const sort = function* (a: [unknown, unknown][]): Generator<never, [unknown, unknown][], unknown> {
    if (a.length <= 1) return a;
    const mid = a.length >> 1;
    const l = yield* sort(a.slice(0, mid));
    const r = yield* sort(a.slice(mid));
    const out: [unknown, unknown][] = [];
    let i = 0;
    let j = 0;
    while (i < l.length && j < r.length) {
      const takeRight = reverse ? yield* I.compare('Lt', l[i]![0], r[j]![0]) : yield* I.compare('Lt', r[j]![0], l[i]![0]);
      out.push(takeRight ? r[j++]! : l[i++]!);
    }
    return out.concat(l.slice(i), r.slice(j));
  };
  return (yield* sort(keyed)).map((e) => e[1]);
}

/** `str.format`: `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, `!r`/`!s`, format specs. */
function* strFormat(I: Interp, fmt: string, args: unknown[], kw: Kw): Generator<never, string, unknown> {
  let out = '';
  let auto = 0;
  let manual = false;
  const re = /\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}/g;
  let last = 0;
  for (let m = re.exec(fmt); m !== null; m = re.exec(fmt)) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    if (m[0] === '{{' || m[0] === '}}') {
      out += m[0][0];
      continue;
    }
    const field = m[1] ?? '';
    const [head, ...rest] = field.split(/(?=[.[])/);
    let v: unknown;
    if (head === '' || head === undefined) {
      if (manual) throw pyRaise('ValueError', 'cannot switch from manual field specification to automatic field numbering');
      v = args[auto++];
    } else if (/^\d+$/.test(head)) {
      if (auto > 0) throw pyRaise('ValueError', 'cannot switch from automatic field numbering to manual field specification');
      manual = true;
      v = args[Number(head)];
    }
    else {
      if (kw === undefined || !kw.has(head)) throw keyError(head);
      v = kw.get(head);
    }
    if (v === undefined) throw pyRaise('IndexError', `Replacement index ${head === '' ? auto - 1 : head} out of range for positional args tuple`);
    for (const r of rest) {
      if (r.startsWith('.')) v = yield* I.getAttr(v, r.slice(1), 0);
      else {
        const k = r.slice(1, -1);
        v = yield* I.getItem(v, /^\d+$/.test(k) ? Number(k) : k, 0);
      }
    }
    const conv = m[2];
    const spec = m[3] ?? '';
    if (conv === 'r' || conv === 'a') out += yield* I.format(yield* I.reprOf(v), spec);
    else if (conv === 's') out += yield* I.format(yield* I.str(v), spec);
    else out += yield* I.format(v, spec);
  }
  return out + fmt.slice(last);
}

export { floatRepr, PyInstance };
