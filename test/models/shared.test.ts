import { describe, expect, it } from 'vitest';
import { ThreadsimError } from '../../src/errors.js';
import { program, runProgram, shared, Thread, Lock } from '../../src/index.js';
import { findFailingSchedule } from '../../src/check/find.js';

/** The threadsim error a run raises, or a failure of the test when it raises none. */
function errorOf(run: () => unknown): ThreadsimError {
  try {
    run();
  } catch (e) {
    if (e instanceof ThreadsimError) return e;
    throw e;
  }
  throw new Error('expected a ThreadsimError');
}

describe('shared values are immutable snapshots', () => {
  it('pushing onto a shared array read from a store names the store, the key and the fix', () => {
    const p = program('shared/push', function* main() {
      const db = shared('db', { items: [] as number[], n: 0 });
      const items = yield* db.get('items');
      yield* db.get('n');
      items.push(1);
    });
    const e = errorOf(() => runProgram(p));
    expect(e.code).toBe('TSIM012');
    expect(e.message).toContain('MainThread changed a shared value in place (TypeError: Cannot add property 0, object is not extensible)');
    expect(e.message).toContain('db.items');
    expect(e.message).toContain('immutable snapshots');
    expect(e.fix).toContain("yield* db.set('items'");
    expect(e.fix).toContain("yield* db.update('items'");
  });

  it('assigning a field of an object a thread wrote, in another thread, also names it', () => {
    const p = program('shared/assign', function* main() {
      const cfg = shared('cfg', { value: { retries: 1 } });
      const t = new Thread({
        name: 'tuner',
        target: function* () {
          const v = yield* cfg.get('value');
          (v as { retries: number }).retries = 2;
        },
      });
      yield* t.start();
      yield* t.join();
    });
    const e = errorOf(() => runProgram(p));
    expect(e.message).toMatch(/^tuner changed a shared value in place \(TypeError: Cannot assign to read only property 'retries' of object '#<Object>'\); the last shared object it read or wrote is cfg\.value/);
  });

  it("a thread's own frozen object is not blamed on a store: its TypeError is an ordinary exception", () => {
    const p = program('shared/own-frozen', function* main() {
      const db = shared('db', { n: 0 });
      yield* db.get('n');
      const mine = Object.freeze([1]) as number[];
      mine.push(2);
    });
    const run = runProgram(p);
    expect(run.execution.failures.map((f) => f.kind)).toEqual(['exception']);
  });

  it('update reads then writes: two steps, so an unlocked update races and a locked one does not', () => {
    const make = (locked: boolean) =>
      program(`shared/update-${locked}`, function* main() {
        const db = shared('db', { items: [] as number[] });
        const lock = new Lock();
        const add = (x: number) =>
          function* () {
            if (locked) yield* lock.with(() => db.update('items', (items) => [...items, x]));
            else yield* db.update('items', (items) => [...items, x]);
          };
        const ts = [new Thread({ target: add(1) }), new Thread({ target: add(2) })];
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
        return yield* db.get('items');
      });
    const fine = runProgram(make(false), { record: true });
    expect(fine.execution.trace?.filter((s) => s.obj === 'db.items').map((s) => s.kind)).toEqual(['read', 'write', 'read', 'write', 'read']);
    expect(fine.execution.results[0]).toEqual([1, 2]);
    const lost = findFailingSchedule(make(false), { seed: 1, detect: false, claim: (o) => (o.results[0] as number[]).length === 2 }).found;
    expect(lost?.failures.map((f) => f.kind)).toEqual(['claim']);
    expect(findFailingSchedule(make(true), { seed: 1, claim: (o) => (o.results[0] as number[]).length === 2 }).found).toBeUndefined();
  });
});
