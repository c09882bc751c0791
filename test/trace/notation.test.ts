import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isThreadsimError } from '../../src/errors.js';
import { aliasLegend, expandSchedule, parseSchedule, printSchedule, resolveThread, threadLabels } from '../../src/trace/notation.js';

function resolveAll(text: string, names: readonly string[]): number[] {
  return expandSchedule(parseSchedule(text)).map((r) => {
    const t = resolveThread(r.thread, names);
    if (typeof t === 'string') throw new Error(t);
    return t;
  });
}

function parseError(text: string): string {
  try {
    parseSchedule(text);
  } catch (e) {
    if (isThreadsimError(e)) return e.message;
    throw e;
  }
  throw new Error('parsed');
}

const hostileChar = fc.constantFrom('T', '1', '#', '*', '"', ' ', ',', '\\', '<', '>', '|', '-', '_', 'é', '\n', 'x', '0');
const name = fc.oneof(
  fc.constantFrom('MainThread', 'Thread-1', 'Thread-1 (update)', 'ThreadPoolExecutor-0_0', 'T1', 'T0', '#1', '', 'a*b', '"q"'),
  fc.array(hostileChar, { maxLength: 20 }).map((cs) => cs.join('')),
  fc.string({ maxLength: 24 }),
);

describe('schedule notation', () => {
  it('parses runs with counts, quotes, indices and aliases', () => {
    const names = ['MainThread', 'ThreadPoolExecutor-0_0', 'Thread-1 (update)'];
    expect(resolveAll('MainThread*2 T1, "Thread-1 (update)"*3 #0', names)).toEqual([0, 0, 1, 2, 2, 2, 0]);
  });

  it('prints run-length encoded, aliasing long names', () => {
    const names = ['MainThread', 'ThreadPoolExecutor-0_0', 'ThreadPoolExecutor-0_1'];
    expect(printSchedule([0, 0, 0, 1, 1, 0, 2, 2, 2, 2], names)).toBe('MainThread*3 T1*2 MainThread T2*4');
    expect(aliasLegend(names)).toEqual(['T1 = "ThreadPoolExecutor-0_0"', 'T2 = "ThreadPoolExecutor-0_1"']);
  });

  it('quotes short names that are not bare words, and uses #n when T<n> is taken', () => {
    expect(threadLabels(['MainThread', 'a b', 'T1', 'x'.repeat(40)])).toEqual(['MainThread', '"a b"', 'T1', 'T3']);
    expect(threadLabels(['MainThread', 'x'.repeat(40), 'T1'])).toEqual(['MainThread', '#1', 'T1']);
    expect(threadLabels(['same', 'same'])).toEqual(['T0', 'T1']);
  });

  it('an exact name wins over an alias; duplicate names are ambiguous', () => {
    expect(resolveAll('T1', ['MainThread', 'long-name-number-one', 'T1'])).toEqual([2]);
    expect(resolveThread({ kind: 'name', name: 'w', quoted: false }, ['MainThread', 'w', 'w'])).toMatch(/ambiguous/);
    expect(resolveThread({ kind: 'name', name: 'T1', quoted: true }, ['MainThread', 'x'])).toMatch(/no thread is called "T1"/);
  });

  it('print then parse gives the schedule back, whatever the names (property)', () => {
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        (names, raw) => {
          const schedule = raw.map((x) => x % names.length);
          const text = printSchedule(schedule, names);
          expect(resolveAll(text, names)).toEqual(schedule);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('printing is run-length: no two neighbouring runs name the same thread (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 3 }), { maxLength: 80 }), (schedule) => {
        const runs = parseSchedule(printSchedule(schedule, ['MainThread', 'A', 'B', 'C']));
        for (let i = 1; i < runs.length; i++) expect(runs[i]!.text.split('*')[0]).not.toBe(runs[i - 1]!.text.split('*')[0]);
        expect(runs.reduce((n, r) => n + r.count, 0)).toBe(schedule.length);
      }),
    );
  });

  const bad: [string, RegExp][] = [
    ['T1**3', /character 3: '\*' must be followed by a step count/],
    ['T1*0', /character 3: step count 0 is not between 1/],
    ['*3', /character 1: '\*' must follow a thread/],
    ['"open', /character 1: a quoted thread name has no closing quote/],
    ['"bad\\q"', /not a valid quoted name/],
    ['# 2', /'#' must be followed by a thread index/],
    ['T1*3x', /character 5: unexpected 'x' after T1\*3/],
    ['"a"b', /unexpected 'b'/],
  ];
  for (const [text, want] of bad) {
    it(`rejects ${JSON.stringify(text)} saying where`, () => {
      const msg = parseError(text);
      expect(msg).toMatch(/^bad schedule at character \d+/);
      expect(msg).toMatch(want);
      expect(msg).toMatch(/\(TSIM006\)/);
    });
  }

  it('an empty schedule is no runs', () => {
    expect(parseSchedule('  ')).toEqual([]);
  });
});
