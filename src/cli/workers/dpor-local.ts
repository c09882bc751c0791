/**
 * The DPOR job worker that runs in the coordinator's own thread (worker 0 of dpor-pool.ts).
 * It starts at once, while the worker threads are still starting (about a quarter of a second
 * each: a fresh isolate, Node's bootstrap, the program's modules), and it runs on code this
 * thread has already loaded. It runs its job in short slices, each followed by a turn of the
 * event loop, so the workers' messages, the progress line and Ctrl-C wait at most one slice.
 */
import type { Program } from '../../scheduler/program.js';
import { DporBranchRun, type BranchOptions } from '../../scheduler/explore/workers/dpor-branch.js';
import type { FromJobWorker, ToJobWorker } from '../../scheduler/explore/workers/dpor-job-coordinator.js';
import { threadCpuMs } from './thread-cpu.js';

/**
 * Milliseconds per slice. A worker thread that ends a job waits for the coordinator, and so for
 * the end of this thread's slice, before it gets the next one: slices stay short.
 */
const SLICE_MS = 10;

/** Runs the jobs the coordinator hands worker 0, in this thread; see the file comment. */
export class LocalDporWorker {
  private current: { run: DporBranchRun; t0: number; cpu0: number | undefined; busy: number } | undefined;
  private closed = false;

  constructor(
    private readonly program: Program,
    private readonly options: BranchOptions,
    /** Delivers a message to the coordinator, as a worker thread's port would. */
    private readonly send: (m: FromJobWorker) => void,
    /** Receives an error a job raised (the search then ends with it). */
    private readonly fail: (e: Error) => void,
  ) {}

  /** A message from the coordinator. */
  receive(m: ToJobWorker): void {
    if (m.type === 'stop') {
      this.current?.run.interrupt();
      return;
    }
    this.current = { run: new DporBranchRun(this.program, this.options, { job: m.job }, () => performance.now()), t0: performance.now(), cpu0: threadCpuMs(), busy: 0 };
    // The first slice is one execution, as in a worker thread: the top states and races it
    // reports make the jobs the idle workers wait for.
    setImmediate(() => this.slice(0));
  }

  /** Stop for good (the search is over or failed). */
  close(): void {
    this.closed = true;
    this.current = undefined;
  }

  private slice(budget: number): void {
    const job = this.current;
    if (job === undefined || this.closed) return;
    try {
      const t = performance.now();
      const done = job.run.run(budget);
      job.busy += performance.now() - t;
      const top = job.run.takeTop();
      if (top.states !== undefined || top.races.length > 0) this.send({ type: 'top', states: top.states ?? null, races: top.races });
      if (done) {
        this.current = undefined;
        const cpu1 = threadCpuMs();
        this.send({ type: 'job-done', result: job.run.result(), busyMs: job.busy, wallMs: performance.now() - job.t0, ...(job.cpu0 === undefined || cpu1 === undefined ? {} : { cpuMs: cpu1 - job.cpu0 }) });
        return;
      }
      const p = job.run.progress();
      this.send({ type: 'progress', executions: p.executions, failures: p.failures });
    } catch (e) {
      this.close();
      this.fail(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    setImmediate(() => this.slice(SLICE_MS));
  }
}
