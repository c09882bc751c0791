import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Failure, RaceFailure } from '../../../src/scheduler/failures.js';
import { POLICY_NAMES } from '../../../src/scheduler/policies/index.js';
import type { Program } from '../../../src/scheduler/program.js';
import { runProgram } from '../../../src/scheduler/run.js';
import { atomicityViolation, checkThenAct, lockOrderDeadlock, lockOrderLatent, lostUpdate, orderViolation } from './programs.js';

function failuresOf(p: Program, policy = 'gil', seed = 0): readonly Failure[] {
  return runProgram(p, { policy, seed, detect: true, record: true }).execution.failures;
}
function races(fs: readonly Failure[]): RaceFailure[] {
  return fs.filter((f): f is RaceFailure => f.kind === 'race');
}

// Under the GIL policy a thread runs until it sleeps, so each program's interleaving follows
// from its sleeps (see programs.ts); the expected pattern is the one the program was built for.
describe('pattern names under the gil policy', () => {
  it('lost update: both threads read 0 before either writes', () => {
    const rs = races(failuresOf(lostUpdate));
    expect(rs.length).toBeGreaterThan(0);
    expect(rs.every((r) => r.location === 'counter.n' && r.pattern === 'lost update')).toBe(true);
    expect(rs[0]!.patternSteps).toHaveLength(3);
  });

  it('names the two code sites of a race (the program\'s own lines)', () => {
    const lines = readFileSync(new URL('./programs.ts', import.meta.url), 'utf8').split('\n');
    const lineOf = (text: string): number => lines.findIndex((l) => l.includes(text)) + 1;
    const read = `programs.ts:${lineOf("const v = yield* c.get('n')")}`;
    const write = `programs.ts:${lineOf("yield* c.set('n', v + 1)")}`;
    const [r] = races(failuresOf(lostUpdate));
    expect(r?.first.site?.endsWith(read)).toBe(true);
    expect(r?.second.site?.endsWith(write)).toBe(true);
  });

  it('check-then-act: the balance check and the withdrawal see different balances', () => {
    const rs = races(failuresOf(checkThenAct));
    expect(rs.map((r) => r.pattern)).toContain('check-then-act');
    const r = rs.find((x) => x.pattern === 'check-then-act')!;
    expect(r.first.access).toBe('read');
    expect(r.first.value).toBe(10);
    expect(r.second.access).toBe('write');
    expect(r.second.value).toBe(0);
  });

  it('order violation: the worker reads the setting before MainThread writes it', () => {
    const [r, ...rest] = races(failuresOf(orderViolation));
    expect(rest).toEqual([]);
    expect(r?.pattern).toBe('order violation');
    expect(r?.location).toBe('config.size');
    expect([r?.first.access, r?.first.value, r?.second.access, r?.second.value]).toEqual(['read', 0, 'write', 8]);
  });

  it('atomicity violation: the reader sees the half-written document', () => {
    const rs = races(failuresOf(atomicityViolation));
    const r = rs.find((x) => x.pattern === 'atomicity violation');
    expect(r?.location).toBe('doc.state');
    expect(rs.some((x) => x.second.access === 'read' && x.second.value === 'half written')).toBe(true);
  });

  it('lock-order inversion: the deadlock names the wait-for cycle', () => {
    const fs = failuresOf(lockOrderDeadlock);
    const d = fs.find((f) => f.kind === 'deadlock');
    expect(d?.kind === 'deadlock' && d.pattern).toBe('lock-order inversion');
    expect(d?.kind === 'deadlock' && d.cycle).toEqual([
      'Thread-1 (take) holds Lock A and waits for Lock B, held by Thread-2 (take)',
      'Thread-2 (take) holds Lock B and waits for Lock A, held by Thread-1 (take)',
    ]);
  });

  it('lock-order inversion without a deadlock is found from the lock-order graph', () => {
    const fs = failuresOf(lockOrderLatent('plain'));
    expect(fs.map((f) => f.kind)).toEqual(['lock-order']);
    expect(fs[0]?.message).toContain('Lock A and Lock B');
  });

  it('a gate lock, or a join between the two threads, rules the inversion out', () => {
    expect(failuresOf(lockOrderLatent('gate'))).toEqual([]);
    expect(failuresOf(lockOrderLatent('joined'))).toEqual([]);
  });
});

describe('every buggy program reports its race under every policy', () => {
  const cases: [string, Program, string][] = [
    ['lost update', lostUpdate, 'counter.n'],
    ['check-then-act', checkThenAct, 'account.balance'],
    ['order violation', orderViolation, 'config.size'],
    ['atomicity violation', atomicityViolation, 'doc.state'],
  ];
  for (const [name, p, location] of cases) {
    it(name, () => {
      for (const policy of POLICY_NAMES) {
        for (let seed = 0; seed < (policy === 'random' ? 20 : 1); seed++) {
          const rs = races(failuresOf(p, policy, seed));
          expect(rs.length, `${policy} seed ${seed}`).toBeGreaterThan(0);
          expect(rs.every((r) => r.location === location)).toBe(true);
        }
      }
    });
  }
});
