/**
 * The coordinator of a DPOR search split across workers, as a state machine over messages:
 * it owns the top of the tree (dpor-top.ts), hands branches to idle workers, asks a busy worker
 * to give up work when none is left (work stealing), and adds up what the branches found.
 * Pure (no clock, no threads): the thread pool (cli/workers/dpor-pool.ts) and the tests that
 * run the exchange under chosen interleavings drive the same machine.
 *
 * The summary is the one a single thread gives, apart from timing. The counts and the
 * histogram follow from the set of traces, which does not depend on the order branches run
 * in. What does depend on the order (the execution a failure or the output looked for is
 * first met at, and with it the count of executions when a search stops there) is taken from
 * the sequential search itself, re-run in this thread up to that point: the rule that picks
 * the reported failure is the sequential search's order, never the workers' timing.
 */
import type { Program } from '../../program.js';
import { execute } from '../../execution.js';
import { GuidedPolicy } from '../../policies/guided.js';
import { Exploration, sorted, TIMED_NOTE, type ExploreOptions, type ExploreSummary, type FoundFailure } from '../explore.js';
import type { DporStats } from '../dpor.js';
import { failureSignature } from '../shrink.js';
import type { BranchResult } from './dpor-branch.js';
import { DporTop, type DonatedState, type DporBranch, type LateMerge, type OutsideRace } from './dpor-top.js';
import type { EventInfo } from '../events.js';

/** Worker to coordinator. */
export type FromDporWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'races'; readonly races: readonly OutsideRace[]; readonly daemons: readonly number[] }
  | { readonly type: 'donated'; readonly states: readonly DonatedState[] | null }
  | { readonly type: 'progress'; readonly executions: number; readonly failures: number }
  | { readonly type: 'branch-done'; readonly result: BranchResult }
  | { readonly type: 'merge-reply'; readonly id: number; readonly merged: boolean };

/** Coordinator to worker. */
export type ToDporWorker =
  | { readonly type: 'branch'; readonly branch: DporBranch; readonly id: number }
  | { readonly type: 'donate' }
  | { readonly type: 'stop' }
  /** Insert `sequence` at free state `state` of branch `branch` if it is still running there ({@link DporBranchRun.insertAt}); answer with merge-reply. */
  | { readonly type: 'merge'; readonly id: number; readonly branch: number; readonly state: number; readonly sequence: readonly EventInfo[] };

interface WorkerState {
  ready: boolean;
  /** The prefix of the branch it runs (grown by donations), or undefined when idle. */
  prefix: number[] | undefined;
  /** A donate request is unanswered. */
  asked: boolean;
  /** It had nothing to give when last asked, and has not reported running since: not asked again. */
  dry: boolean;
  /** Number of the branch it runs. */
  branch: number;
  /** It runs a rerun branch (never asked to give work up: its prefix is another branch's). */
  solo: boolean;
  executions: number;
  failures: number;
}

/** Options a split DPOR search accepts: the exploration's, run to its end. */
export type SplitOptions = Omit<ExploreOptions, 'clock' | 'firstRun'>;

/**
 * True when a DPOR exploration with these options can be split with the one-thread result:
 * the whole space is explored (no --max-executions: which executions fit a budget depends on
 * the order), and no per-execution race report (it names the first execution with a race).
 */
export function splitsDpor(options: ExploreOptions): boolean {
  return (options.strategy ?? 'dpor') === 'dpor' && options.maxExecutions === undefined && options.detectRaces !== true;
}

/** The coordinator; see the file comment. */
export class DporCoordinator {
  private readonly top: DporTop;
  private readonly workers: WorkerState[];
  private readonly daemons = new Set<number>();
  private readonly states = new Map<string, number>();
  private readonly outputs = new Map<string, number>();
  /** Kind of failure -> the first schedule a branch reported for it, and its execution count then. */
  private readonly failures = new Map<string, { schedule: readonly number[]; execution: number }>();
  private readonly traceKeys = new Set<string>();
  private readonly stats: DporStats = { sleepBlocked: 0, infeasible: 0, races: 0, inserted: 0 };
  private executions = 0;
  /** Executions run, repeats included. */
  private run = 0;
  /** Executions that repeated a trace already counted. */
  private redundant = 0;
  private complete = 0;
  private deadlocks = 0;
  private stepBound = 0;
  private abandoned = 0;
  private branches = 0;
  private donations = 0;
  private match = false;
  /** Sequences sent to the worker of a started branch, by message id, until it answers. */
  private readonly merges = new Map<number, LateMerge>();
  private mergeIds = 0;
  private timed = false;
  private stopping = false;
  private interrupted = false;

  constructor(
    readonly program: Program,
    readonly options: SplitOptions,
    workers: number,
  ) {
    const orderOutput = options.histogram === true || options.findOutput !== undefined;
    this.top = new DporTop({ orderOutput, daemon: (t) => this.daemons.has(t) });
    this.workers = Array.from({ length: Math.max(1, workers) }, () => ({ ready: false, prefix: undefined, asked: false, dry: false, solo: false, branch: -1, executions: 0, failures: 0 }));
  }

  private get stopOnFailure(): boolean {
    return !this.options.keepGoing && !this.options.histogram && this.options.findOutput === undefined;
  }

  /** True when every branch has ended (the whole space, or up to a stop). */
  get done(): boolean {
    const busy = this.workers.some((w) => w.prefix !== undefined);
    return !busy && this.merges.size === 0 && (this.stopping || this.interrupted || this.top.done);
  }

  /** Executions so far, summed over the workers, and kinds of failure found. */
  progress(): { executions: number; failures: number } {
    let executions = this.run;
    const kinds = new Set(this.failures.keys());
    let running = 0;
    for (const w of this.workers) {
      executions += w.executions;
      running += w.failures;
    }
    return { executions, failures: kinds.size + running };
  }

  /** Branches handed out and work given up by busy workers so far (how much the tree was split). */
  get splits(): { branches: number; donations: number; reruns: number; run: number; redundant: number } {
    return { branches: this.branches, donations: this.donations, reruns: this.top.stats.rerun, run: this.run, redundant: this.redundant };
  }

  /** Stop every worker at its next execution (Ctrl-C); the summary keeps what was found. */
  interrupt(): [number, ToDporWorker][] {
    this.interrupted = true;
    return this.stopAll();
  }

  /** A message from worker `w`; returns the messages to send (worker, message) in order. */
  receive(w: number, m: FromDporWorker): [number, ToDporWorker][] {
    const worker = this.workers[w]!;
    switch (m.type) {
      case 'ready':
        worker.ready = true;
        break;
      case 'progress':
        worker.executions = m.executions;
        worker.failures = m.failures;
        if (!worker.dry) return [];
        worker.dry = false;
        break;
      case 'races': {
        for (const d of m.daemons) this.daemons.add(d);
        const out: [number, ToDporWorker][] = [];
        for (const r of m.races) {
          const late = this.top.race(worker.prefix!, r);
          if (late !== undefined) out.push(...this.route(late));
        }
        return [...out, ...this.settle()];
      }
      case 'merge-reply': {
        const late = this.merges.get(m.id);
        if (late === undefined) break;
        this.merges.delete(m.id);
        this.top.placed(late, m.merged);
        break;
      }
      case 'donated':
        worker.asked = false;
        worker.dry = m.states === null;
        if (m.states !== null && worker.prefix !== undefined) {
          worker.prefix = this.top.donated(worker.prefix, m.states);
          this.donations++;
        }
        break;
      case 'branch-done': {
        this.add(m.result);
        this.top.finished(worker.prefix!);
        worker.prefix = undefined;
        worker.dry = false;
        worker.executions = 0;
        worker.failures = 0;
        if ((m.result.failures.length > 0 && this.stopOnFailure) || m.result.match) return [...this.stopAll(), ...this.settle()];
        break;
      }
    }
    return this.settle();
  }

  /**
   * Add what a part found outside this exchange (a shard's parts, `threadsim merge`);
   * `interrupted` when that part was stopped by the user.
   */
  absorb(r: BranchResult, interrupted = false): void {
    this.add(r);
    if (interrupted) this.interrupted = true;
  }

  /** Send a sequence for a started branch to the worker running it; with none, the top reruns it. */
  private route(late: LateMerge): [number, ToDporWorker][] {
    const i = this.workers.findIndex((w) => w.prefix !== undefined && !w.solo && sameSteps(w.prefix, late.prefix));
    if (i < 0) {
      this.top.placed(late, false);
      return [];
    }
    const id = this.mergeIds++;
    this.merges.set(id, late);
    return [[i, { type: 'merge', id, branch: this.workers[i]!.branch, state: late.prefix.length, sequence: late.sequence }]];
  }

  private add(r: BranchResult): void {
    for (const d of r.daemons) this.daemons.add(d);
    for (const f of r.failures) if (!this.failures.has(f.signature)) this.failures.set(f.signature, { schedule: f.schedule, execution: this.run + f.at });
    this.abandoned += r.abandoned;
    this.run += r.executions;
    // Count each trace once: a sequence run under a branch that had started may repeat some.
    for (const x of r.records) {
      if (x.trace !== '' && this.traceKeys.has(x.trace)) {
        this.redundant++;
        continue;
      }
      if (x.trace !== '') this.traceKeys.add(x.trace);
      this.executions++;
      if (x.ending === 0) this.complete++;
      else if (x.ending === 1) this.deadlocks++;
      else this.stepBound++;
      if (x.state !== undefined) this.states.set(x.state, (this.states.get(x.state) ?? 0) + 1);
      if (x.output !== undefined) this.outputs.set(x.output, (this.outputs.get(x.output) ?? 0) + 1);
    }
    this.stats.sleepBlocked += r.stats.sleepBlocked;
    this.stats.infeasible += r.stats.infeasible;
    this.stats.races += r.stats.races;
    this.stats.inserted += r.stats.inserted;
    if (r.match) this.match = true;
    if (r.timed) this.timed = true;
  }

  private stopAll(): [number, ToDporWorker][] {
    this.stopping = true;
    const out: [number, ToDporWorker][] = [];
    this.workers.forEach((w, i) => {
      if (w.prefix !== undefined) out.push([i, { type: 'stop' }]);
    });
    return out;
  }

  /** Hand branches to idle workers; when there are none, ask busy workers to give some up. */
  private settle(): [number, ToDporWorker][] {
    const out: [number, ToDporWorker][] = [];
    if (this.stopping || this.interrupted) return out;
    let idle = 0;
    this.workers.forEach((w, i) => {
      if (!w.ready || w.prefix !== undefined) return;
      const branch = this.top.take();
      if (branch === undefined) {
        idle++;
        return;
      }
      w.branch = this.branches++;
      w.prefix = [...branch.prefix];
      w.solo = branch.rerun === true;
      out.push([i, { type: 'branch', branch, id: w.branch }]);
    });
    if (idle === 0) return out;
    // Ask the busy workers with the shortest prefixes (the largest subtrees) first, one request
    // each; one that had nothing is asked again once it reports having run more.
    const asked = this.workers.filter((w) => w.asked).length;
    const candidates = this.workers.map((w, i) => ({ w, i })).filter(({ w }) => w.prefix !== undefined && !w.asked && !w.dry && !w.solo).sort((a, b) => a.w.prefix!.length - b.w.prefix!.length);
    for (const { w, i } of candidates.slice(0, Math.max(0, idle - asked))) {
      w.asked = true;
      out.push([i, { type: 'donate' }]);
    }
    return out;
  }

  /** The summary one thread gives (apart from timing); call once {@link done}. */
  summary(elapsedMs: number): ExploreSummary {
    const { maxExecutions: _m, ...portable } = this.options;
    const found = !this.interrupted && ((this.stopOnFailure && this.failures.size > 0) || this.match);
    if (found) {
      // The search stops at the first failure (or match) in its order: that order is the one thread's.
      const e = new Exploration(this.program, portable);
      e.run();
      return { ...e.summary(), elapsedMs };
    }
    const base = new Exploration(this.program, portable).summary();
    const notes = this.timed && !base.notes.includes(TIMED_NOTE) ? [...base.notes, TIMED_NOTE] : base.notes;
    const stopped = this.interrupted ? 'interrupted' : 'exhausted';
    return {
      ...base,
      notes,
      executions: this.executions,
      explored: this.executions,
      complete: this.complete,
      deadlocks: this.deadlocks,
      stepBound: this.stepBound,
      abandoned: this.abandoned,
      exhaustive: !this.interrupted,
      stopped,
      failures: this.interrupted ? this.foundSoFar() : this.firstFailures(portable),
      ...(this.options.histogram ? { histogram: { states: sorted(this.states), outputs: sorted(this.outputs) } } : {}),
      ...(this.options.countTraces ? { traces: this.traceKeys.size } : {}),
      dpor: { ...this.stats, infeasible: this.stats.infeasible + this.top.stats.infeasible, inserted: this.stats.inserted + this.top.stats.inserted },
      elapsedMs,
    };
  }

  /**
   * Every kind of failure found, each reported by the first execution that shows it in the
   * sequential order: the sequential search is re-run until it has met them all.
   */
  private firstFailures(options: SplitOptions): FoundFailure[] {
    if (this.failures.size === 0) return [];
    let tick = 0;
    const e = new Exploration(this.program, { ...options, keepGoing: true, clock: () => tick++ });
    while (!e.run(1) && e.progress().failures < this.failures.size);
    e.interrupt();
    return [...e.summary().failures];
  }

  /** After Ctrl-C: the failures found, replayed from their schedules, unshrunk, numbered by when their branch ended. */
  private foundSoFar(): FoundFailure[] {
    const o = this.options;
    const out: FoundFailure[] = [];
    for (const [signature, f] of this.failures) {
      const policy = new GuidedPolicy(f.schedule);
      const result = execute(this.program, { policy, seed: 0, untimed: o.untimed ?? false, maxSteps: o.maxSteps, cpuCount: o.cpuCount });
      const failure = result.failures.find((x) => failureSignature(x) === signature);
      if (failure === undefined) continue;
      out.push({ failure, signature, execution: f.execution, schedule: [...result.schedule], preemptions: policy.preemptions, steps: result.steps, result });
    }
    return out;
  }
}

function sameSteps(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
