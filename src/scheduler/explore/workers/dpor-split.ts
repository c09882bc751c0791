/**
 * Splitting a DPOR search into parts that can run apart (worker threads, shards on other
 * machines) and whose union is exactly the single search's set of Mazurkiewicz traces, each
 * trace explored by one part only. The design and its argument are in docs/parallel.md; in
 * short:
 *
 * - A part is a schedule prefix of `depth` steps (shorter when executions end sooner). The
 *   prefixes are every feasible one, found by running the program (a DFS to `depth`), minus
 *   those that cannot start a canonical schedule (below).
 * - A part runs optimal DPOR confined to its prefix ({@link DporSearch.confine}): the prefix
 *   is fixed, and races whose reversal would change it are left alone, since the other parts
 *   cover every other prefix. Traces form a cancellative monoid (p.u and p.v are equivalent
 *   only when u and v are), so DPOR from the state after p finds each trace that has a
 *   schedule starting with p, once.
 * - A trace has schedules starting with several prefixes. It belongs to the part whose prefix
 *   starts its canonical schedule: the lexicographically least by thread index among its
 *   schedules (Anisimov and Knuth's lexicographic normal form of a trace). A part keeps only the
 *   executions it owns, so every trace is counted by exactly one part.
 *
 * The owner test needs no canonical schedule: an execution of part p is owned when, at every
 * step i inside p, no thread with a smaller index had a step that could have run instead, that
 * is, its next step (with the glued steps after it) depends on none of the steps from i up to it.
 * Under virtual-time rules a step that ended a timed op by its time-out could not: the clock
 * let it run, and before it the deadline had not passed (a split search refuses the near timed
 * ops whose deadlines ordinary steps reach, so every such end came after a jump of the clock).
 */
import type { Monitor, StepEvent } from '../../monitor.js';
import type { Policy, SchedulingPoint } from '../../policies/policy.js';
import { dependent, eventOf, eventOfExtra, type DependencyRules, type EventInfo } from '../events.js';
import { DporSearch } from '../dpor.js';
import { AbandonExecution, runGuarded, type Runner, type Search, type SearchStep } from '../search.js';

/**
 * True when step `i` of `events` starts no canonical schedule: a thread with a smaller index
 * than step i's had its next step (at index j, with its glued continuation) ready to run in
 * its place, independent of every step from i to j. Only steps before `limit` are looked at,
 * so the answer holds for every execution whose first `limit` steps are these.
 */
function displaced(events: readonly EventInfo[], i: number, limit: number, rules: DependencyRules, expired: ReadonlySet<number>): boolean {
  const ei = events[i]!;
  // A glued step runs right after its thread's previous step: no other thread can go there.
  if (ei.glued && i > 0 && events[i - 1]!.thread === ei.thread) return false;
  const seen = new Set<number>();
  for (let j = i + 1; j < limit; j++) {
    const t = events[j]!.thread;
    if (t >= ei.thread || seen.has(t)) continue;
    seen.add(t);
    // A time-out could not have come sooner: thread t was still waiting for the clock at i.
    if (expired.has(j)) continue;
    // Thread t's next step from i on is step j; with its glued continuation it is the block j..end.
    let end = j + 1;
    while (end < events.length && events[end]!.glued && events[end]!.thread === t) end++;
    if (end > limit) continue;
    let free = true;
    for (let m = i; m < j && free; m++) for (let b = j; b < end && free; b++) if (dependent(events[m]!, events[b]!, rules)) free = false;
    if (free) return true;
  }
  return false;
}

const NONE: ReadonlySet<number> = new Set();

/**
 * True when the first `length` steps of `events` can start a canonical schedule; `expired`:
 * the indexes of the steps that ended a timed op by its time-out.
 */
export function canonicalPrefix(events: readonly EventInfo[], length: number, rules: DependencyRules, expired: ReadonlySet<number> = NONE): boolean {
  const limit = Math.min(length, events.length);
  for (let i = 0; i < limit; i++) if (displaced(events, i, limit, rules, expired)) return false;
  return true;
}

/**
 * True when the execution `events`, which starts with a part's prefix of `prefixLength` steps,
 * belongs to that part: no step inside the prefix could have been displaced by a smaller
 * thread, looking at the whole execution.
 */
export function owns(events: readonly EventInfo[], prefixLength: number, rules: DependencyRules, expired: readonly number[] = []): boolean {
  const n = Math.min(prefixLength, events.length);
  const timedOut = expired.length === 0 ? NONE : new Set(expired);
  for (let i = 0; i < n; i++) if (displaced(events, i, events.length, rules, timedOut)) return false;
  return true;
}

/**
 * Follows a prefix, putting to sleep at each of its steps every runnable thread with a smaller
 * index (with its pending step) until a dependent step wakes it, then the oldest runnable
 * thread. Notes the steps, the threads that can go next (awake ones), and whether the prefix
 * is dead: a step of it, or every thread that could go after it, is asleep. A sleeper's step
 * could have gone where it was put to sleep, so every execution through a dead prefix has a
 * smaller thread displaced and belongs to another part.
 */
class PrefixProbe implements Policy, Monitor {
  readonly name = 'prefix';
  events: EventInfo[] = [];
  /** The indexes of the steps that ended a timed op by its time-out. */
  expired = new Set<number>();
  /** The threads that can run (and are awake) at the step right after the prefix. */
  choices: number[] | undefined;
  dead = false;
  private sleep: EventInfo[] = [];
  private picked = -1;
  constructor(
    private readonly prefix: readonly number[],
    private readonly rules: DependencyRules,
    /** Sleeps and timeouts order nothing: a time-out may come at any step. */
    private readonly untimed: boolean,
  ) {}
  begin(): void {
    this.events = [];
    this.expired = new Set();
    this.choices = undefined;
    this.dead = false;
    this.sleep = [];
    this.picked = -1;
  }
  private asleep(t: number): boolean {
    return this.sleep.some((q) => q.thread === t);
  }
  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const s = at.step;
    this.picked = s;
    if (s < this.prefix.length) {
      const t = this.prefix[s]!;
      if (!runnable.includes(t)) throw new AbandonExecution('infeasible');
      if (this.asleep(t)) this.dead = true;
      for (const u of runnable) {
        const op = u < t ? at.pending(u) : undefined;
        if (op !== undefined && !this.asleep(u)) this.sleep.push(eventOf(u, op, -1));
      }
      return t;
    }
    if (s === this.prefix.length) {
      this.choices = runnable.filter((u) => !this.asleep(u)).sort((a, b) => a - b);
      if (this.choices.length === 0) this.dead = true;
    }
    return runnable[0]!;
  }
  onStep(ev: StepEvent): void {
    const s = ev.step;
    if (s < this.prefix.length && ev.thread !== this.prefix[s]) throw new AbandonExecution('infeasible');
    if (s <= this.prefix.length && this.picked !== s) {
      // No choice here (one runnable thread, or a glued step).
      if (this.asleep(ev.thread)) this.dead = true;
      if (s === this.prefix.length) this.choices = this.dead ? [] : [ev.thread];
    }
    const e = ev.extra !== undefined ? eventOfExtra(ev.thread, ev.op, ev.spawned, ev.extra, this.rules) : eventOf(ev.thread, ev.op, ev.spawned);
    if (ev.timedOut && !this.untimed) this.expired.add(this.events.length);
    this.events.push(e);
    if (s < this.prefix.length) this.sleep = this.sleep.filter((q) => !dependent(q, e, this.rules));
  }
}

/**
 * The parts of a DPOR search split at `depth` steps: every feasible schedule prefix of that
 * length that can start a canonical schedule (and every shorter complete execution), in DFS
 * order by thread index. Deterministic: the same program and rules give the same list.
 * `untimed`: the runner runs under `--untimed` (time-outs order nothing).
 */
export function dporPrefixes(runner: Runner, rules: DependencyRules, depth: number, untimed = false): number[][] {
  const out: number[][] = [];
  const visit = (prefix: number[]): void => {
    const probe = new PrefixProbe(prefix, rules, untimed);
    const step = runGuarded(runner, probe, probe, () => 0);
    if (step.kind !== 'execution' || probe.dead) return;
    if (!canonicalPrefix(probe.events, prefix.length, rules, probe.expired)) return;
    if (prefix.length === depth || probe.choices === undefined) {
      out.push(prefix);
      return;
    }
    for (const t of probe.choices) visit([...prefix, t]);
  };
  visit([]);
  return out;
}

/** The parts of shard `index` (0-based) of `count`: every count-th prefix from `index` on. */
export function shardPrefixes(prefixes: readonly (readonly number[])[], index: number, count: number): (readonly number[])[] {
  return prefixes.filter((_, k) => k % count === index);
}

/**
 * The smallest split depth (up to `maxDepth`) that gives at least `want` parts, and those
 * parts: enough to keep every worker busy and let an idle one take another's remaining parts.
 */
export function splitFor(runner: Runner, rules: DependencyRules, want: number, untimed = false, maxDepth = 16): { depth: number; prefixes: number[][] } {
  let prefixes = dporPrefixes(runner, rules, 0, untimed);
  let depth = 0;
  while (prefixes.length < want && depth < maxDepth) {
    const next = dporPrefixes(runner, rules, depth + 1, untimed);
    depth++;
    // Every execution ended within `depth` steps: deeper splits give the same parts.
    if (next.length === prefixes.length && next.every((p) => p.length < depth)) break;
    prefixes = next;
  }
  return { depth, prefixes };
}

/**
 * DPOR over some parts of a split search, one after another: each part is a DPOR search
 * confined to its prefix, and only the executions the part owns are given out (the others
 * belong to another part and are counted in {@link skipped}).
 */
export class DporPartSearch implements Search {
  private k = 0;
  private current: DporSearch | undefined;
  /** Executions run and dropped because another part owns their trace. */
  skipped = 0;
  /** True once a timed step ran under virtual-time rules in some part. */
  timed = false;

  constructor(
    private readonly runner: Runner,
    private readonly orderOutput: boolean,
    private readonly untimed: boolean,
    private readonly prefixes: readonly (readonly number[])[],
  ) {}

  get exhausted(): boolean {
    return this.k >= this.prefixes.length;
  }

  /** The steps of the last execution given out. */
  get lastEvents(): readonly EventInfo[] {
    return this.current?.lastEvents ?? [];
  }

  /** The dependency rules of the part running now. */
  get rules(): DependencyRules | undefined {
    return this.current?.rules;
  }

  next(): SearchStep {
    for (;;) {
      if (this.current === undefined) {
        if (this.k >= this.prefixes.length) return { kind: 'done' };
        this.current = new DporSearch(this.runner, this.orderOutput, this.untimed);
        this.current.confine(this.prefixes[this.k]!);
      }
      const step = this.current.next();
      if (this.current.timed) this.timed = true;
      if (step.kind === 'done') {
        this.current = undefined;
        this.k++;
        continue;
      }
      if (step.kind === 'execution' && !owns(this.current.lastEvents, this.prefixes[this.k]!.length, this.current.rules, this.current.lastExpired)) {
        this.skipped++;
        continue;
      }
      return step;
    }
  }
}
