/**
 * `itertools` for `.py` programs. Each is lazy where CPython's is: an item is made when the
 * consumer pulls it, pulling from its inputs only as far as CPython does (so `count()` and
 * `cycle()` are endless, and `islice` over a generator runs the generator no further than
 * CPython would). Reading a list they were given is that list's step, taken when the iterator
 * is made, as for a `for` loop. An iterator is shared state of its own (`count#1`): each pull
 * starts with a write step on it, so threads that share one (`next(ids)` on a shared
 * `count()`) are ordered by exploration; the pull's own work runs right after that step,
 * before the thread's next step, so it is atomic as CPython's C `__next__` is.
 */
import { bindArgs, REQUIRED } from '../args.js';
import { pyRaise } from '../exceptions.js';
import { drain, numeric, PyStepIterator, type Interp } from '../interp.js';
import type { InterpRef } from '../builtins.js';
import { PyBuiltin, PyClass, PyTuple, type PyModuleObject } from '../values.js';
import { moduleOf, type Kw } from './host.js';

type Next = Generator<never, IteratorResult<unknown>, unknown>;
type Source = Iterator<unknown> | PyStepIterator;

const DONE: IteratorResult<unknown> = { done: true, value: undefined };
const item = (value: unknown): IteratorResult<unknown> => ({ done: false, value });

/** An int or bool as CPython's `PyNumber_AsSsize_t` reads it; undefined for anything else (where CPython gets -1 and an error it clears). */
const ssize = (v: unknown): number | undefined => (typeof v === 'number' || typeof v === 'boolean' ? Number(v) : undefined);

const BAD_STOP = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.';

/**
 * `islice(it, stop)` or `islice(it, start, stop[, step])`'s bounds (a None stop is Infinity),
 * checked in the order of CPython 3.11's islice_new, so a bad call gets its ValueError: a
 * stop that is not an int, or is -1, is the stop's error; a negative start or a stop below -1
 * is the indices' error; a step that is not a positive int is the step's.
 */
function isliceBounds(args: readonly unknown[]): [number, number, number] {
  let start = 0;
  let stop = -1;
  let step = 1;
  const [, a1, a2, a3] = args;
  if (args.length === 2) {
    if (a1 !== null && (stop = ssize(a1) ?? -1) === -1) throw pyRaise('ValueError', BAD_STOP);
  } else {
    if (a1 !== null) start = ssize(a1) ?? -1;
    if (a2 !== null && (stop = ssize(a2) ?? -1) === -1) throw pyRaise('ValueError', BAD_STOP);
  }
  if (start < 0 || stop < -1) throw pyRaise('ValueError', 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
  if (a3 !== undefined && a3 !== null) step = ssize(a3) ?? -1;
  if (step < 1) throw pyRaise('ValueError', 'Step for islice() must be a positive integer or None.');
  return [start, stop === -1 ? Infinity : stop, step];
}

/** Build `itertools`. */
export function itertoolsModule(ref: InterpRef): PyModuleObject {
  const I = (): Interp => ref.I;
  const lazy = (next: () => Next, name = 'iterator'): PyStepIterator => {
    const label = I().label(name);
    return new PyStepIterator(function* () {
      yield I().atomicWrite(label, 0, () => undefined) as never;
      return yield* next();
    }, false);
  };
  const open = function* (v: unknown): Generator<never, Source, unknown> {
    return yield* I().iterStart(v, 0);
  };
  const pull = (it: Source): Next => I().iterNext(it);
  const all = function* (v: unknown): Generator<never, unknown[], unknown> {
    return drain(yield* I().iterate(v, 0));
  };
  const fn = (name: string, f: (args: unknown[], kw: Kw) => unknown): PyBuiltin => new PyBuiltin(name, f);
  /** A finite result made from whole inputs (CPython's product, permutations and combinations read theirs first). */
  const tuples = (rows: unknown[][]): PyStepIterator => {
    let i = 0;
    return lazy(function* () {
      return i < rows.length ? item(new PyTuple(rows[i++]!)) : DONE;
    });
  };

  return moduleOf('itertools', {
    count: fn('count', (args, kw) => {
      const { values } = bindArgs('count', [['start', 0], ['step', 1]], args, kw);
      let n = values[0];
      const step = values[1];
      return lazy(function* () {
        const v = n;
        n = yield* I().binary('Add', n, step, false);
        return item(v);
      }, 'count');
    }),
    repeat: fn('repeat', (args, kw) => {
      const { values } = bindArgs('repeat', [['object', REQUIRED], ['times', null]], args, kw);
      let left = values[1] === null ? Infinity : Math.max(0, numeric(values[1]) ?? 0);
      return lazy(function* () {
        return left-- > 0 ? item(values[0]) : DONE;
      });
    }),
    cycle: fn('cycle', (args) =>
      (function* () {
        const src = yield* open(args[0]);
        const saved: unknown[] = [];
        let i = -1;
        return lazy(function* () {
          if (i < 0) {
            const r = yield* pull(src);
            if (r.done !== true) {
              saved.push(r.value);
              return r;
            }
            if (saved.length === 0) return DONE;
            i = 0;
          }
          const v = saved[i]!;
          i = (i + 1) % saved.length;
          return item(v);
        });
      })(),
    ),
    islice: fn('islice', (args, kw) =>
      (function* () {
        if (kw !== undefined && kw.size > 0) throw pyRaise('TypeError', 'islice() takes no keyword arguments');
        if (args.length < 2) throw pyRaise('TypeError', `islice expected at least 2 arguments, got ${args.length}`);
        if (args.length > 4) throw pyRaise('TypeError', `islice expected at most 4 arguments, got ${args.length}`);
        // The bounds are checked before the iterable is opened, as CPython's islice_new does.
        const [start, stop, step] = isliceBounds(args);
        const src = yield* open(args[0]);
        let next = start;
        let i = 0;
        return lazy(function* () {
          if (next >= stop) return DONE;
          for (;;) {
            const r = yield* pull(src);
            if (r.done === true) {
              next = stop;
              return DONE;
            }
            if (i++ === next) {
              next += step;
              return r;
            }
          }
        });
      })(),
    ),
    chain: chainOf(),
    product: fn('product', (args, kw) =>
      (function* () {
        const repeat = kw?.get('repeat') ?? 1;
        if ((numeric(repeat) ?? 1) < 0) throw pyRaise('ValueError', 'repeat argument cannot be negative');
        const pools: unknown[][] = [];
        for (const a of args) pools.push(yield* all(a));
        const all2 = Array.from({ length: Math.max(0, numeric(repeat) ?? 1) }, () => pools).flat();
        let rows: unknown[][] = [[]];
        for (const pool of all2) rows = rows.flatMap((r) => pool.map((x) => [...r, x]));
        return tuples(rows);
      })(),
    ),
    permutations: fn('permutations', (args, kw) =>
      (function* () {
        const { values } = bindArgs('permutations', [['iterable', REQUIRED], ['r', null]], args, kw);
        const pool = yield* all(values[0]);
        const r = values[1] === null ? pool.length : (numeric(values[1]) ?? 0);
        if (r < 0) throw pyRaise('ValueError', 'r must be non-negative');
        const rows: unknown[][] = [];
        const walk = (picked: number[]): void => {
          if (picked.length === r) {
            rows.push(picked.map((i) => pool[i]));
            return;
          }
          for (let i = 0; i < pool.length; i++) if (!picked.includes(i)) walk([...picked, i]);
        };
        if (r <= pool.length) walk([]);
        return tuples(rows);
      })(),
    ),
    combinations: fn('combinations', (args, kw) =>
      (function* () {
        const { values } = bindArgs('combinations', [['iterable', REQUIRED], ['r', REQUIRED]], args, kw);
        const pool = yield* all(values[0]);
        const r = numeric(values[1]) ?? 0;
        if (r < 0) throw pyRaise('ValueError', 'r must be non-negative');
        const rows: unknown[][] = [];
        const walk = (from: number, picked: number[]): void => {
          if (picked.length === r) {
            rows.push(picked.map((i) => pool[i]));
            return;
          }
          for (let i = from; i < pool.length; i++) walk(i + 1, [...picked, i]);
        };
        walk(0, []);
        return tuples(rows);
      })(),
    ),
    zip_longest: fn('zip_longest', (args, kw) =>
      (function* () {
        const fill = kw?.get('fillvalue') ?? null;
        const srcs: (Source | undefined)[] = [];
        for (const a of args) srcs.push(yield* open(a));
        return lazy(function* () {
          const out: unknown[] = [];
          let live = 0;
          for (let i = 0; i < srcs.length; i++) {
            const s = srcs[i];
            if (s === undefined) {
              out.push(fill);
              continue;
            }
            const r = yield* pull(s);
            if (r.done === true) {
              srcs[i] = undefined;
              out.push(fill);
            } else {
              live++;
              out.push(r.value);
            }
          }
          return live === 0 ? DONE : item(new PyTuple(out));
        });
      })(),
    ),
    accumulate: fn('accumulate', (args, kw) =>
      (function* () {
        const { values } = bindArgs('accumulate', [['iterable', REQUIRED], ['func', null], '*', ['initial', null]], args, kw);
        const src = yield* open(values[0]);
        const f = values[1];
        let acc: unknown = values[2];
        let started = values[2] !== null;
        let first = started;
        return lazy(function* () {
          if (first) {
            first = false;
            return item(acc);
          }
          const r = yield* pull(src);
          if (r.done === true) return DONE;
          if (!started) {
            started = true;
            acc = r.value;
          } else acc = f === null ? yield* I().binary('Add', acc, r.value, false) : yield* I().call(f, [acc, r.value], undefined);
          return item(acc);
        });
      })(),
    ),
    groupby: fn('groupby', (args, kw) =>
      (function* () {
        const { values } = bindArgs('groupby', [['iterable', REQUIRED], ['key', null]], args, kw);
        const src = yield* open(values[0]);
        const keyOf = function* (x: unknown): Generator<never, unknown, unknown> {
          return values[1] === null ? x : yield* I().call(values[1], [x], undefined);
        };
        let pending: [unknown, unknown] | undefined;
        let ended = false;
        return lazy(function* () {
          if (pending === undefined && !ended) {
            const r = yield* pull(src);
            if (r.done === true) ended = true;
            else pending = [yield* keyOf(r.value), r.value];
          }
          if (pending === undefined) return DONE;
          // The group is gathered as the groupby advances past it (a group read after the
          // next one has been taken still has its items, unlike CPython's).
          const [k, first] = pending;
          const group = [first];
          pending = undefined;
          for (;;) {
            const r = yield* pull(src);
            if (r.done === true) {
              ended = true;
              break;
            }
            const k2 = yield* keyOf(r.value);
            if (!(yield* I().compare('Eq', k2, k))) {
              pending = [k2, r.value];
              break;
            }
            group.push(r.value);
          }
          let i = 0;
          return item(new PyTuple([k, lazy(function* () {
            return i < group.length ? item(group[i++]) : DONE;
          })]));
        });
      })(),
    ),
    starmap: fn('starmap', (args) =>
      (function* () {
        const src = yield* open(args[1]);
        return lazy(function* () {
          const r = yield* pull(src);
          if (r.done === true) return DONE;
          return item(yield* I().call(args[0], yield* all(r.value), undefined));
        });
      })(),
    ),
    takewhile: fn('takewhile', (args) =>
      (function* () {
        const src = yield* open(args[1]);
        let stopped = false;
        return lazy(function* () {
          if (stopped) return DONE;
          const r = yield* pull(src);
          if (r.done === true || !(yield* I().truthy(yield* I().call(args[0], [r.value], undefined)))) {
            stopped = true;
            return DONE;
          }
          return r;
        });
      })(),
    ),
    dropwhile: fn('dropwhile', (args) =>
      (function* () {
        const src = yield* open(args[1]);
        let dropping = true;
        return lazy(function* () {
          for (;;) {
            const r = yield* pull(src);
            if (r.done === true || !dropping) return r;
            if (!(yield* I().truthy(yield* I().call(args[0], [r.value], undefined)))) {
              dropping = false;
              return r;
            }
          }
        });
      })(),
    ),
    filterfalse: fn('filterfalse', (args) =>
      (function* () {
        const src = yield* open(args[1]);
        return lazy(function* () {
          for (;;) {
            const r = yield* pull(src);
            if (r.done === true) return r;
            const keep = args[0] === null ? r.value : yield* I().call(args[0], [r.value], undefined);
            if (!(yield* I().truthy(keep))) return r;
          }
        });
      })(),
    ),
    pairwise: fn('pairwise', (args) =>
      (function* () {
        const src = yield* open(args[0]);
        let prev: IteratorResult<unknown> | undefined;
        return lazy(function* () {
          prev ??= yield* pull(src);
          if (prev.done === true) return DONE;
          const r = yield* pull(src);
          if (r.done === true) return DONE;
          const pair = new PyTuple([prev.value, r.value]);
          prev = r;
          return item(pair);
        });
      })(),
    ),
    compress: fn('compress', (args) =>
      (function* () {
        const data = yield* open(args[0]);
        const sel = yield* open(args[1]);
        return lazy(function* () {
          for (;;) {
            const d = yield* pull(data);
            if (d.done === true) return DONE;
            const s = yield* pull(sel);
            if (s.done === true) return DONE;
            if (yield* I().truthy(s.value)) return d;
          }
        });
      })(),
    ),
  });

  /** `chain(*iterables)` and `chain.from_iterable(iterable)`: each input opened when the previous one ends. */
  function chainOf(): PyClass {
    const chained = (outer: Source): PyStepIterator => {
      let cur: Source | undefined;
      return lazy(function* () {
        for (;;) {
          if (cur === undefined) {
            const r = yield* pull(outer);
            if (r.done === true) return DONE;
            cur = yield* open(r.value);
          }
          const r = yield* pull(cur);
          if (r.done !== true) return r;
          cur = undefined;
        }
      });
    };
    const fromIterable = new PyBuiltin('from_iterable', (args) =>
      (function* () {
        return chained(yield* open(args[0]));
      })(),
    );
    return new PyClass('chain', undefined, new Map([['from_iterable', fromIterable]]), 'itertools.', { construct: (_self, args) => chained(args[Symbol.iterator]()) });
  }
}
