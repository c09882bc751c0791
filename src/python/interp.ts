/**
 * The interpreter: runs a parsed `.py` module as MainThread's body, one generator per Python
 * frame. Every model call (`lock.acquire()`, `time.sleep`) delegates to the model's steps;
 * every access to shared mutable state (instance attributes, declared globals, list and dict
 * contents) is an {@link AccessOp}, so races, DPOR, traces and exports see the program as they
 * see a TypeScript one. Sites are `file.py:LINE`.
 *
 * Switching rules (see docs/python.md): under `cpython` (the default) an access reached with no
 * check point since the thread's previous op is glued to it; under `any` every op is a
 * possible switch. `check` is the interpreter's flag for this, one per thread: set at function
 * entry, at a backward jump, and when a call to threadsim code returns; cleared when an access
 * op is made.
 *
 * This class holds one execution's state (check points, labels, ids, depth, modules) and is
 * the one surface the compiled code (compile.ts), the builtins and the bindings call. The
 * interpreter's parts are modules of their own, each a set of functions of the Interp:
 * statements.ts, handlers.ts (raise, try, with), definitions.ts, names.ts, expressions.ts,
 * comprehensions.ts, calls.ts and binding.ts, attributes.ts, items.ts, iteration.ts,
 * compare.ts, arithmetic.ts, text.ts, keys.ts (hashing and equality for dicts and sets) and
 * inline.ts (program code run inside one step); signals.ts holds their shared sentinels.
 */
import { runtime } from '../scheduler/context.js';
import type { Op, Steps, ThreadRecord } from '../scheduler/ops.js';
import type { Runtime } from '../scheduler/runtime.js';
import { AccessOp } from './access.js';
import type { PyModule, PyNode } from './ast.js';
import { compiledBlock, type CompiledFunction } from './compile.js';
import { type Carried, pyValueOf } from './exceptions.js';
import { keyError, typeName } from './format.js';
import { GENERATOR_CLASS, PyGenerator } from './generator.js';
import { Keys } from './keys.js';
import { PySet } from './pyset.js';
import { declaredGlobals, type ScopeInfo } from './scope.js';
import { type Signal, SLOW, STOP_MODULE, SUPPORT, uncatchable } from './signals.js';
import { hashKey, type KeyOps, PyClass, PyDict, PyFunction, PyInstance, PyList, PyModuleObject, PyObjectSentinel, PyStepIterator, type Scope } from './values.js';
// The parts' functions by name (module_function), not through namespace objects: the calls
// below are on the interpreter's hot path, and bench/python.ts measured the namespace form slower.
import { binary as arithmetic_binary } from './arithmetic.js';
import { attrQuick as attributes_attrQuick, getAttr as attributes_getAttr, getAttrStatic as attributes_getAttrStatic, objectSetAttr as attributes_objectSetAttr, readAttrOp as attributes_readAttrOp, setAttr as attributes_setAttr, writeAttrOp as attributes_writeAttrOp } from './attributes.js';
import { call as calls_call, callFunction as calls_callFunction, callQuick as calls_callQuick, closeTemporary as calls_closeTemporary, codeOf as calls_codeOf, enter as calls_enter, makeGenerator as calls_makeGenerator, superOf as calls_superOf, takePending as calls_takePending, target as calls_target, temporaryGenerator as calls_temporaryGenerator } from './calls.js';
import { compare as compare_compare, equal as compare_equal, truthy as compare_truthy, truthyQuick as compare_truthyQuick } from './compare.js';
import { defineClass as definitions_defineClass, defineFunction as definitions_defineFunction, functionQuick as definitions_functionQuick } from './definitions.js';
import { ev as expressions_ev, format as expressions_format } from './expressions.js';
import { excMessage as handlers_excMessage, handle as handlers_handle, makeException as handlers_makeException } from './handlers.js';
import { keyErrorText as inline_keyErrorText, lessInline as inline_lessInline, reprInline as inline_reprInline, runInline as inline_runInline } from './inline.js';
import { getItem as items_getItem, setItem as items_setItem } from './items.js';
import { iterNext as iteration_iterNext, iterOpen as iteration_iterOpen, iterStart as iteration_iterStart, iterate as iteration_iterate, steppable as iteration_steppable } from './iteration.js';
import { assign as names_assign, load as names_load, loadFree as names_loadFree, loadQuick as names_loadQuick, store as names_store, storeQuick as names_storeQuick, unboundFree as names_unboundFree, unboundLocal as names_unboundLocal } from './names.js';
import { importModule as statements_importModule, importStmt as statements_importStmt, stmt as statements_stmt } from './statements.js';
import { repr as text_repr, reprOf as text_reprOf, str as text_str, strSync as text_strSync } from './text.js';

export { PyStepIterator };

/** How threads may switch (see the file comment). */
export type SwitchRule = 'cpython' | 'any';

/** What the host (bindings) provides the interpreter. */
export interface Host {
  /** The module called `name`, or undefined (the program then gets ModuleNotFoundError). */
  module(name: string, interp: Interp): PyModuleObject | undefined;
  /** The builtins (`print`, `len`, ...). */
  builtins(interp: Interp): Map<string, unknown>;
  /** The class of a model object (`Lock`), for attribute lookup and `type()`. */
  classOf(v: object): PyClass | undefined;
}

/** One running Python frame (module, class body or function call), as the compiled code sees it too. */
export interface Frame {
  readonly vars: Map<string, unknown>;
  /** Closure chain for free names (function frames), undefined at module and class level. */
  readonly scope: Scope | undefined;
  readonly info: ScopeInfo | undefined;
  readonly name: string;
  line: number;
  ret: unknown;
  /** The function running (for `super()`), and its first argument. */
  readonly fn: PyFunction | undefined;
  readonly args0: unknown;
  /** For class bodies: free names resolve through the enclosing function's scope. */
  readonly outer: Frame | undefined;
  /** The exception being handled (`raise` with no argument re-raises it). */
  handling: unknown;
  /** A comprehension's or generator expression's frame: the frame its `:=` binds in (PEP 572: the enclosing function's). */
  readonly binds?: Frame;
}

/** One execution's interpreter of one module. */
export class Interp {
  readonly globals = new Map<string, unknown>();
  readonly builtins: Map<string, unknown>;
  /** The module's shared mutable globals: the names some function declares `global`. */
  readonly shared: ReadonlySet<string>;
  /** The running execution (its `current` is the thread whose code runs now). */
  readonly k: Runtime;
  /** The check-point flag of the thread {@link checkOwner} (see the file comment). */
  private checkFlag = true;
  private checkOwner: ThreadRecord | undefined = undefined;
  /** The flags of the other threads by thread index, saved while another thread's code runs. */
  private readonly checks: boolean[] = [];

  /**
   * Whether a check point passed since the running thread's previous op (see the file
   * comment). Each thread has its own: the engine runs a new thread's code up to its first op
   * inside its spawner's step, and the spawner's code after, so two threads' code can run
   * between two ops of one of them.
   */
  get check(): boolean {
    if (this.k.current !== this.checkOwner) this.switchCheck();
    return this.checkFlag;
  }
  set check(v: boolean) {
    if (this.k.current !== this.checkOwner) this.switchCheck();
    this.checkFlag = v;
  }

  private switchCheck(): void {
    const cur = this.k.current;
    const owner = this.checkOwner;
    if (owner !== undefined) {
      while (this.checks.length <= owner.index) this.checks.push(true);
      this.checks[owner.index] = this.checkFlag;
    }
    // A thread's code starts at a function entry (its target's, or the module's): a check point.
    this.checkFlag = cur.index < this.checks.length ? this.checks[cur.index]! : true;
    this.checkOwner = cur;
  }
  /** Whether ops name their `file.py:LINE` site (the runtime's captureSites). */
  readonly sites: boolean;
  private readonly labels = new Map<string, number>();
  readonly modules = new Map<string, PyModuleObject>();
  /** Python frames on the stack (RecursionError past 900). */
  depth = 0;
  /** Set by the program: a module-level assert's verdict as a step, so claims can read it. */
  onClaim: ((node: PyNode, ok: boolean, message: string, traceback: readonly string[]) => Op | undefined) | undefined;

  /** CPython's traceback of `e` (frames it carries), ending with `Type: message`. */
  tracebackLines(e: unknown, type: string, message: string): string[] {
    const out = ['Traceback (most recent call last):'];
    for (const fr of (e as Carried | undefined)?.pyFrames ?? []) out.push(`  File "${fr.file}", line ${fr.line}, in ${fr.name}`, ...(fr.code === '' ? [] : [`    ${fr.code}`]));
    out.push(message === '' ? type : `${type}: ${message}`);
    return out;
  }

  constructor(
    readonly mod: PyModule,
    readonly rule: SwitchRule,
    readonly host: Host,
  ) {
    this.shared = declaredGlobals(mod.body);
    this.k = runtime('a .py program');
    this.sites = this.k.settings.captureSites;
    this.builtins = host.builtins(this);
    this.globals.set('__name__', '__main__');
    this.globals.set('__file__', mod.file);
  }

  /** MainThread's body: the module's statements. */
  *runModule(): Steps<unknown> {
    const f = this.frame(this.globals, undefined, undefined, '<module>', undefined, undefined);
    try {
      yield* this.block(this.mod.body, f);
    } catch (e) {
      if (e === STOP_MODULE) return undefined;
      throw this.traced(e, f);
    }
    return undefined;
  }

  /** A new frame (module, class body, function call or comprehension). */
  frame(vars: Map<string, unknown>, scope: Scope | undefined, info: ScopeInfo | undefined, name: string, fn: PyFunction | undefined, args0: unknown, outer?: Frame): Frame {
    return { vars, scope, info, name, line: 0, ret: undefined, fn, args0, outer, handling: undefined };
  }

  /** Add `f`'s line to the traceback `e` carries (CPython prints outermost first). */
  traced(e: unknown, f: Frame): unknown {
    if (typeof e !== 'object' || e === null || (e as Error).name === 'ThreadsimError') return e;
    const c = e as Carried;
    (c.pyFrames ??= []).unshift({ file: this.mod.file, line: f.line, name: f.name, code: (this.mod.lines[f.line - 1] ?? '').trim() });
    return e;
  }

  /** A label for a new object of kind `kind` in traces: `FakeDatabase#1`. */
  label(kind: string): string {
    const n = (this.labels.get(kind) ?? 0) + 1;
    this.labels.set(kind, n);
    return `${kind}#${n}`;
  }

  /**
   * The line of the call or statement running now: the site of a step made where no line is
   * passed down (a builtin method's step on a list, dict or set, `x in container`). Set by each
   * statement and, just before the call, by each call expression, so a builtin's steps name the
   * line that called it.
   */
  at = 0;

  /** The site an op made at `line` names (0: the line running now, {@link at}), when sites are captured. */
  site(line: number): string | undefined {
    return this.sites ? `${this.mod.file}:${line === 0 ? this.at : line}` : undefined;
  }

  /** An access op at `line`; glued when no check point passed (see the file comment). */
  access(kind: 'read' | 'write', obj: string, line: number, perform: () => unknown, shown?: unknown): AccessOp {
    const glued = this.rule === 'cpython' && !this.check;
    this.check = false;
    return new AccessOp(kind, kind, obj, this.site(line), glued, perform, this.sites && kind === 'write' ? this.shown(shown) : undefined);
  }

  /** A written value as traces show it: ints, strings, bools and None as themselves, the rest as repr. */
  shown(v: unknown): unknown {
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return this.reprSafe(v);
  }

  private reprSafe(v: unknown): string {
    try {
      return this.repr(v);
    } catch {
      return this.typeName(v);
    }
  }

  /** Run a statement list: its compiled form (src/python/compile.ts), which calls back into {@link stmt} for what it does not translate. */
  block(stmts: readonly PyNode[], f: Frame): Generator<never, Signal, unknown> {
    // The compiled block's own generator: no relaying generator around each of its steps.
    return compiledBlock(stmts, SUPPORT, f.info)(this, f);
  }

  /** One statement, interpreted: its signal (normal, break, continue, return) (statements.ts). */
  stmt(s: PyNode, f: Frame): Generator<never, Signal, unknown> {
    return statements_stmt(this, s, f);
  }

  /** An `import` or `from ... import` statement: it takes no step (statements.ts). */
  importStmt(s: PyNode, f: Frame): void {
    return statements_importStmt(this, s, f);
  }

  /** The module called `name`, imported once per execution (ModuleNotFoundError when threadsim has none) (statements.ts). */
  importModule(name: string): PyModuleObject {
    return statements_importModule(this, name);
  }

  /** The message of an exception object (its `str`) (handlers.ts). */
  excMessage(v: PyInstance): Generator<never, string, unknown> {
    return handlers_excMessage(this, v);
  }

  /** A new exception object of class `cls` with `args`, as the JavaScript error that carries it (handlers.ts). */
  makeException(cls: PyClass, args: unknown[]): Generator<never, unknown, unknown> {
    return handlers_makeException(this, cls, args);
  }

  /** Run the matching `except` clause for `e` (handlers.ts). */
  handle(s: PyNode, f: Frame, e: unknown): Generator<never, Signal | undefined, unknown> {
    return handlers_handle(this, s, f, e);
  }

  /** A `def` with no defaults and no decorators, made without a generator (nothing in it can take a step) (definitions.ts). */
  functionQuick(s: PyNode, f: Frame): unknown {
    return definitions_functionQuick(this, s, f);
  }

  /** A `def` or `lambda`: its defaults and annotations evaluated, then its decorators applied (innermost first) (definitions.ts). */
  defineFunction(s: PyNode, f: Frame): Generator<never, unknown, unknown> {
    return definitions_defineFunction(this, s, f);
  }

  /** Whether the module has `from __future__ import annotations` (PEP 563: annotations stay unevaluated). */
  get postponedAnnotations(): boolean {
    return (this.postponed ??= this.mod.body.some((s) => s.nodeType === 'ImportFrom' && s.module === '__future__' && (s.names as PyNode[]).some((a) => a.name === 'annotations')));
  }
  private postponed: boolean | undefined;

  /** defineClass: see definitions.ts. */
  defineClass(s: PyNode, f: Frame): Generator<never, unknown, unknown> {
    return definitions_defineClass(this, s, f);
  }

  /** Bind `name` to `v` in frame `f`: a write op when it is a shared global (names.ts). */
  store(name: string, v: unknown, f: Frame, line: number): Generator<never, void, unknown> {
    return names_store(this, name, v, f, line);
  }

  /** Bind `name` when that takes no step (names.ts). */
  storeQuick(name: string, v: unknown, f: Frame): boolean {
    return names_storeQuick(this, name, v, f);
  }

  /** A name's value: a read op when it is a shared global (names.ts). */
  load(name: string, f: Frame, line: number): Generator<never, unknown, unknown> {
    return names_load(this, name, f, line);
  }

  /** Raise CPython's error for a local read before it is assigned (names.ts). */
  unboundLocal(name: string): never {
    return names_unboundLocal(this, name);
  }

  /** Raise CPython's error for a free variable whose enclosing function has not bound it (or deleted it) (names.ts). */
  unboundFree(name: string): never {
    return names_unboundFree(this, name);
  }

  /** loadFree: see names.ts. */
  loadFree(name: string, f: Frame): unknown {
    return names_loadFree(this, name, f);
  }

  /** A name's value without a step, or SLOW when it is a shared global (a read op) (names.ts). */
  loadQuick(name: string, f: Frame): unknown {
    return names_loadQuick(this, name, f);
  }

  /** Assign `v` to target `t` (a name, an attribute, an item, or a tuple or list of targets unpacked as CPython unpacks) (names.ts). */
  assign(t: PyNode, v: unknown, f: Frame): Generator<never, void, unknown> {
    return names_assign(this, t, v, f);
  }

  /** An expression's value, interpreted (expressions.ts). */
  ev(n: PyNode, f: Frame): Generator<never, unknown, unknown> {
    return expressions_ev(this, n, f);
  }

  /** `format(v, spec)`: a user `__format__`/`__str__`, or the mini-language (expressions.ts). */
  format(v: unknown, spec: string): Generator<never, string, unknown> {
    return expressions_format(this, v, spec);
  }

  /** A call of generator function `fn`: its arguments bound now, its body run as the generator is resumed (calls.ts). */
  makeGenerator(fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): PyGenerator {
    return calls_makeGenerator(this, fn, args, kwargs);
  }

  /** `v` when it is a generator object (see {@link closeTemporary}), the value of a `for` loop's own expression (calls.ts). */
  temporaryGenerator(v: unknown): PyGenerator | undefined {
    return calls_temporaryGenerator(this, v);
  }

  /** Frames entered so far in this execution (see {@link temporaryGenerator}). */
  entries = 0;

  /** Close a generator no name refers to any more, as CPython does when its last reference goes (a `for` over `gen()` left early) (calls.ts). */
  closeTemporary(g: PyGenerator): Generator<never, void, unknown> {
    return calls_closeTemporary(this, g);
  }

  /** The steps a builtin returned from {@link callQuick}, for the compiled caller to run. */
  pending: Steps<unknown> | undefined;

  /** callQuick: see calls.ts. */
  callQuick(fn: unknown, args: unknown[], kwargs?: Map<string, unknown>): unknown {
    return calls_callQuick(this, fn, args, kwargs);
  }

  /** The steps {@link callQuick} left (and forget them) (calls.ts). */
  takePending(): Steps<unknown> {
    return calls_takePending(this);
  }

  /** Call any callable with positional `args` and keyword `kwargs` (calls.ts). */
  call(fn: unknown, args: unknown[], kwargs: Map<string, unknown> | undefined): Generator<never, unknown, unknown> {
    return calls_call(this, fn, args, kwargs);
  }

  /** `super()` with no arguments in frame `f`: its method's class and first argument (calls.ts). */
  superOf(f: Frame): unknown {
    return calls_superOf(this, f);
  }

  /** The compiled code of program function `fn` (a lambda runs through {@link callFunction}'s interpreted path) (calls.ts). */
  codeOf(fn: PyFunction): CompiledFunction {
    return calls_codeOf(this, fn);
  }

  /** A call's frame, arguments bound as CPython binds them (calls.ts). */
  enter(fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): Frame {
    return calls_enter(this, fn, args, kwargs);
  }

  /** Call a program function: bind arguments as CPython does, run the body (compiled, or a lambda's expression) (calls.ts). */
  callFunction(fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): Generator<never, unknown, unknown> {
    return calls_callFunction(this, fn, args, kwargs);
  }

  /** `obj.name` where no step can be involved (methods of threadsim objects, class attributes). */
  /** Whether `e` passes by a program's `except` and `with` (threadsim's own errors, the end of the module after a failed claim). */
  uncatchable(e: unknown): boolean {
    return uncatchable(e);
  }

  /** The Python exception object of a raised error. */
  excValue(e: unknown): PyInstance {
    return pyValueOf(e, (x) => this.strSync(x));
  }

  /** `obj.name` where no step can be involved (a context manager's `__enter__` and `__exit__`) (attributes.ts). */
  getAttrStatic(obj: unknown, name: string, _at: PyNode): unknown {
    return attributes_getAttrStatic(this, obj, name, _at);
  }

  /** `obj.name`: a read op for a plain instance attribute (attributes.ts). */
  getAttr(obj: unknown, name: string, line: number): Generator<never, unknown, unknown> {
    return attributes_getAttr(this, obj, name, line);
  }

  /** attrQuick: see attributes.ts. */
  attrQuick(obj: unknown, name: string, line: number): unknown {
    return attributes_attrQuick(this, obj, name, line);
  }

  /** The read op of `obj.name` when it is a plain instance attribute (no property), else undefined (attributes.ts). */
  readAttrOp(obj: unknown, name: string, line: number): AccessOp | undefined {
    return attributes_readAttrOp(this, obj, name, line);
  }

  /** The write op of `obj.name = v` when it is a plain instance attribute (no property with a setter), else undefined (attributes.ts). */
  writeAttrOp(obj: unknown, name: string, v: unknown, line: number): AccessOp | undefined {
    return attributes_writeAttrOp(this, obj, name, v, line);
  }

  /** `object.__setattr__(obj, name, v)`: a property's setter, or a write step on the attribute (attributes.ts). */
  objectSetAttr(obj: PyInstance, name: string, v: unknown, line: number): Generator<never, void, unknown> {
    return attributes_objectSetAttr(this, obj, name, v, line);
  }

  /** `obj.name = v`: a write op for a plain instance attribute (attributes.ts). */
  setAttr(obj: unknown, name: string, v: unknown, line: number): Generator<never, void, unknown> {
    return attributes_setAttr(this, obj, name, v, line);
  }

  /** `obj[key]`: one read op on a list or dict (items.ts). */
  getItem(obj: unknown, key: unknown, line: number): Generator<never, unknown, unknown> {
    return items_getItem(this, obj, key, line);
  }

  /** `obj[key] = v`: one atomic write op on a list or dict (items.ts). */
  setItem(obj: unknown, key: unknown, v: unknown, line: number): Generator<never, void, unknown> {
    return items_setItem(this, obj, key, v, line);
  }

  /**
   * One step on a container for a mutating or reading method (`list.append`, `dict.get`),
   * as CPython runs a C method under the GIL: the op performs it.
   */
  containerOp(container: PyList | PyDict | PySet, kind: 'read' | 'write', perform: () => unknown): unknown {
    const op = this.access(kind, container.label, 0, perform);
    op.atomic = kind === 'write';
    return op;
  }

  /** A write that is one atomic update of a container (an item store or delete): see Op.atomic. */
  atomicWrite(obj: string, line: number, perform: () => unknown, shown?: unknown): AccessOp {
    const op = this.access('write', obj, line, perform, shown);
    op.atomic = true;
    return op;
  }

  /** Hashing and equality of this execution's dict keys and set items (keys.ts). */
  readonly keys: Keys = new Keys(this);

  /** {@link Keys.hashable} */
  hashable(key: unknown): void {
    this.keys.hashable(key);
  }

  /** {@link Keys.hashOf} */
  hashOf(v: unknown): bigint {
    return this.keys.hashOf(v);
  }

  /** {@link Keys.hashNumber} */
  hashNumber(v: unknown): number {
    return this.keys.hashNumber(v);
  }

  /** runInline: see inline.ts. */
  runInline(what: string, fn: unknown, args: unknown[]): unknown {
    return inline_runInline(this, what, fn, args);
  }

  /** The message of a KeyError for a key, raised inside a step (inline.ts). */
  readonly keyErrorText = (key: unknown): string => inline_keyErrorText(this, key);

  /** The dict and set hooks of this execution's program classes (values.ts KeyOps). */
  readonly keyOps: KeyOps = this.keys.ops;

  /** `repr(v)` with a program `__repr__` run inline (see {@link runInline}): an error message made inside a step (inline.ts). */
  reprInline(v: unknown): string {
    return inline_reprInline(this, v);
  }

  /** `a < b` with program `__lt__`s run inline (see {@link runInline}): a PriorityQueue's order (inline.ts). */
  lessInline(a: unknown, b: unknown): boolean {
    return inline_lessInline(this, a, b);
  }

  /** A JavaScript iterator over `v`'s items (iteration.ts). */
  iterate(v: unknown, line: number): Generator<never, Iterator<unknown>, unknown> {
    return iteration_iterate(this, v, line);
  }

  /** steppable: see iteration.ts. */
  steppable(v: unknown): boolean {
    return iteration_steppable(this, v);
  }

  /** iterOpen: see iteration.ts. */
  iterOpen(v: unknown, line: number): Generator<never, unknown, unknown> {
    return iteration_iterOpen(this, v, line);
  }

  /** iterStart: see iteration.ts. */
  iterStart(v: unknown, line: number): Generator<never, Iterator<unknown> | PyStepIterator, unknown> {
    return iteration_iterStart(this, v, line);
  }

  /** The next item of an iterator from {@link iterStart} (iteration.ts). */
  iterNext(it: Iterator<unknown> | PyStepIterator): Generator<never, IteratorResult<unknown>, unknown> {
    return iteration_iterNext(this, it);
  }

  /** Python truth of `v` when no program code decides it, else SLOW (a `__bool__` or `__len__` to run) (compare.ts). */
  truthyQuick(v: unknown): boolean | typeof SLOW {
    return compare_truthyQuick(this, v);
  }

  /** Python truth of `v`, running a program's `__bool__` or `__len__` (compare.ts). */
  truthy(v: unknown): Generator<never, boolean, unknown> {
    return compare_truthy(this, v);
  }

  /** {@link Keys.eq} */
  eq(a: unknown, b: unknown): boolean {
    return this.keys.eq(a, b);
  }

  /** {@link Keys.userEq} */
  userEq(v: unknown): boolean {
    return this.keys.userEq(v);
  }

  /** equal: see compare.ts. */
  equal(a: unknown, b: unknown): Generator<never, boolean, unknown> {
    return compare_equal(this, a, b);
  }

  /** `a op b` for a comparison operator (`Eq`, `Lt`, `In`, `Is`, ...) (compare.ts). */
  compare(op: string, a: unknown, b: unknown): Generator<never, boolean, unknown> {
    return compare_compare(this, op, a, b);
  }

  /** `a op b` (`inplace`: `a op= b`), as CPython computes it (arithmetic.ts). */
  binary(op: string, a: unknown, b: unknown, inplace: boolean): Generator<never, unknown, unknown> {
    return arithmetic_binary(this, op, a, b, inplace);
  }

  /** The name CPython's messages give `v`'s type: its tp_name (`'_queue.SimpleQueue' object has no attribute 'join'`). */
  typeName(v: unknown): string {
    return typeName(v, this.hostTypeName);
  }

  private readonly hostTypeName = (o: object): string | undefined => this.host.classOf(o)?.tpName;

  /** The class of any value (threadsim classes for model objects). */
  classOf(v: unknown): PyClass | undefined {
    if (v instanceof PyInstance) return v.cls;
    if (v instanceof PyGenerator) return GENERATOR_CLASS;
    if (typeof v === 'object' && v !== null) {
      const c = this.host.classOf(v);
      if (c !== undefined) return c;
    }
    const b = this.builtins.get(this.typeName(v));
    return b instanceof PyClass ? b : undefined;
  }

  /** `str(v)`, running a program-defined `__str__` or `__repr__` (text.ts). */
  str(v: unknown): Generator<never, string, unknown> {
    return text_str(this, v);
  }

  /** {@link strSync} and {@link repr} as functions, made once per execution for the formatters that take them. */
  readonly strOf = (v: unknown): string => this.strSync(v);
  readonly reprOfSync = (v: unknown): string => this.repr(v);

  /** `str(v)` without running program code (a user `__str__` is not called) (text.ts). */
  strSync(v: unknown): string {
    return text_strSync(this, v);
  }

  /** `repr(v)` of built-in values (program-defined `__repr__` is run by {@link reprOf}) (text.ts). */
  repr(v: unknown): string {
    return text_repr(this, v);
  }

  /** `repr(v)`, running a program-defined `__repr__` (text.ts). */
  reprOf(v: unknown): Generator<never, string, unknown> {
    return text_reprOf(this, v);
  }

  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  /** `id()`: a number per object, in creation-of-first-use order within the run (never process-wide). */
  idOf(v: object): number {
    let n = this.ids.get(v);
    if (n === undefined) this.ids.set(v, (n = this.nextId++ * 16));
    return n;
  }

  /** A PyFunction or other callable as a thread target for the models: a named generator function (calls.ts). */
  target(fn: unknown, kwargs?: Map<string, unknown>): (...args: unknown[]) => Steps<unknown> {
    return calls_target(this, fn, kwargs);
  }
}

export { hashKey, keyError, PyObjectSentinel };
export { PyHostProperty, PySuper } from './attributes.js';
export { drain, PyIterator } from './iteration.js';
export { numeric } from './keys.js';
