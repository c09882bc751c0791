/**
 * `heapq` for `.py` programs: the heap functions over a list, leaving the list laid out as
 * CPython's leaves it (the same sift algorithms), so printing a heap prints what CPython prints.
 *
 * The list is shared state. CPython's heap functions are C: when the items compare without
 * running program code (numbers, strings, tuples of them) a push or pop is one atomic write of
 * the list, as `list.append` is. When the items are objects whose `__lt__` is the program's,
 * each comparison enters Python code (a check point), so another thread can run in the middle:
 * threadsim then appends or pops in one step, sifts a copy (running the comparisons), and
 * writes it back in another, a race the detector reports, as the lesson "heapq is not
 * thread-safe, use queue.PriorityQueue" expects (with CPython's `RuntimeError: list changed
 * size during iteration` when another thread pushed meanwhile).
 */
import { pyRaise } from '../exceptions.js';
import { drain, type Interp } from '../interp.js';
import type { InterpRef } from '../builtins.js';
import { PyBuiltin, PyFloat, PyList, PyTuple, Snapshot, type PyModuleObject } from '../values.js';
import { moduleOf } from './host.js';

type Lt = (a: unknown, b: unknown) => Generator<never, boolean, unknown>;

/** Items every comparison of which is built-in (no program `__lt__`): numbers, strings, and tuples of them. */
function plain(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' || v instanceof PyFloat || (v instanceof PyTuple && v.items.every(plain));
}

/** Run steps that take none (plain comparisons) to their value. */
function runSync<T>(g: Generator<never, T, unknown>): T {
  const r = g.next();
  if (r.done !== true) throw pyRaise('RuntimeError', 'threadsim: a heap changed from plain items to objects with their own __lt__ between a heapq call and its step (not modelled)');
  return r.value;
}

// CPython's _siftdown and _siftup (Lib/heapq.py; _heapqmodule.c runs the same steps).
function* siftDown(heap: unknown[], start: number, pos: number, lt: Lt): Generator<never, void, unknown> {
  const item = heap[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (!(yield* lt(item, parent))) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

function* siftUp(heap: unknown[], pos: number, lt: Lt): Generator<never, void, unknown> {
  const end = heap.length;
  const start = pos;
  const item = heap[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !(yield* lt(heap[child], heap[right]))) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  yield* siftDown(heap, start, pos, lt);
}

/** Build `heapq`. */
export function heapqModule(ref: InterpRef): PyModuleObject {
  const I = (): Interp => ref.I;
  const lt: Lt = (a, b) => I().compare('Lt', a, b);
  const list = (name: string, v: unknown): PyList => {
    if (!(v instanceof PyList)) throw pyRaise('TypeError', `${name}() argument 1 must be list, not ${I().typeName(v)}`);
    return v;
  };
  /**
   * One heap function on `heap`: `pre` makes its change of size on the list (append, pop) and
   * `sift` reorders and gives the call's value. With plain items both run in one atomic write.
   * Otherwise `pre` is an atomic write of its own (CPython's C code appends or pops before it
   * compares), `sift` runs the program's comparisons on a copy, and a last write puts the copy
   * back, raising CPython's `RuntimeError: list changed size during iteration` when another
   * thread changed the list's size meanwhile (CPython checks it after each comparison).
   */
  const update = function* <S>(heap: PyList, extra: readonly unknown[], pre: (items: unknown[]) => S, sift: (items: unknown[], state: S) => Generator<never, unknown, unknown>): Generator<never, unknown, unknown> {
    if (heap.items.every(plain) && extra.every(plain)) {
      return yield I().containerOp(heap, 'write', () => {
        const items = heap.items.slice();
        const r = runSync(sift(items, pre(items)));
        heap.items = items;
        return r;
      }) as never;
    }
    const [state, copy] = (yield I().containerOp(heap, 'write', () => [pre(heap.items), heap.items.slice()]) as never) as [S, unknown[]];
    const r = yield* sift(copy, state);
    yield I().access('write', heap.label, 0, () => {
      if (heap.items.length !== copy.length) throw pyRaise('RuntimeError', 'list changed size during iteration');
      heap.items = copy;
    }) as never;
    return r;
  };
  const empty = (items: unknown[]): void => {
    if (items.length === 0) throw pyRaise('IndexError', 'index out of range');
  };
  const ordered = (name: string, reverse: boolean) =>
    new PyBuiltin(name, (args, kw) =>
      (function* () {
        const n = Number(args[0]);
        const items = drain(yield* I().iterate(args[1], 0));
        const key = kw?.get('key') ?? null;
        const sorted = yield* I().call(I().builtins.get('sorted'), [new PyList(items)], new Map<string, unknown>([['key', key], ['reverse', reverse]]));
        return new PyList((sorted as PyList).items.slice(0, Math.max(0, n)), I().label('list'));
      })(),
    );

  return moduleOf('heapq', {
    heappush: new PyBuiltin('heappush', (args) =>
      update(
        list('heappush', args[0]),
        [args[1]],
        (items) => void items.push(args[1]),
        function* (items) {
          yield* siftDown(items, 0, items.length - 1, lt);
          return null;
        },
      ),
    ),
    heappop: new PyBuiltin('heappop', (args) =>
      update(
        list('heappop', args[0]),
        [],
        (items): { readonly value: unknown; readonly sift: boolean } => {
          empty(items);
          const last = items.pop();
          if (items.length === 0) return { value: last, sift: false };
          const top = items[0];
          items[0] = last;
          return { value: top, sift: true };
        },
        function* (items, st) {
          if (st.sift) yield* siftUp(items, 0, lt);
          return st.value;
        },
      ),
    ),
    heapreplace: new PyBuiltin('heapreplace', (args) =>
      update(
        list('heapreplace', args[0]),
        [args[1]],
        (items) => {
          empty(items);
          const top = items[0];
          items[0] = args[1];
          return top;
        },
        function* (items, top) {
          yield* siftUp(items, 0, lt);
          return top;
        },
      ),
    ),
    heappushpop: new PyBuiltin('heappushpop', (args) =>
      update(
        list('heappushpop', args[0]),
        [args[1]],
        () => null,
        function* (items) {
          let item = args[1];
          if (items.length > 0 && (yield* lt(items[0], item))) {
            [item, items[0]] = [items[0], item];
            yield* siftUp(items, 0, lt);
          }
          return item;
        },
      ),
    ),
    heapify: new PyBuiltin('heapify', (args) =>
      update(
        list('heapify', args[0]),
        [],
        () => null,
        function* (items) {
          for (let i = (items.length >> 1) - 1; i >= 0; i--) yield* siftUp(items, i, lt);
          return null;
        },
      ),
    ),
    nlargest: ordered('nlargest', true),
    nsmallest: ordered('nsmallest', false),
  });
}
