import { describe, expect, it } from 'vitest';
import { program } from '../../src/scheduler/program.js';
import { shared } from '../../src/models/shared.js';
import { Thread } from '../../src/models/thread.js';
import { buildChoiceTree } from '../../src/trace/choice-tree.js';
import { recordTrace } from './export/record.js';

/** Two threads of 4,000 writes each under random scheduling: thousands of choice points in one run. */
const long = program('long-run', function* main() {
  const s = shared('s', { a: 0, b: 0 });
  function* w(key: 'a' | 'b') {
    for (let i = 0; i < 4000; i++) yield* s.set(key, i);
  }
  const ts = [new Thread({ target: w, args: ['a'] }), new Thread({ target: w, args: ['b'] })];
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
});

describe('choice tree bounds', () => {
  it('bounds stored steps and queued choices inside one long run, not only between runs', () => {
    const trace = recordTrace(long, 'random', 1);
    expect(trace.steps.length).toBeGreaterThan(8000);
    const tree = buildChoiceTree(long, trace, { maxExecutions: 5, maxStoredSteps: 500 });
    const stored = tree.nodes.reduce((n, node) => n + node.steps.length, 0);
    // The first node may hold a whole stretch with no choice; past it, the budget holds.
    expect(stored - tree.nodes[0]!.steps.length).toBeLessThanOrEqual(500);
    expect(tree.executions).toBeLessThanOrEqual(5);
    expect(tree.unexplored).toBeGreaterThan(0);
  });
});
