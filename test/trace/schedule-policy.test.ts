import { describe, expect, it } from 'vitest';
import { builtin, builtins } from '../../src/examples/index.js';
import { isThreadsimError } from '../../src/errors.js';
import { execute } from '../../src/scheduler/execution.js';
import { GilPolicy, RandomPolicy } from '../../src/scheduler/policies/index.js';
import { printSchedule } from '../../src/trace/notation.js';
import { runSchedule, ScheduleMismatch } from '../../src/trace/schedule-policy.js';

const race = builtin('tutorial/race')!;

function mismatch(text: string): ScheduleMismatch {
  try {
    runSchedule(race, text, { fallback: new GilPolicy(), seed: 0 });
  } catch (e) {
    if (e instanceof ScheduleMismatch) return e;
    throw e;
  }
  throw new Error('no mismatch');
}

describe('running a schedule', () => {
  it('the printed schedule of any run replays that run exactly (every built-in, random policy)', () => {
    for (const p of builtins()) {
      for (const seed of [1, 2]) {
        const original = execute(p, { policy: new RandomPolicy(), seed });
        const text = printSchedule(original.schedule, original.threads.map((t) => t.name));
        const again = runSchedule(p, text, { fallback: new GilPolicy(), seed: 0 });
        expect(again.schedule).toEqual(original.schedule);
        expect(again.output).toEqual(original.output);
      }
    }
  });

  it('a prefix is followed, then the fallback policy picks', () => {
    const gil = execute(race, { policy: new GilPolicy(), seed: 0 });
    const run = runSchedule(race, 'MainThread*3 T1*3', { fallback: new GilPolicy(), seed: 0 });
    expect(run.schedule).toEqual(gil.schedule);
  });

  it('naming a thread that is not runnable says which step and who was runnable', () => {
    // Step 5 is T1's sleep(0.1): from step 6 on T1 sleeps, MainThread may run (to submit the second task).
    const e = mismatch('MainThread*3 T1*6');
    expect(e.step).toBe(6);
    expect(e.message).toMatch(/^schedule step 6: T1 \("ThreadPoolExecutor-0_0"\) is not runnable \(run 'T1\*6'\); runnable: MainThread \(TSIM007\)/);
  });

  it('a thread that does not exist yet is reported at its step', () => {
    // Steps 0..2 are MainThread's read, log and first submit; T1 exists only after the submit.
    const e = mismatch('MainThread*2 T1');
    expect(e.step).toBe(2);
    expect(e.message).toMatch(/no thread is called T1 at that point .*runnable: MainThread/);
  });

  it('reports the first wrong step even when the engine did not ask the policy there', () => {
    // Step 1 has one runnable thread (forced): the engine runs MainThread whatever the schedule says.
    const e = mismatch('MainThread Bogus MainThread T1*3 MainThread T2*3 MainThread T1*7');
    expect(e.step).toBe(1);
    expect(e.message).toMatch(/no thread is called Bogus/);
  });

  it('a schedule longer than the program says so', () => {
    const gil = execute(race, { policy: new GilPolicy(), seed: 0 });
    const text = `${printSchedule(gil.schedule, gil.threads.map((t) => t.name))} MainThread*2`;
    const e = mismatch(text);
    expect(e.step).toBe(gil.steps);
    expect(e.message).toMatch(new RegExp(`program ended after ${gil.steps} steps .*2 more steps`));
  });

  it('malformed notation is a TSIM006 usage error', () => {
    try {
      runSchedule(race, 'MainThread*', { fallback: new GilPolicy(), seed: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isThreadsimError(e) && e.code).toBe('TSIM006');
    }
  });
});
