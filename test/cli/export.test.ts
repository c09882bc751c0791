import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/threadsim.js');
const dir = mkdtempSync(join(tmpdir(), 'threadsim-cli-'));
// Modules in the folder are ES modules, as in a user's project.
writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Run the CLI in this process (spawning one per case is slow); file arguments under `dir`. */
async function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  const ex = vi.spyOn(process, 'exit').mockImplementation((c?: string | number | null) => {
    throw new Exit(Number(c ?? 0));
  });
  let code: number;
  try {
    code = await main(args.map((a) => (/\.(json|md|ts)$/.test(a) ? join(dir, a) : a)));
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

/** A usage error: exit 2, one line on stderr, no stack trace. */
function expectUsageError(r: { code: number | null; err: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err.trimEnd().split("\n"), r.err).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).toMatch(pattern);
}

describe('threadsim run --trace / --export and threadsim export', async () => {
  it('writes a trace, exports it, and never overwrites without --force', async () => {
    expect((await cli('run', 'tutorial/race', '--trace', 'race.json')).code).toBe(1);
    const before = readFileSync(join(dir, 'race.json'), 'utf8');
    expect((await cli('export', 'race.json', '--format', 'markdown', '-o', 'race.md')).code).toBe(0);
    expect(readFileSync(join(dir, 'race.md'), 'utf8')).toMatch(/^## tutorial\/race/);
    writeFileSync(join(dir, 'race.md'), 'mine');
    expectUsageError(await cli('export', 'race.json', '--format', 'markdown', '-o', 'race.md'), /race\.md exists already \(TSIM009\)/);
    expect(readFileSync(join(dir, 'race.md'), 'utf8')).toBe('mine');
    expectUsageError(await cli('run', 'tutorial/race', '--trace', 'race.json'), /race\.json exists already/);
    expect(readFileSync(join(dir, 'race.json'), 'utf8')).toBe(before);
    expect((await cli('export', 'race.json', '--format', 'markdown', '-o', 'race.md', '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'race.md'), 'utf8')).toMatch(/^## tutorial\/race/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exports to standard output, text with or without timestamps', async () => {
    await cli('run', 'tutorial/race', '--trace', 'r2.json');
    expect((await cli('export', 'r2.json', '-f', 'text')).out.split('\n')[0]).toBe('12:00:00: Testing update. Starting value is 0.');
    expect((await cli('export', 'r2.json', '-f', 'text', '--no-timestamps')).out.split('\n')[0]).toBe('Testing update. Starting value is 0.');
    await cli('run', 'tutorial/locked-update', '--trace', 'locked.json');
    // locked-update logs at DEBUG, as the tutorial's basicConfig does; --log-level raises the bar.
    expect((await cli('export', 'locked.json', '-f', 'text')).out).toContain('Thread 0 has lock');
    expect((await cli('export', 'locked.json', '-f', 'text', '--log-level', 'info')).out).not.toContain('has lock');
    const excerpt = (await cli('export', 'r2.json', '-f', 'markdown', '--steps', '9..12')).out;
    expect(excerpt.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(4);
    // Text keeps the log lines written during the steps: step 13 is T1's "finishing update".
    expect((await cli('export', 'r2.json', '-f', 'text', '--steps', '11..13')).out).toBe('12:00:00: Thread 0: finishing update\n');
    expect((await cli('export', 'r2.json', '-f', 'html', '--steps', '9..12')).out).toContain('<p class="excerpt" id="window-caption">Steps 9 to 12 of 33 (0..32).</p>');
    expectUsageError(await cli('run', 'tutorial/race', '--steps', '9..12'), /--steps needs --export FORMAT/);
    const chrome = JSON.parse((await cli('export', 'r2.json', '-f', 'chrome')).out) as { traceEvents: unknown[] };
    expect(chrome.traceEvents.length).toBeGreaterThan(0);
  });

  it('run --export alone prints only the export; with -o writes the file', async () => {
    const r = await cli('run', 'tutorial/race', '--export', 'mermaid');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[1]).toBe('sequenceDiagram');
    expect(r.out).not.toContain('FAILURE');
    const w = await cli('run', 'tutorial/race', '--export', 'json', '-o', 'out.json');
    expect(w.out).toContain('FAILURE');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).format).toBe('threadsim-trace');
  });

  it('rejects a malformed trace naming the field, and a newer version', async () => {
    const t = JSON.parse(readFileSync(join(dir, 'race.json'), 'utf8'));
    t.steps[2].time = 'soon';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(t));
    expectUsageError(await cli('export', 'bad.json', '-f', 'text'), /bad\.json is not a valid threadsim trace: field "steps\[2\]\.time"/);
    // The same through the real executable: exit code 2 and one line, no stack trace.
    const r = spawnSync(process.execPath, [BIN, 'export', join(dir, 'bad.json'), '-f', 'text'], { encoding: 'utf8' });
    expectUsageError({ code: r.status, err: r.stderr }, /field "steps\[2\]\.time"/);
    t.steps[2].time = 2;
    t.version = 99;
    writeFileSync(join(dir, 'new.json'), JSON.stringify(t));
    expectUsageError(await cli('replay', 'new.json'), /new\.json is trace format version 99; this threadsim reads versions 1 to 2/);
    expectUsageError(await cli('export', 'missing.json', '-f', 'text'), /cannot read \S*missing\.json: ENOENT/);
    expectUsageError(await cli('export', 'race.json', '-f', 'pdf'), /Invalid values/);
  });

  it('run --schedule: replays the printed schedule, and a wrong one says which step and who was runnable', async () => {
    const first = await cli('run', 'tutorial/race');
    const line = first.out.split('\n').find((l) => l.startsWith('replay: '))!;
    const schedule = /--schedule '([^']+)'/.exec(line)![1]!;
    const again = await cli('run', 'tutorial/race', '--schedule', schedule);
    expect(again.code).toBe(1);
    expect(again.out).toContain(line);
    expectUsageError(await cli('run', 'tutorial/race', '--schedule', 'MainThread*2 T2'), /schedule step 2: no thread is called T2 at that point \(run 'T2'\); runnable: MainThread \(TSIM007\)/);
    expectUsageError(await cli('run', 'tutorial/race', '--schedule', 'MainThread*x'), /bad schedule at character 11/);
    expectUsageError(await cli('run', 'tutorial/race', '--schedule', 'MainThread', '--runs', '5'), /--schedule runs one fixed schedule/);
  });

  it('replay of a trace whose program changed reports the first diverging step', async () => {
    const src = (n: number) => `import { program, shared, logging } from ${JSON.stringify(join(ROOT, 'src/index.ts'))};
export default program('changing', function* main() {
  const s = shared('s', { x: 0 });
  yield* logging.info('one');
  yield* s.set('x', ${n});
  yield* logging.info('two');
});\n`;
    writeFileSync(join(dir, 'prog.ts'), src(1));
    expect((await cli('run', './prog.ts', '--trace', 'prog.json')).code).toBe(0);
    // A trace naming a file is not replayed on its word (the trust rule, TSIM014).
    expectUsageError(await cli('replay', 'prog.json'), /names the program file .*prog\.ts; replay runs a program's code, so it loads a file only when you name it yourself \(TSIM014\)/);
    expect((await cli('replay', 'prog.json', '--program', 'prog.ts')).code).toBe(0);
    // The program changes: the trace now names an edited copy (this process caches the old module).
    writeFileSync(join(dir, 'prog-edited.ts'), src(2));
    const trace = JSON.parse(readFileSync(join(dir, 'prog.json'), 'utf8'));
    trace.recipe.program = join(dir, 'prog-edited.ts');
    writeFileSync(join(dir, 'prog.json'), JSON.stringify(trace));
    expectUsageError(await cli('replay', 'prog.json', '--program', 'prog-edited.ts'), /replay diverged at step 1: expected write s\.x value 1, got write s\.x value 2/);
    expect(existsSync(join(dir, 'prog.json'))).toBe(true);
  });
});

describe('excerpt flags: --steps, --threads, --focus race', () => {
  it('every format takes them; --focus race is the steps of the race the report names', async () => {
    await cli('run', 'tutorial/race', '--trace', 'w.json');
    const md = (await cli('export', 'w.json', '-f', 'markdown', '--focus', 'race')).out;
    // The report says: lost update, steps 9..19.
    expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l)).map((l) => Number(l.split('|')[1]))).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    for (const f of ['svg', 'mermaid', 'chrome', 'json', 'text', 'html']) {
      const r = await cli('export', 'w.json', '-f', f, '--focus', 'race', '--threads', 'T1,T2');
      expect(r.code, f).toBe(0);
    }
    const json = JSON.parse((await cli('export', 'w.json', '-f', 'json', '--steps', '9..12', '--threads', 'T2')).out);
    expect(json.format).toBe('threadsim-excerpt');
    // Folded threads' steps stay in the excerpt (they ran in between); the window says which lane is whose.
    expect(json.steps.map((s: { step: number }) => s.step)).toEqual([9, 10, 11, 12]);
    expect(json.window).toMatchObject({ from: 9, to: 12, threads: [2], folded: [0, 1] });
    const compact = (await cli('export', 'w.json', '-f', 'svg', '--compact')).out;
    expect(compact).not.toContain('class="access-label"');
    expect(compact).toMatch(/class="value-note">Values: step 0 R db\.value → 0; step 5 R db\.value → 0/);
  });

  it('refuses a bad window before writing anything', async () => {
    await cli('run', 'tutorial/race', '--trace', 'w2.json');
    expectUsageError(await cli('export', 'w2.json', '-f', 'svg', '--steps', '40..50', '-o', 'no.svg'), /--steps 40\.\. starts after the last step \(this trace has steps 0\.\.32\) \(TSIM006\)/);
    expectUsageError(await cli('export', 'w2.json', '-f', 'svg', '--threads', 'T9', '-o', 'no.svg'), /--threads: no thread is called "T9" \(TSIM006\)\. Threads of this trace: MainThread, T1 \(ThreadPoolExecutor-0_0\), T2 \(ThreadPoolExecutor-0_1\)/);
    expectUsageError(await cli('export', 'w2.json', '-f', 'svg', '--focus', 'race:3', '-o', 'no.svg'), /--focus race:3: the trace has 2 races \(TSIM006\)\. Use --focus race:1 \.\. race:2/);
    expectUsageError(await cli('export', 'w2.json', '-f', 'svg', '--focus', 'lock'), /--focus 'lock' is not a focus/);
    expectUsageError(await cli('export', 'w2.json', '-f', 'svg', '--focus', 'race', '--steps', '1..3'), /--steps and --focus both choose the steps/);
    expect(existsSync(join(dir, 'no.svg'))).toBe(false);
    // run: the trace file is not written either when the excerpt is bad.
    expectUsageError(await cli('run', 'tutorial/race', '--trace', 'never.json', '--export', 'svg', '--threads', 'nobody', '-o', 'never.svg'), /no thread is called "nobody"/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
    expect(existsSync(join(dir, 'never.svg'))).toBe(false);
  });
});
