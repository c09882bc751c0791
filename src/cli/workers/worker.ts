/**
 * Entry of an exploration worker thread: loads the program once through the loader the
 * coordinator names, then runs the parts it is handed, one at a time, in slices, reporting
 * progress between slices and stopping a part when told (see pool.ts; the loop is serve.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PartRun } from '../../scheduler/explore/workers/part.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';
import { serve } from './serve.js';

const setup = workerData as WorkerSetup;
const send = (m: FromWorker): void => parentPort!.postMessage(m);
let current: PartRun | undefined;

serve<ToWorker>(setup, send, {
  interrupt: () => current?.interrupt(),
  async run(program, m) {
    if (m.type !== 'part') return;
    current = new PartRun(program, setup.options, m.range, () => performance.now());
    try {
      while (!current.run(50)) {
        const p = current.progress();
        send({ type: 'progress', from: m.range.from, executions: p.executions, failures: p.failures });
        // Let a stop message in between slices.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      send({ type: 'result', result: current.result() });
    } finally {
      current = undefined;
    }
  },
});
