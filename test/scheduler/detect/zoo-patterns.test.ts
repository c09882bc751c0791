/**
 * Every buggy zoo program's failure carries the pattern name of its bug, in every run that
 * fails, under the deterministic policies and random seeds, with race detection on.
 */
import { describe, expect, it } from 'vitest';
import { builtin } from '../../../src/examples/index.js';
import { zoo } from '../../../src/examples/zoo/index.js';
import { RaceMonitor } from '../../../src/scheduler/detect/index.js';
import { execute, type ExecutionResult } from '../../../src/scheduler/execution.js';
import { policyByName } from '../../../src/scheduler/policies/index.js';

// The pattern each program's doc comment describes.
const EXPECTED: Readonly<Record<string, string>> = {
  'zoo/bounded-buffer-notify': 'lost wake-up',
  'zoo/check-then-act': 'check-then-act',
  'zoo/lock-order-inversion': 'lock-order inversion',
  'zoo/dining-philosophers': 'lock-order inversion',
  'zoo/lost-notify': 'order violation',
  'zoo/barrier-timeout': 'timing assumption',
  'zoo/executor-swallowed-exception': 'swallowed exception',
  'zoo/daemon-lost-write': 'order violation',
};

function* runs(name: string): Generator<ExecutionResult> {
  const program = builtin(name)!;
  for (const policy of ['gil', 'fifo', 'round-robin']) yield execute(program, { policy: policyByName(policy), seed: 0, monitor: new RaceMonitor({ patterns: true }) });
  for (let seed = 0; seed < 60; seed++) {
    yield execute(program, { policy: policyByName('random'), seed, monitor: new RaceMonitor({ patterns: true }) });
  }
}

const patterns = (r: ExecutionResult): (string | undefined)[] => r.failures.map((f) => ('pattern' in f ? f.pattern : undefined));

describe('zoo bugs are named', () => {
  it('covers every buggy zoo program', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(zoo.map((p) => p.name).filter((n) => !n.endsWith('-fixed')).sort());
  });

  for (const [name, pattern] of Object.entries(EXPECTED)) {
    it(`${name}: every failing run names ${pattern}`, () => {
      let failing = 0;
      for (const r of runs(name)) {
        if (r.failures.length === 0) continue;
        failing++;
        expect(patterns(r), `${r.policy} seed ${r.seed}: ${r.failures.map((f) => f.message).join(' | ')}`).toContain(pattern);
      }
      expect(failing).toBeGreaterThan(0);
    });
  }

  it('names nothing in the fixed twins', () => {
    for (const name of Object.keys(EXPECTED)) {
      for (const r of runs(`${name}-fixed`)) expect(r.failures, `${name}-fixed ${r.policy} seed ${r.seed}`).toEqual([]);
    }
  });
});
