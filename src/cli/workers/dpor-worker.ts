/**
 * Entry of a DPOR job worker thread (see dpor-pool.ts): loads the program once through the
 * loader the coordinator names, then runs the jobs it is handed (scheduler/explore/workers/
 * dpor-jobs.ts), one at a time, in slices, sending between slices the top states it passed and
 * the races it reversed at top states (so the coordinator can hand new jobs to idle workers
 * early), and its progress. A stop ends the job at its next execution. The loop is serve.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DporBranchRun } from '../../scheduler/explore/workers/dpor-branch.js';
import type { FromJobWorker, ToJobWorker } from '../../scheduler/explore/workers/dpor-job-coordinator.js';
import type { FromWorker, WorkerSetup } from './protocol.js';
import { serve } from './serve.js';
import { threadCpuMs } from './thread-cpu.js';

const setup = workerData as WorkerSetup;
const send = (m: FromJobWorker | FromWorker): void => parentPort!.postMessage(m);
let current: DporBranchRun | undefined;

function flush(run: DporBranchRun): void {
  const top = run.takeTop();
  if (top.states !== undefined || top.races.length > 0) send({ type: 'top', states: top.states ?? null, races: top.races });
}

serve<ToJobWorker | { readonly type: 'close' }>(setup, send, {
  interrupt: () => current?.interrupt(),
  async run(program, m) {
    if (m.type !== 'job') return;
    const t0 = performance.now();
    const cpu0 = threadCpuMs();
    let busy = 0;
    current = new DporBranchRun(program, setup.options, { job: m.job }, () => performance.now());
    try {
      // The first slice is one execution: the top states and races it reports make the jobs idle workers wait for.
      for (let budget = 0; ; budget = 50) {
        const t = performance.now();
        const done = current.run(budget);
        busy += performance.now() - t;
        flush(current);
        if (done) break;
        const p = current.progress();
        send({ type: 'progress', executions: p.executions, failures: p.failures });
        // Let a stop message in between slices.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const cpu1 = threadCpuMs();
      send({ type: 'job-done', result: current.result(), busyMs: busy, wallMs: performance.now() - t0, ...(cpu0 === undefined || cpu1 === undefined ? {} : { cpuMs: cpu1 - cpu0 }) });
    } finally {
      current = undefined;
    }
  },
});
