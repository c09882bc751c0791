/**
 * Every output shown in docs/*.md is what the tool prints: each fenced block that starts with
 * `$ npx threadsim ...` is run, and each line shown must appear in the output, in order
 * (a block may leave lines out, never change one; a line ending in ` ...` is a prefix).
 * Standard error counts, since usage errors are shown too. Elapsed times compare as `in N s`.
 * README.md's blocks are compared whole by readme.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/threadsim.js');
/** Where a doc's own example files live, for blocks that run them by a bare file name. */
const EXAMPLE_DIRS = [ROOT, join(ROOT, 'test/check/programs'), join(ROOT, 'test/python/tutorial'), join(ROOT, 'test/fixtures/python')];

/** Split a command line the way a POSIX shell splits words with '...' and "..." quotes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

const anyTime = (line: string): string => line.replace(/ in \d+(\.\d+)? s\b/g, ' in N s').trimEnd();

function blocks(markdown: string): { args: string[]; lines: string[] }[] {
  const out: { args: string[]; lines: string[] }[] = [];
  for (const m of markdown.matchAll(/```[a-z]*\n\$ npx threadsim ([^\n]*)\n([\s\S]*?)```/g)) {
    const lines = m[2]!.split('\n').filter((l) => l.trim() !== '');
    // A block of several commands shows what to type, not what is printed.
    if (lines.some((l) => l.startsWith('$ '))) continue;
    out.push({ args: shellWords(m[1]!), lines });
  }
  return out;
}

describe('docs show what the tool prints', () => {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
  const all = docs.flatMap((doc) => blocks(readFileSync(join(ROOT, 'docs', doc), 'utf8')).map((b) => ({ doc, ...b })));

  it('finds the command blocks of the docs', () => {
    expect(all.length).toBeGreaterThanOrEqual(4);
  });

  for (const b of all) {
    it(`${b.doc}: threadsim ${b.args.join(' ')}`, () => {
      const file = b.args[1] ?? '';
      const cwd = EXAMPLE_DIRS.find((d) => !/\.([cm]?[jt]s|py)$/.test(file) || existsSync(join(d, file))) ?? ROOT;
      const r = spawnSync(process.execPath, [BIN, ...b.args], { cwd, encoding: 'utf8' });
      const printed = (r.stdout + r.stderr).split('\n').map(anyTime);
      let at = 0;
      for (const shown of b.lines.map(anyTime)) {
        // A line ending in ' ...' shows the start of what is printed.
        const found = shown.endsWith(' ...') ? printed.findIndex((l, i) => i >= at && l.startsWith(shown.slice(0, -4))) : printed.indexOf(shown, at);
        expect(found, `${b.doc} shows a line the tool does not print (in this order):\n${shown}\n--- printed ---\n${r.stdout}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    });
  }
});

describe('shellWords', () => {
  it('splits on spaces and keeps quoted words whole', () => {
    expect(shellWords(`run hits.ts --schedule 'MainThread*2 "Thread-1 (hit)"' -x`)).toEqual(['run', 'hits.ts', '--schedule', 'MainThread*2 "Thread-1 (hit)"', '-x']);
    expect(shellWords(`a "b c" d`)).toEqual(['a', 'b c', 'd']);
  });
});
