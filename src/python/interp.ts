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
 */
import type { Op, Steps, ThreadRecord } from '../scheduler/ops.js';
import type { Runtime } from '../scheduler/runtime.js';
import { runtime } from '../scheduler/context.js';
import type { PyModule, PyNode } from './ast.js';
import { AccessOp, AttrReadOp, AttrWriteOp } from './access.js';
import { confinedGenerators } from './parse.js';
import { compiledBlock, compiledFunction, compiledGeneratorBody, isTemporary, type CompileSupport, type CompiledFunction } from './compile.js';
import { GENERATOR_CLASS, PyGenerator, PyYield } from './generator.js';
import { isSetOperator, setItems, setOperator, setStep } from './builtins-set.js';
import { PySet } from './pyset.js';
import { pyHash } from './pyhash.js';
import { BaseException, Exception, exceptionClass, isInstanceOfClass, printedName, pyRaise, pyValueOf, raiseable, type Carried, type Frame as TraceFrame } from './exceptions.js';
import { formatSpec, keyError, percentConversions, percentFormat, reprValue, setRepr, typeName } from './format.js';
import { scopeOf, declaredGlobals, isGeneratorFunction, type ScopeInfo } from './scope.js';
import { deleteTarget, objectDelAttr } from './delete.js';
import { builtinAlias, TypingForm } from './typing-forms.js';
import {
  hashKey,
  isBuiltinType,
  isContainerSubclass,
  missingKey,
  NotImplemented,
  ownRepr,
  type KeyOps,
  PyBound,
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyDict,
  PyFloat,
  PyFunction,
  PyInstance,
  PyList,
  PyModuleObject,
  PyObjectSentinel,
  PyProperty,
  PyRange,
  PyStatic,
  PyTuple,
  PyStepIterator,
  Snapshot,
  type Scope,
} from './values.js';

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

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;
type Signal = 0 | 1 | 2 | 3;

/** Thrown to end the module after a failed claim (see program.ts). */
const STOP_MODULE = Symbol('stop module');

/** Sentinel: an expression needs the generator path. */
const SLOW = Symbol('slow');

/** The prototype every generator object's prototype inherits from (the fast test of {@link isGen}). */
const GENERATOR_PROTOTYPE: unknown = Object.getPrototypeOf(function* () {}).prototype;

const isGen = (x: unknown): x is Steps<unknown> =>
  typeof x === 'object' &&
  x !== null &&
  (Object.getPrototypeOf(Object.getPrototypeOf(x)) === GENERATOR_PROTOTYPE || (typeof (x as Generator).next === 'function' && typeof (x as Generator).throw === 'function' && Symbol.iterator in (x as object)));

/** Marker of {@link Interp.callQuick}: the call returned steps, left in `pending` for the caller to run. */
const PENDING = Symbol('pending');

/** A function's parameter names, read once per function node. */
interface Params {
  readonly params: readonly string[];
  readonly kwonly: readonly string[];
  readonly vararg: string | undefined;
  readonly kwarg: string | undefined;
}
const paramsCache = new WeakMap<PyNode, Params>();
function paramsOf(node: PyNode): Params {
  let p = paramsCache.get(node);
  if (p === undefined) {
    const a = node.args as PyNode;
    const vararg = a.vararg as PyNode | null | undefined;
    const kwarg = a.kwarg as PyNode | null | undefined;
    p = { params: (a.args as PyNode[]).map((x) => String(x.arg)), kwonly: (a.kwonlyargs as PyNode[]).map((x) => String(x.arg)), vararg: vararg ? String(vararg.arg) : undefined, kwarg: kwarg ? String(kwarg.arg) : undefined };
    paramsCache.set(node, p);
  }
  return p;
}

/** One execution's interpreter of one module. */
export class Interp {
  readonly globals = new Map<string, unknown>();
  readonly builtins: Map<string, unknown>;
  /** The module's shared mutable globals: the names some function declares `global`. */
  readonly shared: ReadonlySet<string>;
  /** The running execution (its `current` is the thread whose code runs now). */
  private readonly k: Runtime;
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
  private readonly sites: boolean;
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

  // ----- running -----

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

  private frame(vars: Map<string, unknown>, scope: Scope | undefined, info: ScopeInfo | undefined, name: string, fn: PyFunction | undefined, args0: unknown, outer?: Frame): Frame {
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

  private site(line: number): string | undefined {
    return this.sites ? `${this.mod.file}:${line === 0 ? this.at : line}` : undefined;
  }

  /** An access op at `line`; glued when no check point passed (see the file comment). */
  access(kind: 'read' | 'write', obj: string, line: number, perform: () => unknown, shown?: unknown): AccessOp {
    const glued = this.rule === 'cpython' && !this.check;
    this.check = false;
    return new AccessOp(kind, kind, obj, this.site(line), glued, perform, this.sites && kind === 'write' ? this.shown(shown) : undefined);
  }

  /** A written value as traces show it: ints, strings, bools and None as themselves, the rest as repr. */
  private shown(v: unknown): unknown {
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return this.reprSafe(v);
  }

  private reprSafe(v: unknown): string {
    try {
      return this.repr(v);
    } catch {
      return typeName(v, (o) => this.host.classOf(o)?.name);
    }
  }

  // ----- statements -----

  /** Run a statement list: its compiled form (src/python/compile.ts), which calls back into {@link stmt} for what it does not translate. */
  block(stmts: readonly PyNode[], f: Frame): Generator<never, Signal, unknown> {
    // The compiled block's own generator: no relaying generator around each of its steps.
    return compiledBlock(stmts, SUPPORT, f.info)(this, f);
  }

  /** One statement, interpreted: its signal (normal, break, continue, return). */
  *stmt(s: PyNode, f: Frame): Generator<never, Signal, unknown> {
    f.line = this.at = s.lineno ?? f.line;
    switch (s.nodeType) {
      case 'Expr': {
        const q = this.quick(s.value as PyNode, f);
        if (q === SLOW) yield* this.ev(s.value as PyNode, f);
        return NORMAL;
      }
      case 'Assign': {
        let v = this.quick(s.value as PyNode, f);
        if (v === SLOW) v = yield* this.ev(s.value as PyNode, f);
        for (const t of s.targets as PyNode[]) yield* this.assign(t, v, f);
        return NORMAL;
      }
      case 'AugAssign':
        yield* this.augAssign(s, f);
        return NORMAL;
      case 'AnnAssign':
        if (s.value) yield* this.assign(s.target as PyNode, yield* this.ev(s.value as PyNode, f), f);
        // A module's or class body's annotation is evaluated after the store (a function's never
        // is) and, for a plain name, kept in its `__annotations__` (what dataclasses reads).
        if (f.fn === undefined) {
          // Under `from __future__ import annotations` the hint is kept as its source text (PEP 563).
          const hint = this.postponedAnnotations ? this.sourceOf(s.annotation as PyNode) : yield* this.ev(s.annotation as PyNode, f);
          const target = s.target as PyNode;
          if (target.nodeType === 'Name' && s.simple !== 0) {
            let ann = f.vars.get('__annotations__');
            // Unlabelled: it takes no `dict#N` number from the program's own dicts.
            if (!(ann instanceof PyDict)) f.vars.set('__annotations__', (ann = new PyDict('__annotations__')));
            (ann as PyDict).set(String(target.id), hint);
          }
        }
        return NORMAL;
      case 'If': {
        const test = yield* this.ev(s.test as PyNode, f);
        const branch = (yield* this.truthy(test)) ? (s.body as PyNode[]) : (s.orelse as PyNode[]);
        return yield* this.block(branch, f);
      }
      case 'While': {
        for (;;) {
          f.line = s.lineno!;
          if (!(yield* this.truthy(yield* this.ev(s.test as PyNode, f)))) break;
          const sig = yield* this.block(s.body as PyNode[], f);
          // The jump back to the test is a check point (an eval breaker check in 3.11).
          this.check = true;
          if (sig === BREAK) return NORMAL;
          if (sig === RETURN) return sig;
        }
        return yield* this.block(s.orelse as PyNode[], f);
      }
      case 'For': {
        const iterable = yield* this.ev(s.iter as PyNode, f);
        const it = yield* this.iterStart(iterable, s.lineno!);
        // As the compiled loop (compile.ts): a generator the loop made is closed when it is left.
        const gen = isTemporary(s.iter as PyNode) ? this.temporaryGenerator(iterable) : undefined;
        let bad = false;
        try {
          for (;;) {
            const r = yield* this.iterNext(it);
            if (r.done === true) break;
            yield* this.assign(s.target as PyNode, r.value, f);
            const sig = yield* this.block(s.body as PyNode[], f);
            this.check = true;
            if (sig === BREAK) return NORMAL;
            if (sig === RETURN) return sig;
          }
        } catch (e) {
          bad = uncatchable(e);
          throw e;
        } finally {
          if (gen !== undefined && !bad) yield* this.closeTemporary(gen);
        }
        return yield* this.block(s.orelse as PyNode[], f);
      }
      case 'Break':
        return BREAK;
      case 'Continue':
        return CONTINUE;
      case 'Return':
        f.ret = s.value ? yield* this.ev(s.value as PyNode, f) : null;
        return RETURN;
      case 'Pass':
        return NORMAL;
      case 'FunctionDef':
        yield* this.store(String(s.name), yield* this.defineFunction(s, f), f, s.lineno!);
        return NORMAL;
      case 'ClassDef':
        yield* this.store(String(s.name), yield* this.defineClass(s, f), f, s.lineno!);
        return NORMAL;
      case 'Global':
      case 'Nonlocal':
        return NORMAL;
      case 'Delete':
        for (const t of s.targets as PyNode[]) yield* deleteTarget(this, t, f);
        return NORMAL;
      case 'If_':
        return NORMAL;
      case 'Raise':
        throw yield* this.raiseStmt(s, f);
      case 'Assert': {
        const ok = yield* this.truthy(yield* this.ev(s.test as PyNode, f));
        const msg = !ok && s.msg ? yield* this.ev(s.msg as PyNode, f) : undefined;
        const error = ok ? undefined : yield* this.makeException(exceptionClass('AssertionError')!, msg === undefined ? [] : [msg]);
        const text = msg === undefined ? '' : yield* this.str(msg);
        const claim = f.info === undefined && f.outer === undefined ? this.onClaim?.(s, ok, `AssertionError${text === '' ? '' : `: ${text}`} at ${this.mod.file}:${s.lineno!}`, this.tracebackLines(this.traced(error, f), 'AssertionError', text)) : undefined;
        if (claim !== undefined) {
          yield claim as never;
          // A failed claim ends the module as CPython's AssertionError would; its traceback
          // was printed by the claim's step, and it is reported as the claim failing.
          if (!ok) throw STOP_MODULE;
        }
        if (error !== undefined) throw error;
        return NORMAL;
      }
      case 'Try':
        return yield* this.tryStmt(s, f);
      case 'With':
        return yield* this.withStmt(s, f, 0);
      case 'Import':
      case 'ImportFrom':
        this.importStmt(s, f);
        return NORMAL;
      default:
        throw pyRaise('SystemError', `threadsim cannot run a ${s.nodeType} statement`);
    }
  }

  /** An `import` or `from ... import` statement (it takes no step: importing is not shared state). */
  /**
   * Record `name: annotation` of a class body or the module in its `__annotations__`, as
   * CPython does (what `@dataclass` reads). An annotation threadsim cannot evaluate
   * (`list[int]`, a name from an unmodelled module) is kept as its source text.
   */
  private *annotate(s: PyNode, f: Frame): Generator<never, void, unknown> {
    let ann = f.vars.get('__annotations__');
    if (!(ann instanceof PyDict)) f.vars.set('__annotations__', (ann = new PyDict(this.label('dict'))));
    const node = s.annotation as PyNode;
    let v: unknown;
    try {
      v = yield* this.ev(node, f);
    } catch (e) {
      if (this.uncatchable(e)) throw e;
      const line = this.mod.lines[(node.lineno ?? 1) - 1] ?? '';
      v = node.end_lineno === node.lineno ? line.slice(node.col_offset ?? 0, node.end_col_offset as number | undefined) : line.slice(node.col_offset ?? 0);
    }
    (ann as PyDict).set(String((s.target as PyNode).id), v);
  }

  importStmt(s: PyNode, f: Frame): void {
    if (s.nodeType === 'Import') {
      for (const a of s.names as PyNode[]) {
        const name = String(a.name);
        const m = this.importModule(name);
        if (a.asname) f.vars.set(String(a.asname), m);
        else f.vars.set(name.split('.')[0]!, this.importModule(name.split('.')[0]!));
      }
      return;
    }
    const m = this.importModule(String(s.module));
    for (const a of s.names as PyNode[]) {
      const name = String(a.name);
      if (name === '*') {
        for (const [k, v] of m.dict) if (!k.startsWith('_')) f.vars.set(k, v);
        continue;
      }
      let v = m.dict.get(name);
      if (v === undefined && !m.dict.has(name)) {
        const sub = this.host.module(`${m.name}.${name}`, this);
        if (sub === undefined) throw pyRaise('ImportError', `cannot import name '${name}' from '${m.name}'`);
        v = sub;
      }
      f.vars.set(String(a.asname ?? name), v);
    }
  }

  importModule(name: string): PyModuleObject {
    let m = this.modules.get(name);
    if (m === undefined) {
      m = this.host.module(name, this);
      if (m === undefined) throw pyRaise('ModuleNotFoundError', `No module named '${name}'`);
      this.modules.set(name, m);
    }
    return m;
  }

  private *raiseStmt(s: PyNode, f: Frame): Generator<never, unknown, unknown> {
    if (!s.exc) {
      if (f.handling === undefined) return pyRaise('RuntimeError', 'No active exception to reraise');
      return f.handling;
    }
    let v = yield* this.ev(s.exc as PyNode, f);
    if (v instanceof PyClass) v = yield* this.call(v, [], undefined);
    if (!(v instanceof PyInstance) || !isInstanceOfClass(v, BaseException)) return pyRaise('TypeError', 'exceptions must derive from BaseException');
    if (s.cause) v.dict.set('__cause__', yield* this.ev(s.cause as PyNode, f));
    return raiseable(v, yield* this.excMessage(v));
  }

  /** The message of an exception object (its `str`). */
  *excMessage(v: PyInstance): Generator<never, string, unknown> {
    if (v.cls.lookup('__str__') instanceof PyFunction) return yield* this.str(v);
    const args = v.dict.get('args');
    const items = args instanceof PyTuple ? args.items : [];
    if (items.length === 0) return '';
    if (items.length === 1) return v.cls.isSubclassOf(exceptionClass('KeyError')!) ? yield* this.reprOf(items[0]) : yield* this.str(items[0]);
    return this.repr(args);
  }

  /** A new exception object of class `cls` with `args`, as the JavaScript error that carries it. */
  *makeException(cls: PyClass, args: unknown[]): Generator<never, unknown, unknown> {
    const inst = (yield* this.call(cls, args, undefined)) as PyInstance;
    return raiseable(inst, yield* this.excMessage(inst));
  }

  private *tryStmt(s: PyNode, f: Frame): Generator<never, Signal, unknown> {
    const finalbody = s.finalbody as PyNode[];
    let sig: Signal = NORMAL;
    let raised = false;
    let error: unknown;
    try {
      let failed = false;
      try {
        sig = yield* this.block(s.body as PyNode[], f);
      } catch (e) {
        if (uncatchable(e)) throw e;
        failed = true;
        const handled = yield* this.handle(s, f, e);
        if (handled === undefined) throw e;
        sig = handled;
      }
      if (!failed && sig === NORMAL) sig = yield* this.block(s.orelse as PyNode[], f);
    } catch (e) {
      if (uncatchable(e) || finalbody.length === 0) throw e;
      raised = true;
      error = e;
    }
    if (finalbody.length > 0) {
      const ret = f.ret;
      const at = f.line;
      const fin = yield* this.block(finalbody, f);
      // A return, break or continue in `finally` wins over what was pending.
      if (fin !== NORMAL) return fin;
      f.ret = ret;
      if (raised) {
        // The traceback names the line that raised, not the last line `finally` ran.
        f.line = at;
        throw error;
      }
    }
    return sig;
  }

  /** Run the matching `except` clause for `e`; undefined when none matches. */
  *handle(s: PyNode, f: Frame, e: unknown): Generator<never, Signal | undefined, unknown> {
    const value = pyValueOf(e, (v) => this.strSync(v));
    for (const h of s.handlers as PyNode[]) {
      if (h.type) {
        const t = yield* this.ev(h.type as PyNode, f);
        const classes = t instanceof PyTuple ? t.items : [t];
        if (!classes.some((c) => c instanceof PyClass && isInstanceOfClass(value, c))) continue;
      } else if (!isInstanceOfClass(value, Exception) && !isInstanceOfClass(value, BaseException)) {
        continue;
      }
      if (h.name) yield* this.store(String(h.name), value, f, h.lineno!);
      const before = f.handling;
      f.handling = e;
      try {
        return yield* this.block(h.body as PyNode[], f);
      } finally {
        f.handling = before;
      }
    }
    return undefined;
  }

  private *withStmt(s: PyNode, f: Frame, index: number): Generator<never, Signal, unknown> {
    const items = s.items as PyNode[];
    if (index >= items.length) return yield* this.block(s.body as PyNode[], f);
    const item = items[index]!;
    const mgr = yield* this.ev(item.context_expr as PyNode, f);
    const enter = this.getAttrStatic(mgr, '__enter__', item.context_expr as PyNode);
    const exit = this.getAttrStatic(mgr, '__exit__', item.context_expr as PyNode);
    const value = yield* this.call(enter, [], undefined);
    if (item.optional_vars) yield* this.assign(item.optional_vars as PyNode, value, f);
    let sig: Signal;
    try {
      sig = yield* this.withStmt(s, f, index + 1);
    } catch (e) {
      if (uncatchable(e)) throw e;
      const v = pyValueOf(e, (x) => this.strSync(x));
      const suppress = yield* this.call(exit, [v.cls, v, null], undefined);
      if (!(yield* this.truthy(suppress))) throw e;
      return NORMAL;
    }
    yield* this.call(exit, [null, null, null], undefined);
    return sig;
  }

  // ----- definitions -----

  /**
   * A `def` with no defaults and no decorators, made without a generator (nothing in it can
   * take a step); SLOW for any other.
   */
  functionQuick(s: PyNode, f: Frame): unknown {
    const args = s.args as PyNode;
    if ((args.defaults as PyNode[]).length > 0 || (args.kw_defaults as (PyNode | null)[]).some((d) => d) || ((s.decorator_list as PyNode[] | undefined)?.length ?? 0) > 0 || this.annotationsOf(s).length > 0) return SLOW;
    return this.newFunction(s, f, [], new Map());
  }

  private newFunction(s: PyNode, f: Frame, defaults: unknown[], kwDefaults: Map<string, unknown>): PyFunction {
    const name = s.nodeType === 'Lambda' ? '<lambda>' : String(s.name);
    const qual = f.fn !== undefined ? `${f.fn.qualname}.<locals>.${name}` : f.name.startsWith('class ') ? `${f.name.slice(6)}.${name}` : name;
    return new PyFunction(name, qual, s, this.closureOf(f), defaults, kwDefaults, undefined);
  }

  *defineFunction(s: PyNode, f: Frame): Generator<never, unknown, unknown> {
    const args = s.args as PyNode;
    const defaults: unknown[] = [];
    for (const d of args.defaults as PyNode[]) defaults.push(yield* this.ev(d, f));
    const kwDefaults = new Map<string, unknown>();
    const kwonly = args.kwonlyargs as PyNode[];
    const kwd = args.kw_defaults as (PyNode | null)[];
    for (let i = 0; i < kwonly.length; i++) if (kwd[i]) kwDefaults.set(String(kwonly[i]!.arg), yield* this.ev(kwd[i]!, f));
    // CPython 3.11 evaluates a function's annotations when the def runs (type hints need their names).
    for (const a of this.annotationsOf(s)) yield* this.ev(a, f);
    let fn: unknown = this.newFunction(s, f, defaults, kwDefaults);
    const decorators = (s.decorator_list as PyNode[] | undefined) ?? [];
    for (let i = decorators.length - 1; i >= 0; i--) {
      const d = yield* this.ev(decorators[i]!, f);
      fn = yield* this.call(d, [fn], undefined);
    }
    return fn;
  }

  /** The source text of a one-line expression (a postponed annotation). */
  private sourceOf(n: PyNode): string {
    const line = this.mod.lines[(n.lineno ?? 1) - 1] ?? '';
    return n.lineno === n.end_lineno ? line.slice(n.col_offset, n.end_col_offset) : line.slice(n.col_offset);
  }

  /** Whether the module has `from __future__ import annotations` (PEP 563: annotations stay unevaluated). */
  private get postponedAnnotations(): boolean {
    return (this.postponed ??= this.mod.body.some((s) => s.nodeType === 'ImportFrom' && s.module === '__future__' && (s.names as PyNode[]).some((a) => a.name === 'annotations')));
  }
  private postponed: boolean | undefined;

  /** The annotations a def evaluates, in CPython's order (parameters, then the return), none when they are postponed. */
  private annotationsOf(s: PyNode): readonly PyNode[] {
    if (s.nodeType === 'Lambda' || this.postponedAnnotations) return [];
    let out = annotationsCache.get(s);
    if (out === undefined) annotationsCache.set(s, (out = annotationNodes(s)));
    return out;
  }

  /** The closure a function defined in frame `f` captures. */
  private closureOf(f: Frame): Scope | undefined {
    if (f.info !== undefined) return { vars: f.vars, parent: f.scope, locals: f.info.locals };
    if (f.outer !== undefined) return this.closureOf(f.outer);
    return undefined;
  }

  *defineClass(s: PyNode, f: Frame): Generator<never, unknown, unknown> {
    const bases = s.bases as PyNode[];
    let base: PyClass | undefined;
    if (bases.length > 0) {
      const b = yield* this.ev(bases[0]!, f);
      if (!(b instanceof PyClass)) throw pyRaise('TypeError', `class ${String(s.name)}: base is not a class`);
      base = b.name === 'object' && b.module === '' && b.dict.size === 0 ? undefined : b;
    }
    const dict = new Map<string, unknown>();
    const cls = new PyClass(String(s.name), base, dict);
    cls.keyOps = this.keyOps;
    // Set again after the body has run (it may define __setattr__); dataclasses set it too.
    cls.setattrHook = base?.setattrHook ?? false;
    const cf = this.frame(dict, undefined, undefined, `class ${String(s.name)}`, undefined, undefined, f);
    yield* this.block(s.body as PyNode[], cf);
    // A class that defines __eq__ and not __hash__ is unhashable (its __hash__ is None), as in CPython.
    if (dict.has('__eq__') && !dict.has('__hash__')) dict.set('__hash__', null);
    if (dict.has('__setattr__') || dict.has('__delattr__')) cls.setattrHook = true;
    for (const v of dict.values()) {
      const fn = v instanceof PyFunction ? v : v instanceof PyStatic || v instanceof PyClassMethod ? v.fn : v instanceof PyProperty ? v.fget : undefined;
      if (fn instanceof PyFunction) fn.owner = cls;
      if (v instanceof PyProperty && v.fset instanceof PyFunction) v.fset.owner = cls;
    }
    let out: unknown = cls;
    const decorators = (s.decorator_list as PyNode[] | undefined) ?? [];
    for (let i = decorators.length - 1; i >= 0; i--) out = yield* this.call(yield* this.ev(decorators[i]!, f), [out], undefined);
    return out;
  }

  // ----- names -----

  *store(name: string, v: unknown, f: Frame, line: number): Generator<never, void, unknown> {
    if (this.storeQuick(name, v, f)) return;
    const g = this.globals;
    yield this.access('write', name, line, () => void g.set(name, v), v) as never;
  }

  /** Bind `name` when that takes no step; false when it is a shared global (a write op). */
  storeQuick(name: string, v: unknown, f: Frame): boolean {
    const info = f.info;
    if (info === undefined && f.outer === undefined) {
      // Module level.
      if (this.shared.has(name)) return false;
      f.vars.set(name, v);
      return true;
    }
    if (info === undefined) {
      f.vars.set(name, v); // class body
      return true;
    }
    if (info.globals.has(name)) {
      if (this.shared.has(name)) return false;
      this.globals.set(name, v);
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

  *load(name: string, f: Frame, line: number): Generator<never, unknown, unknown> {
    const q = this.loadQuick(name, f);
    if (q !== SLOW) return q;
    const g = this.globals;
    const v = yield this.access('read', name, line, () => g.get(name)) as never;
    if (v === undefined && !g.has(name)) throw pyRaise('NameError', `name '${name}' is not defined`);
    return v;
  }

  /** A name's value without a step, or SLOW when it is a shared global (a read op). */
  /** Raise CPython's error for a local read before it is assigned. */
  unboundLocal(name: string): never {
    throw pyRaise('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
  }

  /** Raise CPython's error for a free variable whose enclosing function has not bound it (or deleted it). */
  unboundFree(name: string): never {
    throw pyRaise('NameError', `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }

  /**
   * {@link loadQuick} of a name a function neither binds nor declares `global` or `nonlocal`:
   * the enclosing functions' frames, then the module, then the builtins.
   */
  loadFree(name: string, f: Frame): unknown {
    for (let s = f.scope; s !== undefined; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined || s.vars.has(name)) return v;
      if (s.locals?.has(name) === true) this.unboundFree(name);
    }
    if (this.shared.has(name)) return SLOW;
    const v = this.globals.get(name);
    if (v !== undefined || this.globals.has(name)) return v;
    const b = this.builtins.get(name);
    if (b !== undefined || this.builtins.has(name)) return b;
    throw pyRaise('NameError', `name '${name}' is not defined`);
  }

  loadQuick(name: string, f: Frame): unknown {
    const info = f.info;
    if (info !== undefined) {
      if (info.locals.has(name)) {
        const v = f.vars.get(name);
        if (v === undefined && !f.vars.has(name)) throw pyRaise('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
        return v;
      }
      if (!info.globals.has(name)) {
        for (let s = f.scope; s !== undefined; s = s.parent) {
          const v = s.vars.get(name);
          if (v !== undefined || s.vars.has(name)) return v;
          if (s.locals?.has(name) === true) this.unboundFree(name);
        }
      }
    } else if (f.outer !== undefined) {
      // Class body: its own names, then the enclosing function's.
      const v = f.vars.get(name);
      if (v !== undefined || f.vars.has(name)) return v;
      return this.loadQuick(name, f.outer);
    }
    if (this.shared.has(name)) return SLOW;
    const v = this.globals.get(name);
    if (v !== undefined || this.globals.has(name)) return v;
    const b = this.builtins.get(name);
    if (b !== undefined || this.builtins.has(name)) return b;
    throw pyRaise('NameError', `name '${name}' is not defined`);
  }

  // ----- assignment -----

  *assign(t: PyNode, v: unknown, f: Frame): Generator<never, void, unknown> {
    switch (t.nodeType) {
      case 'Name':
        yield* this.store(String(t.id), v, f, t.lineno!);
        return;
      case 'Attribute':
        yield* this.setAttr(yield* this.ev(t.value as PyNode, f), String(t.attr), v, t.lineno!);
        return;
      case 'Subscript': {
        const obj = yield* this.ev(t.value as PyNode, f);
        const key = yield* this.ev(t.slice as PyNode, f);
        yield* this.setItem(obj, key, v, t.lineno!);
        return;
      }
      case 'Tuple':
      case 'List': {
        const elts = t.elts as PyNode[];
        const star = elts.findIndex((e) => e.nodeType === 'Starred');
        let items: unknown[];
        if (star < 0 && (v instanceof PyStepIterator || this.steppable(v))) {
          // An iterator is pulled for one item more than the targets, as CPython's UNPACK_SEQUENCE
          // does: enough to say "too many values" without running an endless generator to its end.
          const it = yield* this.iterStart(v, t.lineno!);
          items = [];
          while (items.length <= elts.length) {
            const r = yield* this.iterNext(it);
            if (r.done === true) break;
            items.push(r.value);
          }
        } else {
          items = drain(yield* this.iterate(v, t.lineno!));
        }
        if (star < 0) {
          if (items.length !== elts.length) {
            throw pyRaise('ValueError', items.length > elts.length ? `too many values to unpack (expected ${elts.length})` : `not enough values to unpack (expected ${elts.length}, got ${items.length})`);
          }
          for (let i = 0; i < elts.length; i++) yield* this.assign(elts[i]!, items[i], f);
          return;
        }
        const after = elts.length - star - 1;
        if (items.length < elts.length - 1) throw pyRaise('ValueError', `not enough values to unpack (expected at least ${elts.length - 1}, got ${items.length})`);
        for (let i = 0; i < star; i++) yield* this.assign(elts[i]!, items[i], f);
        yield* this.assign((elts[star]!.value as PyNode), new PyList(items.slice(star, items.length - after), this.label('list')), f);
        for (let i = 0; i < after; i++) yield* this.assign(elts[star + 1 + i]!, items[items.length - after + i], f);
        return;
      }
      default:
        throw pyRaise('SyntaxError', `cannot assign to ${t.nodeType}`);
    }
  }

  private *augAssign(s: PyNode, f: Frame): Generator<never, void, unknown> {
    const t = s.target as PyNode;
    const op = (s.op as PyNode).nodeType;
    switch (t.nodeType) {
      case 'Name': {
        const name = String(t.id);
        const cur = yield* this.load(name, f, t.lineno!);
        const rhs = yield* this.ev(s.value as PyNode, f);
        yield* this.store(name, yield* this.binary(op, cur, rhs, true), f, t.lineno!);
        return;
      }
      case 'Attribute': {
        const obj = yield* this.ev(t.value as PyNode, f);
        const cur = yield* this.getAttr(obj, String(t.attr), t.lineno!);
        const rhs = yield* this.ev(s.value as PyNode, f);
        yield* this.setAttr(obj, String(t.attr), yield* this.binary(op, cur, rhs, true), t.lineno!);
        return;
      }
      case 'Subscript': {
        const obj = yield* this.ev(t.value as PyNode, f);
        const key = yield* this.ev(t.slice as PyNode, f);
        const cur = yield* this.getItem(obj, key, t.lineno!);
        const rhs = yield* this.ev(s.value as PyNode, f);
        yield* this.setItem(obj, key, yield* this.binary(op, cur, rhs, true), t.lineno!);
        return;
      }
      default:
        throw pyRaise('SyntaxError', `'${t.nodeType}' is an illegal expression for augmented assignment`);
    }
  }

  // ----- expressions -----

  /** An expression's value when it needs no step (constants, plain names), else SLOW. */
  private quick(n: PyNode, f: Frame): unknown {
    switch (n.nodeType) {
      case 'Constant':
        return this.constant(n);
      case 'Name':
        return this.loadQuick(String(n.id), f);
      default:
        return SLOW;
    }
  }

  private constant(n: PyNode): unknown {
    const v = n.value;
    if (typeof v === 'number') return n.isFloat ? new PyFloat(v) : v;
    if (v === undefined) return null;
    if (typeof v === 'bigint') return Number(v);
    return v;
  }

  *ev(n: PyNode, f: Frame): Generator<never, unknown, unknown> {
    switch (n.nodeType) {
      case 'Constant':
        return this.constant(n);
      case 'Name':
        return yield* this.load(String(n.id), f, n.lineno!);
      case 'Attribute':
        return yield* this.getAttr(yield* this.ev(n.value as PyNode, f), String(n.attr), n.lineno!);
      case 'Call':
        return yield* this.callExpr(n, f);
      case 'BinOp': {
        let a = this.quick(n.left as PyNode, f);
        if (a === SLOW) a = yield* this.ev(n.left as PyNode, f);
        let b = this.quick(n.right as PyNode, f);
        if (b === SLOW) b = yield* this.ev(n.right as PyNode, f);
        return yield* this.binary((n.op as PyNode).nodeType, a, b, false);
      }
      case 'UnaryOp': {
        const v = yield* this.ev(n.operand as PyNode, f);
        switch ((n.op as PyNode).nodeType) {
          case 'Not':
            return !(yield* this.truthy(v));
          case 'USub':
            if (typeof v === 'number') return -v;
            if (v instanceof PyFloat) return new PyFloat(-v.v);
            if (typeof v === 'boolean') return v ? -1 : 0;
            return yield* this.unaryDunder(v, '__neg__', '-');
          case 'UAdd':
            if (typeof v === 'boolean') return v ? 1 : 0;
            if (v instanceof PyInstance) return yield* this.unaryDunder(v, '__pos__', '+');
            return v;
          default:
            if (typeof v === 'number' || typeof v === 'boolean') return ~Number(v);
            return yield* this.unaryDunder(v, '__invert__', '~');
        }
      }
      case 'BoolOp': {
        const and = (n.op as PyNode).nodeType === 'And';
        let v: unknown = null;
        for (const x of n.values as PyNode[]) {
          v = yield* this.ev(x, f);
          const t = yield* this.truthy(v);
          if (and ? !t : t) return v;
        }
        return v;
      }
      case 'Compare': {
        let left = yield* this.ev(n.left as PyNode, f);
        const ops = n.ops as PyNode[];
        const comps = n.comparators as PyNode[];
        for (let i = 0; i < ops.length; i++) {
          const right = yield* this.ev(comps[i]!, f);
          if (!(yield* this.compare(ops[i]!.nodeType, left, right))) return false;
          left = right;
        }
        return true;
      }
      case 'IfExp':
        return (yield* this.truthy(yield* this.ev(n.test as PyNode, f))) ? yield* this.ev(n.body as PyNode, f) : yield* this.ev(n.orelse as PyNode, f);
      case 'List':
        return new PyList(yield* this.evList(n.elts as PyNode[], f), this.label('list'));
      case 'Tuple':
        return new PyTuple(yield* this.evList(n.elts as PyNode[], f));
      case 'Dict': {
        const d = new PyDict(this.label('dict'));
        const keys = n.keys as (PyNode | null)[];
        const values = n.values as PyNode[];
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          if (k === null || k === undefined) {
            const other = yield* this.ev(values[i]!, f);
            if (other instanceof PyDict) for (const [kk, vv] of other.map.values()) d.set(kk, vv);
            continue;
          }
          const key = yield* this.ev(k, f);
          this.hashable(key);
          d.set(key, yield* this.ev(values[i]!, f));
        }
        return d;
      }
      case 'Subscript': {
        const obj = yield* this.ev(n.value as PyNode, f);
        const key = yield* this.ev(n.slice as PyNode, f);
        return yield* this.getItem(obj, key, n.lineno!);
      }
      case 'Slice': {
        const part = function* (this: Interp, x: unknown): Generator<never, unknown, unknown> {
          return x ? yield* this.ev(x as PyNode, f) : null;
        };
        return { slice: [yield* part.call(this, n.lower), yield* part.call(this, n.upper), yield* part.call(this, n.step)] };
      }
      case 'JoinedStr': {
        let out = '';
        for (const part of n.values as PyNode[]) {
          if (part.nodeType === 'Constant') out += String(part.value);
          else out += yield* this.formatted(part, f);
        }
        return out;
      }
      case 'FormattedValue':
        return yield* this.formatted(n, f);
      case 'Lambda':
        return yield* this.defineFunction(n, f);
      case 'ListComp':
        return new PyList(yield* this.comprehension(n, f, (x) => yield_list(x)), this.label('list'));
      case 'DictComp': {
        const d = new PyDict(this.label('dict'));
        yield* this.comprehension(n, f, undefined, d);
        return d;
      }
      case 'GeneratorExp':
        return yield* this.generatorExp(n, f);
      case 'Set':
        return yield* this.setDisplay(n, f);
      case 'SetComp': {
        const set = new PySet(false, this.label('set'));
        yield* this.comprehension(n, f, undefined, undefined, set);
        return set;
      }
      case 'Yield':
        // The body's driver (PyGenerator.resume) hands the value out and the sent value back.
        return (yield new PyYield(n.value ? yield* this.ev(n.value as PyNode, f) : null) as never) ?? null;
      case 'YieldFrom':
        return yield* this.yieldFrom(yield* this.ev(n.value as PyNode, f), n.lineno!);
      case 'NamedExpr': {
        const v = yield* this.ev(n.value as PyNode, f);
        yield* this.store(String((n.target as PyNode).id), v, f.binds ?? f, n.lineno!);
        return v;
      }
      case 'Starred':
        throw pyRaise('SyntaxError', 'can\'t use starred expression here');
      default:
        throw pyRaise('SystemError', `threadsim cannot evaluate a ${n.nodeType} expression`);
    }
  }

  private *evList(nodes: readonly PyNode[], f: Frame): Generator<never, unknown[], unknown> {
    const out: unknown[] = [];
    for (const e of nodes) {
      if (e.nodeType === 'Starred') {
        out.push(...drain(yield* this.iterate(yield* this.ev(e.value as PyNode, f), e.lineno!)));
        continue;
      }
      let v = this.quick(e, f);
      if (v === SLOW) v = yield* this.ev(e, f);
      out.push(v);
    }
    return out;
  }

  private *formatted(part: PyNode, f: Frame): Generator<never, string, unknown> {
    const v = yield* this.ev(part.value as PyNode, f);
    const conv = part.conversion as number;
    const specNode = part.format_spec as PyNode | null | undefined;
    const spec = specNode ? String(yield* this.ev(specNode, f)) : '';
    if (conv === 114 || conv === 97) return formatSpec(yield* this.reprOf(v), spec, (x) => this.strSync(x));
    if (conv === 115) return formatSpec(yield* this.str(v), spec, (x) => this.strSync(x));
    return yield* this.format(v, spec);
  }

  /** `format(v, spec)`: a user `__format__`/`__str__`, or the mini-language. */
  *format(v: unknown, spec: string): Generator<never, string, unknown> {
    if (v instanceof PyInstance) {
      const fmt = v.cls.lookup('__format__');
      if (fmt instanceof PyFunction) return String(yield* this.call(fmt, [v, spec], undefined));
      // object.__format__: str(v), and no format spec.
      if (spec !== '') throw pyRaise('TypeError', `unsupported format string passed to ${v.cls.name}.__format__`);
      return yield* this.str(v);
    }
    return formatSpec(v, spec, (x) => this.strSync(x));
  }

  /** A comprehension's own frame: its loop names are its locals; `:=` binds in the frame `f` it runs in (or that frame's own target). */
  private comprehensionFrame(n: PyNode, f: Frame, name: string): Frame {
    const names = new Set<string>();
    for (const g of n.generators as PyNode[]) collectTargets(g.target as PyNode, names);
    const info: ScopeInfo = { locals: names, globals: new Set(), nonlocals: new Set() };
    return { ...this.frame(new Map(), this.closureOf(f), info, name, f.fn, f.args0), line: n.lineno ?? f.line, binds: f.binds ?? f };
  }

  /**
   * The loops of a comprehension in frame `cf`, calling `emit` with each element (a generator:
   * a generator expression's yields its element). `first` is the first loop's iterator, made
   * in the enclosing frame; the other loops' iterables are evaluated as their turn comes.
   */
  private *comprehensionLoops(n: PyNode, cf: Frame, first: Iterator<unknown> | PyStepIterator, emit: (cf: Frame) => Generator<never, void, unknown>): Generator<never, void, unknown> {
    const gens = n.generators as PyNode[];
    const self = this;
    function* level(i: number, it: Iterator<unknown> | PyStepIterator): Generator<never, void, unknown> {
      const g = gens[i]!;
      for (;;) {
        const r = yield* self.iterNext(it);
        if (r.done === true) return;
        yield* self.assign(g.target as PyNode, r.value, cf);
        let ok = true;
        for (const cond of g.ifs as PyNode[]) if (ok && !(yield* self.truthy(yield* self.ev(cond, cf)))) ok = false;
        if (ok) {
          if (i + 1 === gens.length) yield* emit(cf);
          else yield* level(i + 1, yield* self.iterStart(yield* self.ev(gens[i + 1]!.iter as PyNode, cf), n.lineno!));
        }
        // The jump back to the loop's head: a check point.
        self.check = true;
      }
    }
    yield* level(0, first);
  }

  /**
   * `{a, b, c}`: the items added in order to an empty set, as BUILD_SET does; when they are all
   * constants (three or more), CPython 3.11 builds a frozenset constant at compile time and
   * copies it into the new set, which can leave the items in another order: done here too.
   */
  private *setDisplay(n: PyNode, f: Frame): Generator<never, PySet, unknown> {
    const elts = n.elts as PyNode[];
    const values = yield* this.evList(elts, f);
    const set = new PySet(false, this.label('set'));
    if (elts.length > 2 && elts.every(isConstantNode)) {
      const folded = new PySet(true);
      for (const v of values) folded.add(v, this.hashOf(v));
      // The compiler's constant merging (merge_consts_recursive) rebuilds the frozenset once
      // more from its own iteration order, which moves colliding items again.
      const merged = new PySet(true);
      for (const v of folded.items()) merged.add(v, this.hashOf(v));
      set.merge(merged);
      return set;
    }
    for (const v of values) set.add(v, this.hashOf(v));
    return set;
  }

  private *comprehension(n: PyNode, f: Frame, _list: ((x: unknown) => unknown) | undefined, dict?: PyDict, set?: PySet): Generator<never, unknown[], unknown> {
    const out: unknown[] = [];
    const first = yield* this.iterStart(yield* this.ev((n.generators as PyNode[])[0]!.iter as PyNode, f), n.lineno!);
    const cf = this.comprehensionFrame(n, f, f.name);
    const self = this;
    yield* this.comprehensionLoops(n, cf, first, function* (c) {
      if (dict !== undefined) {
        const k = yield* self.ev(n.key as PyNode, c);
        self.hashable(k);
        dict.set(k, yield* self.ev(n.value as PyNode, c));
      } else if (set !== undefined) {
        const v = yield* self.ev(n.elt as PyNode, c);
        set.add(v, self.hashOf(v));
      } else {
        out.push(yield* self.ev(n.elt as PyNode, c));
      }
    });
    return out;
  }

  /**
   * `(elt for x in xs ...)`: the first iterable is evaluated and its iterator made now, in
   * this frame, as CPython does; everything else runs as the consumer pulls items.
   */
  private *generatorExp(n: PyNode, f: Frame): Generator<never, unknown, unknown> {
    const first = yield* this.iterStart(yield* this.ev((n.generators as PyNode[])[0]!.iter as PyNode, f), n.lineno!);
    const cf = this.comprehensionFrame(n, f, '<genexpr>');
    const self = this;
    const body = (function* (): Generator<never, unknown, unknown> {
      try {
        yield* self.comprehensionLoops(n, cf, first, function* (c) {
          yield new PyYield(yield* self.ev(n.elt as PyNode, c)) as never;
        });
      } catch (e) {
        throw self.traced(e, cf);
      }
      return null;
    })();
    const qual = f.fn !== undefined ? `${f.fn.qualname}.<locals>.<genexpr>` : '<genexpr>';
    return new PyGenerator('<genexpr>', qual, this.label('generator'), body, this, confinedGenerators.has(n));
  }

  /** A call of generator function `fn`: its arguments bound now, its body run as the generator is resumed. */
  makeGenerator(fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): PyGenerator {
    // Calling a generator function only makes its frame: its RESUME comes at the first next().
    const check = this.check;
    const f = this.enter(fn, args, kwargs);
    this.depth--;
    this.check = check;
    const body = compiledGeneratorBody(fn.node, SUPPORT, scopeOf(fn.node))(this, f);
    const g = new PyGenerator(fn.name, fn.qualname, this.label('generator'), body, this);
    g.madeAt = this.entries;
    g.madeDepth = this.depth;
    return g;
  }

  /**
   * `v` when it is a generator object (see {@link closeTemporary}), the value of a `for`
   * loop's own expression. When that expression's own call made it, as its last Python call
   * (`for x in gen():`; not `for x in wrap(gen()):`, whose `wrap` could have shared it, nor
   * `for x in make():` whose `make` made it and could have), only the loop can reach it: it is
   * confined (see PyGenerator.confine), so each item takes the consumer's own steps only, as
   * CPython's switch points allow.
   */
  temporaryGenerator(v: unknown): PyGenerator | undefined {
    if (!(v instanceof PyGenerator)) return undefined;
    if (v.madeAt === this.entries && v.madeDepth === this.depth) v.confine();
    return v;
  }

  /** Frames entered so far in this execution (see {@link temporaryGenerator}). */
  private entries = 0;

  /** Close a generator no name refers to any more, as CPython does when its last reference goes (a `for` over `gen()` left early). */
  *closeTemporary(g: PyGenerator): Generator<never, void, unknown> {
    if (!g.closed) yield* g.close();
  }

  /** `yield from v`: each item of `v` is yielded in turn; for a generator, sent values and thrown exceptions go to it, and its return value is the expression's. */
  private *yieldFrom(v: unknown, line: number): Generator<never, unknown, unknown> {
    const it = yield* this.iterStart(v, line);
    if (!(it instanceof PyGenerator)) {
      for (let r = yield* this.iterNext(it); r.done !== true; r = yield* this.iterNext(it)) yield new PyYield(r.value) as never;
      return null;
    }
    let r = yield* it.resume(null, undefined);
    while (r.done !== true) {
      let sent: unknown;
      try {
        sent = yield new PyYield(r.value) as never;
      } catch (e) {
        if (uncatchable(e)) throw e;
        if (this.excValue(e).cls.isSubclassOf(exceptionClass('GeneratorExit')!)) {
          yield* it.close();
          throw e;
        }
        r = yield* it.resume(null, e);
        continue;
      }
      r = yield* it.resume(sent, undefined);
    }
    return r.value ?? null;
  }

  // ----- calls -----

  private *callExpr(n: PyNode, f: Frame): Generator<never, unknown, unknown> {
    const fnNode = n.func as PyNode;
    let fn: unknown;
    if (fnNode.nodeType === 'Attribute') {
      // obj.method(...): look the method up without building a bound method when we can.
      const obj = yield* this.ev(fnNode.value as PyNode, f);
      fn = yield* this.getAttr(obj, String(fnNode.attr), fnNode.lineno!);
    } else if (fnNode.nodeType === 'Name' && fnNode.id === 'super' && (n.args as PyNode[]).length === 0) {
      return this.superOf(f);
    } else {
      fn = this.quick(fnNode, f);
      if (fn === SLOW) fn = yield* this.ev(fnNode, f);
    }
    const args = yield* this.evList(n.args as PyNode[], f);
    let kwargs: Map<string, unknown> | undefined;
    for (const k of n.keywords as PyNode[]) {
      kwargs ??= new Map();
      const v = yield* this.ev(k.value as PyNode, f);
      if (k.arg === null || k.arg === undefined) {
        if (!(v instanceof PyDict)) throw pyRaise('TypeError', `argument after ** must be a mapping, not ${this.typeName(v)}`);
        for (const [kk, vv] of v.map.values()) kwargs.set(String(kk), vv);
      } else {
        kwargs.set(String(k.arg), v);
      }
    }
    this.at = n.lineno ?? this.at;
    return yield* this.call(fn, args, kwargs);
  }

  /** The steps a builtin returned from {@link callQuick}, for the compiled caller to run. */
  pending: Steps<unknown> | undefined;

  /**
   * A call of a builtin (or a builtin method) with `args` and `kwargs`, without a generator of
   * its own: its value, with the check point set; PENDING when it returned steps (left in
   * `pending`: run them, then set `check`); SLOW for any other callable.
   */
  callQuick(fn: unknown, args: unknown[], kwargs?: Map<string, unknown>): unknown {
    let r: unknown;
    if (fn instanceof PyBuiltin) r = fn.call(args, kwargs);
    else if (fn instanceof PyBound && fn.fn instanceof PyBuiltin) r = fn.fn.call([fn.self, ...args], kwargs);
    else return SLOW;
    if (isGen(r)) {
      this.pending = r;
      return PENDING;
    }
    // The return from a call into non-Python code is a check point.
    this.check = true;
    return r;
  }

  /** The steps {@link callQuick} left (and forget them). */
  takePending(): Steps<unknown> {
    const g = this.pending!;
    this.pending = undefined;
    return g;
  }

  /** Call any callable with positional `args` and keyword `kwargs`. */
  *call(fn: unknown, args: unknown[], kwargs: Map<string, unknown> | undefined): Generator<never, unknown, unknown> {
    // A program function's compiled generator is run here, with no callFunction generator between.
    if (fn instanceof PyFunction) return yield* (fn.node.nodeType === 'Lambda' ? this.callFunction(fn, args, kwargs) : this.codeOf(fn)(this, fn, args, kwargs));
    if (fn instanceof PyBound) {
      const m = fn.fn;
      if (m instanceof PyFunction) return yield* (m.node.nodeType === 'Lambda' ? this.callFunction(m, [fn.self, ...args], kwargs) : this.codeOf(m)(this, m, [fn.self, ...args], kwargs));
      return yield* this.call(m, [fn.self, ...args], kwargs);
    }
    if (fn instanceof PyBuiltin) {
      let r = fn.call(args, kwargs);
      if (isGen(r)) r = yield* r as Generator<never, unknown, unknown>;
      // The return from a call into non-Python code is a check point.
      this.check = true;
      return r;
    }
    if (fn instanceof PyClass) return yield* this.instantiate(fn, args, kwargs);
    if (fn instanceof PyInstance) {
      const c = fn.cls.lookup('__call__');
      if (c !== undefined) return yield* this.call(c, [fn, ...args], kwargs);
    }
    throw pyRaise('TypeError', `'${this.typeName(fn)}' object is not callable`);
  }

  /** `Cls(...)`: a new instance, initialised by `__init__` (or by the model for threadsim classes). */
  private *instantiate(cls: PyClass, args: unknown[], kwargs: Map<string, unknown> | undefined): Generator<never, unknown, unknown> {
    const hostCls = cls.hostClass;
    if (hostCls === cls && cls.host !== undefined) {
      // A threadsim class called directly: the model object itself is the value.
      let r = cls.host.construct(undefined as unknown as PyInstance, args, kwargs);
      if (isGen(r)) r = yield* r as Generator<never, unknown, unknown>;
      this.check = true;
      return r;
    }
    const inst = new PyInstance(cls, this.label(cls.name));
    const init = cls.lookup('__init__');
    if (init instanceof PyFunction && init.node.nodeType !== 'Lambda') {
      yield* this.codeOf(init)(this, init, [inst, ...args], kwargs);
    } else if (init !== undefined) {
      yield* this.call(init, [inst, ...args], kwargs);
    } else if (hostCls !== undefined) {
      inst.host = hostCls.host!.construct(inst, args, kwargs);
    } else if (cls.isSubclassOf(BaseException)) {
      inst.dict.set('args', new PyTuple(args));
    } else if (args.length > 0 || (kwargs?.size ?? 0) > 0) {
      throw pyRaise('TypeError', `${cls.name}() takes no arguments`);
    }
    return inst;
  }

  superOf(f: Frame): unknown {
    const owner = f.fn?.owner;
    if (owner === undefined || f.args0 === undefined) throw pyRaise('RuntimeError', 'super(): no arguments');
    return new PySuper(owner, f.args0);
  }

  /** The compiled code of program function `fn` (a lambda runs through {@link callFunction}'s interpreted path). */
  codeOf(fn: PyFunction): CompiledFunction {
    if (fn.node.nodeType === 'Lambda') return LAMBDA;
    if (isGeneratorFunction(fn.node)) return GENERATOR_CALL;
    return compiledFunction(fn.node, SUPPORT, scopeOf(fn.node));
  }

  /** A call's frame, arguments bound as CPython binds them; function entry is a check point. Pair with `depth--`. */
  enter(fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): Frame {
    const info = scopeOf(fn.node);
    const vars = new Map<string, unknown>();
    this.bind(fn, args, kwargs, vars);
    // The frame is named by the code (`wrapper`), not by `__name__` (which functools.wraps may have copied).
    const f = this.frame(vars, fn.scope, info, fn.node.nodeType === 'FunctionDef' ? String(fn.node.name) : fn.name, fn, args[0]);
    f.line = fn.node.lineno ?? 0;
    this.entries++;
    // Function entry (RESUME) is a check point.
    this.check = true;
    if (++this.depth > 900) {
      this.depth = 0;
      throw pyRaise('RecursionError', 'maximum recursion depth exceeded');
    }
    return f;
  }

  /** Call a program function: bind arguments as CPython does, run the body (compiled, or a lambda's expression). */
  *callFunction(fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): Generator<never, unknown, unknown> {
    if (fn.node.nodeType !== 'Lambda') return yield* this.codeOf(fn)(this, fn, args, kwargs);
    const f = this.enter(fn, args, kwargs);
    try {
      return yield* this.ev(fn.node.body as PyNode, f);
    } catch (e) {
      throw this.traced(e, f);
    } finally {
      this.depth--;
    }
  }

  private bind(fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined, vars: Map<string, unknown>): void {
    const { params, kwonly, vararg, kwarg } = paramsOf(fn.node);
    const name = `${fn.qualname}()`;
    for (let i = 0; i < params.length && i < args.length; i++) vars.set(params[i]!, args[i]);
    if (args.length > params.length) {
      if (vararg === undefined) {
        const min = params.length - fn.defaults.length;
        const takes = min === params.length ? `${params.length}` : `from ${min} to ${params.length}`;
        throw pyRaise('TypeError', `${name} takes ${takes} positional argument${params.length === 1 && min === params.length ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
      }
      vars.set(vararg, new PyTuple(args.slice(params.length)));
    } else if (vararg !== undefined) {
      vars.set(vararg, new PyTuple([]));
    }
    let extra: PyDict | undefined;
    if (kwarg !== undefined) vars.set(kwarg, (extra = new PyDict(this.label('dict'))));
    if (kwargs !== undefined) {
      for (const [k, v] of kwargs) {
        if (params.includes(k) || kwonly.includes(k)) {
          if (vars.has(k) && params.indexOf(k) < args.length) throw pyRaise('TypeError', `${name} got multiple values for argument '${k}'`);
          vars.set(k, v);
        } else if (extra !== undefined) {
          extra.set(k, v);
        } else {
          throw pyRaise('TypeError', `${name} got an unexpected keyword argument '${k}'`);
        }
      }
    }
    const firstDefault = params.length - fn.defaults.length;
    const missing: string[] = [];
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      if (vars.has(p)) continue;
      if (i >= firstDefault) vars.set(p, fn.defaults[i - firstDefault]);
      else missing.push(p);
    }
    if (missing.length > 0) {
      const list = missing.map((m) => `'${m}'`);
      const words = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}`;
      throw pyRaise('TypeError', `${name} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${words}`);
    }
    for (const k of kwonly) {
      if (vars.has(k)) continue;
      if (fn.kwDefaults.has(k)) vars.set(k, fn.kwDefaults.get(k));
      else throw pyRaise('TypeError', `${name} missing 1 required keyword-only argument: '${k}'`);
    }
  }

  // ----- attributes -----

  /** `obj.name` where no step can be involved (methods of threadsim objects, class attributes). */
  /** Whether `e` passes by a program's `except` and `with` (threadsim's own errors, the end of the module after a failed claim). */
  uncatchable(e: unknown): boolean {
    return uncatchable(e);
  }

  /** The Python exception object of a raised error. */
  excValue(e: unknown): PyInstance {
    return pyValueOf(e, (x) => this.strSync(x));
  }

  /** `obj.name` where no step can be involved (a context manager's `__enter__` and `__exit__`). */
  getAttrStatic(obj: unknown, name: string, _at: PyNode): unknown {
    const cls = this.classOf(obj);
    const v = cls?.lookup(name);
    if (v === undefined) throw this.attributeError(obj, name);
    return this.bindTo(v, obj, cls!);
  }

  *getAttr(obj: unknown, name: string, line: number): Generator<never, unknown, unknown> {
    if (obj instanceof PyInstance) {
      const op = this.readAttrOp(obj, name, line);
      if (op !== undefined) return yield op as never;
      const d = obj.dict;
      const v = obj.cls.lookup(name);
      if (v instanceof PyProperty) return yield* this.call(v.fget, [obj], undefined);
      if (v instanceof PyHostProperty) {
        const r = v.get(obj);
        return isGen(r) ? yield* r as Generator<never, unknown, unknown> : r;
      }
      if (v !== undefined || name === '__class__') return name === '__class__' ? obj.cls : this.bindTo(v, obj, obj.cls);
      const inherited = this.objectMethod(name);
      if (inherited !== undefined) return new PyBound(obj, inherited);
      const getattr = obj.cls.lookup('__getattr__');
      if (getattr !== undefined) return yield* this.call(getattr, [obj, name], undefined);
      if (name === '__dict__') {
        const dict = new PyDict();
        for (const [k, x] of d) dict.set(k, x);
        return dict;
      }
      if (name === 'args' && obj.cls.isSubclassOf(BaseException)) return new PyTuple([]);
      throw this.attributeError(obj, name);
    }
    if (obj instanceof PyModuleObject) {
      const v = obj.dict.get(name);
      if (v === undefined && !obj.dict.has(name)) {
        const sub = this.host.module(`${obj.name}.${name}`, this);
        if (sub !== undefined) return sub;
        throw pyRaise('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
      }
      return v;
    }
    if (obj instanceof PyClass) {
      const v = obj.lookup(name);
      if (v === undefined) {
        if (obj === this.builtins.get('object')) {
          const m = this.objectMethod(name);
          if (m !== undefined) return m;
        }
        if (name === '__name__') return obj.name;
        if (name === '__qualname__') return obj.name;
        throw pyRaise('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
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
        const m = this.objectMethod(name);
        if (m !== undefined) return new PyBound(obj.self, m);
        throw pyRaise('AttributeError', `'super' object has no attribute '${name}'`);
      }
      return this.bindTo(v, obj.self, base!);
    }
    if (obj instanceof PyProperty && (name === 'setter' || name === 'getter')) {
      const prop = obj;
      return new PyBuiltin(name, (a) => (name === 'setter' ? new PyProperty(prop.fget, a[0]) : new PyProperty(a[0], prop.fset)));
    }
    if (obj instanceof PyFunction) {
      if (name === '__name__') return obj.name;
      if (name === '__qualname__') return obj.qualname;
    }
    const cls = this.classOf(obj);
    const v = cls?.lookup(name);
    if (v === undefined) {
      const getattr = cls?.lookup('__getattr__');
      if (getattr instanceof PyBuiltin) return yield* this.call(getattr, [obj, name], undefined);
      throw this.attributeError(obj, name);
    }
    if (v instanceof PyProperty) return yield* this.call(v.fget, [obj], undefined);
    if (v instanceof PyHostProperty) {
      const r = v.get(obj);
      return isGen(r) ? yield* r as Generator<never, unknown, unknown> : r;
    }
    return this.bindTo(v, obj, cls!);
  }

  /**
   * `obj.name` without a generator: the read op to yield for a plain instance attribute, the
   * value when no step and no program code is involved (a module member, a method), else SLOW.
   */
  attrQuick(obj: unknown, name: string, line: number): unknown {
    if (obj instanceof PyInstance) {
      const op = this.readAttrOp(obj, name, line);
      if (op !== undefined) return op;
      if (obj.dict.has(name) || name === '__class__') return SLOW;
      const v = obj.cls.lookup(name);
      return v === undefined || v instanceof PyProperty || v instanceof PyHostProperty ? SLOW : this.bindTo(v, obj, obj.cls);
    }
    if (obj instanceof PyModuleObject) {
      const v = obj.dict.get(name);
      return v === undefined ? SLOW : v;
    }
    if (obj instanceof PyClass || obj instanceof PySuper || obj instanceof PyProperty || obj instanceof PyFunction) return SLOW;
    const cls = this.classOf(obj);
    const v = cls?.lookup(name);
    return v === undefined || v instanceof PyProperty || v instanceof PyHostProperty ? SLOW : this.bindTo(v, obj, cls!);
  }

  /** The read op of `obj.name` when it is a plain instance attribute (no property), else undefined. */
  readAttrOp(obj: unknown, name: string, line: number): AccessOp | undefined {
    if (!(obj instanceof PyInstance)) return undefined;
    const d = obj.dict;
    if (!d.has(name) || obj.cls.lookup(name) instanceof PyProperty) return undefined;
    const glued = this.rule === 'cpython' && !this.check;
    this.check = false;
    return new AttrReadOp(obj.location(name), this.site(line), glued, d, name);
  }

  /** The write op of `obj.name = v` when it is a plain instance attribute (no property with a setter), else undefined. */
  writeAttrOp(obj: unknown, name: string, v: unknown, line: number): AccessOp | undefined {
    if (!(obj instanceof PyInstance) || obj.cls.setattrHook) return undefined;
    const desc = obj.cls.lookup(name);
    if (desc instanceof PyProperty || (desc instanceof PyHostProperty && desc.set !== undefined)) return undefined;
    const glued = this.rule === 'cpython' && !this.check;
    this.check = false;
    return new AttrWriteOp(obj.location(name), this.site(line), glued, obj.dict, name, v, this.sites ? this.shown(v) : undefined);
  }

  private bindTo(v: unknown, self: unknown, cls: PyClass): unknown {
    if (v instanceof PyFunction || v instanceof PyBuiltin) return new PyBound(self, v);
    if (v instanceof PyStatic) return v.fn;
    if (v instanceof PyClassMethod) return new PyBound(self instanceof PyInstance ? self.cls : cls, v.fn);
    if (v instanceof PyHostProperty) return v.get(self);
    return v;
  }

  private attributeError(obj: unknown, name: string): unknown {
    return pyRaise('AttributeError', `'${this.typeName(obj)}' object has no attribute '${name}'`);
  }

  /** `object.__setattr__(obj, name, v)`: a property's setter, or a write step on the attribute. */
  *objectSetAttr(obj: PyInstance, name: string, v: unknown, line: number): Generator<never, void, unknown> {
    const desc = obj.cls.lookup(name);
    if (desc instanceof PyProperty) {
      if (desc.fset === undefined) throw pyRaise('AttributeError', `property '${name}' of '${obj.cls.name}' object has no setter`);
      yield* this.call(desc.fset, [obj, v], undefined);
      return;
    }
    if (desc instanceof PyHostProperty && desc.set !== undefined) {
      desc.set(obj, v);
      return;
    }
    const d = obj.dict;
    yield this.access('write', obj.location(name), line, () => void d.set(name, v), v) as never;
  }

  /**
   * `object`'s own methods a class reaches with `super().__repr__()` (a class with no base) or
   * `object.__setattr__(self, ...)`: `__setattr__ __delattr__ __repr__ __str__ __eq__ __ne__
   * __hash__`; undefined for any other name.
   */
  private objectMethod(name: string): PyBuiltin | undefined {
    const I = this;
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
            const r = yield* I.call(instance(args).cls.lookup('__eq__') ?? I.objectMethod('__eq__'), [args[0], args[1]], undefined);
            return r === NotImplemented ? r : !(yield* I.truthy(r));
          })(),
        );
      case '__hash__':
        return new PyBuiltin(name, (args) => Number(BigInt(I.idOf(instance(args))) >> 4n));
      default:
        return undefined;
    }
  }

  *setAttr(obj: unknown, name: string, v: unknown, line: number): Generator<never, void, unknown> {
    if (obj instanceof PyInstance) {
      const op = this.writeAttrOp(obj, name, v, line);
      if (op !== undefined) {
        yield op as never;
        return;
      }
      if (obj.cls.setattrHook) {
        const hook = obj.cls.lookup('__setattr__');
        if (hook !== undefined && hook !== null) {
          yield* this.call(hook, [obj, name, v], undefined);
          return;
        }
      }
      yield* this.objectSetAttr(obj, name, v, line);
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
    const cls = this.classOf(obj);
    const desc = cls?.lookup(name);
    if (desc instanceof PyHostProperty && desc.set !== undefined) {
      desc.set(obj, v);
      return;
    }
    const setattr = cls?.lookup('__setattr__');
    if (setattr instanceof PyBuiltin) {
      yield* this.call(setattr, [obj, name, v], undefined);
      return;
    }
    throw pyRaise('AttributeError', `'${this.typeName(obj)}' object has no attribute '${name}'`);
  }

  // ----- items -----

  *getItem(obj: unknown, key: unknown, line: number): Generator<never, unknown, unknown> {
    if (obj instanceof PyList) {
      if (obj.constructor !== PyList) {
        const own = this.subclassDunder(obj, '__getitem__');
        if (own !== undefined) return yield* this.runDunder(own, [obj, key]);
      }
      const list = obj;
      return yield this.access('read', list.label, line, () => indexInto(list.items, key, 'list')) as never;
    }
    if (obj instanceof PyDict) {
      const d = obj;
      this.hashable(key);
      const missing = missingKey(d);
      const v = yield this.access('read', d.label, line, () => {
        const e = d.get(key);
        if (e === undefined) {
          if (missing !== undefined) return MISSING;
          throw keyError(key, (k) => this.reprInline(k));
        }
        return e[1];
      }) as never;
      return v === MISSING ? yield* missing!.missing(this, key, line) : v;
    }
    if (obj instanceof PyTuple) return indexInto(obj.items as unknown[], key, 'tuple');
    if (typeof obj === 'string') {
      const r = indexInto([...obj], key, 'string');
      return Array.isArray(r) ? r.join('') : r;
    }
    if (obj instanceof PyRange) return indexInto(rangeItems(obj), key, 'range');
    if (obj instanceof TypingForm) return obj.subscript(key);
    if (obj instanceof PyClass) {
      // `Stack[int]` (a Generic subclass), `list[int]`: CPython's __class_getitem__.
      const cg = obj.lookup('__class_getitem__');
      if (cg !== undefined) return yield* this.call(cg instanceof PyClassMethod ? cg.fn : cg, [obj, key], undefined);
      const alias = builtinAlias(obj, key);
      if (alias !== undefined) return alias;
    }
    const getitem = obj instanceof PyInstance ? obj.cls.lookup('__getitem__') : this.classOf(obj)?.lookup('__getitem__');
    if (getitem !== undefined) return yield* this.call(getitem, [obj, key], undefined);
    throw pyRaise('TypeError', `'${this.typeName(obj)}' object is not subscriptable`);
  }

  *setItem(obj: unknown, key: unknown, v: unknown, line: number): Generator<never, void, unknown> {
    if (obj instanceof PyList) {
      if (obj.constructor !== PyList) {
        const own = this.subclassDunder(obj, '__setitem__');
        if (own !== undefined) {
          yield* this.runDunder(own, [obj, key, v]);
          return;
        }
      }
      const list = obj;
      yield this.atomicWrite(list.label, line, () => {
        const i = normIndex(list.items.length, key, 'list', 'list assignment index out of range');
        list.items[i] = v;
      }, v) as never;
      return;
    }
    if (obj instanceof PyDict) {
      const d = obj;
      this.hashable(key);
      yield this.atomicWrite(d.label, line, () => d.set(key, v), v) as never;
      return;
    }
    const setitem = obj instanceof PyInstance ? obj.cls.lookup('__setitem__') : undefined;
    if (setitem !== undefined) {
      yield* this.call(setitem, [obj, key, v], undefined);
      return;
    }
    throw pyRaise('TypeError', `'${this.typeName(obj)}' object does not support item assignment`);
  }

  /** The dunder a threadsim-implemented subclass of a built-in container defines itself (deque's `__getitem__`), if any. */
  private subclassDunder(obj: unknown, name: string): PyBuiltin | undefined {
    if (!isContainerSubclass(obj)) return undefined;
    const m = this.host.classOf(obj)?.dict.get(name);
    return m instanceof PyBuiltin ? m : undefined;
  }

  /** Run such a dunder as CPython runs a C slot: no check point on its return (it is not a call in the program). */
  private *runDunder(m: PyBuiltin, args: unknown[]): Generator<never, unknown, unknown> {
    const r = m.call(args, undefined);
    return isGen(r) ? yield* r as Generator<never, unknown, unknown> : r;
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

  /** Raise CPython's TypeError when `key` cannot be a dict key or set item (a list, a class whose `__hash__` is None, a tuple holding one). */
  hashable(key: unknown): void {
    if (key instanceof PyList || key instanceof PyDict || (key instanceof PySet && !key.frozen) || (key instanceof PyInstance && key.cls.lookup('__hash__') === null)) throw pyRaise('TypeError', `unhashable type: '${this.typeName(key)}'`);
    if (key instanceof PyTuple) for (const x of key.items) this.hashable(x);
  }

  /** `hash(v)` as CPython computes it where CPython's is fixed (pyhash.ts), by a class's own `__hash__`; other objects by identity. */
  hashOf(v: unknown): bigint {
    this.hashable(v);
    return pyHash(v, this.objectHash);
  }

  /** The hash of a value pyhash.ts does not know: a program class's `__hash__` (run inline), else identity. */
  private readonly objectHash = (o: unknown): bigint => {
    if (o instanceof PyInstance) {
      const m = o.cls.lookup('__hash__');
      if (m === null) throw pyRaise('TypeError', `unhashable type: '${this.typeName(o)}'`);
      if (m !== undefined) return this.hashResult(this.runInline(`a class's __hash__`, m, [o]));
    }
    return BigInt(typeof o === 'object' && o !== null ? this.idOf(o) >> 4 : 0);
  };

  /**
   * Exact hashes that `hash()` handed the program as a rounded number (past 2^53, a str's or a
   * tuple's): a `__hash__` that returns `hash((self.x, self.y))` gives back the exact value,
   * so a set of such objects is ordered as CPython orders it.
   */
  private readonly exactHashes = new Map<number, bigint>();

  /** `hash()`'s value for the program: a number, exact up to 2^53 (see {@link exactHashes}). */
  hashNumber(v: unknown): number {
    const h = this.hashOf(v);
    const n = Number(h);
    if (!Number.isSafeInteger(n)) this.exactHashes.set(n, h);
    return n;
  }

  /** What `__hash__` returned, as a hash (CPython's slot_tp_hash: an int kept as it is, -1 becoming -2). */
  private hashResult(r: unknown): bigint {
    if (typeof r === 'boolean') return r ? 1n : 0n;
    if (typeof r !== 'number' || !Number.isInteger(r)) throw pyRaise('TypeError', '__hash__ method should return an integer');
    const h = Number.isSafeInteger(r) ? BigInt(r) : (this.exactHashes.get(r) ?? BigInt(r));
    return h === -1n ? -2n : h;
  }

  /**
   * Run program code where no step can be taken: a `__hash__` or `__eq__` that a dict or a
   * set calls in the middle of its own step (CPython calls it inside one C call), a `__lt__`
   * of a PriorityQueue's heap, a `__repr__` for a `KeyError`'s message. Its own ops (reads of
   * the object's attributes, a print, an append, a free lock's acquire) run at once, in order,
   * as part of that step: no other thread runs between them, and they are not steps of their
   * own (the race detector, which reads the steps' ops, does not see them). An op that would wait (a held lock, an empty queue, a sleep) cannot run inside a step
   * and raises a RuntimeError that says so.
   */
  runInline(what: string, fn: unknown, args: unknown[]): unknown {
    const savedCheck = this.check;
    const savedAt = this.at;
    const k = this.k;
    const g = this.call(fn, args, undefined) as Generator<unknown, unknown, unknown>;
    try {
      let r = g.next();
      while (r.done !== true) {
        const op = r.value as Op;
        const blocks = op.enabled !== undefined ? !op.enabled(k) : op.waitOn !== undefined;
        if (blocks) {
          const err = pyRaise('RuntimeError', `threadsim runs ${what} inside the step that calls it (a dict or set lookup, a list's in, index, remove or count, a PriorityQueue's put or get), where it cannot wait (${op.kind}${op.obj === undefined ? '' : ` ${op.obj}`}); move the waiting out of it`);
          try {
            g.return(undefined);
          } catch {
            // The generator's own cleanup failing does not hide the error above.
          }
          throw err;
        }
        // What it touches counts in the enclosing step's footprint (exploration orders by it).
        k.touch?.(op.access === 'none' ? undefined : op.obj, op.access === 'write' || op.access === 'sync', op.kind === 'log');
        if (op.objs !== undefined) for (const o of op.objs) k.touch?.(o, op.access === 'write' || op.access === 'sync', false);
        let v: unknown;
        try {
          v = op.run(k, false);
        } catch (e) {
          r = g.throw(e);
          continue;
        }
        r = g.next(v);
      }
      return r.value;
    } finally {
      this.check = savedCheck;
      this.at = savedAt;
    }
  }

  /** The dict and set hooks of this execution's program classes (values.ts KeyOps). */
  readonly keyOps: KeyOps = {
    hash: (v) => this.hashOf(v),
    eq: (a, b) => this.runInlineEq(a, b),
  };

  /** `repr(v)` with a program `__repr__` run inline (see {@link runInline}): an error message made inside a step. */
  reprInline(v: unknown): string {
    if (!(v instanceof PyInstance)) return this.repr(v);
    return String(this.runInline(`a class's __repr__`, new PyBuiltin('repr', (args) => this.reprOf(args[0])), [v]));
  }

  /** `a < b` with program `__lt__`s run inline (see {@link runInline}): a PriorityQueue's order. */
  lessInline(a: unknown, b: unknown): boolean {
    const fn = new PyBuiltin('__lt__', (args) => this.compare('Lt', args[0], args[1]));
    return this.runInline(`a class's __lt__`, fn, [a, b]) === true;
  }

  /** `a == b` with program `__eq__`s run inline (see {@link runInline}). */
  private runInlineEq(a: unknown, b: unknown): boolean {
    const fn = new PyBuiltin('__eq__', (args) => this.equal(args[0], args[1]));
    return this.runInline(`a class's __eq__`, fn, [a, b]) === true;
  }

  // ----- iteration -----

  /**
   * A JavaScript iterator over `v`'s items. A list or dict is read in one step (its contents at
   * that moment), as a snapshot: threadsim does not model a list changing under its iterator.
   */
  *iterate(v: unknown, line: number): Generator<never, Iterator<unknown>, unknown> {
    if (v instanceof PyList) {
      const list = v;
      const items = (yield this.access('read', list.label, line, () => new Snapshot(list.items.slice())) as never) as Snapshot;
      return items.items[Symbol.iterator]();
    }
    if (v instanceof PyDict) {
      const d = v;
      const keys = (yield this.access('read', d.label, line, () => new Snapshot([...d.map.values()].map((e) => e[0]))) as never) as Snapshot;
      return keys.items[Symbol.iterator]();
    }
    if (v instanceof PyTuple) return v.items[Symbol.iterator]();
    if (v instanceof PySet) return (yield* setItems(this, v))[Symbol.iterator]();
    if (v instanceof PyRange) return rangeIter(v);
    if (typeof v === 'string') return [...v][Symbol.iterator]();
    if (v instanceof PyIterator) return v.it;
    if (v instanceof PyStepIterator) {
      const items: unknown[] = [];
      for (let r = (yield* v.step() as Generator<never, IteratorResult<unknown>, unknown>); r.done !== true; r = (yield* v.step() as Generator<never, IteratorResult<unknown>, unknown>)) items.push(r.value);
      if (v.callReturn) this.check = true;
      return items[Symbol.iterator]();
    }
    if (v instanceof PyInstance && this.steppable(v)) {
      const src = yield* this.iterOpen(v, line);
      if (src !== v) return yield* this.iterate(src, line);
    }
    const cls = this.classOf(v);
    const hostIter = cls?.lookup('__iter__');
    if (hostIter !== undefined) {
      const r = yield* this.call(new PyBound(v, hostIter), [], undefined);
      return yield* this.iterate(r, line);
    }
    throw pyRaise('TypeError', `'${this.typeName(v)}' object is not iterable`);
  }

  /** Whether iterating `v` runs the program's code (a class with `__iter__`, `__next__` or `__getitem__`): its items are then taken one at a time. */
  steppable(v: unknown): boolean {
    return v instanceof PyInstance && (v.cls.lookup('__iter__') !== undefined || v.cls.lookup('__next__') !== undefined || v.cls.lookup('__getitem__') !== undefined);
  }

  /**
   * `iter(v)` where it runs the program's code: a class's `__iter__` is called, and an
   * iterator with `__next__` becomes a {@link PyStepIterator}; anything else comes back as it
   * is (a built-in iterable, iterated by {@link iterate}).
   */
  *iterOpen(v: unknown, line: number): Generator<never, unknown, unknown> {
    if (!(v instanceof PyInstance)) return v;
    const iter = v.cls.lookup('__iter__');
    if (iter !== undefined) {
      const r = yield* this.call(iter, [v], undefined);
      if (r === v) return this.nextIterator(v);
      if (r instanceof PyInstance && r.cls.lookup('__next__') === undefined) throw pyRaise('TypeError', `iter() returned non-iterator of type '${this.typeName(r)}'`);
      return yield* this.iterOpen(r, line);
    }
    if (v.cls.lookup('__next__') !== undefined) return this.nextIterator(v);
    return v.cls.lookup('__getitem__') !== undefined ? this.sequenceIterator(v) : v;
  }

  /** The items of a class with `__getitem__` and no `__iter__` (CPython's sequence protocol): `v[0]`, `v[1]`, ... until IndexError or StopIteration. */
  private sequenceIterator(v: PyInstance): PyStepIterator {
    const getitem = v.cls.lookup('__getitem__');
    const I = this;
    let i = 0;
    let done = false;
    return new PyStepIterator(function* () {
      if (done) return { done: true, value: undefined };
      try {
        return { done: false, value: yield* I.call(getitem, [v, i++], undefined) };
      } catch (e) {
        if (!uncatchable(e)) {
          const cls = I.excValue(e).cls;
          if (cls.isSubclassOf(exceptionClass('IndexError')!) || cls.isSubclassOf(exceptionClass('StopIteration')!)) {
            done = true;
            return { done: true, value: undefined };
          }
        }
        throw e;
      }
    }, false);
  }

  /** The items of an iterator object of the program: each a call of its `__next__`, until StopIteration. */
  private nextIterator(v: PyInstance): PyStepIterator {
    const next = v.cls.lookup('__next__');
    if (next === undefined) throw pyRaise('TypeError', `iter() returned non-iterator of type '${this.typeName(v)}'`);
    const I = this;
    return new PyStepIterator(function* () {
      try {
        return { done: false, value: yield* I.call(next, [v], undefined) };
      } catch (e) {
        if (!uncatchable(e) && I.excValue(e).cls.isSubclassOf(exceptionClass('StopIteration')!)) return { done: true, value: undefined };
        throw e;
      }
    }, false);
  }

  /**
   * Start iterating `v` with its items taken one at a time where that matters: a generator or
   * another step iterator as it is, a built-in container as the JavaScript iterator of
   * {@link iterate}. Pair with {@link iterNext}.
   */
  *iterStart(v: unknown, line: number): Generator<never, Iterator<unknown> | PyStepIterator, unknown> {
    const src = v instanceof PyInstance ? yield* this.iterOpen(v, line) : v;
    return src instanceof PyStepIterator ? src : yield* this.iterate(src, line);
  }

  /** The next item of an iterator from {@link iterStart}. */
  *iterNext(it: Iterator<unknown> | PyStepIterator): Generator<never, IteratorResult<unknown>, unknown> {
    if (!(it instanceof PyStepIterator)) return it.next();
    const r = yield* it.step() as Generator<never, IteratorResult<unknown>, unknown>;
    if (it.callReturn) this.check = true;
    return r;
  }

  // ----- truth, comparison, arithmetic -----

  /** Python truth of `v` when no program code decides it, else SLOW (a `__bool__` or `__len__` to run). */
  truthyQuick(v: unknown): boolean | typeof SLOW {
    if (v === true) return true;
    if (v === false || v === null || v === undefined) return false;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v.length > 0;
    if (v instanceof PyInstance) return v.cls.lookup('__bool__') !== undefined || v.cls.lookup('__len__') !== undefined ? SLOW : true;
    if (v instanceof PyFloat) return v.v !== 0;
    if (v instanceof PyList) return v.items.length > 0;
    if (v instanceof PyTuple) return v.items.length > 0;
    if (v instanceof PyDict) return v.map.size > 0;
    if (v instanceof PyRange) return v.length > 0;
    if (v instanceof PySet) return v.used > 0;
    return true;
  }

  *truthy(v: unknown): Generator<never, boolean, unknown> {
    if (v === true) return true;
    if (v === false || v === null || v === undefined) return false;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v.length > 0;
    if (v instanceof PyFloat) return v.v !== 0;
    if (v instanceof PyList) return v.items.length > 0;
    if (v instanceof PyTuple) return v.items.length > 0;
    if (v instanceof PyDict) return v.map.size > 0;
    if (v instanceof PyRange) return v.length > 0;
    if (v instanceof PySet) return v.used > 0;
    if (v instanceof PyInstance) {
      const b = v.cls.lookup('__bool__');
      if (b !== undefined) return (yield* this.call(b, [v], undefined)) === true;
      const l = v.cls.lookup('__len__');
      if (l !== undefined) return (yield* this.call(l, [v], undefined)) !== 0;
    }
    return true;
  }

  /**
   * `a == b` as a container compares its items (identity first, as PyObject_RichCompareBool):
   * by value for Python's built-in types, by a program class's `__eq__` (run inline: see
   * {@link runInline}), identity otherwise.
   */
  eq(a: unknown, b: unknown): boolean {
    if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v));
    if (this.userEq(a) || this.userEq(b)) return this.runInlineEq(a, b);
    const na = numeric(a);
    const nb = numeric(b);
    if (na !== undefined && nb !== undefined) return na === nb;
    if (a instanceof PyTuple && b instanceof PyTuple) return a.items.length === b.items.length && a.items.every((x, i) => this.eq(x, b.items[i]));
    if (a instanceof PyList && b instanceof PyList) return a.constructor === b.constructor && a.items.length === b.items.length && a.items.every((x, i) => this.eq(x, b.items[i]));
    if (a instanceof PyDict && b instanceof PyDict) {
      if (a.map.size !== b.map.size) return false;
      for (const [k, v] of a.map.values()) {
        const o = b.get(k);
        if (o === undefined || !this.eq(v, o[1])) return false;
      }
      return true;
    }
    if (a instanceof PyBound && b instanceof PyBound) return a.self === b.self && a.fn === b.fn;
    if (a instanceof PySet && b instanceof PySet) return a.used === b.used && a.isSubset(b);
    return false;
  }

  /** Whether comparing `v` with `==` runs a program class's `__eq__` (the instance's, or an item's of a tuple or list). */
  userEq(v: unknown): boolean {
    if (v instanceof PyInstance) return v.cls.lookup('__eq__') !== undefined;
    if (v instanceof PyTuple || v instanceof PyList) return v.items.some((x) => this.userEq(x));
    return false;
  }

  /**
   * `a == b` as the `==` operator computes it: `a.__eq__(b)`, then, when that returns
   * NotImplemented (or `a` has none), `b.__eq__(a)`, then identity; tuples and lists compare
   * their items so (identity first), built-in values by value.
   */
  *equal(a: unknown, b: unknown): Generator<never, boolean, unknown> {
    const ma = a instanceof PyInstance ? a.cls.lookup('__eq__') : undefined;
    if (ma !== undefined && ma !== null) {
      const r = yield* this.call(ma, [a, b], undefined);
      if (r !== NotImplemented) return yield* this.truthy(r);
    }
    const mb = b instanceof PyInstance && b.cls !== (a instanceof PyInstance ? a.cls : undefined) ? b.cls.lookup('__eq__') : undefined;
    if (mb !== undefined && mb !== null) {
      const r = yield* this.call(mb, [b, a], undefined);
      if (r !== NotImplemented) return yield* this.truthy(r);
    }
    if (ma !== undefined || mb !== undefined) return a === b;
    if ((a instanceof PyTuple && b instanceof PyTuple) || (a instanceof PyList && b instanceof PyList)) {
      // A deque is a list underneath, but never equals a list (a namedtuple does equal a tuple).
      if ((a instanceof PyList && a.constructor !== b.constructor) || a.items.length !== b.items.length) return false;
      for (let i = 0; i < a.items.length; i++) {
        const x = a.items[i];
        const y = b.items[i];
        if (x !== y && !(yield* this.equal(x, y))) return false;
      }
      return true;
    }
    return this.eq(a, b);
  }

  *compare(op: string, a: unknown, b: unknown): Generator<never, boolean, unknown> {
    switch (op) {
      case 'Is':
        return a === b || (a instanceof PyBound && b instanceof PyBound && a.self === b.self && a.fn === b.fn);
      case 'IsNot':
        return !(a === b);
      case 'Eq':
        return yield* this.equal(a, b);
      case 'NotEq': {
        // A class's own __ne__ (else the inverse of ==, as object.__ne__ gives).
        const m = a instanceof PyInstance ? a.cls.lookup('__ne__') : undefined;
        if (m !== undefined && m !== null) {
          const r = yield* this.call(m, [a, b], undefined);
          if (r !== NotImplemented) return yield* this.truthy(r);
        }
        return !(yield* this.equal(a, b));
      }
      case 'In':
      case 'NotIn': {
        const r = yield* this.contains(b, a);
        return op === 'In' ? r : !r;
      }
      default:
        return yield* this.order(op, a, b);
    }
  }

  private *contains(container: unknown, x: unknown): Generator<never, boolean, unknown> {
    if (typeof container === 'string') {
      if (typeof x !== 'string') throw pyRaise('TypeError', `'in <string>' requires string as left operand, not ${this.typeName(x)}`);
      return container.includes(x);
    }
    if (container instanceof PyDict) {
      const d = container;
      this.hashable(x);
      return (yield this.access('read', d.label, 0, () => d.get(x) !== undefined) as never) as boolean;
    }
    if (container instanceof PyList) {
      const list = container;
      return (yield this.access('read', list.label, 0, () => list.items.some((y) => this.eq(y, x))) as never) as boolean;
    }
    if (container instanceof PySet) {
      const set = container;
      const h = this.hashOf(x);
      return yield* setStep(this, set, 'read', () => set.has(x, h));
    }
    if (container instanceof PyInstance) {
      const m = container.cls.lookup('__contains__');
      if (m !== undefined) return yield* this.truthy(yield* this.call(m, [container, x], undefined));
    }
    // An iterator is consumed only up to the first equal item.
    const it = yield* this.iterStart(container, 0);
    for (let r = yield* this.iterNext(it); r.done !== true; r = yield* this.iterNext(it)) if (this.eq(r.value, x)) return true;
    return false;
  }

  private static readonly SYMBOL: Record<string, string> = { Lt: '<', LtE: '<=', Gt: '>', GtE: '>=' };
  private static readonly DUNDER: Record<string, [string, string]> = { Lt: ['__lt__', '__gt__'], LtE: ['__le__', '__ge__'], Gt: ['__gt__', '__lt__'], GtE: ['__ge__', '__le__'] };

  private *order(op: string, a: unknown, b: unknown): Generator<never, boolean, unknown> {
    if (a instanceof PySet && b instanceof PySet) {
      // Subset and superset.
      if (op === 'Lt') return a.used < b.used && a.isSubset(b);
      if (op === 'LtE') return a.isSubset(b);
      if (op === 'Gt') return b.used < a.used && b.isSubset(a);
      return b.isSubset(a);
    }
    const na = numeric(a);
    const nb = numeric(b);
    let c: number | undefined;
    if (na !== undefined && nb !== undefined) c = na < nb ? -1 : na > nb ? 1 : 0;
    else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
    else if ((a instanceof PyTuple && b instanceof PyTuple) || (a instanceof PyList && b instanceof PyList)) {
      const x = a.items;
      const y = b.items;
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] === y[i] || (yield* this.equal(x[i], y[i]))) continue;
        return yield* this.order(op, x[i], y[i]);
      }
      c = x.length - y.length;
    } else {
      const [mine, theirs] = Interp.DUNDER[op]!;
      const m = a instanceof PyInstance ? a.cls.lookup(mine) : undefined;
      if (m !== undefined && m !== null) {
        const v = yield* this.call(m, [a, b], undefined);
        if (v !== NotImplemented) return yield* this.truthy(v);
      }
      const r = b instanceof PyInstance ? b.cls.lookup(theirs) : undefined;
      if (r !== undefined && r !== null) {
        const v = yield* this.call(r, [b, a], undefined);
        if (v !== NotImplemented) return yield* this.truthy(v);
      }
      throw pyRaise('TypeError', `'${Interp.SYMBOL[op]!}' not supported between instances of '${this.typeName(a)}' and '${this.typeName(b)}'`);
    }
    switch (op) {
      case 'Lt':
        return c < 0;
      case 'LtE':
        return c <= 0;
      case 'Gt':
        return c > 0;
      default:
        return c >= 0;
    }
  }

  private static readonly OPS: Record<string, string> = { Add: '+', Sub: '-', Mult: '*', Div: '/', FloorDiv: '//', Mod: '%', Pow: '**', LShift: '<<', RShift: '>>', BitOr: '|', BitXor: '^', BitAnd: '&' };

  *binary(op: string, a: unknown, b: unknown, inplace: boolean): Generator<never, unknown, unknown> {
    if (typeof a === 'number' && typeof b === 'number') {
      switch (op) {
        case 'Add':
          return a + b;
        case 'Sub':
          return a - b;
        case 'Mult':
          return a * b;
      }
    }
    const na = numeric(a);
    const nb = numeric(b);
    if (na !== undefined && nb !== undefined) {
      const isFloat = a instanceof PyFloat || b instanceof PyFloat;
      const wrap = (x: number): unknown => (isFloat ? new PyFloat(x) : x);
      switch (op) {
        case 'Add':
          return wrap(na + nb);
        case 'Sub':
          return wrap(na - nb);
        case 'Mult':
          return wrap(na * nb);
        case 'Div':
          if (nb === 0) throw pyRaise('ZeroDivisionError', isFloat ? 'float division by zero' : 'division by zero');
          return new PyFloat(na / nb);
        case 'FloorDiv':
          if (nb === 0) throw pyRaise('ZeroDivisionError', isFloat ? 'float floor division by zero' : 'integer division or modulo by zero');
          return wrap(Math.floor(na / nb));
        case 'Mod': {
          if (nb === 0) throw pyRaise('ZeroDivisionError', isFloat ? 'float modulo' : 'integer division or modulo by zero');
          const r = na % nb;
          return wrap(r !== 0 && r < 0 !== nb < 0 ? r + nb : r);
        }
        case 'Pow':
          return !isFloat && nb >= 0 ? na ** nb : new PyFloat(na ** nb);
        case 'LShift':
          if (!isFloat) return na * 2 ** nb;
          break;
        case 'RShift':
          if (!isFloat) return Math.floor(na / 2 ** nb);
          break;
        case 'BitOr':
          if (!isFloat) return typeof a === 'boolean' && typeof b === 'boolean' ? a || b : na | nb;
          break;
        case 'BitAnd':
          if (!isFloat) return typeof a === 'boolean' && typeof b === 'boolean' ? a && b : na & nb;
          break;
        case 'BitXor':
          if (!isFloat) return typeof a === 'boolean' && typeof b === 'boolean' ? a !== b : na ^ nb;
          break;
      }
    }
    if (typeof a === 'string') {
      if (op === 'Add' && typeof b === 'string') return a + b;
      if (op === 'Add') throw pyRaise('TypeError', `can only concatenate str (not "${this.typeName(b)}") to str`);
      if (op === 'Mult' && typeof b === 'number') return a.repeat(Math.max(0, b));
      if (op === 'Mod') return yield* this.percent(a, b);
    }
    if (op === 'Mult' && typeof a === 'number' && typeof b === 'string') return b.repeat(Math.max(0, a));
    if (a instanceof PyList && b instanceof PyList && op === 'Add') {
      if (inplace) {
        const list = a;
        const extra = b.items.slice();
        yield this.atomicWrite(list.label, 0, () => void list.items.push(...extra)) as never;
        return a;
      }
      return new PyList([...a.items, ...b.items], this.label('list'));
    }
    if (a instanceof PyList && op === 'Add') throw pyRaise('TypeError', `can only concatenate list (not "${this.typeName(b)}") to list`);
    if (a instanceof PyList && op === 'Mult' && typeof b === 'number') return new PyList(Array.from({ length: Math.max(0, b) }, () => a.items).flat(), this.label('list'));
    if (a instanceof PyTuple && b instanceof PyTuple && op === 'Add') return new PyTuple([...a.items, ...b.items]);
    if (a instanceof PySet && b instanceof PySet && isSetOperator(op)) return yield* setOperator(this, op, a, b, inplace);
    if (isContainerSubclass(a)) {
      // Counter's `+ - | &`: its class's methods.
      const name = DUNDER_OPS[op];
      const m = name === undefined ? undefined : this.host.classOf(a)?.dict.get(name);
      if (m instanceof PyBuiltin) return yield* this.runDunder(m, [a, b]);
    }
    const name = DUNDER_OPS[op];
    if (name !== undefined && (a instanceof PyInstance || b instanceof PyInstance)) {
      // a.__iop__(b), then a.__op__(b), then b.__rop__(a), each skipped when it returns NotImplemented.
      if (a instanceof PyInstance) {
        const im = inplace ? a.cls.lookup(`__i${name.slice(2)}`) : undefined;
        if (im !== undefined && im !== null) {
          const r = yield* this.call(im, [a, b], undefined);
          if (r !== NotImplemented) return r;
        }
        const m = a.cls.lookup(name);
        if (m !== undefined && m !== null) {
          const r = yield* this.call(m, [a, b], undefined);
          if (r !== NotImplemented) return r;
        }
      }
      if (b instanceof PyInstance && !(a instanceof PyInstance && a.cls === b.cls)) {
        const rm = b.cls.lookup(`__r${name.slice(2)}`);
        if (rm !== undefined && rm !== null) {
          const r = yield* this.call(rm, [b, a], undefined);
          if (r !== NotImplemented) return r;
        }
      }
    }
    const sym = Interp.OPS[op] ?? op;
    throw pyRaise('TypeError', `unsupported operand type(s) for ${sym}${inplace ? '=' : ''}: '${this.typeName(a)}' and '${this.typeName(b)}'`);
  }

  /** `fmt % args`, running the `__str__` and `__repr__` of program objects among the arguments that `%s` and `%r` convert. */
  private *percent(fmt: string, args: unknown): Generator<never, string, unknown> {
    const values = args instanceof PyTuple ? args.items : args instanceof PyDict ? [...args.map.values()].map((e) => e[1]) : [args];
    if (!values.some((v) => v instanceof PyInstance || v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet)) return percentFormat(fmt, args, this.strOf, this.reprOfSync);
    const convs = percentConversions(fmt);
    const strs = new Map<unknown, string>();
    const reprs = new Map<unknown, string>();
    for (const v of values) {
      if (typeof v !== 'object' || v === null) continue;
      if (convs.has('s')) strs.set(v, yield* this.str(v));
      if (convs.has('r') || convs.has('a')) reprs.set(v, yield* this.reprOf(v));
    }
    return percentFormat(fmt, args, (v) => strs.get(v) ?? this.strSync(v), (v) => reprs.get(v) ?? this.repr(v));
  }

  /** `-v`, `+v`, `~v` of a program object: its `__neg__`, `__pos__` or `__invert__`. */
  private *unaryDunder(v: unknown, dunder: string, sym: string): Generator<never, unknown, unknown> {
    const m = v instanceof PyInstance ? v.cls.lookup(dunder) : undefined;
    if (m !== undefined && m !== null) return yield* this.call(m, [v], undefined);
    throw pyRaise('TypeError', `bad operand type for unary ${sym}: '${this.typeName(v)}'`);
  }

  // ----- text -----

  typeName(v: unknown): string {
    return typeName(v, (o) => this.host.classOf(o)?.name);
  }

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

  /** `str(v)`, running a program-defined `__str__` or `__repr__`. */
  *str(v: unknown): Generator<never, string, unknown> {
    if (typeof v === 'string') return v;
    if (v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet) return yield* this.reprOf(v);
    if (v instanceof PyInstance) {
      const m = v.cls.lookup('__str__') ?? v.cls.lookup('__repr__');
      if (m instanceof PyFunction || m instanceof PyBuiltin) return this.textResult('__str__', yield* this.call(m, [v], undefined));
      if (v.cls.isSubclassOf(BaseException)) return yield* this.excMessage(v);
    }
    return this.repr(v);
  }

  /** What a `__str__` or `__repr__` returned: a str, or CPython's TypeError. */
  private textResult(what: string, r: unknown): string {
    if (typeof r !== 'string') throw pyRaise('TypeError', `${what} returned non-string (type ${this.typeName(r)})`);
    return r;
  }

  /** `str(v)` without running program code (a user `__str__` is not called). */
  /** {@link strSync} and {@link repr} as functions, made once per execution for the formatters that take them. */
  readonly strOf = (v: unknown): string => this.strSync(v);
  readonly reprOfSync = (v: unknown): string => this.repr(v);

  strSync(v: unknown): string {
    if (typeof v === 'string') return v;
    if (v instanceof PyInstance && v.cls.isSubclassOf(BaseException)) {
      const args = v.dict.get('args');
      const items = args instanceof PyTuple ? args.items : [];
      return items.length === 0 ? '' : items.length === 1 ? this.strSync(items[0]) : this.repr(args);
    }
    return this.repr(v);
  }

  /** `repr(v)` of built-in values (program-defined `__repr__` is run by {@link reprOf}). */
  repr(v: unknown): string {
    return reprValue(v);
  }

  /** `repr(v)`, running a program-defined `__repr__`. */
  *reprOf(v: unknown): Generator<never, string, unknown> {
    if (v instanceof PyInstance) {
      const m = v.cls.lookup('__repr__');
      if (m instanceof PyFunction || m instanceof PyBuiltin) return this.textResult('__repr__', yield* this.call(m, [v], undefined));
    }
    const own = ownRepr(v);
    if (own !== undefined) {
      const parts = new Map<unknown, string>();
      for (const x of own.reprItems()) if (!parts.has(x)) parts.set(x, yield* this.reprOf(x));
      return own.pyRepr((x) => parts.get(x) ?? this.repr(x));
    }
    if (v instanceof PyList || v instanceof PyTuple) {
      const parts: string[] = [];
      for (const x of v.items) parts.push(yield* this.reprOf(x));
      if (v instanceof PyTuple) return parts.length === 1 ? `(${parts[0]!},)` : `(${parts.join(', ')})`;
      return `[${parts.join(', ')}]`;
    }
    if (v instanceof PyDict) {
      const parts: string[] = [];
      for (const [k, x] of v.map.values()) parts.push(`${yield* this.reprOf(k)}: ${yield* this.reprOf(x)}`);
      return `{${parts.join(', ')}}`;
    }
    if (v instanceof PySet) {
      const parts = new Map<unknown, string>();
      for (const x of v.items()) parts.set(x, yield* this.reprOf(x));
      return setRepr(v, (x) => parts.get(x)!);
    }
    return this.repr(v);
  }

  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  /** `id()`: a number per object, in creation-of-first-use order within the run (never process-wide). */
  idOf(v: object): number {
    let n = this.ids.get(v);
    if (n === undefined) this.ids.set(v, (n = this.nextId++ * 16));
    return n;
  }

  /** A PyFunction or other callable as a thread target for the models: a named generator function. */
  target(fn: unknown, kwargs?: Map<string, unknown>): (...args: unknown[]) => Steps<unknown> {
    const interp = this;
    // A program function's compiled generator is the target's: a plain function hands it to
    // the model, so no wrapping generator relays each of the thread's steps. The models name
    // threads and futures by the target's name (`Thread-1 (update)`): a function defined under a
    // computed key is given that name as it is made, cheaper than redefining `name` after.
    const name = nameOf(fn);
    if (fn instanceof PyFunction && fn.node.nodeType !== 'Lambda') {
      return { [name]: (...args: unknown[]): Steps<unknown> => interp.codeOf(fn)(interp, fn, args, kwargs) as Steps<unknown> }[name]!;
    }
    if (fn instanceof PyBound && fn.fn instanceof PyFunction && fn.fn.node.nodeType !== 'Lambda') {
      const m = fn.fn;
      return { [name]: (...args: unknown[]): Steps<unknown> => interp.codeOf(m)(interp, m, [fn.self, ...args], kwargs) as Steps<unknown> }[name]!;
    }
    return {
      *[name](...args: unknown[]): Steps<unknown> {
        return yield* interp.call(fn, args, kwargs) as Generator<never, unknown, unknown>;
      },
    }[name]!;
  }
}

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


/** A one-shot iterator value (`iter(x)`, `enumerate(x)`, `zip(...)`). */
export class PyIterator {
  constructor(readonly it: Iterator<unknown>) {}
}

/** A def's annotation expressions, made once per node. */
const annotationsCache = new WeakMap<PyNode, readonly PyNode[]>();

function annotationNodes(s: PyNode): PyNode[] {
  const a = s.args as PyNode;
  const params = [...((a.posonlyargs as PyNode[] | undefined) ?? []), ...(a.args as PyNode[]), ...(a.vararg ? [a.vararg as PyNode] : []), ...(a.kwonlyargs as PyNode[]), ...(a.kwarg ? [a.kwarg as PyNode] : [])];
  const out = params.map((p) => p.annotation as PyNode | null | undefined).filter((x): x is PyNode => x !== null && x !== undefined);
  if (s.returns !== null && s.returns !== undefined) out.push(s.returns as PyNode);
  return out;
}

/** What a dict subclass's read returns for a missing key, so that its `__missing__` runs after the step. */
const MISSING = Symbol('missing');

const DUNDER_OPS: Record<string, string> = {
  Add: '__add__',
  Sub: '__sub__',
  Mult: '__mul__',
  Div: '__truediv__',
  FloorDiv: '__floordiv__',
  Mod: '__mod__',
  Pow: '__pow__',
  MatMult: '__matmul__',
  LShift: '__lshift__',
  RShift: '__rshift__',
  BitOr: '__or__',
  BitXor: '__xor__',
  BitAnd: '__and__',
};

function nameOf(fn: unknown): string {
  if (fn instanceof PyFunction) return fn.name;
  if (fn instanceof PyBound) return nameOf(fn.fn);
  if (fn instanceof PyBuiltin) return fn.name;
  if (fn instanceof PyClass) return fn.name;
  return '<callable>';
}

function isThreadsimError(e: unknown): boolean {
  return e instanceof Error && e.name === 'ThreadsimError';
}

export { keyError };

/** Errors a program's `except` and `with` never see: threadsim's own, and the end of the module after a failed claim. */
function uncatchable(e: unknown): boolean {
  return e === STOP_MODULE || isThreadsimError(e);
}

/** The numeric value of an int, bool or float; undefined for anything else. */
export function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Every remaining item of `it`. */
export function drain(it: Iterator<unknown>): unknown[] {
  const out: unknown[] = [];
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

/**
 * Whether CPython's compiler folds node `n` to a constant: a literal, a signed number, a tuple
 * of them, or arithmetic on them (`2**3`, `'a' + 'b'`) that the AST optimizer folds.
 */
function isConstantNode(n: PyNode): boolean {
  if (n.nodeType === 'Constant') return true;
  if (n.nodeType === 'UnaryOp' && ['USub', 'UAdd', 'Invert'].includes((n.op as PyNode).nodeType)) return isFoldedNumber(n.operand as PyNode);
  if (n.nodeType === 'Tuple') return (n.elts as PyNode[]).every(isConstantNode);
  if (n.nodeType === 'BinOp') return isFoldedBinOp(n);
  return false;
}

/** A number the compiler folds: a numeric literal, or a folded operation giving one. */
function isFoldedNumber(n: PyNode): boolean {
  if (n.nodeType === 'Constant') return typeof n.value !== 'string';
  if (n.nodeType === 'UnaryOp') return isConstantNode(n);
  if (n.nodeType === 'BinOp') return isFoldedBinOp(n) && isFoldedNumber(n.left as PyNode) && isFoldedNumber(n.right as PyNode);
  return false;
}

/**
 * A binary operation on constants that CPython 3.11's AST optimizer folds: not one that would
 * raise (a literal zero divisor), nor `%` on a string (a format, left to run time), nor `@`.
 */
function isFoldedBinOp(n: PyNode): boolean {
  const op = (n.op as PyNode).nodeType;
  const left = n.left as PyNode;
  const right = n.right as PyNode;
  if (op === 'MatMult') return false;
  if (!isConstantNode(left) || !isConstantNode(right)) return false;
  if ((op === 'Div' || op === 'FloorDiv' || op === 'Mod') && right.nodeType === 'Constant' && Number(right.value) === 0) return false;
  if (op === 'Mod' && left.nodeType === 'Constant' && typeof left.value === 'string') return false;
  return true;
}

function collectTargets(t: PyNode, out: Set<string>): void {
  if (t.nodeType === 'Name') out.add(String(t.id));
  else if (t.nodeType === 'Tuple' || t.nodeType === 'List') for (const e of t.elts as PyNode[]) collectTargets(e, out);
}

function yield_list(x: unknown): unknown {
  return x;
}

function normIndex(len: number, key: unknown, what: string, outOfRange = `${what} index out of range`): number {
  const k = numeric(key);
  if (k === undefined || key instanceof PyFloat) throw pyRaise('TypeError', `${what} indices must be integers or slices, not ${typeName(key, () => undefined)}`);
  const i = k < 0 ? k + len : k;
  if (i < 0 || i >= len) throw pyRaise('IndexError', outOfRange);
  return i;
}

function indexInto(items: readonly unknown[], key: unknown, what: string): unknown {
  if (typeof key === 'object' && key !== null && 'slice' in key) {
    const [lo, hi, st] = (key as { slice: unknown[] }).slice;
    const step = (st as number | null) ?? 1;
    const n = items.length;
    const norm = (x: unknown, d: number): number => {
      if (x === null) return d;
      const v = x as number;
      return v < 0 ? Math.max(0, v + n) : Math.min(v, n);
    };
    const out: unknown[] = [];
    if (step > 0) for (let i = norm(lo, 0); i < norm(hi, n); i += step) out.push(items[i]);
    else for (let i = lo === null ? n - 1 : Math.min(norm(lo, n - 1), n - 1); i > (hi === null ? -1 : norm(hi, -1)); i += step) out.push(items[i]);
    return what === 'tuple' ? new PyTuple(out) : what === 'string' ? out : new PyList(out);
  }
  return items[normIndex(items.length, key, what)];
}

function rangeItems(r: PyRange): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < r.length; i++) out.push(r.start + i * r.step);
  return out;
}

/** An iterator over a range. Its result object is reused: every consumer reads it before the next call. */
class RangeIterator implements Iterator<unknown> {
  private i = 0;
  private readonly n: number;
  private readonly result = { done: false, value: 0 as unknown };
  constructor(private readonly r: PyRange) {
    this.n = r.length;
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this;
  }
  next(): IteratorResult<unknown> {
    if (this.i >= this.n) return { done: true, value: undefined };
    this.result.value = this.r.start + this.i++ * this.r.step;
    return this.result;
  }
}

function rangeIter(r: PyRange): Iterator<unknown> {
  return new RangeIterator(r);
}

export { hashKey, PyObjectSentinel };

/** What compiled blocks read besides the interpreter (see compile.ts). */
const SUPPORT: CompileSupport = { SLOW, PENDING, PyStepIterator, PyFunction, AccessOp };

/** {@link Interp.codeOf} of a lambda: the interpreted path of callFunction. */
/** {@link Interp.codeOf} of a generator function: the call makes the generator object. */
// eslint-disable-next-line require-yield
const GENERATOR_CALL: CompiledFunction = function* (rt, fn, args, kwargs) {
  return rt.makeGenerator(fn, args, kwargs);
};

const LAMBDA: CompiledFunction = function* (rt, fn, args, kwargs) {
  return yield* rt.callFunction(fn, args, kwargs);
};
