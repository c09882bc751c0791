/**
 * What exploration knows about a step: a small summary of its op (data fields only, as the
 * op vocabulary promises), and the dependency relation DPOR and sleep sets are built on.
 *
 * Two kinds of dependency:
 * - a conflict: the same object, and at least one write, or both sync ops. A conflict can be
 *   reversed: running the two steps the other way round is another execution to explore.
 * - an order edge: spawn before the child's steps, a thread's steps before a join of it, every
 *   non-daemon thread before interpreter exit. These order steps (happens-before) but are
 *   never reversed: the other order cannot happen.
 *
 * Under virtual-time rules every step moves the clock by the same amount, so steps that never
 * look at the clock commute (two orders of them take the same time) and the reduction survives
 * sleeps. What the clock makes dependent (docs/exploration.md has the argument):
 * - a read of the clock conflicts with every step of every other thread ({@link CLOCK});
 * - a timed op (a sleep, a wait with a timeout) ends at a time fixed by its arrival step (the
 *   step after which its thread reached it). When that deadline can come within reach of the
 *   other threads' steps (a near op, timer-windows.ts: two equally long sleeps that overlap, a
 *   timeout of a few microseconds), the arrival conflicts with every step of every other
 *   thread, and the end of the op is an ordinary step (once its deadline has passed it stays
 *   enabled and touches only its own object, so it commutes with the steps it is co-enabled
 *   with);
 * - a far op can only expire once every other thread is blocked or done, wherever its arrival
 *   falls: the arrival is an ordinary step, and an expiry comes after every earlier step without
 *   racing with any ({@link AFTER}), as a lock's acquire never races with the release that let
 *   it through.
 *
 * Arrivals of near ops cannot be ordered with the other timed steps alone: when two threads
 * sleep equally long, the second wakes as many steps after the first as separated their
 * arrivals, so how many steps (of any thread) fall between the arrivals decides what runs
 * between the two wake-ups. In shapes where fewer steps between them only ever allow more
 * (timer-windows.ts, NearWindow), DPOR's race analysis orders such an arrival only with the
 * steps between its group's first and last arrival; the summaries here stay conservative.
 *
 * The end of a timed op that expired is enabled by the clock, not by a step it depends on, so
 * it fits no relation between two steps: DPOR keeps its wakeup sequences in time with it
 * (dpor.ts, dueOrder), and around near ops outside windows tries every thread (fullSpan).
 * Ordering the end of a near op with every step as well (as
 * threadsim did before) was slower and missed, on a program with sleeps of a few
 * microseconds, one of the 12 orders of dependent steps that DFS reaches
 * (test/scheduler/explore/dpor-timed-traces.test.ts).
 */
import type { Op, StepExtra } from '../ops.js';
import { sharedAvailability, UNKNOWN, type Availability } from './availability.js';

/** `EventInfo.timed`: the step is ordered with every other step. */
export const CLOCK = 2;
/**
 * `EventInfo.timed`: the step comes after every earlier step of every thread, but races with
 * none of them (it could not have run earlier): the end of a far timed op (timer-windows.ts).
 */
export const AFTER = 1;

/** A step (or a thread's pending op) as exploration sees it. */
export interface EventInfo {
  readonly thread: number;
  readonly kind: Op['kind'];
  readonly obj: string | undefined;
  /** Further objects the op touches in the same step (`Op.objs`), if any. */
  readonly objs: readonly string[] | undefined;
  readonly access: Op['access'];
  /** Thread started by this step, or -1. */
  readonly spawned: number;
  /** For a join: the thread joined, or -1. */
  readonly joins: number;
  /** True when the op can block (it has an `enabled` test): the other order may be impossible. */
  readonly blocking: boolean;
  /** True when the op is glued to its thread's previous step (`Op.glued`): no switch before it. */
  readonly glued: boolean;
  /**
   * A blocking take: an acquire of a mutual-exclusion lock (`Op.exclusive`), disabled while
   * another thread holds it, or an op with `Op.takes`, disabled while its object has nothing
   * available.
   */
  readonly take: boolean;
  /** What the step's object offered just before the step ran (see availability.ts). */
  readonly before: Availability;
  /**
   * Under virtual-time rules (see the file comment): {@link CLOCK} for a step ordered with every
   * other step, {@link AFTER} for one ordered after every earlier step, 0 otherwise.
   */
  readonly timed: number;
}

/** Rules that change what counts as a conflict. */
export interface DependencyRules {
  /** Output lines conflict with each other, so their order distinguishes executions. */
  readonly orderOutput: boolean;
  /** Daemon threads, by index: exit conflicts with (rather than waits for) their steps. */
  readonly daemon: (thread: number) => boolean;
}

/** The output stream as an object, when output order matters. */
const OUTPUT = '\0output';

/** Summarise an op run (or about to be run) by `thread`; `before` as in {@link EventInfo.before}. */
export function eventOf(thread: number, op: Op, spawned: number, before: Availability = UNKNOWN, timed = 0): EventInfo {
  return {
    thread,
    kind: op.kind,
    obj: op.obj,
    objs: op.objs,
    access: op.access,
    spawned,
    joins: op.kind === 'join' && typeof op.thread === 'number' ? op.thread : -1,
    blocking: op.enabled !== undefined,
    glued: op.glued === true,
    take: isTake(op),
    before,
    timed,
  };
}

/**
 * The summary of a step whose code touched more than its op says ({@link StepExtra}: a class's
 * `__eq__` run inside a container's step): the op, also touching every object the code touched,
 * writing when the code wrote, and on the ordered output when it printed and output order
 * matters. Over-approximate (all of it with one access), so DPOR orders such a step with every
 * step its code could depend on.
 */
export function eventOfExtra(thread: number, op: Op, spawned: number, extra: StepExtra, rules: DependencyRules, before: Availability = UNKNOWN, timed = 0): EventInfo {
  const objs = new Set<string>(op.objs ?? []);
  for (const o of extra.objs) if (o !== op.obj) objs.add(o);
  const output = extra.output && rules.orderOutput;
  if (output && op.kind !== 'log') objs.add(OUTPUT);
  const write = extra.write || output;
  const access = op.access === 'sync' ? 'sync' : write ? 'write' : op.access === 'none' && objs.size > 0 ? 'read' : op.access;
  let obj = op.obj;
  if (obj === undefined && objs.size > 0) {
    const [first] = objs;
    objs.delete(first!);
    obj = first;
  }
  // Not `{ ...op }`: one-step ops keep kind, access and enabled on their prototype, which a spread drops.
  return { ...eventOf(thread, op, spawned, before, timed), obj, access, objs: objs.size > 0 ? [...objs] : op.objs };
}

/** {@link EventInfo.take}. A take with a timeout can also run while disabled: it times out. */
function isTake(op: Op): boolean {
  return op.enabled !== undefined && op.timeout === undefined && (op.takes === true || (op.exclusive === true && op.kind === 'acquire'));
}

/** The object through which `e` can conflict with other steps, if any. */
export function objectOf(e: EventInfo, rules: DependencyRules): string | undefined {
  if (rules.orderOutput && e.kind === 'log') return OUTPUT;
  return e.access === 'none' ? undefined : e.obj;
}

/**
 * A sleep-set entry for a whole transition: step `head` with the glued steps that run straight
 * after it (`rest`, same thread). A sleeping thread stays asleep only while the steps taken are
 * independent of its next transition, and a glued step can touch what the head does not (a
 * generator's frame left after a read of a list): so the entry touches every object of the
 * block, and writes when any step of it does. Over-approximate (a read in the block counts
 * as a write), which only wakes threads that could have slept.
 */
export function blockEvent(head: EventInfo, rest: readonly EventInfo[], rules: DependencyRules): EventInfo {
  if (rest.length === 0) return head;
  const objs = new Set<string>(head.objs ?? []);
  let write = writes(head, rules);
  let timed = head.timed;
  for (const e of rest) {
    const o = objectOf(e, rules);
    if (o !== undefined) objs.add(o);
    for (const x of e.objs ?? []) objs.add(x);
    if (writes(e, rules)) write = true;
    if (e.timed === CLOCK) timed = CLOCK;
  }
  const own = objectOf(head, rules);
  if (own === undefined && objs.size > 0) {
    // A head on no object (a log without ordered output): the block's first object stands in.
    const [first] = objs;
    objs.delete(first!);
    return { ...head, obj: first, objs: [...objs], access: write ? 'write' : 'read', timed };
  }
  if (own !== undefined) objs.delete(own);
  return { ...head, objs: objs.size > 0 ? [...objs] : head.objs, access: write && head.access !== 'sync' ? 'write' : head.access, timed };
}

/** True when `e` writes its object (or is sync, or ordered output): it conflicts with every step on it. */
export function writes(e: EventInfo, rules: DependencyRules): boolean {
  return e.access === 'write' || e.access === 'sync' || (rules.orderOutput && e.kind === 'log');
}

/** True when `a` and `b` (different threads) conflict: the reversible kind of dependency. */
export function conflict(a: EventInfo, b: EventInfo, rules: DependencyRules): boolean {
  if (a.thread === b.thread) return false;
  if (a.timed === CLOCK || b.timed === CLOCK) return true;
  if (a.kind === 'exit') return rules.daemon(b.thread);
  if (b.kind === 'exit') return rules.daemon(a.thread);
  const oa = objectOf(a, rules);
  const ob = objectOf(b, rules);
  if (oa === undefined || ob === undefined) return false;
  if (oa !== ob && !sharesFurther(a, b, oa, ob)) return false;
  return writes(a, rules) || writes(b, rules);
}

/** True when an op touching several objects (`objs`) shares one with the other op. */
function sharesFurther(a: EventInfo, b: EventInfo, oa: string, ob: string): boolean {
  if (a.objs === undefined && b.objs === undefined) return false;
  if (touches(a, oa, ob)) return true;
  if (b.objs !== undefined) for (const o of b.objs) if (touches(a, oa, o)) return true;
  return false;
}

/**
 * True when `a` (whose object is `oa`) touches `o`. A function of its own, not a closure in
 * sharesFurther: a closure there made V8 allocate a context on every conflict test, even the
 * ones that return at once, and that was a fifth of DPOR's garbage.
 */
function touches(a: EventInfo, oa: string, o: string): boolean {
  return o === oa || (a.objs !== undefined && a.objs.includes(o));
}

/**
 * True when `earlier` must precede `later` whatever the schedule: `earlier` started
 * `later`'s thread, or `later` joins (or exits after) `earlier`'s thread.
 */
export function orderEdge(earlier: EventInfo, later: EventInfo, rules: DependencyRules): boolean {
  if (earlier.thread === later.thread) return false;
  if (earlier.spawned === later.thread) return true;
  if (later.joins === earlier.thread) return true;
  return later.kind === 'exit' && !rules.daemon(earlier.thread);
}

/** Dependent in either sense (or the same thread): the two steps do not commute. */
export function dependent(a: EventInfo, b: EventInfo, rules: DependencyRules): boolean {
  return a.thread === b.thread || conflict(a, b, rules) || orderEdge(a, b, rules) || orderEdge(b, a, rules);
}

/**
 * Step summaries shared across executions. An exploration re-runs the same program, so most
 * new steps are ones it has summarised before; handing out the earlier summary instead of a
 * new object keeps DPOR's step lists from filling the young heap with objects that live
 * for a whole execution (each one made the collector's next scavenge dearer). Shared: steps
 * on one object, not ordered by the clock, whose availability is one of the shared values
 * (availability.ts); the cache is bounded, and beyond its bounds summaries are made as before.
 */
export class EventCache {
  private readonly byObject = new Map<string | undefined, EventInfo[]>();

  /** {@link eventOf}, shared when it can be. */
  of(thread: number, op: Op, spawned: number, before: Availability = UNKNOWN, timed = 0): EventInfo {
    if (!sharedAvailability(before) || timed !== 0 || op.objs !== undefined) return eventOf(thread, op, spawned, before, timed);
    let list = this.byObject.get(op.obj);
    if (list === undefined) {
      if (this.byObject.size >= CACHED_OBJECTS) return eventOf(thread, op, spawned);
      list = [];
      this.byObject.set(op.obj, list);
    }
    const kind = op.kind;
    const access = op.access;
    const joins = kind === 'join' && typeof op.thread === 'number' ? op.thread : -1;
    const blocking = op.enabled !== undefined;
    const glued = op.glued === true;
    const take = isTake(op);
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.thread === thread && e.kind === kind && e.access === access && e.spawned === spawned && e.joins === joins && e.blocking === blocking && e.glued === glued && e.take === take && e.before === before) return e;
    }
    const e = eventOf(thread, op, spawned, before);
    if (list.length < CACHED_PER_OBJECT) list.push(e);
    return e;
  }
}

const CACHED_OBJECTS = 4096;
const CACHED_PER_OBJECT = 64;
