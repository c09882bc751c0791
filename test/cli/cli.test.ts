import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/threadsim.js');

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function expectUsageError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('threadsim run', () => {
  it('exits 1 on the tutorial race, with the failure and the replay command', () => {
    const r = cli('run', 'tutorial/race', '--no-timestamps');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Testing update. Ending value is 1.');
    expect(r.stdout).toContain("claim 'no lost update' is false: db.value is 1, expected 2");
    expect(r.stdout).toMatch(/^replay: npx threadsim run tutorial\/race --schedule '[^']+'$/m);
    expect(r.stdout).toMatch(/^ {4}or: npx threadsim run tutorial\/race --policy gil --seed 0$/m);
  });

  it('exits 0 when no failure is found, over many seeds', () => {
    const r = cli('run', 'tutorial/locked-update', '--policy', 'random', '--runs', '30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no failure: tutorial/locked-update under policy random, seeds 0..29 (30 runs');
  });

  it('prints one JSON summary with --json', () => {
    const r = cli('run', 'tutorial/race', '--json', '--policy', 'random', '--seed', '3');
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ program: 'tutorial/race', policy: 'random', seed: 3, runs: 1, state: { db: { value: 1 } } });
    // The failed claim, then the data races race detection found behind it.
    const failures = summary.failures as { kind: string; replay: string }[];
    expect(failures[0]).toEqual(expect.objectContaining({ kind: 'claim', replay: 'npx threadsim run tutorial/race --policy random --seed 3' }));
    expect(failures.slice(1).map((f) => f.kind)).toEqual(['race', 'race']);
  });

  it('runs a user module by path', () => {
    const r = cli('run', 'test/fixtures/counter-program.ts', '--policy', 'random', '--runs', '50');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/or: npx threadsim run test\/fixtures\/counter-program.ts --policy random --seed \d+/);
  });

  it('rejects bad input with one line and exit code 2', () => {
    expectUsageError(cli('run', 'tutorial/nope'), /unknown program 'tutorial\/nope' \(TSIM004\)\. `threadsim list` shows the built-in programs/);
    expectUsageError(cli('run', 'tutorial/rac'), /unknown program 'tutorial\/rac': did you mean tutorial\/race\?/);
    expectUsageError(cli('run', 'test/fixtures/not-a-program.ts'), /has no program export/);
    expectUsageError(cli('run', 'tutorial/race', '--seed', '-1'), /--seed must be an integer from 0 to 4294967295/);
    expectUsageError(cli('run', 'tutorial/race', '--policy', 'lifo'), /Invalid values|policy/);
  });

  it('says how to load a .ts module that Node would treat as CommonJS, and loads it once the folder says "type": "module"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-cjs-'));
    const file = join(dir, 'prog.ts');
    writeFileSync(
      file,
      `import { program, shared, Thread } from ${JSON.stringify(join(root, 'dist/index.js'))};
export default program('p', function* () {
  const c = shared('c', { n: 0 });
  const t = new Thread({ target: function* () { yield* c.set('n', 1); } });
  yield* t.start();
  yield* t.join();
}, { claims: { 'n is 2': (s) => s.c?.n === 2 } });
`,
    );
    writeFileSync(join(dir, 'package.json'), '{"type": "commonjs"}');
    expectUsageError(cli('run', file), /Node treats it as CommonJS.*prog\.mts.*"type": "module"/);
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    const r = cli('run', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/claim 'n is 2' is false/);
  });

  it('lists the built-in programs, one line each', () => {
    const r = cli('list');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^tutorial\/race\s+\S/m);
    expect(r.stdout).toMatch(/^tutorial\/deadlock\s+\S/m);
  });
});

describe('traces and replay', () => {
  it('writes a trace, refuses to overwrite it without --force, and replays it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-cli-'));
    const file = join(dir, 'race.json');
    expect(cli('run', 'tutorial/race', '--policy', 'random', '--seed', '5', '--trace', file).code).toBe(1);
    const first = readFileSync(file, 'utf8');
    expectUsageError(cli('run', 'tutorial/race', '--trace', file), /exists already.*--force/);
    expect(readFileSync(file, 'utf8')).toBe(first);
    // Written again in another process with --force: byte-identical (determinism across processes).
    expect(cli('run', 'tutorial/race', '--policy', 'random', '--seed', '5', '--trace', file, '--force').code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(first);
    const replay = cli('replay', file, '--no-timestamps');
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('every step matches the trace');
  });

  it('reports the first diverging step of a trace whose program changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-cli-'));
    const file = join(dir, 'race.json');
    cli('run', 'tutorial/race', '--trace', file);
    const trace = JSON.parse(readFileSync(file, 'utf8')) as { steps: { value?: unknown; kind: string }[] };
    const log = trace.steps.findIndex((s) => s.kind === 'log');
    trace.steps[log]!.value = 'a line the program no longer prints';
    writeFileSync(file, JSON.stringify(trace));
    expectUsageError(cli('replay', file), new RegExp(`replay diverged at step ${log}: expected log value "a line the program no longer prints"`));
  });

  it('rejects a malformed or newer trace file by field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "threadsim-trace", "version": 1}');
    expectUsageError(cli('replay', bad), /not a valid threadsim trace: field "recipe" is missing \(expected object\)/);
    writeFileSync(bad, '{"format": "threadsim-trace", "version": 99}');
    expectUsageError(cli('replay', bad), /version 99/);
    expect(existsSync(join(dir, 'missing.json'))).toBe(false);
    expectUsageError(cli('replay', join(dir, 'missing.json')), /cannot read .*ENOENT/);
  });
});

describe('entry points', () => {
  it('stops quietly when the reader of its output goes away (| head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" run tutorial/race | true; echo "status=\${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8' });
    // Exit code 1: the race is found; what matters is that the closed pipe is no crash.
    expect(r.stdout.trim()).toBe('status=1');
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('npx threadsim --help lists the commands', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['run <program>', 'replay <file>', 'list', 'demo']) expect(r.stdout).toContain(c);
  });

  it('the demo (npm start) shows the lost update and its replay line and exits 0', () => {
    const r = cli('demo');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lost update on db.value');
    expect(r.stdout).toContain('replay: npx threadsim run tutorial/race --schedule ');
    expect(r.stdout).toContain('or: npx threadsim run tutorial/race --policy gil --seed 0');
  });
});
