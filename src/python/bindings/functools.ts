/**
 * `functools` for `.py` programs: partial (a thread target with bound arguments), wraps (a
 * `synchronized` decorator that keeps the function's name), reduce, lru_cache and cache.
 * Calling a partial or a cached function calls the function it holds as CPython's C wrappers
 * do. A cache is shared state (`lru_cache#1`): its lookup, its store after a miss,
 * `cache_info()` and `cache_clear()` are steps on it, each atomic as CPython's C code under the
 * GIL, so two threads that both miss both run the function, and exploration sees it.
 */
import { bindArgs, REQUIRED } from '../args.js';
import { pyRaise } from '../exceptions.js';
import { hashKey, numeric, PyHostProperty, type Interp } from '../interp.js';
import type { InterpRef } from '../builtins.js';
import { PyBound, PyBuiltin, PyClass, PyDict, PyFunction, PyInstance, PyTuple, type OwnRepr, type PyModuleObject } from '../values.js';
import { moduleOf, type Kw } from './host.js';

/** `functools.partial(func, *args, **keywords)`: callable wherever a function is (a thread target too). */
export class PyPartial extends PyBuiltin implements OwnRepr {
  constructor(
    readonly func: unknown,
    readonly args: readonly unknown[],
    readonly keywords: ReadonlyMap<string, unknown>,
    call: (args: unknown[], kw: Map<string, unknown> | undefined) => unknown,
  ) {
    super('partial', call);
  }
  reprItems(): readonly unknown[] {
    return [this.func, ...this.args, ...this.keywords.values()];
  }
  pyRepr(item: (v: unknown) => string): string {
    const parts = [item(this.func), ...this.args.map(item), ...[...this.keywords].map(([k, v]) => `${k}=${item(v)}`)];
    return `functools.partial(${parts.join(', ')})`;
  }
}

/** A function wrapped by `lru_cache` or `cache`. */
export class PyCached extends PyBuiltin {
  hits = 0;
  misses = 0;
  readonly cache = new Map<unknown, unknown>();
  constructor(
    readonly func: unknown,
    readonly maxsize: number | null,
    call: (args: unknown[], kw: Map<string, unknown> | undefined) => unknown,
    /** The cache as shared state in traces and analyses (`lru_cache#1`): threads that share the function share it. */
    readonly label: string,
  ) {
    super(nameOf(func), call);
  }
}

function nameOf(fn: unknown): string {
  return fn instanceof PyFunction || fn instanceof PyBuiltin || fn instanceof PyClass ? fn.name : 'function';
}

/** Build `functools`. */
export function functoolsModule(ref: InterpRef, registry: Map<Function, PyClass>): PyModuleObject {
  const I = (): Interp => ref.I;

  const partial = (args: unknown[], kw: Kw): PyPartial => {
    if (args.length === 0) throw pyRaise('TypeError', 'type \'partial\' takes at least one argument');
    const [fn, ...bound] = args;
    if (!isCallable(fn)) throw pyRaise('TypeError', 'the first argument must be callable');
    const keywords = new Map(kw ?? []);
    return new PyPartial(fn, bound, keywords, (more, moreKw) => {
      const merged = new Map(keywords);
      for (const [k, v] of moreKw ?? []) merged.set(k, v);
      return I().call(fn, [...bound, ...more], merged.size > 0 ? merged : undefined);
    });
  };
  const partialClass = new PyClass('partial', undefined, new Map<string, unknown>([
    ['func', new PyHostProperty((p) => (p as PyPartial).func)],
    ['args', new PyHostProperty((p) => new PyTuple((p as PyPartial).args))],
    [
      'keywords',
      new PyHostProperty((p) => {
        const d = new PyDict(I().label('dict'));
        for (const [k, v] of (p as PyPartial).keywords) d.set(k, v);
        return d;
      }),
    ],
  ]), 'functools.', { construct: (_self, args, kw) => partial(args, kw) });
  registry.set(PyPartial, partialClass);

  const cached = (fn: unknown, maxsize: number | null): PyCached => {
    if (!isCallable(fn)) throw pyRaise('TypeError', 'Expected first argument to be an integer, a callable, or None');
    // The cache is shared state: the lookup (with its hit or miss count) is one write step on it,
    // and storing a computed value another, as CPython's C wrapper does each under the GIL; the
    // call between them is the program's own code, so two threads can both miss.
    const c: PyCached = new PyCached(
      fn,
      maxsize,
      (args, kw) => {
        const key = hashKey(new PyTuple([...args, ...[...(kw ?? [])].flatMap(([k, v]) => [`kw:${k}`, v])]));
        for (const a of args) I().hashable(a);
        return (function* () {
          const found = (yield I().atomicWrite(c.label, 0, () => {
            if (!c.cache.has(key)) {
              c.misses++;
              return undefined;
            }
            c.hits++;
            const v = c.cache.get(key);
            // Refresh its place for the least-recently-used order.
            c.cache.delete(key);
            c.cache.set(key, v);
            return { v };
          }) as never) as { v: unknown } | undefined;
          if (found !== undefined) return found.v;
          const v = yield* I().call(fn, args, kw);
          yield I().atomicWrite(c.label, 0, () => {
            c.cache.set(key, v);
            if (c.maxsize !== null && c.cache.size > c.maxsize) c.cache.delete(c.cache.keys().next().value);
          }) as never;
          return v;
        })();
      },
      I().label('lru_cache'),
    );
    return c;
  };
  const cachedClass = new PyClass('_lru_cache_wrapper', undefined, new Map<string, unknown>([
    [
      'cache_clear',
      new PyBuiltin('cache_clear', (a) => {
        const c = a[0] as PyCached;
        return (function* () {
          yield ref.I.atomicWrite(c.label, 0, () => {
            c.cache.clear();
            c.hits = c.misses = 0;
          }) as never;
          return null;
        })();
      }),
    ],
    [
      'cache_info',
      new PyBuiltin('cache_info', (a) => {
        const c = a[0] as PyCached;
        return (function* () {
          return (yield ref.I.access('read', c.label, 0, () => new CacheInfo([c.hits, c.misses, c.maxsize, c.cache.size])) as never) as CacheInfo;
        })();
      }),
    ],
    ['__wrapped__', new PyHostProperty((c) => (c as PyCached).func)],
  ]), 'functools.');
  registry.set(PyCached, cachedClass);

  return moduleOf('functools', {
    partial: partialClass,
    reduce: new PyBuiltin('reduce', (args, kw) => {
      if (kw !== undefined && kw.size > 0) throw pyRaise('TypeError', 'reduce() takes no keyword arguments');
      if (args.length < 2 || args.length > 3) throw pyRaise('TypeError', `reduce expected at least 2 arguments, got ${args.length}`);
      const [fn, iterable] = args;
      return (function* () {
        const it = yield* I().iterStart(iterable, 0);
        let acc: unknown;
        let have = args.length === 3;
        if (have) acc = args[2];
        for (let r = yield* I().iterNext(it); r.done !== true; r = yield* I().iterNext(it)) {
          if (!have) {
            acc = r.value;
            have = true;
          } else acc = yield* I().call(fn, [acc, r.value], undefined);
        }
        if (!have) throw pyRaise('TypeError', 'reduce() of empty iterable with no initial value');
        return acc;
      })();
    }),
    wraps: new PyBuiltin('wraps', (args, kw) => {
      const { values } = bindArgs('wraps', [['wrapped', REQUIRED], ['assigned', null], ['updated', null]], args, kw);
      const wrapped = values[0];
      return new PyBuiltin('update_wrapper', (a) => {
        const wrapper = a[0];
        // `__name__` and `__qualname__` become the wrapped function's (so a thread named by its
        // target is named as in CPython); the frame of the wrapper's code keeps its own name.
        if (wrapper instanceof PyFunction && (wrapped instanceof PyFunction || wrapped instanceof PyBuiltin || wrapped instanceof PyClass)) {
          const qual = wrapped instanceof PyFunction ? wrapped.qualname : wrapped.name;
          return new PyFunction(wrapped.name, qual, wrapper.node, wrapper.scope, wrapper.defaults, wrapper.kwDefaults, wrapper.owner);
        }
        return wrapper;
      });
    }),
    lru_cache: new PyBuiltin('lru_cache', (args, kw) => {
      const first = args.length > 0 ? args[0] : kw?.has('maxsize') === true ? kw.get('maxsize') : 128;
      // `@lru_cache` on its own decorates at once; `@lru_cache(maxsize=...)` returns the decorator.
      if (isCallable(first) && args.length > 0) return cached(first, 128);
      const maxsize = first === null ? null : typeof first === 'number' ? Math.max(0, first) : 128;
      if (first !== null && typeof first !== 'number') throw pyRaise('TypeError', 'Expected first argument to be an integer, a callable, or None');
      return new PyBuiltin('decorating_function', (a) => cached(a[0], maxsize));
    }),
    cache: new PyBuiltin('cache', (args) => cached(args[0], null)),
    total_ordering: new PyBuiltin('total_ordering', (args) => totalOrdering(I(), args[0])),
    cmp_to_key: new PyBuiltin('cmp_to_key', (args) => cmpToKey(I(), args[0])),
  });
}

/** `CacheInfo(hits=..., misses=..., maxsize=..., currsize=...)`. */
class CacheInfo extends PyTuple implements OwnRepr {
  reprItems(): readonly unknown[] {
    return this.items;
  }
  pyRepr(item: (v: unknown) => string): string {
    const names = ['hits', 'misses', 'maxsize', 'currsize'];
    return `CacheInfo(${this.items.map((v, i) => `${names[i]!}=${item(v)}`).join(', ')})`;
  }
}

function isCallable(v: unknown): boolean {
  return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyClass || v instanceof PyBound || (v instanceof PyInstance && v.cls.lookup('__call__') !== undefined);
}

/** For each root CPython's `total_ordering` may pick (the greatest name defined), how each other comparison is made from it and `==`. */
const ORDERINGS: Record<string, Record<string, (root: boolean, eq: boolean) => boolean>> = {
  __lt__: { __gt__: (lt, eq) => !lt && !eq, __le__: (lt, eq) => lt || eq, __ge__: (lt) => !lt },
  __le__: { __ge__: (le, eq) => !le || eq, __lt__: (le, eq) => le && !eq, __gt__: (le) => !le },
  __gt__: { __lt__: (gt, eq) => !gt && !eq, __ge__: (gt, eq) => gt || eq, __le__: (gt) => !gt },
  __ge__: { __le__: (ge, eq) => !ge || eq, __gt__: (ge, eq) => ge && !eq, __lt__: (ge) => !ge },
};

/** `@total_ordering`: the comparisons a class lacks, from the one it defines (the first of `< <= > >=`) and `==`. */
function totalOrdering(I: Interp, cls: unknown): unknown {
  if (!(cls instanceof PyClass)) throw pyRaise('AttributeError', `'${I.typeName(cls)}' object has no attribute '__lt__'`);
  const rootName = Object.keys(ORDERINGS).find((n) => cls.lookup(n) !== undefined);
  if (rootName === undefined) throw pyRaise('ValueError', 'must define at least one ordering operation: < > <= >=');
  const root = cls.lookup(rootName);
  for (const [name, derive] of Object.entries(ORDERINGS[rootName]!)) {
    if (cls.lookup(name) !== undefined) continue;
    cls.dict.set(
      name,
      new PyBuiltin(name, (a) =>
        (function* () {
          const r = yield* I.truthy(yield* I.call(root, [a[0], a[1]], undefined));
          const eq = yield* I.compare('Eq', a[0], a[1]);
          return derive(r, eq);
        })(),
      ),
    );
  }
  return cls;
}

/** `cmp_to_key(cmp)`: a key whose objects compare by `cmp(a, b)`'s sign. */
function cmpToKey(I: Interp, cmp: unknown): PyBuiltin {
  const dict = new Map<string, unknown>();
  const K = new PyClass('functools.KeyWrapper', undefined, dict);
  const by = (name: string, test: (c: number) => boolean): void =>
    void dict.set(
      name,
      new PyBuiltin(name, (a) =>
        (function* () {
          const x = (a[0] as PyInstance).dict.get('obj');
          const y = a[1] instanceof PyInstance ? a[1].dict.get('obj') : a[1];
          const c = yield* I.call(cmp, [x, y], undefined);
          return test(numeric(c) ?? 0);
        })(),
      ),
    );
  by('__lt__', (c) => c < 0);
  by('__gt__', (c) => c > 0);
  by('__le__', (c) => c <= 0);
  by('__ge__', (c) => c >= 0);
  by('__eq__', (c) => c === 0);
  return new PyBuiltin('K', (a) => {
    const k = new PyInstance(K, I.label('functools.KeyWrapper'));
    k.dict.set('obj', a[0]);
    return k;
  });
}
