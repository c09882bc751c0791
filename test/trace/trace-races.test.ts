import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { RaceMonitor } from '../../src/scheduler/detect/index.js';
import { execute } from '../../src/scheduler/execution.js';
import { policyByName } from '../../src/scheduler/policies/index.js';
import { programExtras, toTraceFile } from '../../src/trace/format.js';
import { asTraceRaces, racesInTrace } from '../../src/trace/trace-races.js';

/** A recorded run without detection, as a trace file, and the same run with the detector on. */
function both(name: string, policy: string, seed: number, sites = false) {
  const p = builtin(name)!;
  const plain = execute(p, { policy: policyByName(policy), seed, record: true, sites });
  const live = execute(p, { policy: policyByName(policy), seed, record: true, sites, monitor: new RaceMonitor({ patterns: true }) });
  return { file: toTraceFile(plain, { program: name, policy, seed }, programExtras(p)), live: asTraceRaces(live.failures, live.threads) };
}

describe('racesInTrace: the engine\'s detector over a trace file\'s steps', () => {
  it('finds the lost update on db.value in tutorial/race, between the two workers', () => {
    const { file } = both('tutorial/race', 'gil', 0);
    const races = racesInTrace(file);
    expect(races.length).toBeGreaterThan(0);
    for (const r of races) {
      expect(r.location).toBe('db.value');
      expect(new Set([r.first.thread, r.second.thread]).size).toBe(2);
      expect(r.first.thread).not.toBe(0);
      expect(file.steps[r.first.step]!.obj).toBe('db.value');
      expect(file.steps[r.second.step]!.obj).toBe('db.value');
    }
    expect(races.map((r) => r.pattern)).toContain('lost update');
  });

  it('agrees with the detector that watched the execution, for every tutorial and zoo program', () => {
    const names = ['tutorial/race', 'bench/lastzero-2', 'tutorial/locked-update', 'tutorial/pipeline-lock', 'tutorial/pipeline-queue', 'tutorial/executor', 'zoo/check-then-act', 'zoo/lost-notify-fixed', 'zoo/barrier-timeout', 'zoo/executor-swallowed-exception'];
    for (const name of names) {
      for (const [policy, seed] of [['gil', 0], ['random', 3], ['random', 11]] as const) {
        for (const sites of [false, true]) {
          const { file, live } = both(name, policy, seed, sites);
          expect(racesInTrace(file), `${name} ${policy} ${seed} sites ${sites}`).toEqual(live);
        }
      }
    }
  });

  it('finds nothing in a correctly locked program', () => {
    for (let seed = 0; seed < 20; seed++) expect(racesInTrace(both('tutorial/locked-update', 'random', seed).file)).toEqual([]);
  });
});
