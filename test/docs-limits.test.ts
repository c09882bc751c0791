import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTION_RANGES } from '../src/cli/options.js';
import { DEFAULT_TIMEOUT } from '../src/cli/watchdog.js';

const doc = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');
const number = (text: string): number => Number(text.replace(/,/g, ''));

/** The rows of the table of integer options: name, range and default as written. */
function rows(): Map<string, { lo: number; hi: number; default: string }> {
  const out = new Map<string, { lo: number; hi: number; default: string }>();
  for (const m of doc.matchAll(/^\| `--([a-z-]+)`[^|]*\| ([\d,]+) \.\. ([\d,]+)[^|]*\| ([^|]+) \|$/gm)) {
    out.set(m[1]!, { lo: number(m[2]!), hi: number(m[3]!), default: m[4]!.trim() });
  }
  return out;
}

describe('docs/cli.md, the limits of the integer options', () => {
  it('lists every integer option with the range the command checks', () => {
    const table = rows();
    expect([...table.keys()].sort()).toEqual(Object.keys(OPTION_RANGES).sort());
    for (const [name, [lo, hi]] of Object.entries(OPTION_RANGES)) expect([name, table.get(name)?.lo, table.get(name)?.hi]).toEqual([name, lo, hi]);
  });

  it('gives the watchdog default the command uses', () => {
    expect(rows().get('timeout')?.default).toMatch(new RegExp(`^${DEFAULT_TIMEOUT} \\(program files\\)`));
  });
});
