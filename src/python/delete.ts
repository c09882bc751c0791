/**
 * The `del` statement. Deleting shared state is a write of it, exactly where an assignment to
 * the same target is one: a declared global's name, a plain instance attribute, a list's or a
 * dict's contents are one write op each (the op checks that the target exists when it runs, so
 * a thread that deletes what another thread already deleted gets CPython's error at that step).
 * A function's locals, class bodies and module members are private and take no step.
 */
import type { PyNode } from './ast.js';
import { pyRaise } from './exceptions.js';
import { keyError, type Frame, type Interp } from './interp.js';
import { isBuiltinType, PyBuiltin, PyClass, PyDict, PyInstance, PyList, PyModuleObject, PyProperty, PyRange, PyTuple } from './values.js';

/** `del t` for one target `t` of a `del` statement, in frame `f`. */
export function* deleteTarget(I: Interp, t: PyNode, f: Frame): Generator<never, void, unknown> {
  switch (t.nodeType) {
    case 'Name':
      yield* deleteName(I, String(t.id), f, t.lineno ?? f.line);
      return;
    case 'Attribute':
      yield* deleteAttr(I, yield* I.ev(t.value as PyNode, f), String(t.attr), t.lineno ?? f.line);
      return;
    case 'Subscript': {
      const obj = yield* I.ev(t.value as PyNode, f);
      const key = yield* I.ev(t.slice as PyNode, f);
      yield* deleteItem(I, obj, key, t.lineno ?? f.line);
      return;
    }
    case 'Tuple':
    case 'List':
      // `del a, b[0]`: each target in turn, left to right.
      for (const e of t.elts as PyNode[]) yield* deleteTarget(I, e, f);
      return;
    default:
      throw pyRaise('SyntaxError', `cannot delete ${t.nodeType}`);
  }
}

const notDefined = (name: string): unknown => pyRaise('NameError', `name '${name}' is not defined`);

function* deleteGlobal(I: Interp, name: string, line: number): Generator<never, void, unknown> {
  const g = I.globals;
  if (!I.shared.has(name)) {
    if (!g.delete(name)) throw notDefined(name);
    return;
  }
  yield I.access('write', name, line, () => {
    if (!g.delete(name)) throw notDefined(name);
  }) as never;
}

function* deleteName(I: Interp, name: string, f: Frame, line: number): Generator<never, void, unknown> {
  const info = f.info;
  if (info === undefined) {
    // Module level (its frame's vars are the globals) or a class body.
    if (f.outer === undefined) yield* deleteGlobal(I, name, line);
    else if (!f.vars.delete(name)) throw notDefined(name);
    return;
  }
  if (info.globals.has(name)) {
    yield* deleteGlobal(I, name, line);
    return;
  }
  if (info.nonlocals.has(name)) {
    for (let s = f.scope; s !== undefined; s = s.parent) {
      if (s.vars.delete(name)) return;
      if (s.locals?.has(name) === true) break;
    }
    I.unboundFree(name);
  }
  if (!f.vars.delete(name)) I.unboundLocal(name);
}

/** `object.__delattr__(obj, name)`: a write step removing the attribute (a property without a deleter refuses). */
export function* objectDelAttr(I: Interp, obj: PyInstance, name: string, line: number): Generator<never, void, unknown> {
  const desc = obj.cls.lookup(name);
  if (desc instanceof PyProperty) throw pyRaise('AttributeError', `property '${name}' of '${obj.cls.name}' object has no deleter`);
  const d = obj.dict;
  const cls = obj.cls.name;
  yield I.access('write', obj.location(name), line, () => {
    if (!d.delete(name)) throw pyRaise('AttributeError', `'${cls}' object has no attribute '${name}'`);
  }) as never;
}

function* deleteAttr(I: Interp, obj: unknown, name: string, line: number): Generator<never, void, unknown> {
  if (obj instanceof PyInstance) {
    const desc = obj.cls.lookup(name);
    if (obj.cls.setattrHook) {
      const hook = obj.cls.lookup('__delattr__');
      if (hook !== undefined && hook !== null) {
        yield* I.call(hook, [obj, name], undefined);
        return;
      }
    }
    yield* objectDelAttr(I, obj, name, line);
    return;
  }
  if (obj instanceof PyClass) {
    if (isBuiltinType(obj)) throw pyRaise('TypeError', `cannot set '${name}' attribute of immutable type '${obj.name}'`);
    if (!obj.dict.delete(name)) throw pyRaise('AttributeError', `type object '${obj.tpName}' has no attribute '${name}'`);
    return;
  }
  if (obj instanceof PyModuleObject) {
    if (!obj.delete(name)) throw pyRaise('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
    return;
  }
  // A threadsim object that keeps attributes (threading.local): its own deletion.
  const delattr = I.classOf(obj)?.lookup('__delattr__');
  if (delattr instanceof PyBuiltin) {
    yield* I.call(delattr, [obj, name], undefined);
    return;
  }
  throw pyRaise('AttributeError', `'${I.typeName(obj)}' object has no attribute '${name}'`);
}

/** The indexes a slice `{ slice: [start, stop, step] }` selects in a sequence of length `n`, as Python's `slice.indices`. */
export function sliceIndexes(n: number, slice: readonly unknown[]): number[] {
  const [lo, hi, st] = slice;
  const step = st === null || st === undefined ? 1 : (st as number);
  if (step === 0) throw pyRaise('ValueError', 'slice step cannot be zero');
  const clamp = (x: unknown, dflt: number): number => {
    if (x === null || x === undefined) return dflt;
    let v = Number(x);
    if (v < 0) v += n;
    return step > 0 ? Math.min(Math.max(v, 0), n) : Math.min(Math.max(v, -1), n - 1);
  };
  const start = clamp(lo, step > 0 ? 0 : n - 1);
  const stop = clamp(hi, step > 0 ? n : -1);
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

function* deleteItem(I: Interp, obj: unknown, key: unknown, line: number): Generator<never, void, unknown> {
  if (obj instanceof PyList) {
    const list = obj;
    const slice = typeof key === 'object' && key !== null && 'slice' in key ? (key as { slice: unknown[] }).slice : undefined;
    if (slice === undefined) checkIndex(I, key);
    yield I.atomicWrite(list.label, line, () => {
      const items = list.items;
      if (slice !== undefined) {
        const doomed = new Set(sliceIndexes(items.length, slice));
        list.items = items.filter((_, i) => !doomed.has(i));
        return;
      }
      const k = Number(key);
      const i = k < 0 ? k + items.length : k;
      if (i < 0 || i >= items.length) throw pyRaise('IndexError', 'list assignment index out of range');
      items.splice(i, 1);
    }) as never;
    return;
  }
  if (obj instanceof PyDict) {
    const d = obj;
    I.hashable(key);
    yield I.atomicWrite(d.label, line, () => {
      if (!d.delete(key)) throw keyError(key, I.keyErrorText);
    }) as never;
    return;
  }
  if (obj instanceof PyInstance) {
    const m = obj.cls.lookup('__delitem__');
    if (m !== undefined) {
      yield* I.call(m, [obj, key], undefined);
      return;
    }
  }
  // CPython words it by whether the type is a sequence or mapping at all.
  const subscriptable = obj instanceof PyTuple || typeof obj === 'string' || obj instanceof PyRange || (obj instanceof PyInstance && obj.cls.lookup('__getitem__') !== undefined);
  if (subscriptable) {
    throw pyRaise('TypeError', `'${I.typeName(obj)}' object doesn't support item deletion`);
  }
  throw pyRaise('TypeError', `'${I.typeName(obj)}' object does not support item deletion`);
}

function checkIndex(I: Interp, key: unknown): void {
  if (typeof key !== 'number' && typeof key !== 'boolean') throw pyRaise('TypeError', `list indices must be integers or slices, not ${I.typeName(key)}`);
}
