/**
 * The exploration worker that runs in the coordinator's own thread (the first slot of
 * pool.ts): it takes parts of a sampled exploration as a worker thread does, but starts at once,
 * while the worker threads are still starting (about a quarter of a second each), and on code
 * this thread has already loaded. It runs a part in short slices, each followed by a turn of the
 * event loop, so the workers' messages, the progress line and Ctrl-C wait at most one slice.
 */
import type { Program } from '../../scheduler/program.js';
import { PartRun, type PortableOptions } from '../../scheduler/explore/workers/part.js';
import { portable } from './portable.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** Milliseconds per slice: a worker thread that ends a part waits for this thread's slice to end before it gets the next. */
const SLICE_MS = 10;

/** A worker in this thread, with a worker thread's postMessage and terminate; see the file comment. */
export class LocalPartWorker {
  private current: PartRun | undefined;
  private closed = false;

  constructor(
    private readonly program: Program,
    private readonly options: PortableOptions,
    /** Delivers a message to the pool, as a worker thread's port would. */
    private readonly send: (m: FromWorker) => void,
  ) {}

  /** A message from the pool. */
  postMessage(m: ToWorker): void {
    if (m.type === 'stop') this.current?.interrupt();
    else if (m.type === 'close') void this.terminate();
    else {
      this.current = new PartRun(this.program, this.options, m.range, () => performance.now());
      setImmediate(() => this.slice());
    }
  }

  /** Stop for good. */
  terminate(): Promise<void> {
    this.closed = true;
    this.current = undefined;
    return Promise.resolve();
  }

  private slice(): void {
    const part = this.current;
    if (part === undefined || this.closed) return;
    try {
      if (part.run(SLICE_MS)) {
        this.current = undefined;
        this.send({ type: 'result', result: part.result() });
        return;
      }
      const p = part.progress();
      this.send({ type: 'progress', from: part.range.from, executions: p.executions, failures: p.failures });
    } catch (e) {
      this.closed = true;
      this.current = undefined;
      this.send({ type: 'error', error: portable(e) });
      return;
    }
    setImmediate(() => this.slice());
  }
}
