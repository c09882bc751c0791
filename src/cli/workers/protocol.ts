/**
 * Messages between an exploration's coordinator and its worker threads. Everything here
 * survives structured cloning: options without functions, results without executions.
 */
import type { PartRange, PartResult, PortableOptions } from '../../scheduler/explore/workers/part.js';

/** What a worker needs to start: how to load the program, and the exploration's options. */
export interface WorkerSetup {
  /** URL of a module exporting `loadProgram(spec): Promise<Program>` (the caller's loader). */
  readonly loader: string;
  /** What the loader is given: a built-in name or a module path. */
  readonly spec: string;
  readonly options: PortableOptions;
}

/** Coordinator to worker. */
export type ToWorker = { readonly type: 'part'; readonly range: PartRange } | { readonly type: 'stop' } | { readonly type: 'close' };

/** Worker to coordinator. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly from: number; readonly executions: number; readonly failures: number }
  | { readonly type: 'result'; readonly result: PartResult }
  | { readonly type: 'error'; readonly error: PortableError };

/** An error raised in a worker, as the coordinator re-raises it. */
export interface PortableError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly fix?: string;
  readonly stack?: string;
}
