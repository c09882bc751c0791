/**
 * `def`, `lambda` and `class` statements: function objects with their defaults, annotations
 * (PEP 563 when postponed), decorators and closures; class objects from their bodies.
 */
import type { PyNode } from './ast.js';
import { pyRaise } from './exceptions.js';
import type { Frame, Interp } from './interp.js';
import { SLOW } from './signals.js';
import { PyClass, PyClassMethod, PyFunction, PyProperty, PyStatic, type Scope } from './values.js';

/** A def's annotation expressions, made once per node. */
const annotationsCache = new WeakMap<PyNode, readonly PyNode[]>();

function annotationNodes(s: PyNode): PyNode[] {
  const a = s.args as PyNode;
  const params = [...((a.posonlyargs as PyNode[] | undefined) ?? []), ...(a.args as PyNode[]), ...(a.vararg ? [a.vararg as PyNode] : []), ...(a.kwonlyargs as PyNode[]), ...(a.kwarg ? [a.kwarg as PyNode] : [])];
  const out = params.map((p) => p.annotation as PyNode | null | undefined).filter((x): x is PyNode => x !== null && x !== undefined);
  if (s.returns !== null && s.returns !== undefined) out.push(s.returns as PyNode);
  return out;
}

/**
 * A `def` with no defaults and no decorators, made without a generator (nothing in it can
 * take a step); SLOW for any other.
 */
export function functionQuick(I: Interp, s: PyNode, f: Frame): unknown {
  const args = s.args as PyNode;
  if ((args.defaults as PyNode[]).length > 0 || (args.kw_defaults as (PyNode | null)[]).some((d) => d) || ((s.decorator_list as PyNode[] | undefined)?.length ?? 0) > 0 || annotationsOf(I, s).length > 0) return SLOW;
  return newFunction(I, s, f, [], new Map());
}

function newFunction(I: Interp, s: PyNode, f: Frame, defaults: unknown[], kwDefaults: Map<string, unknown>): PyFunction {
  const name = s.nodeType === 'Lambda' ? '<lambda>' : String(s.name);
  return new PyFunction(name, qualnameIn(f, name), s, closureOf(I, f), defaults, kwDefaults, undefined);
}

/** CPython's `__qualname__` of something named `name` defined in frame `f` (`f.<locals>.g`, `A.B.m`). */
function qualnameIn(f: Frame, name: string): string {
  if (f.fn !== undefined) return `${f.fn.qualname}.<locals>.${name}`;
  if (!f.name.startsWith('class ')) return name;
  const outer = f.vars.get('__qualname__');
  return `${typeof outer === 'string' ? outer : f.name.slice(6)}.${name}`;
}

/** The docstring of a `def` or `class` body (its first statement, when a string literal), or None. */
export function docstringOf(body: readonly PyNode[]): string | null {
  const first = body[0];
  if (first?.nodeType !== 'Expr') return null;
  const v = (first.value as PyNode).value;
  return (first.value as PyNode).nodeType === 'Constant' && typeof v === 'string' ? v : null;
}

/** A `def` or `lambda`: its defaults and annotations evaluated, then its decorators applied (innermost first). */
export function* defineFunction(I: Interp, s: PyNode, f: Frame): Generator<never, unknown, unknown> {
  const args = s.args as PyNode;
  const defaults: unknown[] = [];
  for (const d of args.defaults as PyNode[]) defaults.push(yield* I.ev(d, f));
  const kwDefaults = new Map<string, unknown>();
  const kwonly = args.kwonlyargs as PyNode[];
  const kwd = args.kw_defaults as (PyNode | null)[];
  for (let i = 0; i < kwonly.length; i++) if (kwd[i]) kwDefaults.set(String(kwonly[i]!.arg), yield* I.ev(kwd[i]!, f));
  // CPython 3.11 evaluates a function's annotations when the def runs (type hints need their names).
  for (const a of annotationsOf(I, s)) yield* I.ev(a, f);
  let fn: unknown = newFunction(I, s, f, defaults, kwDefaults);
  const decorators = (s.decorator_list as PyNode[] | undefined) ?? [];
  for (let i = decorators.length - 1; i >= 0; i--) {
    const d = yield* I.ev(decorators[i]!, f);
    fn = yield* I.call(d, [fn], undefined);
  }
  return fn;
}

/** The source text of a one-line expression (a postponed annotation). */
export function sourceOf(I: Interp, n: PyNode): string {
  const line = I.mod.lines[(n.lineno ?? 1) - 1] ?? '';
  return n.lineno === n.end_lineno ? line.slice(n.col_offset, n.end_col_offset) : line.slice(n.col_offset);
}

/** The annotations a def evaluates, in CPython's order (parameters, then the return), none when they are postponed. */
function annotationsOf(I: Interp, s: PyNode): readonly PyNode[] {
  if (s.nodeType === 'Lambda' || I.postponedAnnotations) return [];
  let out = annotationsCache.get(s);
  if (out === undefined) annotationsCache.set(s, (out = annotationNodes(s)));
  return out;
}

/** The closure a function defined in frame `f` captures. */
export function closureOf(I: Interp, f: Frame): Scope | undefined {
  if (f.info !== undefined) return { vars: f.vars, parent: f.scope, locals: f.info.locals };
  if (f.outer !== undefined) return closureOf(I, f.outer);
  return undefined;
}

/** A `class` statement: its base, its body run in a class frame, CPython's `__hash__ = None` beside `__eq__`, then its decorators. */
export function* defineClass(I: Interp, s: PyNode, f: Frame): Generator<never, unknown, unknown> {
  const bases = s.bases as PyNode[];
  let base: PyClass | undefined;
  if (bases.length > 0) {
    const b = yield* I.ev(bases[0]!, f);
    if (!(b instanceof PyClass)) throw pyRaise('TypeError', `class ${String(s.name)}: base is not a class`);
    base = b.name === 'object' && b.module === '' && b.dict.size === 0 ? undefined : b;
  }
  // CPython's class namespace starts with __module__ and __qualname__; the body's docstring is __doc__.
  const dict = new Map<string, unknown>([
    ['__module__', I.globals.get('__name__') ?? '__main__'],
    ['__qualname__', qualnameIn(f, String(s.name))],
    ['__doc__', docstringOf(s.body as PyNode[])],
  ]);
  const cls = new PyClass(String(s.name), base, dict);
  cls.keyOps = I.keyOps;
  // Set again after the body has run (it may define __setattr__); dataclasses set it too.
  cls.setattrHook = base?.setattrHook ?? false;
  const cf = I.frame(dict, undefined, undefined, `class ${String(s.name)}`, undefined, undefined, f);
  yield* I.block(s.body as PyNode[], cf);
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
  for (let i = decorators.length - 1; i >= 0; i--) out = yield* I.call(yield* I.ev(decorators[i]!, f), [out], undefined);
  return out;
}
