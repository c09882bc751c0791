/**
 * Compile-time scoping, as CPython decides it: the names a function assigns are its locals
 * unless declared `global` or `nonlocal`. Computed once per function node and cached.
 */
import type { PyNode } from './ast.js';
import { forEachNode } from './walk.js';

/** A function's (or lambda's) names by kind. */
export interface ScopeInfo {
  readonly locals: ReadonlySet<string>;
  readonly globals: ReadonlySet<string>;
  readonly nonlocals: ReadonlySet<string>;
}

const cache = new WeakMap<PyNode, ScopeInfo>();

/** The scope of function node `fn` (FunctionDef or Lambda). */
export function scopeOf(fn: PyNode): ScopeInfo {
  let info = cache.get(fn);
  if (info !== undefined) return info;
  const locals = new Set<string>();
  const globals = new Set<string>();
  const nonlocals = new Set<string>();
  const args = fn.args as PyNode;
  for (const field of ['posonlyargs', 'args', 'kwonlyargs']) for (const a of (args[field] as PyNode[]) ?? []) locals.add(String(a.arg));
  for (const field of ['vararg', 'kwarg']) {
    const a = args[field] as PyNode | null | undefined;
    if (a) locals.add(String(a.arg));
  }
  const body = fn.nodeType === 'Lambda' ? [] : (fn.body as PyNode[]);
  collect(body, locals, globals, nonlocals);
  walrusTargets(fn.nodeType === 'Lambda' ? fn.body : body, locals);
  for (const g of globals) locals.delete(g);
  for (const n of nonlocals) locals.delete(n);
  info = { locals, globals, nonlocals };
  cache.set(fn, info);
  return info;
}

/** Names bound by assignment targets. */
export function targetNames(t: PyNode, out: Set<string>): void {
  switch (t.nodeType) {
    case 'Name':
      out.add(String(t.id));
      break;
    case 'Tuple':
    case 'List':
      for (const e of t.elts as PyNode[]) targetNames(e, out);
      break;
    case 'Starred':
      targetNames(t.value as PyNode, out);
      break;
  }
}

function collect(stmts: readonly PyNode[], locals: Set<string>, globals: Set<string>, nonlocals: Set<string>): void {
  for (const s of stmts) {
    switch (s.nodeType) {
      case 'Global':
        for (const n of s.names as string[]) globals.add(n);
        break;
      case 'Nonlocal':
        for (const n of s.names as string[]) nonlocals.add(n);
        break;
      case 'FunctionDef':
      case 'ClassDef':
        locals.add(String(s.name));
        continue;
      case 'Assign':
        for (const t of s.targets as PyNode[]) targetNames(t, locals);
        break;
      case 'AugAssign':
      case 'AnnAssign':
        targetNames(s.target as PyNode, locals);
        break;
      case 'Delete':
        // `del x` makes x local, as an assignment does.
        for (const t of s.targets as PyNode[]) targetNames(t, locals);
        break;
      case 'For':
        targetNames(s.target as PyNode, locals);
        break;
      case 'With':
        for (const item of s.items as PyNode[]) if (item.optional_vars) targetNames(item.optional_vars as PyNode, locals);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names as PyNode[]) locals.add(String(a.asname ?? (a.name as string).split('.')[0]));
        break;
      case 'Try':
        for (const h of s.handlers as PyNode[]) {
          if (h.name) locals.add(String(h.name));
          collect(h.body as PyNode[], locals, globals, nonlocals);
        }
        break;
    }
    for (const field of ['body', 'orelse', 'finalbody']) {
      const sub = s[field];
      if (Array.isArray(sub)) collect(sub as PyNode[], locals, globals, nonlocals);
    }
  }
}

/**
 * Names bound by `:=` in `root`, the body of one scope: CPython binds them in that scope, even
 * inside a comprehension (PEP 572), but not inside a nested function, lambda or class.
 */
function walrusTargets(root: unknown, out: Set<string>): void {
  forEachNode(root, (n) => {
    if (n.nodeType === 'NamedExpr') targetNames(n.target as PyNode, out);
    // A nested scope's own body binds in that scope; its defaults and decorators are evaluated here.
    if (n.nodeType === 'FunctionDef' || n.nodeType === 'AsyncFunctionDef' || n.nodeType === 'Lambda') {
      const a = n.args as PyNode;
      return [a.defaults, a.kw_defaults, n.decorator_list];
    }
    if (n.nodeType === 'ClassDef') return [n.bases, n.keywords, n.decorator_list];
    return undefined;
  });
}

const generators = new WeakMap<PyNode, boolean>();
const NOTHING: readonly unknown[] = [];

/** Whether function node `fn` is a generator function: its own body (not a nested scope's) has `yield` or `yield from`. */
export function isGeneratorFunction(fn: PyNode): boolean {
  let g = generators.get(fn);
  if (g !== undefined) return g;
  let found = false;
  forEachNode(fn.body, (n) => {
    if (n.nodeType === 'Yield' || n.nodeType === 'YieldFrom') found = true;
    // A nested scope's yield makes that scope a generator, not this one.
    return found || n.nodeType === 'FunctionDef' || n.nodeType === 'AsyncFunctionDef' || n.nodeType === 'Lambda' || n.nodeType === 'ClassDef' ? NOTHING : undefined;
  });
  g = found;
  generators.set(fn, g);
  return g;
}

const globalsCache = new WeakMap<readonly PyNode[], ReadonlySet<string>>();

/** Every name some function declares `global`: the module's shared mutable globals (computed once per tree). */
export function declaredGlobals(body: readonly PyNode[]): ReadonlySet<string> {
  const cached = globalsCache.get(body);
  if (cached !== undefined) return cached;
  const out = new Set<string>();
  globalsCache.set(body, out);
  forEachNode(body, (n) => {
    if (n.nodeType === 'Global') for (const g of n.names as string[]) out.add(g);
  });
  return out;
}
