import { describe, expect, it } from 'vitest';
import { checkArgv, OPTION_RANGES, parseIntOption } from '../../src/cli/options.js';
import { parseSchedule, MAX_SCHEDULE_STEPS } from '../../src/trace/notation.js';

describe('option checks made before any work', () => {
  it('refuses an option given twice, under any of its spellings', () => {
    for (const argv of [
      ['run', 'p', '--trace', 'a', '--trace', 'b'],
      ['export', 't', '-o', 'a', '-o', 'b'],
      ['export', 't', '-o', 'a', '--output', 'b'],
      ['export', 't', '--output=a', '-o', 'b'],
      ['run', 'p', '--log-level', 'info', '--log-level', 'debug'],
      ['run', 'p', '--logLevel', 'info', '--log-level', 'debug'],
      ['run', 'p', '--detect', '--no-detect'],
    ]) {
      expect(() => checkArgv(argv), argv.join(' ')).toThrow(/was given twice \(TSIM006\)/);
    }
    expect(() => checkArgv(['run', 'p', '--trace', 'a', '--output', 'b'])).not.toThrow();
    // After `--`, words are not options.
    expect(() => checkArgv(['run', 'p', '--', '--trace', '--trace'])).not.toThrow();
  });

  it('refuses a file option with no file name', () => {
    expect(() => checkArgv(['run', 'p', '--trace'])).toThrow(/--trace needs a file name/);
    expect(() => checkArgv(['run', 'p', '--trace', '--force'])).toThrow(/--trace needs a file name/);
    expect(() => checkArgv(['export', 't', '-o='])).toThrow(/--output needs a file name/);
    expect(() => checkArgv(['explore', 'p', '--find-output', ''])).toThrow(/--find-output needs a file name/);
  });

  it('accepts each integer option at both ends of its range and refuses one past them', () => {
    for (const [name, [lo, hi]] of Object.entries(OPTION_RANGES) as [keyof typeof OPTION_RANGES, readonly [number, number]][]) {
      expect(parseIntOption(name, String(lo))).toBe(lo);
      expect(parseIntOption(name, String(hi))).toBe(hi);
      expect(() => parseIntOption(name, String(hi + 1))).toThrow(new RegExp(`--${name} must be an integer from ${lo} to ${hi}`));
      if (lo > 0) expect(() => parseIntOption(name, String(lo - 1))).toThrow(/must be an integer/);
    }
    for (const bad of ['9007199254740991', '1e3', '-1', '0x10', '', ' ', '1.5', 'NaN', 'Infinity']) {
      expect(() => parseIntOption('depth', bad), bad).toThrow(/--depth must be an integer from 1 to 64/);
    }
  });

  it('bounds a schedule in total, not only per run', () => {
    const forty = Array.from({ length: 40 }, () => 'MainThread*10000000').join(' ');
    expect(() => parseSchedule(forty)).toThrow(new RegExp(`more than ${MAX_SCHEDULE_STEPS} steps in all`));
    expect(parseSchedule('MainThread*5000000 T1*5000000')).toHaveLength(2);
  });
});
