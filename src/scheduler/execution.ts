/**
 * One execution of a program: the thread table, the run loop, parking and waking, the virtual
 * clock and Python's program end.
 *
 * Invariants of the thread table:
 * - a thread is in exactly one of: `runnable` (ordered by when it became runnable), parked
 *   (on its op's wait queue, or only on the timer heap while sleeping), or done;
 * - a runnable thread's pending op is enabled, or its timeout has expired (checked before
 *   every pick, so a woken thread that lost a race parks again without taking a step);
 * - the clock only moves forward: by `stepCost` per step, and to the next deadline when no
 *   thread can run.
 */
import { freeze, produce } from 'immer';
import { ThreadsimError } from '../errors.js';
import { setActiveRuntime, takeUnrun, type TrackedOp } from './context.js';
import { checkClaims } from './claims.js';
import type { ChoiceRecord, Chooser } from './choice.js';
import { FinalStates } from './final-states.js';
import { describeError, exceptionLine, tracebackFrames } from './exception-line.js';
import type { ClaimFailure, Failure } from './failures.js';
import { invariantMonitor } from './detect/invariants.js';
import { runEnd } from './counterfactual.js';
import { combineMonitors, type BlockedThread, type Monitor, type StepEvent } from './monitor.js';
import { FallbackPolicy } from './policies/fallback.js';
import { GilPolicy } from './policies/gil.js';
import { ReplayPolicy } from './policies/replay.js';
import { isOp, WaitQueue, type Kernel, type Op, type OutputLine, type SpawnOptions, type InsideOp, type Steps, type ThreadRecord } from './ops.js';
import type { Policy, SchedulingPoint } from './policies/policy.js';
import { isGeneratorFunction, type Claim, type Program, type SharedState } from './program.js';
import type { Runtime, RuntimeSettings } from './runtime.js';
import { ScheduleLog } from './schedule-log.js';
import { stepProbe } from './probe.js';
import { safeStringify } from './json-safe.js';
import { TimerHeap } from './timers.js';
import { empty, removeAt, removeFrom } from './lists.js';

/** Options of one execution. */
export interface ExecutionOptions {
  readonly policy: Policy;
  readonly seed: number;
  /** Stop with a step-bound failure after this many steps. Default 100,000. */
  readonly maxSteps?: number;
  /** Keep a step-by-step record with shared-state snapshots. Default false. */
  readonly record?: boolean;
  /** Virtual CPU time one step takes, in microseconds. Default 1. */
  readonly stepCost?: number;
  /** `os.cpu_count()` as the models see it. Default 2. */
  readonly cpuCount?: number;
  /**
   * Untimed mode: sleeps and timeouts order nothing. A sleeping thread, or one in a timed
   * wait, stays runnable, so the policy may let it wake (or time out) before or after any
   * other thread's steps, as on a loaded machine. A wake-up of some of a wait queue's threads
   * (a queue's put, a semaphore's release) makes all of them runnable: which one started
   * waiting first is timing too. Default false (virtual-time rules).
   */
  readonly untimed?: boolean;
  /** Watches every step (race detection, invariants). */
  readonly monitor?: Monitor;
  /** Ops carry their code site (`Op.site`) for reports. Default: the value of `record`. */
  readonly sites?: boolean;
  /** What-if runs (counterfactual.ts): interpreter exit waits for daemon threads too. */
  readonly joinDaemons?: boolean;
  /** What-if runs (counterfactual.ts): blocking ops ignore their timeouts; sleeps still end. */
  readonly noTimeouts?: boolean;
  /** What-if runs (counterfactual.ts): every Condition notify wakes all its waiters. */
  readonly notifyAll?: boolean;
  /** What-if runs (counterfactual.ts): a Condition notify that finds no waiter wakes the next thread to wait. */
  readonly rememberNotifies?: boolean;
  /**
   * Answers the program's choices instead of the policy (exhaustive searches fix a choice
   * function per search, explore/choices.ts). Default: the policy's `choose`, else 0.
   */
  readonly chooser?: Chooser;
}

/** One recorded step (kept only with `record: true`). */
export interface StepRecord {
  readonly step: number;
  /** Virtual time (µs) when the step ran. */
  readonly time: number;
  readonly thread: number;
  readonly kind: Op['kind'];
  readonly obj: string | undefined;
  /** Further objects the op touched (`Op.objs`). */
  readonly objs?: readonly string[];
  readonly access: Op['access'];
  readonly value: unknown;
  readonly result: unknown;
  /** Virtual time (µs) when the thread reached this op; earlier than `time` when it waited. */
  readonly since: number;
  /** True when the op ran because its timeout expired. */
  readonly timedOut: boolean;
  /** Set when the op raised into the thread: `Type: message`. */
  readonly raised?: string;
  /** True when the thread parked (blocked or slept) between reaching the op and running it. */
  readonly blocked?: boolean;
  /** Index of the thread this step started, when it started one. */
  readonly spawned?: number;
  /** For a `join`: the index of the joined thread (its end happens before this step). */
  readonly joined?: number;
  /** Shared state after the step (structurally shared with the previous snapshot). */
  readonly state: SharedState;
  /** Where the program yielded the op (`Op.site`), when the run captured sites. */
  readonly site?: string;
}

/** How an execution ended. */
export type Ending = 'complete' | 'deadlock' | 'step-bound';

/** Everything a finished execution produced. */
export interface ExecutionResult {
  readonly program: string;
  readonly policy: string;
  readonly seed: number;
  readonly ending: Ending;
  readonly steps: number;
  /** Virtual time at the end, µs. */
  readonly time: number;
  /**
   * Thread index per step: the schedule that replays this execution. Built when first read
   * (then the same array on every read), as most runs of an exploration never need it.
   */
  readonly schedule: readonly number[];
  readonly threads: readonly { readonly index: number; readonly name: string; readonly daemon: boolean }[];
  /**
   * What each thread's body returned, by thread index (MainThread: the program's main).
   * Undefined for a thread that raised or had not finished when the execution ended.
   */
  readonly results: readonly unknown[];
  readonly output: readonly OutputLine[];
  readonly failures: readonly Failure[];
  readonly state: SharedState;
  readonly trace?: readonly StepRecord[];
  /** Shared state before the first step (kept with `record: true`). */
  readonly initialState?: SharedState;
  /**
   * The choices the run made (src/scheduler/choice.ts), in order; absent when it made none.
   * With the schedule, they replay the execution exactly.
   */
  readonly choices?: readonly ChoiceRecord[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** How many steps a what-if run may take past the end of the run it explains. */
const WHAT_IF_STEPS = 10_000;

/** Schedules up to this long are copied into the result; longer logs are handed over whole. */
const SHORT_SCHEDULE = 256;
const NO_OUTPUT: readonly OutputLine[] = Object.freeze([]);
const NO_FAILURES: readonly Failure[] = Object.freeze([]);
const NO_CLAIM_FAILURES: readonly ClaimFailure[] = Object.freeze([]);
const NO_CLAIMS: Readonly<Record<string, Claim>> = Object.freeze({});
const NO_INFOS: ExecutionResult['threads'] = Object.freeze([]);
/** Frozen arrays of n undefineds, by n: the results of runs whose threads returned nothing. */
const NO_RESULTS: (readonly unknown[])[] = [];

function noResults(n: number): readonly unknown[] {
  return (NO_RESULTS[n] ??= Object.freeze(new Array<unknown>(n).fill(undefined)));
}
/** Thread records kept for reuse at most. */
const MAX_SPARE = 64;

/** Failures that hold only strings and numbers (a race failure holds the values accessed). */
function plainFailures(failures: readonly Failure[]): boolean {
  for (let i = 0; i < failures.length; i++) {
    const k = failures[i]!.kind;
    if (k !== 'claim' && k !== 'exception' && k !== 'step-bound' && k !== 'deadlock') return false;
  }
  return true;
}

const MAIN_THREAD: SpawnOptions = Object.freeze({ name: 'MainThread', daemon: false, handle: undefined });
const DEFAULT_SETTINGS: RuntimeSettings = Object.freeze({ cpuCount: -1, programSeed: -1, captureSites: false });

const RUNNABLE = 0;
const PARKED = 1;
const DONE = 2;

/** A pending op's deadline when it has no timeout (a small integer, so the field never holds a boxed number). */
const NO_DEADLINE = -1;

/** A record's generator before its body is made (a finished one, so that a reused record holds no old generator). */
const NO_STEPS: Steps<unknown> = (function* (): Steps<unknown> {
  return undefined;
})();

/** Where a thread is with Python's excepthook (SpawnOptions.onUncaught, asked once). */
const IN_BODY = 0;
const HOOK_ASKED = 1;
const IN_HOOK = 2;

/**
 * A thread's record. Records of a finished run that nothing outside the engine can reach any
 * more are reused by the next run ({@link Execution.reset}): every field is set in
 * {@link Thread.init}, which the constructor calls too, so a reused record starts as a new one.
 */
class Thread implements ThreadRecord {
  declare index: number;
  declare name: string;
  declare daemon: boolean;
  /** Kept whole, and its hooks called as its methods: a model may pass one object with methods instead of closures. */
  declare options: SpawnOptions;
  declare status: number;
  /** What the body returned, once done without raising. */
  declare result: unknown;
  declare pending: Op | undefined;
  /** Absolute deadline of the pending op's timeout; NO_DEADLINE when it has none. */
  declare deadline: number;
  /** Bumped on every wake so stale timer entries are ignored. */
  declare token: number;
  declare parkedOn: WaitQueue | undefined;
  /** Virtual time when the pending op was reached. */
  declare since: number;
  /** True once the thread has parked waiting for its pending op. */
  declare parkedForPending: boolean;
  /** The generator the thread runs: its body, then its excepthook steps if the body raised. */
  declare gen: Steps<unknown>;
  /**
   * IN_BODY; HOOK_ASKED once the body raised and `onUncaught` was asked; IN_HOOK while the
   * thread runs the steps it gave (the body raised, so the thread has no result).
   */
  declare hook: number;
  /**
   * The store and key of the last object-valued shared location this thread read, wrote or
   * created: the one it most likely changed in place when it raises a frozen object's TypeError.
   */
  declare sharedStore: string | undefined;
  declare sharedKey: string | undefined;
  /** Made when first asked for (a join): most threads are never joined. */
  declare finishedQueue: WaitQueue | undefined;
  /** The thread whose step started this one (undefined for MainThread), and this thread's place among its children. */
  declare parent: Thread | undefined;
  declare childIndex: number;
  /** Threads this one started, and choices it made, so far. */
  declare children: number;
  declare choicesMade: number;

  constructor(index: number, name: string, daemon: boolean, options: SpawnOptions) {
    this.init(index, name, daemon, options);
  }

  /** Start afresh as thread `index` (a new record, or one reused from a finished run). */
  init(index: number, name: string, daemon: boolean, options: SpawnOptions): void {
    this.index = index;
    this.name = name;
    this.daemon = daemon;
    this.options = options;
    this.status = RUNNABLE;
    this.result = undefined;
    this.pending = undefined;
    this.deadline = NO_DEADLINE;
    this.token = 0;
    this.parkedOn = undefined;
    this.since = 0;
    this.parkedForPending = false;
    this.gen = NO_STEPS;
    this.hook = IN_BODY;
    this.sharedStore = undefined;
    this.sharedKey = undefined;
    this.finishedQueue = undefined;
    this.parent = undefined;
    this.childIndex = 0;
    this.children = 0;
    this.choicesMade = 0;
  }
  get done(): boolean {
    return this.status === DONE;
  }
  get handle(): unknown {
    return this.options.handle;
  }
  get finished(): WaitQueue {
    return (this.finishedQueue ??= new WaitQueue(this.name));
  }
}

/**
 * Runs one execution of a program under a policy. {@link execute} keeps one instance and
 * {@link Execution.reset}s it for the next run, so a short run allocates little besides what the
 * program itself makes and the result it returns: every field that a result keeps (threads,
 * output, failures, state, a long schedule) is handed over and replaced, the rest is cleared.
 */
export class Execution implements Runtime {
  threads: Thread[] = [];
  /** `threads` was given to a monitor, which may keep it: the next run makes a new table. */
  private threadsHandedOver = false;
  /**
   * True when the last run's thread records can be reused: no monitor was handed them (at its
   * `onEnd`; step events name threads by index), and nothing the result holds (thread
   * results, the final state, failures) can reach a model object that points at one. The next
   * run then takes its records from {@link spare}.
   */
  private recyclable = false;
  private readonly spare: Thread[] = [];
  private readonly runnable: Thread[] = [];
  private readonly runnableIds: number[] = [];
  /** The runnable list changed since `runnableIds` was built. */
  private runnableDirty = true;
  /** Some runnable thread's pending op has `enabled`, so it must be re-checked every step. */
  private mayDisable = false;
  /** The runnable threads whose pending op has an `enabled` test, as of the last full pass of collectRunnable. */
  private readonly guarded: Thread[] = [];
  private readonly timers = new TimerHeap<Thread>();
  private readonly exitHooks: (() => Steps<void>)[] = [];
  private readonly counters = new Map<string, number>();
  private readonly singletons = new Map<string, unknown>();
  private output: OutputLine[] = [];
  private failures: Failure[] = [];
  private schedule = new ScheduleLog();
  /** The run's choices; a new array per run that makes one (handed to the result). */
  private choices: ChoiceRecord[] | undefined;
  /** The step that choices made now belong to: the one running, or step 0 before the first. */
  private choiceStep = 0;
  /** Which choice of `choiceStep` the next one is. */
  private choiceInStep = 0;
  private trace: StepRecord[] | undefined;
  /** Woken whenever any thread finishes: MainThread waits here at interpreter exit. */
  private readonly anyFinished = new WaitQueue('threads at exit');
  /**
   * Shared state. Recording: immutable, each write makes the next state through immer, so
   * step records keep snapshots by structural sharing. Not recording: a working copy changed
   * in place (the hot path), frozen when the run ends.
   */
  private state: SharedState = {};
  private initialState: SharedState | undefined;
  private cur!: Thread;
  private clock = 0;
  private stepIndex = 0;
  private spawnedBy = -1;
  private stepCost = 1;
  private maxSteps = 0;
  private untimed = false;
  private monitor: Monitor | undefined;
  private readonly event: StepEvent = { step: 0, time: 0, thread: 0, op: undefined as unknown as Op, result: undefined, raised: undefined, timedOut: false, spawned: -1, state: {}, extra: undefined };
  /** What code inside the running step touched beyond its op (Kernel.touch); used when `touched`. */
  private readonly extra: { objs: string[]; write: boolean; output: boolean; ran: InsideOp[] } = { objs: [], write: false, output: false, ran: [] };
  private touched = false;
  settings: RuntimeSettings = DEFAULT_SETTINGS;
  private program!: Program;
  private options!: ExecutionOptions;
  /** The program's claims as entries, made once per claims object. */
  private claimsOf: Readonly<Record<string, Claim>> | undefined;
  private claimList: readonly (readonly [string, Claim])[] = [];
  /** Recent final states, frozen, handed out again to runs that end in an equal state. */
  private readonly finalStates = new FinalStates();
  /** The thread table of the last result, reused while threads keep their names (see threadInfos). */
  private lastInfos: ExecutionResult['threads'] = NO_INFOS;
  /**
   * MainThread's body; made once, as is the interpreter-exit op. A generator function's
   * generator runs as MainThread itself (no wrapper generator to resume on every one of its
   * steps): the engine starts the interpreter shutdown when it returns or raises (see
   * {@link shutdown}). Anything else goes through {@link mainBody}, which reports what
   * `yield*` of it raises.
   */
  private readonly mainStart = (): Steps<unknown> => {
    if (!this.directMain) return this.mainBody();
    this.mainInBody = true;
    // A throw here (a parameter default) is main's exception: raised() reports it as such.
    return this.program.main();
  };
  /** The program's main is a generator function (checked once per program). */
  private directMain = false;
  private mainOf: Program['main'] | undefined;
  /** MainThread runs the program's main generator itself, which has not returned or raised yet. */
  private mainInBody = false;
  private exitStep: Op | undefined;
  /** MainThread's last steps when no exit hook was registered: made once per instance. */
  private exitSteps: ExitSteps | undefined;
  private readonly point = {
    step: 0,
    now: 0,
    previous: -1,
    spawned: -1,
    yielded: false,
    switchInterval: undefined as number | undefined,
    pending: (thread: number): Op | undefined => this.threads[thread]?.pending,
    threadName: (thread: number): string | undefined => this.threads[thread]?.name,
  };

  constructor(program: Program, options: ExecutionOptions) {
    this.reset(program, options);
  }

  /**
   * Make this instance ready for a fresh execution of `program` under `options`, as if newly
   * constructed. What the last result holds was handed over by {@link result}; what is left is
   * cleared in place.
   */
  reset(program: Program, options: ExecutionOptions): void {
    this.program = program;
    this.options = options;
    this.stepCost = options.stepCost ?? 1;
    this.maxSteps = options.maxSteps ?? 100_000;
    this.trace = options.record ? [] : undefined;
    this.untimed = options.untimed ?? false;
    const invariants = program.options.invariants;
    if (invariants !== undefined && Object.keys(invariants).length > 0) {
      const monitors: Monitor[] = [];
      if (options.monitor !== undefined) monitors.push(options.monitor);
      monitors.push(invariantMonitor(invariants, (i) => this.threads[i]?.name ?? `#${i}`));
      this.monitor = combineMonitors(monitors);
    } else {
      this.monitor = options.monitor;
    }
    const cpuCount = options.cpuCount ?? 2;
    const programSeed = program.options.programSeed ?? 0;
    const captureSites = options.sites ?? options.record ?? false;
    const s = this.settings;
    // Models may keep the settings object: a new one unless every field is the same.
    if (s.cpuCount !== cpuCount || s.programSeed !== programSeed || s.captureSites !== captureSites || s.notifyAll !== (options.notifyAll === true ? true : undefined) || s.rememberNotifies !== (options.rememberNotifies === true ? true : undefined)) {
      this.settings = {
        cpuCount,
        programSeed,
        captureSites,
        ...(options.notifyAll === true ? { notifyAll: true } : {}),
        ...(options.rememberNotifies === true ? { rememberNotifies: true } : {}),
      };
    }
    // A monitor was handed the thread table at the end of the last run and may keep it.
    if (this.threadsHandedOver) {
      this.threads = [];
      this.threadsHandedOver = false;
    } else {
      if (this.recyclable) {
        const threads = this.threads;
        for (let i = 0; i < threads.length && this.spare.length < MAX_SPARE; i++) this.spare.push(threads[i]!);
      }
      empty(this.threads);
    }
    this.recyclable = false;
    empty(this.runnable);
    empty(this.runnableIds);
    this.runnableDirty = true;
    this.mayDisable = false;
    if (this.timers.size > 0) this.timers.clear();
    empty(this.exitHooks);
    if (this.counters.size > 0) this.counters.clear();
    if (this.singletons.size > 0) this.singletons.clear();
    if (this.output.length > 0) this.output = [];
    if (this.failures.length > 0) this.failures = [];
    this.schedule.clear();
    this.choices = undefined;
    this.choiceStep = 0;
    this.choiceInStep = 0;
    empty(this.anyFinished.parked);
    this.state = {};
    this.initialState = undefined;
    this.clock = 0;
    this.stepIndex = 0;
    this.spawnedBy = -1;
    const point = this.point;
    point.step = 0;
    point.now = 0;
    point.previous = -1;
    point.spawned = -1;
    point.yielded = false;
    point.switchInterval = undefined;
    this.mainInBody = false;
    if (program.main !== this.mainOf) {
      this.mainOf = program.main;
      this.directMain = isGeneratorFunction(program.main);
    }
    const claims = program.options.claims ?? NO_CLAIMS;
    if (claims !== this.claimsOf) {
      this.claimsOf = claims;
      this.claimList = Object.entries(claims);
      // The kept final states remember failures of these claims.
      this.finalStates.clear();
    }
  }

  get now(): number {
    return this.clock;
  }
  get step(): number {
    return this.stepIndex;
  }
  get current(): ThreadRecord {
    return this.cur;
  }

  /** Run to the end (complete, deadlock or step bound) and return what happened. */
  run(): ExecutionResult {
    const before = setActiveRuntime(this);
    try {
      this.options.policy.begin(this.options.seed);
      takeUnrun();
      const main = this.startThread(this.mainStart, MAIN_THREAD);
      this.initialState = this.state;
      const ending = this.loop(main);
      // Not recording: the working state becomes the result's, frozen, or an equal frozen one
      // kept from an earlier run (claims, monitors and the result all see the frozen state).
      const final = this.trace === undefined ? this.finalStates.intern(this.state) : undefined;
      if (final !== undefined) this.state = final.state;
      const claims: readonly ClaimFailure[] = ending === 'complete' && this.claimList.length > 0 ? checkClaims(this.claimList, this.state, summarizeState, final?.claims) : NO_CLAIM_FAILURES;
      for (let i = 0; i < claims.length; i++) this.failures.push(claims[i]!);
      if (this.monitor?.onEnd !== undefined) this.threadsHandedOver = true;
      const found = this.monitor?.onEnd?.(ending, this.state, this.threads);
      if (found) this.failures.push(...found);
      if (claims.length > 0 && this.monitor?.explainClaim !== undefined) this.explainClaims(claims);
      const r = this.result(ending);
      this.recyclable = !this.threadsHandedOver && final?.primitive === true && r.results === noResults(this.threads.length) && plainFailures(r.failures);
      return r;
    } finally {
      setActiveRuntime(before);
    }
  }

  private loop(main: Thread): Ending {
    const policy = this.options.policy;
    const point = this.point;
    for (;;) {
      if (main.done) return 'complete';
      if (this.timers.size > 0) this.fireTimers();
      const ids = this.collectRunnable();
      if (ids.length === 0) {
        const next = this.nextDeadline();
        if (next === undefined) {
          this.reportDeadlock();
          return 'deadlock';
        }
        this.clock = Math.max(this.clock, next);
        continue;
      }
      if (this.stepIndex >= this.maxSteps) {
        this.failures.push({
          kind: 'step-bound',
          maxSteps: this.maxSteps,
          message: `step bound exceeded: the run took more than ${this.maxSteps} steps (a spin loop?). Raise it with --max-steps N if the program really needs more.`,
        });
        return 'step-bound';
      }
      point.step = this.stepIndex;
      point.now = this.clock;
      const chosen = ids.length === 1 ? ids[0]! : this.gluedThread(ids) ?? policy.pick(ids, point);
      const t = this.threads[chosen];
      if (t === undefined || t.status !== RUNNABLE) {
        throw new Error(`policy ${policy.name} picked thread ${chosen}, which is not runnable`);
      }
      this.runStep(t);
    }
  }

  /** The thread whose pending op is glued to the step it just ran, when it can run now. */
  private gluedThread(ids: readonly number[]): number | undefined {
    const prev = this.point.previous;
    if (prev < 0) return undefined;
    const t = this.threads[prev];
    return t !== undefined && t.pending?.glued === true && t.status === RUNNABLE && ids.includes(prev) ? prev : undefined;
  }

  /**
   * Park every runnable thread whose op is disabled; return the ids of the rest. The list is
   * rebuilt only when the runnable set changed or a runnable thread's op can be disabled
   * (has `enabled`): on the hot path of plain reads and writes it is reused as is.
   */
  private collectRunnable(): number[] {
    const ids = this.runnableIds;
    if (!this.runnableDirty) {
      if (this.mayDisable) this.askGuarded();
      return ids;
    }
    const list = this.runnable;
    const guarded = this.guarded;
    empty(guarded);
    let w = 0;
    for (let r = 0; r < list.length; r++) {
      const t = list[r]!;
      const op = t.pending!;
      if (op.enabled !== undefined) {
        if (this.mayBeDisabled(t)) {
          this.cur = t;
          if (!op.enabled(this)) {
            this.park(t, op);
            continue;
          }
        }
        guarded.push(t);
      }
      list[w] = t;
      ids[w++] = t.index;
    }
    const mayDisable = guarded.length > 0;
    // Setting an array's length is a runtime call; pop is not, and these shrink by a thread or two.
    while (list.length > w) list.pop();
    while (ids.length > w) ids.pop();
    this.runnableDirty = false;
    this.mayDisable = mayDisable;
    return ids;
  }

  /** Whether `t`'s guarded op is asked `enabled` (not when its deadline has passed, or a timed wait under untimed rules). */
  private mayBeDisabled(t: Thread): boolean {
    return (t.deadline === NO_DEADLINE || t.deadline > this.clock) && !(this.untimed && t.deadline !== NO_DEADLINE);
  }

  /**
   * With the runnable set unchanged, only the threads whose op can be disabled need asking:
   * each is asked once, in the order a full pass would ask it, and parked if disabled, so the
   * result and the calls made are those of a full pass. A thousand runnable threads and one
   * waiting join made every step a pass over all of them.
   */
  private askGuarded(): void {
    const guarded = this.guarded;
    for (let g = 0; g < guarded.length; g++) {
      const t = guarded[g]!;
      if (!this.mayBeDisabled(t)) continue;
      this.cur = t;
      const op = t.pending!;
      if (op.enabled!(this)) continue;
      this.park(t, op);
      removeAt(guarded, g--);
      const r = this.runnable.indexOf(t);
      removeAt(this.runnable, r);
      removeAt(this.runnableIds, r);
    }
    this.mayDisable = guarded.length > 0;
  }

  private park(t: Thread, op: Op): void {
    t.status = PARKED;
    t.parkedForPending = true;
    t.parkedOn = op.waitOn;
    op.waitOn?.parked.push(t);
    if (t.deadline !== NO_DEADLINE) this.timers.push(t.deadline, t, t.token);
  }

  private fireTimers(): void {
    for (let e = this.timers.peek(); e !== undefined && e.deadline <= this.clock; e = this.timers.peek()) {
      this.timers.pop();
      const t = e.item;
      if (e.token !== t.token || t.status !== PARKED) continue;
      if (t.parkedOn !== undefined) removeFrom(t.parkedOn.parked, t);
      this.makeRunnable(t);
    }
  }

  private nextDeadline(): number | undefined {
    for (let e = this.timers.peek(); e !== undefined; e = this.timers.peek()) {
      if (e.token === e.item.token && e.item.status === PARKED) return e.deadline;
      this.timers.pop();
    }
    return undefined;
  }

  private makeRunnable(t: Thread): void {
    t.status = RUNNABLE;
    t.parkedOn = undefined;
    t.token++;
    this.runnable.push(t);
    this.runnableDirty = true;
  }

  private runStep(t: Thread): void {
    const point = this.point;
    this.cur = t;
    if (this.choiceStep !== this.stepIndex) {
      this.choiceStep = this.stepIndex;
      this.choiceInStep = 0;
    }
    this.spawnedBy = -1;
    const op = t.pending!;
    if (this.touched) this.untouch();
    const expired = t.deadline !== NO_DEADLINE && (t.deadline <= this.clock || this.untimed);
    const timedOut = expired && op.enabled !== undefined && !op.enabled(this);
    let result: unknown;
    let error: unknown;
    let threw = false;
    try {
      result = op.run(this, timedOut);
    } catch (e) {
      if (isOwnError(e)) throw e;
      threw = true;
      error = e;
    }
    this.schedule.push(t.index);
    if (this.trace !== undefined) this.recordStep(t, op, result, timedOut, threw ? error : undefined, threw);
    if (this.monitor !== undefined) this.notify(t, op, result, error, timedOut);
    this.stepIndex++;
    this.clock += this.stepCost;
    this.advance(t, result, error, threw);
    point.previous = t.index;
    point.spawned = this.spawnedBy;
    point.yielded = t.status !== RUNNABLE || t.pending?.yields === true;
  }

  private notify(t: Thread, op: Op, result: unknown, error: unknown, timedOut: boolean): void {
    const ev = this.event;
    ev.step = this.stepIndex;
    ev.time = this.clock;
    ev.thread = t.index;
    ev.op = op;
    ev.result = result;
    ev.raised = error;
    ev.timedOut = timedOut;
    ev.spawned = this.spawnedBy;
    ev.state = this.state;
    ev.extra = this.touched ? this.extra : undefined;
    this.monitor!.onStep(ev);
  }

  private recordStep(t: Thread, op: Op, result: unknown, timedOut: boolean, error: unknown, threw: boolean): void {
    const raised = threw ? describeError(error) : undefined;
    this.trace!.push({
      step: this.stepIndex,
      time: this.clock,
      thread: t.index,
      kind: op.kind,
      obj: op.obj,
      ...(op.objs === undefined ? {} : { objs: op.objs }),
      access: op.access,
      value: traceValue(op.value),
      result: traceValue(result),
      since: t.since,
      timedOut,
      ...(raised ? { raised: `${raised.type}: ${raised.detail}` } : {}),
      ...(t.parkedForPending ? { blocked: true } : {}),
      ...(this.spawnedBy >= 0 ? { spawned: this.spawnedBy } : {}),
      ...(op.kind === 'join' && op.thread !== undefined ? { joined: op.thread } : {}),
      state: this.state,
      ...(op.site === undefined ? {} : { site: op.site }),
    });
  }

  /** Resume the thread's generator with the op's outcome and take its next op. */
  private advance(t: Thread, result: unknown, error: unknown, threw: boolean): void {
    let r: IteratorResult<Op, unknown> | undefined;
    const probe = stepProbe();
    probe?.enter(this.stepIndex, t.index, t.name, t.pending);
    try {
      r = threw ? t.gen.throw(error) : t.gen.next(result);
      if (r.done && this.mainInBody && t.index === 0) r = this.shutdown(t, r.value);
    } catch (e) {
      probe?.leave();
      takeUnrun();
      r = this.raised(t, e, t);
      if (r === undefined) return;
    }
    probe?.leave();
    const unrun = takeUnrun();
    if (unrun !== undefined && unrun !== r.value) throw notYielded(t.name, unrun);
    if (r.done) {
      this.ended(t, r.value);
      return;
    }
    this.setPending(t, r.value);
  }

  /**
   * `t`'s generator raised `error`. A threadsim error aborts the run. Otherwise, when the
   * thread's `onUncaught` (asked once) gives excepthook steps, the dying thread goes on with
   * them: they run up to their first op now, in this step, and what they yielded or returned
   * is given back for the caller to handle like the body's own. Else the thread ends with
   * `error` (or with what the hook raised), reported with `reporter` as the current thread,
   * and undefined is returned.
   */
  private raised(t: Thread, error: unknown, reporter: Thread): IteratorResult<Op, unknown> | undefined {
    if (isOwnError(error)) throw error;
    if (t.sharedStore !== undefined && isFrozenMutation(error)) throw changedInPlace(t.name, t.sharedStore, t.sharedKey!, error);
    if (this.mainInBody && t.index === 0) {
      // The program's main raised: Python prints the traceback, then shuts down as usual.
      this.mainRaised(error);
      try {
        return this.shutdown(t, undefined);
      } catch (e) {
        return this.raised(t, e, reporter);
      }
    }
    const steps = t.hook !== IN_BODY ? undefined : ((t.hook = HOOK_ASKED), t.options.onUncaught?.(error));
    if (steps !== undefined) {
      t.gen = steps;
      t.hook = IN_HOOK;
      try {
        return steps.next();
      } catch (e) {
        if (isOwnError(e)) throw e;
        error = e;
      }
    }
    this.cur = reporter;
    this.finish(t, error, true);
    return undefined;
  }

  /** `t`'s generator returned `value`: the thread's result, unless it was running its excepthook. */
  private ended(t: Thread, value: unknown): void {
    if (t.hook !== IN_HOOK) t.result = value;
    this.finish(t, undefined, false);
  }

  private setPending(t: Thread, value: unknown): void {
    if (!isOp(value)) throw notAnOp(t.name, this.stepIndex, value);
    if (value.enabled !== undefined || t.pending?.enabled !== undefined) this.runnableDirty = true;
    t.pending = value;
    t.since = this.clock;
    t.parkedForPending = false;
    t.deadline = value.timeout === undefined || (this.options.noTimeouts === true && value.kind !== 'sleep') ? NO_DEADLINE : this.clock + value.timeout;
    this.monitor?.onArrive?.(t.index, value);
  }

  private finish(t: Thread, error: unknown, threw: boolean): void {
    t.status = DONE;
    t.pending = undefined;
    removeFrom(this.runnable, t);
    this.runnableDirty = true;
    if (t.finishedQueue !== undefined) this.wake(t.finishedQueue);
    this.wake(this.anyFinished);
    this.monitor?.onThreadEnd?.(t.index, Math.max(0, this.stepIndex - 1));
    if (threw) this.uncaught(t, error);
  }

  /** Python's threading.excepthook: print the exception, record a failure, keep going. */
  private uncaught(t: Thread, error: unknown): void {
    const { type, detail } = describeError(error);
    if (type === 'SystemExit') return;
    if (t.options.onError !== undefined) {
      t.options.onError(error);
    } else {
      // A hook that raised is reported as CPython's invoke_excepthook reports it.
      this.emit('stderr', 40, t.hook === IN_HOOK ? 'Exception in threading.excepthook:' : `Exception in thread ${t.name}:`);
      this.emit('stderr', 40, 'Traceback (most recent call last):');
      for (const line of tracebackFrames(error)) this.emit('stderr', 40, line);
      this.emit('stderr', 40, exceptionLine(type, detail));
    }
    this.failures.push({
      kind: 'exception',
      thread: t.name,
      type,
      detail,
      step: Math.max(0, this.stepIndex - 1),
      message: `uncaught ${type} in ${t.name}${t.hook === IN_HOOK ? "'s threading.excepthook" : ''}: ${detail}`,
    });
  }

  /** MainThread when the program's main is not a generator function: main, then Python's interpreter shutdown. */
  private *mainBody(): Steps<unknown> {
    let value: unknown;
    try {
      value = yield* this.program.main();
    } catch (e) {
      if (isOwnError(e)) throw e;
      const main = this.threads[0]!;
      if (main.sharedStore !== undefined && isFrozenMutation(e)) throw changedInPlace(main.name, main.sharedStore, main.sharedKey!, e);
      this.mainRaised(e);
    }
    return yield* this.shutdownSteps(value);
  }

  /** The program's main raised `e`: the traceback Python prints for MainThread, and the failure. */
  private mainRaised(e: unknown): void {
    const { type, detail } = describeError(e);
    this.emit('stderr', 40, 'Traceback (most recent call last):');
    for (const line of tracebackFrames(e)) this.emit('stderr', 40, line);
    this.emit('stderr', 40, exceptionLine(type, detail));
    this.failures.push({ kind: 'exception', thread: 'MainThread', type, detail, step: Math.max(0, this.stepIndex - 1), message: `uncaught ${type} in MainThread: ${detail}` });
  }

  /**
   * The program's main generator, run as MainThread, returned `value` (undefined: it raised,
   * and was reported): MainThread goes on with the interpreter shutdown in the same stretch of
   * code, as the wrapper generator did, and ends with `value` as its result.
   */
  private shutdown(t: Thread, value: unknown): IteratorResult<Op, unknown> {
    this.mainInBody = false;
    const steps = this.exitHooks.length === 0 ? (this.exitSteps ??= new ExitSteps(this.exitOp())).start(value) : this.shutdownSteps(value);
    t.gen = steps;
    return steps.next();
  }

  /** Python's interpreter shutdown: the `atexit` hooks, then the exit op; returns main's value. */
  private *shutdownSteps(value: unknown): Steps<unknown> {
    for (let hook = this.exitHooks.shift(); hook !== undefined; hook = this.exitHooks.shift()) yield* hook();
    yield this.exitOp();
    return value;
  }

  /** Interpreter exit: wait until every non-daemon thread has finished. Made once per instance (it reads the current run). */
  private exitOp(): Op {
    return (this.exitStep ??= {
      kind: 'exit',
      obj: undefined,
      access: 'none',
      waitOn: this.anyFinished,
      enabled: () => this.exitWaitsFor() === undefined,
      run: () => undefined,
      describeWait: () => `the end of ${this.threads.filter((t) => this.joinedAtExit(t)).map((t) => t.name).join(', ')} (non-daemon threads are joined at interpreter exit)`,
    });
  }

  /** A thread that interpreter exit still waits for, if any (no array: asked after every thread's end). */
  private exitWaitsFor(): Thread | undefined {
    const ts = this.threads;
    for (let i = 1; i < ts.length; i++) if (this.joinedAtExit(ts[i]!)) return ts[i];
    return undefined;
  }

  private joinedAtExit(t: Thread): boolean {
    return t.index !== 0 && (this.options.joinDaemons === true || !t.daemon) && !t.done;
  }

  private reportDeadlock(): void {
    const waiting: BlockedThread[] = this.threads
      .filter((t) => !t.done)
      .map((t) => {
        this.cur = t;
        const op = t.pending;
        const waitsFor = op?.describeWait?.(this) ?? (op?.obj ?? op?.kind ?? 'nothing');
        return { thread: t.index, name: t.name, daemon: t.daemon, op, waitsFor };
      });
    const blocked = waiting.map((b) => ({ thread: b.name, waitsFor: b.waitsFor }));
    const runs = new Map<string, ExecutionResult | undefined>();
    const deadlocksWith = (change: 'notifyAll' | 'rememberNotifies'): boolean | undefined => {
      if (!runs.has(change)) runs.set(change, this.whatIf({ [change]: true, maxSteps: this.stepIndex + WHAT_IF_STEPS }));
      const r = runs.get(change);
      return r === undefined || r.ending === 'step-bound' ? undefined : r.ending === 'deadlock';
    };
    const whatIf = {
      deadlocksWithNotifyAll: () => deadlocksWith('notifyAll'),
      deadlocksWithRememberedNotifies: () => deadlocksWith('rememberNotifies'),
    };
    const why = this.monitor?.explainDeadlock?.(waiting, (i) => this.threads[i]?.name ?? `#${i}`, whatIf);
    const lines = why?.lines ?? blocked.map((b) => `${b.thread} waits for ${b.waitsFor}`);
    const what = why?.cycle !== true ? '' : why.pattern === undefined ? 'Wait-for cycle: ' : `Wait-for cycle (${why.pattern}): `;
    this.failures.push({
      kind: 'deadlock',
      blocked,
      ...(why?.cycle === true ? { cycle: why.lines } : {}),
      ...(why?.pattern === undefined ? {} : { pattern: why.pattern }),
      ...(why?.cause === undefined ? {} : { cause: why.cause }),
      step: this.stepIndex,
      message: `deadlock at step ${this.stepIndex}: no thread can run and none is sleeping. ${what}${lines.join('; ')}${why?.cause === undefined ? '' : `. ${why.cause}`}`,
    });
  }

  /**
   * Give each false claim the pattern the monitor sees behind it (in place in the failures).
   * The what-if runs it may ask for are made only when the monitor asks.
   */
  private explainClaims(claims: readonly ClaimFailure[]): void {
    const dropped = this.threads
      .filter((t) => !t.done)
      .map((t) => {
        this.cur = t;
        return { name: t.name, waitsFor: t.status === PARKED ? (t.pending?.describeWait?.(this) ?? t.pending?.kind) : undefined };
      });
    const whatIf = {
      withDaemons: () => this.whatIf({ joinDaemons: true, record: true, maxSteps: this.stepIndex + WHAT_IF_STEPS }),
      withoutTimeouts: () => this.whatIf({ noTimeouts: true, record: true, maxSteps: this.stepIndex + WHAT_IF_STEPS }),
    };
    const end = runEnd(this.stepIndex, this.clock, dropped, this.program.options.claims ?? {}, whatIf);
    for (const c of claims) {
      const why = this.monitor!.explainClaim!(c, end);
      if (why === undefined) continue;
      const head = `claim '${c.claim}' is false`;
      const message = c.message.startsWith(head) ? `${head} (${why.pattern})${c.message.slice(head.length)}` : c.message;
      this.failures[this.failures.indexOf(c)] = { ...c, pattern: why.pattern, cause: why.cause, message };
    }
  }

  /**
   * The program run again with `changes` (see counterfactual.ts), unwatched: it follows this
   * run's schedule as long as it can, then the gil policy takes over. The caller's policy is
   * left alone (it may hold what it recorded of this run). Undefined when the run stopped with
   * a threadsim error.
   */
  private whatIf(changes: Pick<ExecutionOptions, 'joinDaemons' | 'noTimeouts' | 'notifyAll' | 'rememberNotifies' | 'record' | 'maxSteps'>): ExecutionResult | undefined {
    const { monitor: _watched, ...options } = this.options;
    try {
      const policy = new FallbackPolicy(new ReplayPolicy(this.schedule.toArray(), undefined, this.choices ?? []), new GilPolicy());
      return new Execution(this.program, { ...options, ...changes, sites: false, policy }).run();
    } catch (e) {
      if (isOwnError(e)) return undefined;
      throw e;
    }
  }

  private result(ending: Ending): ExecutionResult {
    // A short schedule is copied now and the log kept for the next run; a long one is handed
    // to the result whole and read only if asked for.
    const log = this.schedule;
    const infos = this.threadInfos();
    const results = this.threadResults();
    const output = this.output.length === 0 ? NO_OUTPUT : this.output;
    const failures = this.failures.length === 0 ? NO_FAILURES : this.failures;
    let r: Mutable<ExecutionResult>;
    if (log.length <= SHORT_SCHEDULE) {
      // A plain data property: an accessor in a literal costs a closure and a slow object per run.
      r = { program: this.program.name, policy: this.options.policy.name, seed: this.options.seed, ending, steps: this.stepIndex, time: this.clock, schedule: log.toArray(), threads: infos, results, output, failures, state: this.state };
    } else {
      this.schedule = new ScheduleLog();
      let schedule: number[] | undefined;
      r = {
        program: this.program.name,
        policy: this.options.policy.name,
        seed: this.options.seed,
        ending,
        steps: this.stepIndex,
        time: this.clock,
        // Built on first read, then kept: the schedules of most long runs are never read.
        get schedule(): readonly number[] {
          return (schedule ??= log.toArray());
        },
        threads: infos,
        results,
        output,
        failures,
        state: this.state,
      };
    }
    if (this.trace !== undefined) {
      r.trace = this.trace;
      r.initialState = this.initialState ?? {};
    }
    if (this.choices !== undefined) {
      r.choices = this.choices;
      this.choices = undefined;
    }
    return r;
  }

  /**
   * The result's thread table: the last run's (frozen, so results may share it) when every
   * thread has the same name and daemon flag, as in most runs of an exploration.
   */
  private threadInfos(): ExecutionResult['threads'] {
    const threads = this.threads;
    const n = threads.length;
    const last = this.lastInfos;
    if (last.length === n) {
      let same = true;
      for (let i = 0; i < n && same; i++) same = last[i]!.name === threads[i]!.name && last[i]!.daemon === threads[i]!.daemon;
      if (same) return last;
    }
    const infos = new Array<ExecutionResult['threads'][number]>(n);
    for (let i = 0; i < n; i++) {
      const t = threads[i]!;
      infos[i] = Object.freeze({ index: t.index, name: t.name, daemon: t.daemon });
    }
    return (this.lastInfos = Object.freeze(infos));
  }

  /** What each thread returned: one shared frozen array of n undefineds when no thread returned a value. */
  private threadResults(): readonly unknown[] {
    const threads = this.threads;
    const n = threads.length;
    let i = 0;
    while (i < n && threads[i]!.result === undefined) i++;
    if (i === n) return noResults(n);
    const results = new Array<unknown>(n);
    for (i = 0; i < n; i++) results[i] = threads[i]!.result;
    return results;
  }

  // ----- Kernel and Runtime: what ops and models may call -----

  touch(obj: string | undefined, write: boolean, output: boolean): void {
    const x = this.extra;
    if (obj !== undefined && !x.objs.includes(obj)) x.objs.push(obj);
    if (write) x.write = true;
    if (output) x.output = true;
    this.touched = true;
  }

  ranInside(op: Op, result: unknown, raised: boolean): void {
    // Kept only for monitors (the race detector); nothing else reads it.
    if (this.monitor !== undefined) this.extra.ran.push({ op, result, raised });
    this.touched = true;
  }

  private untouch(): void {
    const x = this.extra;
    x.objs.length = 0;
    x.ran.length = 0;
    x.write = false;
    x.output = false;
    this.touched = false;
  }

  spawn(body: (self: ThreadRecord) => Steps<unknown>, options: SpawnOptions): ThreadRecord {
    const t = this.startThread(body, options);
    this.spawnedBy = t.index;
    return t;
  }

  /**
   * Make the thread and run `body` as it, up to its first op. The body's code may raise
   * already (before its first yield): that is handled as in `advance`, except that the
   * default report is printed by the spawning thread, whose step this is.
   */
  private startThread(body: (self: ThreadRecord) => Steps<unknown>, options: SpawnOptions): Thread {
    let t = this.spare.pop();
    if (t === undefined) t = new Thread(this.threads.length, options.name, options.daemon, options);
    else t.init(this.threads.length, options.name, options.daemon, options);
    this.threads.push(t);
    const outer = this.cur as Thread | undefined;
    if (outer !== undefined && this.threads.length > 1) {
      t.parent = outer;
      t.childIndex = outer.children++;
    }
    this.cur = t;
    let first: IteratorResult<Op, unknown> | undefined;
    const probe = stepProbe();
    probe?.enter(this.stepIndex, t.index, t.name, undefined);
    try {
      t.gen = assertThreadBody(options.name, body(t));
      first = t.gen.next();
      if (first.done && this.mainInBody && t.index === 0) first = this.shutdown(t, first.value);
    } catch (e) {
      probe?.leave();
      takeUnrun();
      first = this.raised(t, e, outer ?? t);
      if (first === undefined) return t;
    }
    probe?.leave();
    const unrun = takeUnrun();
    if (unrun !== undefined && unrun !== first.value) throw notYielded(t.name, unrun);
    if (first.done) {
      this.cur = outer ?? t;
      this.ended(t, first.value);
      return t;
    }
    this.setPending(t, first.value);
    this.cur = outer ?? t;
    this.runnable.push(t);
    this.runnableDirty = true;
    return t;
  }

  wake(queue: WaitQueue, n: number = Infinity): void {
    const parked = queue.parked;
    let woken = 0;
    // Untimed, the order in which threads started waiting is not fixed by the clock but by
    // when the engine found each one blocked, which no step records: every waiter becomes
    // runnable and the policy picks who goes first (the others park again), so the outcome is
    // decided by steps alone and DPOR's equivalence of executions holds.
    if (this.untimed) n = Infinity;
    while (parked.length > 0 && woken < n) {
      const t = parked.shift() as Thread;
      this.makeRunnable(t);
      woken++;
    }
  }

  load(store: string, key: string): unknown {
    const s = this.state[store];
    const v = s?.[key];
    if (v !== undefined) {
      if (typeof v === 'object' && v !== null) this.noteShared(store, key);
      return v;
    }
    if (s === undefined || !(key in s)) {
      throw new ThreadsimError('TSIM010', `shared store '${store}' has no key '${key}'`, `Give '${key}' an initial value in shared('${store}', { ... }).`);
    }
    return s[key];
  }

  storeValue(store: string, key: string, value: unknown): void {
    const s = this.state[store];
    if (s === undefined) throw new ThreadsimError('TSIM010', `no shared store named '${store}'`, `Create it with shared('${store}', { ... }) first.`);
    let frozen = value;
    if (typeof value === 'object' && value !== null) {
      frozen = freeze(value, true);
      this.noteShared(store, key);
    }
    if (this.trace === undefined) {
      // Not recording: nobody holds an older state, so the working copy is changed in place.
      (s as Record<string, unknown>)[key] = frozen;
      return;
    }
    this.state = produce(this.state, (draft: Record<string, Record<string, unknown>>) => {
      draft[store]![key] = frozen;
    });
  }

  /** The current thread holds (a reference to) the frozen object at `store.key`. */
  private noteShared(store: string, key: string): void {
    this.cur.sharedStore = store;
    this.cur.sharedKey = key;
  }

  /** Create a shared store with its initial values (values deep-frozen). */
  defineStore(name: string, initial: Readonly<Record<string, unknown>>): void {
    if (name in this.state) {
      throw new ThreadsimError('TSIM010', `a shared store named '${name}' exists already`, 'Give each shared() store its own name.');
    }
    const values: Record<string, unknown> = {};
    // for-in with an own-key check visits Object.entries' keys in its order, without its arrays.
    for (const k in initial) {
      if (!Object.hasOwn(initial, k)) continue;
      const v = initial[k];
      if (typeof v === 'object' && v !== null) {
        values[k] = freeze(v, true);
        this.noteShared(name, k);
      } else {
        values[k] = v;
      }
    }
    if (this.trace === undefined) {
      (this.state as Record<string, unknown>)[name] = values;
      return;
    }
    this.state = produce(this.state, (draft: Record<string, unknown>) => {
      draft[name] = values;
    });
  }

  choose(k: number): number {
    if (!Number.isSafeInteger(k) || k < 0) throw new ThreadsimError('TSIM018', `a choice among ${k} alternatives was asked for`, 'Call choose(k) with a whole number k >= 0 of alternatives.');
    if (k <= 1) return 0;
    const t = this.cur;
    const key = `${threadPath(t)}#${t.choicesMade++}`;
    const at = { step: this.choiceStep, thread: t.index, index: this.choiceInStep++, key };
    const source = this.options.chooser ?? this.options.policy;
    const value = source.choose === undefined ? 0 : source.choose(k, at);
    if (!Number.isSafeInteger(value) || value < 0 || value >= k) {
      throw new ThreadsimError('TSIM018', `policy ${this.options.policy.name} answered ${value} to a choice among ${k} alternatives`, `A policy's choose(k, at) must return a whole number from 0 to k - 1.`);
    }
    (this.choices ??= []).push({ step: at.step, thread: t.index, key, k, value });
    return value;
  }

  setSwitchInterval(micros: number): void {
    this.point.switchInterval = micros;
  }

  emit(stream: string, level: number, text: string): void {
    this.output.push({ time: this.clock, thread: this.cur.name, stream, level, text });
  }

  counter(name: string): number {
    const n = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, n);
    return n;
  }

  singleton<T>(key: string, make: () => T): T {
    if (!this.singletons.has(key)) this.singletons.set(key, make());
    return this.singletons.get(key) as T;
  }

  atExit(hook: () => Steps<void>): void {
    this.exitHooks.push(hook);
  }
}

/**
 * MainThread's last step when no `atexit` hook is registered: the exit op, then main's
 * value, as {@link Execution.shutdownSteps} would give them, without a generator per run.
 * Made once per engine instance and restarted for each run; its iterator result is reused
 * (the engine reads it at once).
 */
class ExitSteps {
  private yielded = false;
  private value: unknown = undefined;
  private readonly r: { value: unknown; done: boolean } = { value: undefined, done: false };
  constructor(private readonly op: Op) {}
  start(value: unknown): Steps<unknown> {
    this.yielded = false;
    this.value = value;
    return this as unknown as Steps<unknown>;
  }
  next(): IteratorResult<Op, unknown> {
    const r = this.r;
    if (this.yielded) {
      r.value = this.value;
      r.done = true;
      this.value = undefined;
    } else {
      this.yielded = true;
      r.value = this.op;
      r.done = false;
    }
    return r as IteratorResult<Op, unknown>;
  }
  throw(e: unknown): never {
    throw e;
  }
  return(value: unknown): IteratorResult<Op, unknown> {
    this.yielded = true;
    return { value, done: true };
  }
  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * Check that a thread body produced a generator; a promise (an async function) or anything
 * else gets threadsim's error naming the thread and what to write instead.
 */
export function assertThreadBody(thread: string, value: unknown): Steps<unknown> {
  if (isGenerator(value)) return value;
  const promise = value instanceof Promise;
  throw new ThreadsimError(
    promise ? 'TSIM011' : 'TSIM002',
    `the body of thread ${thread} ${promise ? 'returned a promise' : 'is not a generator function'}`,
    'Write thread bodies as function* and call primitives with yield* (async functions cannot be scheduled).',
  );
}

function isGenerator(x: unknown): x is Steps<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as Generator).next === 'function' && typeof (x as Generator).throw === 'function';
}

/** The TypeErrors of changing a frozen object or a frozen Map or Set (immer's words). */
const FROZEN = /object is not extensible|Cannot assign to read only property|Cannot delete property|Cannot (add|define) property|frozen and should not be mutated/;

function isFrozenMutation(error: unknown): boolean {
  return error instanceof Error && FROZEN.test(error.message);
}

/**
 * A thread changed a frozen shared value in place: values in shared stores are immutable
 * snapshots (a trace keeps one per step), so a change must be a new value written with a step.
 */
function changedInPlace(thread: string, store: string, key: string, error: unknown): ThreadsimError {
  const first = (error as Error).message.split('\n')[0];
  return new ThreadsimError(
    'TSIM012',
    `${thread} changed a shared value in place (${(error as Error).name}: ${first}); the last shared object it read or wrote is ${store}.${key}, and shared values are immutable snapshots`,
    `Write a new value with a step instead: yield* ${store}.set('${key}', [...items, item]) or yield* ${store}.update('${key}', (v) => ({ ...v, field: x })).`,
  );
}

function notAnOp(thread: string, step: number, value: unknown): ThreadsimError {
  const generatorYielded = typeof value === 'object' && value !== null && typeof (value as Generator).next === 'function';
  const what = generatorYielded ? 'a generator' : value instanceof Promise ? 'a promise' : `${value === null ? 'null' : typeof value} ${safeString(value)}`;
  const fix = generatorYielded
    ? 'Write `yield*` (with a star) in front of a primitive call, not `yield`.'
    : 'Threads may only yield the ops of threadsim primitives, through `yield* primitive(...)`; promises and await cannot be scheduled.';
  return new ThreadsimError('TSIM001', `${thread} yielded ${what} at step ${step}, which is not an op`, fix);
}

function safeString(v: unknown): string {
  try {
    // Text shows a BigInt as its digits and a cycle as Python does, not their JSON tags.
    const s = safeStringify(v)
      ?.replace(/\{"\$bigint":"(-?\d+)"\}/g, '$1')
      .replace(/\{"\$circular":"(\{\.\.\.\}|\[\.\.\.\])"\}/g, '$1');
    return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}...` : s;
  } catch {
    return String(v);
  }
}

/**
 * A value as a trace keeps it: plain data as is (shared values are frozen already), model
 * objects (a Future, a Thread) by their Python-style `toString`.
 */
export function traceValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return typeof v === 'function' ? `<function ${v.name || 'lambda'}>` : v;
  if (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) return Object.isFrozen(v) ? v : structuredCloneSafe(v);
  return String(v);
}

function structuredCloneSafe(v: unknown): unknown {
  try {
    return JSON.parse(safeStringify(v)) as unknown;
  } catch {
    return String(v);
  }
}

/** `db.value = 1, db.other = 2` for messages. */
export function summarizeState(state: SharedState): string {
  const parts: string[] = [];
  for (const [store, values] of Object.entries(state)) {
    for (const [key, value] of Object.entries(values)) parts.push(`${store}.${key} = ${safeString(value)}`);
  }
  return parts.length === 0 ? '(no shared state)' : parts.join(', ');
}

/** TSIM015: `op` was made by a primitive call written without `yield*`, so it never ran. */
function notYielded(thread: string, op: TrackedOp): ThreadsimError {
  const what = op.obj === undefined ? op.kind : `${op.kind} of ${op.obj}`;
  return new ThreadsimError(
    'TSIM015',
    `thread ${thread} made ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}${op.site === undefined ? '' : ` at ${op.site}`} without yield*, so it never ran`,
    'Call primitives with yield*, as in yield* db.set(key, value).',
  );
}

/**
 * True when a thrown value is threadsim's own error. `instanceof` runs a Proxy's
 * getPrototypeOf trap, which may throw: such a value is the program's exception, not ours.
 */
function isOwnError(e: unknown): boolean {
  try {
    return e instanceof ThreadsimError;
  } catch {
    return false;
  }
}

/** `0.1.0`: MainThread's second child's first child. Depends only on the ancestors' own histories. */
function threadPath(t: Thread): string {
  return t.parent === undefined ? '0' : `${threadPath(t.parent)}.${t.childIndex}`;
}

/** An execution instance not running now, reused by the next {@link execute}. */
let idle: Execution | undefined;

/**
 * Run one execution. Reuses one engine instance across calls (an execution started from
 * inside another, such as a what-if run, gets its own).
 */
export function execute(program: Program, options: ExecutionOptions): ExecutionResult {
  const e = idle;
  if (e === undefined) {
    const fresh = new Execution(program, options);
    const result = fresh.run();
    idle = fresh;
    return result;
  }
  idle = undefined;
  e.reset(program, options);
  const result = e.run();
  idle = e;
  return result;
}

export { isGeneratorFunction };
export type { Kernel };
