/**
 * The `concurrent.futures` module for `.py` programs: ThreadPoolExecutor (submit, map,
 * shutdown, `with`), Future, as_completed, wait and their constants and exceptions.
 */
import type { Steps } from '../../scheduler/ops.js';
import { as_completed } from '../../models/as-completed.js';
import { ThreadPoolExecutor, type MapResults } from '../../models/executor.js';
import { Future } from '../../models/future.js';
import { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, wait } from '../../models/futures-wait.js';
import { REQUIRED } from '../args.js';
import { exceptionClass, pyRaise, pyValueOf } from '../exceptions.js';
import type { InterpRef } from '../builtins.js';
import { drain, PyStepIterator } from '../interp.js';
import { PyBound, PyBuiltin, PyClass, PyDict, PyFunction, PyInstance, PyList, PyTuple, type PyModuleObject } from '../values.js';
import { hostOf, mapSteps, moduleOf, modelClass, seconds } from './host.js';

function kwMap(kw: Map<string, unknown> | undefined, drop: readonly string[]): Map<string, unknown> | undefined {
  if (kw === undefined) return undefined;
  const out = new Map([...kw].filter(([k]) => !drop.includes(k)));
  return out.size === 0 ? undefined : out;
}

/** Build `concurrent.futures` for one program (see threadingModule). */
export function futuresModule(ref: InterpRef, registry: Map<Function, PyClass>): PyModuleObject {
  const ex = (self: unknown): ThreadPoolExecutor => hostOf<ThreadPoolExecutor>(self, 'ThreadPoolExecutor');
  const executor = modelClass(
    registry,
    'ThreadPoolExecutor',
    'concurrent.futures.',
    ThreadPoolExecutor,
    {
      params: [['max_workers', null], ['thread_name_prefix', ''], ['initializer', null], ['initargs', new PyTuple([])]],
      construct: (_s, v) => {
        const init = v[2];
        // Python's callable(): a function, a class, or an object whose class has __call__.
        const callable = init instanceof PyFunction || init instanceof PyBuiltin || init instanceof PyBound || init instanceof PyClass || (init instanceof PyInstance && init.cls.lookup('__call__') !== undefined);
        if (init !== null && !callable) throw pyRaise('TypeError', 'initializer must be a callable');
        const initargs = v[3] instanceof PyTuple || v[3] instanceof PyList ? v[3].items : [];
        return new ThreadPoolExecutor({
          ...(v[0] === null ? {} : { maxWorkers: v[0] as number }),
          ...(v[1] === '' ? {} : { threadNamePrefix: String(v[1]) }),
          ...(init === null ? {} : { initializer: ref.I.target(init) as never, initargs }),
        });
      },
    },
    {
      submit: {
        params: [['fn', REQUIRED]],
        rest: true,
        anyKw: true,
        run: (self, v, extra, kw) => ex(self).submit(ref.I.target(v[0], kwMap(kw, ['fn'])) as never, ...(extra as never[])),
      },
      map: {
        params: [['fn', REQUIRED]],
        rest: true,
        anyKw: true,
        run: (self, v, extra, kw) =>
          (function* (): Steps<unknown> {
            const iterables: unknown[][] = [];
            for (const it of extra) iterables.push(drain(yield* ref.I.iterate(it, 0)));
            const timeout = seconds(kw?.get('timeout') ?? null);
            const results = (yield* ex(self).mapWith({ timeout }, ref.I.target(v[0]) as never, ...iterables)) as MapResults<unknown>;
            return new PyStepIterator(function* () {
              const r = yield* results.next();
              return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
            });
          })(),
      },
      shutdown: { params: [['wait', true], '*', ['cancel_futures', false]], run: (self, v) => ex(self).shutdown(v[0] as boolean, { cancelFutures: v[1] === true }) },
      __enter__: { params: [], run: (self) => self },
      __exit__: { params: [], rest: true, run: (self) => ex(self).shutdown(true) },
    },
  );
  const fut = (self: unknown): Future => hostOf<Future>(self, 'Future');
  const future = modelClass(
    registry,
    'Future',
    'concurrent.futures.',
    Future,
    { params: [], construct: () => new Future() },
    {
      result: { params: [['timeout', null]], run: (self, v) => fut(self).result(seconds(v[0])) },
      exception: {
        params: [['timeout', null]],
        run: (self, v) =>
          (function* (): Steps<unknown> {
            const e = yield* fut(self).exception(seconds(v[0]));
            return e === null || e === undefined ? null : pyValueOf(e, (x) => ref.I.strSync(x));
          })(),
      },
      done: { params: [], run: (self) => fut(self).done() },
      running: { params: [], run: (self) => fut(self).running() },
      cancelled: { params: [], run: (self) => fut(self).cancelled() },
      cancel: { params: [], run: (self) => fut(self).cancel() },
      set_result: { params: [['result', REQUIRED]], run: (self, v) => fut(self).set_result(v[0]) },
      add_done_callback: {
        params: [['fn', REQUIRED]],
        // Run at once as this thread's steps when done, else by the completing thread as its steps
        // right after the completing step (CPython calls it inside set_result).
        run: (self, v) => mapSteps(fut(self).addDoneCallback(() => ref.I.call(v[0], [self], undefined)), () => null),
      },
    },
  );
  const toFutures = function* (fs: unknown): Steps<Future[]> {
    const list = drain(yield* ref.I.iterate(fs, 0));
    return list.map((f) => hostOf<Future>(f, 'Future'));
  };
  return moduleOf('concurrent.futures', {
    ThreadPoolExecutor: executor,
    Future: future,
    as_completed: new PyBuiltin('as_completed', (args, kw) =>
      (function* (): Steps<unknown> {
        const fs = yield* toFutures(args[0] ?? kw?.get('fs'));
        const it = as_completed(fs, seconds(args[1] ?? kw?.get('timeout') ?? null));
        return new PyStepIterator(function* () {
          const r = yield* it.next();
          return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
        });
      })(),
    ),
    wait: new PyBuiltin('wait', (args, kw) =>
      (function* (): Steps<unknown> {
        const fs = yield* toFutures(args[0] ?? kw?.get('fs'));
        const r = yield* wait(fs, seconds(args[1] ?? kw?.get('timeout') ?? null), String(args[2] ?? kw?.get('return_when') ?? ALL_COMPLETED));
        return new PyTuple([new PyList([...r.done], ref.I.label('list')), new PyList([...r.not_done], ref.I.label('list'))]);
      })(),
    ),
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ALL_COMPLETED,
    TimeoutError: exceptionClass('TimeoutError'),
    CancelledError: exceptionClass('concurrent.futures._base.CancelledError'),
    InvalidStateError: exceptionClass('concurrent.futures._base.InvalidStateError'),
    BrokenExecutor: exceptionClass('concurrent.futures.thread.BrokenExecutor'),
    _dict: new PyDict(),
  });
}
