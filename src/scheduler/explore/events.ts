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
 */
import type { Op } from '../ops.js';

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
  /** A blocking acquire of a mutual-exclusion lock (`Op.exclusive`): disabled while another thread holds it. */
  readonly exclusive: boolean;
  /** The step's object is a mutual-exclusion lock that was held just before the step ran (see {@link LockHolds}). */
  readonly held: boolean;
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

/** Summarise an op run (or about to be run) by `thread`; `held` as in {@link EventInfo.held}. */
export function eventOf(thread: number, op: Op, spawned: number, held = false): EventInfo {
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
    exclusive: op.exclusive === true && op.kind === 'acquire' && op.enabled !== undefined,
    held,
  };
}

/** The object through which `e` can conflict with other steps, if any. */
export function objectOf(e: EventInfo, rules: DependencyRules): string | undefined {
  if (rules.orderOutput && e.kind === 'log') return OUTPUT;
  return e.access === 'none' ? undefined : e.obj;
}

function writes(e: EventInfo, rules: DependencyRules): boolean {
  return e.access === 'write' || e.access === 'sync' || (rules.orderOutput && e.kind === 'log');
}

/** True when `a` and `b` (different threads) conflict: the reversible kind of dependency. */
export function conflict(a: EventInfo, b: EventInfo, rules: DependencyRules): boolean {
  if (a.thread === b.thread) return false;
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
  const inA = (o: string): boolean => o === oa || (a.objs?.includes(o) ?? false);
  return inA(ob) || (b.objs?.some(inA) ?? false);
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
 * True when step `k` and another thread's step `j` can never be enabled in the same state: `k`
 * ran while its lock was held (a release, a re-entrant acquire), and `j` is a blocking acquire
 * of that lock, which cannot run while anyone else holds it. This is the "may be co-enabled"
 * relation that Flanagan and Godefroid (POPL 2005) use to skip races that cannot be reversed.
 */
export function neverCoEnabled(k: EventInfo, j: EventInfo): boolean {
  return k.held && j.exclusive && k.thread !== j.thread && k.obj === j.obj;
}

/**
 * Who holds each mutual-exclusion lock (ops with `Op.exclusive`) as an execution runs, so each
 * step can say whether its lock was held just before it. Steps are fed in order; a step that
 * raised or timed out changed nothing. A Condition's wait releases the lock completely
 * (`value: 'wait'`) and its re-acquire restores the depth it had.
 */
export class LockHolds {
  private readonly holder = new Map<string, { thread: number; depth: number }>();
  private readonly saved = new Map<string, number>();

  /** Forget every lock (a new execution starts). */
  reset(): void {
    this.holder.clear();
    this.saved.clear();
  }

  /** Record a step; returns whether its lock was held just before it. */
  step(thread: number, op: Op, result: unknown, failed: boolean): boolean {
    if (op.exclusive !== true || op.obj === undefined) return false;
    const obj = op.obj;
    const h = this.holder.get(obj);
    if (failed) return h !== undefined;
    if (op.kind === 'release') {
      if (h === undefined) return false;
      if (op.value === 'wait') {
        this.saved.set(`${thread}\0${obj}`, h.depth);
        this.holder.delete(obj);
      } else if (--h.depth <= 0) this.holder.delete(obj);
      return true;
    }
    if (op.kind !== 'acquire' || result === false) return h !== undefined;
    if (h !== undefined) {
      h.depth++;
      return true;
    }
    const key = `${thread}\0${obj}`;
    this.holder.set(obj, { thread, depth: this.saved.get(key) ?? 1 });
    this.saved.delete(key);
    return false;
  }
}