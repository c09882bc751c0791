import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import '../../src/check/vitest.js';
import { findFailingSchedule } from '../../src/check/find.js';
import { toBeThreadSafe, toHaveRace } from '../../src/check/matchers.js';
import { runChoices } from '../../src/check/run-choices.js';
import { countsEveryIncrement } from './fixtures/claims.js';
import { lockedCounter, unsafeCounter } from './programs/counter.js';
import lockOrder from './programs/lock-order.js';
import claimedCounter from './programs/counter.js';

describe('toBeThreadSafe and toHaveRace', () => {
  it('the locked counter is thread-safe over 200 schedules; the unprotected one has a race', () => {
    expect(lockedCounter()).toBeThreadSafe({ claim: countsEveryIncrement(2), seed: 1, numRuns: 200 });
    expect(unsafeCounter()).toHaveRace({ claim: countsEveryIncrement(2), seed: 1 });
    expect(unsafeCounter()).not.toBeThreadSafe({ claim: countsEveryIncrement(2), seed: 1 });
    expect(lockedCounter()).not.toHaveRace({ claim: countsEveryIncrement(2), seed: 1 });
  });

  it('kinds narrows what counts: the lock-order program deadlocks but raises nothing', () => {
    expect(lockOrder).toHaveRace({ kinds: ['deadlock'], seed: 2 });
    expect(lockOrder).not.toHaveRace({ kinds: ['exception'], seed: 2, numRuns: 50 });
  });

  it('the failure message shows the table, the explanation, fast-check seed and path, and the replay line', () => {
    const result = toBeThreadSafe(unsafeCounter(), { claim: countsEveryIncrement(2), seed: 1, programPath: 'test/check/programs/counter.ts' });
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('expected counter/unsafe-2x1 to be thread-safe, but a schedule fails it');
    expect(message).toContain('claim is false: counter.value is 1, expected 2');
    expect(message).toContain('| step | MainThread | Thread-1 (increment) | Thread-2 (increment) |');
    expect(message).toMatch(/\*\*preempts Thread-\d \(increment\):\*\* read counter\.value → 0/);
    expect(message).toContain('lost update on counter.value');
    expect(message).toMatch(/fast-check: seed 1, path "[\d:]+"/);
    expect(message).toContain('replay: npx threadsim run test/check/programs/counter.ts');
    // the table has a row per step of the reported execution
    const found = findFailingSchedule(unsafeCounter(), { claim: countsEveryIncrement(2), seed: 1 }).found!;
    const steps = runChoices(unsafeCounter(), found.schedule.choices).execution.steps;
    expect(message.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(steps);
  });

  it('a passing toHaveRace says how many schedules were tried and with which seed', () => {
    const result = toHaveRace(lockedCounter(), { claim: countsEveryIncrement(2), seed: 9, numRuns: 30 });
    expect(result.pass).toBe(false);
    expect(result.message()).toBe('expected counter/locked-2x1 to have a failing schedule, but none had one among 30 schedules (fast-check seed 9); try { numRuns: 300 }');
  });

  it('exhaustive mode: a proof within the bound, or the failure with the fewest preemptions', () => {
    const safe = toBeThreadSafe(lockedCounter(), { claim: countsEveryIncrement(2), explore: 'exhaustive', preemptionBound: 2 });
    expect(safe.pass).toBe(true);
    expect(safe.message()).toMatch(/^expected counter\/locked-2x1 not to be thread-safe, but no schedule failed among all \d+ schedules with at most 2 preemptions$/);
    const unsafe = findFailingSchedule(unsafeCounter(3, 1), { claim: countsEveryIncrement(3), explore: 'exhaustive' }).found!;
    expect(runChoices(unsafeCounter(3, 1), unsafe.schedule.choices).preemptions).toBe(1);
    expect(unsafe.report).not.toContain('fast-check: seed');
  });

  it('rejects what is not a program', () => {
    const result = toBeThreadSafe({ name: 'x' });
    expect(result.pass).toBe(false);
    expect(result.message()).toBe('toBeThreadSafe: expected a threadsim program (made by program(...)), got an object that is not a program');
  });
});

describe('the replay line', () => {
  it('`threadsim run ... --schedule` reproduces the shrunk counterexample step by step', () => {
    const found = findFailingSchedule(claimedCounter, { seed: 5, programPath: 'test/check/programs/counter.ts' }).found!;
    const line = found.report.split('\n').find((l) => l.startsWith('replay: npx threadsim run '))!;
    const schedule = /--schedule '([^']+)'/.exec(line)?.[1];
    expect(schedule).toBeDefined();
    const cli = spawnSync(process.execPath, ['bin/threadsim.js', 'run', 'test/check/programs/counter.ts', '--schedule', schedule!, '--json', '--no-detect'], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    const summary = JSON.parse(cli.stdout) as { failures: { message: string }[]; state: { counter: { value: number } } };
    expect(summary.failures.map((f) => f.message)).toEqual(found.failures.map((f) => f.message));
    expect(summary.state.counter.value).toBe(1);
  });
});

describe('determinism: the same seed gives the same counterexample', () => {
  const report = (seed: number): string =>
    findFailingSchedule(unsafeCounter(3, 2), { seed, claim: countsEveryIncrement(6), programPath: 'test/check/programs/counter.ts' }).found?.report ?? 'none';

  it('two runs in this process and a run in a child process are byte-identical', () => {
    const first = report(42);
    expect(report(42)).toBe(first);
    const child = execFileSync(process.execPath, ['--import', 'tsx', 'test/check/fixtures/print-counterexample.ts', '42'], { encoding: 'utf8' });
    expect(child).toBe(`${first}\n`);
    expect(report(43)).not.toBe('none');
  });

  it("fast-check's seed and path from the report replay the shrunk schedule directly", () => {
    const options = { claim: countsEveryIncrement(6), seed: 42 };
    const found = findFailingSchedule(unsafeCounter(3, 2), options).found!;
    const replayed = findFailingSchedule(unsafeCounter(3, 2), { ...options, path: found.origin!.path }).found!;
    expect(replayed.schedule.choices).toEqual(found.schedule.choices);
    expect(replayed.origin!.numRuns).toBe(1);
  });
});
