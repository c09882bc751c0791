/**
 * `dataclasses` for `.py` programs: `@dataclass` (with `order=`), `field(default=...,
 * default_factory=...)`, `fields`, `asdict`, `astuple`, `replace`, `is_dataclass`.
 *
 * As CPython's does, the decorator writes Python source for `__init__`, `__repr__`, `__eq__`
 * (and the orderings) and makes program functions of it, so they behave as the program's own:
 * entering `__init__` is a check point, and each `self.x = x` it runs is a write step on the
 * instance, as in a hand-written `__init__`. The generated code's lines are reported at the
 * line the decorator was applied from, the class body's last (CPython reports `<string>`).
 * `frozen=True` is not modelled (it is refused).
 */
import { bindArgs, REQUIRED } from '../args.js';
import { pyRaise } from '../exceptions.js';
import { parsePython } from '../parse.js';
import type { PyNode } from '../ast.js';
import { PyHostProperty, type Interp } from '../interp.js';
import type { InterpRef } from '../builtins.js';
import { PyBuiltin, PyClass, PyDict, PyFunction, PyInstance, PyList, PyTuple, type Scope, type PyModuleObject } from '../values.js';
import { TypingForm } from '../typing-forms.js';
import { moduleOf } from './host.js';
import { PySet } from '../pyset.js';

/** What `field(...)` returns, and each field a dataclass keeps. */
export class DataField {
  constructor(
    public name: string,
    readonly fallback: unknown,
    readonly factory: unknown,
    readonly init: boolean,
    readonly repr: boolean,
    readonly compare: boolean,
  ) {}
  toString(): string {
    return `Field(name=${this.name === '' ? 'None' : `'${this.name}'`},default=${this.fallback === MISSING ? '<dataclasses._MISSING_TYPE object>' : String(this.fallback)})`;
  }
}

/** No default given (CPython's `dataclasses.MISSING`). */
const MISSING = Symbol('MISSING');
/** The dataclass fields of each class the decorator processed, bases first. */
const FIELDS = new WeakMap<PyClass, readonly DataField[]>();

/** Build `dataclasses`. */
export function dataclassesModule(ref: InterpRef, registry: Map<Function, PyClass>): PyModuleObject {
  const I = (): Interp => ref.I;
  const missing = new PyTuple([]);
  const shown = (v: unknown): unknown => (v === MISSING ? missing : v);
  registry.set(
    DataField,
    new PyClass(
      'Field',
      undefined,
      new Map<string, unknown>([
        ['name', new PyHostProperty((f) => (f as DataField).name)],
        ['default', new PyHostProperty((f) => shown((f as DataField).fallback))],
        ['default_factory', new PyHostProperty((f) => shown((f as DataField).factory))],
        ['init', new PyHostProperty((f) => (f as DataField).init)],
        ['repr', new PyHostProperty((f) => (f as DataField).repr)],
        ['compare', new PyHostProperty((f) => (f as DataField).compare)],
      ]),
      'dataclasses.',
    ),
  );
  const OPTIONS = [['cls', null], '*', ['init', true], ['repr', true], ['eq', true], ['order', false], ['unsafe_hash', false], ['frozen', false], ['match_args', true], ['kw_only', false], ['slots', false]] as const;
  const fieldsOf = (v: unknown, what: string): readonly DataField[] => {
    const cls = v instanceof PyClass ? v : v instanceof PyInstance ? v.cls : undefined;
    const fs = cls === undefined ? undefined : fieldsOfClass(cls);
    if (fs === undefined) throw pyRaise('TypeError', `${what}() should be called on dataclass instances`);
    return fs;
  };
  const attr = function* (obj: unknown, name: string): Generator<never, unknown, unknown> {
    return yield* I().getAttr(obj, name, 0);
  };

  return moduleOf('dataclasses', {
    dataclass: new PyBuiltin('dataclass', (args, kw) => {
      const { values } = bindArgs('dataclass', OPTIONS, args, kw);
      const options = { init: values[1] !== false, repr: values[2] !== false, eq: values[3] !== false, order: values[4] === true, frozen: values[6] === true };
      if (values[0] !== null) return decorate(I(), values[0], options);
      return new PyBuiltin('wrap', (a) => decorate(I(), a[0], options));
    }),
    field: new PyBuiltin('field', (args, kw) => {
      const { values } = bindArgs('field', ['*', ['default', MISSING], ['default_factory', MISSING], ['init', true], ['repr', true], ['hash', null], ['compare', true], ['metadata', null], ['kw_only', MISSING]], args, kw);
      if (values[0] !== MISSING && values[1] !== MISSING) throw pyRaise('ValueError', 'cannot specify both default and default_factory');
      return new DataField('', values[0], values[1], values[2] !== false, values[3] !== false, values[5] !== false);
    }),
    fields: new PyBuiltin('fields', (args) => new PyTuple(fieldsOf(args[0], 'fields').filter((f) => f !== undefined))),
    is_dataclass: new PyBuiltin('is_dataclass', (args) => {
      const cls = args[0] instanceof PyClass ? args[0] : args[0] instanceof PyInstance ? args[0].cls : undefined;
      return cls !== undefined && fieldsOfClass(cls) !== undefined;
    }),
    asdict: new PyBuiltin('asdict', (args) =>
      (function* () {
        const d = new PyDict(I().label('dict'));
        for (const f of fieldsOf(args[0], 'asdict')) d.set(f.name, yield* attr(args[0], f.name));
        return d;
      })(),
    ),
    astuple: new PyBuiltin('astuple', (args) =>
      (function* () {
        const out: unknown[] = [];
        for (const f of fieldsOf(args[0], 'astuple')) out.push(yield* attr(args[0], f.name));
        return new PyTuple(out);
      })(),
    ),
    replace: new PyBuiltin('replace', (args, kw) =>
      (function* () {
        const obj = args[0];
        const fs = fieldsOf(obj, 'replace');
        const given = new Map<string, unknown>();
        for (const f of fs) if (f.init) given.set(f.name, kw?.has(f.name) === true ? kw.get(f.name) : yield* attr(obj, f.name));
        for (const k of kw?.keys() ?? []) if (!fs.some((f) => f.name === k)) throw pyRaise('TypeError', `${(obj as PyInstance).cls.name}.__init__() got an unexpected keyword argument '${k}'`);
        return yield* I().call((obj as PyInstance).cls, [], given);
      })(),
    ),
    MISSING: missing,
  });
}

function fieldsOfClass(cls: PyClass): readonly DataField[] | undefined {
  for (let c: PyClass | undefined = cls; c !== undefined; c = c.base) {
    const fs = FIELDS.get(c);
    if (fs !== undefined) return fs;
  }
  return undefined;
}

/** Whether `v` is one of the mutable defaults CPython refuses (list, dict, set). */
function mutable(v: unknown): string | undefined {
  if (v instanceof PyList) return 'list';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PySet && !v.frozen) return 'set';
  return undefined;
}

/** `@dataclass` on `cls`: its fields from its annotations, then the generated methods. */
function decorate(I: Interp, cls: unknown, options: { init: boolean; repr: boolean; eq: boolean; order: boolean; frozen: boolean }): PyClass {
  if (!(cls instanceof PyClass)) throw pyRaise('TypeError', 'dataclass() should be called on a class');
  if (options.frozen) throw pyRaise('NotImplementedError', 'threadsim does not model dataclass(frozen=True) yet: drop frozen=True, or run the file under python3');
  if (options.order && !options.eq) throw pyRaise('ValueError', 'eq must be true if order is true');
  const inherited = cls.base === undefined ? [] : fieldsOfClass(cls.base) ?? [];
  const fields: DataField[] = [...inherited];
  const ann = cls.dict.get('__annotations__');
  if (ann instanceof PyDict) {
    for (const [name, hint] of ann.map.values()) {
      const n = String(name);
      if ((hint instanceof TypingForm && hint.name === 'typing.ClassVar') || (typeof hint === 'string' && hint.startsWith('ClassVar'))) continue;
      const v = cls.dict.has(n) ? cls.dict.get(n) : MISSING;
      const f = v instanceof DataField ? new DataField(n, v.fallback, v.factory, v.init, v.repr, v.compare) : new DataField(n, v, MISSING, true, true, true);
      const kind = mutable(f.fallback);
      if (kind !== undefined) throw pyRaise('ValueError', `mutable default <class '${kind}'> for field ${n} is not allowed: use default_factory`);
      if (v instanceof DataField) {
        if (f.fallback === MISSING) cls.dict.delete(n);
        else cls.dict.set(n, f.fallback);
      }
      const at = fields.findIndex((x) => x.name === n);
      if (at >= 0) fields[at] = f;
      else fields.push(f);
    }
  }
  let seenDefault = false;
  for (const f of fields) {
    if (!f.init) continue;
    if (f.fallback !== MISSING || f.factory !== MISSING) seenDefault = true;
    else if (seenDefault) throw pyRaise('TypeError', `non-default argument '${f.name}' follows default argument`);
  }
  FIELDS.set(cls, fields);

  // The generated methods, as CPython's dataclass writes them (names from the program are
  // identifiers, so they are written into the source as they are).
  const HAS_FACTORY = '__dataclass_HAS_DEFAULT_FACTORY__';
  const scopeVars = new Map<string, unknown>([[HAS_FACTORY, new PyTuple([])]]);
  const inits = fields.filter((f) => f.init);
  const lines: string[] = [];
  const defaults: unknown[] = [];
  if (options.init && !cls.dict.has('__init__')) {
    const params = inits.map((f) => {
      if (f.factory !== MISSING) {
        scopeVars.set(`__dataclass_factory_${f.name}__`, f.factory);
        defaults.push(scopeVars.get(HAS_FACTORY));
        return `${f.name}=None`;
      }
      if (f.fallback !== MISSING) {
        defaults.push(f.fallback);
        return `${f.name}=None`;
      }
      return f.name;
    });
    lines.push(`def __init__(self${params.map((p) => `, ${p}`).join('')}):`);
    for (const f of fields) {
      if (f.init) lines.push(f.factory !== MISSING ? `    self.${f.name} = __dataclass_factory_${f.name}__() if ${f.name} is ${HAS_FACTORY} else ${f.name}` : `    self.${f.name} = ${f.name}`);
      else if (f.factory !== MISSING) {
        scopeVars.set(`__dataclass_factory_${f.name}__`, f.factory);
        lines.push(`    self.${f.name} = __dataclass_factory_${f.name}__()`);
      } else if (f.fallback !== MISSING) {
        scopeVars.set(`__dataclass_default_${f.name}__`, f.fallback);
        lines.push(`    self.${f.name} = __dataclass_default_${f.name}__`);
      }
    }
    if (cls.lookup('__post_init__') !== undefined) lines.push('    self.__post_init__()');
    if (fields.length === 0 && cls.lookup('__post_init__') === undefined) lines.push('    pass');
  }
  const shown = fields.filter((f) => f.repr);
  if (options.repr && !cls.dict.has('__repr__')) {
    // Concatenation, not an f-string: the interpreter reads an f-string's parts from the file's own lines.
    lines.push('def __repr__(self):', `    return type(self).__qualname__ + "(" + ${shown.length === 0 ? '""' : shown.map((f, i) => `"${i > 0 ? ', ' : ''}${f.name}=" + repr(self.${f.name})`).join(' + ')} + ")"`);
  }
  const compared = fields.filter((f) => f.compare);
  const tuple = (who: string): string => `(${compared.map((f) => `${who}.${f.name},`).join('')})`;
  if (options.eq && !cls.dict.has('__eq__')) {
    lines.push('def __eq__(self, other):', '    if type(other) is type(self):', `        return ${tuple('self')} == ${tuple('other')}`, '    return False');
  }
  if (options.order) {
    for (const [name, op] of [['__lt__', '<'], ['__le__', '<='], ['__gt__', '>'], ['__ge__', '>=']] as const) {
      if (cls.dict.has(name)) throw pyRaise('TypeError', `Cannot overwrite attribute ${name} in class ${cls.name}. Consider using functools.total_ordering`);
      lines.push(`def ${name}(self, other):`, '    if type(other) is not type(self):', `        raise TypeError("'${op}' not supported between instances of '" + type(self).__name__ + "' and '" + type(other).__name__ + "'")`, `    return ${tuple('self')} ${op} ${tuple('other')}`);
    }
  }
  if (options.eq) cls.dict.set('__hash__', null);
  if (lines.length === 0) return cls;

  const mod = parsePython(lines.join('\n') + '\n', I.mod.file);
  // Sites and tracebacks of the generated code point at the line the decorator runs from.
  const line = I.at;
  relocate(mod.body, line);
  const scope: Scope = { vars: scopeVars, parent: undefined };
  for (const def of mod.body) {
    const name = String(def.name);
    const fn = new PyFunction(name, `${cls.name}.${name}`, def, scope, name === '__init__' ? defaults : [], new Map(), cls);
    cls.dict.set(name, fn);
  }
  return cls;
}

/** Give every node of the generated code the decorator's line. */
function relocate(nodes: unknown, line: number): void {
  const stack: unknown[] = [nodes];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      stack.push(...x);
      continue;
    }
    if (typeof x !== 'object' || x === null || !('nodeType' in x)) continue;
    const n = x as PyNode & { lineno?: number; end_lineno?: number };
    if (n.lineno !== undefined) (n as { lineno: number }).lineno = line;
    if (n.end_lineno !== undefined) (n as { end_lineno: number }).end_lineno = line;
    for (const [k, v] of Object.entries(n)) if (k !== 'ctx' && typeof v === 'object') stack.push(v);
  }
}
