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
import hits from './programs/hits.js';
import { builtin } from '../../src/examples/index.js';
import { program, shared, Thread } from '../../src/index.js';

const race = builtin('tutorial/race')!;

/** Two unlocked increments, defined in this test file (which `threadsim run` cannot load). */
const definedHere = program('matchers/defined-here', function* main() {
  const c = shared('c', { n: 0 });
  function* inc() {
    const n = yield* c.get('n');
    yield* c.set('n', n + 1);
  }
  const ts = [new Thread({ target: inc }), new Thread({ target: inc })];
  for (const t of ts) yield* t.start();
  for (const t of ts) yield* t.join();
});

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
    const result = toBeThreadSafe(unsafeCounter(), { claim: countsEveryIncrement(2), seed: 1, programPath: 'test/check/programs/counter.ts', detect: false });
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('expected counter/unsafe-2x1 to be thread-safe, but a schedule fails it');
    expect(message).toContain('claim is false: counter.value is 1, expected 2');
    expect(message).toMatch(/\nstep {2}MainThread +Thread-1 \(increment\) +Thread-2 \(increment\)\n/);
    expect(message).toMatch(/▶ preempts Thread-\d \(increment\): read counter\.value → 0/);
    expect(message).toContain('lost update on counter.value');
    expect(message).toMatch(/fast-check: seed 1, path "[\d:]+"/);
    expect(message).toContain('replay: npx threadsim run test/check/programs/counter.ts');
    // the table has a row per step of the reported execution
    const found = findFailingSchedule(unsafeCounter(), { claim: countsEveryIncrement(2), seed: 1, detect: false }).found!;
    const steps = runChoices(unsafeCounter(), found.schedule.choices).execution.steps;
    expect(message.split('\n').filter((l) => /^ +\d+ {2}/.test(l))).toHaveLength(steps);
    // the Markdown form, for an issue: every step a table row
    const markdown = toBeThreadSafe(unsafeCounter(), { claim: countsEveryIncrement(2), seed: 1, detect: false, format: 'markdown' }).message();
    expect(markdown).toContain('| step | MainThread | Thread-1 (increment) | Thread-2 (increment) |');
    expect(markdown.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(steps);
  });

  it('races are detected by default: an unlocked increment with no claim is not thread-safe', () => {
    expect(unsafeCounter()).not.toBeThreadSafe({ seed: 1 });
    expect(unsafeCounter()).toHaveRace({ seed: 1, kinds: ['race'] });
    expect(lockedCounter()).toBeThreadSafe({ seed: 1 });
    expect(unsafeCounter()).toBeThreadSafe({ seed: 1, detect: false });
    const message = toBeThreadSafe(unsafeCounter(), { seed: 1 }).message();
    expect(message).toContain('data race on counter.value');
  });

  it('a passing toHaveRace says what was searched and what could find more', () => {
    const result = toHaveRace(lockedCounter(), { claim: countsEveryIncrement(2), seed: 9, numRuns: 30 });
    expect(result.pass).toBe(false);
    expect(result.message()).toBe(
      [
        'expected counter/locked-2x1 to have a failing schedule, but none had one among 30 schedules (fast-check seed 9).',
        "- random schedules can miss a rare interleaving: { explore: 'exhaustive' } tries every schedule with at most 2 preemptions",
      ].join('\n'),
    );
    const bare = toHaveRace(lockedCounter(), { explore: 'exhaustive', preemptionBound: 1, detect: false }).message();
    expect(bare).toContain('a failure that needs more preemptions shows with { preemptionBound: 2 }');
    expect(bare).toContain('race detection is off (detect: false)');
    expect(bare).toContain('no claim was checked');
  });

  it('exhaustive mode: a proof within the bound, or the failure with the fewest preemptions', () => {
    const safe = toBeThreadSafe(lockedCounter(), { claim: countsEveryIncrement(2), explore: 'exhaustive', preemptionBound: 2 });
    expect(safe.pass).toBe(true);
    expect(safe.message()).toMatch(/^expected counter\/locked-2x1 not to be thread-safe, but no schedule failed among all \d+ schedules with at most 2 preemptions$/);
    const unsafe = findFailingSchedule(unsafeCounter(3, 1), { claim: countsEveryIncrement(3), explore: 'exhaustive', detect: false }).found!;
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
  /** Run a printed replay line as a shell would, with `npx threadsim` being this clone's CLI. */
  const runPrinted = (line: string, ...extra: string[]) =>
    spawnSync('sh', ['-c', `${line.replace(/^replay: npx threadsim /, `${JSON.stringify(process.execPath)} bin/threadsim.js `)} ${extra.join(' ')}`], { encoding: 'utf8' });
  const replayOf = (report: string): string => report.split('\n').find((l) => l.startsWith('replay: npx threadsim run '))!;

  it('`threadsim run ... --schedule` reproduces the shrunk counterexample step by step (--no-detect when the check had detection off)', () => {
    const found = findFailingSchedule(claimedCounter, { seed: 5, programPath: 'test/check/programs/counter.ts', detect: false }).found!;
    const line = replayOf(found.report);
    expect(line).toMatch(/ --no-detect$/);
    const cli = runPrinted(line, '--json');
    expect(cli.status).toBe(1);
    const summary = JSON.parse(cli.stdout) as { failures: { message: string }[]; state: { counter: { value: number } } };
    expect(summary.failures.map((f) => f.message)).toEqual(found.failures.map((f) => f.message));
    expect(summary.state.counter.value).toBe(1);
  });

  it('names the module that defines the program at its top level, and runs as printed', () => {
    const found = findFailingSchedule(hits, { seed: 3 }).found!;
    const line = replayOf(found.report);
    expect(line).toMatch(/^replay: npx threadsim run test\/check\/programs\/hits\.ts --schedule '[^']+'$/);
    const cli = runPrinted(line, '--json');
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(1);
    const summary = JSON.parse(cli.stdout) as { failures: { kind: string }[] };
    expect(summary.failures.map((f) => f.kind).sort()).toEqual(found.failures.map((f) => f.kind).sort());
    expect(found.failures.map((f) => f.kind)).toContain('race');
  });

  it('a program defined in a test file or made by a function: the line says how to make it loadable', () => {
    const inTest = findFailingSchedule(definedHere, { seed: 1 }).found!.report;
    expect(replayOf(inTest)).toMatch(/^replay: npx threadsim run MODULE --schedule /);
    expect(inTest).toContain('where MODULE is a module whose default export is this program: matchers/defined-here is defined in test/check/matchers.test.ts, a test file, which threadsim run cannot load.');
    expect(inTest).toContain('{ programPath }');
    const made = findFailingSchedule(unsafeCounter(), { seed: 1 }).found!.report;
    expect(made).toContain('counter/unsafe-2x1 is made inside a function');
    const builtin = findFailingSchedule(race, { seed: 1 }).found!.report;
    expect(replayOf(builtin)).toMatch(/^replay: npx threadsim run tutorial\/race --schedule /);
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
