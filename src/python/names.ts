/**
 * Names and assignment: loads and stores of locals, closures, globals and builtins (a shared
 * global's read or write is an access op), CPython's unbound-name errors, unpacking, and
 * augmented assignment.
 */
import type { PyNode } from './ast.js';
import { pyRaise } from './exceptions.js';
import type { Frame, Interp } from './interp.js';
import { drain } from './iteration.js';
import { SLOW } from './signals.js';
import { PyList, PyStepIterator } from './values.js';

/** Bind `name` to `v` in frame `f`: a write op when it is a shared global. */
export function* store(I: Interp, name: string, v: unknown, f: Frame, line: number): Generator<never, void, unknown> {
  if (I.storeQuick(name, v, f)) return;
  const g = I.globals;
  yield I.access('write', name, line, () => void g.set(name, v), v) as never;
}

/** Bind `name` when that takes no step; false when it is a shared global (a write op). */
export function storeQuick(I: Interp, name: string, v: unknown, f: Frame): boolean {
  const info = f.info;
  if (info === undefined && f.outer === undefined) {
    // Module level.
    if (I.shared.has(name)) return false;
    f.vars.set(name, v);
    return true;
  }
  if (info === undefined) {
    f.vars.set(name, v); // class body
    return true;
  }
  if (info.globals.has(name)) {
    if (I.shared.has(name)) return false;
    I.globals.set(name, v);
    return true;
  }
  if (info.nonlocals.has(name)) {
    for (let s = f.scope; s !== undefined; s = s.parent) {
      if (s.vars.has(name)) {
        s.vars.set(name, v);
        return true;
      }
    }
  }
  f.vars.set(name, v);
  return true;
}

/** A name's value: a read op when it is a shared global; NameError when it is bound nowhere. */
export function* load(I: Interp, name: string, f: Frame, line: number): Generator<never, unknown, unknown> {
  const q = I.loadQuick(name, f);
  if (q !== SLOW) return q;
  const g = I.globals;
  const v = yield I.access('read', name, line, () => g.get(name)) as never;
  if (v === undefined && !g.has(name)) throw pyRaise('NameError', `name '${name}' is not defined`);
  return v;
}

/** Raise CPython's error for a local read before it is assigned. */
export function unboundLocal(I: Interp, name: string): never {
  throw pyRaise('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
}

/** Raise CPython's error for a free variable whose enclosing function has not bound it (or deleted it). */
export function unboundFree(I: Interp, name: string): never {
  throw pyRaise('NameError', `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
}

/**
 * {@link loadQuick} of a name a function neither binds nor declares `global` or `nonlocal`:
 * the enclosing functions' frames, then the module, then the builtins.
 */
export function loadFree(I: Interp, name: string, f: Frame): unknown {
  for (let s = f.scope; s !== undefined; s = s.parent) {
    const v = s.vars.get(name);
    if (v !== undefined || s.vars.has(name)) return v;
    if (s.locals?.has(name) === true) I.unboundFree(name);
  }
  return loadGlobal(I, name);
}

/** A module-level name's value without a step (SLOW for a shared global), else a builtin's. */
function loadGlobal(I: Interp, name: string): unknown {
  if (I.shared.has(name)) return SLOW;
  const v = I.globals.get(name);
  if (v !== undefined || I.globals.has(name)) return v;
  const b = I.builtins.get(name);
  if (b !== undefined || I.builtins.has(name)) return b;
  throw pyRaise('NameError', `name '${name}' is not defined`);
}

/** A name's value without a step, or SLOW when it is a shared global (a read op). */
export function loadQuick(I: Interp, name: string, f: Frame): unknown {
  const info = f.info;
  if (info !== undefined) {
    if (info.locals.has(name)) {
      const v = f.vars.get(name);
      if (v === undefined && !f.vars.has(name)) throw pyRaise('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
      return v;
    }
    if (!info.globals.has(name)) return loadFree(I, name, f);
  } else if (f.outer !== undefined) {
    // Class body: its own names, then the enclosing function's.
    const v = f.vars.get(name);
    if (v !== undefined || f.vars.has(name)) return v;
    return I.loadQuick(name, f.outer);
  }
  return loadGlobal(I, name);
}

/** Assign `v` to target `t` (a name, an attribute, an item, or a tuple or list of targets unpacked as CPython unpacks). */
export function* assign(I: Interp, t: PyNode, v: unknown, f: Frame): Generator<never, void, unknown> {
  switch (t.nodeType) {
    case 'Name':
      yield* I.store(String(t.id), v, f, t.lineno!);
      return;
    case 'Attribute':
      yield* I.setAttr(yield* I.ev(t.value as PyNode, f), String(t.attr), v, t.lineno!);
      return;
    case 'Subscript': {
      const obj = yield* I.ev(t.value as PyNode, f);
      const key = yield* I.ev(t.slice as PyNode, f);
      yield* I.setItem(obj, key, v, t.lineno!);
      return;
    }
    case 'Tuple':
    case 'List': {
      const elts = t.elts as PyNode[];
      const star = elts.findIndex((e) => e.nodeType === 'Starred');
      let items: unknown[];
      if (star < 0 && (v instanceof PyStepIterator || I.steppable(v))) {
        // An iterator is pulled for one item more than the targets, as CPython's UNPACK_SEQUENCE
        // does: enough to say "too many values" without running an endless generator to its end.
        const it = yield* I.iterStart(v, t.lineno!);
        items = [];
        while (items.length <= elts.length) {
          const r = yield* I.iterNext(it);
          if (r.done === true) break;
          items.push(r.value);
        }
      } else {
        items = drain(yield* I.iterate(v, t.lineno!));
      }
      if (star < 0) {
        if (items.length !== elts.length) {
          throw pyRaise('ValueError', items.length > elts.length ? `too many values to unpack (expected ${elts.length})` : `not enough values to unpack (expected ${elts.length}, got ${items.length})`);
        }
        for (let i = 0; i < elts.length; i++) yield* I.assign(elts[i]!, items[i], f);
        return;
      }
      const after = elts.length - star - 1;
      if (items.length < elts.length - 1) throw pyRaise('ValueError', `not enough values to unpack (expected at least ${elts.length - 1}, got ${items.length})`);
      for (let i = 0; i < star; i++) yield* I.assign(elts[i]!, items[i], f);
      yield* I.assign((elts[star]!.value as PyNode), new PyList(items.slice(star, items.length - after), I.label('list')), f);
      for (let i = 0; i < after; i++) yield* I.assign(elts[star + 1 + i]!, items[items.length - after + i], f);
      return;
    }
    default:
      throw pyRaise('SyntaxError', `cannot assign to ${t.nodeType}`);
  }
}

/** `t op= v`: the target read, the operator's in-place form applied, the target written. */
export function* augAssign(I: Interp, s: PyNode, f: Frame): Generator<never, void, unknown> {
  const t = s.target as PyNode;
  const op = (s.op as PyNode).nodeType;
  switch (t.nodeType) {
    case 'Name': {
      const name = String(t.id);
      const cur = yield* I.load(name, f, t.lineno!);
      const rhs = yield* I.ev(s.value as PyNode, f);
      yield* I.store(name, yield* I.binary(op, cur, rhs, true), f, t.lineno!);
      return;
    }
    case 'Attribute': {
      const obj = yield* I.ev(t.value as PyNode, f);
      const cur = yield* I.getAttr(obj, String(t.attr), t.lineno!);
      const rhs = yield* I.ev(s.value as PyNode, f);
      yield* I.setAttr(obj, String(t.attr), yield* I.binary(op, cur, rhs, true), t.lineno!);
      return;
    }
    case 'Subscript': {
      const obj = yield* I.ev(t.value as PyNode, f);
      const key = yield* I.ev(t.slice as PyNode, f);
      const cur = yield* I.getItem(obj, key, t.lineno!);
      const rhs = yield* I.ev(s.value as PyNode, f);
      yield* I.setItem(obj, key, yield* I.binary(op, cur, rhs, true), t.lineno!);
      return;
    }
    default:
      throw pyRaise('SyntaxError', `'${t.nodeType}' is an illegal expression for augmented assignment`);
  }
}
