/**
 * Calls: call expressions, the fast path for builtins (no generator of its own), program
 * functions' frames and compiled code, class instantiation, generator functions' calls, and a
 * callable as a thread target for the models.
 */
import type { Steps } from '../scheduler/ops.js';
import type { PyNode } from './ast.js';
import { PySuper } from './attributes.js';
import { bind } from './binding.js';
import { type CompiledFunction, compiledFunction, compiledGeneratorBody } from './compile.js';
import { BaseException, pyRaise } from './exceptions.js';
import { evList, quick } from './expressions.js';
import { PyGenerator } from './generator.js';
import type { Frame, Interp } from './interp.js';
import { isGeneratorFunction, scopeOf } from './scope.js';
import { isGen, PENDING, SLOW, SUPPORT } from './signals.js';
import { PyBound, PyBuiltin, PyClass, PyDict, PyFunction, PyInstance, PyTuple } from './values.js';

/** The name a thread or future made from `fn` is named by (`Thread-1 (update)`). */
function nameOf(fn: unknown): string {
  if (fn instanceof PyFunction) return fn.name;
  if (fn instanceof PyBound) return nameOf(fn.fn);
  if (fn instanceof PyBuiltin) return fn.name;
  if (fn instanceof PyClass) return fn.name;
  return '<callable>';
}

/** {@link Interp.codeOf} of a generator function: the call makes the generator object. */
// eslint-disable-next-line require-yield
const GENERATOR_CALL: CompiledFunction = function* (rt, fn, args, kwargs) {
  return rt.makeGenerator(fn, args, kwargs);
};

/** {@link Interp.codeOf} of a lambda: the interpreted path of callFunction. */
const LAMBDA: CompiledFunction = function* (rt, fn, args, kwargs) {
  return yield* rt.callFunction(fn, args, kwargs);
};

/** A call of generator function `fn`: its arguments bound now, its body run as the generator is resumed. */
export function makeGenerator(I: Interp, fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): PyGenerator {
  // Calling a generator function only makes its frame: its RESUME comes at the first next().
  const check = I.check;
  const f = I.enter(fn, args, kwargs);
  I.depth--;
  I.check = check;
  const body = compiledGeneratorBody(fn.node, SUPPORT, scopeOf(fn.node))(I, f);
  const g = new PyGenerator(fn.name, fn.qualname, I.label('generator'), body, I);
  g.madeAt = I.entries;
  g.madeDepth = I.depth;
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
export function temporaryGenerator(I: Interp, v: unknown): PyGenerator | undefined {
  if (!(v instanceof PyGenerator)) return undefined;
  if (v.madeAt === I.entries && v.madeDepth === I.depth) v.confine();
  return v;
}

/** Close a generator no name refers to any more, as CPython does when its last reference goes (a `for` over `gen()` left early). */
export function* closeTemporary(I: Interp, g: PyGenerator): Generator<never, void, unknown> {
  if (!g.closed) yield* g.close();
}

/** A call expression: the callee, its positional, starred and keyword arguments, then the call. */
export function* callExpr(I: Interp, n: PyNode, f: Frame): Generator<never, unknown, unknown> {
  const fnNode = n.func as PyNode;
  let fn: unknown;
  if (fnNode.nodeType === 'Attribute') {
    // obj.method(...): look the method up without building a bound method when we can.
    const obj = yield* I.ev(fnNode.value as PyNode, f);
    fn = yield* I.getAttr(obj, String(fnNode.attr), fnNode.lineno!);
  } else if (fnNode.nodeType === 'Name' && fnNode.id === 'super' && (n.args as PyNode[]).length === 0) {
    return I.superOf(f);
  } else {
    fn = quick(I, fnNode, f);
    if (fn === SLOW) fn = yield* I.ev(fnNode, f);
  }
  const args = yield* evList(I, n.args as PyNode[], f);
  let kwargs: Map<string, unknown> | undefined;
  for (const k of n.keywords as PyNode[]) {
    kwargs ??= new Map();
    const v = yield* I.ev(k.value as PyNode, f);
    if (k.arg === null || k.arg === undefined) {
      if (!(v instanceof PyDict)) throw pyRaise('TypeError', `argument after ** must be a mapping, not ${I.typeName(v)}`);
      for (const [kk, vv] of v.map.values()) kwargs.set(String(kk), vv);
    } else {
      kwargs.set(String(k.arg), v);
    }
  }
  I.at = n.lineno ?? I.at;
  return yield* I.call(fn, args, kwargs);
}

/**
 * A call of a builtin (or a builtin method) with `args` and `kwargs`, without a generator of
 * its own: its value, with the check point set; PENDING when it returned steps (left in
 * `pending`: run them, then set `check`); SLOW for any other callable.
 */
export function callQuick(I: Interp, fn: unknown, args: unknown[], kwargs?: Map<string, unknown>): unknown {
  let r: unknown;
  if (fn instanceof PyBuiltin) r = fn.call(args, kwargs);
  else if (fn instanceof PyBound && fn.fn instanceof PyBuiltin) r = fn.fn.call([fn.self, ...args], kwargs);
  else return SLOW;
  if (isGen(r)) {
    I.pending = r;
    return PENDING;
  }
  // The return from a call into non-Python code is a check point.
  I.check = true;
  return r;
}

/** The steps {@link callQuick} left (and forget them). */
export function takePending(I: Interp): Steps<unknown> {
  const g = I.pending!;
  I.pending = undefined;
  return g;
}

/** Call any callable with positional `args` and keyword `kwargs`. */
export function* call(I: Interp, fn: unknown, args: unknown[], kwargs: Map<string, unknown> | undefined): Generator<never, unknown, unknown> {
  // A program function's compiled generator is run here, with no callFunction generator between.
  if (fn instanceof PyFunction) return yield* (fn.node.nodeType === 'Lambda' ? I.callFunction(fn, args, kwargs) : I.codeOf(fn)(I, fn, args, kwargs));
  if (fn instanceof PyBound) {
    const m = fn.fn;
    if (m instanceof PyFunction) return yield* (m.node.nodeType === 'Lambda' ? I.callFunction(m, [fn.self, ...args], kwargs) : I.codeOf(m)(I, m, [fn.self, ...args], kwargs));
    return yield* I.call(m, [fn.self, ...args], kwargs);
  }
  if (fn instanceof PyBuiltin) {
    let r = fn.call(args, kwargs);
    if (isGen(r)) r = yield* r as Generator<never, unknown, unknown>;
    // The return from a call into non-Python code is a check point.
    I.check = true;
    return r;
  }
  if (fn instanceof PyClass) return yield* instantiate(I, fn, args, kwargs);
  if (fn instanceof PyInstance) {
    const c = fn.cls.lookup('__call__');
    if (c !== undefined) return yield* I.call(c, [fn, ...args], kwargs);
  }
  throw pyRaise('TypeError', `'${I.typeName(fn)}' object is not callable`);
}

/** `Cls(...)`: a new instance, initialised by `__init__` (or by the model for threadsim classes). */
function* instantiate(I: Interp, cls: PyClass, args: unknown[], kwargs: Map<string, unknown> | undefined): Generator<never, unknown, unknown> {
  const hostCls = cls.hostClass;
  if (hostCls === cls && cls.host !== undefined) {
    // A threadsim class called directly: the model object itself is the value.
    let r = cls.host.construct(undefined as unknown as PyInstance, args, kwargs);
    if (isGen(r)) r = yield* r as Generator<never, unknown, unknown>;
    I.check = true;
    return r;
  }
  const inst = new PyInstance(cls, I.label(cls.name));
  const init = cls.lookup('__init__');
  if (init instanceof PyFunction && init.node.nodeType !== 'Lambda') {
    yield* I.codeOf(init)(I, init, [inst, ...args], kwargs);
  } else if (init !== undefined) {
    yield* I.call(init, [inst, ...args], kwargs);
  } else if (hostCls !== undefined) {
    inst.host = hostCls.host!.construct(inst, args, kwargs);
  } else if (cls.isSubclassOf(BaseException)) {
    inst.dict.set('args', new PyTuple(args));
  } else if (args.length > 0 || (kwargs?.size ?? 0) > 0) {
    throw pyRaise('TypeError', `${cls.name}() takes no arguments`);
  }
  return inst;
}

/** `super()` with no arguments in frame `f`: its method's class and first argument. */
export function superOf(I: Interp, f: Frame): unknown {
  const owner = f.fn?.owner;
  if (owner === undefined || f.args0 === undefined) throw pyRaise('RuntimeError', 'super(): no arguments');
  return new PySuper(owner, f.args0);
}

/** The compiled code of program function `fn` (a lambda runs through {@link callFunction}'s interpreted path). */
export function codeOf(I: Interp, fn: PyFunction): CompiledFunction {
  if (fn.node.nodeType === 'Lambda') return LAMBDA;
  if (isGeneratorFunction(fn.node)) return GENERATOR_CALL;
  return compiledFunction(fn.node, SUPPORT, scopeOf(fn.node));
}

/** A call's frame, arguments bound as CPython binds them; function entry is a check point. Pair with `depth--`. */
export function enter(I: Interp, fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): Frame {
  const info = scopeOf(fn.node);
  const vars = new Map<string, unknown>();
  bind(I, fn, args, kwargs, vars);
  // The frame is named by the code (`wrapper`), not by `__name__` (which functools.wraps may have copied).
  const f = I.frame(vars, fn.scope, info, fn.node.nodeType === 'FunctionDef' ? String(fn.node.name) : fn.name, fn, args[0]);
  f.line = fn.node.lineno ?? 0;
  I.entries++;
  // Function entry (RESUME) is a check point.
  I.check = true;
  if (++I.depth > 900) {
    I.depth = 0;
    throw pyRaise('RecursionError', 'maximum recursion depth exceeded');
  }
  return f;
}

/** Call a program function: bind arguments as CPython does, run the body (compiled, or a lambda's expression). */
export function* callFunction(I: Interp, fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined): Generator<never, unknown, unknown> {
  if (fn.node.nodeType !== 'Lambda') return yield* I.codeOf(fn)(I, fn, args, kwargs);
  const f = I.enter(fn, args, kwargs);
  try {
    return yield* I.ev(fn.node.body as PyNode, f);
  } catch (e) {
    throw I.traced(e, f);
  } finally {
    I.depth--;
  }
}

/** A PyFunction or other callable as a thread target for the models: a named generator function. */
export function target(I: Interp, fn: unknown, kwargs?: Map<string, unknown>): (...args: unknown[]) => Steps<unknown> {
  const interp = I;
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
