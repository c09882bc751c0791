import { describe, expect, it } from 'vitest';
import { builtin } from '../../../src/examples/index.js';
import { findSplitSection } from '../../../src/scheduler/detect/split-sections.js';
import { execute } from '../../../src/scheduler/execution.js';
import { GilPolicy, RandomPolicy } from '../../../src/scheduler/policies/index.js';
import type { Program } from '../../../src/scheduler/program.js';
import { lockedCounter, splitSections, twoStage } from './programs.js';

function traceOf(p: Program, seed: number, random = true) {
  return execute(p, { policy: random ? new RandomPolicy() : new GilPolicy(), seed, record: true }).trace!;
}

describe('race-free atomicity violations (split critical sections)', () => {
  it('finds the read and the write of one update in two sections, another thread\'s write between', () => {
    const split = findSplitSection(traceOf(splitSections, 0, false));
    expect(split).toBeDefined();
    const { first, between, second } = split!;
    expect([first.access, between.access, second.access]).toEqual(['read', 'write', 'write']);
    expect(first.thread).toBe(second.thread);
    expect(between.thread).not.toBe(first.thread);
    expect(first.step < between.step && between.step < second.step).toBe(true);
  });

  it('finds a two-part change split over two sections, read in between (two locations)', () => {
    const r = execute(twoStage, { policy: new GilPolicy(), seed: 0, record: true });
    expect(r.failures.map((f) => f.kind)).toEqual(['claim']);
    const split = findSplitSection(r.trace!);
    expect([split?.first.obj, split?.between.obj, split?.second.obj]).toEqual(['state.a', 'state.a', 'state.b']);
    expect([split?.first.access, split?.between.access, split?.second.access]).toEqual(['write', 'read', 'write']);
  });

  it('finds nothing when each update is one critical section, under 50 random schedules', () => {
    for (const p of [lockedCounter, builtin('tutorial/locked-update')!]) {
      for (let seed = 0; seed < 50; seed++) expect(findSplitSection(traceOf(p, seed)), `${p.name} seed ${seed}`).toBeUndefined();
    }
  });
});
