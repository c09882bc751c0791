/**
 * The README's first screen is what the tool prints: every `console` block that runs
 * `npx threadsim ...` is run here and compared line by line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/threadsim.js');

/** Each console block of the README: the command after `$ npx threadsim` and the lines after it. */
function consoleBlocks(markdown: string): { args: string[]; lines: string[] }[] {
  const blocks: { args: string[]; lines: string[] }[] = [];
  for (const m of markdown.matchAll(/```console\n\$ npx threadsim ([^\n]*)\n([\s\S]*?)```/g)) {
    blocks.push({ args: m[1]!.split(' '), lines: m[2]!.replace(/\n$/, '').split('\n') });
  }
  return blocks;
}

/** Elapsed wall-clock times differ from run to run: `in 0.86 s` compares as `in N s`. */
const anyTime = (line: string): string => line.replace(/ in \d+(\.\d+)? s\b/g, ' in N s');

describe('README', () => {
  const blocks = consoleBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  it('shows at least the flagship run', () => {
    expect(blocks.map((b) => b.args.join(' '))).toContain('run tutorial/race --no-timestamps');
  });

  for (const b of blocks) {
    it(`prints what \`threadsim ${b.args.join(' ')}\` prints`, () => {
      const r = spawnSync(process.execPath, [BIN, ...b.args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout.replace(/\n$/, '').split('\n').map(anyTime)).toEqual(b.lines.map(anyTime));
    });
  }

  it('quotes what the exhaustive command prints, in the line under the first screen', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /^Exhaustive: `npx threadsim ([^`]+)` runs every schedule: `([^`]+)`\.$/m.exec(readme);
    expect(m, 'the README has an Exhaustive: line quoting the tool').not.toBeNull();
    const r = spawnSync(process.execPath, [BIN, ...m![1]!.split(' ')], { cwd: ROOT, encoding: 'utf8' });
    const finalState = r.stdout.split('\n').find((l) => l.startsWith('final state: '));
    expect(finalState).toBe(`final state: ${m![2]!}`);
  });
});

