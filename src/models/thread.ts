/**
 * Model of `threading.Thread`, with `current_thread()`, `main_thread()`, `enumerate()` and
 * `active_count()`.
 *
 * Mirrors: names `Thread-N (target)` from a per-run counter that skips explicitly named
 * threads; `daemon=None` inherits the creating thread's flag; `start()` twice, `join()` before
 * `start()`, joining oneself and setting `daemon` after start raise CPython's RuntimeErrors;
 * `join(timeout)` returns None whether or not the thread ended (ask `is_alive()`); an
 * uncaught exception is printed as `threading.excepthook` does (`Exception in thread NAME:`,
 * `Traceback (most recent call last):`, then `Type: message`) and other threads go on; a
 * `SystemExit` ends the thread silently; `set_excepthook(hook)` replaces the report. `ident` is None until started, then a number
 * unique among the run's threads (`get_ident()` gives the current thread's); `repr` as
 * CPython's (`<Thread(Thread-1 (f), started daemon 1001)>`). Subclasses (Timer) override
 * `*run()`.
 * Does not mirror: traceback frame lines, native ids, `kwargs` (pass `args`).
 */
import { runtime } from '../scheduler/context.js';
import { describeError } from '../scheduler/exception-line.js';
import type { Kernel, Op, SpawnOptions, Step, Steps, ThreadRecord } from '../scheduler/ops.js';
import { OneStep, opKind } from './one-step.js';
import type { Runtime } from '../scheduler/runtime.js';
import { RuntimeError } from './exceptions.js';
import { callMaybeSteps } from './maybe-steps.js';
import { toMicros } from './time.js';

/** A thread body: a generator function. */
export type Target<A extends unknown[] = never[], R = unknown> = (...args: A) => Steps<R>;

/** Options of `new Thread(...)`, Python's keyword arguments. */
export interface ThreadOptions<A extends unknown[]> {
  readonly target?: Target<A>;
  readonly args?: A;
  readonly name?: string;
  /** `undefined`/`null` inherits the current thread's daemon flag. */
  readonly daemon?: boolean | null;
}

/**
 * Model of `threading.Thread`.
 *
 * @example
 * ```ts
 * function* worker(n: number) {
 *   yield* log(`worker ${n}`);
 * }
 * const t = new Thread({ target: worker, args: [1], name: 'w1' });
 * yield* t.start();
 * yield* t.join();
 * ```
 */
export class Thread<A extends unknown[] = never[]> {
  private _name: string;
  private _daemon: boolean;
  private record: ThreadRecord | undefined;
  private readonly rt: Runtime;
  readonly target: Target<A> | undefined;
  readonly args: A;

  constructor(options: ThreadOptions<A> = {}) {
    this.rt = runtime('Thread()');
    this.target = options.target;
    this.args = (options.args ?? []) as A;
    if (options.name !== undefined) {
      this._name = String(options.name);
    } else {
      const n = this.rt.counter('Thread');
      this._name = options.target === undefined ? `Thread-${n}` : `Thread-${n} (${options.target.name || '<lambda>'})`;
    }
    this._daemon = options.daemon ?? this.rt.current.daemon;
  }

  /** Wrap an engine record that was not started through `Thread` (MainThread). */
  static adopt(record: ThreadRecord, rt: Runtime): Thread {
    const t = Object.create(Thread.prototype) as Thread;
    Object.assign(t, { _name: record.name, _daemon: record.daemon, record, rt, target: undefined, args: [] });
    return t;
  }

  get name(): string {
    return this._name;
  }
  set name(value: string) {
    this._name = String(value);
  }
  get daemon(): boolean {
    return this._daemon;
  }
  set daemon(value: boolean) {
    if (this.record !== undefined) throw new RuntimeError('cannot set daemon status of active thread');
    this._daemon = value;
  }
  /** Thread identifier: set once started (deterministic: derived from the start order). */
  get ident(): number | null {
    return this.record === undefined ? null : identOf(this.record);
  }
  /** Index of the engine's thread record, once started (schedules use it). */
  get index(): number | undefined {
    return this.record?.index;
  }

  /** True from `start()` until the thread's body returns or raises. */
  is_alive(): boolean {
    return this.record !== undefined && !this.record.done;
  }

  /** The thread's activity: calls `target(...args)`. */
  *run(): Steps<unknown> {
    if (this.target !== undefined) return yield* this.target(...this.args);
    return undefined;
  }

  /** `start()`: one step that makes the new thread runnable (default policies run it first). */
  start(): Step<void> {
    return new StartOp(this as unknown as Thread);
  }

  /** Start the thread inside the current step (used by `start()` and by executors). */
  bootstrap(k: Kernel): void {
    Thread.spawn(this as unknown as Thread, k, new Spawn(this as unknown as Thread));
  }

  /**
   * Start `t` with `options` (its start op, or a {@link Spawn}): an object whose hook is a
   * method, and a body function made once, so no closure per thread started (a short run
   * starts a few and runs little else). Internal to this module.
   */
  static spawn(t: Thread, k: Kernel, options: SpawnOptions): void {
    if (t.record !== undefined) throw new RuntimeError('threads can only be started once');
    t.record = k.spawn(Thread.bodyOf, options);
  }

  /** The body of a started thread, whose record's handle is its Thread. */
  private static readonly bodyOf = (self: ThreadRecord): Steps<unknown> => (self.handle as Thread).body(self);

  /** The excepthook steps of this thread for the exception `e` (see {@link excepthook}). */
  static excepthookOf(t: Thread, e: unknown): Steps<unknown> | undefined {
    return t.excepthook(e);
  }

  /**
   * The thread's generator. The engine calls this as the new thread and runs it up to its
   * first op inside `spawn`, before spawn returns the record, so the record is kept here first.
   */
  private body(self: ThreadRecord): Steps<unknown> {
    this.record = self;
    // Without an overridden run(), the target's own generator is the thread's: no wrapper
    // generator, so no extra resume per step (the engine runs the excepthook, see below).
    if (this.run === Thread.prototype.run && this.target !== undefined) return this.target(...this.args);
    return this.run();
  }

  /**
   * The body raised `e`: CPython calls `threading.excepthook` in the dying thread itself, so a
   * custom hook becomes the thread's last steps. Without one (and for SystemExit and
   * threadsim's own errors) the engine prints the default report and records the failure.
   */
  private excepthook(e: unknown): Steps<unknown> | undefined {
    const hook = customHook(this.rt, this as unknown as Thread);
    if (hook === undefined || isUncatchable(e)) return undefined;
    return callMaybeSteps(() => hook({ exc_type: describeError(e).type, exc_value: e, thread: this as unknown as Thread }));
  }

  /** `join(timeout=None)`: wait until the thread ends or the timeout passes; returns None. */
  *join(timeout: number | null = null): Steps<void> {
    const rec = this.record;
    if (rec === undefined) throw new RuntimeError('cannot join thread before it is started');
    if (rec === this.rt.current) throw new RuntimeError('cannot join current thread');
    const op: Op = {
      kind: 'join',
      obj: rec.name,
      thread: rec.index,
      access: 'sync',
      waitOn: rec.finished,
      enabled: () => rec.done,
      ...(timeout === null ? {} : { timeout: toMicros(Math.max(0, timeout)) }),
      run: () => undefined,
      describeWait: () => `${rec.name} to finish (join)`,
    };
    yield op;
  }

  toString(): string {
    const state = this.record === undefined ? 'initial' : this.record.done ? 'stopped' : 'started';
    const cls = this.record?.index === 0 ? '_MainThread' : this.constructor.name;
    const ident = this.ident === null ? '' : ` ${this.ident}`;
    return `<${cls}(${this._name}, ${state}${this._daemon ? ' daemon' : ''}${ident})>`;
  }
}

/**
 * The op of `start()`: a class, so that starting a thread makes no closure, and its own
 * one-step iterator (no generator per start). It is also what the thread asks the engine to
 * start (its spawn options), so a start makes one object besides the thread.
 */
class StartOp extends OneStep<void> implements Op, SpawnOptions {
  declare readonly kind: 'spawn';
  declare readonly access: 'sync';
  readonly obj: string;
  constructor(private readonly starting: Thread) {
    super();
    this.obj = starting.name;
  }
  run(k: Kernel): void {
    Thread.spawn(this.starting, k, this);
  }
  // The spawn options: read by the engine when the thread starts, as Python reads them.
  get name(): string {
    return this.starting.name;
  }
  get daemon(): boolean {
    return this.starting.daemon;
  }
  get handle(): Thread {
    return this.starting;
  }
  onUncaught(e: unknown): Steps<unknown> | undefined {
    return Thread.excepthookOf(this.starting, e);
  }
}
opKind(StartOp, 'spawn', 'sync');

/** What a Thread started by an executor asks the engine to start (see StartOp). */
class Spawn implements SpawnOptions {
  constructor(readonly handle: Thread) {}
  get name(): string {
    return this.handle.name;
  }
  get daemon(): boolean {
    return this.handle.daemon;
  }
  onUncaught(e: unknown): Steps<unknown> | undefined {
    return Thread.excepthookOf(this.handle, e);
  }
}

/** A started thread's `ident`: unique in the run, derived from the start order. */
export function identOf(record: ThreadRecord): number {
  return 1000 + record.index;
}

function threadOf(rt: Runtime, record: ThreadRecord): Thread {
  if (record.handle instanceof Thread) return record.handle;
  return rt.singleton(`thread:${record.index}`, () => Thread.adopt(record, rt));
}

/** `threading.current_thread()`. */
export function current_thread(): Thread {
  const rt = runtime('current_thread()');
  return threadOf(rt, rt.current);
}

/** `threading.main_thread()`. */
export function main_thread(): Thread {
  const rt = runtime('main_thread()');
  return threadOf(rt, rt.threads[0]!);
}

/** `threading.enumerate()`: every thread started and not yet finished. */
export function enumerate(): Thread[] {
  const rt = runtime('enumerate()');
  return rt.threads.filter((r) => !r.done).map((r) => threadOf(rt, r));
}

/** What a custom `threading.excepthook` receives (Python's `ExceptHookArgs`, without the traceback). */
export interface ExceptHookArgs {
  /** The exception's Python type name (`ValueError`). */
  readonly exc_type: string;
  readonly exc_value: unknown;
  readonly thread: Thread;
}

/** A custom `threading.excepthook`: a plain function, or a generator function that takes steps (logs). */
export type ExceptHook = (args: ExceptHookArgs) => unknown;

interface HookSlot {
  hook: ExceptHook | undefined;
  /** Asked when no hook was set: a front end whose programs assign the hook as a module attribute. */
  source: ((thread: Thread) => ExceptHook | undefined) | undefined;
}

function hookSlot(rt: Runtime): HookSlot {
  return rt.singleton<HookSlot>('threading.excepthook', () => ({ hook: undefined, source: undefined }));
}

function customHook(rt: Runtime, thread: Thread): ExceptHook | undefined {
  const slot = hookSlot(rt);
  return slot.hook ?? slot.source?.(thread);
}

/**
 * For this run, ask `source` for the custom hook each time a thread raises (unless
 * {@link set_excepthook} set one): the `.py` front end reads `threading.excepthook` from the
 * program's module, which the program assigns as an attribute. `source` returns undefined for
 * the default report.
 */
export function excepthook_source(source: (thread: Thread) => ExceptHook | undefined): void {
  hookSlot(runtime('threading.excepthook')).source = source;
}

function isUncatchable(e: unknown): boolean {
  return (e instanceof Error && e.name === 'ThreadsimError') || describeError(e).type === 'SystemExit';
}

/**
 * `threading.excepthook = hook` for this run; `null` restores the default report
 * (`Exception in thread NAME:`, traceback, `Type: message`). A custom hook runs in the dying
 * thread, as in CPython, and the exception then counts as handled: no exception failure is
 * recorded for it.
 */
export function set_excepthook(hook: ExceptHook | null): void {
  hookSlot(runtime('threading.excepthook')).hook = hook ?? undefined;
}

/** `threading.get_ident()`: the current thread's `ident`. */
export function get_ident(): number {
  const rt = runtime('get_ident()');
  return threadOf(rt, rt.current).ident ?? 0;
}

/** `threading.active_count()`. */
export function active_count(): number {
  return runtime('active_count()').threads.filter((r) => !r.done).length;
}
