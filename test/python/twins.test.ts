/**
 * Each built-in program with both forms: the `.py` file run by threadsim prints under the
 * default gil policy what the TypeScript program prints, and exhaustive exploration (DPOR)
 * finds the same outputs the same number of times. Left out, with the reason:
 * - tutorial/many-threads: its list appends are steps, so its sleepers wake in another of
 *   their possible orders under virtual time (both are CPython outputs);
 * - zoo/barrier-timeout(-fixed): print is two writes in Python, one line in the TypeScript
 *   twin, so the Python form has more outputs (lines interleaved mid-line, as CPython shows);
 * - the programs whose exhaustive exploration runs into thousands of executions are compared
 *   on the gil run only (bench/, not the test suite, is where big sweeps belong).
 */
import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { builtinPython } from '../../src/python/builtins-programs.js';
import { explore } from '../../src/scheduler/explore/explore.js';
import { defaultOutcome } from './threadsim-outcomes.js';

const GIL_ONLY = ['tutorial/executor', 'tutorial/race', 'tutorial/locked-update', 'tutorial/pipeline-lock', 'zoo/bounded-buffer-notify', 'zoo/bounded-buffer-notify-fixed', 'zoo/dining-philosophers', 'zoo/dining-philosophers-fixed', 'zoo/executor-swallowed-exception', 'zoo/executor-swallowed-exception-fixed'];
const EXPLORED = ['tutorial/single-thread', 'tutorial/daemon-thread', 'tutorial/join', 'tutorial/deadlock', 'tutorial/rlock', 'tutorial/pipeline-queue', 'tutorial/pipeline-final', 'tutorial/semaphore', 'tutorial/timer', 'tutorial/barrier', 'zoo/check-then-act', 'zoo/check-then-act-fixed', 'zoo/lock-order-inversion', 'zoo/lock-order-inversion-fixed', 'zoo/lost-notify', 'zoo/lost-notify-fixed', 'zoo/daemon-lost-write', 'zoo/daemon-lost-write-fixed'];

function pair(name: string) {
  return { ts: builtin(name)!, py: builtinPython(`py/${name}`)! };
}

describe('the .py form of each built-in program against its TypeScript form', () => {
  for (const name of [...GIL_ONLY, ...EXPLORED]) {
    it(`${name}: the same output under the gil policy`, () => {
      const { ts, py } = pair(name);
      expect(defaultOutcome(py)).toEqual(defaultOutcome(ts));
    });
  }
  for (const name of EXPLORED) {
    it(`${name}: the same DPOR output histogram`, () => {
      const { ts, py } = pair(name);
      const a = explore(ts, { strategy: 'dpor', histogram: true, keepGoing: true, maxExecutions: 2000 });
      const b = explore(py, { strategy: 'dpor', histogram: true, keepGoing: true, maxExecutions: 2000 });
      expect(a.exhaustive && b.exhaustive).toBe(true);
      expect(b.executions).toBe(a.executions);
      expect(b.histogram!.outputs).toEqual(a.histogram!.outputs);
    });
  }
});
