/**
 * `fmt % args` as log messages use it, compared with CPython: every case is formatted by
 * `python3` in one call (needs python3 3.11 on PATH, as CI has), so the expected strings are
 * CPython's, not threadsim's.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/scheduler/exception-line.js';
import { formatPercent } from '../../src/models/percent-format.js';

/** A format string and its arguments, as JSON both sides can read. */
const CASES: readonly (readonly [string, readonly unknown[]])[] = [
  ['Thread %s: starting', ['a']],
  ['%d%%: %s', [50, 'done']],
  ['100%% of %d', [3]],
  ['%5s|%-5s|%05d|%-4d|', ['ab', 'cd', 42, 7]],
  ['%.2f and %f and %8.3f', [3.14159, 2.5, -1.25]],
  ['%x %X %#x', [255, 255, 255]],
  ['%r %s %r', ['it\'s', [1, 'a', null], true]],
  ['%.3s|%10.2s|', ['abcdef', 'xyz']],
  ['%s %s', [null, false]],
  ['%i items at %d', [7.9, -3.2]],
  ['no conversions', []],
  ['%s and %s', ['one']],
  ['%s', ['one', 'two']],
  ['%d', ['text']],
  ['50% off %s', ['shoes']],
  ['%s%s%s', ['a', 'b', 'c']],
  ['%o %#o %#X %x', [8, 8, 255, -255]],
  ['%g %g %g %g %#g %G', [0.0001, 123456789.5, 1.5, 100000, 1.5, 1e-10]],
  ['%e %#.0e %.0f %#.0f %+d % d %05.1f %-6.2f|', [1500, 3, 2.5, 3, 5, 5, -2.5, 1.5]],
  ['%c%c %.1r %a', [65, 'b', 'xyz', 'q']],
  ['%r %r', ['say "hi"', 'both \' and "']],
  ['%x', [1.5]],
  ['%5%', [1]],
  ['%s %', ['x']],
  ['%s %y', ['x', 'y']],
  ['%d %s', [true, { a: 1 }]],
];

function cpython(): string[] {
  const script = [
    'import json, sys',
    'out = []',
    'for fmt, args in json.load(sys.stdin):',
    '    try:',
    '        out.append(fmt % tuple(args) if args else fmt)',
    '    except Exception as e:',
    '        out.append(type(e).__name__ + ": " + str(e))',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(CASES), encoding: 'utf8', timeout: 30_000 })) as string[];
}

function threadsim(fmt: string, args: readonly unknown[]): string {
  try {
    return formatPercent(fmt, args);
  } catch (e) {
    const d = describeError(e);
    return `${d.type}: ${d.detail}`;
  }
}

describe('formatPercent', () => {
  const want = cpython();
  for (const [i, [fmt, args]] of CASES.entries()) {
    // The same format twice: the second call reads the cached template.
    it(`${JSON.stringify(fmt)} % ${JSON.stringify(args)}`, () => {
      expect(threadsim(fmt, args)).toBe(want[i]);
      expect(threadsim(fmt, args)).toBe(want[i]);
    });
  }
});
