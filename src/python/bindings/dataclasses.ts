/**
 * Model of Python's `dataclasses` module: `@dataclass` (with `init`, `repr`, `eq`, `order`,
 * `frozen`, `unsafe_hash`, `kw_only`), `field(...)`, `fields`, `asdict`, `astuple`, `replace`,
 * `is_dataclass`, `MISSING` and `FrozenInstanceError`.
 *
 * The generated methods behave as CPython's generated Python code does: `__init__` assigns each
 * field with `self.name = value` (one write step each, as a STORE_ATTR is; a frozen class's
 * assignments bypass `__setattr__` as CPython's `object.__setattr__` calls do), calls
 * `default_factory` per instance and then `__post_init__`; `__repr__` reads each field (a read
 * step each); `__eq__` and the order methods compare the tuples of the compared fields and
 * return NotImplemented for an object of another class; `__hash__` is set as CPython's table
 * says (None for `eq=True` without `frozen`, the fields' tuple hash for `frozen=True` or
 * `unsafe_hash=True`). A frozen instance raises `dataclasses.FrozenInstanceError` on assignment
 * and deletion.
 *
 * Not modelled: `slots=True`, `weakref_slot`, `match_args` (no `match` statement), `InitVar`,
 * `make_dataclass`, and the recursion guard of the generated `__repr__`.
 */
import { exceptionClass, pyRaise } from '../exceptions.js';
import type { Interp } from '../interp.js';
import { reprValue } from '../format.js';
import { PySet } from '../pyset.js';
import { NotImplemented, PyBuiltin, PyClass, PyDict, PyInstance, PyList, PyTuple, type PyModuleObject } from '../values.js';
import { moduleOf } from './host.js';

type Kw = Map<string, unknown> | undefined;

/** One field of a dataclass, as `dataclasses.Field` holds it. */
interface FieldSpec {
  readonly name: string;
  readonly type: unknown;
  readonly default: unknown;
  readonly factory: unknown;
  readonly init: boolean;
  readonly repr: boolean;
  /** True, False, or None (follow `compare`). */
  readonly hash: unknown;
  readonly compare: boolean;
  readonly kwOnly: boolean;
}

/** The options of `@dataclass(...)`. */
interface Options {
  readonly init: boolean;
  readonly repr: boolean;
  readonly eq: boolean;
  readonly order: boolean;
  readonly unsafeHash: boolean;
  readonly frozen: boolean;
  readonly kwOnly: boolean;
}

const DATACLASS_PARAMS = ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args', 'kw_only', 'slots', 'weakref_slot'];
const FIELD_PARAMS = ['default', 'default_factory', 'init', 'repr', 'hash', 'compare', 'metadata', 'kw_only'];

/** Build `dataclasses` for the execution whose interpreter is `I`. */
export function dataclassesModule(I: Interp): PyModuleObject {
  const missingClass = new PyClass('_MISSING_TYPE', undefined, new Map(), 'dataclasses.');
  const MISSING = new PyInstance(missingClass, 'dataclasses._MISSING_TYPE');
  const fieldClass = new PyClass('Field', undefined, new Map(), 'dataclasses.');
  /** The specs behind each Field object, and each dataclass's fields in order. */
  const specs = new WeakMap<PyInstance, FieldSpec>();
  const classFields = new WeakMap<PyClass, FieldSpec[]>();
  const fieldObjects = new WeakMap<PyClass, PyInstance[]>();
  const frozenClasses = new WeakSet<PyClass>();

  const truth = (v: unknown): boolean => v !== false && v !== null && v !== 0 && v !== undefined;

  /** A Field object: its attributes are plain values set at once (no one else can see it yet). */
  function fieldObject(spec: FieldSpec): PyInstance {
    const f = new PyInstance(fieldClass, I.label('Field'));
    f.dict.set('name', spec.name);
    f.dict.set('type', spec.type);
    f.dict.set('default', spec.default);
    f.dict.set('default_factory', spec.factory);
    f.dict.set('init', spec.init);
    f.dict.set('repr', spec.repr);
    f.dict.set('hash', spec.hash);
    f.dict.set('compare', spec.compare);
    f.dict.set('kw_only', spec.kwOnly);
    specs.set(f, spec);
    return f;
  }

  function fieldsOf(cls: PyClass): FieldSpec[] | undefined {
    for (let c: PyClass | undefined = cls; c !== undefined; c = c.base) {
      const f = classFields.get(c);
      if (f !== undefined) return f;
    }
    return undefined;
  }

  /** The dataclass fields of an instance or class, or TypeError as `fields()` raises it. */
  function requireFields(v: unknown, fn: string): FieldSpec[] {
    const cls = v instanceof PyClass ? v : v instanceof PyInstance ? v.cls : undefined;
    const f = cls === undefined ? undefined : fieldsOf(cls);
    if (f === undefined) throw pyRaise('TypeError', fn === 'fields' ? 'must be called with a dataclass type or instance' : `${fn}() should be called on dataclass instances`);
    return f;
  }

  const field = new PyBuiltin('field', (args, kw) => {
    if (args.length > 0) throw pyRaise('TypeError', `field() takes 0 positional arguments but ${args.length} were given`);
    for (const k of kw?.keys() ?? []) if (!FIELD_PARAMS.includes(k)) throw pyRaise('TypeError', `field() got an unexpected keyword argument '${k}'`);
    const get = (k: string, d: unknown): unknown => (kw?.has(k) === true ? kw.get(k) : d);
    const dflt = get('default', MISSING);
    const factory = get('default_factory', MISSING);
    if (dflt !== MISSING && factory !== MISSING) throw pyRaise('ValueError', 'cannot specify both default and default_factory');
    const kwOnly = get('kw_only', MISSING);
    return fieldObject({ name: '', type: null, default: dflt, factory, init: truth(get('init', true)), repr: truth(get('repr', true)), hash: get('hash', null), compare: truth(get('compare', true)), kwOnly: kwOnly === MISSING ? false : truth(kwOnly) });
  });

  /** Collect the fields of `cls` (its bases' first), as `_process_class` does. */
  function collect(cls: PyClass, opts: Options): FieldSpec[] {
    const inherited = cls.base === undefined ? [] : (fieldsOf(cls.base) ?? []);
    const byName = new Map<string, FieldSpec>(inherited.map((f) => [f.name, f]));
    const ann = cls.dict.get('__annotations__');
    if (ann instanceof PyDict) {
      for (const [name, type] of ann.map.values()) {
        if (typeof name !== 'string') continue;
        const typeText = typeof type === 'string' ? type : reprValue(type);
        if (/\bClassVar\b/.test(typeText)) continue;
        const v = cls.dict.get(name);
        let spec: FieldSpec;
        if (v instanceof PyInstance && specs.has(v)) {
          const s = specs.get(v)!;
          spec = { ...s, name, type, kwOnly: s.kwOnly || opts.kwOnly };
          // The class attribute is the default, or goes when there is none (a factory's field).
          if (s.default === MISSING) cls.dict.delete(name);
          else cls.dict.set(name, s.default);
        } else {
          spec = { name, type, default: cls.dict.has(name) ? v : MISSING, factory: MISSING, init: true, repr: true, hash: null, compare: true, kwOnly: opts.kwOnly };
        }
        const d = spec.default;
        if (d instanceof PyList || d instanceof PyDict || (d instanceof PySet && !d.frozen)) {
          throw pyRaise('ValueError', `mutable default <class '${I.typeName(d)}'> for field ${name} is not allowed: use default_factory`);
        }
        byName.set(name, spec);
      }
    }
    const out = [...byName.values()];
    let seenDefault = false;
    for (const f of out) {
      if (!f.init || f.kwOnly) continue;
      const hasDefault = f.default !== MISSING || f.factory !== MISSING;
      if (!hasDefault && seenDefault) throw pyRaise('TypeError', `non-default argument '${f.name}' follows default argument`);
      if (hasDefault) seenDefault = true;
    }
    return out;
  }

  /** The values of `obj`'s fields that `use` selects, as a tuple (each read a step, as `self.name` is). */
  function* tupleOf(obj: PyInstance, fields: readonly FieldSpec[], use: (f: FieldSpec) => boolean): Generator<never, PyTuple, unknown> {
    const items: unknown[] = [];
    for (const f of fields) if (use(f)) items.push(yield* I.getAttr(obj, f.name, 0));
    return new PyTuple(items);
  }

  function makeInit(cls: PyClass, fields: readonly FieldSpec[], opts: Options): PyBuiltin {
    const positional = fields.filter((f) => f.init && !f.kwOnly);
    const keyword = fields.filter((f) => f.init && f.kwOnly);
    const name = `${cls.name}.__init__()`;
    return new PyBuiltin('__init__', (args, kw) => {
      const self = args[0] as PyInstance;
      const given = args.length - 1;
      if (given > positional.length) {
        const required = positional.filter((f) => f.default === MISSING && f.factory === MISSING).length;
        const takes = required === positional.length ? `${positional.length + 1}` : `from ${required + 1} to ${positional.length + 1}`;
        throw pyRaise('TypeError', `${name} takes ${takes} positional argument${positional.length === 0 ? '' : 's'} but ${given + 1} were given`);
      }
      const values = new Map<string, unknown>();
      positional.forEach((f, i) => {
        if (i < given) values.set(f.name, args[i + 1]);
      });
      for (const [k, v] of kw ?? []) {
        if (!positional.some((f) => f.name === k) && !keyword.some((f) => f.name === k)) throw pyRaise('TypeError', `${name} got an unexpected keyword argument '${k}'`);
        if (values.has(k)) throw pyRaise('TypeError', `${name} got multiple values for argument '${k}'`);
        values.set(k, v);
      }
      const missing = positional.filter((f) => !values.has(f.name) && f.default === MISSING && f.factory === MISSING).map((f) => `'${f.name}'`);
      if (missing.length > 0) {
        const words = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
        throw pyRaise('TypeError', `${name} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${words}`);
      }
      const missingKw = keyword.filter((f) => !values.has(f.name) && f.default === MISSING && f.factory === MISSING).map((f) => `'${f.name}'`);
      if (missingKw.length > 0) {
        const words = missingKw.length === 1 ? missingKw[0]! : `${missingKw.slice(0, -1).join(', ')} and ${missingKw.at(-1)!}`;
        throw pyRaise('TypeError', `${name} missing ${missingKw.length} required keyword-only argument${missingKw.length === 1 ? '' : 's'}: ${words}`);
      }
      return (function* () {
        for (const f of fields) {
          let v: unknown;
          if (values.has(f.name)) v = values.get(f.name);
          else if (f.factory !== MISSING) v = yield* I.call(f.factory, [], undefined);
          else if (f.default !== MISSING) v = f.default;
          else if (!f.init) continue;
          if (opts.frozen) self.dict.set(f.name, v);
          else yield* I.setAttr(self, f.name, v, 0);
        }
        const post = self.cls.lookup('__post_init__');
        if (post !== undefined && post !== null) yield* I.call(post, [self], undefined);
        return null;
      })();
    });
  }

  function makeRepr(fields: readonly FieldSpec[]): PyBuiltin {
    return new PyBuiltin('__repr__', (args) => {
      const self = args[0] as PyInstance;
      return (function* () {
        const parts: string[] = [];
        for (const f of fields) if (f.repr) parts.push(`${f.name}=${yield* I.reprOf(yield* I.getAttr(self, f.name, 0))}`);
        return `${self.cls.name}(${parts.join(', ')})`;
      })();
    });
  }

  /** `__eq__` or an order method: the compared fields' tuples, NotImplemented for another class. */
  function makeCompare(dunder: string, op: string, fields: readonly FieldSpec[]): PyBuiltin {
    return new PyBuiltin(dunder, (args) => {
      const [self, other] = args as [PyInstance, unknown];
      if (!(other instanceof PyInstance) || other.cls !== self.cls) return NotImplemented;
      return (function* () {
        const a = yield* tupleOf(self, fields, (f) => f.compare);
        const b = yield* tupleOf(other, fields, (f) => f.compare);
        return yield* I.compare(op, a, b);
      })();
    });
  }

  function makeHash(fields: readonly FieldSpec[]): PyBuiltin {
    return new PyBuiltin('__hash__', (args) =>
      (function* () {
        return I.hashNumber(yield* tupleOf(args[0] as PyInstance, fields, (f) => (f.hash === null ? f.compare : truth(f.hash))));
      })(),
    );
  }

  function process(cls: PyClass, opts: Options): PyClass {
    if (opts.order && !opts.eq) throw pyRaise('ValueError', 'eq must be true if order is true');
    for (let c = cls.base; c !== undefined; c = c.base) {
      if (!classFields.has(c)) continue;
      if (frozenClasses.has(c) && !opts.frozen) throw pyRaise('TypeError', 'cannot inherit non-frozen dataclass from a frozen one');
      if (!frozenClasses.has(c) && opts.frozen) throw pyRaise('TypeError', 'cannot inherit frozen dataclass from a non-frozen one');
      break;
    }
    const fields = collect(cls, opts);
    classFields.set(cls, fields);
    fieldObjects.set(cls, fields.map(fieldObject));
    const own = cls.dict;
    // What the class body defined itself (a class with __eq__ and no __hash__ got __hash__ = None then).
    const explicitHash = own.has('__hash__') && !(own.get('__hash__') === null && own.has('__eq__'));
    if (opts.init && !own.has('__init__')) own.set('__init__', makeInit(cls, fields, opts));
    if (opts.repr && !own.has('__repr__')) own.set('__repr__', makeRepr(fields));
    if (opts.eq && !own.has('__eq__')) own.set('__eq__', makeCompare('__eq__', 'Eq', fields));
    if (opts.order) {
      for (const [dunder, op] of [['__lt__', 'Lt'], ['__le__', 'LtE'], ['__gt__', 'Gt'], ['__ge__', 'GtE']] as const) {
        if (own.has(dunder)) throw pyRaise('TypeError', `Cannot overwrite attribute ${dunder} in class ${cls.name}. Consider using functools.total_ordering`);
        own.set(dunder, makeCompare(dunder, op, fields));
      }
    }
    if (opts.frozen) {
      frozenClasses.add(cls);
      cls.setattrHook = true;
      // As CPython's: an instance of a subclass may still set attributes that are not fields.
      const guarded = (self: unknown, name: unknown): boolean => (self instanceof PyInstance && self.cls === cls) || fields.some((f) => f.name === name);
      own.set(
        '__setattr__',
        new PyBuiltin('__setattr__', (args) => {
          if (guarded(args[0], args[1])) frozenError('assign to', args[1]);
          (args[0] as PyInstance).dict.set(String(args[1]), args[2]);
          return null;
        }),
      );
      own.set(
        '__delattr__',
        new PyBuiltin('__delattr__', (args) => {
          if (guarded(args[0], args[1])) frozenError('delete', args[1]);
          (args[0] as PyInstance).dict.delete(String(args[1]));
          return null;
        }),
      );
    }
    // CPython's _hash_action table (unsafe_hash, eq, frozen, has an explicit __hash__).
    if (opts.unsafeHash) {
      if (explicitHash) throw pyRaise('TypeError', `Cannot overwrite attribute __hash__ in class ${cls.name}`);
      own.set('__hash__', makeHash(fields));
    } else if (opts.eq && opts.frozen && !explicitHash) {
      own.set('__hash__', makeHash(fields));
    } else if (opts.eq && !opts.frozen && !explicitHash) {
      own.set('__hash__', null);
    }
    own.set('__dataclass_fields__', fieldsDict(cls));
    return cls;
  }

  function frozenError(what: string, name: unknown): never {
    throw pyRaise('dataclasses.FrozenInstanceError', `cannot ${what} field ${reprValue(name)}`);
  }

  function fieldsDict(cls: PyClass): PyDict {
    const d = new PyDict(I.label('dict'));
    for (const f of fieldObjects.get(cls) ?? []) d.set(f.dict.get('name'), f);
    return d;
  }

  function options(kw: Kw): Options {
    for (const k of kw?.keys() ?? []) if (!DATACLASS_PARAMS.includes(k)) throw pyRaise('TypeError', `dataclass() got an unexpected keyword argument '${k}'`);
    const get = (k: string, d: boolean): boolean => (kw?.has(k) === true ? truth(kw.get(k)) : d);
    return { init: get('init', true), repr: get('repr', true), eq: get('eq', true), order: get('order', false), unsafeHash: get('unsafe_hash', false), frozen: get('frozen', false), kwOnly: get('kw_only', false) };
  }

  const dataclass = new PyBuiltin('dataclass', (args, kw) => {
    const opts = options(kw);
    if (args.length === 0 || args[0] === null) {
      return new PyBuiltin('wrap', (a) => {
        if (!(a[0] instanceof PyClass)) throw pyRaise('TypeError', 'dataclass() should be called on a class');
        return process(a[0], opts);
      });
    }
    if (!(args[0] instanceof PyClass)) throw pyRaise('TypeError', 'dataclass() should be called on a class');
    return process(args[0], opts);
  });

  /** `asdict`/`astuple`'s deep copy: dataclass instances become dicts (or tuples), containers are copied. */
  function* deep(v: unknown, asDict: boolean): Generator<never, unknown, unknown> {
    if (v instanceof PyInstance && fieldsOf(v.cls) !== undefined) {
      const fields = fieldsOf(v.cls)!;
      if (asDict) {
        const d = new PyDict(I.label('dict'));
        for (const f of fields) d.set(f.name, yield* deep(yield* I.getAttr(v, f.name, 0), true));
        return d;
      }
      const items: unknown[] = [];
      for (const f of fields) items.push(yield* deep(yield* I.getAttr(v, f.name, 0), false));
      return new PyTuple(items);
    }
    if (v instanceof PyTuple) {
      const items: unknown[] = [];
      for (const x of v.items) items.push(yield* deep(x, asDict));
      return new PyTuple(items);
    }
    if (v instanceof PyList || v instanceof PyDict) {
      // The container's contents, read in one step as any copy of it is.
      const it = yield* I.iterate(v, 0);
      const keys: unknown[] = [];
      for (let r = it.next(); r.done !== true; r = it.next()) keys.push(r.value);
      if (v instanceof PyList) {
        const items: unknown[] = [];
        for (const x of keys) items.push(yield* deep(x, asDict));
        return new PyList(items, I.label('list'));
      }
      const d = new PyDict(I.label('dict'));
      for (const k of keys) d.set(yield* deep(k, asDict), yield* deep(v.get(k)?.[1], asDict));
      return d;
    }
    return v;
  }

  return moduleOf('dataclasses', {
    dataclass,
    field,
    MISSING,
    Field: fieldClass,
    FrozenInstanceError: exceptionClass('dataclasses.FrozenInstanceError')!,
    fields: new PyBuiltin('fields', (args) => {
      requireFields(args[0], 'fields');
      const cls = args[0] instanceof PyClass ? args[0] : (args[0] as PyInstance).cls;
      for (let c: PyClass | undefined = cls; c !== undefined; c = c.base) {
        const objs = fieldObjects.get(c);
        if (objs !== undefined) return new PyTuple(objs);
      }
      return new PyTuple([]);
    }),
    asdict: new PyBuiltin('asdict', (args) => {
      if (!(args[0] instanceof PyInstance)) throw pyRaise('TypeError', 'asdict() should be called on dataclass instances');
      requireFields(args[0], 'asdict');
      return deep(args[0], true);
    }),
    astuple: new PyBuiltin('astuple', (args) => {
      if (!(args[0] instanceof PyInstance)) throw pyRaise('TypeError', 'astuple() should be called on dataclass instances');
      requireFields(args[0], 'astuple');
      return deep(args[0], false);
    }),
    replace: new PyBuiltin('replace', (args, kw) => {
      const obj = args[0];
      if (!(obj instanceof PyInstance)) throw pyRaise('TypeError', 'replace() should be called on dataclass instances');
      const fields = requireFields(obj, 'replace');
      return (function* () {
        const merged = new Map<string, unknown>();
        for (const f of fields) {
          if (!f.init) {
            if (kw?.has(f.name) === true) throw pyRaise('ValueError', `field ${f.name} is declared with init=False, it cannot be specified with replace()`);
            continue;
          }
          merged.set(f.name, kw?.has(f.name) === true ? kw.get(f.name) : yield* I.getAttr(obj, f.name, 0));
        }
        for (const k of kw?.keys() ?? []) if (!merged.has(k)) throw pyRaise('TypeError', `${obj.cls.name}.__init__() got an unexpected keyword argument '${k}'`);
        return yield* I.call(obj.cls, [], merged);
      })();
    }),
    is_dataclass: new PyBuiltin('is_dataclass', (args) => {
      const v = args[0];
      const cls = v instanceof PyClass ? v : v instanceof PyInstance ? v.cls : undefined;
      return cls !== undefined && fieldsOf(cls) !== undefined;
    }),
  });
}
