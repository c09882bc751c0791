import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { program, type Program } from '../../src/scheduler/program.js';
import { shared } from '../../src/models/shared.js';
import { Thread } from '../../src/models/thread.js';
import { buildChoiceTree, type ChoiceTree } from '../../src/trace/choice-tree.js';
import { recordTrace } from './export/record.js';

/** Every complete schedule (thread per step) the tree holds, one per leaf. */
function leafSchedules(tree: ChoiceTree): string[] {
  const out: string[] = [];
  const walk = (node: number, prefix: number[]): void => {
    const n = tree.nodes[node]!;
    const here = [...prefix, ...n.steps.map((s) => s.t)];
    if (n.end !== undefined) out.push(here.join(','));
    for (const o of n.options ?? []) if (o.node !== undefined) walk(o.node, here);
  };
  walk(0, []);
  return out;
}

/** Two threads that each write a shared location twice. */
const twoWriters: Program = program('two-writers', function* main() {
  const s = shared('s', { x: 0 });
  function* w(v: number) {
    yield* s.set('x', v);
    yield* s.set('x', v + 10);
  }
  const a = new Thread({ target: w, args: [1] as [number] });
  const b = new Thread({ target: w, args: [2] as [number] });
  yield* a.start();
  yield* b.start();
});

describe('buildChoiceTree', () => {
  it('holds every schedule of a small program, each once', () => {
    const trace = recordTrace(twoWriters);
    const tree = buildChoiceTree(twoWriters, trace);
    expect(tree.unexplored).toBe(0);
    const leaves = leafSchedules(tree);
    // MainThread starts A (forced), then A's two writes interleave freely with MainThread's
    // start of B followed by B's two writes; exit comes last. Interleavings of a1<a2 with
    // m2<b1<b2: choose A's 2 positions among 5, C(5,2) = 10.
    expect(new Set(leaves).size).toBe(10);
    expect(leaves).toHaveLength(10);
    for (const l of leaves) {
      const order = l.split(',').map(Number);
      expect(order[0]).toBe(0);
      expect(order[order.length - 1]).toBe(0);
      expect(order.filter((t) => t === 1)).toHaveLength(2);
      expect(order.filter((t) => t === 2)).toHaveLength(2);
    }
  });

  it('starts from the trace: following its schedule through the options reaches a leaf with its steps', () => {
    const trace = recordTrace('tutorial/race');
    const tree = buildChoiceTree(builtin('tutorial/race')!, trace);
    let node = tree.nodes[0]!;
    const threads: number[] = node.steps.map((s) => s.t);
    while (node.end === undefined) {
      const next = node.options!.find((o) => o.t === trace.schedule[threads.length])!;
      node = tree.nodes[next.node!]!;
      threads.push(...node.steps.map((s) => s.t));
    }
    expect(threads).toEqual(trace.schedule);
    expect(node.end.failures).toEqual(trace.failures.map((f) => f.message));
  });

  // Python: with a sleep between the read and the write every schedule loses an update, and the
  // Lock held around both makes every schedule end at 2.
  it('tutorial/race loses the update on every explored branch; tutorial/locked-update on none', () => {
    const race = buildChoiceTree(builtin('tutorial/race')!, recordTrace('tutorial/race'));
    const raceEnds = race.nodes.filter((n) => n.end !== undefined);
    expect(raceEnds.length).toBe(race.executions);
    for (const n of raceEnds) expect(n.end!.failures.join()).toContain("claim 'no lost update' is false");
    const locked = buildChoiceTree(builtin('tutorial/locked-update')!, recordTrace('tutorial/locked-update'));
    const lockedEnds = locked.nodes.filter((n) => n.end !== undefined);
    expect(lockedEnds.length).toBeGreaterThan(10);
    for (const n of lockedEnds) expect(n.end!.failures).toEqual([]);
  });

  it('marks the race on every path of tutorial/race and on no path of tutorial/locked-update', () => {
    const marked = (tree: ChoiceTree): boolean[] => {
      const out: boolean[] = [];
      const walk = (node: number, seen: boolean): void => {
        const n = tree.nodes[node]!;
        const now = seen || n.steps.some((s) => s.rc !== undefined);
        if (n.end !== undefined) out.push(now);
        for (const o of n.options ?? []) if (o.node !== undefined) walk(o.node, now);
      };
      walk(0, false);
      return out;
    };
    const race = marked(buildChoiceTree(builtin('tutorial/race')!, recordTrace('tutorial/race')));
    expect(race.length).toBeGreaterThan(10);
    expect(race.every((m) => m)).toBe(true);
    const locked = marked(buildChoiceTree(builtin('tutorial/locked-update')!, recordTrace('tutorial/locked-update')));
    expect(locked.length).toBeGreaterThan(10);
    expect(locked.some((m) => m)).toBe(false);
  });

  it('stops at its bounds and leaves the unexplored choices without a node', () => {
    const tree = buildChoiceTree(builtin('tutorial/race')!, recordTrace('tutorial/race'), { maxExecutions: 3 });
    expect(tree.executions).toBe(3);
    expect(tree.nodes.filter((n) => n.end !== undefined)).toHaveLength(3);
    const open = tree.nodes.flatMap((n) => n.options ?? []).filter((o) => o.node === undefined);
    expect(open.length).toBe(tree.unexplored);
    expect(open.length).toBeGreaterThan(0);
    const small = buildChoiceTree(builtin('tutorial/race')!, recordTrace('tutorial/race'), { maxStoredSteps: 40 });
    const stored = small.nodes.reduce((n, node) => n + node.steps.length, 0);
    // The bound is checked before each execution, so it is passed by at most one execution's steps.
    expect(stored).toBeGreaterThanOrEqual(40);
    expect(stored).toBeLessThan(40 + recordTrace('tutorial/race').steps.length + 1);
  });

  it('the replay prefix runs the program by schedule', () => {
    const tree = buildChoiceTree(twoWriters, recordTrace(twoWriters));
    expect(tree.replayPrefix).toBe('npx threadsim run two-writers --schedule ');
  });
});
