/**
 * Attribute lookup and assignment (`obj.name`, `obj.name = v`): instance dicts, class
 * attributes and descriptors (properties, static and class methods), modules, `super()`,
 * `object`'s own dunders, and threadsim objects' computed attributes. A plain instance
 * attribute's read or write is an access op (shared state the detectors see).
 */
import { AccessOp, AttrReadOp, AttrWriteOp } from './access.js';
import type { PyNode } from './ast.js';
import { docstringOf } from './definitions.js';
import { objectDelAttr } from './delete.js';
import { BaseException, pyRaise } from './exceptions.js';
import { reprValue } from './format.js';
import type { Interp } from './interp.js';
import { isGen, SLOW } from './signals.js';
import { isBuiltinType, NotImplemented, PyBound, PyBuiltin, PyClass, PyClassMethod, PyDict, PyFunction, PyInstance, PyModuleObject, PyProperty, PyStatic, PyTuple } from './values.js';

/** `super()`'s value: the class whose method called it and that method's first argument. */
export class PySuper {
  constructor(
    readonly owner: PyClass,
    readonly self: unknown,
  ) {}
}

/** A computed attribute of a threadsim object (`thread.name`, `thread.daemon`). */
export class PyHostProperty {
  constructor(
    readonly get: (self: unknown) => unknown,
    readonly set?: (self: unknown, v: unknown) => void,
  ) {}
}

/** `obj.name` where no step can be involved (a context manager's `__enter__` and `__exit__`). */
export function getAttrStatic(I: Interp, obj: unknown, name: string, _at: PyNode): unknown {
  const cls = I.classOf(obj);
  const v = cls?.lookup(name);
  if (v === undefined) throw attributeError(I, obj, name);
  return bindTo(I, v, obj, cls!);
}

/** `obj.name`: a read op for a plain instance attribute; descriptors, `__getattr__`, modules, classes and `super()` as CPython looks them up. */
export function* getAttr(I: Interp, obj: unknown, name: string, line: number): Generator<never, unknown, unknown> {
  if (obj instanceof PyInstance) {
    const op = I.readAttrOp(obj, name, line);
    if (op !== undefined) return yield op as never;
    const d = obj.dict;
    const v = obj.cls.lookup(name);
    if (v instanceof PyProperty) return yield* I.call(v.fget, [obj], undefined);
    if (v instanceof PyHostProperty) {
      const r = v.get(obj);
      return isGen(r) ? yield* r as Generator<never, unknown, unknown> : r;
    }
    if (v !== undefined || name === '__class__') return name === '__class__' ? obj.cls : bindTo(I, v, obj, obj.cls);
    const inherited = objectMethod(I, name);
    if (inherited !== undefined) return new PyBound(obj, inherited);
    const getattr = obj.cls.lookup('__getattr__');
    if (getattr !== undefined) return yield* I.call(getattr, [obj, name], undefined);
    if (name === '__dict__') {
      const dict = new PyDict();
      for (const [k, x] of d) dict.set(k, x);
      return dict;
    }
    if (name === 'args' && obj.cls.isSubclassOf(BaseException)) return new PyTuple([]);
    throw attributeError(I, obj, name);
  }
  if (obj instanceof PyModuleObject) {
    const v = obj.dict.get(name);
    if (v === undefined && !obj.dict.has(name)) {
      const sub = I.host.module(`${obj.name}.${name}`, I);
      if (sub !== undefined) return sub;
      throw pyRaise('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
    }
    return v;
  }
  if (obj instanceof PyClass) {
    const v = obj.lookup(name);
    if (v === undefined) {
      if (obj === I.builtins.get('object')) {
        const m = objectMethod(I, name);
        if (m !== undefined) return m;
      }
      if (name === '__name__') return obj.name;
      if (name === '__qualname__') return obj.name;
      throw pyRaise('AttributeError', `type object '${obj.tpName}' has no attribute '${name}'`);
    }
    if (v instanceof PyStatic) return v.fn;
    if (v instanceof PyClassMethod) return new PyBound(obj, v.fn);
    return v;
  }
  if (obj instanceof PySuper) {
    const base = obj.owner.base;
    const v = base?.lookup(name);
    if (v === undefined) {
      if (name === '__init__') return new PyBuiltin('__init__', () => null);
      const m = objectMethod(I, name);
      if (m !== undefined) return new PyBound(obj.self, m);
      throw pyRaise('AttributeError', `'super' object has no attribute '${name}'`);
    }
    return bindTo(I, v, obj.self, base!);
  }
  if (obj instanceof PyProperty && (name === 'setter' || name === 'getter')) {
    const prop = obj;
    return new PyBuiltin(name, (a) => (name === 'setter' ? new PyProperty(prop.fget, a[0]) : new PyProperty(a[0], prop.fset)));
  }
  if (obj instanceof PyFunction) {
    if (name === '__name__') return obj.name;
    if (name === '__qualname__') return obj.qualname;
    if (name === '__module__') return I.globals.get('__name__') ?? '__main__';
    if (name === '__doc__') return Array.isArray(obj.node.body) ? docstringOf(obj.node.body as PyNode[]) : null;
  }
  const cls = I.classOf(obj);
  const v = cls?.lookup(name);
  if (v === undefined) {
    const getattr = cls?.lookup('__getattr__');
    if (getattr instanceof PyBuiltin) return yield* I.call(getattr, [obj, name], undefined);
    throw attributeError(I, obj, name);
  }
  if (v instanceof PyProperty) return yield* I.call(v.fget, [obj], undefined);
  if (v instanceof PyHostProperty) {
    const r = v.get(obj);
    return isGen(r) ? yield* r as Generator<never, unknown, unknown> : r;
  }
  return bindTo(I, v, obj, cls!);
}

/**
 * `obj.name` without a generator: the read op to yield for a plain instance attribute, the
 * value when no step and no program code is involved (a module member, a method), else SLOW.
 */
export function attrQuick(I: Interp, obj: unknown, name: string, line: number): unknown {
  if (obj instanceof PyInstance) {
    const op = I.readAttrOp(obj, name, line);
    if (op !== undefined) return op;
    if (obj.dict.has(name) || name === '__class__') return SLOW;
    const v = obj.cls.lookup(name);
    return v === undefined || v instanceof PyProperty || v instanceof PyHostProperty ? SLOW : bindTo(I, v, obj, obj.cls);
  }
  if (obj instanceof PyModuleObject) {
    const v = obj.dict.get(name);
    return v === undefined ? SLOW : v;
  }
  if (obj instanceof PyClass || obj instanceof PySuper || obj instanceof PyProperty || obj instanceof PyFunction) return SLOW;
  const cls = I.classOf(obj);
  const v = cls?.lookup(name);
  return v === undefined || v instanceof PyProperty || v instanceof PyHostProperty ? SLOW : bindTo(I, v, obj, cls!);
}

/** The read op of `obj.name` when it is a plain instance attribute (no property), else undefined. */
export function readAttrOp(I: Interp, obj: unknown, name: string, line: number): AccessOp | undefined {
  if (!(obj instanceof PyInstance)) return undefined;
  const d = obj.dict;
  if (!d.has(name) || obj.cls.lookup(name) instanceof PyProperty) return undefined;
  const glued = I.rule === 'cpython' && !I.check;
  I.check = false;
  return new AttrReadOp(obj.location(name), I.site(line), glued, d, name);
}

/** The write op of `obj.name = v` when it is a plain instance attribute (no property with a setter), else undefined. */
export function writeAttrOp(I: Interp, obj: unknown, name: string, v: unknown, line: number): AccessOp | undefined {
  if (!(obj instanceof PyInstance) || obj.cls.setattrHook) return undefined;
  const desc = obj.cls.lookup(name);
  if (desc instanceof PyProperty || (desc instanceof PyHostProperty && desc.set !== undefined)) return undefined;
  const glued = I.rule === 'cpython' && !I.check;
  I.check = false;
  return new AttrWriteOp(obj.location(name), I.site(line), glued, obj.dict, name, v, I.sites ? I.shown(v) : undefined);
}

function bindTo(I: Interp, v: unknown, self: unknown, cls: PyClass): unknown {
  if (v instanceof PyFunction || v instanceof PyBuiltin) return new PyBound(self, v);
  if (v instanceof PyStatic) return v.fn;
  if (v instanceof PyClassMethod) return new PyBound(self instanceof PyInstance ? self.cls : cls, v.fn);
  if (v instanceof PyHostProperty) return v.get(self);
  return v;
}

function attributeError(I: Interp, obj: unknown, name: string): unknown {
  return pyRaise('AttributeError', `'${I.typeName(obj)}' object has no attribute '${name}'`);
}

/** `object.__setattr__(obj, name, v)`: a property's setter, or a write step on the attribute. */
export function* objectSetAttr(I: Interp, obj: PyInstance, name: string, v: unknown, line: number): Generator<never, void, unknown> {
  const desc = obj.cls.lookup(name);
  if (desc instanceof PyProperty) {
    if (desc.fset === undefined) throw pyRaise('AttributeError', `property '${name}' of '${obj.cls.name}' object has no setter`);
    yield* I.call(desc.fset, [obj, v], undefined);
    return;
  }
  if (desc instanceof PyHostProperty && desc.set !== undefined) {
    desc.set(obj, v);
    return;
  }
  const d = obj.dict;
  yield I.access('write', obj.location(name), line, () => void d.set(name, v), v) as never;
}

/**
 * `object`'s own methods a class reaches with `super().__repr__()` (a class with no base) or
 * `object.__setattr__(self, ...)`: `__setattr__ __delattr__ __repr__ __str__ __eq__ __ne__
 * __hash__`; undefined for any other name.
 */
function objectMethod(I: Interp, name: string): PyBuiltin | undefined {
  const instance = (args: unknown[]): PyInstance => {
    if (!(args[0] instanceof PyInstance)) throw pyRaise('TypeError', `descriptor '${name}' for 'object' objects doesn't apply to a '${I.typeName(args[0])}' object`);
    return args[0];
  };
  switch (name) {
    case '__setattr__':
    case '__delattr__':
      return new PyBuiltin(name, (args) => {
        const obj = instance(args);
        const attr = args[1];
        if (typeof attr !== 'string') throw pyRaise('TypeError', `attribute name must be string, not '${I.typeName(attr)}'`);
        return (function* () {
          if (name === '__setattr__') yield* I.objectSetAttr(obj, attr, args[2], 0);
          else yield* objectDelAttr(I, obj, attr, 0);
          return null;
        })();
      });
    case '__repr__':
      return new PyBuiltin(name, (args) => reprValue(instance(args)));
    case '__str__':
      return new PyBuiltin(name, (args) => I.reprOf(instance(args)));
    case '__eq__':
      return new PyBuiltin(name, (args) => (instance(args) === args[1] ? true : NotImplemented));
    case '__ne__':
      return new PyBuiltin(name, (args) =>
        (function* () {
          const r = yield* I.call(instance(args).cls.lookup('__eq__') ?? objectMethod(I, '__eq__'), [args[0], args[1]], undefined);
          return r === NotImplemented ? r : !(yield* I.truthy(r));
        })(),
      );
    case '__hash__':
      return new PyBuiltin(name, (args) => Number(BigInt(I.idOf(instance(args))) >> 4n));
    default:
      return undefined;
  }
}

/** `obj.name = v`: a write op for a plain instance attribute; a property's setter, `__setattr__`, a class's or a module's dict otherwise. */
export function* setAttr(I: Interp, obj: unknown, name: string, v: unknown, line: number): Generator<never, void, unknown> {
  if (obj instanceof PyInstance) {
    const op = I.writeAttrOp(obj, name, v, line);
    if (op !== undefined) {
      yield op as never;
      return;
    }
    if (obj.cls.setattrHook) {
      const hook = obj.cls.lookup('__setattr__');
      if (hook !== undefined && hook !== null) {
        yield* I.call(hook, [obj, name, v], undefined);
        return;
      }
    }
    yield* I.objectSetAttr(obj, name, v, line);
    return;
  }
  if (obj instanceof PyClass) {
    if (isBuiltinType(obj)) throw pyRaise('TypeError', `cannot set '${name}' attribute of immutable type '${obj.name}'`);
    obj.dict.set(name, v);
    return;
  }
  if (obj instanceof PyModuleObject) {
    obj.set(name, v);
    return;
  }
  const cls = I.classOf(obj);
  const desc = cls?.lookup(name);
  if (desc instanceof PyHostProperty && desc.set !== undefined) {
    desc.set(obj, v);
    return;
  }
  const setattr = cls?.lookup('__setattr__');
  if (setattr instanceof PyBuiltin) {
    yield* I.call(setattr, [obj, name, v], undefined);
    return;
  }
  throw pyRaise('AttributeError', `'${I.typeName(obj)}' object has no attribute '${name}'`);
}
