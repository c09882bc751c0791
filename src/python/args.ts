/**
 * Argument binding for functions threadsim implements, with CPython's TypeError messages, so
 * that `Thread(target, 1)` or `Lock().acquire(True, 1, 2)` fail as they do under CPython.
 */
import { pyRaise } from './exceptions.js';

/** Marks a parameter with no default. */
export const REQUIRED = Symbol('required');

/** One parameter: name and default; names after a `'*'` entry are keyword-only. */
export type Param = readonly [name: string, fallback: unknown] | '*';

/** Marks a parameter no argument has bound yet. */
const UNSET = Symbol('unset');

/**
 * Bind `args` and `kwargs` to `params` as CPython binds a call to `name`. With `rest`, extra
 * positional arguments are returned in `extra` instead of raising. The positional arguments are
 * `args` from index `from` on (a method's after its `self`, without copying them).
 */
export function bindArgs(name: string, params: readonly Param[], args: readonly unknown[], kwargs: ReadonlyMap<string, unknown> | undefined, rest = false, from = 0): { values: unknown[]; extra: unknown[] } {
  // Every call of a model method and builtin binds here, so this counts in loops instead of
  // building the parameter lists it reports on (they are needed only for an error).
  const star = params.indexOf('*');
  const npos = star < 0 ? params.length : star;
  const n = star < 0 ? params.length : params.length - 1;
  const given = args.length - from;
  if (given > npos && !rest) {
    let required = 0;
    for (let i = 0; i < npos; i++) if ((params[i] as readonly [string, unknown])[1] === REQUIRED) required++;
    const takes = required === npos ? `${npos}` : `from ${required} to ${npos}`;
    throw pyRaise('TypeError', `${name}() takes ${takes} positional argument${npos === 1 && required === 1 ? '' : 's'} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  const values: unknown[] = new Array<unknown>(n).fill(UNSET);
  const bound = Math.min(given, npos);
  for (let i = 0; i < bound; i++) values[i] = args[from + i];
  if (kwargs !== undefined) {
    for (const [k, v] of kwargs) {
      let i = -1;
      for (let p = 0, j = 0; p < params.length; p++) {
        const param = params[p]!;
        if (param === '*') continue;
        if (param[0] === k) {
          i = j;
          break;
        }
        j++;
      }
      if (i < 0) throw pyRaise('TypeError', `${name}() got an unexpected keyword argument '${k}'`);
      if (values[i] !== UNSET) throw pyRaise('TypeError', `${name}() got multiple values for argument '${k}'`);
      values[i] = v;
    }
  }
  for (let i = 0; i < n; i++) {
    if (values[i] !== UNSET) continue;
    const [pname, fallback] = params[star >= 0 && i >= star ? i + 1 : i] as readonly [string, unknown];
    if (fallback === REQUIRED) {
      const kwOnly = star >= 0 && i >= star;
      throw pyRaise('TypeError', `${name}() missing 1 required ${kwOnly ? 'keyword-only' : 'positional'} argument: '${pname}'`);
    }
    values[i] = fallback;
  }
  return { values, extra: given > npos ? args.slice(from + npos) : [] };
}
