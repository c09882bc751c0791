/**
 * One piece of a DPOR search run in pieces: a job of `--workers` (dpor-jobs.ts), or a shard's
 * prefix parts (dpor-split.ts). It counts its executions as {@link Exploration} counts them
 * (endings, histogram, failures by signature, the output looked for) for the tally
 * (dpor-tally.ts), and a job hands the coordinator the top states it passed and the races it
 * reversed there. Run in slices so a worker can answer messages between them.
 */
import { ThreadsimError } from '../../../errors.js';
import { execute, summarizeState } from '../../execution.js';
import type { Program } from '../../program.js';
import { renderOutput } from '../../../trace/text.js';
import { DporSearch, type DporStats } from '../dpor.js';
import { levelOf, type ExploreOptions } from '../explore.js';
import type { Runner } from '../search.js';
import { failureSignature } from '../shrink.js';
import { traceKey } from '../trace-key.js';
import { DporPartSearch } from './dpor-split.js';
import type { DporJob, TopRace, TopStates } from './dpor-jobs.js';

/** One execution as the coordinator counts it: its trace (hashed key), ending, and histogram keys. */
export interface ExecutionRecord {
  /** Hash of the execution's trace key (trace-key.ts): equal traces, equal hashes. Empty for a job's execution unless traces are counted (a job never repeats a trace). */
  readonly trace: string;
  /** 0 complete, 1 deadlock, 2 step bound. */
  readonly ending: 0 | 1 | 2;
  /** With histogram: the final-state key and the output. */
  readonly state?: string;
  readonly output?: string;
}

/** What a branch found (structured-clone safe). */
export interface BranchResult {
  /** A job's path when it ended: its prefix, then the top states it passed; empty for a shard's parts. */
  readonly prefix: readonly number[];
  /** Executions run. */
  readonly executions: number;
  readonly abandoned: number;
  readonly records: readonly ExecutionRecord[];
  /** The kinds of failure seen, each with the first schedule that showed it here and that execution's number in the branch (1-based). */
  readonly failures: readonly { readonly signature: string; readonly schedule: readonly number[]; readonly at: number }[];
  /** With findOutput: true when an execution printed it. */
  readonly match: boolean;
  /** True when a timed step ran under virtual-time rules (the summary then carries TIMED_NOTE). */
  readonly timed: boolean;
  /** True when the branch was stopped before its end (interrupt, or a failure or match when those stop). */
  readonly stopped: boolean;
  readonly stats: DporStats;
  /** Daemon threads seen (the coordinator's dependency rules need them). */
  readonly daemons: readonly number[];
  /** A shard's parts: executions run and dropped because another part owns their trace. */
  readonly skipped?: number;
}

/** Options a branch runs with: the exploration's, without what cannot cross threads. */
export type BranchOptions = Omit<ExploreOptions, 'clock' | 'firstRun'>;

/** A branch being run; see the file comment. */
export class DporBranchRun {
  private readonly search: DporSearch | DporPartSearch;
  private readonly level: number;
  private prefix: number[];
  private executions = 0;
  private abandoned = 0;
  private readonly records: ExecutionRecord[] = [];
  private readonly failures = new Map<string, { schedule: readonly number[]; at: number }>();
  private match = false;
  private stopped = false;
  private ended = false;
  private readonly daemons = new Set<number>();
  /** A source-DPOR job (dpor-jobs.ts): its races above the top's depth, deduplicated, and the top states it made. */
  private readonly job: { readonly races: TopRace[]; readonly seen: Set<string>; reported: number; made: TopStates | undefined } | undefined;

  constructor(
    private readonly program: Program,
    private readonly options: BranchOptions,
    branch: { readonly parts: readonly (readonly number[])[] } | { readonly job: DporJob },
    private readonly clock: () => number = () => 0,
  ) {
    const untimed = options.untimed ?? false;
    const { maxSteps, cpuCount } = options;
    const runner: Runner = (policy, monitor, seed = 0) => execute(program, { policy, seed, untimed, monitor, maxSteps, cpuCount });
    this.level = options.logLevel ?? levelOf(program);
    const orderOutput = options.histogram === true || options.findOutput !== undefined;
    if ('parts' in branch) {
      // A shard's parts of a fixed prefix split (dpor-split.ts): nothing goes to a coordinator.
      this.search = new DporPartSearch(runner, orderOutput, untimed, branch.parts);
      this.prefix = [];
      return;
    }
    const search = new DporSearch(runner, orderOutput, untimed);
    this.search = search;
    const { prefix, before, depth } = branch.job;
    search.confineTop(prefix, before, depth);
    this.prefix = [...prefix];
    const job = { races: [] as TopRace[], seen: new Set<string>(), reported: prefix.length, made: undefined as TopStates | undefined };
    this.job = job;
    search.onTopRace = (state, initials) => {
      // Every execution through a top state may show the same race again: send it once.
      const key = `${state}:${initials.map((q) => q.thread).join(',')}`;
      if (job.seen.has(key)) return;
      job.seen.add(key);
      job.races.push({ state, initials });
    };
  }

  private get stopOnFailure(): boolean {
    return !this.options.keepGoing && !this.options.histogram && this.options.findOutput === undefined;
  }

  /** True once the branch is explored or stopped. */
  get done(): boolean {
    return this.ended;
  }

  /** Executions so far and kinds of failure found. */
  progress(): { executions: number; failures: number } {
    return { executions: this.executions, failures: this.failures.size };
  }

  /** Run executions for about `budgetMs` (by the clock given); true when the branch is done. */
  run(budgetMs = Infinity): boolean {
    const t0 = this.clock();
    while (!this.ended) {
      this.once();
      if (this.clock() - t0 >= budgetMs) break;
    }
    return this.ended;
  }

  /** Stop at the next execution, keeping what was found. */
  interrupt(): void {
    if (this.ended) return;
    this.ended = true;
    this.stopped = true;
  }

  /**
   * A source-DPOR job's news since the last call (dpor-jobs.ts): the top states its first
   * execution passed below its prefix (each with the one child taken, to be registered before
   * any race names them), then the races reversed at top states, in the order found.
   */
  takeTop(): { states: TopStates | undefined; races: TopRace[] } {
    const job = this.job;
    if (job === undefined) return { states: undefined, races: [] };
    const states = job.made;
    job.made = undefined;
    return { states, races: job.races.splice(0) };
  }

  result(): BranchResult {
    return {
      prefix: this.prefix,
      executions: this.executions,
      abandoned: this.abandoned,
      records: this.records,
      failures: [...this.failures].map(([signature, f]) => ({ signature, ...f })),
      match: this.match,
      timed: this.search.timed,
      stopped: this.stopped,
      stats: this.search instanceof DporSearch ? { ...this.search.stats } : { sleepBlocked: 0, infeasible: 0, races: 0, inserted: 0 },
      daemons: [...this.daemons],
      ...(this.search instanceof DporPartSearch ? { skipped: this.search.skipped } : {}),
    };
  }

  /** The top states the job's executions passed beyond those reported: the first choices, with the steps taken there. */
  private noteTop(search: DporSearch): void {
    const job = this.job!;
    const choices = search.topChoices;
    if (choices.length <= job.reported) return;
    const events = search.lastEvents;
    const made = job.made ?? { from: job.reported, threads: [], events: [] };
    for (let d = job.reported; d < choices.length && d < events.length; d++) {
      made.threads.push(choices[d]!);
      made.events.push(events[d]!);
      job.reported = d + 1;
    }
    this.prefix = [...choices.slice(0, job.reported)];
    if (made.threads.length > 0) job.made = made;
  }

  /** One execution, counted as Exploration.once counts a DPOR execution. */
  private once(): void {
    const step = this.search.next();
    if (this.job !== undefined && this.search instanceof DporSearch) this.noteTop(this.search);
    if (step.kind === 'done') {
      this.ended = true;
      return;
    }
    if (step.kind === 'abandoned') {
      this.abandoned++;
      return;
    }
    const r = step.result;
    // The split searches run DPOR alone, without the enumeration of choice functions
    // (explore/choices.ts): every choice would take the default answer and orders be missed.
    if (r.choices !== undefined) throw new ThreadsimError('TSIM006', `${this.program.name} makes choices (such as as_completed's order of futures already done), which a DPOR search split across --workers or --shard cannot search yet`, 'Explore it in one process: --workers 1 and no --shard (one process searches every answer).');
    // The parts of a split search order the arrivals at overlapping sleeps without windows
    // (dpor.ts): they would run more executions than one process, so the counts and the
    // histogram would differ from its report. Refused, as for choices, rather than differ.
    if (this.search.timed) throw new ThreadsimError('TSIM006', `${this.program.name} has sleeps or timeouts whose deadlines other steps can reach (or reads the clock), which a DPOR search split across --workers or --shard orders differently from one process`, 'Explore it in one process (--workers 1 and no --shard), or pass --untimed, which splits.');
    for (const t of r.threads) if (t.daemon) this.daemons.add(t.index);
    this.executions++;
    const o = this.options;
    const ending = r.ending === 'complete' ? 0 : r.ending === 'deadlock' ? 1 : 2;
    const lines = o.histogram || o.findOutput ? renderOutput(r.output, { timestamps: false, level: this.level }) : [];
    // A job's traces are each run once (dpor-jobs.ts): its key is needed only to count traces.
    // Hashing it costs as much as the execution itself on lastzero.
    const trace = this.job === undefined || o.countTraces === true ? hashKey(traceKey(this.search.lastEvents, this.search.rules!)) : '';
    if (o.histogram) {
      const state = ending === 0 ? summarizeState(r.state) : ending === 1 ? 'deadlock' : 'step bound exceeded';
      this.records.push({ trace, ending, state, output: lines.join('\n') });
    } else this.records.push({ trace, ending });
    for (const f of r.failures) {
      const signature = failureSignature(f);
      if (this.failures.has(signature)) continue;
      this.failures.set(signature, { schedule: [...r.schedule], at: this.executions });
      if (this.stopOnFailure) this.interrupt();
    }
    const want = o.findOutput;
    if (want !== undefined && lines.length === want.length && lines.every((l, i) => l === want[i])) {
      this.match = true;
      this.interrupt();
    }
  }
}

/**
 * A 128-bit hash of a trace key (four 32-bit FNV-1a lanes with different offsets), in hex:
 * keys run to kilobytes, and the coordinator keeps one per trace.
 */
export function hashKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  let c = 0x27d4eb2f;
  let d = 0x165667b1;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193) + i;
    c = Math.imul(c ^ ch, 0x85ebca6b) ^ (c >>> 13);
    d = Math.imul(d ^ ch, 0xc2b2ae35) + (d >>> 16);
  }
  const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}${hex(c)}${hex(d)}${key.length.toString(36)}`;
}
