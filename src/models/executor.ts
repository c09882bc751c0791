/**
 * Model of `concurrent.futures.ThreadPoolExecutor`.
 *
 * Mirrors: default `max_workers = min(32, cpu_count + 4)` (cpu count is a run setting,
 * default 2); `max_workers <= 0` raises `ValueError: max_workers must be greater than 0`;
 * workers are non-daemon threads named `ThreadPoolExecutor-<k>_<i>` (or `<prefix>_<i>`),
 * started lazily by `submit` only when no worker is idle; exceptions stay in the Future;
 * `map` submits eagerly and raises only while results are read; `submit` after shutdown
 * raises `RuntimeError: cannot schedule new futures after shutdown`; `shutdown(wait,
 * cancel_futures)`; the `with` form calls `shutdown(wait=True)`; at interpreter exit every
 * executor is shut down and its workers joined before non-daemon threads are joined.
 * `initializer(*initargs)` runs first in every worker; when it raises, the worker logs
 * `Exception in initializer:` and ends, the pool is broken: every queued call's future gets
 * `BrokenThreadPool('A thread initializer failed, the thread pool is not usable anymore')`, and
 * so does every later `submit`.
 * Does not mirror: a traceback's frame lines.
 */
import { runtime } from '../scheduler/context.js';
import { WaitQueue, type Kernel, type Op, type Steps } from '../scheduler/ops.js';
import type { Runtime } from '../scheduler/runtime.js';
import { counted } from './available.js';
import { BrokenThreadPool, RuntimeError, ValueError } from './exceptions.js';
import { describeError, exceptionLine } from '../scheduler/exception-line.js';
import { Future } from './future.js';
import { pyRepr } from './percent-format.js';
import { Thread } from './thread.js';
import { toMicros } from './time.js';

/** Options of `ThreadPoolExecutor(...)`. */
export interface ExecutorOptions {
  readonly maxWorkers?: number;
  readonly threadNamePrefix?: string;
  /** Run in each worker before its first call. */
  readonly initializer?: (...args: never[]) => Steps<unknown>;
  readonly initargs?: readonly unknown[];
}

const BROKEN = 'A thread initializer failed, the thread pool is not usable anymore';

/** One submitted call. Traces show it as the call (`parse('n/a')`), not its internals. */
class WorkItem {
  constructor(
    readonly future: Future<unknown>,
    readonly fn: (...args: never[]) => Steps<unknown>,
    readonly args: readonly unknown[],
  ) {}

  toString(): string {
    return `${this.fn.name || '<lambda>'}(${this.args.map((a) => pyRepr(a)).join(', ')})`;
  }
}

/** Interpreter-wide executor state: the exit flag and every executor created in this run. */
interface ExitState {
  shutdown: boolean;
  readonly executors: ThreadPoolExecutor[];
}

function exitState(rt: Runtime): ExitState {
  return rt.singleton('concurrent.futures', () => {
    const state: ExitState = { shutdown: false, executors: [] };
    rt.atExit(function* atExit(): Steps<void> {
      yield {
        kind: 'shutdown',
        obj: 'concurrent.futures',
        objs: state.executors.map((ex) => ex.id),
        access: 'sync',
        run: (k: Kernel) => {
          state.shutdown = true;
          for (const ex of state.executors) ex.wakeForExit(k);
        },
      };
      for (const ex of state.executors) for (const w of ex.workerThreads()) yield* w.join();
    });
    return state;
  });
}

/**
 * The results of `map`: read them with `yield* results.all()` or one by one with `next()`.
 * As in CPython, reading stops at the first exception (or timeout), which cancels the futures
 * not yet read; `close()` does the same for a loop left early.
 */
export class MapResults<R> {
  private readonly rest: Future<R>[];
  /**
   * @param futures the submitted calls, in order
   * @param endTime absolute virtual time (µs) by which every result must be in, if any
   */
  constructor(
    readonly futures: readonly Future<R>[],
    private readonly endTime?: number,
  ) {
    this.rest = [...futures];
  }

  /** Wait for the next result in submission order; re-raises its exception. */
  *next(): Steps<{ done: true } | { done: false; value: R }> {
    const f = this.rest.shift();
    if (f === undefined) return { done: true };
    try {
      const timeout = this.endTime === undefined ? null : (this.endTime - runtime('map()').now) / 1e6;
      return { done: false, value: yield* f.result(timeout) };
    } catch (e) {
      this.rest.unshift(f);
      yield* this.close();
      throw e;
    }
  }

  /** Every result in order (`list(executor.map(...))`). */
  *all(): Steps<R[]> {
    const out: R[] = [];
    for (let r = yield* this.next(); !r.done; r = yield* this.next()) out.push(r.value);
    return out;
  }

  /** Cancel the futures not read yet (one step; running or finished ones are left alone). */
  *close(): Steps<void> {
    const left = this.rest.splice(0);
    if (left.length === 0) return;
    const op: Op = {
      kind: 'set',
      obj: left[0]!.id,
      objs: left.slice(1).map((f) => f.id),
      access: 'sync',
      value: 'cancel',
      run: (k) => {
        for (const f of left) f.cancelNow(k);
      },
    };
    yield op;
    for (const f of left) yield* f.runCallbacks();
  }
}

/** Model of `concurrent.futures.ThreadPoolExecutor`. */
export class ThreadPoolExecutor {
  /** Name in traces: `ThreadPoolExecutor-0`, or the thread-name prefix given (`pool`, `pool#2`). */
  readonly id: string;
  readonly maxWorkers: number;
  private readonly prefix: string;
  private readonly work: (WorkItem | null)[] = [];
  private readonly getters: WaitQueue;
  private readonly workers: Thread[] = [];
  private idle = 0;
  private isShutdown = false;
  /** Set when a worker's initializer raised (CPython's `_broken`). */
  private broken: string | undefined;
  private readonly exit: ExitState;
  private readonly initializer: ExecutorOptions['initializer'];
  private readonly initargs: readonly unknown[];

  /** Python's `with ThreadPoolExecutor(...) as ex:` block: shuts down (waiting) on exit. */
  static *with<R>(options: ExecutorOptions, body: (ex: ThreadPoolExecutor) => Steps<R>): Steps<R> {
    const ex = new ThreadPoolExecutor(options);
    try {
      return yield* body(ex);
    } finally {
      yield* ex.shutdown(true);
    }
  }

  constructor(options: ExecutorOptions = {}) {
    const rt = runtime('ThreadPoolExecutor()');
    const max = options.maxWorkers ?? Math.min(32, rt.settings.cpuCount + 4);
    if (!(max > 0)) throw new ValueError('max_workers must be greater than 0');
    this.maxWorkers = max;
    this.initializer = options.initializer;
    this.initargs = options.initargs ?? [];
    // CPython numbers only the executors without a prefix: `prefix or "ThreadPoolExecutor-%d" % counter()`.
    const given = options.threadNamePrefix;
    if (given) {
      const n = rt.counter(`ThreadPoolExecutor prefix ${given}`);
      this.prefix = given;
      this.id = n === 1 ? given : `${given}#${n}`;
    } else {
      this.prefix = `ThreadPoolExecutor-${rt.counter('ThreadPoolExecutor') - 1}`;
      this.id = this.prefix;
    }
    this.getters = new WaitQueue(`${this.id} work queue`);
    this.exit = exitState(rt);
    this.exit.executors.push(this);
  }

  /**
   * The idle-worker count as ops name it, apart from the work queue (`id`): a worker counting
   * itself idle does not touch the queue, so exploration may reorder it with queue steps.
   */
  private get idleId(): string {
    return `${this.id} idle workers`;
  }

  /** `submit(fn, *args)`: one step that queues the call and may start a worker. */
  *submit<A extends unknown[], R>(fn: (...args: A) => Steps<R>, ...args: A): Steps<Future<R>> {
    const op: Op = {
      kind: 'submit',
      obj: this.id,
      // It also takes an idle worker, and looks at the interpreter's exit flag.
      objs: [this.idleId, 'concurrent.futures'],
      access: 'sync',
      value: fn.name || '<lambda>',
      run: (k) => {
        if (this.broken !== undefined) throw new BrokenThreadPool(this.broken);
        if (this.isShutdown) throw new RuntimeError('cannot schedule new futures after shutdown');
        if (this.exit.shutdown) throw new RuntimeError('cannot schedule new futures after interpreter shutdown');
        const future = new Future<R>();
        this.work.push(new WorkItem(future as Future<unknown>, fn as unknown as WorkItem['fn'], args));
        k.wake(this.getters, 1);
        this.adjustThreadCount(k);
        return future;
      },
    };
    return (yield counted(op, () => this.work.length)) as Future<R>;
  }

  /** `map(fn, *iterables)`: submits every call now; results are read later. */
  map<R>(fn: (...args: never[]) => Steps<R>, ...iterables: readonly (readonly unknown[])[]): Steps<MapResults<R>> {
    return this.mapWith({}, fn, ...iterables);
  }

  /** `map(fn, *iterables, timeout=t)`: every result must be in `t` seconds after this call. */
  *mapWith<R>(options: { readonly timeout?: number | null }, fn: (...args: never[]) => Steps<R>, ...iterables: readonly (readonly unknown[])[]): Steps<MapResults<R>> {
    const timeout = options.timeout ?? null;
    const endTime = timeout === null ? undefined : runtime('map()').now + toMicros(timeout);
    const n = iterables.length === 0 ? 0 : Math.min(...iterables.map((it) => it.length));
    const futures: Future<R>[] = [];
    for (let i = 0; i < n; i++) {
      const args = iterables.map((it) => it[i]) as never[];
      futures.push(yield* this.submit(fn as (...a: never[]) => Steps<R>, ...args));
    }
    return new MapResults(futures, endTime);
  }

  /** `shutdown(wait=True, *, cancel_futures=False)`. */
  *shutdown(wait = true, options: { readonly cancelFutures?: boolean } = {}): Steps<void> {
    const cancelled: Future<unknown>[] = [];
    const op: Op = {
      kind: 'shutdown',
      obj: this.id,
      access: 'sync',
      run: (k) => {
        this.isShutdown = true;
        if (options.cancelFutures) {
          for (const item of this.work.splice(0)) if (item !== null && item.future.cancelNow(k)) cancelled.push(item.future);
        }
        this.work.push(null);
        k.wake(this.getters, 1);
      },
    };
    yield counted(op, () => this.work.length);
    for (const f of cancelled) yield* f.runCallbacks();
    if (wait) for (const w of this.workers) yield* w.join();
  }

  /** Worker threads started so far. */
  workerThreads(): readonly Thread[] {
    return this.workers;
  }

  /** Interpreter exit: wake a worker so that every worker sees the exit flag. */
  wakeForExit(k: Kernel): void {
    this.work.push(null);
    k.wake(this.getters, 1);
  }

  private adjustThreadCount(k: Kernel): void {
    if (this.idle > 0) {
      this.idle--;
      return;
    }
    if (this.workers.length >= this.maxWorkers) return;
    const self = this;
    const worker = new Thread({
      name: `${this.prefix}_${this.workers.length}`,
      daemon: false,
      target: function* worker(): Steps<void> {
        if (self.initializer !== undefined) {
          try {
            yield* self.initializer(...(self.initargs as never[]));
          } catch (e) {
            if (e instanceof Error && e.name === 'ThreadsimError') throw e;
            const failed: Future<unknown>[] = [];
            yield self.initializerFailedOp(e, failed);
            for (const f of failed) yield* f.runCallbacks();
            return;
          }
        }
        yield* self.workerLoop();
      },
    });
    this.workers.push(worker);
    worker.bootstrap(k);
  }

  private *workerLoop(): Steps<void> {
    for (;;) {
      const item = (yield this.getOp()) as WorkItem | null;
      if (item !== null) {
        if (item.future.setRunningOrNotifyCancel()) {
          yield this.finishOp(item, yield* runTask(item));
          yield* item.future.runCallbacks();
        }
        yield this.idleOp();
        continue;
      }
      if (this.exit.shutdown || this.isShutdown) {
        yield this.putBackOp();
        return;
      }
    }
  }

  /** CPython's `_initializer_failed`: log, mark the pool broken, fail every queued call. */
  private initializerFailedOp(e: unknown, failed: Future<unknown>[]): Op {
    const op: Op = {
      kind: 'shutdown',
      obj: this.id,
      access: 'sync',
      value: 'initializer failed',
      run: (k) => {
        const { type, detail } = describeError(e);
        k.emit('CRITICAL', 50, 'Exception in initializer:');
        k.emit('stderr', 50, 'Traceback (most recent call last):');
        k.emit('stderr', 50, exceptionLine(type, detail));
        this.broken = BROKEN;
        for (const item of this.work.splice(0)) {
          if (item === null) continue;
          item.future.settle(k, { error: new BrokenThreadPool(BROKEN) });
          failed.push(item.future);
        }
      },
    };
    return counted(op, () => this.work.length);
  }

  private getOp(): Op {
    const op: Op = {
      kind: 'get',
      obj: this.id,
      access: 'sync',
      takes: true,
      waitOn: this.getters,
      enabled: () => this.work.length > 0,
      run: () => this.work.shift(),
      describeWait: () => `work from ${this.id} (its queue is empty)`,
    };
    return counted(op, () => this.work.length);
  }

  private finishOp(item: WorkItem, outcome: { value: unknown } | { error: unknown }): Op {
    const op: Op = {
      kind: 'set',
      obj: item.future.id,
      access: 'sync',
      value: String(item),
      run: (k) => item.future.settle(k, outcome),
    };
    return 'error' in outcome ? item.future.withError(op, outcome.error) : op;
  }

  /** After each work item the worker counts itself idle (CPython's `_idle_semaphore.release()`). */
  private idleOp(): Op {
    return {
      kind: 'release',
      obj: this.idleId,
      access: 'sync',
      run: () => {
        this.idle++;
      },
    };
  }

  private putBackOp(): Op {
    const op: Op = {
      kind: 'put',
      obj: this.id,
      access: 'sync',
      run: (k) => {
        this.work.push(null);
        k.wake(this.getters, 1);
      },
    };
    return counted(op, () => this.work.length);
  }
}

/** Run one work item's call, capturing its outcome as the Future will hold it. */
function* runTask(item: WorkItem): Steps<{ value: unknown } | { error: unknown }> {
  try {
    return { value: yield* item.fn(...(item.args as never[])) };
  } catch (error) {
    if (error instanceof Error && error.name === 'ThreadsimError') throw error;
    return { error };
  }
}
