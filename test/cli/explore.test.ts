import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drive, exploreCommand, type Driven, type ExploreArgs } from '../../src/cli/explore.js';
import { runCommand } from '../../src/cli/run.js';

const BIN = join(import.meta.dirname, '../../bin/threadsim.js');

const defaults: Omit<ExploreArgs, 'program'> = { strategy: 'dpor', untimed: false, seed: 0, histogram: false, keepGoing: false, timestamps: true, json: false };

async function explore(program: string, more: Partial<ExploreArgs> = {}): Promise<{ code: number; stdout: string }> {
  const lines: string[] = [];
  const code = await exploreCommand({ ...defaults, program, ...more }, (l) => lines.push(l));
  return { code, stdout: lines.join('\n') };
}

describe('threadsim explore', () => {
  it('ends an exhaustive search with a pasteable verdict', async () => {
    const r = await explore('bench/lastzero-4');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('all 28 executions of bench/lastzero-4 explored (DPOR, no preemption bound, virtual-time rules): no failure');
  });

  it('names the pattern of each failure it reports, as run does', async () => {
    const daemon = await explore('zoo/daemon-lost-write');
    expect(daemon.code).toBe(1);
    expect(daemon.stdout).toContain("  - claim 'the results are saved' is false (order violation): store.saved is false\n    Thread-1 (saver) is a daemon thread");
    const buffer = await explore('zoo/bounded-buffer-notify');
    expect(buffer.stdout).toMatch(/ {2}- deadlock at step \d+: no thread can run and none is sleeping \(lost wake-up\):\n {6}MainThread waits for/);
    expect(buffer.stdout).toMatch(/\n {4}lost wake-up on cond: \S+'s notify at step \d+ woke/);
  });

  it('reports a failure with a schedule replay command that reproduces it', async () => {
    const r = await explore('bench/counter-3', { strategy: 'dfs' });
    expect(r.code).toBe(1);
    const replay = /^replay: npx threadsim run bench\/counter-3 --schedule '([^']+)'$/m.exec(r.stdout);
    expect(replay).not.toBeNull();
    const again = await runCommand({ program: 'bench/counter-3', policy: 'gil', seed: 0, runs: 1, timestamps: false, force: false, json: false, schedule: replay![1]! }, () => undefined);
    expect(again).toBe(1);
    const untimed = await explore('tutorial/race', { untimed: true });
    const line = /^replay: npx threadsim explore tutorial\/race --untimed --replay-schedule '([^']+)'$/m.exec(untimed.stdout);
    expect(line).not.toBeNull();
    const replayed = await explore('tutorial/race', { untimed: true, replaySchedule: line![1]! });
    expect(replayed.code).toBe(1);
    expect(replayed.stdout).toContain("claim 'no lost update' is false");
    expect(replayed.stdout).toContain(line![0]);
  });

  it('--histogram on tutorial/race --untimed shows both outcomes in one line', async () => {
    const r = await explore('tutorial/race', { untimed: true, histogram: true });
    expect(r.stdout).toMatch(/^final state: db\.value = \d in \d[\d,]* of \d[\d,]* traces; db\.value = \d in \d[\d,]* of \d[\d,]*$/m);
    expect(r.stdout).toContain('db.value = 1');
    expect(r.stdout).toContain('db.value = 2');
    expect(r.stdout).toContain('untimed');
  });

  it("--find-output reads a student's output with timestamps", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-'));
    const file = join(dir, 'seen.txt');
    const seen = ['Testing update. Starting value is 0.', 'Thread 0: starting update', 'Thread 0: finishing update', 'Thread 1: starting update', 'Thread 1: finishing update', 'Testing update. Ending value is 2.'];
    writeFileSync(file, `${seen.map((l) => `12:00:00: ${l}`).join('\n')}\n`);
    const r = await explore('tutorial/race', { untimed: true, findOutput: file });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^found: execution \d+ prints exactly the given output/m);
    writeFileSync(file, seen.map((l) => l.replace('is 2', 'is 3')).join('\n'));
    const none = await explore('tutorial/race', { untimed: true, findOutput: file });
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^no schedule of tutorial\/race prints the given output: all \d[\d,]* executions explored/m);
  });

  it('--json prints one object', async () => {
    const r = await explore('bench/readers-3', { json: true });
    const j = JSON.parse(r.stdout) as { explored: number; timeRule: string };
    expect(j.explored).toBe(8);
    expect(j.timeRule).toBe('virtual-time');
  });

  it('bad usage is one line and exit code 2', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node', [BIN, 'explore', 'bench/counter-3', '--preemption-bound', '2'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      ({ status, stderr } = e as { status: number; stderr: string });
    }
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--strategy dfs');
  });
});

describe('explore --detect-races', () => {
  it('prints the first execution with a data race before the verdict, and puts it in --json', async () => {
    const base: ExploreArgs = { ...defaults, program: 'bench/counter-3', strategy: 'random', detectRaces: true };
    const lines: string[] = [];
    await exploreCommand(base, (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/^first data race reported at execution \d+ \(on counter\.value\)$/m);
    const json: string[] = [];
    await exploreCommand({ ...base, json: true }, (l) => json.push(l));
    expect(JSON.parse(json.join('\n'))).toMatchObject({ firstRace: { location: 'counter.value' } });
  });
});

describe('drive: notes about the time rules', () => {
  /** A search that ends after `slices` slices and carries `note` from its first slice on. */
  function search(slices: number, note: string): Driven {
    let ran = 0;
    return {
      run: () => ++ran >= slices,
      progress: () => ({ executions: ran, failures: 0, elapsedMs: 0, notes: [note] }),
      interrupt: () => undefined,
      summary: () => ({}) as ReturnType<Driven['summary']>,
    };
  }

  async function stderrOf(body: () => Promise<unknown>): Promise<string> {
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      await body();
    } finally {
      process.stderr.write = write;
    }
    return written.join('');
  }

  const note = 'timed searches reorder less; --untimed searches every order';

  it('prints a note once on standard error while a watched search goes on, before its end', async () => {
    expect(await stderrOf(() => drive(search(3, note), false, true))).toBe(`note: ${note}\n`);
  });

  it('leaves the note to the report when the search ends in its first slice, or nobody watches', async () => {
    expect(await stderrOf(() => drive(search(1, note), false, true))).toBe('');
    expect(await stderrOf(() => drive(search(3, note), false, false))).toBe('');
  });
});

describe('a user file that claims nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadsim-claims-'));
  const racy = (assert: string): string =>
    ['import threading', 'n = 0', 'def add():', '    global n', '    n += 1', 'ts = [threading.Thread(target=add) for _ in range(2)]', 'for t in ts:', '    t.start()', 'for t in ts:', '    t.join()', assert, ''].join('\n');

  it('gets a note naming --histogram and --detect-races when nothing failed', async () => {
    const file = join(dir, 'bare.py');
    writeFileSync(file, racy('print(n)'));
    const r = await explore(file);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').at(-1)).toBe(`note: ${file} claims nothing (a module-level assert would), so only uncaught exceptions and deadlocks count as failures: --histogram shows the final states and outputs, --detect-races reports data races`);
    expect((await explore(file, { histogram: true, detectRaces: true })).stdout.split('\n').at(-1)).toBe(`note: ${file} claims nothing (a module-level assert would), so only uncaught exceptions and deadlocks count as failures`);
  });

  it('gets none when it claims something, when a failure is found, or for a built-in', async () => {
    const file = join(dir, 'claimed.py');
    writeFileSync(file, racy('assert n >= 1'));
    expect((await explore(file)).stdout).not.toContain('claims nothing');
    const failing = join(dir, 'failing.py');
    writeFileSync(failing, racy('assert n == 2'));
    expect((await explore(failing)).stdout).not.toContain('claims nothing');
    expect((await explore('tutorial/join')).stdout).not.toContain('claims nothing');
  });
});
