/**
 * How threadsim's models appear to a `.py` program: each model class becomes a Python class
 * whose methods are builtins taking the model object first. A program's subclass of one
 * (`class Worker(threading.Thread)`) keeps the model object in its instance's `host`.
 */
import type { Steps } from '../../scheduler/ops.js';
import { bindArgs, type CallKind, type Param } from '../args.js';
import { pyRaise } from '../exceptions.js';
import { PyHostProperty, type Interp } from '../interp.js';
import { PyBuiltin, PyClass, PyFloat, PyInstance, PyModuleObject, PyTuple } from '../values.js';

type Kw = Map<string, unknown> | undefined;

/** The model object behind a value: itself, or a subclass instance's `host`. */
export function hostOf<T>(v: unknown, what: string): T {
  const h = v instanceof PyInstance ? v.host : v;
  if (h === undefined || h === null) throw pyRaise('RuntimeError', `${what}.__init__() was not called`);
  return h as T;
}

/** A Python number as seconds for a model (`0.1`, `2`), or null for None. */
export function seconds(v: unknown, what = 'timeout'): number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw pyRaise('TypeError', `'${what}' must be a real number, not ${typeof v === 'string' ? 'str' : 'object'}`);
}

/** A model's float result as a Python float. */
export function pyFloat(x: number): PyFloat {
  return new PyFloat(x);
}

/** A Python tuple or list as a JavaScript array (for `args=(...)`). */
export function items(v: unknown, what: string): unknown[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return [...(v as unknown[])];
  if (v instanceof PyTuple) return [...v.items];
  if (typeof v === 'object' && v !== null && 'items' in v && Array.isArray((v as { items: unknown }).items)) return [...(v as { items: unknown[] }).items];
  throw pyRaise('TypeError', `${what} must be a sequence`);
}

/** A method: its Python parameters (after self) and its body over the bound values. */
export interface MethodSpec {
  readonly params: readonly Param[];
  readonly run: (self: unknown, values: unknown[], extra: unknown[], kw: Kw) => unknown;
  /** Accept extra positional arguments (`submit(fn, *args)`). */
  readonly rest?: boolean;
  /** Accept any keywords (they reach `run` unbound). */
  readonly anyKw?: boolean;
}

/** Build a Python class for a model. `construct` makes the model object from bound arguments. */
export function modelClass(
  registry: Map<Function, PyClass>,
  name: string,
  module: string,
  model: Function | undefined,
  init: Omit<MethodSpec, 'run'> & {
    readonly construct: (self: PyInstance | undefined, values: unknown[], extra: unknown[], kw: Kw) => unknown;
    /** CPython implements the class in C (`lock`, `RLock`): its calls fail with the C argument parser's messages. */
    readonly native?: boolean;
    /** What a bad constructor call names (default `Name.__init__`, as CPython's Python classes). */
    readonly called?: string;
  },
  methods: Record<string, MethodSpec>,
  properties: Record<string, PyHostProperty> = {},
  base?: PyClass,
): PyClass {
  const dict = new Map<string, unknown>();
  const qual = `${name}`;
  const kind: CallKind = init.native === true ? 'c' : 'method';
  for (const [m, spec] of Object.entries(methods)) {
    const called = `${qual}.${m}`;
    dict.set(
      m,
      new PyBuiltin(m, (args, kw) => {
        const self = args[0];
        const { values, extra } = bindArgs(called, spec.params, args, spec.anyKw ? undefined : kw, spec.rest ?? false, 1, kind);
        return spec.run(self, values, extra, kw);
      }),
    );
  }
  for (const [p, prop] of Object.entries(properties)) dict.set(p, prop);
  const initName = init.called ?? `${name}.__init__`;
  const construct = (self: PyInstance | undefined, args: unknown[], kw: Kw): unknown => {
    const { values, extra } = bindArgs(initName, init.params, args, init.anyKw ? undefined : kw, init.rest ?? false, 0, kind);
    return init.construct(self, values, extra, kw);
  };
  // `super().__init__(...)` in a subclass builds the model object into the instance.
  dict.set(
    '__init__',
    new PyBuiltin('__init__', (args, kw) => {
      const self = args[0];
      if (self instanceof PyInstance) self.host = construct(self, args.slice(1), kw);
      return null;
    }),
  );
  const cls = new PyClass(name, base, dict, module, { construct: (self, args, kw) => construct(self, args, kw) });
  cls.native = init.native === true;
  if (model !== undefined) registry.set(model, cls);
  return cls;
}

/** `with obj:` support from acquire/release methods. */
export function contextMethods(enter: (self: unknown) => Steps<unknown> | unknown, exit: (self: unknown) => Steps<unknown> | unknown): Record<string, MethodSpec> {
  return {
    __enter__: { params: [], run: (self) => enter(self) },
    __exit__: { params: [], rest: true, run: (self) => exit(self) },
  };
}

/** A module object from its members. */
export function moduleOf(name: string, members: Record<string, unknown>): PyModuleObject {
  return new PyModuleObject(name, new Map(Object.entries(members)));
}

/** Run `g` and give back its result as the Python value `wrap` makes of it. */
export function* mapSteps<T, U>(g: Steps<T>, wrap: (x: T) => U): Steps<U> {
  return wrap(yield* g);
}

export type { Interp, Kw };
