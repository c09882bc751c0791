/**
 * Optimal dynamic partial-order reduction with wakeup trees and sleep sets (Abdulla, Aronis,
 * Jonsson, Sagonas, POPL 2014 / JACM 2017), stateless: every execution re-runs the program,
 * following a prefix of recorded choices and then deciding afresh.
 *
 * After each maximal execution E, every race e ⋖ e' (conflicting steps of different threads,
 * ordered by happens-before with nothing in between) yields the wakeup sequence
 * v = notdep(e, E).e' at the state before e; it is inserted into that state's wakeup tree
 * unless a thread in the state's sleep set is a weak initial of v (then an equivalent
 * execution has been explored already). Exploring one execution per Mazurkiewicz trace is the
 * result on programs that never block.
 *
 * Glued steps (`Op.glued`, a `.py` program's accesses with no CPython check point before
 * them) make a run of one thread's steps a single transition: a race on one of them is
 * reversed before the run's first step (see blockHead).
 *
 * Blocking steps (a lock acquire, a join) need one addition, in the spirit of Flanagan and
 * Godefroid (POPL 2005), who look at blocked threads' next steps: when the race partner e' is
 * a blocking step whose thread was parked on it just before e (say, an acquire racing with the
 * release that enabled it), e' cannot go first there; the race is moved back to the latest
 * earlier conflicting step before which e' could run (the acquire that took the lock), and
 * threads still blocked at the end of the execution take part in races with their next step.
 *
 * Invariants of the path (one node per step of the current execution):
 * - node s describes the state before step s: enabled threads, sleep set (threads whose next
 *   step need not be tried here, with that step), wakeup tree of alternatives still to run;
 * - every node's `chosen` thread was enabled at that state.
 */
import type { ExecutionResult } from '../execution.js';
import type { Monitor, StepEvent } from '../monitor.js';
import type { Op } from '../ops.js';
import type { Policy, SchedulingPoint } from '../policies/policy.js';
import { coEnabled, neverCoEnabled, AvailabilityTracker } from './availability.js';
import { AFTER, blockEvent, CLOCK, conflict, dependent, EventCache, eventOf, eventOfExtra, objectOf, writes, type DependencyRules, type EventInfo } from './events.js';
import { AbandonExecution, isPreemption, ReplayingSearch, type Runner, type SearchStep } from './search.js';
import { TimerWindows, type ClockDue, type LooseSpan, type NearWindow } from './timer-windows.js';
import { childrenOf, insertAtState, insertSequence, openLeaf, WakeupSequence, type WakeupNode } from './wakeup-tree.js';
import { empty } from '../lists.js';

const NO_STEPS: ReadonlySet<number> = new Set();

/** Mutable so that nodes cut off the path are reused for the next execution's new states. */
interface PathNode {
  /** The threads enabled at this state, as a bit set (see {@link isEnabled}): a copy of a 1,000-thread list per step was most of DPOR's memory on such programs. */
  enabled: Uint32Array;
  /** Threads that exist at this state. */
  nThreads: number;
  chosen: number;
  readonly sleep: EventInfo[];
  /** Alternatives still to explore from here (children of the wakeup tree's root). */
  wut: WakeupNode[];
  /** The wakeup subtree under `chosen`, handed to the next state. */
  subtree: WakeupNode[];
}

/** Counters of a DPOR search. */
export interface DporStats {
  /** Executions abandoned because every enabled thread was asleep (zero for optimal DPOR). */
  sleepBlocked: number;
  /** Wakeup-tree branches dropped because their thread could not run there. */
  infeasible: number;
  /** Races found and wakeup sequences inserted. */
  races: number;
  inserted: number;
}

/** Optimal DPOR over a program's executions; see the file comment. */
export class DporSearch extends ReplayingSearch implements Policy, Monitor {
  readonly name = 'dpor';
  readonly stats: DporStats = { sleepBlocked: 0, infeasible: 0, races: 0, inserted: 0 };
  private readonly path: PathNode[] = [];
  /** Nodes cut off the path, reused by {@link newNode}: a new execution allocates no state objects. */
  private readonly spare: PathNode[] = [];
  private events: EventInfo[] = [];
  /** The previous execution's steps, and how many of them the current one repeats (reused, not rebuilt). */
  private previous: EventInfo[] = [];
  private readonly sleepScratch: EventInfo[] = [];
  private readonly seqScratch: EventInfo[] = [];
  private readonly summaries = new EventCache();
  /** See {@link lastExpired}. */
  private expired: number[] = [];
  private repeats = 0;
  /**
   * A timed op or a clock read ran under virtual-time rules in some execution. Then what a step
   * depends on is settled only once its execution is over (far and near timed ops,
   * timer-windows.ts, are told apart by the steps that follow), so a repeated prefix may not
   * keep its step summaries, clocks or races: every execution is analysed whole.
   */
  private clockSeen = false;
  private threadsSoFar = 1;
  private lastPoint: SchedulingPoint | undefined;
  private sawTimer = false;
  /**
   * Steps of the current execution whose races were all reversed in an earlier execution:
   * the prefix it shares with the last analysed execution (an abandoned execution is not
   * analysed, so a later backtrack point beyond its own does not extend this). A race whose
   * later step lies in that prefix is the same race, with the same state before it, as when
   * the prefix first ran, and reversing it again inserts nothing new (parsimonious race
   * reversal: each race is reversed in the first execution that shows it).
   */
  private analysed = 0;
  private readonly scratch = { vc: new Int32Array(0), idx: new Int32Array(0), last: new Int32Array(0), spawnOf: new Int32Array(0), covers: new Int32Array(0), T: 0, preds: [] as number[], conflicts: [] as number[], races: [] as number[], timedSoFar: [] as number[], byObject: new Map<string, ObjectSteps>() };

  /**
   * The schedule prefix this search is confined to (a part of a split search, see
   * workers/dpor-split.ts): its states are fixed, never backtracked to, and races whose
   * reversal falls inside it are left to the parts that own the other prefixes.
   */
  private fixed: readonly number[] = [];

  /** With {@link confineTop}: the job at the top of a source-DPOR split (workers/dpor-jobs.ts). */
  private top: { readonly prefix: readonly number[]; readonly before: readonly (readonly EventInfo[])[]; readonly depth: number; readonly fixed: number[] } | undefined;

  /**
   * With {@link confineTop}: receives each race reversed at a top state (depth below the top's
   * depth) that no sleeping thread covers, as the state and the initials I(v) of its wakeup
   * sequence v (one step per thread whose first step in v depends on nothing before it in v).
   */
  onTopRace: ((state: number, initials: EventInfo[]) => void) | undefined;

  /**
   * With {@link confineTop}: the sleep-set entries the top put there (the coordinator's earlier
   * children). A wakeup sequence is dropped for one of them only when it is an initial of the
   * sequence, not a mere weak initial (see topInsert).
   */
  private readonly topSleepers = new Set<EventInfo>();

  /**
   * Run one job of a source-DPOR split (workers/dpor-jobs.ts): the states above `depth` are
   * the coordinator's, run source-style there, and fixed here: the first `prefix.length`
   * follow `prefix`, the rest (to `depth`) take the usual first choice, once, in the first
   * execution. Their sleep sets are built as the sequential search builds them, with
   * `before[s]` (the next steps of the threads the coordinator made children of state `s`
   * before the one taken) added at state `s`. Below `depth`, optimal DPOR as usual. Races
   * reversed above `depth` go to {@link onTopRace}. Call before the first {@link next}.
   */
  confineTop(prefix: readonly number[], before: readonly (readonly EventInfo[])[], depth: number): void {
    const fixed = prefix.slice(0, depth);
    this.top = { prefix: fixed.slice(), before, depth: Math.max(depth, fixed.length), fixed };
    this.fixed = fixed;
  }

  /** With {@link confineTop}: the thread chosen at each top state passed so far (the job's prefix, then the first choices). */
  get topChoices(): readonly number[] {
    return this.top?.fixed ?? [];
  }

  /**
   * Explore only executions that start with `prefix` (thread per step; a part of
   * workers/dpor-split.ts). Call before the first {@link next}.
   */
  confine(prefix: readonly number[]): void {
    this.fixed = prefix;
  }

  /**
   * The shallowest state past the confined prefix whose wakeup tree has an alternative left,
   * or undefined: after the first execution, the first state at which a race is reversed
   * (workers/dpor-job-coordinator.ts puts the top of a split a few levels below it).
   */
  shallowestAlternative(): number | undefined {
    for (let s = this.fixed.length; s < this.path.length; s++) if (this.path[s]!.wut.length > 0) return s;
    return undefined;
  }

  private readonly holds = new AvailabilityTracker();
  /** Timed ops of the current execution, to tell near ones from far ones (timer-windows.ts). */
  private readonly windows = new TimerWindows();
  /**
   * Near groups of the last execution whose arrivals are ordered only with the steps between
   * the group's first and last arrival (timer-windows.ts, NearWindow), for its race analysis.
   */
  private nearWindows: readonly NearWindow[] = [];
  /** Expiries of near timed ops outside windows: ordered after the windows' arrivals before them (timer-windows.ts). */
  private clockedEnds: ReadonlySet<number> = NO_STEPS;
  /** Executions whose race analysis ordered some near arrival by its window only (for tests and benches). */
  windowedExecutions = 0;
  /** The last execution's span of near timed ops outside windows, explored as a plain search does (see fullSpan). */
  private loose: LooseSpan | undefined;
  /** The last execution's steps that ran because a deadline had passed (see dueOrder). */
  private due: ClockDue | undefined;
  /** Wakeup sequences reordered so that a timed op's end runs once its deadline has passed (see dueOrder). */
  dueReordered = 0;
  private readonly seqIndex: number[] = [];
  /** The last execution's steps as transitions ({@link transitionOf}), made when a race's sequence first needs them. */
  private readonly transitions: (EventInfo | undefined)[] = [];
  /** Scratch for {@link notdep}: heads of transitions left out of a wakeup sequence. */
  private readonly droppedScratch: number[] = [];
  /** Executions with near timed ops outside windows, whose span was explored as a plain search does (see fullSpan). */
  fullSpanExecutions = 0;
  /**
   * False: every near arrival is ordered with every step, as before windows were introduced
   * (to compare against in tests and benches).
   */
  nearWindowsOn = true;
  /** Threads whose first op is timed: the step that starts them is timed, at this level (see onArrive). */
  private readonly timedStart = new Map<number, number>();

  /** The dependency rules; daemon threads are learnt from each execution's thread table. */
  readonly rules: DependencyRules;
  private readonly daemons = new Set<number>();

  constructor(
    runner: Runner,
    /** Output lines conflict with each other (for histograms and --find-output). */
    orderOutput: boolean,
    /** When false (virtual-time rules), steps that depend on the clock are ordered (events.ts). */
    private readonly untimed: boolean,
  ) {
    super(runner);
    this.rules = { orderOutput, daemon: (t) => this.daemons.has(t) };
  }

  protected policy(): Policy {
    return this;
  }

  protected monitor(): Monitor {
    return this;
  }

  /** The steps of the last execution run. */
  get lastEvents(): readonly EventInfo[] {
    return this.events;
  }

  /**
   * The indexes of the last execution's steps that ended a timed op by its time-out (a sleep
   * ending, a wait timing out): the clock let them run, not an earlier step, so no reordering
   * of independent steps could have run them sooner (a split search's owner test needs this).
   * Empty under `--untimed`, where a time-out may come at any step.
   */
  get lastExpired(): readonly number[] {
    return this.expired;
  }

  /** True once a step was ordered with every other step under virtual-time rules (a near timed op's arrival, a clock read). */
  get timed(): boolean {
    return this.sawTimer;
  }

  protected override after(step: SearchStep): void {
    if (step.kind === 'abandoned') {
      if (step.why === 'sleep-blocked') this.stats.sleepBlocked++;
      if (step.why === 'sleep-blocked' && this.top !== undefined) this.topRacesOfBlocked();
    } else if (step.kind === 'execution') {
      if (!this.untimed) this.classifyTimers();
      this.detectRaces(step.result);
    }
  }

  // ----- Policy -----

  begin(_seed: number): void {
    // The two step lists swap roles: the last execution's becomes `previous`, and the one
    // before it is emptied for this execution (a fresh list per execution was garbage).
    const spare = this.previous;
    this.previous = this.events;
    this.repeats = this.clockSeen ? 0 : Math.min(this.previous.length, Math.max(0, this.path.length - 1));
    empty(spare);
    this.events = spare;
    if (this.expired.length > 0) this.expired = [];
    this.holds.reset();
    this.timedStart.clear();
    this.windows.reset();

    this.threadsSoFar = 1;
    this.preemptions = 0;
    this.lastPoint = undefined;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    this.lastPoint = at;
    const s = at.step;
    const chosen = s < this.path.length ? this.path[s]!.chosen : this.newNode(s, runnable).chosen;
    if (!has(runnable, chosen)) throw new AbandonExecution('infeasible');
    if (isPreemption(runnable, at.previous, at.yielded, chosen)) this.preemptions++;
    return chosen;
  }

  // ----- Monitor -----

  onStep(ev: StepEvent): void {
    if (ev.step >= this.path.length) {
      const node = this.newNode(ev.step, [ev.thread]);
      if (node.chosen !== ev.thread) throw new AbandonExecution('infeasible');
    }
    let timed = 0;
    if (!this.untimed) {
      // A timed op itself (a sleep ending, a wait timing out) is an ordinary step: see events.ts.
      if (readsClock(ev.op)) timed = CLOCK;
      else if (ev.spawned >= 0) timed = this.timedStart.get(ev.spawned) ?? 0;
    }
    if (!this.untimed) {
      this.windows.step(this.events.length, ev.time, ev.thread, ev.op.timeout !== undefined, ev.timedOut, ev.spawned);
      if (timed !== 0 || ev.op.timeout !== undefined) this.clockSeen = true;
    }
    if (ev.timedOut && !this.untimed) this.expired.push(this.events.length);
    const before = this.holds.step(ev.thread, ev.op, ev.result, ev.raised !== undefined || ev.timedOut);
    // A step of the repeated prefix is the same op on the same state as last time: keep its summary.
    // Code run inside the step (a class's __eq__ inside a container's step) widens its footprint.
    const summary = ev.extra !== undefined ? eventOfExtra(ev.thread, ev.op, ev.spawned, ev.extra, this.rules, before, timed) : ev.step < this.repeats ? this.previous[ev.step]! : this.summaries.of(ev.thread, ev.op, ev.spawned, before, timed);
    this.events.push(summary);
    if (ev.spawned >= this.threadsSoFar) this.threadsSoFar = ev.spawned + 1;
  }

  /**
   * A thread reached a timed op: the step that took it there fixes the op's deadline, so under
   * virtual-time rules it is timed too. That step is the thread's own last step, or the step
   * that started the thread (not recorded yet: `onStep` comes after this).
   */
  onArrive(thread: number, op: Op): void {
    if (this.untimed || op.timeout === undefined) return;
    this.clockSeen = true;
    const level = CLOCK;
    const last = this.events.length - 1;
    const e = this.events[last];
    if (e !== undefined && e.thread === thread && !this.startedNow(thread)) {
      if (e.timed < level) this.events[last] = { ...e, timed: level };
      this.windows.arrived(last, thread, op.timeout, op.kind === 'sleep');
    } else {
      this.timedStart.set(thread, Math.max(level, this.timedStart.get(thread) ?? 0));
      this.windows.arrivesAtStart(thread, op.timeout, op.kind === 'sleep');
    }
  }

  /**
   * While an execution runs, every arrival is ordered with every step (its sleep sets stay
   * conservative). Once it is over, far timed ops (timer-windows.ts) swap roles for its race
   * analysis: the arrival becomes an ordinary step (unless it also reads the clock), and the
   * step that ran the op comes after every earlier step without racing with any, since it could
   * only run once every other thread was blocked or done. Near groups with a window
   * (NearWindow) keep their arrivals' summaries; detectRaces orders those arrivals by the
   * window, and the first member's expiry comes after every earlier step, as a far one's does.
   */
  private classifyTimers(): void {
    // Without a timed op or a clock read so far, no step is timed.
    if (!this.clockSeen) return;
    this.nearWindows = [];
    this.clockedEnds = NO_STEPS;
    this.loose = undefined;
    this.due = undefined;
    if (this.windows.any) {
      let clockRead = false;
      for (const e of this.events) if (readsClock(e)) clockRead = true;
      // A part of a split search (confine, confineTop) keeps the rule without windows: parts
      // hand each other races as wakeup sequences of step summaries, which do not carry the
      // windows, and the split's tests check it against that rule.
      const windowsOff = !this.nearWindowsOn || this.fixed.length > 0 || this.top !== undefined;
      const far = this.windows.far(this.events.length, clockRead || windowsOff);
      this.nearWindows = far.windows;
      this.clockedEnds = far.clockedEnds;
      this.loose = far.loose;
      this.due = far.due;
      if (far.windows.length > 0) this.windowedExecutions++;
      for (const s of far.arrivals) {
        const e = this.events[s];
        if (e !== undefined && e.timed === CLOCK && !readsClock(e)) this.events[s] = { ...e, timed: 0 };
      }
      for (const s of far.ends) {
        const e = this.events[s];
        if (e !== undefined && e.timed === 0) this.events[s] = { ...e, timed: AFTER };
      }
      for (const w of far.windows) {
        const e = this.events[w.firstEnd];
        if (e !== undefined && e.timed === 0) this.events[w.firstEnd] = { ...e, timed: AFTER };
      }
    }
    if (!this.sawTimer) for (const e of this.events) if (e.timed === CLOCK) this.sawTimer = true;
  }

  /** True while `thread` is being started by the step in progress (its first op arrives). */
  private startedNow(thread: number): boolean {
    return thread >= this.threadsSoFar;
  }

  // ----- the search -----

  /** The state before step s, reached for the first time: sleep set, wakeup tree, choice. */
  private newNode(s: number, enabled: readonly number[]): PathNode {
    if (this.top !== undefined && s < this.top.depth) return this.topNode(s, enabled);
    if (s < this.fixed.length) return this.fixedNode(s, enabled);
    const parent = this.path[s - 1];
    const before = this.events[s - 1];
    const sleep = this.sleepScratch;
    empty(sleep);
    if (parent !== undefined && before !== undefined) for (const q of parent.sleep) if (!dependent(q, before, this.rules)) sleep.push(q);
    const wut = parent?.subtree ?? [];
    let chosen = -1;
    let subtree: WakeupNode[] = [];
    while (wut.length > 0) {
      const c = wut.shift()!;
      if (has(enabled, c.event.thread)) {
        chosen = c.event.thread;
        subtree = childrenOf(c);
        break;
      }
      this.stats.infeasible++;
    }
    if (chosen < 0) {
      const prev = before?.thread ?? -1;
      if (has(enabled, prev) && !asleep(sleep, prev)) chosen = prev;
      else for (let i = 0; i < enabled.length && chosen < 0; i++) if (!asleep(sleep, enabled[i]!)) chosen = enabled[i]!;
      if (chosen < 0) throw new AbandonExecution('sleep-blocked');
    }
    const node = this.node(enabled, chosen, wut, subtree);
    for (const q of sleep) node.sleep.push(q);
    this.path.push(node);
    return node;
  }

  /**
   * A state inside the confined prefix: its choice is the prefix's, with no alternatives and
   * an empty sleep set (the threads that could go first here are other parts' business, and a
   * sleep set inherited from outside the part would drop wakeup sequences the part needs).
   */
  private fixedNode(s: number, enabled: readonly number[]): PathNode {
    const node = this.node(enabled, this.fixed[s]!, [], []);
    this.path.push(node);
    return node;
  }

  /**
   * A top state of a {@link confineTop} job: its sleep set is the parent's, less the threads
   * the step into it wakes, plus the coordinator's earlier children of this state (the
   * creation-index rule of workers/dpor-jobs.ts); a choice past the job's prefix is the usual
   * first one, and is kept for every later execution of the job.
   */
  private topNode(s: number, enabled: readonly number[]): PathNode {
    const top = this.top!;
    const parent = this.path[s - 1];
    const before = this.events[s - 1];
    const sleep = this.sleepScratch;
    empty(sleep);
    if (parent !== undefined && before !== undefined) for (const q of parent.sleep) if (!dependent(q, before, this.rules)) sleep.push(q);
    for (const q of top.before[s] ?? []) {
      if (!enabled.includes(q.thread) || asleep(sleep, q.thread)) continue;
      sleep.push(q);
      this.topSleepers.add(q);
    }
    let chosen = -1;
    if (s < top.prefix.length) {
      chosen = top.prefix[s]!;
      if (!enabled.includes(chosen)) throw new AbandonExecution('infeasible');
      if (asleep(sleep, chosen)) throw new AbandonExecution('sleep-blocked');
    } else {
      const prev = before?.thread ?? -1;
      if (enabled.includes(prev) && !asleep(sleep, prev)) chosen = prev;
      else for (let i = 0; i < enabled.length && chosen < 0; i++) if (!asleep(sleep, enabled[i]!)) chosen = enabled[i]!;
      if (chosen < 0) throw new AbandonExecution('sleep-blocked');
      if (s >= top.fixed.length) top.fixed.push(chosen);
    }
    const node = this.node(enabled, chosen, [], []);
    for (const q of sleep) node.sleep.push(q);
    this.path.push(node);
    return node;
  }

  /**
   * Insert a wakeup sequence below the top of a {@link confineTop} job. A sibling explored by
   * optimal DPOR at this state or above covers a sequence it is a weak initial of: its own
   * races filled the wakeup trees that reach those traces. A thread the top put to sleep was
   * explored source-style, which hands this job no wakeup tree: it covers the sequence only
   * when it is an initial of it (the source-set rule). Dropping on a weak initial there lost
   * traces (lastzero(4), top depth 6: 9 of 28 found).
   */
  private topInsert(node: PathNode, seq: readonly EventInfo[]): boolean {
    const wakeup = new WakeupSequence(seq, this.rules, true);
    for (const q of node.sleep) {
      const at = wakeup.weakInitial(q);
      if (at !== undefined && (at >= 0 || !this.topSleepers.has(q))) return false;
    }
    return insertSequence(node.wut, wakeup);
  }

  /**
   * A {@link confineTop} job's execution blocked because every thread was asleep: source-DPOR
   * reverses the races of every step it takes (Abdulla et al., JACM 2017, Algorithm 1 checks
   * each step's races as it is taken), blocked or not, so the races of the steps run so far
   * are reversed, at top states and below: a thread the top put to sleep can block an
   * execution below the top too (see topInsert), and the sequences it needs come from there.
   * The threads left waiting take no part (no step of theirs was taken).
   */
  private topRacesOfBlocked(): void {
    if (!this.untimed) this.classifyTimers();
    this.lastPoint = undefined;
    this.detectRaces({ threads: [] });
  }

  /**
   * A race reversed at top state `k` of a {@link confineTop} job, source-style (Abdulla et al.,
   * JACM 2017, Algorithm 1): dropped when a sleeping thread is an initial of its sequence v
   * (it would be the thread added, and never run), else I(v) goes to the coordinator, which
   * decides whether the state needs a new child. Only initials, not weak initials: source sets
   * are proved with I(v).
   */
  private topRace(k: number, seq: readonly EventInfo[]): void {
    const node = this.path[k]!;
    const wakeup = new WakeupSequence(seq, this.rules, true);
    for (const q of node.sleep) {
      const at = wakeup.weakInitial(q);
      if (at !== undefined && at >= 0) return;
    }
    const initials: EventInfo[] = [];
    for (let i = 0; i < seq.length; i++) {
      const e = seq[i]!;
      if (initials.some((q) => q.thread === e.thread)) continue;
      let first = true;
      for (let y = 0; y < i && first; y++) if (seq[y]!.thread === e.thread) first = false;
      if (!first) continue;
      const at = wakeup.weakInitial(e);
      if (at !== undefined && at >= 0) initials.push(e);
    }
    if (initials.length > 0) this.onTopRace?.(k, initials);
  }

  /** A path node with an empty sleep set, taken from the spares when there are any. */
  private node(enabled: readonly number[], chosen: number, wut: WakeupNode[], subtree: WakeupNode[]): PathNode {
    const node = this.spare.pop();
    if (node === undefined) return { enabled: bitSet(enabled, undefined), nThreads: this.threadsSoFar, chosen, sleep: [], wut, subtree };
    node.enabled = bitSet(enabled, node.enabled);
    empty(node.sleep);
    node.nThreads = this.threadsSoFar;
    node.chosen = chosen;
    node.wut = wut;
    node.subtree = subtree;
    return node;
  }

  /**
   * Step `s` as a sleep-set entry: with the glued steps after it, which run with it as one
   * transition (a later step may conflict where the first does not).
   */
  private transitionAt(s: number, head: EventInfo): EventInfo {
    let end = s + 1;
    while (end < this.events.length && this.events[end]!.glued && this.events[end]!.thread === head.thread) end++;
    return end === s + 1 ? head : blockEvent(head, this.events.slice(s + 1, end), this.rules);
  }

  /** Cut the path to its first `length` nodes, keeping the rest as spares. */
  private cut(length: number): void {
    for (let s = this.path.length - 1; s >= length; s--) this.spare.push(this.path[s]!);
    this.path.length = length;
  }

  /** Move to the deepest state with an alternative left; false when there is none. */
  protected backtrack(): boolean {
    for (let s = this.path.length - 1; s >= this.fixed.length; s--) {
      const node = this.path[s]!;
      // A state with no alternative left is cut off: its sleep set no longer matters.
      if (node.wut.length === 0) continue;
      const done = this.events[s];
      if (done !== undefined && !asleep(node.sleep, done.thread)) node.sleep.push(this.transitionAt(s, done));
      while (node.wut.length > 0) {
        const c = node.wut.shift()!;
        if (!isEnabled(node, c.event.thread)) {
          this.stats.infeasible++;
          continue;
        }
        node.chosen = c.event.thread;
        node.subtree = childrenOf(c);
        this.cut(s + 1);
        if (s < this.analysed) this.analysed = s;
        return true;
      }
    }
    this.cut(0);
    return false;
  }

  /**
   * Race detection over a maximal execution (see the file comment). Vector clocks are built in
   * one pass; each step is compared only with earlier steps on its own object, plus its order
   * edges (spawn, join, exit).
   */
  private detectRaces(result: Pick<ExecutionResult, 'threads'>): void {
    for (const t of result.threads) if (t.daemon) this.daemons.add(t.index);
    const rules = this.rules;
    const executed = this.events;
    const n = executed.length;
    // The executed steps, then the next step of each thread left blocked (a copy only then).
    let all: EventInfo[] = executed;
    const point = this.lastPoint;
    if (point !== undefined) {
      for (let t = 0; t < result.threads.length; t++) {
        const op = point.pending(t);
        if (op === undefined) continue;
        if (all === executed) all = executed.slice();
        all.push(eventOf(t, op, -1));
      }
    }
    const nThreads = Math.max(this.threadsSoFar, result.threads.length);
    // vc[j * nThreads + t]: how many steps of thread t happen before or at step j (one flat
    // array per execution: no allocation per step).
    const T = nThreads;
    // Scratch memory kept across executions (grown, never shrunk): fresh arrays per execution
    // were a large share of DPOR's garbage.
    const s = this.scratch;
    // Rows of steps the last analysed execution shares with this one are still right (a row
    // depends only on the steps up to it): only the new steps get clocks, and races are
    // looked for only among them (see `analysed`).
    if (this.clockSeen) this.analysed = 0;
    const reuse = T === s.T ? Math.min(this.analysed, n) : 0;
    s.T = T;
    if (s.vc.length < all.length * T) s.vc = grown(s.vc, 2 * all.length * T);
    if (s.idx.length < all.length) s.idx = grown(s.idx, 2 * all.length);
    if (s.last.length < T) s.last = new Int32Array(2 * T);
    if (s.spawnOf.length < T) s.spawnOf = new Int32Array(2 * T);
    const vc = s.vc;
    const idx = s.idx;
    const last = s.last;
    last.fill(-1, 0, T);
    const spawnOf = s.spawnOf;
    spawnOf.fill(-1, 0, T);
    // Steps by object; the buckets are kept across executions (a program's objects recur) and emptied.
    const byObject = s.byObject;
    for (const bucket of byObject.values()) truncateSteps(bucket, reuse, all, rules);
    const timedSoFar = s.timedSoFar;
    empty(timedSoFar);
    // Near groups with a window (timer-windows.ts, NearWindow): their arrivals are ordinary
    // steps here, ordered with the steps of other threads inside the window (see NearRaces).
    const near = this.nearWindows.length > 0 ? this.nearRaces(all) : undefined;
    if (s.covers.length < T) s.covers = new Int32Array(2 * T);
    const covers = s.covers;
    const races = s.races;
    empty(races);
    const preds = s.preds;
    const conflicts = s.conflicts;
    let exit = -1;
    const hb = (k: number, m: number): boolean => vc[m * T + all[k]!.thread]! >= idx[k]!;
    const join = (j: number, k: number): void => {
      for (let u = 0; u < T; u++) if (vc[k * T + u]! > vc[j * T + u]!) vc[j * T + u] = vc[k * T + u]!;
    };
    /** What later steps need to know of executed step j (the buckets keep the reused steps). */
    const record = (j: number, ej: EventInfo, t: number, obj: string | undefined): void => {
      last[t] = j;
      if (near !== undefined && j < n && near.windowed.has(j)) near.arrivedSoFar.push(j);
      else if (ej.timed === CLOCK) timedSoFar.push(j);
      if (ej.kind === 'exit') exit = j;
      if (ej.spawned >= 0 && ej.spawned < T) spawnOf[ej.spawned] = j;
      if (obj !== undefined && j >= reuse) {
        addTo(byObject, obj, j, ej, rules);
        if (ej.objs !== undefined) for (const o of ej.objs) if (o !== obj) addTo(byObject, o, j, ej, rules);
      }
    };
    for (let j = 0; j < all.length; j++) {
      const ej = all[j]!;
      const t = ej.thread;
      if (j < reuse) {
        // Its object's bucket already holds it (truncateSteps kept it): no lookup.
        record(j, ej, t, undefined);
        continue;
      }
      const po = last[t]!;
      // Each row starts as its thread's previous row, or empty: no fill of the whole table (steps x threads).
      // A loop: copyWithin and fill are calls into the runtime that cost more than a row of
      // a few dozen threads.
      const row = j * T;
      if (po >= 0) for (let u = 0, from = po * T; u < T; u++) vc[row + u] = vc[from + u]!;
      else for (let u = 0; u < T; u++) vc[row + u] = 0;
      empty(preds);
      empty(conflicts);
      if (po < 0 && spawnOf[t]! >= 0) preds.push(spawnOf[t]!);
      if (ej.joins >= 0 && ej.joins < T && last[ej.joins]! >= 0) preds.push(last[ej.joins]!);
      if (ej.kind === 'exit') {
        for (let k = 0; k < Math.min(j, n); k++) if (all[k]!.thread !== t && rules.daemon(all[k]!.thread)) conflicts.push(k);
        for (let u = 0; u < T; u++) if (u !== t && !rules.daemon(u) && last[u]! >= 0) preds.push(last[u]!);
      }
      if (exit >= 0 && rules.daemon(t)) conflicts.push(exit);
      const obj = objectOf(ej, rules);
      if (obj !== undefined) {
        const bucket = byObject.get(obj);
        if (bucket !== undefined) {
          const steps = bucket.steps;
          if (bucket.mixedFrom === NONE && plainStep(ej)) {
            // Only the last write and the reads since can be races (see ObjectSteps); latest first.
            const w = bucket.readsFrom - 1;
            if (writes(ej, rules)) for (let r = steps.length - 1; r > w; r--) if (all[steps[r]!]!.thread !== t) conflicts.push(steps[r]!);
            if (w >= 0 && all[steps[w]!]!.thread !== t) conflicts.push(steps[w]!);
          } else {
            for (let r = steps.length - 1; r >= 0; r--) {
              const k = steps[r]!;
              if (all[k]!.thread !== t && conflict(all[k]!, ej, rules)) conflicts.push(k);
            }
          }
        }
        // An op on several objects (`Op.objs`) conflicts with the steps on each of them.
        if (ej.objs !== undefined) {
          for (const o of ej.objs) {
            const more = byObject.get(o);
            if (more !== undefined) for (const k of more.steps) if (all[k]!.thread !== t && conflict(all[k]!, ej, rules)) conflicts.push(k);
          }
        }
      }
      // Timed steps (events.ts): a clock step conflicts with every step of the other threads,
      // and so does a near arrival, except that one with a window conflicts only with the
      // steps inside it.
      const window = near !== undefined && j < n ? near.windowed.get(j) : undefined;
      if (ej.timed === CLOCK && window === undefined) {
        empty(conflicts);
        for (let k = 0; k < Math.min(j, n); k++) if (all[k]!.thread !== t) conflicts.push(k);
      } else {
        if (timedSoFar.length > 0) for (const k of timedSoFar) if (all[k]!.thread !== t) conflicts.push(k);
        if (near !== undefined && j < n) near.conflicts(j, t, window, all, conflicts, this.clockedEnds);
      }
      for (const k of preds) join(j, k);
      // Latest first (a step listed twice is then next to itself). A conflicting step k is an
      // immediate race with j unless it happens before a predecessor of j or another
      // conflicting step, and all of those come after k: so, walking the conflicts from the
      // latest, k is a race exactly when the clock built so far does not cover it, and is
      // joined into it only then. This keeps the cost per step at O(races · T) rather than
      // O(conflicts · T) plus O(conflicts²) checks, which made a 1,000-thread program with one
      // common key take tens of seconds per execution (issue 16).
      if (!descending(conflicts)) conflicts.sort((a, b) => b - a);
      // A lock's release and the acquire it lets through are never both enabled, so that race
      // is not reversed, and it hides no other: the acquire races with the acquire that took
      // the lock before it, even though that one happens before it through the release. Such
      // steps join j's clock but not `covers`, the clock that decides what is a race.
      let hidden = false;
      for (const k of conflicts) if (neverCoEnabled(all[k]!, ej)) hidden = true;
      if (hidden) covers.set(vc.subarray(j * T, j * T + T));
      const first = races.length;
      for (const k of conflicts) {
        const u = all[k]!.thread;
        const covered = vc[j * T + u]! >= idx[k]!;
        if (!hidden) {
          if (covered) continue;
          join(j, k);
          races.push(j, k);
          continue;
        }
        if (!covered) join(j, k);
        if (neverCoEnabled(all[k]!, ej) || covers[u]! >= idx[k]!) continue;
        for (let w = 0; w < T; w++) if (vc[k * T + w]! > covers[w]!) covers[w] = vc[k * T + w]!;
        races.push(j, k);
      }
      // Turned round, the pairs read (k, j) with the earliest partner first: the order in
      // which races have always been reversed, so the exploration order stays the same.
      reverseFrom(races, first);
      // The end of a far timed op comes after everything before it without racing with it
      // (timer-windows.ts): it could only run once every other thread was blocked or done.
      if (ej.timed === AFTER) for (let u = 0; u < T; u++) if (u !== t && last[u]! >= 0) join(j, last[u]!);
      // A later member of a window's group wakes after the first.
      const woken = near?.wokenAfter.get(j);
      if (woken !== undefined && woken < j) join(j, woken);
      idx[j] = (po >= 0 ? idx[po]! : 0) + 1;
      vc[j * T + t] = idx[j]!;
      if (j < n) record(j, ej, t, obj);
    }
    near?.restore(all);
    const fresh = this.analysed;
    this.analysed = n;
    this.transitions.length = 0;
    for (let r = 0; r < races.length; r += 2) {
      const j = races[r + 1]!;
      if (j < fresh) continue;
      this.stats.races++;
      const k = races[r]!;
      const ej = all[j]!;
      // Most steps cannot block: the race is reversed where it is, with no list of candidates.
      if (!ej.blocking || coEnabled(all[k]!, ej)) this.reverse(blockHead(all, k), j, all, n, hb);
      else for (const at of this.reversals(k, j, all, n, hb)) this.reverse(blockHead(all, at), j, all, n, hb);
    }
    if (this.loose !== undefined) this.fullSpan(this.loose, all, n);
  }

  /**
   * The states of `span` (near timed ops outside windows were pending, timer-windows.ts,
   * LooseSpan) get every enabled thread that is not asleep as an alternative, as a plain
   * search with sleep sets (Godefroid 1996) would: there the end of such an op is enabled by
   * the count of steps, not by a step it depends on, and a race's wakeup sequence can put it
   * where its deadline has not passed (it is then dropped as infeasible, and the order it was
   * to reach with it). Sleep sets stay sound: a step that moves earlier only advances the clock
   * at the steps it passes, which never disables a step (a deadline once passed stays passed).
   */
  private fullSpan(span: LooseSpan, all: readonly EventInfo[], n: number): void {
    this.fullSpanExecutions++;
    const to = Math.min(span.to, n - 1);
    for (let s = Math.max(span.from, this.fixed.length); s <= to; s++) {
      const node = this.path[s]!;
      for (let u = 0; u < node.nThreads; u++) {
        if (u === node.chosen || !isEnabled(node, u) || asleep(node.sleep, u)) continue;
        if (node.wut.some((c) => c.event.thread === u)) continue;
        let next = s;
        while (next < all.length && all[next]!.thread !== u) next++;
        if (next >= all.length) continue;
        node.wut.push(openLeaf(all[next]!));
        this.stats.inserted++;
      }
    }
  }

  /**
   * The steps before which `all[j]` should be tried instead of `all[k]`. For a step that
   * cannot block, `k` alone. For a blocking step (an acquire), the race with `k` (say, the
   * release that let it through) may be impossible to reverse, so the latest earlier
   * conflicting step before which it could run (the acquire that took the lock) is tried too;
   * `k` itself is left out when `j`'s thread was already parked on that step just before `k`.
   */
  private reversals(k: number, j: number, all: readonly EventInfo[], n: number, hb: (a: number, b: number) => boolean): number[] {
    const ej = all[j]!;
    if (!ej.blocking || coEnabled(all[k]!, ej)) return [k];
    const t = ej.thread;
    const lastBefore = lastOf(all, t, Math.min(j, n));
    // Asked at the state before the transition holding s: the state before a glued step lists
    // only its own thread as enabled (no other could run there), not the threads parked.
    const parkedOn = (s: number): boolean => {
      const h = blockHead(all, s);
      return lastBefore < h && t < this.path[h]!.nThreads && !isEnabled(this.path[h]!, t);
    };
    const out = parkedOn(k) ? [] : [k];
    for (let s = k - 1; s >= 0; s--) {
      const es = all[s]!;
      if (es.thread === t || !conflict(es, ej, this.rules) || parkedOn(s) || neverCoEnabled(es, ej)) continue;
      let ok = true;
      for (let m = s + 1; m < Math.min(j, n) && ok; m++) if (all[m]!.thread === t && hb(s, m)) ok = false;
      if (ok) {
        out.push(s);
        break;
      }
    }
    return out;
  }

  /**
   * The near windows of the last execution, prepared for its race analysis: their arrivals'
   * summaries are made ordinary in `all` until {@link NearRaces.restore}.
   */
  private nearRaces(all: EventInfo[]): NearRaces {
    const near = new NearRaces();
    for (const w of this.nearWindows) {
      for (const e of w.laterEnds) near.wokenAfter.set(e, w.firstEnd);
      for (const a of w.arrivals) {
        near.windowed.set(a, w);
        const e = all[a]!;
        near.stripped.push(a);
        near.clocked.push(e);
        if (e.timed === CLOCK) all[a] = { ...e, timed: 0 };
      }
    }
    return near;
  }

  /**
   * Reorder the wakeup sequence `at` (step indices, notdep(e, E).e' of the race reversed before
   * step `k`) within its trace, so that each step that ran because a deadline had passed comes
   * where the clock has reached that deadline. Classic DPOR relies on notdep(e, E).e' being
   * executable from the state before e, as each of its steps is enabled by steps it depends on,
   * which come before it in the sequence too. Under virtual-time rules, a sleep's end (or a
   * wait's time-out) is enabled by the clock, which every step of every thread moves: with e and
   * the steps after it left out, it would come too early, the branch would be dropped as
   * infeasible, and with it the order it was to reach. Its end depends on no step it passes
   * here (else that step would stay before it), so the sequence stays in the same trace.
   * When no order of the sequence runs it in time (the clock would have to jump, or more steps
   * are missing), the rest keeps E's order, as before.
   */
  private dueOrder(k: number, at: number[], all: readonly EventInfo[], due: ClockDue): void {
    const clockAt = due.start(k);
    let late = false;
    for (let i = 0; i < at.length && !late; i++) {
      const d = due.deadline.get(at[i]!);
      if (d !== undefined && clockAt + i * due.cost < d) late = true;
    }
    if (!late) return;
    this.dueReordered++;
    const rest = at.slice();
    empty(at);
    let clock = clockAt;
    for (;;) {
      let pick = -1;
      for (let p = 0; p < rest.length && pick < 0; p++) {
        const d = due.deadline.get(rest[p]!);
        if (d !== undefined && clock < d) continue;
        let free = true;
        for (let q = 0; q < p && free; q++) if (dependent(all[rest[q]!]!, all[rest[p]!]!, this.rules)) free = false;
        if (free) pick = p;
      }
      if (pick < 0) break;
      at.push(rest[pick]!);
      rest.splice(pick, 1);
      clock += due.cost;
    }
    for (const m of rest) at.push(m);
  }

  /** Insert notdep(e, E).e' at the state before e, unless a sleeping thread covers it. */
  private reverse(k: number, j: number, all: readonly EventInfo[], n: number, hb: (a: number, b: number) => boolean): void {
    // A race reversed inside a part's confined prefix belongs to another part (dpor-split.ts).
    if (k < this.fixed.length && this.top === undefined) return;
    // Built in scratch memory: most races insert nothing (a sleeping step or a branch already
    // covers them), the tree copies what it keeps (WakeupSequence's `borrowed`), and a race at
    // a job's top state sends on only its initials.
    const seq = this.seqScratch;
    empty(seq);
    const at = this.seqIndex;
    notdep(k, j, all, n, hb, at, this.droppedScratch);
    if (this.due !== undefined) this.dueOrder(k, at, all, this.due);
    const made = this.transitions;
    for (const m of at) seq.push((made[m] ??= transitionOf(all, m, n, this.rules)));
    if (k < this.fixed.length) {
      this.topRace(k, seq);
      return;
    }
    const node = this.path[k]!;
    if (this.top !== undefined ? this.topInsert(node, seq) : insertAtState(node.sleep, node.wut, new WakeupSequence(seq, this.rules, true))) this.stats.inserted++;
  }
}

/**
 * The first step of the transition holding step `k`. A glued op (`Op.glued`: CPython 3.11
 * cannot switch before it) runs straight after its thread's previous step, so another thread
 * can only be tried before the whole run of glued steps, never inside it: the race is
 * reversed at the run's first step.
 */
function blockHead(events: readonly EventInfo[], k: number): number {
  let at = k;
  while (at > 0 && events[at]!.glued && events[at - 1]!.thread === events[at]!.thread) at--;
  return at;
}

/**
 * Fill `out` with notdep(e, E).e' as step indices (Abdulla et al., JACM 2017), e = step `k` and
 * e' = step `j`, taken transition by transition: a run of glued steps (`Op.glued`) is one
 * transition, so it is in the sequence whole or not at all. A transition is left out when
 * any of its steps happens after e (its head may not, when only a glued step conflicts),
 * and so is every later step that happens after a transition left out. Keeping the head
 * without the step glued to it made the replay run that step at once (no switch is possible
 * before it) where the sequence had put another thread's step, and the branch was dropped as
 * infeasible. When e' is a glued step, the sequence ends with the head of its transition,
 * which runs e' straight after it.
 */
function notdep(k: number, j: number, all: readonly EventInfo[], n: number, hb: (a: number, b: number) => boolean, out: number[], dropped: number[]): void {
  empty(out);
  empty(dropped);
  const last = j < n ? blockHead(all, j) : j;
  for (let m = k + 1; m < n; m++) {
    if (m === last) {
      // e' and the rest of its transition: e' (or its head) comes last.
      while (m + 1 < n && all[m + 1]!.glued && all[m + 1]!.thread === all[last]!.thread) m++;
      continue;
    }
    if (hb(k, m)) continue;
    let after = false;
    for (let d = 0; d < dropped.length && !after; d++) after = hb(dropped[d]!, m);
    if (after) continue;
    let end = m + 1;
    while (end < n && all[end]!.glued && all[end]!.thread === all[m]!.thread) end++;
    let whole = true;
    for (let g = m + 1; g < end && whole; g++) if (hb(k, g) || g === last) whole = false;
    if (!whole) {
      dropped.push(m);
      m = end - 1;
      continue;
    }
    for (let g = m; g < end; g++) out.push(g);
    m = end - 1;
  }
  out.push(last);
}

/**
 * Step `m` of a wakeup sequence, as the transition it starts: with the glued steps that run
 * straight after it (`Op.glued`), which no other thread can come between. A wakeup sequence
 * lists steps one by one (the glued ones follow their head, so the path's forced states
 * consume them), but whether a branch or a sleeping thread covers the sequence is decided by
 * transitions: a head that touches only `q.y` stands for a transition that may also write
 * `p.x`, and two threads' transitions commute only when every step of each does. Without it,
 * a thread whose head was independent of a step put before it counted as an initial of the
 * sequence, and the branch that ran its whole transition first was taken to cover an order
 * it never reaches (a generated `.py` program of three threads, test/python/inline-generated.test.ts).
 */
function transitionOf(all: readonly EventInfo[], m: number, n: number, rules: DependencyRules): EventInfo {
  const head = all[m]!;
  let end = m + 1;
  while (end < n && all[end]!.glued && all[end]!.thread === head.thread) end++;
  return end === m + 1 ? head : blockEvent(head, all.slice(m + 1, end), rules);
}

function reverseFrom(xs: number[], from: number): void {
  for (let a = from, b = xs.length - 1; a < b; a++, b--) {
    const x = xs[a]!;
    xs[a] = xs[b]!;
    xs[b] = x;
  }
}

function descending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! <= xs[i]!) return false;
  return true;
}

/** The set of `threads` as bits, in `reuse` when it is large enough. */
function bitSet(threads: readonly number[], reuse: Uint32Array | undefined): Uint32Array {
  let max = 0;
  for (const t of threads) if (t > max) max = t;
  const words = (max >> 5) + 1;
  const bits = reuse !== undefined && reuse.length >= words ? reuse : new Uint32Array(Math.max(words, 2));
  bits.fill(0);
  for (const t of threads) bits[t >> 5]! |= 1 << (t & 31);
  return bits;
}

function isEnabled(node: PathNode, thread: number): boolean {
  const w = thread >> 5;
  return thread >= 0 && w < node.enabled.length && (node.enabled[w]! & (1 << (thread & 31))) !== 0;
}

/** `list.includes(x)` as a loop: the call showed up in profiles of every new state. */
function has(list: readonly number[], x: number): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === x) return true;
  return false;
}

/** True when `thread` is in the sleep set (a loop, not a closure: asked at every new state). */
function asleep(sleep: readonly EventInfo[], thread: number): boolean {
  for (const q of sleep) if (q.thread === thread) return true;
  return false;
}

/** A read of the virtual clock (`time.monotonic()`): its result depends on every step before it. */
function readsClock(op: Pick<Op, 'obj'>): boolean {
  return op.obj === 'time.monotonic';
}

/**
 * The steps of one execution on one object, ascending. While every step on it is a plain read
 * or write, a new step can race only with the object's last write and, if it writes, the reads
 * since: every earlier step on the object conflicts with that write or with a read after it,
 * so it already happens before them (FastTrack's observation, Flanagan and Freund, PLDI 2009).
 * Objects with other steps (locks, queues, several objects, the clock) are scanned whole. A
 * program whose threads all touch one key made this scan quadratic in the thread count.
 * Buckets are kept across executions and cut back to the steps the next execution shares.
 */
interface ObjectSteps {
  readonly steps: number[];
  /** Index in `steps` of the first step that is not a plain read or write, or NONE. */
  mixedFrom: number;
  /** Index in `steps` just after the last write (0 when none): the reads since start here. */
  readsFrom: number;
}

const NONE = 0x7fffffff;

/** A larger copy of `a` (rows already computed are kept). */
function grown(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Cut `b` back to the steps before `keep`. */
function truncateSteps(b: ObjectSteps, keep: number, all: readonly EventInfo[], rules: DependencyRules): void {
  const steps = b.steps;
  let end = steps.length;
  while (end > 0 && steps[end - 1]! >= keep) end--;
  if (end === steps.length) return;
  steps.length = end;
  if (b.mixedFrom >= end) b.mixedFrom = NONE;
  if (b.readsFrom > end) {
    let w = end - 1;
    while (w >= 0 && !writes(all[steps[w]!]!, rules)) w--;
    b.readsFrom = w + 1;
  }
}

/** A step that takes part in the plain read/write rule of {@link ObjectSteps}. */
function plainStep(e: EventInfo): boolean {
  return !e.blocking && e.objs === undefined && e.timed === 0 && e.kind !== 'exit' && e.access !== 'sync';
}

function addTo(byObject: Map<string, ObjectSteps>, obj: string, j: number, e: EventInfo, rules: DependencyRules): void {
  let b = byObject.get(obj);
  if (b === undefined) {
    b = { steps: [], mixedFrom: NONE, readsFrom: 0 };
    byObject.set(obj, b);
  }
  b.steps.push(j);
  if (b.mixedFrom === NONE && (!plainStep(e) || e.obj !== obj)) b.mixedFrom = b.steps.length - 1;
  if (writes(e, rules)) b.readsFrom = b.steps.length;
}

function lastOf(events: readonly EventInfo[], thread: number, before: number): number {
  for (let k = before - 1; k >= 0; k--) if (events[k]!.thread === thread) return k;
  return -1;
}

/** The near windows of one execution during its race analysis (DporSearch.nearRaces). */
class NearRaces {
  /** Arrivals ordered with the steps of other threads inside their window, and the window. */
  readonly windowed = new Map<number, NearWindow>();
  /** Those of them already analysed. */
  readonly arrivedSoFar: number[] = [];
  /** The expiry of a later member of a group, and the first member's expiry. */
  readonly wokenAfter = new Map<number, number>();
  /** Every window's arrivals, and their summaries (CLOCK) to restore. */
  readonly stripped: number[] = [];
  readonly clocked: EventInfo[] = [];

  /**
   * Add to `out` the earlier steps that step `j` of thread `t` is ordered with by the windows:
   * inside a window, its arrivals and the other threads' steps (not the arrivals among
   * themselves when their order does not matter); and the expiry of a near op outside windows
   * (`clockedEnds`) with the windows' arrivals before it, as when every arrival was ordered
   * with every step.
   */
  conflicts(j: number, t: number, window: NearWindow | undefined, all: readonly EventInfo[], out: number[], clockedEnds: ReadonlySet<number>): void {
    if (window !== undefined) for (let k = window.from; k < j; k++) if (all[k]!.thread !== t && !(window.anyOrder && this.windowed.get(k) === window)) out.push(k);
    for (const k of this.arrivedSoFar) {
      const w = this.windowed.get(k)!;
      if (all[k]!.thread !== t && j <= w.to && !(w.anyOrder && w === window)) out.push(k);
    }
    if (clockedEnds.has(j)) for (const k of this.stripped) if (k < j && all[k]!.thread !== t) out.push(k);
  }

  /** Put the arrivals' summaries back. */
  restore(all: EventInfo[]): void {
    for (let i = 0; i < this.stripped.length; i++) all[this.stripped[i]!] = this.clocked[i]!;
  }
}
