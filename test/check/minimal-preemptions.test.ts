/**
 * Acceptance: the shrunk counterexample of the unprotected counter has exactly the minimal
 * number of preemptions. The minimum is computed here independently of src/check: a
 * depth-first enumeration of every thread sequence (by thread index, not by choices), with the
 * preemption bound iterated 0, 1, 2, ... (Musuvathi and Qadeer, PLDI 2007), so the first bound
 * with a failing execution is the minimum.
 */
import { describe, expect, it } from 'vitest';
import { findFailingSchedule } from '../../src/check/find.ts';
import { runChoices } from '../../src/check/run-choices.ts';
import { execute } from '../../src/scheduler/execution.ts';
import type { Policy, SchedulingPoint } from '../../src/scheduler/policies/policy.ts';
import type { Program } from '../../src/scheduler/program.ts';
import { countsEveryIncrement } from './fixtures/claims.ts';
import { unsafeCounter } from './programs/counter.ts';

/** Follows `prefix` (thread indices per decision), then keeps the running thread when it can. */
class PrefixPolicy implements Policy {
  readonly name = 'prefix';
  /** Per decision: the runnable threads, the previous thread, the thread taken. */
  readonly seen: { runnable: number[]; previous: number; taken: number }[] = [];
  constructor(private readonly prefix: readonly number[]) {}
  begin(): void {}
  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const i = this.seen.length;
    const sorted = [...runnable].sort((a, b) => a - b);
    const taken = this.prefix[i] ?? (runnable.includes(at.previous) ? at.previous : sorted[0]!);
    this.seen.push({ runnable: sorted, previous: at.previous, taken });
    return taken;
  }
}

const isPreemption = (d: { runnable: number[]; previous: number; taken: number }): boolean => d.runnable.includes(d.previous) && d.taken !== d.previous;

/** The fewest preemptions of any failing execution, searching bounds 0..maxBound. */
function minimalPreemptions(program: Program, fails: (state: unknown) => boolean, maxBound: number): { bound: number; executions: number } | undefined {
  let executions = 0;
  for (let bound = 0; bound <= maxBound; bound++) {
    const stack: number[][] = [[]];
    while (stack.length > 0) {
      const prefix = stack.pop()!;
      const policy = new PrefixPolicy(prefix);
      const exec = execute(program, { policy, seed: 0 });
      executions++;
      const used = policy.seen.filter(isPreemption).length;
      if (used <= bound && fails(exec.state)) return { bound, executions };
      // branch on every decision after the prefix: each alternative thread, within the bound
      for (let i = prefix.length; i < policy.seen.length; i++) {
        const d = policy.seen[i]!;
        const before = policy.seen.slice(0, i).filter(isPreemption).length;
        for (const t of d.runnable) {
          if (t === d.taken) continue;
          const cost = before + (d.runnable.includes(d.previous) && t !== d.previous ? 1 : 0);
          if (cost <= bound) stack.push([...policy.seen.slice(0, i).map((x) => x.taken), t]);
        }
      }
    }
  }
  return undefined;
}

describe('the shrunk schedule has the minimal number of preemptions', () => {
  for (const [threads, increments] of [
    [2, 1],
    [2, 2],
    [3, 1],
  ] as const) {
    it(`unprotected counter, ${threads} threads x ${increments} increments`, () => {
      const program = unsafeCounter(threads, increments);
      const expected = threads * increments;
      const minimum = minimalPreemptions(program, (s) => (s as { counter: { value: number } }).counter.value !== expected, 3);
      expect(minimum?.bound).toBe(1);
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
        const found = findFailingSchedule(program, { seed, claim: countsEveryIncrement(expected) }).found;
        expect(found).toBeDefined();
        expect(runChoices(program, found!.schedule.choices).preemptions).toBe(minimum!.bound);
      }
    });
  }
});
