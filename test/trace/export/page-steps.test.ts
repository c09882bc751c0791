import { describe, expect, it } from 'vitest';
import { pageSteps, VALUE_CHARS } from '../../../src/trace/export/page-steps.js';
import { recordTrace } from './record.js';

describe('pageSteps', () => {
  it('attaches each logging line to the log step that wrote it', () => {
    const trace = recordTrace('tutorial/locked-update');
    const steps = pageSteps(trace);
    trace.steps.forEach((s, i) => {
      const lines = steps[i]!.lg ?? [];
      if (s.kind === 'log') {
        expect(lines).toHaveLength(1);
        expect(lines[0]![1].endsWith(String(s.value))).toBe(true);
      } else {
        expect(lines).toEqual([]);
      }
    });
  });

  it('keeps the state changes, so folding them over the initial state gives the final state', () => {
    const trace = recordTrace('tutorial/race');
    const state: Record<string, Record<string, unknown>> = structuredClone(trace.initialState ?? {}) as Record<string, Record<string, unknown>>;
    for (const s of pageSteps(trace)) {
      for (const [store, values] of Object.entries(s.ch ?? {})) Object.assign((state[store] ??= {}), values);
    }
    expect(state).toEqual(trace.state);
  });

  it('cuts long values to a display length and names started threads with their notation label', () => {
    const trace = recordTrace('tutorial/race');
    const steps = pageSteps(trace);
    for (const s of steps) {
      if (s.r !== undefined) expect(Array.from(s.r).length).toBeLessThanOrEqual(VALUE_CHARS);
    }
    const started = steps.filter((s) => s.sp !== undefined).map((s) => [s.sp!.i, s.sp!.n, s.sp!.l]);
    // ThreadPoolExecutor-0_0 is longer than the notation prints in full, so it gets its index alias.
    expect(started).toEqual([
      [1, 'ThreadPoolExecutor-0_0', 'T1'],
      [2, 'ThreadPoolExecutor-0_1', 'T2'],
    ]);
  });
});
