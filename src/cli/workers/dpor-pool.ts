/**
 * A DPOR search split into jobs across N threads (`explore --strategy dpor --workers N`), with
 * the report one thread gives apart from timing. Worker 0 is this thread (dpor-local.ts), which
 * starts on the search at once; workers 1 to N-1 are node:worker_threads, which join it once
 * they have started. The exchange itself (which job goes where, what a race adds, the summary)
 * is the pure state machine of scheduler/explore/workers/dpor-job-coordinator.ts; this file
 * only carries its messages (worker threads' ports keep each channel's order, as the
 * coordinator needs) and waits. Ctrl-C ({@link ParallelDpor.interrupt}) stops every worker at
 * its next execution and keeps every failure found.
 */
import { Worker } from 'node:worker_threads';
import type { Program } from '../../scheduler/program.js';
import type { ExploreOptions, ExploreSummary } from '../../scheduler/explore/explore.js';
import { DporJobCoordinator, type FromJobWorker, type ToJobWorker } from '../../scheduler/explore/workers/dpor-job-coordinator.js';
import type { PortableOptions } from '../../scheduler/explore/workers/part.js';
import { revive } from './pool.js';
import type { FromWorker, WorkerSetup } from './protocol.js';
import { WorkerRun } from './worker-run.js';
import { LocalDporWorker } from './dpor-local.js';

const DPOR_WORKER_ENTRY = new URL('./dpor-worker.js', import.meta.url);

/**
 * Wall time below which a DPOR search split across threads was measured no faster than one
 * thread (docs/parallel.md, "DPOR on workers"): each worker thread starts cold, with its own
 * start-up and its own compiling of the program's code.
 */
export const SHORT_SPLIT_MS = 2_000;

/** How to run a DPOR search on several threads. */
export interface ParallelDporOptions {
  /** Threads that search, this one included (N-1 worker threads are started). */
  readonly workers: number;
  /** URL of a module exporting `loadProgram(spec)`, imported in each worker. */
  readonly loader: string;
  /** The program as the loader names it. */
  readonly spec: string;
  /** The top's depth (default: by the program and the worker count, see topDepth). */
  readonly depth?: number;
  /** False: all N workers are worker threads, none runs in this thread (default true). */
  readonly inThisThread?: boolean;
}

/** A DPOR search running on this thread and worker threads; drive it with {@link run}. */
export class ParallelDpor extends WorkerRun {
  /** The worker threads: workers `first` to N-1 (index i holds worker i + first). */
  private readonly workers: Worker[] = [];
  /** 1 when worker 0 runs in this thread, else 0. */
  private readonly first: number;
  private readonly local: LocalDporWorker | undefined;
  readonly coordinator: DporJobCoordinator;
  private merged: ExploreSummary | undefined;
  private interrupted = false;

  constructor(
    readonly program: Program,
    readonly options: ExploreOptions,
    parallel: ParallelDporOptions,
  ) {
    super(options.clock);
    const { clock: _clock, maxExecutions: _max, firstRun: _first, ...portable } = options;
    const n = Math.max(1, Math.floor(parallel.workers));
    this.coordinator = new DporJobCoordinator(program, portable, n, parallel.depth);
    const setup: WorkerSetup = { loader: parallel.loader, spec: parallel.spec, options: portable satisfies PortableOptions };
    const local = parallel.inThisThread !== false;
    this.first = local ? 1 : 0;
    for (let i = this.first; i < n; i++) {
      const worker = new Worker(DPOR_WORKER_ENTRY, { workerData: setup });
      worker.on('message', (m: FromJobWorker | FromWorker) => this.onMessage(i, m));
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (!this.finished && code !== 0) this.fail(new Error(`DPOR worker exited with code ${code}`));
      });
      this.workers.push(worker);
    }
    if (local) {
      this.local = new LocalDporWorker(program, portable, (m) => this.onMessage(0, m), (e) => this.fail(e));
      this.onMessage(0, { type: 'ready' });
    }
  }

  get done(): boolean {
    return this.finished;
  }

  /** Executions so far, summed over the workers, and kinds of failure found. */
  progress(): { executions: number; failures: number; elapsedMs: number } {
    return { ...this.coordinator.progress(), elapsedMs: this.elapsed };
  }

  /** Stop every worker at its next execution, keeping what was found (Ctrl-C). */
  interrupt(): void {
    if (this.finished) return;
    this.interrupted = true;
    this.post(this.coordinator.interrupt());
    this.settle();
  }

  /**
   * A note for the user when the whole search took less than {@link SHORT_SPLIT_MS}: on such
   * a search the split does not pay. Undefined otherwise, and after an interrupt.
   */
  shortNote(): string | undefined {
    if (!this.finished || this.interrupted || this.elapsed >= SHORT_SPLIT_MS || this.coordinator.splits.workers.length < 2) return undefined;
    return `this DPOR search took ${(this.elapsed / 1000).toFixed(1)} s; below about ${SHORT_SPLIT_MS / 1000} s, --workers is measured no faster than one thread (each worker thread starts cold and compiles the program's code afresh): drop --workers for searches this short (docs/parallel.md)`;
  }

  /** The summary, identical to one thread's apart from timing. */
  summary(): ExploreSummary {
    if (!this.finished) throw new Error('the parallel DPOR search has not finished');
    this.merged ??= this.coordinator.summary(this.elapsed);
    return this.merged;
  }

  protected terminate(): Promise<unknown> {
    this.local?.close();
    return Promise.all(this.workers.map((w) => w.terminate()));
  }

  private onMessage(i: number, m: FromJobWorker | FromWorker): void {
    if (m.type === 'error') {
      this.fail(revive(m.error));
      return;
    }
    if (m.type === 'result' || (m.type === 'progress' && 'from' in m)) return;
    this.post(this.coordinator.receive(i, m as FromJobWorker));
    this.settle();
  }

  private post(out: [number, ToJobWorker][]): void {
    for (const [i, m] of out) {
      if (i < this.first) this.local!.receive(m);
      else this.workers[i - this.first]!.postMessage(m);
    }
  }

  protected settle(): void {
    if (!this.finished && this.coordinator.done) this.finished = true;
    if (this.finished || this.error !== undefined) this.wake?.();
  }

}
