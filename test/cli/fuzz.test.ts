/**
 * Fuzzing the command line (issue 16): mutated trace files, schedule strings and argument
 * lists. Whatever the input, a command ends with exit 0 or 1, or with exit 2 and exactly one
 * line on stderr, no stack trace and no file written. Fixed seeds, sized to run in seconds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TRACE = readFileSync(join(ROOT, 'traces/tutorial/race.json'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'threadsim-fuzz-'));
const out = join(scratch, 'out');

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  clearOutputs();
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  const ex = vi.spyOn(process, 'exit').mockImplementation((c?: string | number | null) => {
    throw new Exit(Number(c ?? 0));
  });
  try {
    return { code: await main(args), err: err.join('') };
  } catch (e) {
    // Anything but a clean exit (a TypeError, a RangeError) fails the property.
    if (!(e instanceof Exit)) throw e;
    return { code: e.code, err: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
    ex.mockRestore();
  }
}

/** The outcome rule: 0 or 1, or 2 with one line, no stack, and nothing written to `out*`. */
function expectClean(r: { code: number; err: string }, args: readonly string[]): void {
  const what = `${args.join(' ').slice(0, 300)} => ${r.err.slice(0, 600)}`;
  expect([0, 1, 2], what).toContain(r.code);
  if (r.code === 2) {
    expect(r.err.trim().split('\n'), what).toHaveLength(1);
    expect(r.err, what).toMatch(/^threadsim: /);
    expect(r.err, what).not.toMatch(/\n\s+at |Error: .*\n/);
    expect(readdirSync(scratch).filter((n) => n.startsWith('out')), what).toEqual([]);
  }
}

function clearOutputs(): void {
  for (const n of readdirSync(scratch)) if (n.startsWith('out')) rmSync(join(scratch, n), { force: true });
}

/** A JSON value, shallow enough to write quickly. */
const jsonValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, 2 ** 53, 0.5, '', 'MainThread', '<script>', '../evil.mjs', [], {}),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.array(fc.integer(), { maxLength: 3 }),
);

/** Change one field somewhere in a trace: replace its value, delete it, or nest it deeply. */
function mutate(trace: unknown, picks: readonly number[], value: unknown, mode: number): unknown {
  const copy = JSON.parse(JSON.stringify(trace)) as Record<string, unknown>;
  let node: unknown = copy;
  for (let depth = 0; depth < picks.length; depth++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[picks[depth]! % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    const last = depth === picks.length - 1 || typeof child !== 'object' || child === null;
    if (last) {
      if (mode === 0) (node as Record<string, unknown>)[key] = value;
      else if (mode === 1) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = JSON.parse(`${'['.repeat(mode * 40)}1${']'.repeat(mode * 40)}`);
      break;
    }
    node = child;
  }
  return copy;
}

describe('fuzz', () => {
  it('mutated trace files: export and replay end cleanly', { timeout: 120_000 }, async () => {
    const base = JSON.parse(TRACE) as unknown;
    const file = join(scratch, 'trace.json');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        jsonValue,
        fc.nat({ max: 6 }),
        fc.constantFrom(['export', '-f', 'text'], ['export', '-f', 'json'], ['export', '-f', 'chrome'], ['export', '-f', 'svg'], ['export', '-f', 'mermaid'], ['replay']),
        async (picks, value, mode, command) => {
          writeFileSync(file, JSON.stringify(mutate(base, picks, value, mode)));
          const args = [command[0]!, file, ...command.slice(1)];
          expectClean(await cli(args), args);
        },
      ),
      { seed: 16, numRuns: 60 },
    );
    // Not JSON at all, or cut short.
    for (const text of ['', '{', TRACE.slice(0, TRACE.length / 2), '\u0000\u0001', '[]', 'null']) {
      writeFileSync(file, text);
      expectClean(await cli(['export', file, '-f', 'text']), ['export', text.slice(0, 20)]);
    }
  });

  it('schedule strings: run --schedule ends cleanly', { timeout: 120_000 }, async () => {
    const token = fc.oneof(
      fc.constantFrom('MainThread', 'T1', 'T2', '#0', '#1', '#99', '"Thread-1"', '"', '*', '**', ',', ' ', '#', 'T1*0', 'T1*99999999999', 'MainThread*10000000'),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), async (tokens) => {
        const args = ['run', 'tutorial/race', '--schedule', tokens.join(' '), '--max-steps', '200', '--trace', out];
        expectClean(await cli(args), args);
      }),
      { seed: 16, numRuns: 30 },
    );
  });

  it('argument lists: any mix of options ends cleanly', { timeout: 120_000 }, async () => {
    const word = fc.constantFrom(
      'run', 'explore', 'replay', 'export', 'list', 'tutorial/race', 'tutorial/nope', './missing.ts', '/dev/zero', join(ROOT, 'traces/tutorial/race.json'),
      '--seed', '--runs', '--max-steps', '--cpu-count', '--depth', '--pct-threads', '--pct-steps', '--preemption-bound', '--max-executions', '--timeout',
      '--trace', '-o', '--output', '--export', '-f', '--format', '--steps', '--log-level', '--policy', '--strategy', '--schedule', '--find-output', '--program',
      '--force', '--json', '--no-detect', '--histogram',
      '0', '1', '2', '-1', '3', '9007199254740991', '100000000', '1e9', 'x', '', 'pct', 'random', 'dfs', 'text', 'html', 'markdown', 'debug', '1..2', 'MainThread', out, `${out}.md`,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 9 }), async (argv) => {
        // Keep each case quick: explorations and runs stay small.
        const args = [...argv];
        if (args[0] === 'explore') args.push('--max-executions', '3');
        if (args[0] === 'run' || args[0] === 'explore') args.push('--max-steps', '300');
        expectClean(await cli(args), args);
      }),
      { seed: 16, numRuns: 150 },
    );
  });
});
