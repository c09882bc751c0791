/**
 * The DPOR job worker that runs in the coordinator's thread: it runs a job in slices between
 * turns of the event loop, reports the top it passes, its progress and its result as a worker
 * thread would, and stops at its next execution when told.
 */
import { describe, expect, it } from 'vitest';
import { LocalDporWorker } from '../../../src/cli/workers/dpor-local.js';
import type { FromJobWorker } from '../../../src/scheduler/explore/workers/dpor-job-coordinator.js';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { named } from '../../scheduler/explore/helpers.js';
import { program as makeProgram } from '../../../src/index.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function until(got: FromJobWorker[], type: FromJobWorker['type']): Promise<void> {
  for (let i = 0; i < 100_000 && !got.some((m) => m.type === type); i++) await turn();
}

describe('LocalDporWorker', () => {
  it('runs a whole-tree job in slices, yielding to the event loop, and reports what a worker thread reports', async () => {
    const program = named('bench/lastzero-8');
    const got: FromJobWorker[] = [];
    const local = new LocalDporWorker(program, {}, (m) => got.push(m), (e) => {
      throw e;
    });
    local.receive({ type: 'job', id: 0, job: { prefix: [], before: [], depth: 0 } });
    // Nothing runs until the event loop turns.
    expect(got).toEqual([]);
    await until(got, 'job-done');
    const done = got.find((m) => m.type === 'job-done');
    if (done?.type !== 'job-done') throw new Error('no job-done');
    expect(done.result.executions).toBe(explore(program).executions);
    expect(done.result.stopped).toBe(false);
    expect(got.filter((m) => m.type === 'progress').length).toBeGreaterThan(0);
    expect(got.at(-1)).toBe(done);
  });

  it('stops at its next execution when told, keeping what it ran', async () => {
    const program = named('bench/lastzero-8');
    const got: FromJobWorker[] = [];
    const local = new LocalDporWorker(program, {}, (m) => got.push(m), (e) => {
      throw e;
    });
    local.receive({ type: 'job', id: 0, job: { prefix: [], before: [], depth: 0 } });
    await until(got, 'progress');
    local.receive({ type: 'stop' });
    await until(got, 'job-done');
    const done = got.find((m) => m.type === 'job-done');
    if (done?.type !== 'job-done') throw new Error('no job-done');
    expect(done.result.stopped).toBe(true);
    expect(done.result.executions).toBeGreaterThan(0);
    expect(done.result.executions).toBeLessThan(explore(program).executions);
  });

  it('hands an error of the job to the pool', async () => {
    // A thread that yields something other than an op: the engine raises TSIM001.
    const program = makeProgram('yields-a-number', function* main() {
      yield 42 as never;
    });
    const errors: Error[] = [];
    const local = new LocalDporWorker(program, {}, () => undefined, (e) => errors.push(e));
    local.receive({ type: 'job', id: 0, job: { prefix: [], before: [], depth: 0 } });
    for (let i = 0; i < 1000 && errors.length === 0; i++) await turn();
    expect(errors[0]?.message).toMatch(/yielded number 42/);
  });
});
