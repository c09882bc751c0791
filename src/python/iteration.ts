/**
 * Iteration: Python's iterator protocol over built-in values (read in one step, as a
 * snapshot), generators and step iterators (one item at a time), and program classes with
 * `__iter__`, `__next__` or only `__getitem__` (CPython's sequence protocol).
 */
import { setItems } from './builtins-set.js';
import { exceptionClass, pyRaise } from './exceptions.js';
import type { Interp } from './interp.js';
import { PySet } from './pyset.js';
import { uncatchable } from './signals.js';
import { PyBound, PyDict, PyInstance, PyList, PyRange, PyStepIterator, PyTuple, Snapshot } from './values.js';

/** A one-shot iterator value (`iter(x)`, `enumerate(x)`, `zip(...)`). */
export class PyIterator {
  constructor(readonly it: Iterator<unknown>) {}
}

/** Every remaining item of `it`. */
export function drain(it: Iterator<unknown>): unknown[] {
  const out: unknown[] = [];
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

/** A range's items as an array. */
export function rangeItems(r: PyRange): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < r.length; i++) out.push(r.start + i * r.step);
  return out;
}

/** An iterator over a range. Its result object is reused: every consumer reads it before the next call. */
class RangeIterator implements Iterator<unknown> {
  private i = 0;
  private readonly n: number;
  private readonly result = { done: false, value: 0 as unknown };
  constructor(private readonly r: PyRange) {
    this.n = r.length;
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this;
  }
  next(): IteratorResult<unknown> {
    if (this.i >= this.n) return { done: true, value: undefined };
    this.result.value = this.r.start + this.i++ * this.r.step;
    return this.result;
  }
}

function rangeIter(r: PyRange): Iterator<unknown> {
  return new RangeIterator(r);
}

/**
 * A JavaScript iterator over `v`'s items. A list or dict is read in one step (its contents at
 * that moment), as a snapshot: threadsim does not model a list changing under its iterator.
 */
export function* iterate(I: Interp, v: unknown, line: number): Generator<never, Iterator<unknown>, unknown> {
  if (v instanceof PyList) {
    const list = v;
    const items = (yield I.access('read', list.label, line, () => new Snapshot(list.items.slice())) as never) as Snapshot;
    return items.items[Symbol.iterator]();
  }
  if (v instanceof PyDict) {
    const d = v;
    const keys = (yield I.access('read', d.label, line, () => new Snapshot([...d.map.values()].map((e) => e[0]))) as never) as Snapshot;
    return keys.items[Symbol.iterator]();
  }
  if (v instanceof PyTuple) return v.items[Symbol.iterator]();
  if (v instanceof PySet) return (yield* setItems(I, v))[Symbol.iterator]();
  if (v instanceof PyRange) return rangeIter(v);
  if (typeof v === 'string') return [...v][Symbol.iterator]();
  if (v instanceof PyIterator) return v.it;
  if (v instanceof PyStepIterator) {
    const items: unknown[] = [];
    for (let r = (yield* v.step() as Generator<never, IteratorResult<unknown>, unknown>); r.done !== true; r = (yield* v.step() as Generator<never, IteratorResult<unknown>, unknown>)) items.push(r.value);
    if (v.callReturn) I.check = true;
    return items[Symbol.iterator]();
  }
  if (v instanceof PyInstance && I.steppable(v)) {
    const src = yield* I.iterOpen(v, line);
    if (src !== v) return yield* I.iterate(src, line);
  }
  const cls = I.classOf(v);
  const hostIter = cls?.lookup('__iter__');
  if (hostIter !== undefined) {
    const r = yield* I.call(new PyBound(v, hostIter), [], undefined);
    return yield* I.iterate(r, line);
  }
  throw pyRaise('TypeError', `'${I.typeName(v)}' object is not iterable`);
}

/** Whether iterating `v` runs the program's code (a class with `__iter__`, `__next__` or `__getitem__`): its items are then taken one at a time. */
export function steppable(I: Interp, v: unknown): boolean {
  return v instanceof PyInstance && (v.cls.lookup('__iter__') !== undefined || v.cls.lookup('__next__') !== undefined || v.cls.lookup('__getitem__') !== undefined);
}

/**
 * `iter(v)` where it runs the program's code: a class's `__iter__` is called, and an
 * iterator with `__next__` becomes a {@link PyStepIterator}; anything else comes back as it
 * is (a built-in iterable, iterated by {@link iterate}).
 */
export function* iterOpen(I: Interp, v: unknown, line: number): Generator<never, unknown, unknown> {
  if (!(v instanceof PyInstance)) return v;
  const iter = v.cls.lookup('__iter__');
  if (iter !== undefined) {
    const r = yield* I.call(iter, [v], undefined);
    if (r === v) return nextIterator(I, v);
    if (r instanceof PyInstance && r.cls.lookup('__next__') === undefined) throw pyRaise('TypeError', `iter() returned non-iterator of type '${I.typeName(r)}'`);
    return yield* I.iterOpen(r, line);
  }
  if (v.cls.lookup('__next__') !== undefined) return nextIterator(I, v);
  return v.cls.lookup('__getitem__') !== undefined ? sequenceIterator(I, v) : v;
}

/** The items of a class with `__getitem__` and no `__iter__` (CPython's sequence protocol): `v[0]`, `v[1]`, ... until IndexError or StopIteration. */
function sequenceIterator(I: Interp, v: PyInstance): PyStepIterator {
  const getitem = v.cls.lookup('__getitem__');
  let i = 0;
  let done = false;
  return new PyStepIterator(function* () {
    if (done) return { done: true, value: undefined };
    try {
      return { done: false, value: yield* I.call(getitem, [v, i++], undefined) };
    } catch (e) {
      if (!uncatchable(e)) {
        const cls = I.excValue(e).cls;
        if (cls.isSubclassOf(exceptionClass('IndexError')!) || cls.isSubclassOf(exceptionClass('StopIteration')!)) {
          done = true;
          return { done: true, value: undefined };
        }
      }
      throw e;
    }
  }, false);
}

/** The items of an iterator object of the program: each a call of its `__next__`, until StopIteration. */
function nextIterator(I: Interp, v: PyInstance): PyStepIterator {
  const next = v.cls.lookup('__next__');
  if (next === undefined) throw pyRaise('TypeError', `iter() returned non-iterator of type '${I.typeName(v)}'`);
  return new PyStepIterator(function* () {
    try {
      return { done: false, value: yield* I.call(next, [v], undefined) };
    } catch (e) {
      if (!uncatchable(e) && I.excValue(e).cls.isSubclassOf(exceptionClass('StopIteration')!)) return { done: true, value: undefined };
      throw e;
    }
  }, false);
}

/**
 * Start iterating `v` with its items taken one at a time where that matters: a generator or
 * another step iterator as it is, a built-in container as the JavaScript iterator of
 * {@link iterate}. Pair with {@link iterNext}.
 */
export function* iterStart(I: Interp, v: unknown, line: number): Generator<never, Iterator<unknown> | PyStepIterator, unknown> {
  const src = v instanceof PyInstance ? yield* I.iterOpen(v, line) : v;
  return src instanceof PyStepIterator ? src : yield* I.iterate(src, line);
}

/** The next item of an iterator from {@link iterStart}. */
export function* iterNext(I: Interp, it: Iterator<unknown> | PyStepIterator): Generator<never, IteratorResult<unknown>, unknown> {
  if (!(it instanceof PyStepIterator)) return it.next();
  const r = yield* it.step() as Generator<never, IteratorResult<unknown>, unknown>;
  if (it.callReturn) I.check = true;
  return r;
}
