/**
 * `set` and `frozenset` for `.py` programs: the constructors, the methods and the operators
 * `| & - ^` (and `|= &= -= ^=`), each doing what CPython 3.11's setobject.c does in the order it
 * does it, so results iterate in CPython's order (see pyset.ts). A set is shared state as a list
 * is: a method that reads it is one read step, one that changes it one write step (a frozenset
 * is immutable and takes none).
 */
import { pyRaise } from './exceptions.js';
import { keyError } from './format.js';
import { drain, type Interp } from './interp.js';
import { PySet } from './pyset.js';
import { markBuiltinType, PyBuiltin, PyClass, PyDict, Snapshot } from './values.js';

/** What a set method was given as its other operand: a set, or keys (with hashes) read from another iterable. */
type Operand = { readonly set: PySet } | { readonly keys: readonly unknown[]; readonly hashes: readonly bigint[]; readonly dict: boolean };

/** One step on `s` performing `perform` (none for a frozenset, which no thread can change). */
export function* setStep<T>(I: Interp, s: PySet, kind: 'read' | 'write', perform: () => T): Generator<never, T, unknown> {
  if (s.frozen) return perform();
  return (yield I.containerOp(s, kind, perform) as never) as T;
}

/** `v` as a set operand: a set is read in one step; a dict's keys, or any iterable's items, are read and hashed. */
/** Each of `others` as an operand, in order (a method taking any number of iterables). */
function* operands(I: Interp, others: readonly unknown[]): Generator<never, Operand[], unknown> {
  const ops: Operand[] = [];
  for (const x of others) ops.push(yield* operand(I, x));
  return ops;
}

function* operand(I: Interp, v: unknown): Generator<never, Operand, unknown> {
  if (v instanceof PySet) {
    yield* setStep(I, v, 'read', () => undefined);
    return { set: v };
  }
  const dict = v instanceof PyDict;
  const keys = drain(yield* I.iterate(v, 0));
  return { keys, hashes: keys.map((k) => I.hashOf(k)), dict };
}

/** Add the operand's items to `s` (set_update_internal). */
function update(s: PySet, o: Operand): void {
  if ('set' in o) s.merge(o.set);
  else s.addAll(o.keys, o.hashes, o.dict);
}

/** The operand as a set (a set as it is, another iterable's items added in order). */
function asSet(o: Operand, label: string): PySet {
  if ('set' in o) return o.set;
  const s = new PySet(false, label);
  update(s, o);
  return s;
}

/** `s & o` (set_intersection): a set operand walks the smaller side; an iterable is walked in its order. */
function intersection(s: PySet, o: Operand, label: string): PySet {
  if ('set' in o) return withFrozen(s.intersection(o.set, label), s.frozen);
  const r = new PySet(s.frozen, label);
  o.keys.forEach((k, i) => {
    if (s.has(k, o.hashes[i]!)) r.add(k, o.hashes[i]!);
  });
  return r;
}

/** `s - o` (set_difference). */
function difference(s: PySet, o: Operand, label: string): PySet {
  if ('set' in o) return withFrozen(s.difference(o.set, label), s.frozen);
  if (o.dict) return s.difference(asSet(o, label), label);
  const r = s.copy(s.frozen, label);
  o.keys.forEach((k, i) => r.discard(k, o.hashes[i]!));
  r.shrinkDummies();
  return r;
}

/** `s ^ o` (set_symmetric_difference): a copy of the other side, updated with this one. */
function symmetricDifference(s: PySet, o: Operand, label: string): PySet {
  const r = new PySet(s.frozen, label);
  update(r, o);
  r.symmetricDifferenceUpdate(s);
  return r;
}

function withFrozen(r: PySet, frozen: boolean): PySet {
  return r.frozen === frozen ? r : r.copy(frozen, r.label);
}

const OPERATORS: Readonly<Record<string, string>> = { BitOr: '|', BitAnd: '&', Sub: '-', BitXor: '^' };

/** Whether `op` is a set operator (`| & - ^`). */
export function isSetOperator(op: string): boolean {
  return OPERATORS[op] !== undefined;
}

/**
 * `a OP b` for two sets (the caller checked), or `a OP= b` (in place: `a` changes in one
 * write step, and is the result). The result has the left operand's type.
 */
export function* setOperator(I: Interp, op: string, a: PySet, b: PySet, inplace: boolean): Generator<never, PySet, unknown> {
  const o = yield* operand(I, b);
  if (inplace && !a.frozen) {
    yield* setStep(I, a, 'write', () => {
      if (op === 'BitOr') update(a, o);
      else if (op === 'BitAnd') a.become(intersection(a, o, a.label));
      else if (op === 'Sub') a.differenceUpdate(asSet(o, 'set'));
      else a.symmetricDifferenceUpdate(asSet(o, 'set'));
    });
    return a;
  }
  const label = I.label(a.frozen ? 'frozenset' : 'set');
  return yield* setStep(I, a, 'read', () => {
    if (op === 'BitOr') {
      const r = a.copy(a.frozen, label);
      if (b !== a) update(r, o);
      return r;
    }
    if (op === 'BitAnd') return intersection(a, o, label);
    if (op === 'Sub') return difference(a, o, label);
    return symmetricDifference(a, o, label);
  });
}

function selfSet(args: unknown[], method: string, mutable = false): PySet {
  const s = args[0];
  if (!(s instanceof PySet) || (mutable && s.frozen)) throw pyRaise('TypeError', `descriptor '${method}' for '${mutable ? 'set' : 'frozenset'}' objects doesn't apply to a '${typeof s === 'object' && s !== null ? (s as { constructor: { name: string } }).constructor.name : typeof s}' object`);
  return s;
}

function one(args: unknown[], method: string): unknown {
  if (args.length !== 2) throw pyRaise('TypeError', `${method}() takes exactly one argument (${args.length - 1} given)`);
  return args[1];
}

/** The `set` and `frozenset` classes; `ref` reaches the running execution's interpreter. */
export function setClasses(ref: { I: Interp }): { set: PyClass; frozenset: PyClass } {
  const make = (frozen: boolean) =>
    function* (args: unknown[], kw: Map<string, unknown> | undefined): Generator<never, PySet, unknown> {
      const name = frozen ? 'frozenset' : 'set';
      if (kw !== undefined && kw.size > 0) throw pyRaise('TypeError', `${name}() takes no keyword arguments`);
      if (args.length > 1) throw pyRaise('TypeError', `${name} expected at most 1 argument, got ${args.length}`);
      if (frozen && args[0] instanceof PySet && args[0].frozen) return args[0];
      const s = new PySet(frozen, ref.I.label(name));
      if (args.length === 1) update(s, yield* operand(ref.I, args[0]));
      return s;
    };

  const reading: Record<string, (s: PySet, args: unknown[]) => Generator<never, unknown, unknown>> = {
    *copy(s) {
      const label = ref.I.label(s.frozen ? 'frozenset' : 'set');
      return s.frozen ? s : yield* setStep(ref.I, s, 'read', () => s.copy(false, label));
    },
    *union(s, others) {
      const ops = yield* operands(ref.I, others);
      const label = ref.I.label(s.frozen ? 'frozenset' : 'set');
      return yield* setStep(ref.I, s, 'read', () => {
        const r = s.copy(s.frozen, label);
        for (const o of ops) if (!('set' in o && o.set === s)) update(r, o);
        return r;
      });
    },
    *intersection(s, others) {
      const ops = yield* operands(ref.I, others);
      const label = ref.I.label(s.frozen ? 'frozenset' : 'set');
      return yield* setStep(ref.I, s, 'read', () => {
        if (ops.length === 0) return s.copy(s.frozen, label);
        let r = s;
        for (const o of ops) r = intersection(r, o, label);
        return r;
      });
    },
    *difference(s, others) {
      const ops = yield* operands(ref.I, others);
      const label = ref.I.label(s.frozen ? 'frozenset' : 'set');
      return yield* setStep(ref.I, s, 'read', () => {
        // set_difference_multi: the first operand as `s - o`, the others taken away from that.
        if (ops.length === 0) return s.copy(s.frozen, label);
        const r = difference(s, ops[0]!, label);
        for (const o of ops.slice(1)) r.differenceUpdate(asSet(o, 'set'));
        return r;
      });
    },
    *symmetric_difference(s, args) {
      const o = yield* operand(ref.I, one([s, ...args], 'symmetric_difference'));
      const label = ref.I.label(s.frozen ? 'frozenset' : 'set');
      return yield* setStep(ref.I, s, 'read', () => symmetricDifference(s, o, label));
    },
    *issubset(s, args) {
      const o = yield* operand(ref.I, one([s, ...args], 'issubset'));
      return yield* setStep(ref.I, s, 'read', () => s.isSubset(asSet(o, 'set')));
    },
    *issuperset(s, args) {
      const o = yield* operand(ref.I, one([s, ...args], 'issuperset'));
      return yield* setStep(ref.I, s, 'read', () => asSet(o, 'set').isSubset(s));
    },
    *isdisjoint(s, args) {
      const o = yield* operand(ref.I, one([s, ...args], 'isdisjoint'));
      return yield* setStep(ref.I, s, 'read', () => ('set' in o ? intersection(s, o, 'set').used === 0 : !o.keys.some((k, i) => s.has(k, o.hashes[i]!))));
    },
  };

  const writing: Record<string, (s: PySet, args: unknown[]) => Generator<never, unknown, unknown>> = {
    *add(s, args) {
      const x = one([s, ...args], 'add');
      const h = ref.I.hashOf(x);
      yield* setStep(ref.I, s, 'write', () => s.add(x, h));
      return null;
    },
    *discard(s, args) {
      const x = one([s, ...args], 'discard');
      const h = ref.I.hashOf(x);
      yield* setStep(ref.I, s, 'write', () => s.discard(x, h));
      return null;
    },
    *remove(s, args) {
      const x = one([s, ...args], 'remove');
      const h = ref.I.hashOf(x);
      yield* setStep(ref.I, s, 'write', () => {
        if (!s.discard(x, h)) throw keyError(x, ref.I.keyErrorText);
      });
      return null;
    },
    *pop(s) {
      return yield* setStep(ref.I, s, 'write', () => s.pop());
    },
    *clear(s) {
      yield* setStep(ref.I, s, 'write', () => s.clear());
      return null;
    },
    *update(s, others) {
      const ops = yield* operands(ref.I, others);
      yield* setStep(ref.I, s, 'write', () => ops.forEach((o) => update(s, o)));
      return null;
    },
    *intersection_update(s, others) {
      const ops = yield* operands(ref.I, others);
      yield* setStep(ref.I, s, 'write', () => {
        let r = s;
        for (const o of ops) r = intersection(r, o, s.label);
        if (r !== s) s.become(r);
      });
      return null;
    },
    *difference_update(s, others) {
      const ops = yield* operands(ref.I, others);
      yield* setStep(ref.I, s, 'write', () => ops.forEach((o) => s.differenceUpdate(asSet(o, 'set'))));
      return null;
    },
    *symmetric_difference_update(s, args) {
      const o = yield* operand(ref.I, one([s, ...args], 'symmetric_difference_update'));
      yield* setStep(ref.I, s, 'write', () => s.symmetricDifferenceUpdate(asSet(o, 'set')));
      return null;
    },
  };

  const classOf = (frozen: boolean): PyClass => {
    const dict = new Map<string, unknown>();
    for (const [name, fn] of Object.entries(reading)) dict.set(name, new PyBuiltin(name, (args) => fn(selfSet(args, name), args.slice(1))));
    if (!frozen) for (const [name, fn] of Object.entries(writing)) dict.set(name, new PyBuiltin(name, (args) => fn(selfSet(args, name, true), args.slice(1))));
    const cls = new PyClass(frozen ? 'frozenset' : 'set', undefined, dict, '', { construct: (_self, args, kw) => make(frozen)(args, kw) });
    markBuiltinType(cls);
    return cls;
  };
  return { set: classOf(false), frozenset: classOf(true) };
}

/** The items of `s` as one read of it (an iteration, a `list(s)`), in CPython's order. */
export function* setItems(I: Interp, s: PySet): Generator<never, unknown[], unknown> {
  return (yield* setStep(I, s, 'read', () => new Snapshot(s.items()))).items;
}

