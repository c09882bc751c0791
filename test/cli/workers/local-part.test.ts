/**
 * The exploration worker in the pool's own thread: it runs a part in slices between turns of
 * the event loop, reports progress and the part's result as a worker thread does, stops when
 * told, and hands on an error as a worker thread's error message.
 */
import { describe, expect, it } from 'vitest';
import { LocalPartWorker } from '../../../src/cli/workers/local-part.js';
import type { FromWorker } from '../../../src/cli/workers/protocol.js';
import { runPart } from '../../../src/scheduler/explore/workers/part.js';
import { program as makeProgram } from '../../../src/index.js';
import { named } from '../../scheduler/explore/helpers.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function until(got: FromWorker[], type: FromWorker['type']): Promise<void> {
  for (let i = 0; i < 100_000 && !got.some((m) => m.type === type); i++) await turn();
}

describe('LocalPartWorker', () => {
  const options = { strategy: 'random' as const, keepGoing: true, histogram: true };

  it('runs a part in slices and gives the result a worker thread gives', async () => {
    const program = named('zoo/dining-philosophers');
    const got: FromWorker[] = [];
    const local = new LocalPartWorker(program, options, (m) => got.push(m));
    local.postMessage({ type: 'part', range: { from: 100, count: 3000 } });
    expect(got).toEqual([]);
    await until(got, 'result');
    const result = got.find((m) => m.type === 'result');
    expect(result?.type === 'result' ? result.result : undefined).toEqual(runPart(program, options, { from: 100, count: 3000 }));
    expect(got.some((m) => m.type === 'progress')).toBe(true);
  });

  it('stops at its next run when told', async () => {
    const program = named('zoo/dining-philosophers');
    const got: FromWorker[] = [];
    const local = new LocalPartWorker(program, options, (m) => got.push(m));
    local.postMessage({ type: 'part', range: { from: 0, count: 1_000_000 } });
    await until(got, 'progress');
    local.postMessage({ type: 'stop' });
    await until(got, 'result');
    const result = got.find((m) => m.type === 'result');
    if (result?.type !== 'result') throw new Error('no result');
    expect(result.result.stopped).toBe('interrupted');
    expect(result.result.executions).toBeLessThan(1_000_000);
  });

  it('hands an error on as a worker thread does, with its threadsim code', async () => {
    const program = makeProgram('yields-a-number', function* main() {
      yield 42 as never;
    });
    const got: FromWorker[] = [];
    const local = new LocalPartWorker(program, options, (m) => got.push(m));
    local.postMessage({ type: 'part', range: { from: 0, count: 10 } });
    await until(got, 'error');
    const error = got.find((m) => m.type === 'error');
    expect(error?.type === 'error' ? error.error.code : undefined).toBe('TSIM001');
  });
});
