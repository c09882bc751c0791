import { describe, expect, it } from 'vitest';
import { MAX_PRINTED_SCHEDULE, replayCommand, replayLines, shellQuote } from '../../src/trace/replay-command.js';

const threads = [{ name: 'MainThread' }, { name: 'ThreadPoolExecutor-0_0' }, { name: "it's" }];

describe('replay lines', () => {
  it('print the schedule, its aliases and the seed form', () => {
    const lines = replayLines({ program: 'tutorial/race', policy: 'random', seed: 7 }, { schedule: [0, 0, 1, 2, 2, 0], threads });
    expect(lines).toEqual([
      // it's is a bare word in the notation (no space, comma, star, quote or hash); the shell needs it quoted.
      `replay: npx threadsim run tutorial/race --schedule 'MainThread*2 T1 it'\\''s*2 MainThread'`,
      '  where T1 = "ThreadPoolExecutor-0_0"',
      '    or: npx threadsim run tutorial/race --policy random --seed 7',
    ]);
  });

  it('a run that followed a schedule has no seed form', () => {
    const lines = replayLines({ program: 'p', policy: 'gil', seed: 0, schedule: 'MainThread' }, { schedule: [0], threads });
    expect(lines).toEqual(["replay: npx threadsim run p --schedule MainThread"]);
  });

  it('a schedule too long to print points to --trace and keeps the seed form', () => {
    const schedule = Array.from({ length: MAX_PRINTED_SCHEDULE }, (_, i) => i % 2);
    const lines = replayLines({ program: 'p', policy: 'random', seed: 3 }, { schedule, threads });
    expect(lines[0]).toMatch(/^replay: the schedule of these \d+ steps is \d+ characters long; keep it with --trace FILE/);
    expect(lines[1]).toBe('    or: npx threadsim run p --policy random --seed 3');
  });

  it('quotes for a POSIX shell', () => {
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('tutorial/race')).toBe('tutorial/race');
    expect(replayCommand({ program: 'x y.ts', policy: 'gil', seed: 1, maxSteps: 5 })).toBe("npx threadsim run 'x y.ts' --policy gil --seed 1 --max-steps 5");
  });
});
