/**
 * Argument binding for functions threadsim implements, with CPython's TypeError messages, so
 * that `Thread(target, 1)` or `Lock().acquire(True, 1, 2)` fail as they do under CPython.
 */
import { pyRaise } from './exceptions.js';

/** Marks a parameter with no default. */
export const REQUIRED = Symbol('required');

/** One parameter: name and default; names after a `'*'` entry are keyword-only. */
export type Param = readonly [name: string, fallback: unknown] | '*';

/**
 * Bind `args` and `kwargs` to `params` as CPython binds a call to `name`. With `rest`, extra
 * positional arguments are returned in `extra` instead of raising.
 */
export function bindArgs(name: string, params: readonly Param[], args: readonly unknown[], kwargs: ReadonlyMap<string, unknown> | undefined, rest = false): { values: unknown[]; extra: unknown[] } {
  const star = params.indexOf('*');
  const positional = (star < 0 ? params : params.slice(0, star)) as (readonly [string, unknown])[];
  const all = params.filter((p): p is readonly [string, unknown] => p !== '*');
  const values: unknown[] = all.map(() => REQUIRED);
  const set: boolean[] = all.map(() => false);
  if (args.length > positional.length && !rest) {
    const required = positional.filter((p) => p[1] === REQUIRED).length;
    const takes = required === positional.length ? `${positional.length}` : `from ${required} to ${positional.length}`;
    throw pyRaise('TypeError', `${name}() takes ${takes} positional argument${positional.length === 1 && required === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
  }
  for (let i = 0; i < Math.min(args.length, positional.length); i++) {
    values[i] = args[i];
    set[i] = true;
  }
  if (kwargs !== undefined) {
    for (const [k, v] of kwargs) {
      const i = all.findIndex((p) => p[0] === k);
      if (i < 0) throw pyRaise('TypeError', `${name}() got an unexpected keyword argument '${k}'`);
      if (set[i]) throw pyRaise('TypeError', `${name}() got multiple values for argument '${k}'`);
      values[i] = v;
      set[i] = true;
    }
  }
  for (let i = 0; i < all.length; i++) {
    if (set[i]) continue;
    const [pname, fallback] = all[i]!;
    if (fallback === REQUIRED) {
      const kwOnly = star >= 0 && i >= star;
      throw pyRaise('TypeError', `${name}() missing 1 required ${kwOnly ? 'keyword-only' : 'positional'} argument: '${pname}'`);
    }
    values[i] = fallback;
  }
  return { values, extra: args.slice(positional.length) };
}
