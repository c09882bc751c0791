/**
 * The worker pool runs the compiled dist/ (worker threads cannot load vitest's TypeScript),
 * built by `npm test`'s pretest: this file imports the pool from there.
 */
import { describe, expect, it } from 'vitest';

const dist = new URL('../../../dist/', import.meta.url);
const { ParallelExploration } = (await import(new URL('cli/workers/pool.js', dist).href)) as typeof import('../../../src/cli/workers/pool.js');
const distExplore = (await import(new URL('scheduler/explore/explore.js', dist).href)) as typeof import('../../../src/scheduler/explore/explore.js');
const distBuiltin = ((await import(new URL('examples/index.js', dist).href)) as typeof import('../../../src/examples/index.js')).builtin;
const loader = new URL('cli/worker-load.js', dist).href;

describe('ParallelExploration', () => {
  it('sums the progress of its workers as they go, ending at the one-thread count', async () => {
    const spec = 'zoo/dining-philosophers';
    const program = distBuiltin(spec)!;
    const options = { strategy: 'random' as const, keepGoing: true, maxExecutions: 600, clock: () => performance.now() };
    const e = new ParallelExploration(program, options, { workers: 2, loader, spec, partSize: 50 });
    const seen: number[] = [];
    while (!(await e.run(20))) seen.push(e.progress().executions);
    const s = e.summary();
    expect(s.executions).toBe(600);
    expect(e.progress().executions).toBe(600);
    // Progress never goes back, and was seen between the start and the end.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.some((n) => n > 0 && n < 600)).toBe(true);
    const one = distExplore.explore(program, options);
    expect(s.failures.map((f) => [f.signature, f.execution])).toEqual(one.failures.map((f) => [f.signature, f.execution]));
  });

  it('with the first worker in this thread: it runs parts before the worker thread has started, and the result is one thread\'s', async () => {
    const spec = 'zoo/dining-philosophers';
    const program = distBuiltin(spec)!;
    const options = { strategy: 'random' as const, keepGoing: true, histogram: true, maxExecutions: 400 };
    const e = new ParallelExploration(program, options, { workers: 2, loader, spec, partSize: 50 });
    // One turn of the event loop: this thread's worker has run a slice, the thread is still starting.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(e.progress().executions).toBeGreaterThan(0);
    while (!(await e.run(20)));
    const s = e.summary();
    const one = distExplore.explore(program, options);
    expect(s.executions).toBe(400);
    expect(s.histogram).toEqual(one.histogram);
    expect(s.failures.map((f) => [f.signature, f.execution])).toEqual(one.failures.map((f) => [f.signature, f.execution]));
  });

  it('re-raises a worker thread\'s error with its threadsim code', async () => {
    const program = distBuiltin('tutorial/race')!;
    // Both workers are threads: a worker in this thread would finish the small run first.
    const e = new ParallelExploration(program, { strategy: 'random', maxExecutions: 100 }, { workers: 2, loader, spec: 'no/such-program', inThisThread: false });
    await expect(e.run()).rejects.toThrow(/unknown program 'no\/such-program' \(TSIM004\)/);
  });
});
