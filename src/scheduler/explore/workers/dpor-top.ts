/**
 * The top of a DPOR search tree split across workers (scheme 2 of docs/parallel.md): the
 * coordinator owns the states above the workers' branches; each worker runs optimal DPOR
 * confined to a branch (a schedule prefix, with the sleep set and wakeup subtree of its last
 * state, see {@link DporSearch.confine}).
 *
 * - A race found by a worker whose reversal falls inside its prefix is sent here and inserted
 *   into the wakeup tree of the state that owns it, unless a thread in that state's sleep set
 *   is a weak initial of it, exactly as {@link DporSearch} inserts races into its own states.
 * - A state's sleep set holds every branch handed out from it, finished or not: a branch
 *   handed out later gets them as its sleep set, as the sequential search gives a branch the
 *   siblings explored before it. A branch still running counts as explored because its own
 *   search explores every trace that starts with it and has no sleeping thread as a weak
 *   initial (the invariant of optimal DPOR's Explore(E, Sleep), Abdulla et al., JACM 2017,
 *   which rests on races reversed at or below E only), and races reversed above it come here.
 * - Work stealing: when no branch is left to hand out, a busy worker gives up the alternatives
 *   of its shallowest state with some ({@link DporSearch.donate}); those states join the top.
 *
 * Every trace is then explored by one branch, once: the set of traces, and so the counts and
 * the histogram, are those of the sequential search whatever order the branches run in (a
 * test runs the exchange under many interleavings). Pure: no clock, no threads.
 */
import type { DependencyRules, EventInfo } from '../events.js';
import { childrenOf, insertAtState, insertSequence, WakeupSequence, type WakeupNode } from '../wakeup-tree.js';

/** A branch to explore: a prefix, and the sleep set and wakeup subtree of its last state. */
export interface DporBranch {
  readonly prefix: readonly number[];
  readonly sleep: readonly EventInfo[];
  readonly subtree: WakeupNode[];
  /** A sequence run under a branch that had started ({@link DporTop.race}): it shares that branch's prefix, so it gives nothing up. */
  readonly rerun?: boolean;
}

/** A state a worker gives up (see {@link DporSearch.donate}). */
export interface DonatedState {
  readonly chosen: number;
  readonly enabled: readonly number[];
  readonly sleep: EventInfo[];
  readonly wut: WakeupNode[];
}

/** The rest of a sequence for a branch that has started: its prefix, its sleep set, the steps. */
export interface LateMerge {
  readonly prefix: readonly number[];
  readonly sleep: readonly EventInfo[];
  readonly sequence: readonly EventInfo[];
}

/** A race a worker found above its branch: the state (its depth on the worker's prefix) and the wakeup sequence. */
export interface OutsideRace {
  readonly state: number;
  readonly sequence: readonly EventInfo[];
}

interface TopState {
  readonly prefix: readonly number[];
  readonly enabled: readonly number[];
  readonly sleep: EventInfo[];
  readonly wut: WakeupNode[];
  /** Branches running through this state (a race can come from each). */
  open: number;
  /** States held just below this one (they hand out branches through it). */
  kids: number;
}

/** Counters of the top (added to the workers' DPOR counters). */
export interface DporTopStats {
  infeasible: number;
  inserted: number;
  /** Sequences run as branches of their own under a branch that had started (see {@link DporTop.race}). */
  rerun: number;
}

/** The states above the workers' branches; see the file comment. */
export class DporTop {
  private readonly states = new Map<string, TopState>();
  private started = false;
  private running = 0;
  readonly stats: DporTopStats = { infeasible: 0, inserted: 0, rerun: 0 };
  /** Branches made by {@link race}, handed out before the wakeup trees' alternatives. */
  private readonly extra: DporBranch[] = [];

  constructor(private readonly rules: DependencyRules) {}

  /** True when every branch has been handed out and has finished. */
  get done(): boolean {
    return this.started && this.running === 0 && !this.hasWork();
  }

  /** Branches running now. */
  get busy(): number {
    return this.running;
  }

  /**
   * The next branch to run: first the whole search, then the alternatives of the shallowest
   * state that has some. Undefined when there is none now (a running branch may add some).
   */
  take(): DporBranch | undefined {
    if (!this.started) {
      this.started = true;
      this.running++;
      return { prefix: [], sleep: [], subtree: [] };
    }
    const more = this.extra.shift();
    if (more !== undefined) {
      this.running++;
      return more;
    }
    let best: TopState | undefined;
    for (const s of this.states.values()) {
      if (s.wut.length > 0 && (best === undefined || s.prefix.length < best.prefix.length)) best = s;
    }
    if (best === undefined) return undefined;
    while (best.wut.length > 0) {
      const c = best.wut.shift()!;
      if (!best.enabled.includes(c.event.thread)) {
        this.stats.infeasible++;
        continue;
      }
      const sleep = best.sleep.slice();
      if (!best.sleep.some((q) => q.thread === c.event.thread)) best.sleep.push(c.event);
      const prefix = [...best.prefix, c.event.thread];
      this.open(prefix, 1);
      this.running++;
      return { prefix, sleep, subtree: childrenOf(c) };
    }
    this.prune(best.prefix);
    return this.take();
  }

  /** True when some state has an alternative left. */
  hasWork(): boolean {
    if (this.extra.length > 0) return true;
    for (const s of this.states.values()) if (s.wut.length > 0) return true;
    return false;
  }

  /**
   * A worker on the branch with `prefix` gave up `donated`, its states from `prefix.length`
   * on; its prefix grows by as many steps (returned).
   */
  donated(prefix: readonly number[], donated: readonly DonatedState[]): number[] {
    const grown = [...prefix];
    for (const d of donated) {
      if (this.states.has(key(grown))) throw new Error(`DPOR split: state [${grown.join(',')}] given up twice`);
      this.states.set(key(grown), { prefix: grown.slice(), enabled: d.enabled, sleep: d.sleep, wut: d.wut, open: 1, kids: 0 });
      const parent = grown.length > 0 ? this.states.get(key(grown.slice(0, -1))) : undefined;
      if (parent !== undefined) parent.kids++;
      grown.push(d.chosen);
    }
    return grown;
  }

  /**
   * A race from the branch with `prefix`: insert its sequence at the state it names. The
   * branches handed out from a state are, in hand-out order, its sleep set; the order stands for
   * the sequential search's. A branch handed out before the racing one covers the sequence
   * (dropped, as the sequential search drops a sequence a sleeping thread starts). A branch
   * handed out after it would, in the sequential search, have been still to run and would have
   * taken the sequence into its wakeup subtree: the rest of the sequence goes to that
   * branch's top state when it gave states up, else it is returned as a {@link LateMerge} for
   * the coordinator to send to the worker running it (or to {@link rerun} when it has ended).
   */
  race(prefix: readonly number[], race: OutsideRace): LateMerge | undefined {
    const s = this.states.get(key(prefix.slice(0, race.state)));
    if (s === undefined) throw new Error(`DPOR split: a race names state ${race.state} of [${prefix.join(',')}], which the top does not hold`);
    const wakeup = new WakeupSequence(race.sequence, this.rules);
    const own = s.sleep.findIndex((q) => q.thread === prefix[race.state]);
    for (let i = 0; i < s.sleep.length; i++) {
      const q = s.sleep[i]!;
      const at = wakeup.weakInitial(q);
      if (at === undefined) continue;
      if (i <= own) return undefined;
      wakeup.consume(at);
      const rest = wakeup.rest();
      if (rest.length === 0) return undefined;
      const merge = { prefix: [...s.prefix, q.thread], sleep: s.sleep.slice(0, i), sequence: rest };
      if (this.mergeHeld(merge)) return undefined;
      // Open until it is placed: the states above it must outlive the branch that raced.
      this.open(merge.prefix, 1);
      return merge;
    }
    if (insertSequence(s.wut, wakeup)) this.stats.inserted++;
    return undefined;
  }

  /** Insert `m` at the state the top holds at its prefix, as a race found there; false when the top holds none. */
  private mergeHeld(m: LateMerge): boolean {
    const held = this.states.get(key(m.prefix));
    if (held === undefined) return false;
    if (insertAtState(held.sleep, held.wut, new WakeupSequence(m.sequence, this.rules))) this.stats.inserted++;
    return true;
  }

  /**
   * A {@link LateMerge} came back: its branch has given states up since (then the top holds
   * the state) or has ended (then the sequence runs as a branch of its own under it, with its
   * sleep set: it may meet traces that branch met, which the coordinator counts once).
   */
  placed(m: LateMerge, merged: boolean): void {
    if (!merged && !this.mergeHeld(m)) {
      let subtree: WakeupNode[] = [];
      for (let r = m.sequence.length - 1; r >= 0; r--) subtree = [{ event: m.sequence[r]!, children: subtree, chain: undefined, next: 0 }];
      this.open(m.prefix, 1);
      this.extra.push({ prefix: m.prefix, sleep: m.sleep, subtree, rerun: true });
      this.stats.rerun++;
    }
    this.open(m.prefix, -1);
    for (let d = m.prefix.length - 1; d >= 0; d--) this.prune(m.prefix.slice(0, d));
  }

  /** The branch with (current) `prefix` has finished: no more races can come from it. */
  finished(prefix: readonly number[]): void {
    this.running--;
    this.open(prefix, -1);
    for (let d = prefix.length - 1; d >= 0; d--) this.prune(prefix.slice(0, d));
  }

  private open(prefix: readonly number[], by: number): void {
    for (let d = 0; d < prefix.length; d++) {
      const s = this.states.get(key(prefix.slice(0, d)));
      if (s !== undefined) s.open += by;
    }
  }

  /** Forget a state nothing runs under, nothing is left at and no held state is below. */
  private prune(prefix: readonly number[]): void {
    const k = key(prefix);
    const s = this.states.get(k);
    if (s === undefined || s.open > 0 || s.wut.length > 0 || s.kids > 0) return;
    this.states.delete(k);
    const parent = prefix.length > 0 ? this.states.get(key(prefix.slice(0, -1))) : undefined;
    if (parent !== undefined) parent.kids--;
  }
}

function key(prefix: readonly number[]): string {
  return prefix.join(',');
}
