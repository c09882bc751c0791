/**
 * The tutorial programs about threading objects (rlock, pipelines, semaphore, timer, barrier):
 * properties that hold under every schedule, derived from Python's documented semantics.
 */
import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { execute, type ExecutionResult } from '../../src/scheduler/execution.js';
import { policyByName } from '../../src/scheduler/policies/index.js';
import type { Program } from '../../src/scheduler/program.js';
import { renderOutput } from '../../src/trace/text.js';

function programNamed(name: string): Program {
  const p = builtin(name);
  if (p === undefined) throw new Error(`no built-in ${name}`);
  return p;
}

/** gil, fifo, round-robin, then `seeds` random seeds, with virtual time (and untimed when asked). */
function* everyPolicy(name: string, seeds: number, untimed: boolean): Generator<ExecutionResult> {
  const program = programNamed(name);
  for (const policy of ['gil', 'fifo', 'round-robin']) yield execute(program, { policy: policyByName(policy), seed: 0 });
  const random = policyByName('random');
  for (let seed = 0; seed < seeds; seed++) {
    yield execute(program, { policy: random, seed });
    if (untimed) yield execute(program, { policy: random, seed, untimed: true });
  }
}

const lines = (r: ExecutionResult): string[] => renderOutput(r.output, { timestamps: false });
const numbers = (ls: readonly string[], prefix: string): number[] => ls.filter((l) => l.startsWith(prefix)).map((l) => Number(/(\d+)/.exec(l.slice(prefix.length))![1]));

// CPython 3.11: random.seed(0); [random.randint(1, 101) for _ in range(10)]
const SEEDED_MESSAGES = [50, 98, 54, 6, 34, 66, 63, 52, 101, 39];

describe('tutorial programs with threading objects', () => {
  it('rlock: the owner acquires twice and releases twice, under every policy', () => {
    for (const r of everyPolicy('tutorial/rlock', 5, false)) {
      expect(r.failures).toEqual([]);
      expect(lines(r).at(-1)).toBe('released lock twice');
    }
  });

  it('pipeline-lock: the consumer stores the seeded messages in the order produced, under every schedule', () => {
    for (const r of everyPolicy('tutorial/pipeline-lock', 100, true)) {
      expect(r.ending).toBe('complete');
      expect(numbers(lines(r), 'Producer got message: ')).toEqual(SEEDED_MESSAGES);
      expect(numbers(lines(r), 'Consumer storing message: ')).toEqual(SEEDED_MESSAGES);
    }
  });

  it('pipeline-queue and pipeline-final: FIFO order; their two stop bugs need untimed schedules', () => {
    for (const name of ['tutorial/pipeline-queue', 'tutorial/pipeline-final']) {
      let hangs = 0;
      let lost = 0;
      for (const r of everyPolicy(name, 100, true)) {
        const produced = numbers(lines(r), 'Producer got message: ');
        const stored = numbers(lines(r), 'Consumer storing message: ');
        expect(produced).toEqual(SEEDED_MESSAGES.slice(0, produced.length));
        if (r.ending === 'deadlock') {
          hangs++;
          // The consumer waits in get() on an empty queue after the producer has stopped.
          expect(r.failures[0]?.message).toContain('an item in pipeline (empty)');
          expect(stored).toEqual(produced);
        } else {
          // The consumer may stop between the producer's log and its put: a message lost.
          expect(r.ending).toBe('complete');
          expect(stored).toEqual(produced.slice(0, stored.length));
          if (stored.length < produced.length) lost++;
        }
      }
      expect(hangs).toBeGreaterThan(0);
      expect(lost).toBeGreaterThan(0);
    }
    for (const name of ['tutorial/pipeline-queue', 'tutorial/pipeline-final']) {
      for (const r of everyPolicy(name, 100, false)) {
        expect(r.ending).toBe('complete');
        expect(numbers(lines(r), 'Consumer storing message: ')).toEqual(numbers(lines(r), 'Producer got message: '));
      }
    }
  });

  it('semaphore: never more than two connections at once, under every schedule', () => {
    for (const r of everyPolicy('tutorial/semaphore', 100, true)) {
      expect(r.failures).toEqual([]);
      const inUse = lines(r).flatMap((l) => /connected \((\d+) in use\)/.exec(l)?.[1] ?? []).map(Number);
      expect(inUse.length).toBe(4);
      expect(Math.max(...inUse)).toBeLessThanOrEqual(2);
    }
  });

  it('timer: the first fires once, the cancelled second never does', () => {
    for (const r of everyPolicy('tutorial/timer', 50, false)) {
      const out = lines(r);
      expect(out.filter((l) => l === 'Timer   : first reminder')).toHaveLength(1);
      expect(out).not.toContain('Timer   : second reminder');
      // 0.5 s after start, between main's lines at 0.3 s and 0.7 s.
      expect(out.indexOf('Timer   : first reminder')).toBe(out.indexOf('Main    : cancelling the second timer') + 1);
    }
  });

  it('barrier: the action runs after every arrival and before any departure; indices 0, 1, 2', () => {
    for (const r of everyPolicy('tutorial/barrier', 100, true)) {
      const out = lines(r);
      const action = out.indexOf('Barrier : all three arrived, releasing them');
      const arrived = out.flatMap((l, i) => (l.endsWith('at the barrier') ? [i] : []));
      const passed = out.flatMap((l, i) => (l.includes('passed the barrier') ? [i] : []));
      expect(arrived).toHaveLength(3);
      expect(Math.max(...arrived)).toBeLessThan(action);
      expect(Math.min(...passed)).toBeGreaterThan(action);
      const indices = out.flatMap((l) => /arrival index (\d)/.exec(l)?.[1] ?? []).map(Number);
      expect(indices.sort()).toEqual([0, 1, 2]);
    }
    // With virtual time the runners arrive in index order (0.1, 0.2, 0.3 s).
    for (const r of everyPolicy('tutorial/barrier', 20, false)) {
      for (const i of [0, 1, 2]) expect(lines(r)).toContain(`Runner ${i}: passed the barrier (arrival index ${i})`);
    }
  });
});
