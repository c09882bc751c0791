import { describe, expect, it } from 'vitest';
import { program } from '../../src/scheduler/program.js';
import { shared } from '../../src/models/shared.js';
import { Thread } from '../../src/models/thread.js';
import { buildChoiceTree } from '../../src/trace/choice-tree.js';
import { recordTrace } from './export/record.js';

/** Two threads of 20,000 writes each under random scheduling: thousands of choice points in one run. */
const long = program('long-run', function* main() {
  const s = shared('s', { a: 0, b: 0 });
  function* w(key: 'a' | 'b') {
    for (let i = 0; i < 20_000; i++) yield* s.set(key, i);
  }
  const ts = [new Thread({ target: w, args: ['a'] }), new Thread({ target: w, args: ['b'] })];
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
});

describe('choice tree bounds', () => {
  it('keeps only the queued choices it can still run, inside one long run', { timeout: 60_000 }, () => {
    const trace = recordTrace(long, 'random', 1);
    expect(trace.steps.length).toBeGreaterThan(40_000);
    // Before the bound, each of the ~20,000 choice points queued a copy of the schedule up to
    // it: hundreds of millions of numbers, more memory than the test process has.
    const tree = buildChoiceTree(long, trace, { maxExecutions: 3, maxStoredSteps: 500 });
    expect(tree.executions).toBeLessThanOrEqual(3);
    expect(tree.unexplored).toBeGreaterThan(10_000);
  });
});
