import { describe, expect, it } from 'vitest';
import { findFailingSchedule } from '../../src/check/find.js';
import { FULL_LANES } from '../../src/check/lanes.js';
import { program, shared, Thread } from '../../src/index.js';
import { countsEveryIncrement } from './fixtures/claims.js';
import { unsafeCounter } from './programs/counter.js';

describe('plain-text swim lanes in failure reports', () => {
  it('a long counterexample is summarised to its deciding steps, and the replay line is kept', () => {
    const { report } = findFailingSchedule(unsafeCounter(4, 4), { seed: 42, claim: countsEveryIncrement(16), detect: false }).found!;
    const rows = report.split('\n').filter((l) => /^ +\d+ {2}/.test(l));
    const total = Number(/, (\d+) steps, ending/.exec(report)?.[1]);
    expect(total).toBeGreaterThan(FULL_LANES);
    expect(rows.length).toBeLessThan(total / 2);
    expect(report).toContain(`of ${total} steps shown`);
    expect(report).toMatch(/\n +… {2}\(\d+ steps\)\n/);
    // the preemption and the preempted thread's stale write are both shown
    const preempt = rows.find((r) => r.includes('▶ preempts'))!;
    expect(preempt).toBeDefined();
    const lost = /then (Thread-\d \(increment\)) wrote \d+ at step (\d+) from its stale copy/.exec(report);
    expect(lost).not.toBeNull();
    expect(rows.some((r) => r.trimStart().startsWith(`${lost![2]}  `))).toBe(true);
    expect(report).toMatch(/\n {2}… \(\d+ more accesses\)\n/);
    expect(report).toMatch(/\nreplay: npx threadsim run /);
  });

  it('user strings are shown as written, not Markdown-escaped; control characters are escaped', () => {
    const p = program('lanes/names', function* main() {
      const s = shared('s', { v: [] as number[] });
      function* add() {
        const v = yield* s.get('v');
        yield* s.set('v', [...v, 1]);
      }
      const ts = [new Thread({ name: 'worker_[1]*', target: add }), new Thread({ name: 'evil\u001b[31m', target: add })];
      for (const t of ts) yield* t.start();
      for (const t of ts) yield* t.join();
    });
    const { report } = findFailingSchedule(p, { seed: 1 }).found!;
    expect(report).toContain('worker_[1]*');
    expect(report).toContain('write s.v = [1]');
    expect(report).not.toContain('\\[');
    expect(report).not.toContain('\u001b');
    expect(report).toContain('evil\\u001b[31m');
  });
});
