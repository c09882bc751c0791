/**
 * Exploration of a program's executions: exhaustive (DFS with iterated preemption bounds,
 * DPOR, periodical scheduling) or sampled (random, PCT, POS, reads-from fuzzing, a portfolio),
 * with outcome histograms, a search for a given output, and minimal counterexamples. Runs in
 * slices ({@link Exploration.run} with a time budget) so a caller can show progress and stop it
 * cleanly; memory stays flat in the number of executions, except for periodical scheduling's
 * frontier (period.ts).
 */
import { ThreadsimError } from '../../errors.js';
import { execute, summarizeState, type ExecutionOptions, type ExecutionResult } from '../execution.js';
import type { Policy } from '../policies/policy.js';
import type { Failure } from '../failures.js';
import type { PctParameters } from '../policies/pct.js';
import type { Program } from '../program.js';
import { renderOutput } from '../../trace/text.js';
import { RaceMonitor } from '../detect/detector.js';
import { combineMonitors } from '../monitor.js';
import { DfsSearch } from './dfs.js';
import { ChoiceSearch } from './choices.js';
import { DporSearch, type DporStats } from './dpor.js';
import type { DependencyRules } from './events.js';
import { estimatePct, pctSearch, randomSearch, type SeededSearch } from './sampling.js';
import type { Runner, Search } from './search.js';
import { failureSignature, shrinkSchedule, type ScheduleSize } from './shrink.js';
import { traceKey } from './trace-key.js';
import { posSearch } from './pos.js';
import { PortfolioSearch } from './portfolio.js';
import { RffSearch, type RffFeedback } from './rff.js';
import { PeriodSearch } from './period.js';

/** The exploration strategies. */
export const STRATEGIES = ['dpor', 'dfs', 'period', 'pct', 'random', 'pos', 'rff', 'portfolio'] as const;
/** One of {@link STRATEGIES}. */
export type Strategy = (typeof STRATEGIES)[number];
/** The strategies that sample executions (seeded, 1,000 runs by default) rather than enumerate them. */
export const SAMPLING_STRATEGIES: readonly Strategy[] = ['pct', 'random', 'pos', 'rff', 'portfolio'];

/** Options of an exploration. */
export interface ExploreOptions {
  /**
   * Milliseconds from any fixed origin, for time-sliced `run(budgetMs)` and the elapsed time
   * in summaries. The engine reads no clock itself: callers that want timing pass one
   * (the CLI passes the process's high-resolution clock). Default: no clock (slices run to the end, elapsed 0).
   */
  readonly clock?: () => number;
  /** Default `dpor`. */
  readonly strategy?: Strategy;
  /** DFS only: most preemptions per execution (bounds are iterated 0, 1, ... up to it). */
  readonly preemptionBound?: number;
  /**
   * DFS only: iterate the preemption bound 0, 1, 2, ... so the first failure found has the
   * fewest preemptions (default true); false runs one search with the bound (if any).
   */
  readonly iterateBounds?: boolean;
  /** Sleeps and timeouts order nothing (see ExecutionOptions.untimed). Default false. */
  readonly untimed?: boolean;
  /** Stop after this many executions. Default: unlimited for dfs/dpor, 1000 for pct/random. */
  readonly maxExecutions?: number;
  /** period: untried choices its frontier keeps at most (default MAX_FRONTIER, period.ts). */
  readonly maxFrontier?: number;
  readonly maxSteps?: number;
  readonly cpuCount?: number;
  /** Base seed of the sampling strategies: run i uses `runSeed(seed, i)`. Default 0. */
  readonly seed?: number;
  /**
   * Sampling strategies: start at run number `firstRun` (0-based) of the sequence that `seed`
   * names, so a seed range can be split across workers and shards and each run keeps the seed
   * it has in one process. Default 0.
   */
  readonly firstRun?: number;
  /** PCT bug depth d. Default 3. */
  readonly depth?: number;
  /** PCT's n and k; estimated from a few random runs when absent. */
  readonly pctThreads?: number;
  readonly pctSteps?: number;
  /** Group complete executions by final state and by output. */
  readonly histogram?: boolean;
  /** Look for an execution whose output (no timestamps) is exactly these lines. */
  readonly findOutput?: readonly string[];
  /** Lowest logging level in the output compared and grouped. Default: the program's, else INFO. */
  readonly logLevel?: number;
  /** Go on after the first failure, collecting one execution per kind of failure. */
  readonly keepGoing?: boolean;
  /** Shrink failures found by random, PCT and DPOR. Default true. */
  readonly shrink?: boolean;
  /** Count distinct Mazurkiewicz traces among the executions (dfs and dpor; costs time). */
  readonly countTraces?: boolean;
  /**
   * Run the happens-before race detector on every execution (slower) and report the first
   * execution in which it reported a data race (`firstRace`). Races do not stop the search
   * and are not failures of the exploration.
   */
  readonly detectRaces?: boolean;
}

/** A failure found, with the execution that shows it. */
export interface FoundFailure {
  readonly failure: Failure;
  readonly signature: string;
  /** Which execution (1-based, in exploration order) found it. */
  readonly execution: number;
  /** Seed of the sampled run that found it. */
  readonly seed?: number;
  /** Portfolio: the member strategy that found it (`pct-2`, `pos`, `random`, `pct-3`, `dfs`). */
  readonly foundBy?: string;
  /** Thread index per step: replays the (shrunk) failing execution exactly. */
  readonly schedule: readonly number[];
  readonly preemptions: number;
  readonly steps: number;
  /** Size before shrinking, and how many candidate runs shrinking took. */
  readonly shrunk?: {
    readonly from: ScheduleSize;
    readonly runs: number;
    /** True when every schedule with fewer preemptions was run and none fails this way. */
    readonly minimal: boolean;
    /** Runs of that search for fewer preemptions (part of `runs`). */
    readonly searched: number;
  };
  readonly result: ExecutionResult;
}

/** Why an exploration stopped. */
export type StopReason = 'exhausted' | 'bound' | 'failure' | 'match' | 'budget' | 'interrupted';

/** Everything an exploration found. */
export interface ExploreSummary {
  readonly program: string;
  /** The strategy that ran (dpor falls back to dfs under virtual-time rules with timers). */
  readonly strategy: Strategy;
  readonly untimed: boolean;
  /** Sentences about rules that applied (fallbacks, output ordering). */
  readonly notes: readonly string[];
  /** Executions run (maximal ones; every iteration of an iterated bound counts). */
  readonly executions: number;
  /** Executions of the last iteration: the size of the space explored. */
  readonly explored: number;
  readonly complete: number;
  readonly deadlocks: number;
  readonly stepBound: number;
  /** Executions abandoned early as redundant (sleep-set blocked) or infeasible. */
  readonly abandoned: number;
  /** True when every execution (within the bound, if any) was explored. */
  readonly exhaustive: boolean;
  /** DFS: the preemption bound of the last iteration (undefined: none was needed). */
  readonly bound: number | undefined;
  readonly stopped: StopReason;
  readonly failures: readonly FoundFailure[];
  readonly histogram?: { readonly states: readonly [string, number][]; readonly outputs: readonly [string, number][] };
  /** With findOutput: the matching execution, or undefined when none was found. */
  readonly match?: { readonly schedule: readonly number[]; readonly result: ExecutionResult; readonly execution: number };
  /** With countTraces: distinct Mazurkiewicz traces among the explored executions. */
  readonly traces?: number;
  /**
   * period: every schedule with at most this many periods was run, `schedules` of them
   * (absent when the search covered no schedule that way, or covered the whole space).
   */
  readonly periods?: { readonly upTo: number; readonly schedules: number };
  /**
   * portfolio: the systematic member that covered its whole space (so no failure exists), and
   * how many of the portfolio's executions were its own.
   */
  readonly proof?: { readonly member: string; readonly executions: number };
  /** rff: the fuzzer's feedback signal (reads-from pairs, outcomes, corpus size). */
  readonly feedback?: RffFeedback;
  /** With detectRaces: the first execution in which a data race was reported, if any. */
  readonly firstRace?: { readonly execution: number; readonly location: string };
  readonly pct?: PctParameters & { readonly estimated: boolean };
  readonly dpor?: DporStats;
  /**
   * dpor and dfs, when the program made choices (as_completed's order of futures already
   * done): how many choice functions were searched (explore/choices.ts).
   */
  readonly choiceFunctions?: number;
  readonly elapsedMs: number;
}

/** The note a summary carries once DPOR met a timed step under virtual-time rules. */
export const TIMED_NOTE = 'virtual-time rules with sleeps or timeouts whose deadlines other steps can reach: the step that reaches one is ordered with the steps of other threads that could move its deadline, so DPOR reorders less (docs/exploration.md, "Time"); --untimed searches every order, the timed ones among them';

/** How the note on executions explored as a plain search does begins (DporSearch.fullSpanExecutions). */
const PLAIN_NOTE = 'executions with a sleep or timeout whose deadline other steps reach, outside every window';

/** How the note on a search over choices begins. */
const CHOICES_NOTE = "the program makes choices (such as as_completed's order of futures already done)";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Runs of a sampling strategy when `maxExecutions` is not given. */
export const DEFAULT_SAMPLES = 1000;
const NO_LINES: readonly string[] = Object.freeze([]);
/** The period strategy's frontier reached its limit (period.ts, MAX_FRONTIER). */
const FRONTIER_NOTE = "the period strategy's frontier reached its limit";
const OUTPUT_NOTE = 'output lines count as dependent steps, so executions that print in a different order are told apart';

/** An exploration in progress. */
export class Exploration {
  private strategy: Strategy;
  private search!: Search;
  private dpor: DporSearch | undefined;
  private dfs: DfsSearch | undefined;
  /** dpor and dfs: the enumeration of choice functions around them (choices.ts). */
  private choices: ChoiceSearch | undefined;
  /** DFS: an earlier choice function's search at this bound was cut by it. */
  private prunedBefore = false;
  /** DPOR: the counters of the searches of earlier choice functions. */
  private readonly dporBefore: DporStats = { sleepBlocked: 0, infeasible: 0, races: 0, inserted: 0 };
  /** DporSearch.fullSpanExecutions of the searches replaced so far (one per set of answers to choices). */
  private plainBefore = 0;
  private sampled: SeededSearch | undefined;
  private portfolio: PortfolioSearch | undefined;
  private rff: RffSearch | undefined;
  private period: PeriodSearch | undefined;
  /** A period search (under an earlier set of answers to the program's choices) dropped alternatives. */
  private periodCut = false;
  private bound: number | undefined;
  private readonly maxBound: number;
  private readonly notes: string[] = [];
  private readonly runner: Runner;
  private readonly daemons = new Set<number>();
  private lastThreads: ExecutionResult['threads'] | undefined;
  private readonly rules: DependencyRules;
  private readonly level: number;
  private readonly failures: FoundFailure[] = [];
  private readonly states = new Map<string, number>();
  private readonly outputs = new Map<string, number>();
  private readonly traceKeys = new Set<string>();
  private match: ExploreSummary['match'];
  private firstRace: ExploreSummary['firstRace'];
  private executions = 0;
  private explored = 0;
  private complete = 0;
  private deadlocks = 0;
  private stepBound = 0;
  private abandoned = 0;
  private stopped: StopReason | undefined;
  private exhaustive = false;
  private elapsed = 0;
  private finalized = false;
  private pct: ExploreSummary['pct'];
  private readonly maxExecutions: number;

  constructor(
    readonly program: Program,
    readonly options: ExploreOptions = {},
  ) {
    this.strategy = options.strategy ?? 'dpor';
    if (!(STRATEGIES as readonly string[]).includes(this.strategy)) {
      throw new ThreadsimError('TSIM006', `unknown strategy '${this.strategy}'`, `Use one of: ${STRATEGIES.join(', ')}.`);
    }
    if (options.preemptionBound !== undefined && this.strategy !== 'dfs') {
      throw new ThreadsimError('TSIM006', `--preemption-bound applies to --strategy dfs only, not ${this.strategy}`, 'Use --strategy dfs --preemption-bound K, or drop the bound.');
    }
    this.maxBound = options.preemptionBound ?? Infinity;
    const sampling = SAMPLING_STRATEGIES.includes(this.strategy);
    this.maxExecutions = options.maxExecutions ?? (sampling ? DEFAULT_SAMPLES : Infinity);
    this.level = options.logLevel ?? levelOf(program);
    const untimed = options.untimed ?? false;
    const detect = options.detectRaces === true;
    const { maxSteps, cpuCount } = options;
    // One options object refilled for every run (the sampling strategies call this for every
    // execution): an execution reads its options while it runs and keeps none of them after.
    const runOptions: Mutable<ExecutionOptions> = { policy: undefined as unknown as Policy, seed: 0, untimed, monitor: undefined, maxSteps, cpuCount };
    this.runner = (policy, monitor, seed = 0) => {
      runOptions.policy = policy;
      runOptions.seed = seed;
      runOptions.monitor = detect ? (monitor === undefined ? new RaceMonitor() : combineMonitors([monitor, new RaceMonitor()])) : monitor;
      runOptions.chooser = this.choices?.chooser;
      return execute(program, runOptions);
    };
    const orderOutput = options.histogram === true || options.findOutput !== undefined;
    this.rules = { orderOutput, daemon: (t) => this.daemons.has(t) };
    if (orderOutput && this.strategy === 'dpor') this.notes.push(OUTPUT_NOTE);
    this.start();
  }

  private start(): void {
    const o = this.options;
    switch (this.strategy) {
      case 'dpor':
        this.choices = new ChoiceSearch(() => {
          if (this.dpor !== undefined) {
            addStats(this.dporBefore, this.dpor.stats);
            this.plainBefore += this.dpor.fullSpanExecutions;
          }
          this.dpor = new DporSearch(this.runner, this.rules.orderOutput, o.untimed ?? false);
          return this.dpor;
        });
        this.search = this.choices;
        break;
      case 'dfs':
        this.bound = o.iterateBounds === false ? this.maxBound : 0;
        this.startDfs();
        break;
      case 'random':
        this.sampled = randomSearch(this.runner, o.seed ?? 0, o.firstRun ?? 0);
        this.search = this.sampled;
        break;
      case 'pos':
        this.sampled = posSearch(this.runner, o.seed ?? 0, o.firstRun ?? 0);
        this.search = this.sampled;
        break;
      case 'pct': {
        const params = this.pctParameters();
        this.sampled = pctSearch(this.runner, params, o.seed ?? 0, o.firstRun ?? 0);
        this.search = this.sampled;
        break;
      }
      case 'period':
        // Like DFS: every schedule under every set of answers to the program's choices, so
        // that a finished search is a proof for programs that make choices too.
        this.choices = new ChoiceSearch(() => {
          if (this.period?.frontierFull === true) this.periodCut = true;
          this.period = new PeriodSearch(this.runner, o.maxFrontier);
          return this.period;
        });
        this.search = this.choices;
        break;
      case 'rff':
        this.rff = new RffSearch(this.runner, o.seed ?? 0);
        this.search = this.rff;
        break;
      case 'portfolio':
        this.portfolio = new PortfolioSearch(this.runner, o.seed ?? 0, { orderOutput: this.rules.orderOutput, untimed: o.untimed ?? false });
        this.search = this.portfolio;
        break;
    }
  }

  /** A DFS at the current bound, for every choice function (choices.ts). */
  private startDfs(): void {
    this.dfs = undefined;
    this.prunedBefore = false;
    this.choices = new ChoiceSearch(() => {
      if (this.dfs?.pruned === true) this.prunedBefore = true;
      this.dfs = new DfsSearch(this.runner, this.bound, this.options.countTraces === true);
      return this.dfs;
    });
    this.search = this.choices;
  }

  /** Some DFS at the current bound was cut by it. */
  private get pruned(): boolean {
    return this.prunedBefore || this.dfs?.pruned === true;
  }

  /** PCT's n, k (estimated from a few random runs unless given) and d. */
  private pctParameters(): PctParameters {
    const o = this.options;
    const estimated = o.pctThreads === undefined || o.pctSteps === undefined ? estimatePct(this.runner) : undefined;
    const params = { threads: o.pctThreads ?? estimated!.threads, steps: o.pctSteps ?? estimated!.steps, depth: o.depth ?? 3 };
    this.pct = { ...params, estimated: estimated !== undefined };
    return params;
  }

  private get stopOnFailure(): boolean {
    return !this.options.keepGoing && !this.options.histogram && this.options.findOutput === undefined;
  }

  /** True once the exploration has stopped. */
  get done(): boolean {
    return this.stopped !== undefined;
  }

  /** Executions so far and failures found, for a progress display. */
  progress(): { executions: number; failures: number; elapsedMs: number; total?: number; notes: readonly string[] } {
    const total = Number.isFinite(this.maxExecutions) ? { total: this.maxExecutions } : {};
    return { executions: this.executions, failures: this.failures.length, elapsedMs: this.elapsed, ...total, notes: this.notes };
  }

  /** Stop at the next opportunity, keeping what was found (Ctrl-C). */
  interrupt(): void {
    this.stopped ??= 'interrupted';
  }

  /** Run executions for about `budgetMs` milliseconds (default: to the end); true when done. */
  run(budgetMs = Infinity): boolean {
    const clock = this.options.clock ?? noClock;
    const t0 = clock();
    try {
      while (this.stopped === undefined) {
        if (this.executions >= this.maxExecutions) {
          this.stopped = 'budget';
          break;
        }
        this.once();
        if (clock() - t0 >= budgetMs) break;
      }
    } finally {
      this.elapsed += clock() - t0;
    }
    return this.stopped !== undefined;
  }

  private once(): void {
    const step = this.search.next();
    if (step.kind === 'abandoned') {
      this.abandoned++;
      return;
    }
    if (step.kind === 'done') {
      this.endOfSpace();
      return;
    }
    const r = step.result;
    // Runs whose threads keep their names share one thread table: look at each table once.
    if (r.threads !== this.lastThreads) {
      this.lastThreads = r.threads;
      for (const t of r.threads) if (t.daemon) this.daemons.add(t.index);
    }
    if (this.dpor?.timed === true && !this.notes.includes(TIMED_NOTE)) this.notes.push(TIMED_NOTE);
    this.executions++;
    this.explored++;
    if (r.ending === 'complete') this.complete++;
    else if (r.ending === 'deadlock') this.deadlocks++;
    else this.stepBound++;
    if (this.options.countTraces) {
      const events = this.dpor?.lastEvents ?? this.dfs?.events;
      if (events !== undefined) this.traceKeys.add(traceKey(events, this.dpor?.rules ?? this.rules));
    }
    const lines = this.options.histogram || this.options.findOutput ? renderOutput(r.output, { timestamps: false, level: this.level }) : NO_LINES;
    if (this.options.histogram) {
      const key = r.ending === 'complete' ? summarizeState(r.state) : r.ending === 'deadlock' ? 'deadlock' : 'step bound exceeded';
      this.states.set(key, (this.states.get(key) ?? 0) + 1);
      const out = lines.join('\n');
      this.outputs.set(out, (this.outputs.get(out) ?? 0) + 1);
    }
    const failures = r.failures;
    for (let i = 0; i < failures.length; i++) {
      const f = failures[i]!;
      if (this.options.detectRaces && (f.kind === 'race' || f.kind === 'lock-order' || f.kind === 'unread-exception')) {
        if (f.kind === 'race') this.firstRace ??= { execution: this.executions, location: f.location };
        continue;
      }
      const signature = failureSignature(f);
      if (this.knownFailure(signature)) continue;
      this.failures.push({
        failure: f,
        signature,
        execution: this.executions,
        ...(this.sampled === undefined ? {} : { seed: this.sampled.lastSeed }),
        ...(this.portfolio?.lastSeed === undefined ? {} : { seed: this.portfolio.lastSeed }),
        ...(this.portfolio?.lastMember === undefined ? {} : { foundBy: this.portfolio.lastMember }),
        schedule: [...r.schedule],
        preemptions: step.preemptions,
        steps: r.steps,
        result: r,
      });
      if (this.stopOnFailure) this.stopped = 'failure';
    }
    const want = this.options.findOutput;
    if (want !== undefined && this.match === undefined && sameLines(lines, want)) {
      this.match = { schedule: [...r.schedule], result: r, execution: this.executions };
      this.stopped = 'match';
    }
  }

  /** True when a failure with this signature was found already (a loop: asked for every failing run). */
  private knownFailure(signature: string): boolean {
    for (const x of this.failures) if (x.signature === signature) return true;
    return false;
  }

  /** The search has covered its space: finish, or raise the preemption bound. */
  private endOfSpace(): void {
    if (this.dfs !== undefined && this.pruned && (this.bound ?? 0) < this.maxBound) {
      if (this.failures.length > 0 && this.stopOnFailure) {
        this.stopped = 'failure';
        return;
      }
      this.bound = (this.bound ?? 0) + 1;
      this.explored = 0;
      this.states.clear();
      this.outputs.clear();
      this.traceKeys.clear();
      this.startDfs();
      return;
    }
    // A period search whose frontier was full ran out of the schedules it kept: the rest were cut.
    const cutByBound = (this.dfs !== undefined && this.pruned) || this.cutPeriod;
    this.exhaustive = !cutByBound;
    this.stopped = cutByBound ? 'bound' : 'exhausted';
  }

  private resetCounts(): void {
    this.firstRace = undefined;
    this.executions = 0;
    this.explored = 0;
    this.complete = 0;
    this.deadlocks = 0;
    this.stepBound = 0;
    this.abandoned = 0;
    this.states.clear();
    this.outputs.clear();
    this.traceKeys.clear();
  }

  /** Shrink what needs shrinking (once) and report. */
  summary(): ExploreSummary {
    if (!this.finalized && this.stopped !== undefined) {
      this.finalized = true;
      if (this.options.shrink !== false && this.strategy !== 'dfs') {
        for (let i = 0; i < this.failures.length; i++) this.failures[i] = this.shrink(this.failures[i]!);
      }
    }
    if (this.choices !== undefined && !this.choices.choiceFree) {
      const at = this.notes.findIndex((n) => n.startsWith(CHOICES_NOTE));
      if (at >= 0) this.notes.splice(at, 1);
      this.notes.push(`${CHOICES_NOTE}: ${this.choices.functions} ${this.choices.functions === 1 ? 'set' : 'sets'} of answers searched, and each execution counted is one trace under one set of answers`);
    }
    const plain = this.plainBefore + (this.dpor?.fullSpanExecutions ?? 0);
    if (plain > 0) {
      const at = this.notes.findIndex((n) => n.startsWith(PLAIN_NOTE));
      if (at >= 0) this.notes.splice(at, 1);
      this.notes.push(`${PLAIN_NOTE}: ${plain}; around those timed ops DPOR tried every enabled thread at every state, as a plain search does, so no order is missed but more executions run (docs/exploration.md, "Time")`);
    }
    if (this.cutPeriod && !this.notes.some((n) => n.startsWith(FRONTIER_NOTE))) {
      this.notes.push(`${FRONTIER_NOTE} (${this.period!.frontierLimit} untried schedules): alternatives with more periods than it covered were dropped, so memory stays flat and the search is not exhaustive`);
    }
    const dfsBound = this.dfs === undefined || this.bound === Infinity ? undefined : this.bound;
    return {
      program: this.program.name,
      strategy: this.strategy,
      untimed: this.options.untimed ?? false,
      notes: this.notes,
      executions: this.executions,
      explored: this.explored,
      complete: this.complete,
      deadlocks: this.deadlocks,
      stepBound: this.stepBound,
      abandoned: this.abandoned,
      exhaustive: this.exhaustive,
      bound: dfsBound,
      stopped: this.stopped ?? 'interrupted',
      failures: this.failures,
      ...(this.options.histogram ? { histogram: { states: sorted(this.states), outputs: sorted(this.outputs) } } : {}),
      ...(this.match === undefined ? {} : { match: this.match }),
      ...(this.options.countTraces ? { traces: this.traceKeys.size } : {}),
      ...(this.firstRace === undefined ? {} : { firstRace: this.firstRace }),
      ...(this.rff === undefined ? {} : { feedback: this.rff.feedback }),
      ...this.periodsCovered(),
      ...(this.portfolio?.proof === undefined ? {} : { proof: this.portfolio.proof }),
      ...(this.pct === undefined ? {} : { pct: this.pct }),
      ...(this.dpor === undefined ? {} : { dpor: sumStats(this.dporBefore, this.dpor.stats) }),
      ...(this.choices === undefined || this.choices.choiceFree ? {} : { choiceFunctions: this.choices.functions }),
      elapsedMs: this.elapsed,
    };
  }

  /** True when a period search dropped alternatives because its frontier was full. */
  private get cutPeriod(): boolean {
    return this.periodCut || this.period?.frontierFull === true;
  }

  /** What the period strategy has covered, when that is a set of schedules short of all. */
  private periodsCovered(): Pick<ExploreSummary, 'periods'> {
    // Under several sets of answers the bound reached is the last set's only: say nothing.
    if (this.choices !== undefined && !this.choices.choiceFree) return {};
    const d = this.period?.coveredPeriods ?? Infinity;
    const schedules = Number.isFinite(d) ? this.period!.runWithin(d) : 0;
    return schedules > 0 ? { periods: { upTo: d, schedules } } : {};
  }

  private shrink(f: FoundFailure): FoundFailure {
    const o = this.options;
    const s = shrinkSchedule(this.program, f.schedule, f.signature, {
      untimed: o.untimed ?? false,
      ...(f.result.choices === undefined ? {} : { choices: f.result.choices }),
      ...(o.maxSteps === undefined ? {} : { maxSteps: o.maxSteps }),
      ...(o.cpuCount === undefined ? {} : { cpuCount: o.cpuCount }),
    });
    if (Number.isNaN(s.preemptions)) return f;
    const failure = s.execution.failures.find((x) => failureSignature(x) === f.signature) ?? f.failure;
    return { ...f, failure, schedule: s.schedule, preemptions: s.preemptions, steps: s.steps, shrunk: { from: s.original, runs: s.runs, minimal: s.minimal, searched: s.searched }, result: s.execution };
  }
}

/**
 * Explore `program` to the end (or the first failure, or the budget) and report.
 *
 * @example
 * ```ts
 * import { explore } from 'threadsim';
 * import hits from './hits.js';
 *
 * const summary = explore(hits, { strategy: 'dpor', maxExecutions: 10_000 });
 * console.log(`${summary.explored} executions, ${summary.failures.length} failing`);
 * ```
 */
export function explore(program: Program, options: ExploreOptions = {}): ExploreSummary {
  const e = new Exploration(program, options);
  e.run();
  return e.summary();
}

/** The logging level an exploration compares output at when none is given: the program's, else INFO. */
export function levelOf(program: Program): number {
  const names: Record<string, number> = { debug: 10, info: 20, warning: 30, error: 40, critical: 50 };
  return names[program.options.logLevel ?? 'info'] ?? 20;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

/** Histogram counts in report order: most frequent first, then by key. */
export function sorted(m: ReadonlyMap<string, number>): [string, number][] {
  return [...m.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

function addStats(into: DporStats, s: DporStats): void {
  into.sleepBlocked += s.sleepBlocked;
  into.infeasible += s.infeasible;
  into.races += s.races;
  into.inserted += s.inserted;
}

function sumStats(a: DporStats, b: DporStats): DporStats {
  const sum = { ...a };
  addStats(sum, b);
  return sum;
}

/** The default clock: time does not pass, so a time budget never ends a slice. */
function noClock(): number {
  return 0;
}
