/**
 * The coordinator of a DPOR search split into jobs (dpor-jobs.ts), as a state machine over
 * messages: it owns the top of the tree, hands jobs to idle workers in the order they were
 * made (an idle worker takes the next job: with many more jobs than workers, that is the work
 * stealing), and adds up what the jobs found. Pure (no clock, no threads): the thread pool
 * (cli/workers/dpor-pool.ts) and the tests that run the exchange under chosen interleavings
 * drive the same machine.
 *
 * The summary is one thread's, apart from timing: every trace is run by exactly one job, once
 * (see dpor-jobs.ts), so the counts and the histogram are the sequential search's; what depends
 * on the order (the failure reported when the search stops at the first one) is taken from the
 * sequential search re-run up to that point (the tally, dpor-tally.ts). Executions
 * abandoned early (every thread asleep, or a branch that cannot run) are wasted work, not
 * results: the top, run source-style, can have some the sequential search has not, and their
 * number can depend on timing, as `elapsedMs` does.
 */
import { execute } from '../../execution.js';
import type { Program } from '../../program.js';
import { DporSearch } from '../dpor.js';
import type { ExploreSummary } from '../explore.js';
import type { BranchResult } from './dpor-branch.js';
import { DporTally, type SplitOptions } from './dpor-tally.js';
import { DporJobTop, type DporJob, type TopRace, type TopStates } from './dpor-jobs.js';

/** Worker to coordinator. */
export type FromJobWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'top'; readonly states: TopStates | null; readonly races: readonly TopRace[] }
  | { readonly type: 'progress'; readonly executions: number; readonly failures: number }
  /** With the time the job took, for benchmarks: busy wall time, wall time, and CPU time where the platform tells it. */
  | { readonly type: 'job-done'; readonly result: BranchResult; readonly busyMs?: number; readonly wallMs?: number; readonly cpuMs?: number };

/** Coordinator to worker. */
export type ToJobWorker = { readonly type: 'job'; readonly job: DporJob; readonly id: number } | { readonly type: 'stop' };

/**
 * Levels of the top below the shallowest race of the first execution, for `workers` workers.
 * Each level multiplies the jobs (enough to keep the workers busy) and also the executions
 * abandoned below the top: a thread the top put to sleep may stay asleep for most of an
 * execution (lastzero's scanner does), and sequences it does not cover end blocked. Measured on
 * lastzero(12), 15,360 traces, the jobs run one after another in one thread: 2 levels make 3
 * jobs (2,048, 6,144 and 7,168 executions: two workers can split them 53/47), none abandoned,
 * for the unsplit search's CPU (780 to 820 ms of thread CPU against 790 to 830); 3 levels,
 * 6 jobs, the largest 34%, but 2,816 executions abandoned and 18% to 25% more CPU; 4 levels,
 * 11 jobs, 6,400 abandoned. So two levels for two workers, and one more per doubling.
 */
export function topLevels(workers: number): number {
  return 1 + Math.max(1, Math.ceil(Math.log2(Math.max(1, workers))));
}

/**
 * K, the depth of the top: `levels` below the shallowest state at which the program's first
 * DPOR execution reverses a race (programs often start with steps no race reaches back to, such
 * as a main thread starting its workers). Decided by the program alone, never by timing.
 */
export function topDepth(program: Program, options: SplitOptions, levels = topLevels(2)): number {
  const untimed = options.untimed ?? false;
  const orderOutput = options.histogram === true || options.findOutput !== undefined;
  const probe = new DporSearch((policy, monitor, seed = 0) => execute(program, { policy, seed, untimed, monitor, maxSteps: options.maxSteps, cpuCount: options.cpuCount }), orderOutput, untimed);
  probe.next();
  return (probe.shallowestAlternative() ?? 0) + levels;
}

interface WorkerState {
  ready: boolean;
  /** The job's path: its prefix, then the top states it reported passing; undefined when idle. */
  path: number[] | undefined;
  executions: number;
  failures: number;
}

/** The coordinator; see the file comment. */
export class DporJobCoordinator {
  private readonly top: DporJobTop;
  private readonly tally: DporTally;
  private readonly workers: WorkerState[];
  private stopping = false;
  private interrupted = false;
  private jobIds = 0;
  private run = 0;
  private abandoned = 0;
  /** Per worker: busy time its jobs reported (ms), and jobs run. */
  private readonly busy: { ms: number; cpuMs: number; jobs: number; executions: number }[];

  constructor(
    readonly program: Program,
    readonly options: SplitOptions,
    workers: number,
    depth = topDepth(program, options, topLevels(workers)),
  ) {
    this.top = new DporJobTop(depth);
    this.tally = new DporTally(program, options);
    this.workers = Array.from({ length: Math.max(1, workers) }, () => ({ ready: false, path: undefined, executions: 0, failures: 0 }));
    this.busy = this.workers.map(() => ({ ms: 0, cpuMs: 0, jobs: 0, executions: 0 }));
  }

  private get stopOnFailure(): boolean {
    return !this.options.keepGoing && !this.options.histogram && this.options.findOutput === undefined;
  }

  /** True when every job has ended (the whole tree, or up to a stop). */
  get done(): boolean {
    const running = this.workers.some((w) => w.path !== undefined);
    return !running && (this.stopping || this.interrupted || this.top.done);
  }

  /** Executions so far, summed over the workers, and kinds of failure found. */
  progress(): { executions: number; failures: number } {
    const p = this.tally.progress();
    let executions = p.executions;
    let failures = p.failures;
    for (const w of this.workers) {
      executions += w.executions;
      failures += w.failures;
    }
    return { executions, failures };
  }

  /**
   * How the tree was split: K, jobs made, executions run (with those abandoned at the top
   * because every thread was asleep), executions that repeated a trace (zero when the split is
   * sound), and per worker its busy time and jobs.
   */
  get splits(): { depth: number; jobs: number; races: number; run: number; abandoned: number; redundant: number; workers: readonly { ms: number; cpuMs: number; jobs: number; executions: number }[] } {
    return { depth: this.top.depth, jobs: this.top.stats.jobs, races: this.top.stats.races, run: this.run, abandoned: this.abandoned, redundant: this.tally.redundant, workers: this.busy };
  }

  /** Stop every worker at its next execution (Ctrl-C); the summary keeps what was found. */
  interrupt(): [number, ToJobWorker][] {
    this.interrupted = true;
    return this.stopAll();
  }

  /** A message from worker `w`; returns the messages to send (worker, message) in order. */
  receive(w: number, m: FromJobWorker): [number, ToJobWorker][] {
    const worker = this.workers[w]!;
    switch (m.type) {
      case 'ready':
        worker.ready = true;
        break;
      case 'progress':
        worker.executions = m.executions;
        worker.failures = m.failures;
        return [];
      case 'top':
        if (m.states !== null) {
          for (let i = 0; i < m.states.threads.length; i++) worker.path![m.states.from + i] = m.states.threads[i]!;
          this.top.passed(worker.path!, m.states);
        }
        if (!this.stopping && !this.interrupted) for (const r of m.races) this.top.race(worker.path!, r);
        break;
      case 'job-done': {
        const r = m.result;
        this.run += r.executions;
        this.abandoned += r.abandoned;
        this.busy[w]!.ms += m.busyMs ?? 0;
        this.busy[w]!.cpuMs += m.cpuMs ?? 0;
        this.busy[w]!.jobs++;
        this.busy[w]!.executions += r.executions;
        this.tally.absorb(r);
        this.top.finished();
        worker.path = undefined;
        worker.executions = 0;
        worker.failures = 0;
        if ((r.failures.length > 0 && this.stopOnFailure) || r.match) return [...this.stopAll(), ...this.settle()];
        break;
      }
    }
    return this.settle();
  }

  /** The summary one thread gives (apart from timing); call once {@link done}. */
  summary(elapsedMs: number): ExploreSummary {
    if (this.interrupted) this.tally.interrupt();
    return this.tally.summary(elapsedMs);
  }

  private stopAll(): [number, ToJobWorker][] {
    this.stopping = true;
    const out: [number, ToJobWorker][] = [];
    this.workers.forEach((w, i) => {
      if (w.path !== undefined) out.push([i, { type: 'stop' }]);
    });
    return out;
  }

  /** Hand jobs to idle workers. */
  private settle(): [number, ToJobWorker][] {
    const out: [number, ToJobWorker][] = [];
    if (this.stopping || this.interrupted) return out;
    this.workers.forEach((w, i) => {
      if (!w.ready || w.path !== undefined) return;
      const job = this.top.take();
      if (job === undefined) return;
      w.path = [...job.prefix];
      out.push([i, { type: 'job', job, id: this.jobIds++ }]);
    });
    return out;
  }
}
