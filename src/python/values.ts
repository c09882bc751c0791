/**
 * Python values as the interpreter holds them. Immutable scalars are JavaScript values
 * (None is null, bool is boolean, int is an integral number, str is string); float is boxed
 * ({@link PyFloat}) so that `2.0` stays a float and prints as one. Containers, functions,
 * classes and instances are the classes below; threading objects are the models' own objects
 * (see bindings), wrapped by nothing.
 *
 * Invariant: a JavaScript number reaching the interpreter is an int (integral); every float
 * is a PyFloat, even an integral one.
 */
import type { Steps } from '../scheduler/ops.js';
import type { PyNode } from './ast.js';
import type { Interp } from './interp.js';

/** Python's float. */
export class PyFloat {
  constructor(readonly v: number) {}
}

/** Python's list. `label` names it in traces (`list#1`). */
export class PyList {
  constructor(
    public items: unknown[],
    public label = 'list',
  ) {}
}

/** Python's tuple. */
export class PyTuple {
  constructor(readonly items: readonly unknown[]) {}
}

/**
 * Python's dict: insertion-ordered, keyed by {@link hashKey}. A key whose class defines its own
 * `__eq__` (a key {@link customKeyOps} gives hooks for, or a tuple holding one) is kept by identity too, and indexed by its
 * `__hash__` in `custom`: looking one up compares it, by the class's `__eq__`, with the keys of
 * the same hash, as CPython's lookup does, and finds the key stored first.
 */
export class PyDict {
  readonly map = new Map<unknown, [unknown, unknown]>();
  /** Remove every item. */
  clear(): void {
    this.map.clear();
    this.custom = undefined;
  }
  /** The custom keys stored, by hash (a key's hash may have changed since it was stored: entries not in `map` are skipped). */
  private custom: Map<bigint, unknown[]> | undefined;
  constructor(public label = 'dict') {}
  /** The stored key equal to `k` (a custom key, compared by `ops`), or undefined. */
  private stored(k: unknown, h: bigint, ops: KeyOps): unknown {
    if (this.map.has(k)) return k;
    for (const c of this.custom?.get(h) ?? []) if (this.map.has(c) && c !== k && ops.eq(c, k)) return c;
    return undefined;
  }
  get(k: unknown): [unknown, unknown] | undefined {
    const ops = customKeyOps(k);
    if (ops !== undefined) {
      const c = this.stored(k, ops.hash(k), ops);
      return c === undefined ? undefined : this.map.get(c);
    }
    return this.map.get(hashKey(k));
  }
  set(k: unknown, v: unknown): void {
    const ops = customKeyOps(k);
    if (ops !== undefined) {
      const h = ops.hash(k);
      const c = this.stored(k, h, ops);
      if (c !== undefined) {
        this.map.set(c, [c, v]);
        return;
      }
      const same = (this.custom ??= new Map()).get(h);
      if (same === undefined) this.custom.set(h, [k]);
      else if (!same.includes(k)) same.push(k);
      this.map.set(k, [k, v]);
      return;
    }
    this.map.set(hashKey(k), [k, v]);
  }
  delete(k: unknown): boolean {
    const ops = customKeyOps(k);
    if (ops !== undefined) {
      const h = ops.hash(k);
      const c = this.stored(k, h, ops);
      if (c === undefined) return false;
      const same = this.custom?.get(h);
      const i = same?.indexOf(c) ?? -1;
      if (i >= 0) {
        same!.splice(i, 1);
        if (same!.length === 0) this.custom!.delete(h);
      }
      return this.map.delete(c);
    }
    return this.map.delete(hashKey(k));
  }
}

/** Python's range object (iterable, immutable). */
export class PyRange {
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {}
  get length(): number {
    const n = Math.ceil((this.stop - this.start) / this.step);
    return n > 0 ? n : 0;
  }
}

/** Where a user-defined function's free names resolve: its defining scopes, then globals. */
export interface Scope {
  readonly vars: Map<string, unknown>;
  readonly parent: Scope | undefined;
  /** The names the scope's function binds: one of them missing from `vars` is unbound (not looked up further out). */
  readonly locals?: ReadonlySet<string>;
}

/** A function defined in the program (`def` or `lambda`). */
export class PyFunction {
  constructor(
    readonly name: string,
    readonly qualname: string,
    readonly node: PyNode,
    readonly scope: Scope | undefined,
    readonly defaults: readonly unknown[],
    readonly kwDefaults: ReadonlyMap<string, unknown>,
    /** The class whose body defined it (for zero-argument `super()`). */
    public owner: PyClass | undefined,
  ) {}
}

/** A function implemented by threadsim; may return steps (a generator) to be run. */
export class PyBuiltin {
  constructor(
    readonly name: string,
    readonly call: (args: unknown[], kwargs: Map<string, unknown> | undefined) => unknown,
  ) {}
}

/** A function bound to its first argument (`obj.method`). */
export class PyBound {
  constructor(
    readonly self: unknown,
    readonly fn: unknown,
  ) {}
}

/** `@staticmethod`, `@classmethod`, `@property` wrappers stored in a class body. */
export class PyStatic {
  constructor(readonly fn: unknown) {}
}
export class PyClassMethod {
  constructor(readonly fn: unknown) {}
}
export class PyProperty {
  constructor(
    readonly fget: unknown,
    readonly fset: unknown = undefined,
  ) {}
}

/**
 * A class. `host` is set for classes implemented by threadsim (Thread, Lock, exceptions):
 * an instance of a program's subclass of one keeps the model object in {@link PyInstance.host}.
 */
export class PyClass {
  constructor(
    readonly name: string,
    readonly base: PyClass | undefined,
    readonly dict: Map<string, unknown>,
    /** Module prefix CPython prints before the name in tracebacks (`threading.`), or ''. */
    readonly module = '',
    readonly host?: HostClass,
  ) {}

  /** How the interpreter that defined this class calls its `__hash__` and `__eq__` for dicts and sets (program classes only). */
  keyOps: KeyOps | undefined;

  /** CPython defines the class in C (`_thread.lock`, `_queue.SimpleQueue`): see {@link tpName}. */
  native = false;

  /**
   * The name CPython's messages give the class (its tp_name): a C class's is dotted with its
   * module (`'_queue.SimpleQueue' object has no attribute 'join'`), a Python class's is its name.
   */
  get tpName(): string {
    return this.native ? `${this.module}${this.name}` : this.name;
  }

  /** It or a base defines `__setattr__` or `__delattr__` (a frozen dataclass's too): assignments and deletions of its instances' attributes go through them. */
  setattrHook = false;

  /** Look `name` up along the class chain. */
  lookup(name: string): unknown {
    for (let c: PyClass | undefined = this; c !== undefined; c = c.base) {
      const v = c.dict.get(name);
      if (v !== undefined || c.dict.has(name)) return v;
    }
    return undefined;
  }

  /** The nearest class in the chain implemented by threadsim, if any. */
  get hostClass(): PyClass | undefined {
    for (let c: PyClass | undefined = this; c !== undefined; c = c.base) if (c.host !== undefined) return c;
    return undefined;
  }

  isSubclassOf(other: PyClass): boolean {
    for (let c: PyClass | undefined = this; c !== undefined; c = c.base) if (c === other) return true;
    return false;
  }
}

/**
 * A program class's `__hash__` and `__eq__` as a dict or set calls them: inside the step that
 * reads or changes the container, without steps of their own (see Interp.runInline).
 */
export interface KeyOps {
  /** `hash(v)` of a custom key, by its class's `__hash__` (TypeError when it is None); of a tuple holding one, CPython's tuple hash over it. */
  hash(v: unknown): bigint;
  /** `a == b`, running the classes' `__eq__` (either side's, as CPython tries them). */
  eq(a: unknown, b: unknown): boolean;
}

/**
 * How `k` is hashed and compared as a dict key or set item when a program class's own
 * `__eq__` decides (not identity or built-in value equality): for an instance of a program
 * class that defines `__eq__` (and so a `__hash__`, or it is unhashable), and for a tuple
 * holding one; undefined for every other key.
 */
export function customKeyOps(k: unknown): KeyOps | undefined {
  if (k instanceof PyInstance) return k.cls.keyOps !== undefined && k.cls.lookup('__eq__') !== undefined ? k.cls.keyOps : undefined;
  if (k instanceof PyTuple) {
    for (const x of k.items) {
      const ops = customKeyOps(x);
      if (ops !== undefined) return ops;
    }
  }
  return undefined;
}

/** How a threadsim-implemented class builds its model object for `Cls(...)` or `super().__init__(...)`. */
export interface HostClass {
  construct(self: PyInstance, args: unknown[], kwargs: Map<string, unknown> | undefined): unknown;
}

/** An instance of a class defined by the program (or of a built-in exception class). */
export class PyInstance {
  readonly dict = new Map<string, unknown>();
  /** The model object behind it, for subclasses of threadsim classes (Thread, Queue). */
  host: unknown;
  /** Attribute locations as traces name them (`FakeDatabase#1.value`), made once per name. */
  private locations: Map<string, string> | undefined;
  constructor(
    readonly cls: PyClass,
    /** Names the instance's attributes in traces: `FakeDatabase#1`. */
    readonly label: string,
  ) {}
  /** The location of attribute `name` (one string per name, so analyses hash it once). */
  location(name: string): string {
    const m = (this.locations ??= new Map());
    let l = m.get(name);
    if (l === undefined) m.set(name, (l = `${this.label}.${name}`));
    return l;
  }
}

/**
 * A module object (`threading`, `time`, the program's own `__main__`). Its members may be a
 * map it shares with other executions' module objects (the modules a program's executions
 * share, see bindings/index.ts): the first write copies them, so a program that sets a module
 * attribute changes its own execution's module only, and an execution that sets none copies
 * nothing.
 */
export class PyModuleObject {
  private members: Map<string, unknown>;
  private shared: boolean;
  constructor(
    readonly name: string,
    members: Map<string, unknown>,
    /** `members` belongs to others too: copy it before the first write. */
    shared = false,
  ) {
    this.members = members;
    this.shared = shared;
  }
  /** The members, for reading (write through {@link set}). */
  get dict(): ReadonlyMap<string, unknown> {
    return this.members;
  }
  /** Delete member `name` (`del threading.x`); false when it has none. */
  delete(name: string): boolean {
    if (!this.members.has(name)) return false;
    this.set(name, undefined);
    return this.members.delete(name);
  }
  /** Set member `name` (`threading.x = 1`, `concurrent.futures` once imported). */
  set(name: string, v: unknown): void {
    if (this.shared) {
      this.members = new Map(this.members);
      this.shared = false;
    }
    this.members.set(name, v);
  }
}

/** Python's `NotImplemented`, which a binary dunder returns to let the other operand try. */
export const NotImplemented: { readonly notImplemented: true; toString(): string } = { notImplemented: true, toString: () => 'NotImplemented' };

/** `object()` and other bare sentinels. */
export class PyObjectSentinel {
  constructor(readonly id: number) {}
}

/** The key a value has in a dict or a set (Python's hash and equality, for the hashable types). */
export function hashKey(k: unknown): unknown {
  if (k instanceof PyFloat) return Number.isInteger(k.v) ? k.v : `f:${k.v}`;
  if (k === true) return 1;
  if (k === false) return 0;
  if (k instanceof PyTuple) return `t:${k.items.map((x) => String(typeof x === 'string' ? JSON.stringify(x) : hashKey(x))).join(',')}`;
  // A frozenset: equal to any frozenset or set with the same items, whatever their order.
  if (typeof k === 'object' && k !== null && 'frozen' in k && typeof (k as { items?: unknown }).items === 'function') {
    return `fs:${((k as unknown as { items(): unknown[] }).items().map((x) => String(typeof x === 'string' ? JSON.stringify(x) : hashKey(x))).sort().join(','))}`;
  }
  if (typeof k === 'string') return `s:${k}`;
  return k;
}

/**
 * What one read of a list or dict's contents returns (an iteration, a copy): the items at that
 * step, printed in traces as the Python list they are (never as a JavaScript structure).
 */
export class Snapshot {
  constructor(readonly items: unknown[]) {}
}

/** Built-in types: immutable, as CPython's are, so one set of builtins can serve every execution of a program. */
const builtinTypes = new WeakSet<PyClass>();

/** Make `cls` a built-in type (`int`, `list`, `ValueError`, ...): a program cannot set its attributes. */
export function markBuiltinType(cls: PyClass): void {
  builtinTypes.add(cls);
}

/** Whether `cls` is a built-in type, whose attributes cannot be set. */
export function isBuiltinType(cls: PyClass): boolean {
  return builtinTypes.has(cls);
}

/**
 * An iterator whose every item may take steps (`as_completed`, `executor.map`'s results, a
 * generator): a `for` loop, `any`, `next`... take one item at a time, running its steps
 * between their own, as CPython's do.
 */
export class PyStepIterator {
  constructor(
    private readonly nextItem?: () => Steps<IteratorResult<unknown>>,
    /**
     * Whether taking an item returns from non-Python code into the loop, a check point
     * (`as_completed`); false when the steps that make the item have their own (a generator's
     * resume, an iterator of a program's `__next__`).
     */
    readonly callReturn = true,
  ) {}

  /** The next item, or done. */
  step(): Steps<IteratorResult<unknown>> {
    return this.nextItem!();
  }
}

/**
 * A subclass of list, tuple or dict implemented by threadsim (`collections.deque`, `Counter`,
 * `defaultdict`, `OrderedDict`, a namedtuple's instances): how it prints.
 */
export interface OwnRepr {
  /** The values its repr shows the repr of (items; keys and values). */
  reprItems(): readonly unknown[];
  /** The repr, given each of {@link reprItems}' reprs (a program's `__repr__` may take steps, so they come made). */
  pyRepr(item: (v: unknown) => string): string;
}

/** `v` as an {@link OwnRepr}, or undefined. */
export function ownRepr(v: unknown): OwnRepr | undefined {
  return typeof v === 'object' && v !== null && typeof (v as Partial<OwnRepr>).pyRepr === 'function' ? (v as OwnRepr) : undefined;
}

/** A dict subclass with CPython's `__missing__` (Counter, defaultdict): `d[k]` of a missing key runs it instead of raising KeyError. */
export interface MissingKey {
  missing(interp: Interp, key: unknown, line: number): Generator<never, unknown, unknown>;
}

/** `d` as a {@link MissingKey}, or undefined. */
export function missingKey(d: PyDict): MissingKey | undefined {
  return typeof (d as Partial<MissingKey>).missing === 'function' ? (d as unknown as MissingKey) : undefined;
}

/** Whether `v` is an instance of a threadsim-implemented subclass of list, tuple or dict (its class may override a dunder). */
export function isContainerSubclass(v: unknown): v is PyList | PyTuple | PyDict {
  return (v instanceof PyList && v.constructor !== PyList) || (v instanceof PyDict && v.constructor !== PyDict) || (v instanceof PyTuple && v.constructor !== PyTuple);
}

/** Python's `Ellipsis` (`...`): one object, printed as CPython prints it. */
export class PyEllipsis {
  toString(): string {
    return 'Ellipsis';
  }
}
export const ELLIPSIS = new PyEllipsis();
