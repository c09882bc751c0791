import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { runPrefix } from '../../src/trace/live-run.js';
import { recordTrace } from './export/record.js';

const race = builtin('tutorial/race')!;
const recipe = { program: 'tutorial/race', policy: 'gil', seed: 0 };

describe('runPrefix', () => {
  it('following a recorded schedule as the prefix gives that run back, step for step', () => {
    const trace = recordTrace('tutorial/race');
    const run = runPrefix(race, trace.schedule, recipe);
    expect(run.schedule).toEqual(trace.schedule);
    expect(run.steps.map((s) => `${s.t} ${s.k} ${s.o ?? ''}`)).toEqual(trace.steps.map((s) => `${s.thread} ${s.kind} ${s.obj ?? ''}`));
    // Both workers read 0: the lost update.
    expect(run.finalState).toEqual({ db: { value: 1 } });
  });

  it('notes each choice point with every runnable thread, and a different pick changes the run from there', () => {
    const base = runPrefix(race, [], recipe);
    expect(base.choices.length).toBeGreaterThan(0);
    for (const c of base.choices) {
      expect(c.options.length).toBeGreaterThan(1);
      expect(c.options.map((o) => o.t)).toContain(base.schedule[c.step]);
    }
    const c = base.choices[0]!;
    const other = c.options.find((o) => o.t !== base.schedule[c.step])!;
    const moved = runPrefix(race, [...base.schedule.slice(0, c.step), other.t], recipe);
    expect(moved.schedule.slice(0, c.step)).toEqual(base.schedule.slice(0, c.step));
    expect(moved.schedule[c.step]).toBe(other.t);
  });
});
