import { describe, expect, it } from 'vitest';
import { builtin } from '../../../src/examples/index.js';
import { RaceMonitor } from '../../../src/scheduler/detect/index.js';
import { execute } from '../../../src/scheduler/execution.js';
import { GilPolicy } from '../../../src/scheduler/policies/index.js';
import { puzzleOf } from '../../../src/trace/export/puzzle.js';
import { toTraceFile } from '../../../src/trace/format.js';

function detected(name: string): ReturnType<typeof toTraceFile> {
  const exec = execute(builtin(name)!, { policy: new GilPolicy(), seed: 0, record: true, monitor: new RaceMonitor({ patterns: true }) });
  return toTraceFile(exec, { program: name, policy: 'gil', seed: 0 });
}

describe('puzzleOf', () => {
  it('tutorial/race: the goal is the lost update as an end state, and no hint names a step', () => {
    const p = puzzleOf(detected('tutorial/race'));
    // Python's tutorial ends at 1 instead of 2 when both workers read 0.
    expect(p.goal).toMatch(/^Make db\.value end at 1:/);
    expect(p.expect).toEqual({ 'db.value': '1' });
    expect(p.anyFailure).toBe(false);
    expect(p.hints.length).toBeGreaterThanOrEqual(2);
    expect(p.hints.join(' ')).toContain('db.value');
    for (const text of [p.goal, ...p.hints]) expect(text).not.toMatch(/step \d|steps? \d/);
  });

  it('the same without detected races: races found in the trace steps', () => {
    const exec = execute(builtin('tutorial/race')!, { policy: new GilPolicy(), seed: 0, record: true });
    expect(puzzleOf(toTraceFile(exec, { program: 'tutorial/race', policy: 'gil', seed: 0 })).expect).toEqual({ 'db.value': '1' });
  });

  it('tutorial/locked-update: no failure recorded, so the goal is to find any', () => {
    const p = puzzleOf(detected('tutorial/locked-update'));
    expect(p.anyFailure).toBe(true);
    expect(p.expect).toEqual({});
  });
});

describe('puzzleOf a run that races but ends well', () => {
  it('sets the goal of making a claim fail, not of reaching the (correct) end state', async () => {
    const { default: counter } = await import('../../fixtures/counter-program.js');
    const exec = execute(counter, { policy: new GilPolicy(), seed: 0, record: true, monitor: new RaceMonitor({ patterns: true }) });
    const trace = toTraceFile(exec, { program: 'counter', policy: 'gil', seed: 0 });
    // Races only: no claim failed in the recorded run.
    expect(new Set(trace.failures.map((f) => f.kind))).toEqual(new Set(['race']));
    const p = puzzleOf(trace);
    expect(p.anyFailure).toBe(true);
    expect(p.expect).toEqual({});
    expect(p.goal).toContain('make a claim fail');
  });
});

describe('puzzleOf a run that races in a program with no claim', () => {
  it('asks for an end state other than the recorded one on the racy locations, which the page can check', async () => {
    const { default: bank } = await import('../../fixtures/bank-program.js');
    expect(bank.options.claims ?? {}).toEqual({});
    const exec = execute(bank, { policy: new GilPolicy(), seed: 0, record: true, monitor: new RaceMonitor({ patterns: true }) });
    const trace = toTraceFile(exec, { program: 'fixture/bank', policy: 'gil', seed: 0 });
    expect(new Set(trace.failures.map((f) => f.kind))).toEqual(new Set(['race']));
    const p = puzzleOf(trace, { claims: false });
    // The recorded run's own end (four tellers moving 10 five times would end at 800 and 700 with no write lost).
    const acct = trace.state['acct'] as Record<string, number>;
    expect(acct['balance_checking']).not.toBe(800);
    expect(p.differ).toEqual({ 'acct.balance_checking': String(acct['balance_checking']), 'acct.balance_savings': String(acct['balance_savings']) });
    expect(p.goal).toContain(`end with acct.balance_checking other than ${acct['balance_checking']} or acct.balance_savings other than ${acct['balance_savings']}`);
    expect(p.goal).not.toContain('make a claim fail');
    expect(p.anyFailure).toBe(false);
    // Claims unknown (the default): the goal stays "make a claim fail".
    expect(puzzleOf(trace).goal).toContain('make a claim fail');
  });
});
