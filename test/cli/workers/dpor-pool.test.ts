/**
 * The DPOR job pool on real worker threads (compiled dist/, built by `npm test`'s pretest):
 * the tree is split into several jobs run by both workers (this thread and a worker thread, or
 * two worker threads), every trace once, with the one-thread summary; Ctrl-C stops the workers
 * and keeps what was found.
 */
import { describe, expect, it } from 'vitest';

const dist = new URL('../../../dist/', import.meta.url);
const { ParallelDpor } = (await import(new URL('cli/workers/dpor-pool.js', dist).href)) as typeof import('../../../src/cli/workers/dpor-pool.js');
const distExplore = (await import(new URL('scheduler/explore/explore.js', dist).href)) as typeof import('../../../src/scheduler/explore/explore.js');
const distBuiltin = ((await import(new URL('examples/index.js', dist).href)) as typeof import('../../../src/examples/index.js')).builtin;
const loader = new URL('cli/worker-load.js', dist).href;

/** The one-thread search of lastzero(10) that both split searches are held to, run once for the file. */
let sequential: ReturnType<typeof distExplore.explore> | undefined;
const oneThread = (): ReturnType<typeof distExplore.explore> => (sequential ??= distExplore.explore(distBuiltin('bench/lastzero-10')!, { histogram: true, countTraces: true }));

describe('ParallelDpor', () => {
  it('lastzero(10) on two worker threads: jobs on both, each trace run once, the one-thread histogram, progress summed', async () => {
    // Large enough (3 jobs of 512, 1,280 and 1,536 executions) that the thread that starts first
    // cannot run them all before the other has started, even on a loaded machine.
    const spec = 'bench/lastzero-10';
    const program = distBuiltin(spec)!;
    const options = { histogram: true, countTraces: true, clock: () => performance.now() };
    const e = new ParallelDpor(program, options, { workers: 2, loader, spec, inThisThread: false });
    const seen: number[] = [];
    while (!(await e.run(5))) seen.push(e.progress().executions);
    const s = e.summary();
    const one = oneThread();
    const splits = e.coordinator.splits;
    expect(s.executions).toBe(3328);
    expect(s.traces).toBe(3328);
    expect(s.histogram).toEqual(one.histogram);
    expect(splits.run).toBe(3328);
    expect(splits.redundant).toBe(0);
    expect(splits.jobs).toBeGreaterThan(2);
    expect(splits.workers.every((w) => w.jobs > 0)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('lastzero(10) with worker 0 in this thread: it starts at once, the worker thread joins, each trace run once', async () => {
    const spec = 'bench/lastzero-10';
    const program = distBuiltin(spec)!;
    const options = { histogram: true, countTraces: true, clock: () => performance.now() };
    const e = new ParallelDpor(program, options, { workers: 2, loader, spec });
    // Worker 0 has its job before the worker thread has even started.
    expect(e.progress().executions).toBe(0);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(e.coordinator.splits.jobs).toBeGreaterThan(1);
    while (!(await e.run(5)));
    const s = e.summary();
    const one = oneThread();
    const splits = e.coordinator.splits;
    expect(s.executions).toBe(3328);
    expect(s.traces).toBe(3328);
    expect(s.histogram).toEqual(one.histogram);
    expect(splits.run).toBe(3328);
    expect(splits.redundant).toBe(0);
    expect(splits.workers[0]!.jobs).toBeGreaterThan(0);
    expect(splits.workers[0]!.executions + splits.workers[1]!.executions).toBe(3328);
  });

  it('stops every worker on interrupt and keeps the failures found', async () => {
    const spec = 'zoo/executor-swallowed-exception';
    const program = distBuiltin(spec)!;
    const e = new ParallelDpor(program, { keepGoing: true, clock: () => performance.now() }, { workers: 2, loader, spec });
    while (e.progress().failures === 0 && !(await e.run(1)));
    e.interrupt();
    while (!(await e.run(50)));
    const s = e.summary();
    expect(s.failures.length).toBeGreaterThan(0);
    if (s.stopped === 'interrupted') expect(s.exhaustive).toBe(false);
  });

  it("re-raises a worker thread's error with its threadsim code", async () => {
    const program = distBuiltin('tutorial/race')!;
    // Both workers are threads: worker 0 in this thread would finish the small search first.
    const e = new ParallelDpor(program, {}, { workers: 2, loader, spec: 'no/such-program', inThisThread: false });
    await expect(e.run()).rejects.toThrow(/unknown program 'no\/such-program' \(TSIM004\)/);
  });
});
