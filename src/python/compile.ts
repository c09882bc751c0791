/**
 * The compiling back end: each Python statement list (a function's body, a loop's body, a
 * module) becomes one JavaScript generator function, built from the syntax tree once per
 * program and cached, that does what the interpreter's `block` would do for it.
 *
 * Why: a tree walk delegates every step through a chain of generators (block, statement,
 * expression, attribute), and each link is resumed on every step and allocated on every
 * node. Compiled, a Python statement runs as straight-line JavaScript in its block's
 * generator, and a shared access is one `yield` of the same {@link AccessOp} the interpreter
 * makes, so runs are step for step the ones the interpreter gives.
 *
 * Semantics stay in one place: the generated code calls the interpreter's own helpers
 * (`getAttr`, `store`, `binary`, `call`, ...) and inlines only their fast paths (plain instance
 * attributes, int arithmetic, truth of built-in values). A statement or expression the
 * compiler does not translate runs through the interpreter (`rt.stmt`, `rt.ev`) on the same
 * frame, with break/continue/return signals handed back as the interpreter's `block` does.
 *
 * The program text is untrusted: every user string that reaches the generated source (names,
 * attribute names, string constants) is a JSON string literal, numbers are written only when
 * they are finite safe integers, and everything else is read from tables by index.
 */
import type { PyNode } from './ast.js';
import type { Frame, Interp } from './interp.js';
import type { PyFunction } from './values.js';
import type { ScopeInfo } from './scope.js';
import { PyFloat, PyList, PyTuple } from './values.js';

/** A compiled statement list: the interpreter's `block(stmts, f)`, returning its signal. */
export type CompiledBlock = (rt: Interp, f: Frame) => Generator<never, 0 | 1 | 2 | 3, unknown>;

/** What the generated code reads besides the interpreter: value classes and markers. */
export interface CompileSupport {
  readonly SLOW: symbol;
  readonly PENDING: symbol;
  readonly PyStepIterator: Function;
  readonly PyFunction: Function;
  readonly AccessOp: Function;
}

/**
 * A compiled program function: binds the arguments and makes the frame (`rt.enter`), runs the
 * body, and returns its value, adding the frame to the traceback of what it raises; the
 * interpreter's `callFunction` in one generator.
 */
export type CompiledFunction = (rt: Interp, fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined) => Generator<never, unknown, unknown>;

const cache = new WeakMap<readonly PyNode[], CompiledBlock>();
const functions = new WeakMap<PyNode, CompiledFunction>();

/** The compiled form of function node `fn` (a FunctionDef; lambdas stay interpreted). */
export function compiledFunction(fn: PyNode, support: CompileSupport, info: ScopeInfo): CompiledFunction {
  let code = functions.get(fn);
  if (code === undefined) {
    code = new BlockCompiler(support, info, true).compileFunction(fn.body as PyNode[]);
    functions.set(fn, code);
  }
  return code;
}

/** A compiled generator function's body: runs in the frame its call made, returns its value, adds the frame to the traceback of what it raises. */
export type CompiledGeneratorBody = (rt: Interp, f: Frame) => Generator<never, unknown, unknown>;

const generatorBodies = new WeakMap<PyNode, CompiledGeneratorBody>();

/** The compiled body of generator function node `fn` (see generator.ts: it yields ops and `yield` markers). */
export function compiledGeneratorBody(fn: PyNode, support: CompileSupport, info: ScopeInfo): CompiledGeneratorBody {
  let code = generatorBodies.get(fn);
  if (code === undefined) {
    code = new BlockCompiler(support, info, true).compileGeneratorBody(fn.body as PyNode[]);
    generatorBodies.set(fn, code);
  }
  return code;
}

/**
 * The compiled form of `stmts` (built on first use, then cached for the tree's lifetime).
 * `info` is the scope of the function whose body they belong to (undefined at module and
 * class level): a statement list always runs in frames of that one scope, so names the
 * function binds are read and written straight in its frame.
 */
export function compiledBlock(stmts: readonly PyNode[], support: CompileSupport, info: ScopeInfo | undefined): CompiledBlock {
  let code = cache.get(stmts);
  if (code === undefined) {
    code = new BlockCompiler(support, info).compile(stmts);
    cache.set(stmts, code);
  }
  return code;
}

/** The generated source of `stmts` (for tests that inspect what user text became). */
export function compiledSource(stmts: readonly PyNode[]): string {
  const none = class {};
  return new BlockCompiler({ SLOW: Symbol('slow'), PENDING: Symbol('pending'), PyStepIterator: none, PyFunction: none, AccessOp: none }, undefined).source(stmts);
}

const ARITH_FAST: Record<string, string> = { Add: '+', Sub: '-', Mult: '*' };
const COMPARE_FAST: Record<string, string> = { Lt: '<', LtE: '<=', Gt: '>', GtE: '>=', Eq: '===', NotEq: '!==' };
const BINARY_OPS = new Set(['Add', 'Sub', 'Mult', 'Div', 'FloorDiv', 'Mod', 'Pow', 'LShift', 'RShift', 'BitOr', 'BitXor', 'BitAnd', 'MatMult']);
const COMPARE_OPS = new Set(['Lt', 'LtE', 'Gt', 'GtE', 'Eq', 'NotEq', 'Is', 'IsNot', 'In', 'NotIn']);

/** Whether an expression's value is a new object no name refers to: a call's result or a generator expression. */
export function isTemporary(n: PyNode): boolean {
  return n.nodeType === 'Call' || n.nodeType === 'GeneratorExp';
}

/** A JavaScript string literal for any text (JSON's escaping is a subset of JavaScript's). */
function lit(s: string): string {
  return JSON.stringify(s);
}

/** A source line number as an integer literal (anything else becomes 0). */
function lineOf(n: PyNode): number {
  const l = n.lineno;
  return typeof l === 'number' && Number.isSafeInteger(l) ? l : 0;
}

/**
 * What encloses the code being compiled, innermost last: a Python loop (its labels, for break
 * and continue) or a `with` body (a break, continue or return first leaves the `with`, whose
 * `__exit__` runs, then goes on outward from there).
 */
type Loop = { readonly brk: string; readonly cont: string; readonly with?: undefined } | { readonly with: string; readonly sig: string };

class BlockCompiler {
  /** Nodes the generated code hands to the interpreter, by index. */
  private readonly nodes: PyNode[] = [];
  /** Constants that are not written into the source (floats, big or odd numbers). */
  private readonly consts: unknown[] = [];
  /** Temporaries in use (the next one is `t${temps}`). */
  private temps = 0;
  /** Temporaries declared: the most ever in use at once. */
  private declared = 0;
  private labels = 0;
  private readonly loops: Loop[] = [];

  constructor(
    private readonly support: CompileSupport,
    private readonly info: ScopeInfo | undefined,
    /** Compiling a whole function: `return` gives the value, not the return signal. */
    private readonly whole = false,
  ) {}

  /** Whether `name` is a plain local of the function being compiled (not global, not nonlocal). */
  private isLocal(name: string): boolean {
    return this.info !== undefined && this.info.locals.has(name) && !this.info.globals.has(name) && !this.info.nonlocals.has(name);
  }

  /** Bind local-or-generic `name` to the value in temporary `v`. */
  private storeName(name: string, v: string, line: number): string {
    const n = lit(name);
    if (this.info !== undefined && !this.info.globals.has(name) && !this.info.nonlocals.has(name)) return `f.vars.set(${n}, ${v});
`;
    return `if (!rt.storeQuick(${n}, ${v}, f)) yield* rt.store(${n}, ${v}, f, ${line});
`;
  }

  compileFunction(body: readonly PyNode[]): CompiledFunction {
    const code = this.body(body);
    const src =
      `${this.prelude()}return function* compiledFunction(rt, fn, args, kwargs) {\n${this.declared > 0 ? `let ${this.tempList()};\n` : ''}` +
      `const f = rt.enter(fn, args, kwargs);\ntry {\n${code}return null;\n} catch (e) {\nthrow rt.traced(e, f);\n} finally {\nrt.depth--;\n}\n};`;
    // See compile() for why this source is safe to run.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function('N', 'K', 'S', 'PyFloat', 'PyList', 'PyTuple', src) as (...a: unknown[]) => CompiledFunction;
    return make(this.nodes, this.consts, this.support, PyFloat, PyList, PyTuple);
  }

  compileGeneratorBody(body: readonly PyNode[]): CompiledGeneratorBody {
    const code = this.body(body);
    const src =
      `${this.prelude()}return function* compiledGeneratorBody(rt, f) {\n${this.declared > 0 ? `let ${this.tempList()};\n` : ''}` +
      `try {\n${code}return null;\n} catch (e) {\nthrow rt.traced(e, f);\n}\n};`;
    // See compile() for why this source is safe to run.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function('N', 'K', 'S', 'PyFloat', 'PyList', 'PyTuple', src) as (...a: unknown[]) => CompiledGeneratorBody;
    return make(this.nodes, this.consts, this.support, PyFloat, PyList, PyTuple);
  }

  compile(stmts: readonly PyNode[]): CompiledBlock {
    const src = this.source(stmts);
    // The source is built only from literals this compiler writes, JSON string literals and
    // table indexes (see the file comment), so no program text runs as JavaScript.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function('N', 'K', 'S', 'PyFloat', 'PyList', 'PyTuple', src) as (...a: unknown[]) => CompiledBlock;
    return make(this.nodes, this.consts, this.support, PyFloat, PyList, PyTuple);
  }

  source(stmts: readonly PyNode[]): string {
    const body = this.body(stmts);
    return `${this.prelude()}return function* compiledBlock(rt, f) {\n${this.declared > 0 ? `let ${this.tempList()};\n` : ''}${body}return 0;\n};`;
  }

  private body(stmts: readonly PyNode[]): string {
    return this.block(stmts);
  }

  private prelude(): string {
    return '"use strict";\nconst SLOW = S.SLOW, PENDING = S.PENDING, PyStepIterator = S.PyStepIterator, PyFunction = S.PyFunction, AccessOp = S.AccessOp;\n';
  }

  private tempList(): string {
    return Array.from({ length: this.declared }, (_, i) => `t${i}`).join(', ');
  }

  private temp(): string {
    const t = `t${this.temps++}`;
    if (this.temps > this.declared) this.declared = this.temps;
    return t;
  }

  private node(n: PyNode): string {
    this.nodes.push(n);
    return `N[${this.nodes.length - 1}]`;
  }

  private konst(v: unknown): string {
    this.consts.push(v);
    return `K[${this.consts.length - 1}]`;
  }

  // ----- statements -----

  private block(stmts: readonly PyNode[]): string {
    let out = '';
    for (const s of stmts) out += this.stmt(s);
    return out;
  }

  /** How a signal leaves the code being compiled: through the innermost compiled loop, or as the block's result. */
  private exit(signal: 1 | 2 | 3): string {
    const loop = this.loops.at(-1);
    if (loop?.with !== undefined) return `${loop.sig} = ${signal}; break ${loop.with};\n`;
    // A whole function returns its value (break and continue outside a loop are syntax errors).
    const ret = this.whole ? 'return f.ret;' : 'return 3;';
    if (loop === undefined) return signal === 3 ? `${ret}\n` : `return ${signal};\n`;
    // The interpreter's loops mark a check point whenever their body ends, however it ends.
    if (signal === 1) return `rt.check = true; break ${loop.brk};\n`;
    if (signal === 2) return `rt.check = true; continue ${loop.cont};\n`;
    return `rt.check = true; ${ret}\n`;
  }

  private fallback(s: PyNode): string {
    const sig = this.temp();
    const inLoop = this.loops.length > 0;
    const dispatch = inLoop ? `if (${sig} === 1) { ${this.exit(1)}} if (${sig} === 2) { ${this.exit(2)}} ${this.exit(3)}` : this.whole ? this.exit(3) : `return ${sig};\n`;
    return `${sig} = yield* rt.stmt(${this.node(s)}, f);\nif (${sig} !== 0) { ${dispatch}}\n`;
  }

  /**
   * A statement's temporaries are free again once it is done: the next statement reuses them.
   * A generator saves and restores its registers at every `yield`, so the fewer a compiled
   * block declares, the cheaper each of its steps. A compound statement's own temporaries (a
   * loop's iterator, a `with`'s exit) are taken before its body's statements, which take theirs
   * above them.
   */
  private stmt(s: PyNode): string {
    const mark = this.temps;
    const out = this.stmtCode(s);
    this.temps = mark;
    return out;
  }

  private stmtCode(s: PyNode): string {
    // `rt.at`: the line a container method's step names (see Interp.at).
    const line = `f.line = rt.at = ${lineOf(s)};\n`;
    switch (s.nodeType) {
      case 'Expr':
        return `${line}${this.expr(s.value as PyNode)};\n`;
      case 'Assign': {
        const targets = s.targets as PyNode[];
        const v = this.temp();
        let out = `${line}${v} = ${this.expr(s.value as PyNode)};\n`;
        for (const t of targets) out += this.assign(t, v);
        return out;
      }
      case 'AugAssign':
        return line + this.augAssign(s);
      case 'If':
        return `${line}if (${this.truth(this.expr(s.test as PyNode))}) {\n${this.block(s.body as PyNode[])}} else {\n${this.block(s.orelse as PyNode[])}}\n`;
      case 'While':
        return line + this.whileStmt(s);
      case 'For':
        return line + this.forStmt(s);
      case 'Break':
        return line + this.exit(1);
      case 'Continue':
        return line + this.exit(2);
      case 'Return':
        return `${line}f.ret = ${s.value ? this.expr(s.value as PyNode) : 'null'};\n${this.exit(3)}`;
      case 'Pass':
      case 'Global':
      case 'Nonlocal':
        return line;
      case 'With':
        return line + this.withItem(s, 0);
      case 'Try':
        return line + this.tryStmt(s);
      case 'Import': {
        // Each name imports its module, then binds its alias or its top-level package, as the
        // interpreter's importStmt does, with the names worked out here once.
        let out = line;
        for (const a of s.names as PyNode[]) {
          const name = String(a.name);
          if (a.asname) out += `f.vars.set(${lit(String(a.asname))}, rt.importModule(${lit(name)}));\n`;
          else out += `rt.importModule(${lit(name)});\nf.vars.set(${lit(name.split('.')[0]!)}, rt.importModule(${lit(name.split('.')[0]!)}));\n`;
        }
        return out;
      }
      case 'ImportFrom':
        return `${line}rt.importStmt(${this.node(s)}, f);\n`;
      case 'FunctionDef': {
        const v = this.temp();
        const n = this.node(s);
        return `${line}if ((${v} = rt.functionQuick(${n}, f)) === SLOW) ${v} = yield* rt.defineFunction(${n}, f);\n${this.storeName(String(s.name), v, lineOf(s))}`;
      }
      case 'ClassDef': {
        const v = this.temp();
        return `${line}${v} = yield* rt.defineClass(${this.node(s)}, f);\n${this.storeName(String(s.name), v, lineOf(s))}`;
      }
      default:
        return this.fallback(s);
    }
  }

  /** `with` item `index` and what follows it (the next items, then the body), as the interpreter's withStmt. */
  private withItem(s: PyNode, index: number): string {
    const items = s.items as PyNode[];
    if (index >= items.length) return this.block(s.body as PyNode[]);
    const item = items[index]!;
    const ctx = item.context_expr as PyNode;
    const [mgr, enter, exit, value, sig, suppressed, v] = [this.temp(), this.temp(), this.temp(), this.temp(), this.temp(), this.temp(), this.temp()];
    const label = `W${this.labels++}`;
    let out =
      `${mgr} = ${this.expr(ctx)};\n${enter} = rt.getAttrStatic(${mgr}, "__enter__", ${this.node(ctx)});\n${exit} = rt.getAttrStatic(${mgr}, "__exit__", ${this.node(ctx)});\n` +
      `${value} = ${this.callOf(enter, '[]')};\n`;
    if (item.optional_vars) out += this.assign(item.optional_vars as PyNode, value);
    this.loops.push({ with: label, sig });
    const inner = this.withItem(s, index + 1);
    this.loops.pop();
    out +=
      `${sig} = 0; ${suppressed} = false;\n${label}: try {\n${inner}} catch (e) {\n` +
      `if (rt.uncatchable(e)) throw e;\n${v} = rt.excValue(e);\n` +
      `if (!${this.truth(`(yield* rt.call(${exit}, [${v}.cls, ${v}, null], undefined))`)}) throw e;\n${suppressed} = true;\n}\n` +
      `if (!${suppressed}) {\n${this.callOf(exit, '[null, null, null]')};\n` +
      `if (${sig} === 1) { ${this.exit(1)}} else if (${sig} === 2) { ${this.exit(2)}} else if (${sig} === 3) { ${this.exit(3)}}}\n`;
    return out;
  }

  /**
   * `try`, as the interpreter's tryStmt: the body and `else` run here, a raised exception goes
   * to the interpreter's `handle` (which matches the `except` clauses and runs the chosen one),
   * and `finally` runs after all of it, not in a JavaScript `finally`: threadsim's own errors
   * (and the end of the module after a failed claim) pass by it, as they do in the interpreter.
   * A break, continue or return in the body or `else` leaves the `try` first (its signal is
   * kept), runs `finally`, then goes on outward; one in `finally` wins over it.
   */
  private tryStmt(s: PyNode): string {
    const finalbody = s.finalbody as PyNode[];
    const [sig, failed, handled, raised, error, ret, at] = [this.temp(), this.temp(), this.temp(), this.temp(), this.temp(), this.temp(), this.temp()];
    const label = `W${this.labels++}`;
    this.loops.push({ with: label, sig });
    const body = this.block(s.body as PyNode[]);
    const orelse = this.block(s.orelse as PyNode[]);
    this.loops.pop();
    const node = this.node(s);
    let out =
      `${sig} = 0; ${raised} = false; ${error} = undefined;\n${label}: try {\n${failed} = false;\n` +
      `try {\n${body}} catch (e) {\nif (rt.uncatchable(e)) throw e;\n${failed} = true;\n` +
      `${handled} = yield* rt.handle(${node}, f, e);\nif (${handled} === undefined) throw e;\n${sig} = ${handled};\n}\n` +
      `if (!${failed} && ${sig} === 0) {\n${orelse}}\n` +
      `} catch (e) {\nif (rt.uncatchable(e)${finalbody.length === 0 ? ' || true' : ''}) throw e;\n${raised} = true; ${error} = e; ${at} = f.line;\n}\n`;
    // The traceback names the line that raised, not the last line `finally` ran.
    if (finalbody.length > 0) out += `${ret} = f.ret;\n${this.block(finalbody)}f.ret = ${ret};\nif (${raised}) { f.line = ${at}; throw ${error}; }\n`;
    out += `if (${sig} === 1) { ${this.exit(1)}} else if (${sig} === 2) { ${this.exit(2)}} else if (${sig} === 3) { ${this.exit(3)}}\n`;
    return out;
  }

  /**
   * A call of the callable in temporary `fn` with the arguments array `args` (no keywords): a
   * builtin (a lock's `__enter__`, an executor's `__exit__`) straight, with its steps run here,
   * anything else through the interpreter's `call`, as {@link call} does.
   */
  private callOf(fn: string, args: string): string {
    const list = this.temp();
    const r = this.temp();
    return `(${list} = ${args}, (${r} = rt.callQuick(${fn}, ${list}, undefined)) === SLOW ? (yield* rt.call(${fn}, ${list}, undefined)) : ${r} === PENDING ? (${r} = (yield* rt.takePending()), rt.check = true, ${r}) : ${r})`;
  }

  private whileStmt(s: PyNode): string {
    const n = this.labels++;
    const loop = { brk: `B${n}`, cont: `L${n}` };
    const test = this.truth(this.expr(s.test as PyNode));
    this.loops.push(loop);
    const body = this.block(s.body as PyNode[]);
    this.loops.pop();
    const orelse = this.block(s.orelse as PyNode[]);
    return `${loop.brk}: {\n${loop.cont}: for (;;) {\nf.line = ${lineOf(s)};\nif (!(${test})) break;\n${body}rt.check = true;\n}\n${orelse}}\n`;
  }

  private forStmt(s: PyNode): string {
    const n = this.labels++;
    const loop = { brk: `B${n}`, cont: `L${n}` };
    const iterable = this.temp();
    const stepper = this.temp();
    const it = this.temp();
    const r = this.temp();
    // A program's iterator (a generator, a class with __iter__) gives its items one at a time;
    // a built-in container is read once (see Interp.iterate).
    const head =
      `${iterable} = ${this.expr(s.iter as PyNode)};\n` +
      `if (!(${iterable} instanceof PyStepIterator) && rt.steppable(${iterable})) ${iterable} = yield* rt.iterOpen(${iterable}, ${lineOf(s)});\n` +
      `${stepper} = ${iterable} instanceof PyStepIterator ? ${iterable} : undefined;\n` +
      `${it} = ${stepper} === undefined ? (yield* rt.iterate(${iterable}, ${lineOf(s)})) : undefined;\n`;
    // A generator made by the loop's own expression (`for x in gen():`) has no other reference:
    // CPython closes it when the loop is left, whatever the way, so its `finally` runs then.
    const temporary = isTemporary(s.iter as PyNode);
    const gen = temporary ? this.temp() : '';
    const bad = temporary ? this.temp() : '';
    const target = this.assign(s.target as PyNode, `${r}.value`);
    this.loops.push(loop);
    const body = this.block(s.body as PyNode[]);
    this.loops.pop();
    const orelse = this.block(s.orelse as PyNode[]);
    const loopCode =
      `${loop.cont}: for (;;) {\n` +
      `if (${stepper} !== undefined) { ${r} = yield* ${stepper}.step(); if (${stepper}.callReturn) rt.check = true; } else ${r} = ${it}.next();\n` +
      `if (${r}.done) break;\n${target}${body}rt.check = true;\n}\n`;
    if (!temporary) return `${head}${loop.brk}: {\n${loopCode}${orelse}}\n`;
    return (
      `${head}${gen} = rt.temporaryGenerator(${iterable}); ${bad} = false;\n${loop.brk}: {\ntry {\n${loopCode}} ` +
      `catch (e) { ${bad} = rt.uncatchable(e); throw e; } finally { if (${gen} !== undefined && !${bad}) yield* rt.closeTemporary(${gen}); }\n${orelse}}\n`
    );
  }

  /** Store the value held in JavaScript expression `v` (a temporary) into target `t`. */
  private assign(t: PyNode, v: string): string {
    switch (t.nodeType) {
      case 'Name':
        return this.storeName(String(t.id), v, lineOf(t));
      case 'Attribute': {
        const obj = this.temp();
        const op = this.temp();
        const name = lit(String(t.attr));
        return `${obj} = ${this.expr(t.value as PyNode)};\nif ((${op} = rt.writeAttrOp(${obj}, ${name}, ${v}, ${lineOf(t)})) !== undefined) yield ${op}; else yield* rt.setAttr(${obj}, ${name}, ${v}, ${lineOf(t)});\n`;
      }
      case 'Subscript': {
        const obj = this.temp();
        const key = this.temp();
        return `${obj} = ${this.expr(t.value as PyNode)};\n${key} = ${this.expr(t.slice as PyNode)};\nyield* rt.setItem(${obj}, ${key}, ${v}, ${lineOf(t)});\n`;
      }
      default:
        return `yield* rt.assign(${this.node(t)}, ${v}, f);\n`;
    }
  }

  private augAssign(s: PyNode): string {
    const t = s.target as PyNode;
    const op = (s.op as PyNode).nodeType;
    if (!BINARY_OPS.has(op)) return this.fallback(s);
    const line = lineOf(t);
    const cur = this.temp();
    const rhs = this.temp();
    const result = this.temp();
    const compute = (): string => `${rhs} = ${this.expr(s.value as PyNode)};\n${result} = ${this.arith(op, cur, rhs, true)};\n`;
    switch (t.nodeType) {
      case 'Name': {
        const name = String(t.id);
        return `${cur} = ${this.loadName(name, line)};\n${compute()}${this.storeName(name, result, line)}`;
      }
      case 'Attribute': {
        const obj = this.temp();
        const op2 = this.temp();
        const name = lit(String(t.attr));
        return (
          `${obj} = ${this.expr(t.value as PyNode)};\n${cur} = ${this.readAttr(obj, name, line)};\n${compute()}` +
          `if ((${op2} = rt.writeAttrOp(${obj}, ${name}, ${result}, ${line})) !== undefined) yield ${op2}; else yield* rt.setAttr(${obj}, ${name}, ${result}, ${line});\n`
        );
      }
      case 'Subscript': {
        const obj = this.temp();
        const key = this.temp();
        return `${obj} = ${this.expr(t.value as PyNode)};\n${key} = ${this.expr(t.slice as PyNode)};\n${cur} = (yield* rt.getItem(${obj}, ${key}, ${line}));\n${compute()}yield* rt.setItem(${obj}, ${key}, ${result}, ${line});\n`;
      }
      default:
        return this.fallback(s);
    }
  }

  // ----- expressions (each compiles to one JavaScript expression) -----

  /** Python truth of JavaScript expression `e`, without a generator for built-in values. */
  private truth(e: string): string {
    const v = this.temp();
    const q = this.temp();
    return `(${v} = ${e}, (${q} = rt.truthyQuick(${v})) !== SLOW ? ${q} : (yield* rt.truthy(${v})))`;
  }

  private loadName(name: string, line: number): string {
    const q = this.temp();
    const n = lit(name);
    if (this.isLocal(name)) return `((${q} = f.vars.get(${n})) !== undefined || f.vars.has(${n}) ? ${q} : rt.unboundLocal(${n}))`;
    if (this.info !== undefined && !this.info.globals.has(name) && !this.info.nonlocals.has(name)) {
      return `((${q} = rt.loadFree(${n}, f)) !== SLOW ? ${q} : (yield* rt.load(${n}, f, ${line})))`;
    }
    return `((${q} = rt.loadQuick(${n}, f)) !== SLOW ? ${q} : (yield* rt.load(${n}, f, ${line})))`;
  }

  private readAttr(obj: string, name: string, line: number): string {
    const q = this.temp();
    return `((${q} = rt.attrQuick(${obj}, ${name}, ${line})) instanceof AccessOp ? (yield ${q}) : ${q} !== SLOW ? ${q} : (yield* rt.getAttr(${obj}, ${name}, ${line})))`;
  }

  private arith(op: string, a: string, b: string, inplace: boolean): string {
    const fast = ARITH_FAST[op];
    const slow = `(yield* rt.binary(${lit(op)}, ${a}, ${b}, ${inplace}))`;
    return fast === undefined ? slow : `(typeof ${a} === 'number' && typeof ${b} === 'number' ? ${a} ${fast} ${b} : ${slow})`;
  }

  private viaInterpreter(n: PyNode): string {
    return `(yield* rt.ev(${this.node(n)}, f))`;
  }

  /**
   * An expression's temporaries are free again once its code is written: the code reads them
   * only while it is being evaluated, and whatever its caller evaluates next is evaluated after
   * it (a temporary the caller still needs was taken before, below the mark).
   */
  private expr(n: PyNode): string {
    const mark = this.temps;
    const out = this.exprCode(n);
    this.temps = mark;
    return out;
  }

  private exprCode(n: PyNode): string {
    switch (n.nodeType) {
      case 'Constant':
        return this.constant(n);
      case 'Name':
        return this.loadName(String(n.id), lineOf(n));
      case 'Attribute': {
        const obj = this.temp();
        return `(${obj} = ${this.expr(n.value as PyNode)}, ${this.readAttr(obj, lit(String(n.attr)), lineOf(n))})`;
      }
      case 'Call':
        return this.call(n);
      case 'BinOp': {
        const op = (n.op as PyNode).nodeType;
        if (!BINARY_OPS.has(op)) return this.viaInterpreter(n);
        const a = this.temp();
        const b = this.temp();
        return `(${a} = ${this.expr(n.left as PyNode)}, ${b} = ${this.expr(n.right as PyNode)}, ${this.arith(op, a, b, false)})`;
      }
      case 'Compare':
        return this.compare(n);
      case 'BoolOp': {
        const and = (n.op as PyNode).nodeType === 'And';
        const values = n.values as PyNode[];
        const v = this.temp();
        // Each operand's truth is taken, the last one's too (a `__bool__` may take steps).
        let out = '';
        values.forEach((x, i) => {
          const t = this.truth(v);
          if (i === values.length - 1) out += `(${v} = ${this.expr(x)}, ${t}, ${v})`;
          else out += `(${v} = ${this.expr(x)}, ${and ? `!${t}` : t}) ? ${v} : `;
        });
        return `(${out})`;
      }
      case 'UnaryOp':
        if ((n.op as PyNode).nodeType === 'Not') return `!${this.truth(this.expr(n.operand as PyNode))}`;
        return this.viaInterpreter(n);
      case 'IfExp':
        return `(${this.truth(this.expr(n.test as PyNode))} ? ${this.expr(n.body as PyNode)} : ${this.expr(n.orelse as PyNode)})`;
      case 'List':
      case 'Tuple': {
        const elts = n.elts as PyNode[];
        if (elts.some((e) => e.nodeType === 'Starred')) return this.viaInterpreter(n);
        const items = `[${elts.map((e) => this.expr(e)).join(', ')}]`;
        return n.nodeType === 'List' ? `new PyList(${items}, rt.label('list'))` : `new PyTuple(${items})`;
      }
      case 'Subscript': {
        const obj = this.temp();
        const key = this.temp();
        return `(${obj} = ${this.expr(n.value as PyNode)}, ${key} = ${this.expr(n.slice as PyNode)}, (yield* rt.getItem(${obj}, ${key}, ${lineOf(n)})))`;
      }
      default:
        return this.viaInterpreter(n);
    }
  }

  private constant(n: PyNode): string {
    const v = n.value;
    if (typeof v === 'number') {
      // A float is immutable, so one object serves every evaluation of the literal.
      if (n.isFloat) return this.konst(new PyFloat(v));
      return Number.isSafeInteger(v) && !Object.is(v, -0) ? `(${v})` : this.konst(v);
    }
    if (v === undefined || v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'string') return lit(v);
    if (typeof v === 'bigint') return this.konst(Number(v));
    return this.viaInterpreter(n);
  }

  private call(n: PyNode): string {
    const args = n.args as PyNode[];
    const keywords = n.keywords as PyNode[];
    if (keywords.some((k) => k.arg === null || k.arg === undefined) || args.some((a) => a.nodeType === 'Starred')) return this.viaInterpreter(n);
    const fnNode = n.func as PyNode;
    if (fnNode.nodeType === 'Name' && fnNode.id === 'super' && args.length === 0) return 'rt.superOf(f)';
    const fn = this.temp();
    const list = this.temp();
    const r = this.temp();
    let callee: string;
    if (fnNode.nodeType === 'Attribute') {
      const obj = this.temp();
      callee = `(${obj} = ${this.expr(fnNode.value as PyNode)}, ${this.readAttr(obj, lit(String(fnNode.attr)), lineOf(fnNode))})`;
    } else {
      callee = this.expr(fnNode);
    }
    // A program function runs in its own generator; a builtin is called straight (its steps, if
    // it returns some, are run here); anything else goes through the interpreter's `call`.
    // Keyword arguments, evaluated after the positional ones as CPython does, into a Map.
    let kw = 'undefined';
    let kwSet = '';
    if (keywords.length > 0) {
      kw = this.temp();
      kwSet = `${kw} = new Map(), ${keywords.map((k) => `${kw}.set(${lit(String(k.arg))}, ${this.expr(k.value as PyNode)})`).join(', ')}, `;
    }
    return (
      `(${fn} = ${callee}, ${list} = [${args.map((a) => this.expr(a)).join(', ')}], ${kwSet}rt.at = ${lineOf(n)}, ` +
      `${fn} instanceof PyFunction ? (yield* rt.codeOf(${fn})(rt, ${fn}, ${list}, ${kw})) : ` +
      `(${r} = rt.callQuick(${fn}, ${list}, ${kw})) === SLOW ? (yield* rt.call(${fn}, ${list}, ${kw})) : ` +
      `${r} === PENDING ? (${r} = (yield* rt.takePending()), rt.check = true, ${r}) : ${r})`
    );
  }

  private compare(n: PyNode): string {
    const ops = (n.ops as PyNode[]).map((o) => o.nodeType);
    if (ops.some((o) => !COMPARE_OPS.has(o))) return this.viaInterpreter(n);
    const comps = n.comparators as PyNode[];
    const left = this.temp();
    const right = this.temp();
    // a < b < c: each comparison on the previous right operand, stopping at the first false.
    const link = (i: number): string => {
      const op = ops[i]!;
      const fast = COMPARE_FAST[op];
      const slow = `(yield* rt.compare(${lit(op)}, ${left}, ${right}))`;
      const test = fast === undefined ? slow : `(typeof ${left} === 'number' && typeof ${right} === 'number' ? ${left} ${fast} ${right} : ${slow})`;
      const rest = i + 1 < ops.length ? `(${left} = ${right}, ${link(i + 1)})` : 'true';
      return `(${right} = ${this.expr(comps[i]!)}, ${test} ? ${rest} : false)`;
    };
    return `(${left} = ${this.expr(n.left as PyNode)}, ${link(0)})`;
  }
}
