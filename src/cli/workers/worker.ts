/**
 * Entry of an exploration worker thread: loads the program once through the loader the
 * coordinator names, then runs the parts it is handed, one at a time, in slices, reporting
 * progress between slices and stopping a part when told (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PartRun } from '../../scheduler/explore/workers/part.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';
import { loadProgram } from './load-program.js';
import { portable } from './portable.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const send = (m: FromWorker): void => port.postMessage(m);
let current: PartRun | undefined;
const queue: ToWorker[] = [];
let wake: (() => void) | undefined;

port.on('message', (m: ToWorker) => {
  if (m.type === 'stop') current?.interrupt();
  else queue.push(m);
  wake?.();
});

async function main(): Promise<void> {
  const program = await loadProgram(setup, send);
  if (program === undefined) return;
  for (;;) {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const m = queue.shift()!;
    if (m.type === 'close') break;
    if (m.type !== 'part') continue;
    try {
      current = new PartRun(program, setup.options, m.range, () => performance.now());
      while (!current.run(50)) {
        const p = current.progress();
        send({ type: 'progress', from: m.range.from, executions: p.executions, failures: p.failures });
        // Let a stop message in between slices.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      send({ type: 'result', result: current.result() });
    } catch (e) {
      send({ type: 'error', error: portable(e) });
      return;
    } finally {
      current = undefined;
    }
  }
  port.close();
}

void main();
