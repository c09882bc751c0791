/**
 * A sampled exploration split across threads, with the result one process gives. The first
 * worker is this thread (local-part.ts), which starts at once; the others are worker threads.
 *
 * The runs (numbered in seed order) are cut into parts handed out in order, one part per idle
 * worker, so the front of the seed range is always being worked on. When a part stops on a
 * failure (or a match) at run r, no part beyond r is started and the ones running beyond it
 * are stopped; the parts before r run to their end, because one of them may fail earlier: the
 * failure reported is the first by seed order, exactly as in one process. Ctrl-C
 * ({@link ParallelExploration.interrupt}) stops every worker and keeps every failure found.
 *
 * node:worker_threads is used directly rather than a pool library (piscina): a worker here
 * is long-lived and stateful (it loads the user's program once), a part must be stoppable
 * midway and report progress while it runs, and the coordinator needs the results in its own
 * order; that is a message protocol of five kinds (protocol.ts), which a task pool's
 * promise-per-task model would have to be bent around, for a new dependency.
 *
 * The pool and the worker entry live with the command line, not in the engine's rooms: they
 * read wall clocks, timers and threads to drive explorations, as the CLI's own loop does. What
 * decides results (a part's runs, the merge in seed order, shard ranges) is pure and stays in
 * scheduler/explore/workers/.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ThreadsimError, type ErrorCode } from '../../errors.js';
import type { Program } from '../../scheduler/program.js';
import { DEFAULT_SAMPLES, type ExploreOptions, type ExploreSummary } from '../../scheduler/explore/explore.js';
import { mergeParts } from '../../scheduler/explore/workers/merge.js';
import type { PartRange, PartResult, PortableOptions } from '../../scheduler/explore/workers/part.js';
import type { FromWorker, PortableError, ToWorker, WorkerSetup } from './protocol.js';
import { WorkerRun } from './worker-run.js';
import { LocalPartWorker } from './local-part.js';

/** How to run an exploration on several threads. */
export interface ParallelOptions {
  /** Threads that run parts (at least 1), this one included: N-1 worker threads are started. */
  readonly workers: number;
  /** URL of a module exporting `loadProgram(spec)`, imported in each worker. */
  readonly loader: string;
  /** The program as the loader names it (a built-in name or a module path). */
  readonly spec: string;
  /** Runs per part. Default: about eight parts per worker, between 50 and 5,000 runs. */
  readonly partSize?: number;
  /** The worker entry (default: worker.js beside this module, i.e. the compiled dist/). */
  readonly workerUrl?: URL;
  /** Run only these runs (a shard's share); default all of `maxExecutions`. */
  readonly range?: PartRange;
  /** False: every worker is a worker thread, none runs in this thread (default true). */
  readonly inThisThread?: boolean;
}

const WORKER_ENTRY = new URL('./worker.js', import.meta.url);

/**
 * True when the worker entry is there to start: in the compiled package. Running from the
 * TypeScript sources (a test runner's transform) there is no worker.js, and worker threads
 * could not load the sources anyway.
 */
export function workersAvailable(): boolean {
  return WORKER_ENTRY.protocol === 'file:' && existsSync(fileURLToPath(WORKER_ENTRY));
}

interface Slot {
  /** A worker thread, or the worker in this thread (local-part.ts), which takes the same messages. */
  readonly worker: { postMessage(m: ToWorker): void; terminate(): Promise<unknown> };
  ready: boolean;
  running: { range: PartRange; executions: number; failures: number } | undefined;
}

/** A sampled exploration running on this thread and worker threads; drive it with {@link run}. */
export class ParallelExploration extends WorkerRun {
  private readonly slots: Slot[] = [];
  private readonly parts: PartResult[] = [];
  private readonly total: number;
  /** First run number of this pool's share, so progress counts against its own runs. */
  private readonly first: number;
  private readonly partSize: number;
  private nextFrom = 0;
  /** No part starting at or after this run is started (a part stopped there). */
  private limit: number;
  private interrupted = false;
  private merged: ExploreSummary | undefined;

  constructor(
    readonly program: Program,
    readonly options: ExploreOptions,
    readonly parallel: ParallelOptions,
  ) {
    super(options.clock);
    const range = parallel.range ?? { from: 0, count: options.maxExecutions ?? DEFAULT_SAMPLES };
    this.nextFrom = range.from;
    this.total = range.from + range.count;
    this.first = range.from;
    this.limit = this.total;
    const workers = Math.max(1, Math.floor(parallel.workers));
    this.partSize = parallel.partSize ?? Math.min(5000, Math.max(50, Math.ceil(range.count / (workers * 8))));
    const { clock: _clock, maxExecutions: _max, firstRun: _first, ...portable } = options;
    const setup: WorkerSetup = { loader: parallel.loader, spec: parallel.spec, options: portable satisfies PortableOptions };
    const url = parallel.workerUrl ?? WORKER_ENTRY;
    const count = Math.max(1, Math.min(workers, Math.ceil(range.count / this.partSize)));
    // The first worker runs in this thread: it starts at once, and one fewer isolate starts cold.
    const local = parallel.inThisThread !== false;
    if (local) {
      const slot: Slot = { worker: new LocalPartWorker(program, portable, (m) => this.onMessage(slot, m)), ready: true, running: undefined };
      this.slots.push(slot);
    }
    for (let i = local ? 1 : 0; i < count; i++) {
      const worker = new Worker(url, { workerData: setup });
      const slot: Slot = { worker, ready: false, running: undefined };
      worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (!this.finished && code !== 0) this.fail(new Error(`exploration worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
    if (local) this.settle();
  }

  /** True once every part has come back (or an error stopped the run). */
  get done(): boolean {
    return this.finished;
  }

  /** Runs made so far (summed over the workers) and kinds of failure found. */
  progress(): { executions: number; failures: number; elapsedMs: number; total: number } {
    let executions = 0;
    const kinds = new Set<string>();
    for (const p of this.parts) {
      executions += p.executions;
      for (const f of p.failures) kinds.add(f.signature);
    }
    let running = 0;
    for (const s of this.slots) {
      if (s.running === undefined) continue;
      executions += s.running.executions;
      running += s.running.failures;
    }
    return { executions, failures: kinds.size + running, elapsedMs: this.elapsed, total: this.total - this.first };
  }

  /** Stop every worker at its next run, keeping what was found (Ctrl-C). */
  interrupt(): void {
    if (this.finished || this.interrupted) return;
    this.interrupted = true;
    for (const s of this.slots) if (s.running !== undefined) this.post(s, { type: 'stop' });
    this.settle();
  }

  /** The results of the parts run so far (a shard writes these). */
  results(): readonly PartResult[] {
    return this.parts;
  }

  /** True when the run was interrupted (Ctrl-C). */
  get wasInterrupted(): boolean {
    return this.interrupted;
  }

  /** The merged summary, identical to one process's apart from timing. */
  summary(): ExploreSummary {
    if (!this.finished) throw new Error('the parallel exploration has not finished');
    this.merged ??= mergeParts(this.program, this.options, this.parts, { interrupted: this.interrupted, elapsedMs: this.elapsed });
    return this.merged;
  }

  protected terminate(): Promise<unknown> {
    return Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    switch (m.type) {
      case 'ready':
        slot.ready = true;
        break;
      case 'progress':
        if (slot.running !== undefined) {
          slot.running.executions = m.executions;
          slot.running.failures = m.failures;
        }
        return;
      case 'result': {
        slot.running = undefined;
        const r = m.result;
        this.parts.push(r);
        if (r.stopped === 'failure' || r.stopped === 'match') this.stopAt(r.from + r.executions - 1);
        break;
      }
      case 'error':
        this.fail(revive(m.error));
        return;
    }
    this.settle();
  }

  /** A part stopped at run `run`: nothing beyond it is needed. */
  private stopAt(run: number): void {
    if (run >= this.limit) return;
    this.limit = run;
    for (const s of this.slots) if (s.running !== undefined && s.running.range.from > run) this.post(s, { type: 'stop' });
  }

  /** Hand out parts to idle workers; notice the end. */
  protected settle(): void {
    if (this.error === undefined && !this.finished) {
      for (const s of this.slots) {
        if (!s.ready || s.running !== undefined || this.interrupted) continue;
        const end = Math.min(this.total, this.limit);
        if (this.nextFrom >= end) continue;
        const range = { from: this.nextFrom, count: Math.min(this.partSize, this.total - this.nextFrom) };
        this.nextFrom += range.count;
        s.running = { range, executions: 0, failures: 0 };
        this.post(s, { type: 'part', range });
      }
      const busy = this.slots.some((s) => s.running !== undefined);
      if (!busy && (this.interrupted || this.nextFrom >= Math.min(this.total, this.limit))) this.finished = true;
    }
    if (this.finished || this.error !== undefined) this.wake?.();
  }

  private post(slot: Slot, m: ToWorker): void {
    slot.worker.postMessage(m);
  }

}

/** The worker's error as the coordinator's: threadsim errors keep their code and wording. */
export function revive(e: PortableError): Error {
  if (e.code !== undefined && e.fix !== undefined) {
    const err = new ThreadsimError(e.code as ErrorCode, '', e.fix);
    err.message = e.message;
    return err;
  }
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack !== undefined) err.stack = e.stack;
  return err;
}
