/**
 * Reads-from guided fuzzing, in the spirit of RFF: Dylan Wolff, Zheng Shi, Gregory J.
 * Duck, Umang Mathur, Abhik Roychoudhury, "Greybox Fuzzing for Concurrency Testing",
 * ASPLOS 2024.
 *
 * A schedule is abstracted as a few reads-from constraints: "the k-th access of thread t to
 * location l, a read, sees write w" (or, negated, does not see it). The scheduler enforces
 * them where it can: it delays a read whose wanted write has not happened yet, runs it at
 * once when the wanted write is the location's latest, and delays a write that would
 * overwrite a value a pending constrained read still wants; everything else is a seeded
 * uniform choice. Feedback is the set of reads-from pairs and outcomes (final state plus
 * failures) seen so far: a schedule whose execution adds one joins the corpus, and new
 * schedules are mutations of corpus entries (add a constraint that makes one of its reads see
 * another known write of the same location, negate one, or drop one).
 *
 * Accesses are named by thread index, location and the thread's access count at that
 * location, so a name means the same access across executions whose threads start alike.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { summarizeState } from '../execution.js';
import type { Monitor, StepEvent } from '../monitor.js';
import type { ChoicePoint } from '../choice.js';
import type { Policy, SchedulingPoint } from '../policies/policy.js';
import { scramble } from '../policies/random.js';
import { Counting, runSeed } from './sampling.js';
import { runGuarded, type Runner, type Search, type SearchStep } from './search.js';

/** A reads-from constraint: read `read` of `location` sees (or, negated, does not see) `write`. */
export interface ReadsFrom {
  readonly location: string;
  readonly read: string;
  readonly write: string;
  readonly positive: boolean;
}

/** The feedback signal: what the fuzzer has seen, for a progress line or a report. */
export interface RffFeedback {
  /** Distinct (read, write) pairs observed. */
  readonly readsFrom: number;
  /** Distinct outcomes (final state and failures). */
  readonly outcomes: number;
  /** Schedules kept because they reached something new. */
  readonly corpus: number;
}

const INIT = 'init';

/** Runs one execution under a set of reads-from constraints, recording what each read saw. */
export class RffPolicy implements Policy, Monitor {
  readonly name = 'rff';
  private rng: RandomGenerator = xoroshiro128plus(0);
  private constraints: readonly ReadsFrom[] = [];
  private counts = new Map<string, number>();
  private lastWriter = new Map<string, string>();
  private done = new Set<string>();
  /** Reads-from pairs of the current execution: [location, read, write]. */
  observed: [string, string, string][] = [];
  /** Writes of the current execution, by location. */
  writes: [string, string][] = [];

  /** The constraints of the next executions. */
  use(constraints: readonly ReadsFrom[]): void {
    this.constraints = constraints;
  }

  begin(seed: number): void {
    this.rng = xoroshiro128plus(scramble(seed));
    this.counts.clear();
    this.lastWriter.clear();
    this.done.clear();
    this.observed = [];
    this.writes = [];
  }

  /** Uniform from the run's generator. */
  choose(k: number, _at: ChoicePoint): number {
    return (this.rng.next() >>> 0) % k;
  }

  pick(runnable: readonly number[], at: SchedulingPoint): number {
    let best: number[] = [];
    let bestScore = -Infinity;
    for (const t of runnable) {
      const s = this.constraints.length === 0 ? 0 : this.score(t, at);
      if (s > bestScore) {
        bestScore = s;
        best = [t];
      } else if (s === bestScore) best.push(t);
    }
    return best.length === 1 ? best[0]! : best[(this.rng.next() >>> 0) % best.length]!;
  }

  /** +1: run now to satisfy a constraint; -1: wait for one; 0: indifferent. */
  private score(t: number, at: SchedulingPoint): number {
    const op = at.pending(t);
    if (op === undefined || op.obj === undefined || (op.access !== 'read' && op.access !== 'write')) return 0;
    const id = this.idOf(t, op.obj);
    const latest = this.lastWriter.get(op.obj) ?? INIT;
    let score = 0;
    for (const c of this.constraints) {
      if (c.location !== op.obj || this.done.has(c.read)) continue;
      if (op.access === 'read' && c.read === id) {
        if (c.positive) score += latest === c.write ? 1 : this.done.has(c.write) ? 0 : -1;
        else score += latest === c.write ? -1 : 0;
      } else if (op.access === 'write' && c.positive && latest === c.write && c.write !== id) {
        score -= 1;
      }
    }
    return score;
  }

  private idOf(t: number, location: string): string {
    return `${t}:${location}#${this.counts.get(`${t}:${location}`) ?? 0}`;
  }

  /** Every step, including those the engine runs without asking: what each read saw. */
  onStep(ev: StepEvent): void {
    const op = ev.op;
    if (op.obj === undefined || (op.access !== 'read' && op.access !== 'write') || ev.raised !== undefined) return;
    const id = this.idOf(ev.thread, op.obj);
    const key = `${ev.thread}:${op.obj}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.done.add(id);
    if (op.access === 'read') this.observed.push([op.obj, id, this.lastWriter.get(op.obj) ?? INIT]);
    else {
      this.lastWriter.set(op.obj, id);
      this.writes.push([op.obj, id]);
    }
  }
}

/** Most constraints in one abstract schedule: RFF's schedules stay small. */
const MAX_CONSTRAINTS = 4;

interface Entry {
  readonly constraints: readonly ReadsFrom[];
  readonly observed: readonly [string, string, string][];
}

/** The fuzzing loop: pick a corpus entry, mutate it, run it, keep it when it found something new. */
export class RffSearch implements Search {
  readonly exhausted = false;
  private readonly policy = new RffPolicy();
  private readonly counting = new Counting(this.policy);
  private readonly corpus: Entry[] = [{ constraints: [], observed: [] }];
  private readonly pairs = new Set<string>();
  private readonly outcomes = new Set<string>();
  private readonly knownWrites = new Map<string, Set<string>>();
  private readonly rng: RandomGenerator;
  private index = 0;
  private seed = 0;

  constructor(
    private readonly runner: Runner,
    private readonly base: number,
  ) {
    this.rng = xoroshiro128plus(scramble(runSeed(base, -1)));
  }

  /** Seed of the last execution's own choices. */
  get lastSeed(): number {
    return this.seed;
  }

  /** What the fuzzer has seen so far. */
  get feedback(): RffFeedback {
    return { readsFrom: this.pairs.size, outcomes: this.outcomes.size, corpus: this.corpus.length };
  }

  next(): SearchStep {
    this.seed = runSeed(this.base, this.index++);
    const constraints = this.index <= 1 ? [] : this.mutate(this.corpus[this.below(this.corpus.length)]!);
    this.policy.use(constraints);
    const step = runGuarded(this.runner, this.counting, this.policy, () => this.counting.preemptions, this.seed);
    if (step.kind !== 'execution') return step;
    let fresh = false;
    for (const [loc, r, w] of this.policy.observed) {
      const key = `${r}<-${w}`;
      if (!this.pairs.has(key)) {
        this.pairs.add(key);
        fresh = true;
      }
      this.known(loc).add(w);
    }
    for (const [loc, w] of this.policy.writes) this.known(loc).add(w);
    const r = step.result;
    const outcome = `${r.ending}|${r.failures.map((f) => f.kind).join(',')}|${r.ending === 'complete' ? summarizeState(r.state) : ''}`;
    if (!this.outcomes.has(outcome)) {
      this.outcomes.add(outcome);
      fresh = true;
    }
    if (fresh) this.corpus.push({ constraints, observed: this.policy.observed });
    return step;
  }

  private known(loc: string): Set<string> {
    let s = this.knownWrites.get(loc);
    if (s === undefined) this.knownWrites.set(loc, (s = new Set([INIT])));
    return s;
  }

  private below(n: number): number {
    return (this.rng.next() >>> 0) % n;
  }

  private mutate(e: Entry): readonly ReadsFrom[] {
    const cs = [...e.constraints];
    const what = this.below(4);
    if (what === 0 && cs.length > 0) {
      cs.splice(this.below(cs.length), 1);
      return cs;
    }
    if (what === 1 && cs.length > 0) {
      const i = this.below(cs.length);
      cs[i] = { ...cs[i]!, positive: !cs[i]!.positive };
      return cs;
    }
    if (e.observed.length === 0) return cs;
    const [location, read, saw] = e.observed[this.below(e.observed.length)]!;
    const others = [...this.known(location)].filter((w) => w !== saw && !w.startsWith(`${read.split(':')[0]}:`));
    const add: ReadsFrom = others.length > 0 && this.below(3) > 0 ? { location, read, write: others[this.below(others.length)]!, positive: true } : { location, read, write: saw, positive: false };
    const kept = cs.filter((c) => c.read !== read);
    if (kept.length >= MAX_CONSTRAINTS) kept.splice(this.below(kept.length), 1);
    return [...kept, add];
  }
}
