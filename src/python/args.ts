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
 * How CPython reports a bad call, which depends on what implements the callee:
 * - `function`: a Python function (`current_thread()`), `name() takes 0 positional arguments but 1 was given`;
 * - `method`: a Python method (`Queue.qsize`, `Thread.__init__`): the same words, with `self`
 *   counted among the arguments taken and given;
 * - `c`: a function or method written in C (`lock.acquire`, `time.sleep`), in the words of its
 *   argument parser: `takes no arguments (1 given)`, `takes exactly one argument (2 given)`,
 *   `acquire() takes at most 2 arguments (3 given)`, `'x' is an invalid keyword argument for acquire()`.
 */
export type CallKind = 'function' | 'method' | 'c';

/** Marks a parameter no argument has bound yet. */
const UNSET = Symbol('unset');

/**
 * Bind `args` and `kwargs` to `params` as CPython binds a call to `name`. With `rest`, extra
 * positional arguments are returned in `extra` instead of raising. The positional arguments are
 * `args` from index `from` on (a method's after its `self`, without copying them).
 */
export function bindArgs(name: string, params: readonly Param[], args: readonly unknown[], kwargs: ReadonlyMap<string, unknown> | undefined, rest = false, from = 0, kind: CallKind = 'function'): { values: unknown[]; extra: unknown[] } {
  // Every call of a model method and builtin binds here, so this counts in loops instead of
  // building the parameter lists it reports on (they are needed only for an error).
  const star = params.indexOf('*');
  const npos = star < 0 ? params.length : star;
  const n = star < 0 ? params.length : params.length - 1;
  const given = args.length - from;
  if (kind === 'c') cCallCheck(name, params, npos, given, kwargs, rest);
  if (given > npos && !rest) {
    let required = 0;
    for (let i = 0; i < npos; i++) if ((params[i] as readonly [string, unknown])[1] === REQUIRED) required++;
    // A Python method's count includes `self`, in what it takes and in what it was given.
    const self = kind === 'method' ? 1 : 0;
    const takes = required === npos ? `${npos + self}` : `from ${required + self} to ${npos + self}`;
    const n = given + self;
    throw pyRaise('TypeError', `${name}() takes ${takes} positional argument${npos + self === 1 && required === npos ? '' : 's'} but ${n} ${n === 1 ? 'was' : 'were'} given`);
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

/**
 * The errors of a C function's argument parser (see {@link CallKind}), raised before binding. A
 * C function with no parameter or one required one takes no keywords (METH_NOARGS, METH_O);
 * one with optional parameters (`acquire(blocking=True, timeout=-1)`) takes them by name.
 */
function cCallCheck(name: string, params: readonly Param[], npos: number, given: number, kwargs: ReadonlyMap<string, unknown> | undefined, rest: boolean): void {
  let required = 0;
  for (let i = 0; i < npos; i++) if ((params[i] as readonly [string, unknown])[1] === REQUIRED) required++;
  const single = npos === 0 || (npos === 1 && required === 1);
  const short = name.slice(name.lastIndexOf('.') + 1);
  if (single && kwargs !== undefined && kwargs.size > 0) throw pyRaise('TypeError', `${name}() takes no keyword arguments`);
  if (rest) return;
  if (npos === 0 && given > 0) throw pyRaise('TypeError', `${name}() takes no arguments (${given} given)`);
  if (npos === 1 && required === 1 && given !== 1) throw pyRaise('TypeError', `${name}() takes exactly one argument (${given} given)`);
  if (!single && given > npos) throw pyRaise('TypeError', `${short}() takes at most ${npos} argument${npos === 1 ? '' : 's'} (${given} given)`);
  if (!single && kwargs !== undefined) {
    for (const k of kwargs.keys()) if (!params.some((p) => p !== '*' && p[0] === k)) throw pyRaise('TypeError', `'${k}' is an invalid keyword argument for ${short}()`);
  }
  // A required parameter among optional ones (`SimpleQueue.put(item, block=True, timeout=None)`):
  // the parser names it by position.
  for (let i = given; i < required; i++) {
    const pname = (params[i] as readonly [string, unknown])[0];
    if (kwargs === undefined || !kwargs.has(pname)) throw pyRaise('TypeError', `${short}() missing required argument '${pname}' (pos ${i + 1})`);
  }
}
