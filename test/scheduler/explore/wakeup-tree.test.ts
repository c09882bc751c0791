import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLOCK, dependent, type DependencyRules, type EventInfo } from '../../../src/scheduler/explore/events.js';
import { UNKNOWN } from '../../../src/scheduler/explore/availability.js';
import { childrenOf, insertSequence, WakeupSequence, type WakeupNode } from '../../../src/scheduler/explore/wakeup-tree.js';

const rules: DependencyRules = { orderOutput: true, daemon: (t) => t === 3 };

/**
 * A step of `thread`: mostly reads and writes of a few objects; about one in `edges` steps
 * each a spawn, a join, a log, a read of two objects and a sleep (a third of them ordered by
 * the virtual clock), and one in `exits` an interpreter exit (which depends on nearly
 * everything).
 */
const eventArb = (threads: number, objects: number, edges = 8, exits = 40): fc.Arbitrary<EventInfo> =>
  fc
    .record({
      thread: fc.integer({ min: 0, max: threads - 1 }),
      shape: fc.integer({ min: 0, max: edges * exits - 1 }),
      obj: fc.integer({ min: 0, max: objects - 1 }).map((o) => (o % 10 === 0 ? 'a' : `o${o}`)),
      other: fc.integer({ min: 0, max: threads - 1 }),
    })
    .map(({ thread, shape, obj, other }): EventInfo => {
      const base = { thread, objs: undefined, spawned: -1, joins: -1, blocking: false, glued: false, take: false, before: UNKNOWN, timed: 0 } as const;
      if (shape === 0) return { ...base, kind: 'exit', obj: undefined, access: 'none' };
      const kind = shape % edges;
      if (kind === 1) return { ...base, kind: 'spawn', obj: undefined, access: 'none', spawned: other };
      if (kind === 2) return { ...base, kind: 'join', obj: undefined, access: 'none', joins: other, blocking: true };
      if (kind === 3) return { ...base, kind: 'log', obj: undefined, access: 'none' };
      if (kind === 4) return { ...base, kind: 'read', obj, access: 'read', objs: [obj === 'a' ? 'b' : 'a'] };
      if (kind === 5) return { ...base, kind: 'sleep', obj: undefined, access: 'none', timed: shape % 3 === 0 ? CLOCK : 0 };
      return { ...base, kind: shape % 2 === 0 ? 'write' : 'read', obj, access: shape % 2 === 0 ? 'write' : 'read' };
    });

/** The definition of a weak initial, by brute force over the remaining steps. */
function reference(events: readonly EventInfo[], removed: readonly boolean[], e: EventInfo): number | undefined {
  const first = events.findIndex((x, i) => !removed[i] && x.thread === e.thread);
  if (first >= 0) {
    for (let y = 0; y < first; y++) if (!removed[y] && dependent(events[y]!, events[first]!, rules)) return undefined;
    return first;
  }
  for (let y = 0; y < events.length; y++) if (!removed[y] && dependent(e, events[y]!, rules)) return undefined;
  return -1;
}

/**
 * Ask for weak initials, consuming each one found, as tree insertion does. Half the asks are
 * a thread's own next step in the sequence (as a tree built from it holds), so that long
 * descents happen; the others are any step.
 */
let consumed = 0;

function agreesWithReference(events: readonly EventInfo[], asks: readonly { readonly own: boolean; readonly e: EventInfo }[]): void {
  const seq = new WakeupSequence(events, rules);
  const removed = events.map(() => false);
  for (const ask of asks) {
    const own = events.find((x, i) => !removed[i] && x.thread === ask.e.thread);
    const e = ask.own && own !== undefined ? own : ask.e;
    const want = reference(events, removed, e);
    expect(seq.weakInitial(e)).toBe(want);
    if (want !== undefined && want >= 0) {
      seq.consume(want);
      removed[want] = true;
      consumed++;
    }
  }
  expect(seq.rest()).toEqual(events.filter((_, i) => !removed[i]));
}

describe('WakeupSequence.weakInitial', () => {
  const asks = (threads: number, objects: number, most: number, edges?: number, exits?: number) =>
    fc.array(fc.record({ own: fc.boolean(), e: eventArb(threads, objects, edges, exits) }), { minLength: most / 2, maxLength: most });

  it('matches the definition on short sequences (memoised dependencies)', () => {
    fc.assert(
      fc.property(fc.array(eventArb(5, 4), { minLength: 1, maxLength: 60 }), asks(6, 4, 80), agreesWithReference),
      { seed: 16, numRuns: 200 },
    );
  });

  // Order edges (spawn, join, exit) make many steps depend on each other; rarer ones let
  // descents consume long runs of steps, which exercises the per-thread cursors.
  it.each([
    [8, 40],
    [8, 4000],
    [80, 4000],
  ])('matches the definition on sequences too long to memoise (indexed lookups; edges 1 in %i, exits 1 in %i)', (edges, exits) => {
    consumed = 0;
    fc.assert(
      fc.property(fc.array(eventArb(40, 300, edges, exits), { minLength: 1100, maxLength: 1300 }), asks(41, 300, 600, edges, exits), agreesWithReference),
      { seed: 16, numRuns: 4, endOnFailure: true },
    );
    expect(consumed).toBeGreaterThan(exits === 40 ? 0 : 100);
  });
});

describe('wakeup tree branches inserted as chains', () => {
  const step = (thread: number, obj: string, write: boolean): EventInfo => ({
    thread, kind: write ? 'write' : 'read', obj, objs: undefined, access: write ? 'write' : 'read',
    spawned: -1, joins: -1, blocking: false, glued: false, take: false, before: UNKNOWN, timed: 0,
  });
  /** Every root-to-leaf path of the tree, as thread numbers, walking children through childrenOf. */
  function paths(roots: WakeupNode[]): number[][] {
    const out: number[][] = [];
    const walk = (n: WakeupNode, prefix: number[]): void => {
      const here = [...prefix, n.event.thread];
      const kids = childrenOf(n);
      if (kids.length === 0) out.push(here);
      for (const c of kids) walk(c, here);
    };
    for (const r of roots) walk(r, []);
    return out;
  }

  it('a sequence inserted into an empty tree is walked back in order; an equivalent one adds nothing, another adds a branch', () => {
    const roots: WakeupNode[] = [];
    const first = [step(1, 'x', true), step(2, 'y', true), step(1, 'z', true), step(2, 'x', true)];
    expect(insertSequence(roots, new WakeupSequence(first, rules))).toBe(true);
    // The same trace (thread 1's z and thread 2's x commute): covered by the first branch.
    const second = [step(1, 'x', true), step(2, 'y', true), step(2, 'x', true), step(1, 'z', true)];
    expect(insertSequence(roots, new WakeupSequence(second, rules))).toBe(false);
    // Thread 2 writes x before thread 1 does: a new branch at the root.
    const third = [step(2, 'x', true), step(1, 'x', true)];
    expect(insertSequence(roots, new WakeupSequence(third, rules))).toBe(true);
    expect(paths(roots)).toEqual([[1, 2, 1, 2], [2, 1]]);
  });

  it('a long chain is made node by node: walking one level makes one child', () => {
    const long = Array.from({ length: 5000 }, (_, i) => step(i % 2, `o${i}`, true));
    const roots: WakeupNode[] = [];
    insertSequence(roots, new WakeupSequence(long, rules));
    let node = roots[0]!;
    let depth = 1;
    for (let kids = childrenOf(node); kids.length > 0; kids = childrenOf(node)) {
      expect(kids).toHaveLength(1);
      node = kids[0]!;
      expect(node.event).toBe(long[depth]);
      depth++;
    }
    expect(depth).toBe(long.length);
  });
});
