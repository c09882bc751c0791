/**
 * The loop every worker thread runs (worker.ts for sampled runs, dpor-worker.ts for DPOR
 * jobs): load the program the coordinator names through its loader and say `ready`, then do
 * the work messages one at a time. `stop` interrupts the work in progress, `close` ends the
 * thread, and an error in the work goes to the coordinator (which rejects with it) and ends
 * the thread.
 */
import { parentPort } from 'node:worker_threads';
import type { Program } from '../../scheduler/program.js';
import { portable } from './portable.js';
import type { FromWorker, WorkerSetup } from './protocol.js';

/** What a worker does with its messages. */
export interface WorkerJobs<M> {
  /** Do one message's work (other than `stop` and `close`). */
  run(program: Program, m: M): Promise<void>;
  /** Stop the work in progress at its next execution (a `stop` message). */
  interrupt(): void;
}

/** Run the worker loop; see the file comment. */
export function serve<M extends { readonly type: string }>(setup: WorkerSetup, send: (m: FromWorker) => void, jobs: WorkerJobs<M>): void {
  const port = parentPort!;
  const queue: M[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (m: M) => {
    if (m.type === 'stop') jobs.interrupt();
    else queue.push(m);
    wake?.();
  });
  const main = async (): Promise<void> => {
    let program: Program;
    try {
      const mod = (await import(setup.loader)) as { loadProgram: (spec: string) => Promise<Program> };
      program = await mod.loadProgram(setup.spec);
    } catch (e) {
      send({ type: 'error', error: portable(e) });
      return;
    }
    send({ type: 'ready' });
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const m = queue.shift()!;
      if (m.type === 'close') break;
      try {
        await jobs.run(program, m);
      } catch (e) {
        send({ type: 'error', error: portable(e) });
        return;
      }
    }
    port.close();
  };
  void main();
}
