/**
 * The zoo: every buggy program shows its bug (the expected failure kind) under at least one
 * policy within a bounded number of seeds, and no other kind of failure; every fixed twin
 * passes under every policy and many random seeds, with virtual time and untimed.
 */
import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { zoo } from '../../src/examples/zoo/index.js';
import { execute, type ExecutionResult } from '../../src/scheduler/execution.js';
import { policyByName } from '../../src/scheduler/policies/index.js';
import type { Program } from '../../src/scheduler/program.js';

interface Bug {
  readonly program: string;
  readonly kind: 'deadlock' | 'claim' | 'exception';
  /** Words the failure message must contain: the objects or the claim involved. */
  readonly mentions: readonly string[];
}

// The expected kinds follow from each program's design (see its doc comment): a cycle of
// waits is a deadlock; a wrong final state breaks the program's claim.
const BUGS: readonly Bug[] = [
  { program: 'zoo/bounded-buffer-notify', kind: 'deadlock', mentions: ['a notify on cond'] },
  { program: 'zoo/check-then-act', kind: 'deadlock', mentions: ['an item in q'] },
  { program: 'zoo/lock-order-inversion', kind: 'deadlock', mentions: ['lock_a', 'lock_b'] },
  { program: 'zoo/dining-philosophers', kind: 'deadlock', mentions: ['fork_0', 'fork_4'] },
  { program: 'zoo/lost-notify', kind: 'deadlock', mentions: ['a notify on cond'] },
  { program: 'zoo/barrier-timeout', kind: 'claim', mentions: ['every worker passes the barrier', 'meeting.passed is 0'] },
  { program: 'zoo/executor-swallowed-exception', kind: 'claim', mentions: ['no record is lost silently', '2 processed + 0 reported'] },
  { program: 'zoo/daemon-lost-write', kind: 'claim', mentions: ['the results are saved'] },
];

const POLICIES = ['gil', 'fifo', 'round-robin'] as const;
/** Random seeds a buggy program gets to show its bug. */
const BUG_SEEDS = 50;
/** Random seeds (each with virtual time and untimed) a fixed twin must pass. */
const FIXED_SEEDS = 200;

function programNamed(name: string): Program {
  const p = builtin(name);
  if (p === undefined) throw new Error(`no built-in ${name}`);
  return p;
}

/** Every run a program gets: each deterministic policy once, then random seeds. */
function* runsOf(program: Program, seeds: number, untimed: boolean): Generator<ExecutionResult> {
  for (const name of POLICIES) yield execute(program, { policy: policyByName(name), seed: 0 });
  const random = policyByName('random');
  for (let seed = 0; seed < seeds; seed++) {
    yield execute(program, { policy: random, seed });
    if (untimed) yield execute(program, { policy: random, seed, untimed: true });
  }
}

describe('zoo', () => {
  it('every zoo program is a bug with an expected failure or its fixed twin', () => {
    const names = zoo.map((p) => p.name);
    const expected = BUGS.flatMap((b) => [b.program, `${b.program}-fixed`]);
    expect([...names].sort()).toEqual([...expected].sort());
  });

  for (const bug of BUGS) {
    it(`${bug.program} fails with a ${bug.kind} and nothing else`, () => {
      const program = programNamed(bug.program);
      const kinds = new Map<string, number>();
      let example: ExecutionResult | undefined;
      for (const r of runsOf(program, BUG_SEEDS, false)) {
        for (const f of r.failures) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
        if (example === undefined && r.failures.some((f) => f.kind === bug.kind)) example = r;
      }
      expect([...kinds.keys()]).toEqual([bug.kind]);
      const message = example!.failures.find((f) => f.kind === bug.kind)!.message;
      for (const word of bug.mentions) expect(message).toContain(word);
    });

    it(`${bug.program}-fixed passes under every policy and ${FIXED_SEEDS} random seeds, timed and untimed`, () => {
      const program = programNamed(`${bug.program}-fixed`);
      let runs = 0;
      for (const r of runsOf(program, FIXED_SEEDS, true)) {
        runs++;
        expect(r.failures, `${r.policy} seed ${r.seed}`).toEqual([]);
        expect(r.ending).toBe('complete');
      }
      expect(runs).toBe(POLICIES.length + 2 * FIXED_SEEDS);
    });
  }
});
