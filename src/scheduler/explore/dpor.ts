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
import { CLOCK, conflict, dependent, eventOf, objectOf, type DependencyRules, type EventInfo } from './events.js';
import { AbandonExecution, isPreemption, ReplayingSearch, type Runner, type SearchStep } from './search.js';
import { insertSequence, WakeupSequence, type WakeupNode } from './wakeup-tree.js';

interface PathNode {
  readonly enabled: readonly number[];
  /** Threads that exist at this state. */
  readonly nThreads: number;
  chosen: number;
  readonly sleep: EventInfo[];
  /** Alternatives still to explore from here (children of the wakeup tree's root). */
  readonly wut: WakeupNode[];
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
  private events: EventInfo[] = [];
  private threadsSoFar = 1;
  private lastPoint: SchedulingPoint | undefined;
  private sawTimer = false;
  private readonly scratch = { vc: new Int32Array(0), idx: new Int32Array(0), last: new Int32Array(0), spawnOf: new Int32Array(0), covers: new Int32Array(0), preds: [] as number[], conflicts: [] as number[], byObject: new Map<string, number[]>() };

  /**
   * The schedule prefix this search is confined to (a part of a split search, see
   * workers/dpor-split.ts): its states are fixed, never backtracked to, and races whose
   * reversal falls inside it are left to the parts that own the other prefixes.
   */
  private fixed: readonly number[] = [];

  /** With {@link confine}'s `seed`: the sleep set and wakeup subtree of the prefix's last state. */
  private seed: { readonly sleep: readonly EventInfo[]; readonly subtree: WakeupNode[] } | undefined;

  /**
   * Receives each race whose reversal falls inside the confined prefix, as (state, wakeup
   * sequence): the owner of that state (workers/dpor-top.ts) inserts it. Without it such races
   * are left to the other parts (scheme 1).
   */
  onOutside: ((state: number, sequence: EventInfo[]) => void) | undefined;

  /**
   * Explore only executions that start with `prefix` (thread per step). Call before the first
   * {@link next}. `seed` gives the prefix's last state the sleep set and wakeup subtree it
   * has in the search that handed the branch out (workers/dpor-top.ts).
   */
  confine(prefix: readonly number[], seed?: { readonly sleep: readonly EventInfo[]; readonly subtree: WakeupNode[] }): void {
    this.fixed = prefix;
    this.seed = seed;
  }

  /**
   * Take a wakeup sequence for free state `state` from the owner of a state above it (see
   * workers/dpor-top.ts): the sequence descends the current path while the thread chosen
   * there is a weak initial of it, and is then inserted as a race found here would be. False
   * when `state` is not free (given up, or the search has ended).
   */
  insertAt(state: number, sequence: readonly EventInfo[]): boolean {
    if (state < this.fixed.length || state >= this.path.length) return false;
    const wakeup = new WakeupSequence(sequence, this.rules);
    for (let s = state; s < this.path.length && !wakeup.empty; s++) {
      const node = this.path[s]!;
      for (const q of node.sleep) if (wakeup.weakInitial(q) !== undefined) return true;
      const done = this.events[s];
      const at = done === undefined ? undefined : wakeup.weakInitial(done);
      if (at === undefined) {
        if (insertSequence(node.wut, wakeup)) this.stats.inserted++;
        return true;
      }
      wakeup.consume(at);
    }
    return true;
  }

  /**
   * Give up the alternatives of the shallowest free state that has some (work stealing): the
   * free states down to it become part of the prefix, and are returned with their choice,
   * enabled threads, sleep set (with the branch being run added: it counts as explored) and
   * wakeup tree. Call between executions; undefined when no free state has an alternative.
   */
  donate(): { chosen: number; enabled: readonly number[]; sleep: EventInfo[]; wut: WakeupNode[] }[] | undefined {
    const from = this.fixed.length;
    for (let s = from; s < this.path.length; s++) {
      if (this.path[s]!.wut.length === 0) continue;
      const out = [];
      for (let m = from; m <= s; m++) {
        const node = this.path[m]!;
        const sleep = node.sleep.slice();
        const done = this.events[m];
        if (done !== undefined && !asleep(sleep, done.thread)) sleep.push(done);
        out.push({ chosen: node.chosen, enabled: node.enabled, sleep, wut: node.wut.splice(0) });
      }
      this.fixed = this.path.slice(0, s + 1).map((n) => n.chosen);
      return out;
    }
    return undefined;
  }

  private readonly holds = new AvailabilityTracker();
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

  /** True once a step with a timeout ran under virtual-time rules (then time orders steps). */
  get timed(): boolean {
    return this.sawTimer;
  }

  protected override after(step: SearchStep): void {
    if (step.kind === 'abandoned') {
      if (step.why === 'sleep-blocked') this.stats.sleepBlocked++;
    } else if (step.kind === 'execution') {
      this.detectRaces(step.result);
    }
  }

  // ----- Policy -----

  begin(_seed: number): void {
    this.events = [];
    this.holds.reset();
    this.timedStart.clear();

    this.threadsSoFar = 1;
    this.preemptions = 0;
    this.lastPoint = undefined;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    this.lastPoint = at;
    const s = at.step;
    const chosen = s < this.path.length ? this.path[s]!.chosen : this.newNode(s, runnable).chosen;
    if (!runnable.includes(chosen)) throw new AbandonExecution('infeasible');
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
      if (ev.op.timeout !== undefined || readsClock(ev.op)) timed = CLOCK;
      else if (ev.spawned >= 0) timed = this.timedStart.get(ev.spawned) ?? 0;
    }
    if (timed !== 0) this.sawTimer = true;
    this.events.push(eventOf(ev.thread, ev.op, ev.spawned, this.holds.step(ev.thread, ev.op, ev.result, ev.raised !== undefined || ev.timedOut), timed));
    if (ev.spawned >= this.threadsSoFar) this.threadsSoFar = ev.spawned + 1;
  }

  /**
   * A thread reached a timed op: the step that took it there fixes the op's deadline, so under
   * virtual-time rules it is timed too. That step is the thread's own last step, or the step
   * that started the thread (not recorded yet: `onStep` comes after this).
   */
  onArrive(thread: number, op: Op): void {
    if (this.untimed || op.timeout === undefined) return;
    const level = CLOCK;
    const last = this.events.length - 1;
    const e = this.events[last];
    if (e !== undefined && e.thread === thread && !this.startedNow(thread)) {
      if (e.timed < level) this.events[last] = { ...e, timed: level };
      this.sawTimer = true;
    } else this.timedStart.set(thread, Math.max(level, this.timedStart.get(thread) ?? 0));
  }

  /** True while `thread` is being started by the step in progress (its first op arrives). */
  private startedNow(thread: number): boolean {
    return thread >= this.threadsSoFar;
  }

  // ----- the search -----

  /** The state before step s, reached for the first time: sleep set, wakeup tree, choice. */
  private newNode(s: number, enabled: readonly number[]): PathNode {
    if (s < this.fixed.length) return this.fixedNode(s, enabled);
    const parent = this.path[s - 1];
    const before = this.events[s - 1];
    const sleep: EventInfo[] = [];
    if (parent !== undefined && before !== undefined) for (const q of parent.sleep) if (!dependent(q, before, this.rules)) sleep.push(q);
    const wut = parent?.subtree ?? [];
    let chosen = -1;
    let subtree: WakeupNode[] = [];
    while (wut.length > 0) {
      const c = wut.shift()!;
      if (enabled.includes(c.event.thread)) {
        chosen = c.event.thread;
        subtree = c.children;
        break;
      }
      this.stats.infeasible++;
    }
    if (chosen < 0) {
      const prev = before?.thread ?? -1;
      if (enabled.includes(prev) && !asleep(sleep, prev)) chosen = prev;
      else for (let i = 0; i < enabled.length && chosen < 0; i++) if (!asleep(sleep, enabled[i]!)) chosen = enabled[i]!;
      if (chosen < 0) throw new AbandonExecution('sleep-blocked');
    }
    const node: PathNode = { enabled: enabled.slice(), nThreads: this.threadsSoFar, chosen, sleep, wut, subtree };
    this.path.push(node);
    return node;
  }

  /**
   * A state inside the confined prefix: its choice is the prefix's, with no alternatives and
   * an empty sleep set (the threads that could go first here are other parts' business, and a
   * sleep set inherited from outside the part would drop wakeup sequences the part needs).
   */
  private fixedNode(s: number, enabled: readonly number[]): PathNode {
    const seeded = s === this.fixed.length - 1 ? this.seed : undefined;
    const node: PathNode = { enabled: enabled.slice(), nThreads: this.threadsSoFar, chosen: this.fixed[s]!, sleep: seeded?.sleep.slice() ?? [], wut: [], subtree: seeded?.subtree ?? [] };
    this.path.push(node);
    return node;
  }

  /** Move to the deepest state with an alternative left; false when there is none. */
  protected backtrack(): boolean {
    for (let s = this.path.length - 1; s >= this.fixed.length; s--) {
      const node = this.path[s]!;
      const done = this.events[s];
      if (done !== undefined && !node.sleep.some((q) => q.thread === done.thread)) node.sleep.push(done);
      while (node.wut.length > 0) {
        const c = node.wut.shift()!;
        if (!node.enabled.includes(c.event.thread)) {
          this.stats.infeasible++;
          continue;
        }
        node.chosen = c.event.thread;
        node.subtree = c.children;
        this.path.length = s + 1;
        return true;
      }
    }
    this.path.length = 0;
    return false;
  }

  /**
   * Race detection over a maximal execution (see the file comment). Vector clocks are built in
   * one pass; each step is compared only with earlier steps on its own object, plus its order
   * edges (spawn, join, exit).
   */
  private detectRaces(result: ExecutionResult): void {
    for (const t of result.threads) if (t.daemon) this.daemons.add(t.index);
    const rules = this.rules;
    const executed = this.events;
    const n = executed.length;
    const all: EventInfo[] = executed.slice();
    const point = this.lastPoint;
    if (point !== undefined) {
      for (let t = 0; t < result.threads.length; t++) {
        const op = point.pending(t);
        if (op !== undefined) all.push(eventOf(t, op, -1));
      }
    }
    const nThreads = Math.max(this.threadsSoFar, result.threads.length);
    // vc[j * nThreads + t]: how many steps of thread t happen before or at step j (one flat
    // array per execution: no allocation per step).
    const T = nThreads;
    // Scratch memory kept across executions (grown, never shrunk): fresh arrays per execution
    // were a large share of DPOR's garbage.
    const s = this.scratch;
    if (s.vc.length < all.length * T) s.vc = new Int32Array(2 * all.length * T);
    if (s.idx.length < all.length) s.idx = new Int32Array(2 * all.length);
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
    for (const bucket of byObject.values()) bucket.length = 0;
    const timedSoFar: number[] = [];
    if (s.covers.length < T) s.covers = new Int32Array(2 * T);
    const covers = s.covers;
    const races: number[] = [];
    const preds = s.preds;
    const conflicts = s.conflicts;
    let exit = -1;
    const hb = (k: number, m: number): boolean => vc[m * T + all[k]!.thread]! >= idx[k]!;
    const join = (j: number, k: number): void => {
      for (let u = 0; u < T; u++) if (vc[k * T + u]! > vc[j * T + u]!) vc[j * T + u] = vc[k * T + u]!;
    };
    for (let j = 0; j < all.length; j++) {
      const ej = all[j]!;
      const t = ej.thread;
      const po = last[t]!;
      // Each row starts as its thread's previous row, or empty: no fill of the whole table (steps x threads).
      if (po >= 0) vc.copyWithin(j * T, po * T, po * T + T);
      else vc.fill(0, j * T, j * T + T);
      preds.length = 0;
      conflicts.length = 0;
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
        if (bucket !== undefined) for (const k of bucket) if (all[k]!.thread !== t && conflict(all[k]!, ej, rules)) conflicts.push(k);
        // An op on several objects (`Op.objs`) conflicts with the steps on each of them.
        if (ej.objs !== undefined) {
          for (const o of ej.objs) {
            const more = byObject.get(o);
            if (more !== undefined) for (const k of more) if (all[k]!.thread !== t && conflict(all[k]!, ej, rules)) conflicts.push(k);
          }
        }
      }
      // Timed steps (events.ts): a clock step conflicts with every step of the other threads,
      // an arrival with the other timed steps.
      if (ej.timed === CLOCK) {
        conflicts.length = 0;
        for (let k = 0; k < Math.min(j, n); k++) if (all[k]!.thread !== t) conflicts.push(k);
      } else if (timedSoFar.length > 0) {
        for (const k of timedSoFar) if (all[k]!.thread !== t && (ej.timed !== 0 || all[k]!.timed === CLOCK)) conflicts.push(k);
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
      idx[j] = (po >= 0 ? idx[po]! : 0) + 1;
      vc[j * T + t] = idx[j]!;
      if (j < n) {
        last[t] = j;
        if (ej.timed !== 0) timedSoFar.push(j);
        if (ej.kind === 'exit') exit = j;
        if (ej.spawned >= 0 && ej.spawned < T) spawnOf[ej.spawned] = j;
        if (obj !== undefined) {
          addTo(byObject, obj, j);
          if (ej.objs !== undefined) for (const o of ej.objs) if (o !== obj) addTo(byObject, o, j);
        }
      }
    }
    for (let r = 0; r < races.length; r += 2) {
      this.stats.races++;
      const j = races[r + 1]!;
      for (const at of this.reversals(races[r]!, j, all, n, hb)) this.reverse(blockHead(all, at), j, all, n, hb);
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
    const parkedOn = (s: number): boolean => lastBefore < s && t < this.path[s]!.nThreads && !this.path[s]!.enabled.includes(t);
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

  /** Insert notdep(e, E).e' at the state before e, unless a sleeping thread covers it. */
  private reverse(k: number, j: number, all: readonly EventInfo[], n: number, hb: (a: number, b: number) => boolean): void {
    if (k < this.fixed.length && this.onOutside === undefined) return;
    const seq: EventInfo[] = [];
    for (let m = k + 1; m < n; m++) if (m !== j && !hb(k, m)) seq.push(all[m]!);
    seq.push(all[j]!);
    if (k < this.fixed.length) {
      this.onOutside!(k, seq);
      return;
    }
    const node = this.path[k]!;
    const wakeup = new WakeupSequence(seq, this.rules);
    for (const q of node.sleep) if (wakeup.weakInitial(q) !== undefined) return;
    if (insertSequence(node.wut, wakeup)) this.stats.inserted++;
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

/** True when `thread` is in the sleep set (a loop, not a closure: asked at every new state). */
function asleep(sleep: readonly EventInfo[], thread: number): boolean {
  for (const q of sleep) if (q.thread === thread) return true;
  return false;
}

/** A read of the virtual clock (`time.monotonic()`): its result depends on every step before it. */
function readsClock(op: Op): boolean {
  return op.obj === 'time.monotonic';
}

function addTo(byObject: Map<string, number[]>, obj: string, j: number): void {
  const bucket = byObject.get(obj);
  if (bucket === undefined) byObject.set(obj, [j]);
  else bucket.push(j);
}

function lastOf(events: readonly EventInfo[], thread: number, before: number): number {
  for (let k = before - 1; k >= 0; k--) if (events[k]!.thread === thread) return k;
  return -1;
}
