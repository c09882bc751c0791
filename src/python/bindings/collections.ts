/**
 * `collections` for `.py` programs: deque, Counter, defaultdict, OrderedDict and namedtuple.
 *
 * They are shared state as lists and dicts are: a deque is a list underneath and Counter,
 * defaultdict and OrderedDict are dicts, so every read and write of their contents is a step
 * on the object (`deque#1`, `Counter#1`), and a method that changes one in a single C call
 * (`append`, `appendleft`, `pop`, `popleft`, `extend`, `rotate`, `c.update(...)`) is one atomic
 * write, as under CPython's GIL: two threads appending to one deque lose nothing and race
 * detection does not report them. `counts[w] += 1` is a read then a write, as for a dict: a
 * race. `Counter.__missing__` is Python code in CPython, so reading a missing key passes a check
 * point (a thread may switch before the write); defaultdict's is C, and its factory's value is
 * stored in a write glued to the read unless the factory is the program's own function.
 */
import { bindArgs, REQUIRED } from '../args.js';
import { pyRaise } from '../exceptions.js';
import { drain, keyError, numeric, PyHostProperty, PyIterator, type Interp } from '../interp.js';
import type { InterpRef } from '../builtins.js';
import { PyBound, PyBuiltin, PyClass, PyDict, PyFloat, PyFunction, PyInstance, PyList, PyTuple, Snapshot, type MissingKey, type OwnRepr, type PyModuleObject } from '../values.js';
import { modelClass, moduleOf, type Kw, type MethodSpec } from './host.js';

/** `collections.deque`: a list underneath (so indexing, `len`, `in` and iteration are the list's steps), with a bound. */
export class PyDeque extends PyList implements OwnRepr {
  /** The name CPython's messages give this C type. */
  readonly printedType = 'collections.deque';
  constructor(
    items: unknown[],
    label: string,
    /** `maxlen`, or null for unbounded. */
    readonly maxlen: number | null,
  ) {
    super(maxlen !== null && items.length > maxlen ? items.slice(items.length - maxlen) : items, label);
  }
  reprItems(): readonly unknown[] {
    return this.items;
  }
  pyRepr(item: (v: unknown) => string): string {
    const body = `[${this.items.map((x) => (x === this ? '[...]' : item(x))).join(', ')}]`;
    return this.maxlen === null ? `deque(${body})` : `deque(${body}, maxlen=${this.maxlen})`;
  }
  /** Append on the right, dropping from the left when full (as CPython's deque). */
  pushRight(x: unknown): void {
    if (this.maxlen === 0) return;
    if (this.maxlen !== null && this.items.length >= this.maxlen) this.items.shift();
    this.items.push(x);
  }
  pushLeft(x: unknown): void {
    if (this.maxlen === 0) return;
    if (this.maxlen !== null && this.items.length >= this.maxlen) this.items.pop();
    this.items.unshift(x);
  }
}

/** `collections.Counter`: a dict whose missing keys count 0. */
export class PyCounter extends PyDict implements OwnRepr, MissingKey {
  reprItems(): readonly unknown[] {
    return [...this.map.values()].flat();
  }
  pyRepr(item: (v: unknown) => string): string {
    if (this.map.size === 0) return 'Counter()';
    return `Counter({${mostCommon(this).map(([k, v]) => `${item(k)}: ${item(v)}`).join(', ')}})`;
  }
  *missing(interp: Interp): Generator<never, unknown, unknown> {
    // Counter.__missing__ is a Python method in CPython: entering it is a check point.
    interp.check = true;
    return 0;
  }
}

/** `collections.defaultdict`: a missing key gets `default_factory()`, stored. */
export class PyDefaultDict extends PyDict implements OwnRepr, MissingKey {
  /** The name CPython's messages give this C type. */
  readonly printedType = 'collections.defaultdict';
  constructor(
    label: string,
    public factory: unknown,
  ) {
    super(label);
  }
  reprItems(): readonly unknown[] {
    return [this.factory, ...[...this.map.values()].flat()];
  }
  pyRepr(item: (v: unknown) => string): string {
    return `defaultdict(${item(this.factory)}, {${[...this.map.values()].map(([k, v]) => `${item(k)}: ${item(v)}`).join(', ')}})`;
  }
  *missing(interp: Interp, key: unknown, line: number): Generator<never, unknown, unknown> {
    if (this.factory === null) throw keyError(key);
    const before = interp.check;
    const v = yield* interp.call(this.factory, [], undefined);
    // CPython calls the factory from C: only the program's own code (a lambda, a class with
    // __init__) passes a check point, which its entry has set.
    if (!(this.factory instanceof PyFunction) && !(this.factory instanceof PyClass && this.factory.hostClass === undefined)) interp.check = before;
    yield interp.atomicWrite(this.label, line, () => this.set(key, v), v) as never;
    return v;
  }
}

/** `collections.OrderedDict`. */
export class PyOrderedDict extends PyDict implements OwnRepr {
  /** The name CPython's messages give this C type. */
  readonly printedType = 'collections.OrderedDict';
  reprItems(): readonly unknown[] {
    return [...this.map.values()].flat();
  }
  pyRepr(item: (v: unknown) => string): string {
    if (this.map.size === 0) return 'OrderedDict()';
    return `OrderedDict([${[...this.map.values()].map(([k, v]) => `(${item(k)}, ${item(v)})`).join(', ')}])`;
  }
}

/** An instance of a class made by `namedtuple`: a tuple that knows its class. */
export class PyNamedTuple extends PyTuple implements OwnRepr {
  constructor(
    items: readonly unknown[],
    readonly cls: PyClass,
    readonly fields: readonly string[],
  ) {
    super(items);
  }
  reprItems(): readonly unknown[] {
    return this.items;
  }
  pyRepr(item: (v: unknown) => string): string {
    return `${this.cls.name}(${this.fields.map((f, i) => `${f}=${item(this.items[i])}`).join(', ')})`;
  }
}

/** Counter's items by count, highest first, ties in insertion order (CPython's `most_common`). */
function mostCommon(c: PyDict): [unknown, unknown][] {
  const entries = [...c.map.values()];
  const n = (v: unknown): number => numeric(v) ?? 0;
  return entries.map((e, i) => [e, i] as const).sort((a, b) => n(b[0][1]) - n(a[0][1]) || a[1] - b[1]).map(([e]) => e);
}

function add(a: unknown, b: unknown): unknown {
  const x = numeric(a) ?? 0;
  const y = numeric(b) ?? 0;
  return a instanceof PyFloat || b instanceof PyFloat ? new PyFloat(x + y) : x + y;
}

function positive(v: unknown): boolean {
  return (numeric(v) ?? 0) > 0;
}

/** Build `collections`. `dict` is the builtins' dict class (Counter, defaultdict and OrderedDict derive from it). */
export function collectionsModule(ref: InterpRef, registry: Map<Function, PyClass>, dict: PyClass): PyModuleObject {
  const I = (): Interp => ref.I;
  const items = function* (v: unknown): Generator<never, unknown[], unknown> {
    return drain(yield* I().iterate(v, 0));
  };
  const step = <T>(c: PyList | PyDict, kind: 'read' | 'write', perform: () => T): Generator<never, T, unknown> =>
    (function* () {
      return (yield I().containerOp(c, kind, perform) as never) as T;
    })();
  const dq = (v: unknown): PyDeque => {
    if (!(v instanceof PyDeque)) throw pyRaise('TypeError', `descriptor requires a 'collections.deque' object but received a '${I().typeName(v)}'`);
    return v;
  };
  const index = (d: PyDeque, key: unknown): number => {
    if (typeof key === 'object' && key !== null && 'slice' in key) throw pyRaise('TypeError', "sequence index must be integer, not 'slice'");
    const k = numeric(key);
    if (k === undefined || key instanceof PyFloat) throw pyRaise('TypeError', `sequence index must be integer, not '${I().typeName(key)}'`);
    const i = k < 0 ? d.items.length + k : k;
    if (i < 0 || i >= d.items.length) throw pyRaise('IndexError', 'deque index out of range');
    return i;
  };

  /** `pop` and `popleft`: one atomic write step taking an end's item. */
  const popEnd = (left: boolean): MethodSpec => ({
    params: [],
    run: (s) =>
      step(dq(s), 'write', () => {
        if (dq(s).items.length === 0) throw pyRaise('IndexError', 'pop from an empty deque');
        return left ? dq(s).items.shift() : dq(s).items.pop();
      }),
  });
  /** `extend` and `extendleft`: the iterable read first, then one atomic write step. */
  const extendEnd = (left: boolean): MethodSpec => ({
    params: [['iterable', REQUIRED]],
    run: (s, v) =>
      (function* () {
        const xs = yield* items(v[0]);
        return yield* step(dq(s), 'write', () => void xs.forEach((x) => (left ? dq(s).pushLeft(x) : dq(s).pushRight(x))));
      })(),
  });

  const dequeMethods: Record<string, MethodSpec> = {
    append: { params: [['x', REQUIRED]], run: (s, v) => step(dq(s), 'write', () => void dq(s).pushRight(v[0])) },
    appendleft: { params: [['x', REQUIRED]], run: (s, v) => step(dq(s), 'write', () => void dq(s).pushLeft(v[0])) },
    pop: popEnd(false),
    popleft: popEnd(true),
    extend: extendEnd(false),
    extendleft: extendEnd(true),
    rotate: {
      params: [['n', 1]],
      run: (s, v) => {
        if (typeof v[0] !== 'number' && typeof v[0] !== 'boolean') throw pyRaise('TypeError', `'${I().typeName(v[0])}' object cannot be interpreted as an integer`);
        return step(dq(s), 'write', () => {
          const xs = dq(s).items;
          if (xs.length === 0) return null;
          const n = (((numeric(v[0]) ?? 0) % xs.length) + xs.length) % xs.length;
          xs.unshift(...xs.splice(xs.length - n, n));
          return null;
        });
      },
    },
    clear: { params: [], run: (s) => step(dq(s), 'write', () => void (dq(s).items.length = 0)) },
    copy: {
      params: [],
      run: (s) =>
        (function* () {
          const snap = yield* step(dq(s), 'read', () => new Snapshot(dq(s).items.slice()));
          return new PyDeque(snap.items, I().label('deque'), dq(s).maxlen);
        })(),
    },
    count: { params: [['x', REQUIRED]], run: (s, v) => step(dq(s), 'read', () => dq(s).items.filter((x) => I().eq(x, v[0])).length) },
    index: {
      params: [['x', REQUIRED]],
      run: (s, v) =>
        step(dq(s), 'read', () => {
          const i = dq(s).items.findIndex((x) => I().eq(x, v[0]));
          if (i < 0) throw pyRaise('ValueError', `${I().repr(v[0])} is not in deque`);
          return i;
        }),
    },
    insert: {
      params: [['i', REQUIRED], ['x', REQUIRED]],
      run: (s, v) =>
        step(dq(s), 'write', () => {
          const d = dq(s);
          if (d.maxlen !== null && d.items.length >= d.maxlen) throw pyRaise('IndexError', 'deque already at its maximum size');
          const k = numeric(v[0]) ?? 0;
          d.items.splice(k < 0 ? Math.max(0, d.items.length + k) : k, 0, v[1]);
          return null;
        }),
    },
    remove: {
      params: [['value', REQUIRED]],
      run: (s, v) =>
        step(dq(s), 'write', () => {
          const i = dq(s).items.findIndex((x) => I().eq(x, v[0]));
          if (i < 0) throw pyRaise('ValueError', `${I().repr(v[0])} is not in deque`);
          dq(s).items.splice(i, 1);
          return null;
        }),
    },
    reverse: { params: [], run: (s) => step(dq(s), 'write', () => void dq(s).items.reverse()) },
    __getitem__: { params: [['key', REQUIRED]], run: (s, v) => step(dq(s), 'read', () => dq(s).items[index(dq(s), v[0])]) },
    __setitem__: {
      params: [['key', REQUIRED], ['value', REQUIRED]],
      run: (s, v) =>
        step(dq(s), 'write', () => {
          dq(s).items[index(dq(s), v[0])] = v[1];
          return null;
        }),
    },
  };
  const deque = modelClass(
    registry,
    'deque',
    'collections.',
    PyDeque,
    {
      params: [['iterable', null], ['maxlen', null]],
      native: true,
      called: 'deque',
      construct: (_self, v) => {
        const maxlen = v[1];
        if (maxlen !== null && (typeof maxlen !== 'number' || maxlen < 0)) throw pyRaise(typeof maxlen === 'number' ? 'ValueError' : 'TypeError', typeof maxlen === 'number' ? 'maxlen must be non-negative' : 'an integer is required');
        return (function* () {
          const xs = v[0] === null ? [] : yield* items(v[0]);
          return new PyDeque(xs, I().label('deque'), maxlen as number | null);
        })();
      },
    },
    dequeMethods,
    { maxlen: new PyHostProperty((s) => dq(s).maxlen) },
  );

  // ----- Counter -----
  const counter = (v: unknown): PyCounter => {
    if (!(v instanceof PyCounter)) throw pyRaise('TypeError', `descriptor requires a 'Counter' object but received a '${I().typeName(v)}'`);
    return v;
  };
  /** Counter.update / subtract: the counts of a mapping or an iterable's elements, gathered first (their reads are steps), then one write. */
  const counts = function* (src: unknown, kw: Kw): Generator<never, [unknown, unknown][], unknown> {
    const out: [unknown, unknown][] = [];
    if (src instanceof PyDict) {
      const snap = yield* step(src, 'read', () => new Snapshot([...src.map.values()].map((e) => new PyTuple(e))));
      for (const t of snap.items) out.push([(t as PyTuple).items[0], (t as PyTuple).items[1]]);
    } else if (src !== null && src !== undefined) {
      for (const x of yield* items(src)) out.push([x, 1]);
    }
    if (kw !== undefined) for (const [k, v] of kw) out.push([k, v]);
    return out;
  };
  const applyCounts = (c: PyCounter, pairs: readonly [unknown, unknown][], sign: 1 | -1): void => {
    for (const [k, n] of pairs) {
      I().hashable(k);
      const cur = c.get(k)?.[1] ?? 0;
      c.set(k, sign > 0 ? add(cur, n) : add(cur, numeric(n) === undefined ? n : n instanceof PyFloat ? new PyFloat(-n.v) : -(numeric(n) ?? 0)));
    }
  };
  /** `a OP b` for Counters: a new Counter from both read in one step each, kept positive as CPython's operators keep it. */
  const combine = (name: string, f: (x: unknown, y: unknown, inA: boolean, inB: boolean) => unknown) => ({
    params: [['other', REQUIRED]] as const,
    run: (s: unknown, v: unknown[]) =>
      (function* () {
        const a = counter(s);
        const b = v[0];
        if (!(b instanceof PyCounter)) throw pyRaise('TypeError', `unsupported operand type(s) for ${name}: 'Counter' and '${I().typeName(b)}'`);
        const ea = (yield* step(a, 'read', () => new Snapshot([...a.map.values()]))).items as [unknown, unknown][];
        const eb = (yield* step(b, 'read', () => new Snapshot([...b.map.values()]))).items as [unknown, unknown][];
        const out = new PyCounter(I().label('Counter'));
        const get = (es: [unknown, unknown][], k: unknown): [unknown, unknown] | undefined => es.find((e) => I().eq(e[0], k));
        for (const [k, x] of ea) {
          const o = get(eb, k);
          const r = f(x, o?.[1] ?? 0, true, o !== undefined);
          if (positive(r)) out.set(k, r);
        }
        for (const [k, y] of eb) {
          if (get(ea, k) !== undefined) continue;
          const r = f(0, y, false, true);
          if (positive(r)) out.set(k, r);
        }
        return out;
      })(),
  });
  /** `update` and `subtract`: the counts read first, then one atomic write step adding them with `sign`. */
  const applyCountsBy = (sign: 1 | -1): MethodSpec => ({
    params: [['iterable', null]],
    anyKw: true,
    run: (s, v, _e, kw) =>
      (function* () {
        const pairs = yield* counts(v[0], kw);
        I().check = true;
        yield* step(counter(s), 'write', () => applyCounts(counter(s), pairs, sign));
        return null;
      })(),
  });

  const counterMethods: Record<string, MethodSpec> = {
    most_common: {
      params: [['n', null]],
      run: (s, v) =>
        step(counter(s), 'read', () => {
          const all = mostCommon(counter(s)).map((e) => new PyTuple(e));
          return new PyList(v[0] === null ? all : all.slice(0, Math.max(0, numeric(v[0]) ?? 0)), I().label('list'));
        }),
    },
    elements: {
      params: [],
      run: (s) =>
        (function* () {
          const es = yield* step(counter(s), 'read', () => new Snapshot([...counter(s).map.values()]));
          const out: unknown[] = [];
          for (const [k, n] of es.items as [unknown, unknown][]) for (let i = 0; i < (numeric(n) ?? 0); i++) out.push(k);
          return new PyIterator(out[Symbol.iterator]());
        })(),
    },
    total: { params: [], run: (s) => step(counter(s), 'read', () => [...counter(s).map.values()].reduce<unknown>((acc, e) => add(acc, e[1]), 0)) },
    update: applyCountsBy(1),
    subtract: applyCountsBy(-1),
    copy: {
      params: [],
      run: (s) =>
        step(counter(s), 'read', () => {
          const out = new PyCounter(I().label('Counter'));
          for (const [k, x] of counter(s).map.values()) out.set(k, x);
          return out;
        }),
    },
    __add__: combine('+', (x, y) => add(x, y)),
    __sub__: combine('-', (x, y) => add(x, numeric(y) === undefined ? 0 : -(numeric(y) ?? 0))),
    __or__: combine('|', (x, y) => ((numeric(x) ?? 0) >= (numeric(y) ?? 0) ? x : y)),
    __and__: combine('&', (x, y, inA, inB) => (inA && inB ? ((numeric(x) ?? 0) <= (numeric(y) ?? 0) ? x : y) : 0)),
  };
  const Counter = modelClass(
    registry,
    'Counter',
    'collections.',
    PyCounter,
    {
      params: [['iterable', null]],
      anyKw: true,
      construct: (_self, v, _e, kw) =>
        (function* () {
          const c = new PyCounter(I().label('Counter'));
          applyCounts(c, yield* counts(v[0], kw), 1);
          return c;
        })(),
    },
    counterMethods,
    {},
    dict,
  );

  // ----- defaultdict and OrderedDict -----
  /** The dict constructor's arguments (a mapping or pairs, then keywords) into `d`. */
  const fill = function* (d: PyDict, src: unknown, kw: Kw): Generator<never, PyDict, unknown> {
    if (src instanceof PyDict) {
      const snap = yield* step(src, 'read', () => new Snapshot([...src.map.values()]));
      for (const [k, x] of snap.items as [unknown, unknown][]) d.set(k, x);
    } else if (src !== null && src !== undefined) {
      let i = 0;
      for (const pair of yield* items(src)) {
        const kv = yield* items(pair);
        if (kv.length !== 2) throw pyRaise('ValueError', `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
        I().hashable(kv[0]);
        d.set(kv[0], kv[1]);
        i++;
      }
    }
    if (kw !== undefined) for (const [k, x] of kw) d.set(k, x);
    return d;
  };
  const defaultdict = modelClass(
    registry,
    'defaultdict',
    'collections.',
    PyDefaultDict,
    {
      params: [['default_factory', null]],
      rest: true,
      anyKw: true,
      construct: (_self, v, extra, kw) => {
        const factory = v[0];
        if (factory !== null && !isCallable(factory)) throw pyRaise('TypeError', 'first argument must be callable or None');
        if (extra.length > 1) throw pyRaise('TypeError', `defaultdict expected at most 2 arguments, got ${extra.length + 1}`);
        return fill(new PyDefaultDict(I().label('defaultdict'), factory), extra[0], kw);
      },
    },
    {
      copy: {
        params: [],
        run: (s) =>
          step(s as PyDefaultDict, 'read', () => {
            const d = s as PyDefaultDict;
            const out = new PyDefaultDict(I().label('defaultdict'), d.factory);
            for (const [k, x] of d.map.values()) out.set(k, x);
            return out;
          }),
      },
    },
    {
      default_factory: new PyHostProperty(
        (s) => (s as PyDefaultDict).factory,
        (s, v) => void ((s as PyDefaultDict).factory = v),
      ),
    },
    dict,
  );
  const od = (v: unknown): PyOrderedDict => {
    if (!(v instanceof PyOrderedDict)) throw pyRaise('TypeError', `descriptor requires a 'collections.OrderedDict' object but received a '${I().typeName(v)}'`);
    return v;
  };
  const OrderedDict = modelClass(
    registry,
    'OrderedDict',
    'collections.',
    PyOrderedDict,
    { params: [['other', null]], anyKw: true, construct: (_self, v, _e, kw) => fill(new PyOrderedDict(I().label('OrderedDict')), v[0], kw) },
    {
      move_to_end: {
        params: [['key', REQUIRED], ['last', true]],
        run: (s, v) =>
          step(od(s), 'write', () => {
            const d = od(s);
            const e = d.get(v[0]);
            if (e === undefined) throw keyError(v[0]);
            if (v[1] === false) {
              const rest = [...d.map.entries()].filter(([h]) => h !== [...d.map.entries()].find((x) => x[1] === e)![0]);
              d.map.clear();
              d.set(e[0], e[1]);
              for (const [h, x] of rest) d.map.set(h, x);
            } else {
              d.delete(v[0]);
              d.set(e[0], e[1]);
            }
            return null;
          }),
      },
      popitem: {
        params: [['last', true]],
        run: (s, v) =>
          step(od(s), 'write', () => {
            const d = od(s);
            const all = [...d.map.values()];
            if (all.length === 0) throw keyError('dictionary is empty');
            const e = v[0] === false ? all[0]! : all[all.length - 1]!;
            d.delete(e[0]);
            return new PyTuple(e);
          }),
      },
    },
    {},
    dict,
  );

  return moduleOf('collections', {
    deque,
    Counter,
    defaultdict,
    OrderedDict,
    namedtuple: new PyBuiltin('namedtuple', (args, kw) => namedtuple(I(), args, kw)),
  });
}

function isCallable(v: unknown): boolean {
  return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyClass || (v instanceof PyInstance && v.cls.lookup('__call__') !== undefined) || v instanceof PyBound;
}

/** `namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`: a class whose instances are tuples with named fields. */
function namedtuple(I: Interp, args: unknown[], kw: Kw): Generator<never, PyClass, unknown> {
  const { values } = bindArgs('namedtuple', [['typename', REQUIRED], ['field_names', REQUIRED], '*', ['rename', false], ['defaults', null], ['module', null]], args, kw);
  return (function* () {
    const name = String(values[0]);
    const fields = typeof values[1] === 'string' ? values[1].replace(/,/g, ' ').split(/\s+/).filter((x) => x !== '') : drain(yield* I.iterate(values[1], 0)).map(String);
    for (const f of fields) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(f)) throw pyRaise('ValueError', `Type names and field names must be valid identifiers: ${JSON.stringify(f).replace(/"/g, "'")}`);
      if (f.startsWith('_')) throw pyRaise('ValueError', `Field names cannot start with an underscore: '${f}'`);
    }
    const dup = fields.find((f, i) => fields.indexOf(f) !== i);
    if (dup !== undefined) throw pyRaise('ValueError', `Encountered duplicate field name: '${dup}'`);
    const defaults = values[3] === null ? [] : drain(yield* I.iterate(values[3], 0));
    if (defaults.length > fields.length) throw pyRaise('TypeError', 'Got more default values than field names');
    const params = fields.map((f, i) => [f, i >= fields.length - defaults.length ? defaults[i - (fields.length - defaults.length)] : REQUIRED] as const);
    const dict = new Map<string, unknown>();
    let cls: PyClass;
    const make = (xs: readonly unknown[]): PyNamedTuple => new PyNamedTuple(xs, cls, fields);
    const self = (v: unknown): PyNamedTuple => {
      const t = v instanceof PyInstance ? v.host : v;
      if (!(t instanceof PyNamedTuple)) throw pyRaise('TypeError', `descriptor requires a '${name}' object`);
      return t;
    };
    fields.forEach((f, i) => dict.set(f, new PyHostProperty((v) => self(v).items[i])));
    dict.set('_fields', new PyTuple(fields));
    dict.set(
      '_asdict',
      new PyBuiltin('_asdict', (a) => {
        const d = new PyDict(I.label('dict'));
        fields.forEach((f, i) => d.set(f, self(a[0]).items[i]));
        return d;
      }),
    );
    dict.set(
      '_replace',
      new PyBuiltin('_replace', (a, k) => {
        const xs = [...self(a[0]).items];
        for (const [f, x] of k ?? []) {
          const i = fields.indexOf(f);
          if (i < 0) throw pyRaise('ValueError', `Got unexpected field names: ['${f}']`);
          xs[i] = x;
        }
        return make(xs);
      }),
    );
    cls = new PyClass(name, I.builtins.get('tuple') as PyClass, dict, '', {
      construct: (_self, a, k) => make(bindArgs(`${name}.__new__`, params, a, k).values),
    });
    dict.set(
      '_make',
      new PyBuiltin('_make', (a) =>
        (function* () {
          return make(drain(yield* I.iterate(a[0], 0)));
        })(),
      ),
    );
    return cls;
  })();
}
