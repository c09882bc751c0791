/**
 * The top of a DPOR search split into jobs ("The job split" in docs/parallel.md): the states above
 * depth K are explored source-style here, in the coordinator; each job runs optimal DPOR below
 * K in a worker (DporSearch.confineTop).
 *
 * Source-DPOR (Abdulla, Aronis, Jonsson, Sagonas, POPL 2014 / JACM 2017, Algorithm 1; its
 * parallel form is close to Simsa, Bryant, Gibson, Hickey, "Scalable dynamic partial order
 * reduction", RV 2012) keeps at each state a set of threads to try, and a race reversed there
 * with wakeup sequence v only needs *some* thread of I(v), the initials of v, in that set. Unlike
 * optimal DPOR, which must merge v into the subtree of a sibling that may be running elsewhere
 * (late merges, which made an optimal-DPOR top run a trace up to 25 times), nothing ever
 * reaches into a job that has started.
 *
 * - A top state keeps its children (threads) in creation order. A race at state n whose
 *   initials include a child of n adds nothing; else the smallest thread of I(v) becomes a new
 *   child, and a new job. (The worker has already dropped races a sleeping thread covers.)
 * - Sleep sets by creation index, not by timing: the child q of n sleeps on every thread of
 *   sleep(n) and every child of n made before q whose next step is independent of q's. A job
 *   carries, for each state of its prefix, the children made before the one it takes; its
 *   worker builds the sleep sets from them while replaying the prefix. A child made later never
 *   joins an earlier child's sleep set, whatever ran first, so no two complete executions are
 *   equivalent (a thread asleep stays asleep until a dependent step), whatever the timing.
 * - A job replays its prefix, takes the first choice down to depth K (reporting the top states
 *   it passes, with their one child), then runs optimal DPOR below K with the sleep set it
 *   arrived with.
 *
 * Pure: no clock, no threads.
 */
import type { EventInfo } from '../events.js';

/** A job: a prefix ending in a new child, and for each of its states the children made before the one taken. */
export interface DporJob {
  readonly prefix: readonly number[];
  readonly before: readonly (readonly EventInfo[])[];
  /** K: the depth of the top. */
  readonly depth: number;
}

/** A race a job found at a top state (its depth on the job's path): the initials of its wakeup sequence. */
export interface TopRace {
  readonly state: number;
  readonly initials: readonly EventInfo[];
}

/** Top states a job passed below its prefix: state `from + i` took `threads[i]`, whose step was `events[i]`. */
export interface TopStates {
  readonly from: number;
  readonly threads: number[];
  readonly events: EventInfo[];
}

interface TopState {
  /** Children in creation order: the thread and its next step at this state. */
  readonly children: { readonly thread: number; readonly event: EventInfo }[];
}

/** Counters of the top. */
export interface DporJobStats {
  /** Jobs made (the first included). */
  jobs: number;
  /** Races sent up by workers (after their own deduplication). */
  races: number;
  /** Races that made a new child. */
  children: number;
}

/** The coordinator's top states; see the file comment. */
export class DporJobTop {
  private readonly states = new Map<string, TopState>();
  private readonly queue: DporJob[] = [];
  private started = false;
  private running = 0;
  readonly stats: DporJobStats = { jobs: 0, races: 0, children: 0 };

  constructor(readonly depth: number) {}

  /** True when every job has been handed out and has finished. */
  get done(): boolean {
    return this.started && this.running === 0 && this.queue.length === 0;
  }

  /** Jobs waiting to be handed out. */
  get waiting(): number {
    return this.queue.length;
  }

  /** The next job (the whole tree first), or undefined when none is waiting now. */
  take(): DporJob | undefined {
    if (!this.started) {
      this.started = true;
      this.stats.jobs++;
      this.queue.push({ prefix: [], before: [], depth: this.depth });
    }
    const job = this.queue.shift();
    if (job !== undefined) this.running++;
    return job;
  }

  /** A job has finished: it sends nothing more. */
  finished(): void {
    this.running--;
  }

  /**
   * The job whose path (its prefix, then the choices reported so far) is `path` passed new top
   * states: register each with its one child.
   */
  passed(path: readonly number[], made: TopStates): void {
    for (let i = 0; i < made.threads.length; i++) {
      const d = made.from + i;
      const k = key(path, d);
      if (this.states.has(k)) throw new Error(`DPOR jobs: top state [${path.slice(0, d).join(',')}] made twice`);
      this.states.set(k, { children: [{ thread: made.threads[i]!, event: made.events[i]! }] });
    }
  }

  /**
   * A race from the job on `path`, reversed at its state `race.state`: a new child and job
   * unless a child of that state is an initial of the race's sequence.
   */
  race(path: readonly number[], race: TopRace): void {
    this.stats.races++;
    const s = this.states.get(key(path, race.state));
    if (s === undefined) throw new Error(`DPOR jobs: a race names state ${race.state} of [${path.join(',')}], which the top does not hold`);
    let least: EventInfo | undefined;
    for (const q of race.initials) {
      if (s.children.some((c) => c.thread === q.thread)) return;
      if (least === undefined || q.thread < least.thread) least = q;
    }
    if (least === undefined) return;
    s.children.push({ thread: least.thread, event: least });
    this.stats.children++;
    const prefix = [...path.slice(0, race.state), least.thread];
    const before: EventInfo[][] = [];
    for (let d = 0; d < prefix.length; d++) {
      const at = d === race.state ? s : this.states.get(key(prefix, d));
      if (at === undefined) throw new Error(`DPOR jobs: no top state at depth ${d} of [${prefix.join(',')}]`);
      const taken = at.children.findIndex((c) => c.thread === prefix[d]);
      before.push(at.children.slice(0, taken).map((c) => c.event));
    }
    this.stats.jobs++;
    // Shorter prefixes first: a job that starts higher up the top usually has more below it,
    // and the largest jobs should not be the last ones handed out.
    let at = this.queue.length;
    while (at > 0 && this.queue[at - 1]!.prefix.length > prefix.length) at--;
    this.queue.splice(at, 0, { prefix, before, depth: this.depth });
  }
}

function key(path: readonly number[], depth: number): string {
  return path.slice(0, depth).join(',');
}
