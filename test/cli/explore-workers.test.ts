/**
 * `threadsim explore --workers N` runs the compiled CLI (dist/, built by `npm test`'s
 * pretest) in a child process: worker threads load compiled JavaScript, so they are tested
 * the way users run them rather than through vitest's TypeScript transform.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/threadsim.js');
const run = promisify(execFile);

async function explore(args: string[]): Promise<{ code: number; json: Record<string, unknown>; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, 'explore', ...args, '--json'], { maxBuffer: 1 << 24 });
    return { code: 0, json: JSON.parse(r.stdout) as Record<string, unknown>, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    if (typeof err.code !== 'number' || err.stdout === '') throw new Error(`threadsim failed: ${err.stderr}`);
    return { code: err.code, json: JSON.parse(err.stdout) as Record<string, unknown>, stderr: err.stderr };
  }
}

/**
 * The same command with `--workers 1` and `--workers n`, run side by side: the two child
 * processes are independent, and the second core would otherwise idle while one runs.
 */
const oneAndMany = (args: string[], n: number): Promise<[Awaited<ReturnType<typeof explore>>, Awaited<ReturnType<typeof explore>>]> =>
  Promise.all([explore([...args, '--workers', '1']), explore([...args, '--workers', String(n)])]);

const timeless = (j: Record<string, unknown>): Record<string, unknown> => ({ ...j, elapsedMs: 0 });

describe('threadsim explore --workers', () => {
  it('reports the first failure by seed order, as one worker does, when later seeds fail first', async () => {
    // PCT finds the deadlock of the dining philosophers first at execution 55, past the first
    // part (50 runs); with three workers, later parts are running (and failing) meanwhile.
    const args = ['zoo/dining-philosophers', '--strategy', 'pct', '--max-executions', '1000'];
    const [one, three] = await oneAndMany(args, 3);
    expect(one.code).toBe(1);
    expect((one.json.failures as { execution: number }[])[0]!.execution).toBeGreaterThan(50);
    expect(three.code).toBe(1);
    expect(timeless(three.json)).toEqual(timeless(one.json));
  });

  it('gives the same histogram and failures with --keep-going', async () => {
    const args = ['zoo/dining-philosophers', '--strategy', 'random', '--max-executions', '600', '--keep-going', '--histogram', '--seed', '7'];
    const [one, two] = await oneAndMany(args, 2);
    expect(one.json.executions).toBe(600);
    expect(timeless(two.json)).toEqual(timeless(one.json));
  });

  it('loads a TypeScript program file in every worker, as the command loads it', async () => {
    const args = [join(import.meta.dirname, '../fixtures/counter-program.ts'), '--strategy', 'random', '--max-executions', '200', '--keep-going', '--histogram'];
    const [one, two] = await oneAndMany(args, 2);
    expect(one.json.program).toBe('fixture/counter');
    expect(timeless(two.json)).toEqual(timeless(one.json));
  });

  it('stops every worker on Ctrl-C and keeps the failures found', async () => {
    const child = spawn(process.execPath, [BIN, 'explore', 'zoo/dining-philosophers', '--strategy', 'random', '--keep-going', '--max-executions', '100000000', '--workers', '2', '--json']);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Interrupt once the child has done real work (3 s of CPU: well past start-up and the
    // first deadlock), however loaded the machine is: /proc/PID/stat fields 14 and 15.
    // Without /proc (not Linux), five seconds of wall time stand in.
    const started = Date.now();
    const cpuTicks = (): number => {
      if (!existsSync(`/proc/${child.pid}/stat`)) return (Date.now() - started) / 16;
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    for (let waited = 0; cpuTicks() < 300 && waited < 50_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const json = JSON.parse(stdout) as { stopped: string; executions: number; failures: unknown[] };
    expect(json.stopped).toBe('interrupted');
    expect(json.executions).toBeGreaterThan(0);
    expect(json.failures.length).toBeGreaterThan(0);
    expect(code).toBe(1);
  });

  it('DPOR: the same --json (timing and abandoned work apart) and histogram with 2 workers as with 1', async () => {
    const dporTimeless = (j: Record<string, unknown>): Record<string, unknown> => ({ ...j, elapsedMs: 0, abandoned: 0 });
    for (const args of [
      ['bench/lastzero-7', '--histogram'],
      ['bench/readers-5', '--histogram'],
      ['zoo/executor-swallowed-exception', '--keep-going', '--histogram'],
      ['zoo/dining-philosophers'],
    ]) {
      const [one, two] = await oneAndMany(args, 2);
      expect(two.code, args.join(' ')).toBe(one.code);
      expect(dporTimeless(two.json), args.join(' ')).toEqual(dporTimeless(one.json));
      // The note below is for people: never in --json, and one thread has nothing to say.
      if (args[0] === 'bench/lastzero-7') {
        expect(two.stderr).toBe('');
        expect(one.stderr).toBe('');
      }
    }
  });

  it('DPOR: says on standard error when the search was too short for --workers to pay, never in --json', async () => {
    // Alone, not beside another process: the note depends on the search taking under 2 s.
    const text = await run(process.execPath, [BIN, 'explore', 'bench/lastzero-7', '--workers', '2']);
    expect(text.stderr).toMatch(/^note: this DPOR search took \d+\.\d s; below about 2 s, --workers is measured no faster than one thread .*\(docs\/parallel\.md\)\n$/);
    expect(text.stdout).toContain('all 320 executions of bench/lastzero-7 explored');
    // One thread has nothing to say (the test above checks that --json never carries the note).
    expect((await run(process.execPath, [BIN, 'explore', 'bench/lastzero-7', '--workers', '1'])).stderr).toBe('');
  });

  it('rejects --workers 0 with one line', async () => {
    await expect(run(process.execPath, [BIN, 'explore', 'tutorial/race', '--workers', '0'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^threadsim: --workers must be an integer from 1 to 256, got '0' \(TSIM006\)/) });
  });
});
