/**
 * Regression tests of issue 16: faulty programs, hostile traces and careless command lines
 * end with a message (or a failure report), never a hang, a stack trace or code run from data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/threadsim.js');
const FAULTY = join(ROOT, 'test/fixtures/faulty');
const dir = mkdtempSync(join(tmpdir(), 'threadsim-harden-'));

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** The CLI in this process (spawning is slow on a loaded machine). */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  const ex = vi.spyOn(process, 'exit').mockImplementation((c?: string | number | null) => {
    throw new Exit(Number(c ?? 0));
  });
  let code: number;
  try {
    code = await main(args);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
  } finally {
    so.mockRestore();
    se.mockRestore();
    ex.mockRestore();
  }
  return { code, out: out.join(''), err: err.join('') };
}

function spawn(args: string[], cwd = ROOT): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
}

function expectOneLine(r: { code: number; err: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('a thread that never yields', () => {
  // The watchdog kills the process it runs in, so these spawn the CLI.
  it('is stopped by --timeout, naming the thread, its last op and its site', { timeout: 60_000 }, () => {
    const r = spawn(['run', 'test/fixtures/faulty/spin.ts', '--timeout', '1', '--json']);
    expect(r.signal).toBe('SIGALRM');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^threadsim: thread spinner has run for 1 s without yielding an op; its last op was write c\.n at test\/fixtures\/faulty\/spin\.ts:7 \(step \d+\) \(TSIM013\)/);
  });

  it('is stopped in explore too, and before its first op', { timeout: 60_000 }, () => {
    const r = spawn(['explore', 'test/fixtures/faulty/spin-first.ts', '--timeout', '1']);
    expect(r.signal).toBe('SIGALRM');
    expect(r.stderr).toMatch(/^threadsim: thread MainThread has run for 1 s without yielding an op; it has not yielded its first op yet \(TSIM013\)/);
  });
});

describe('faulty programs get a message that says what to fix', () => {
  it.each([
    ['async-body.ts', /main is an async generator function \(async function\*\), not a generator function \(TSIM010\)\. Declare it with function\* \(not async/],
    // The loader's words differ (Node, tsx, vitest's); the file, the line and the fix do not.
    ['await-in-generator.mjs', /cannot load test\/fixtures\/faulty\/await-in-generator\.mjs: .*await.*:5\b.*\(TSIM005\)\. A thread body is a generator \(function\*\), where await is not allowed/],
    ['options-null.mjs', /the program's options is null, not an object \(TSIM010\)/],
    ['main-42.mjs', /the program's main is the number 42, not a generator function \(TSIM010\)/],
    ['no-yield-star.ts', /thread Thread-1 \(inc\) made a write of c\.n at test\/fixtures\/faulty\/no-yield-star\.ts:8 without yield\*, so it never ran \(TSIM015\)/],
  ])('%s', { timeout: 30_000 }, async (file, message) => {
    expectOneLine(await cli('run', `test/fixtures/faulty/${file}`), message);
  });

  it('await in a TypeScript generator: the loader\'s real error, on one line', { timeout: 30_000 }, async () => {
    writeFileSync(join(dir, 'await.ts'), readFileSync(join(FAULTY, 'await-in-generator.mjs'), 'utf8'));
    const r = await cli('run', join(dir, 'await.ts'));
    expectOneLine(r, /cannot load .*await\.ts: Transform failed with 1 error: .*await.*await\.ts:5:\d+.*\(TSIM005\)\. A thread body is a generator/);
    expect(r.err).not.toMatch(/\u001b/);
  });

  it('reports odd thrown values as the thread\'s exception', { timeout: 30_000 }, async () => {
    const r = await cli('run', 'test/fixtures/faulty/odd-throws.ts', '--no-timestamps');
    expect(r.code).toBe(1);
    expect(r.out).toContain('uncaught Exception in bare: <exception str() failed>');
    expect(r.out).toContain('uncaught Error in getter: <exception str() failed>');
    expect(r.out).toContain('uncaught Exception in proxied: <exception str() failed>');
    expect(r.out).not.toContain('in MainThread');
  });

  it('serialises BigInt and circular shared values: Python-like in text, tagged in JSON and traces', { timeout: 30_000 }, async () => {
    const text = await cli('run', 'test/fixtures/faulty/bigint.ts', '--no-timestamps');
    expect(text.code).toBe(1);
    expect(text.out).toContain('write s.big = 100000000000000000001');
    const histogram = await cli('explore', 'test/fixtures/faulty/bigint.ts', '--histogram');
    expect(histogram.out).toContain('s.big = 100000000000000000002, s.loop = {"name":"loop","self":{...}}');
    const json = await cli('run', 'test/fixtures/faulty/bigint.ts', '--json');
    const summary = JSON.parse(json.out) as { state: { s: { big: unknown; loop: { self: unknown } } } };
    expect(summary.state.s.big).toEqual({ $bigint: '100000000000000000002' });
    expect(summary.state.s.loop.self).toEqual({ $circular: '{...}' });
    const trace = join(dir, 'big.json');
    expect((await cli('run', 'test/fixtures/faulty/bigint.ts', '--trace', trace)).code).toBe(1);
    for (const format of ['text', 'json', 'chrome', 'html']) {
      const r = await cli('export', trace, '-f', format);
      expect(r.code, format).toBe(0);
      expect(r.out, format).toContain('100000000000000000002');
    }
  });
});

describe('code run from data', () => {
  const marker = join(dir, 'pwned');
  const evil = join(dir, 'evil.mjs');
  writeFileSync(evil, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default 1;\n`);

  it('export never loads the program a trace names; replay only with --program', { timeout: 60_000 }, async () => {
    const trace = join(dir, 'evil-trace.json');
    expect((await cli('run', 'tutorial/race', '--trace', trace)).code).toBe(1);
    const data = JSON.parse(readFileSync(trace, 'utf8')) as { recipe: { program: string } };
    data.recipe.program = evil;
    writeFileSync(trace, JSON.stringify(data));
    for (const format of ['html', 'text', 'json']) expect((await cli('export', trace, '-f', format)).code, format).toBe(0);
    expectOneLine(await cli('replay', trace), /names the program file .*evil\.mjs; replay runs a program's code, so it loads a file only when you name it yourself \(TSIM014\)/);
    expect(existsSync(marker)).toBe(false);
    // Named by the user, it is loaded (and is not a program).
    expectOneLine(await cli('replay', trace, '--program', evil), /has no program export/);
    expect(existsSync(marker)).toBe(true);
  });
});

describe('hostile traces and command lines', () => {
  it('refuses a trace nested 10,000 levels deep at parse time', { timeout: 30_000 }, async () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{"format":"threadsim-trace","version":2,"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    for (const args of [['replay', deep], ['export', deep, '-f', 'json'], ['export', deep, '-f', 'chrome'], ['export', deep, '-f', 'html']]) {
      expectOneLine(await cli(...args), /nests more than 200 levels deep \(TSIM008\)/);
    }
  });

  it('checks every option before writing: a bad --steps leaves no trace behind', { timeout: 30_000 }, async () => {
    const trace = join(dir, 'steps.json');
    expectOneLine(await cli('run', 'tutorial/race', '--trace', trace, '--export', 'markdown', '--steps', 'x..y'), /steps/);
    expect(existsSync(trace)).toBe(false);
    expect((await cli('run', 'tutorial/race', '--trace', trace, '--export', 'markdown', '--steps', '1..3')).code).toBe(1);
    expect(existsSync(trace)).toBe(true);
    // An existing output is refused before the run, so the trace is not written either.
    const md = join(dir, 'exists.md');
    writeFileSync(md, 'mine');
    const other = join(dir, 'other.json');
    expectOneLine(await cli('run', 'tutorial/race', '--trace', other, '--export', 'markdown', '-o', md), /exists already \(TSIM009\)/);
    expect(existsSync(other)).toBe(false);
    expect(readFileSync(md, 'utf8')).toBe('mine');
  });

  it('writes an output name of 255 bytes', { timeout: 30_000 }, async () => {
    const name = join(dir, `${'n'.repeat(250)}.json`);
    expect((await cli('run', 'tutorial/race', '--trace', name)).code).toBe(1);
    expect(readFileSync(name, 'utf8')).toContain('threadsim-trace');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('gives the same bytes from any working directory (sites are relative to the program\'s project)', { timeout: 60_000 }, () => {
    const elsewhere = join(dir, 'cwd');
    mkdirSync(elsewhere);
    const program = join(ROOT, 'test/fixtures/counter-program.ts');
    const here = spawn(['run', program, '--json', '--policy', 'random', '--seed', '2']);
    const there = spawn(['run', program, '--json', '--policy', 'random', '--seed', '2'], elsewhere);
    expect(here.stdout).toContain('"site": "test/fixtures/counter-program.ts:');
    expect(there.stdout).toBe(here.stdout);
  });

  it('a stdout that cannot be written ends with one line and exit 2', { timeout: 30_000 }, () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" list > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('threadsim: cannot write to standard output: ENOSPC\n');
  });
});
