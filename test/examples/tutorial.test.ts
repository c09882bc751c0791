import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { runProgram } from '../../src/scheduler/run.js';
import { renderOutput } from '../../src/trace/text.js';
import type { Program } from '../../src/scheduler/program.js';

function programNamed(name: string): Program {
  const p = builtin(name);
  if (p === undefined) throw new Error(`no built-in ${name}`);
  return p;
}

function outputOf(name: string, level = 20, policy = 'gil', seed = 0): string[] {
  return renderOutput(runProgram(programNamed(name), { policy, seed }).execution.output, { timestamps: false, level });
}

// Expected outputs are CPython's, as listed in the reference (shared/reference/python-threading.md).
describe('tutorial programs under the default policy', () => {
  it('single-thread: exit waits for the non-daemon thread', () => {
    expect(outputOf('tutorial/single-thread')).toEqual([
      'Main    : before creating thread',
      'Main    : before running thread',
      'Thread 1: starting',
      'Main    : wait for the thread to finish',
      'Main    : all done',
      'Thread 1: finishing',
    ]);
  });

  it('daemon-thread: the daemon is dropped at exit, its last line never appears', () => {
    expect(outputOf('tutorial/daemon-thread')).toEqual([
      'Main    : before creating thread',
      'Main    : before running thread',
      'Thread 1: starting',
      'Main    : wait for the thread to finish',
      'Main    : all done',
    ]);
  });

  it('join: the thread finishes before "all done"', () => {
    const out = outputOf('tutorial/join');
    expect(out.indexOf('Thread 1: finishing')).toBeLessThan(out.indexOf('Main    : all done'));
  });

  it('locked-update at DEBUG prints CPython\'s lines exactly', () => {
    expect(outputOf('tutorial/locked-update', 10)).toEqual([
      'Testing locked update. Starting value is 0.',
      'Thread 0: starting update',
      'Thread 0 about to lock',
      'Thread 0 has lock',
      'Thread 1: starting update',
      'Thread 1 about to lock',
      'Thread 0 about to release lock',
      'Thread 0 after release',
      'Thread 0: finishing update',
      'Thread 1 has lock',
      'Thread 1 about to release lock',
      'Thread 1 after release',
      'Thread 1: finishing update',
      'Testing locked update. Ending value is 2.',
    ]);
  });

  it('race ends with value 1 and reports the lost update', () => {
    const { execution } = runProgram(programNamed('tutorial/race'));
    expect(execution.state.db?.value).toBe(1);
    expect(execution.failures.map((f) => f.kind)).toEqual(['claim']);
    expect(outputOf('tutorial/race').at(-1)).toBe('Testing update. Ending value is 1.');
  });

  it('locked-update ends at 2 with no failure under every policy', () => {
    for (const policy of ['gil', 'fifo', 'round-robin', 'random']) {
      const { execution } = runProgram(programNamed('tutorial/locked-update'), { policy, runs: policy === 'random' ? 100 : 1 });
      expect(execution.failures).toEqual([]);
      expect(execution.state.db?.value).toBe(2);
    }
  });

  it('deadlock reports the self-deadlock with the lock and its holder', () => {
    const { execution } = runProgram(programNamed('tutorial/deadlock'));
    expect(outputOf('tutorial/deadlock')).toEqual(['before first acquire', 'before second acquire']);
    expect(execution.ending).toBe('deadlock');
    expect(execution.failures[0]?.message).toContain('MainThread waits for Lock#1 held by MainThread');
  });

  it('many-threads and executor: three starting lines then three finishing lines', () => {
    for (const name of ['tutorial/many-threads', 'tutorial/executor']) {
      const out = outputOf(name).filter((l) => l.startsWith('Thread'));
      expect(out.slice(0, 3).every((l) => l.endsWith('starting'))).toBe(true);
      expect(out.slice(3).sort()).toEqual(['Thread 0: finishing', 'Thread 1: finishing', 'Thread 2: finishing']);
    }
  });
});
