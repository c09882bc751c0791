import { describe, expect, it } from 'vitest';
import { happensBefore, happensBeforeEdges, vectorClocks } from '../../src/trace/happens-before.js';
import { traceOf } from './export/helpers.js';

describe('happens-before over a trace', () => {
  it('links spawn to the first step of the new thread and a thread end to its join', () => {
    const t = traceOf('tutorial/join');
    const edges = happensBeforeEdges(t);
    const spawn = t.steps.find((s) => s.kind === 'spawn')!;
    const firstOfChild = t.steps.find((s) => s.thread === spawn.spawned)!;
    expect(edges).toContainEqual({ from: spawn.step, to: firstOfChild.step, kind: 'spawn', obj: t.threads[1]!.name });
    const join = t.steps.find((s) => s.kind === 'join')!;
    const lastOfChild = t.steps.filter((s) => s.thread === join.joined).at(-1)!;
    expect(edges).toContainEqual({ from: lastOfChild.step, to: join.step, kind: 'join', obj: t.threads[1]!.name });
    for (const e of edges) {
      expect(e.from).toBeLessThan(e.to);
      expect(t.steps[e.from]!.thread).not.toBe(t.steps[e.to]!.thread);
    }
  });

  it("orders one worker's release of the lock before the other's acquire", () => {
    const t = traceOf('tutorial/locked-update');
    const edges = happensBeforeEdges(t).filter((e) => e.obj === '_lock');
    expect(edges.map((e) => [t.steps[e.from]!.kind, t.steps[e.to]!.kind])).toContainEqual(['release', 'acquire']);
  });

  it('vector clocks: program order and edges are ordered, concurrent steps are not', () => {
    const t = traceOf('tutorial/race');
    const vc = vectorClocks(t);
    const steps = t.steps;
    const w1Read = steps.find((s) => s.thread === 1 && s.kind === 'read')!.step;
    const w2Write = steps.find((s) => s.thread === 2 && s.kind === 'write')!.step;
    const w1Write = steps.find((s) => s.thread === 1 && s.kind === 'write')!.step;
    expect(happensBefore(vc, t, w1Read, w1Write)).toBe(true);
    expect(happensBefore(vc, t, w1Read, w2Write)).toBe(false);
    const lastMainRead = steps.filter((s) => s.thread === 0 && s.kind === 'read').at(-1)!.step;
    // MainThread joins both workers before its last read, so both writes happen before it.
    expect(happensBefore(vc, t, w1Write, lastMainRead)).toBe(true);
    expect(happensBefore(vc, t, w2Write, lastMainRead)).toBe(true);
  });
});
