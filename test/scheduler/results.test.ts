import { describe, expect, it } from 'vitest';
import { execute } from '../../src/scheduler/execution.js';
import { FifoPolicy } from '../../src/scheduler/policies/index.js';
import { program } from '../../src/scheduler/program.js';
import { Thread } from '../../src/models/thread.js';
import { ValueError } from '../../src/models/exceptions.js';
import { log } from '../../src/models/logging.js';
import { Lock } from '../../src/models/lock.js';

describe('ExecutionResult.results: what each thread body returned', () => {
  it('holds the return value of every thread, main included, and undefined for one that raised', () => {
    const p = program('results', function* main() {
      function* answer(n: number) {
        yield* log('computing');
        return n * 2;
      }
      function* boom(): Generator<never, number, unknown> {
        throw new ValueError('bad');
      }
      const a = new Thread({ target: answer, args: [21] });
      const b = new Thread({ target: boom });
      yield* a.start();
      yield* b.start();
      yield* a.join();
      yield* b.join();
      return 'main done';
    });
    const exec = execute(p, { policy: new FifoPolicy(), seed: 0 });
    expect(exec.threads.map((t) => t.name)).toEqual(['MainThread', 'Thread-1 (answer)', 'Thread-2 (boom)']);
    expect(exec.results).toEqual(['main done', 42, undefined]);
    expect(exec.failures.map((f) => f.kind)).toEqual(['exception']);
  });

  it('is undefined for threads that had not finished at a deadlock', () => {
    const p = program('stuck', function* main() {
      const lock = new Lock();
      function* quick() {
        return 1;
      }
      function* blocked() {
        yield* lock.acquire();
        return 2;
      }
      const q = new Thread({ target: quick });
      yield* q.start();
      yield* q.join();
      yield* lock.acquire();
      const t = new Thread({ target: blocked });
      yield* t.start();
      yield* t.join();
      return 3;
    });
    const exec = execute(p, { policy: new FifoPolicy(), seed: 0 });
    expect(exec.ending).toBe('deadlock');
    expect(exec.results).toEqual([undefined, 1, undefined]);
  });
});

describe('ExecutionResult.schedule', () => {
  it('names the thread of every step, is one array however often it is read, and serialises as data', () => {
    const p = program('schedule', function* main() {
      const t = new Thread({ target: function* child() { yield* log('child'); } });
      yield* t.start();
      yield* t.join();
    });
    const exec = execute(p, { policy: new FifoPolicy(), seed: 0 });
    expect(exec.schedule).toHaveLength(exec.steps);
    expect(exec.schedule).toBe(exec.schedule);
    expect(new Set(exec.schedule)).toEqual(new Set([0, 1]));
    expect((JSON.parse(JSON.stringify(exec)) as { schedule: number[] }).schedule).toEqual(exec.schedule);
    expect({ ...exec }.schedule).toEqual(exec.schedule);
  });
});
