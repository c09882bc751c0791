/** The first thing every worker thread does: load the program its coordinator names. */
import type { Program } from '../../scheduler/program.js';
import { portable } from './portable.js';
import type { FromWorker, WorkerSetup } from './protocol.js';

/**
 * Import `setup.loader` and load `setup.spec` with it, then say `ready`; on failure send the
 * error (the coordinator rejects with it) and resolve to undefined.
 */
export async function loadProgram(setup: WorkerSetup, send: (m: FromWorker) => void): Promise<Program | undefined> {
  try {
    const mod = (await import(setup.loader)) as { loadProgram: (spec: string) => Promise<Program> };
    const program = await mod.loadProgram(setup.spec);
    send({ type: 'ready' });
    return program;
  } catch (e) {
    send({ type: 'error', error: portable(e) });
    return undefined;
  }
}
