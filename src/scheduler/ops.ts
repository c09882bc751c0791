/**
 * The op vocabulary: the one contract between models and the engine.
 *
 * A thread is a generator that yields one {@link Op} per atomic step. The engine runs exactly
 * one op per step; the code a generator runs between two yields belongs to the step of the op
 * before it. Analyses (race detection, DPOR, exporters) read an op's data fields only
 * (`kind`, `obj`, `access`, `value`), never a model's internals; `run`, `enabled` and
 * `describeWait` are how the engine executes it.
 */

/** What an op does, in the words traces show. */
export type OpKind =
  | 'read'
  | 'write'
  | 'log'
  | 'sleep'
  | 'spawn'
  | 'join'
  | 'acquire'
  | 'release'
  | 'wait'
  | 'notify'
  | 'put'
  | 'get'
  | 'set'
  | 'clear'
  | 'submit'
  | 'result'
  | 'shutdown'
  | 'exit'
  | 'yield';

/**
 * How an op touches its object, for dependency and happens-before:
 * - `read` / `write`: a shared-state location (`obj` is `store.key`);
 * - `sync`: the state of a synchronisation object (lock, queue, event, thread); two sync ops
 *   on the same object are always dependent and ordered by happens-before;
 * - `none`: touches nothing another thread can see (logging output aside).
 */
export type Access = 'read' | 'write' | 'sync' | 'none';

/** A queue of parked threads. Every blocking primitive parks on one of these. */
export class WaitQueue {
  /** Threads parked here, in the order they parked. Managed by the engine only. */
  readonly parked: ThreadRecord[] = [];
  constructor(readonly label: string) {}
}

/** The engine's view of a thread that ops and models may read. */
export interface ThreadRecord {
  /** Index in the execution's thread table: 0 is MainThread, then in creation order. */
  readonly index: number;
  /** The thread's name when it was started (schedules and traces use it). */
  readonly name: string;
  readonly daemon: boolean;
  /** Parked here when its op is disabled, woken by ops that change the object's state. */
  readonly finished: WaitQueue;
  /** True once the thread's generator has returned or thrown. */
  readonly done: boolean;
  /** The thread model object that owns this record, if any (a `Thread`). */
  readonly handle: unknown;
}

/** Options for {@link Kernel.spawn}. */
export interface SpawnOptions {
  readonly name: string;
  readonly daemon: boolean;
  readonly handle: unknown;
  /**
   * Called with the thread's uncaught exception instead of the default report
   * (`Exception in thread NAME:` ...); the exception failure is still recorded.
   */
  readonly onError?: (error: unknown) => void;
  /**
   * Asked once, when the thread's body raises (anything but a threadsim error): steps for the
   * dying thread to run instead, as CPython runs a custom `threading.excepthook` in the thread
   * itself. When it returns steps, they replace the body in the same step (their code up to
   * their first op runs at once); the thread ends normally when they end, with no result, no
   * report and no exception failure. What the steps themselves raise is reported as the
   * thread's uncaught exception. Return undefined to let the exception end the thread as usual.
   */
  readonly onUncaught?: (error: unknown) => Steps<unknown> | undefined;
}

/**
 * The stream of a write with no line end (a `.py` program's `print` writes its text, then the
 * line end, as CPython does): the next line, whoever writes it, continues it.
 */
export const PARTIAL_STREAM = 'stdout-part';

/** A line the simulated program wrote. */
export interface OutputLine {
  /** Virtual time in microseconds since the clock's start. */
  readonly time: number;
  readonly thread: string;
  /** `stdout`, `stderr`, or a logging level name (`DEBUG`, `INFO`, ...). */
  readonly stream: string;
  /** Logging level number (10 DEBUG .. 50 CRITICAL), 0 for plain writes. */
  readonly level: number;
  readonly text: string;
}

/**
 * What the engine offers ops while they run. Ops receive it as an argument so that models
 * never import the engine.
 */
export interface Kernel {
  /** Virtual time in microseconds since the clock's start. */
  readonly now: number;
  /** Index of the step being run. */
  readonly step: number;
  /** The thread running the current step. */
  readonly current: ThreadRecord;
  /**
   * Start a new thread running `body`; it becomes runnable at once. `body` is called with the
   * new thread's record, as that thread (`current` is the new thread), and its code up to its
   * first op runs inside `spawn`.
   */
  spawn(body: (self: ThreadRecord) => Steps<unknown>, options: SpawnOptions): ThreadRecord;
  /** Make up to `n` (default all) threads parked on `queue` runnable again. */
  wake(queue: WaitQueue, n?: number): void;
  /** Read a shared-state location. */
  load(store: string, key: string): unknown;
  /** Write a shared-state location. */
  storeValue(store: string, key: string, value: unknown): void;
  /** Append a line to the program's output. */
  emit(stream: string, level: number, text: string): void;
  /** Every thread of this execution, by index. */
  readonly threads: readonly ThreadRecord[];
  /**
   * Python's `sys.setswitchinterval(seconds)`, in microseconds: offered to the policy at every
   * later scheduling point ({@link SchedulingPoint.switchInterval}); the gil policy uses it.
   */
  setSwitchInterval?(micros: number): void;
  /**
   * A nondeterministic choice among `k` alternatives, made inside the current step and
   * answered by the policy (src/scheduler/choice.ts): an integer in [0, k). With k <= 1 it
   * returns 0 and records nothing.
   */
  choose(k: number): number;
  /**
   * Code run inside the current step that its op does not describe (a container calling a
   * class's `__eq__`, CPython runs it inside one C call) touched `obj` (undefined: no shared
   * object), writing it or not, or printed (`output`). Exploration counts it in the step's
   * footprint ({@link StepExtra}), so the orders that depend on it are explored.
   */
  touch?(obj: string | undefined, write: boolean, output: boolean): void;
  /**
   * Code run inside the current step (as for {@link touch}) ran `op`, which returned `result`
   * or raised (`raised`): monitors see it in {@link StepExtra.ran}, so the race detector
   * checks the reads and writes of a class's `__eq__` run inside a container's step.
   */
  ranInside?(op: Op, result: unknown, raised: boolean): void;
}

/** An op run by code inside a step (see {@link Kernel.ranInside}). */
export interface InsideOp {
  readonly op: Op;
  readonly result: unknown;
  readonly raised: boolean;
}

/** What code run inside a step touched beyond its op (see {@link Kernel.touch}). */
export interface StepExtra {
  readonly objs: string[];
  write: boolean;
  output: boolean;
  /** The ops that code ran, in order (see {@link Kernel.ranInside}); recorded only when a monitor watches. */
  readonly ran?: InsideOp[];
}

/**
 * One atomic step of a thread.
 *
 * Invariant: `run` is called only when `enabled` is absent or returns true, or when the op's
 * `timeout` has expired (then `timedOut` is true).
 */
export interface Op {
  readonly kind: OpKind;
  /** The object touched, as traces name it (`db.value`, `Lock#1`, `Thread-1 (update)`). */
  readonly obj: string | undefined;
  /**
   * Further objects the op touches with the same `access`, for the few ops that read or change
   * several sync objects in one step (`concurrent.futures.wait` over many futures). Analyses
   * treat the op as touching `obj` and each of these.
   */
  readonly objs?: readonly string[];
  readonly access: Access;
  /** The value written, or a short description of the argument (shown in traces). */
  readonly value?: unknown;
  /**
   * For an op that completes a future with an exception: that exception (`ValueError: bad`),
   * so analyses can tell when nobody ever reads it. Read it at the end of the run: it becomes
   * undefined once the program has seen the exception some other way (a done-callback).
   */
  readonly error?: string;
  /** For `join`: the index of the thread joined (happens-before: its end precedes the join). */
  readonly thread?: number;
  /**
   * Where the program yielded this op (`examples/race.ts:17`). Set only when a run asks for
   * code sites (recorded runs), so that reports can name the two lines of a race.
   */
  readonly site?: string;
  /** When present and false, the thread parks on `waitOn` until woken. */
  enabled?(k: Kernel): boolean;
  /** Where the thread parks while `enabled` is false. */
  readonly waitOn?: WaitQueue;
  /** Relative timeout in microseconds for a blocking op; undefined blocks forever. */
  readonly timeout?: number;
  /** True when the op gives up the CPU voluntarily even if it does not block (`sleep(0)`). */
  readonly yields?: boolean;
  /**
   * True on the acquire and release ops of a mutual-exclusion lock (`Lock`, `RLock`, the lock
   * under a `Condition`): while one thread holds `obj`, a blocking acquire of it by any other
   * thread is disabled. Exploration reads it to skip races that can never be reversed: a
   * release and the blocked acquire it lets through are never enabled in the same state.
   */
  readonly exclusive?: boolean;
  /**
   * True on a blocking op that is enabled exactly when its object has something to take (an
   * item in a queue or in an executor's work queue, a semaphore's permit): while
   * {@link available} is 0, it cannot run.
   */
  readonly takes?: boolean;
  /**
   * On every op of an object that {@link takes} ops wait on: how many takes could run now
   * (items queued, permits left), called right after the step ran. With {@link takes},
   * exploration skips races that cannot be reversed (a put into an empty queue and the get it
   * lets through are never enabled together).
   */
  readonly available?: () => number;
  /**
   * True when no other thread may run between this op and the same thread's previous op
   * (CPython 3.11 reaches no check point between them, so it cannot switch there). The engine
   * runs it next without asking the policy, as it does when only one thread can run.
   */
  readonly glued?: boolean;
  /**
   * A write that is one atomic update of a container (a `.py` program's `list.append`,
   * `d[k] = v`): race detection does not report two such writes as racing with each other,
   * since neither loses the other's change. Exploration orders them as any two writes.
   */
  readonly atomic?: boolean;
  /** Perform the step; the return value is what `yield` evaluates to in the thread. */
  run(k: Kernel, timedOut: boolean): unknown;
  /** For deadlock reports: what a parked thread waits for ("Lock#1 held by MainThread"). */
  describeWait?(k: Kernel): string;
}

/** A thread body or a primitive: a generator of ops returning R. */
export type Steps<R = void> = Generator<Op, R, unknown>;

/**
 * What a primitive returns: anything `yield*` can delegate to that yields ops and returns R.
 * Generators are Steps; one-step primitives may return a lighter iterator.
 */
export type Step<R = void> = Iterator<Op, R, unknown> & Iterable<Op, R, unknown>;

/** True when `x` looks like an op (duck-typed: an object with a `kind` and a `run`). */
export function isOp(x: unknown): x is Op {
  return typeof x === 'object' && x !== null && typeof (x as Op).run === 'function' && typeof (x as Op).kind === 'string';
}
