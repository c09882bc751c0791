/**
 * Call binding: a program function's parameters bound to a call's positional and keyword
 * arguments as CPython binds them, with CPython's TypeError wording for a bad call.
 */
import type { PyNode } from './ast.js';
import { pyRaise } from './exceptions.js';
import type { Interp } from './interp.js';
import { PyDict, PyFunction, PyTuple } from './values.js';

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

/** Bind `args` and `kwargs` to `fn`'s parameters in `vars`, as CPython binds them (its TypeError for a bad call). */
export function bind(I: Interp, fn: PyFunction, args: unknown[], kwargs: Map<string, unknown> | undefined, vars: Map<string, unknown>): void {
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
  if (kwarg !== undefined) vars.set(kwarg, (extra = new PyDict(I.label('dict'))));
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
