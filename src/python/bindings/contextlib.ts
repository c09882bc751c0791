/**
 * `contextlib` for `.py` programs: `contextmanager` over a generator function (a `locked()`
 * helper that acquires, yields and releases in `finally`), `suppress`, `nullcontext` and
 * `closing`. The generator runs as any generator does (its resumes are steps on it, its body's
 * accesses are the entering thread's), and the `with` statement's exception is thrown into it
 * at its `yield`, as CPython's `_GeneratorContextManager` does.
 */
import { pyRaise, pyValueOf, raiseable } from '../exceptions.js';
import { PyGenerator } from '../generator.js';
import type { Interp } from '../interp.js';
import type { InterpRef } from '../builtins.js';
import { PyBuiltin, PyClass, PyInstance, PyTuple, type PyModuleObject } from '../values.js';
import { moduleOf } from './host.js';

/** What `@contextmanager`'s function returns when called: the context manager over its generator. */
export class PyGeneratorContext {
  constructor(readonly gen: PyGenerator) {}
}

/** `suppress(*exceptions)`. */
export class PySuppress {
  constructor(readonly classes: readonly unknown[]) {}
}

/**
 * `issubclass(typ, spec)` for a tuple `spec` as CPython checks it: item by item (nested tuples
 * too), true at the first class `typ` derives from, and TypeError at the first item that is
 * not a class, even when a later item would have matched.
 */
function suppresses(typ: PyClass, spec: readonly unknown[]): boolean {
  return spec.some((c) => {
    if (c instanceof PyTuple) return suppresses(typ, c.items);
    if (!(c instanceof PyClass)) throw pyRaise('TypeError', 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
    return typ.isSubclassOf(c);
  });
}

/** `nullcontext(enter_result)` and `closing(thing)`. */
export class PyPlainContext {
  constructor(
    readonly value: unknown,
    /** Call `value.close()` on exit (`closing`). */
    readonly closes: boolean,
  ) {}
}

/** Build `contextlib`. */
export function contextlibModule(ref: InterpRef, registry: Map<Function, PyClass>): PyModuleObject {
  const I = (): Interp => ref.I;
  const cls = (name: string, methods: Record<string, (args: unknown[]) => unknown>): PyClass =>
    new PyClass(name, undefined, new Map(Object.entries(methods).map(([k, f]) => [k, new PyBuiltin(k, (a) => f(a))])), 'contextlib.');

  const generatorContext = cls('_GeneratorContextManager', {
    __enter__: (a) =>
      (function* () {
        const r = yield* (a[0] as PyGeneratorContext).gen.resume(null, undefined);
        if (r.done === true) throw pyRaise('RuntimeError', "generator didn't yield");
        return r.value;
      })(),
    __exit__: (a) =>
      (function* () {
        const gen = (a[0] as PyGeneratorContext).gen;
        const val = a[2];
        if (a[1] === null || a[1] === undefined) {
          const r = yield* gen.resume(null, undefined);
          if (r.done !== true) throw pyRaise('RuntimeError', "generator didn't stop");
          return false;
        }
        const inst = val as PyInstance;
        const args = inst.dict.get('args');
        const items = args instanceof PyTuple ? args.items : [];
        const thrown = raiseable(inst, items.length === 1 ? I().strSync(items[0]) : items.length === 0 ? '' : I().strSync(args));
        try {
          const r = yield* gen.resume(undefined, thrown);
          if (r.done !== true) throw pyRaise('RuntimeError', "generator didn't stop after throw()");
          // The generator caught the exception and finished: it is suppressed.
          return true;
        } catch (e) {
          if (I().uncatchable(e)) throw e;
          // The same exception coming back out: the with statement re-raises its own.
          if (pyValueOf(e, I().strOf) === inst) return false;
          throw e;
        }
      })(),
  });
  registry.set(PyGeneratorContext, generatorContext);

  const suppress = new PyClass(
    'suppress',
    undefined,
    new Map<string, unknown>([
      ['__enter__', new PyBuiltin('__enter__', () => null)],
      [
        '__exit__',
        new PyBuiltin('__exit__', (a) => {
          const typ = a[1];
          if (!(typ instanceof PyClass)) return false;
          // CPython's suppress checks `issubclass(exctype, self._exceptions)` at exit, not at
          // construction: `suppress(5)` is made, and fails only when an exception reaches it.
          return suppresses(typ, (a[0] as PySuppress).classes);
        }),
      ],
    ]),
    'contextlib.',
    { construct: (_self, args) => new PySuppress(args) },
  );
  registry.set(PySuppress, suppress);

  const plain = (name: string, closes: boolean): PyClass => {
    const c = new PyClass(
      name,
      undefined,
      new Map<string, unknown>([
        ['__enter__', new PyBuiltin('__enter__', (a) => (a[0] as PyPlainContext).value)],
        [
          '__exit__',
          new PyBuiltin('__exit__', (a) =>
            (function* () {
              const ctx = a[0] as PyPlainContext;
              if (ctx.closes) yield* I().call(yield* I().getAttr(ctx.value, 'close', 0), [], undefined);
              return false;
            })(),
          ),
        ],
      ]),
      'contextlib.',
      { construct: (_self, args) => new PyPlainContext(args[0] ?? null, closes) },
    );
    return c;
  };
  const nullcontext = plain('nullcontext', false);
  const closing = plain('closing', true);
  // One JavaScript class serves both: the registry maps it to nullcontext (what `type()` shows for the commoner one).
  registry.set(PyPlainContext, nullcontext);

  return moduleOf('contextlib', {
    contextmanager: new PyBuiltin('contextmanager', (args) => {
      const fn = args[0];
      return new PyBuiltin(typeof (fn as { name?: unknown }).name === 'string' ? (fn as { name: string }).name : 'helper', (a, kw) =>
        (function* () {
          const g = yield* I().call(fn, a, kw);
          if (!(g instanceof PyGenerator)) throw pyRaise('TypeError', `'${I().typeName(g)}' object is not an iterator`);
          return new PyGeneratorContext(g);
        })(),
      );
    }),
    suppress,
    nullcontext,
    closing,
    AbstractContextManager: new PyClass('AbstractContextManager', undefined, new Map(), 'contextlib.'),
  });
}


