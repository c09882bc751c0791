import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../src/scheduler/execution.js';
import { traceExcerpt } from '../../src/trace/explain.js';

function step(i: number, thread: number, access: StepRecord['access'] = 'none'): StepRecord {
  return { step: i, time: i, thread, kind: access === 'read' ? 'read' : access === 'write' ? 'write' : 'log', obj: access === 'none' ? undefined : 'x', access, value: access === 'write' ? i : 'hi', result: access === 'read' ? 0 : undefined, since: i, timedOut: false, state: {} };
}
const name = (i: number): string => `T${i}`;

describe('trace excerpts', () => {
  it('a short window shows every step from the first to the last access, marking the accesses', () => {
    const trace = [step(0, 0), step(1, 1, 'read'), step(2, 2), step(3, 0, 'write'), step(4, 1)];
    const lines = traceExcerpt(trace, [1, 3], name);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.startsWith('>'))).toEqual([true, false, true]);
    expect(lines[0]).toContain('read x -> 0');
    expect(lines[2]).toContain('write x = 3');
  });

  it('a long window keeps only the threads of the accesses, and says how many steps it left out', () => {
    // 20 steps: T1 reads at 0, T2 writes at 19, T3 fills everything between.
    const trace = [step(0, 1, 'read'), ...Array.from({ length: 18 }, (_, i) => step(i + 1, 3)), step(19, 2, 'write')];
    const lines = traceExcerpt(trace, [0, 19], name);
    expect(lines).toEqual([expect.stringContaining('T1'), '    ... 18 steps not shown', expect.stringContaining('T2')]);
  });
});
