/**
 * Runs the Python twins of the built-in programs under the machine's `python3`, many at once,
 * and turns what they print into the lines threadsim prints with `--no-timestamps`.
 */
import { spawn, spawnSync } from 'node:child_process';

/** What one CPython run printed (stdout and stderr merged in order) and how it ended. */
export interface PythonRun {
  /** Lines with the logging timestamp removed and traceback detail lines dropped. */
  readonly lines: readonly string[];
  /** True when the program was still running after its time limit and was killed. */
  readonly hung: boolean;
  /** The raw text, for failure messages. */
  readonly raw: string;
}

/** The interpreter found: its path (shims resolved, so each start is fast) and version. */
export interface Interpreter {
  readonly executable: string;
  readonly version: string;
}

/** Fails with a clear message when `python3` is missing or older than 3.11. */
export function requirePython(): Interpreter {
  const r = spawnSync('python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)'], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error('python3 was not found on PATH: the differential tests run every built-in example under CPython. Install it (apt-get install -y python3; .ci/run does this) and run the tests again.');
  }
  const [version = '', executable = ''] = r.stdout.trim().split('\n');
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major < 3 || (major === 3 && minor < 11)) {
    throw new Error(`python3 is ${version}; the differential tests need CPython 3.11 or newer (the models follow 3.11's messages).`);
  }
  return { version, executable: executable || 'python3' };
}

const TIMESTAMP = /^\d\d:\d\d:\d\d: /;

/**
 * CPython's output as threadsim renders it without timestamps: the `HH:MM:SS: ` of logging
 * lines removed, and the indented lines of a traceback (source locations and code, which
 * threadsim does not model) dropped.
 */
export function normalize(raw: string): string[] {
  const lines = raw.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.filter((l) => !/^\s/.test(l)).map((l) => l.replace(TIMESTAMP, ''));
}

/** Run one Python file with `python` and sleeps scaled by `scale`; kill it after `limitMs`. */
export function runPython(python: string, file: string, scale: number, limitMs: number): Promise<PythonRun> {
  return new Promise((resolve, reject) => {
    // One pipe for both streams keeps the order in which the program wrote its lines; -S skips
    // the site module (the twins use the standard library only), halving the start-up time.
    const child = spawn('/bin/sh', ['-c', 'exec "$0" -S -u "$1" 2>&1', python, file], {
      env: { ...process.env, SLEEP_SCALE: String(scale), PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let raw = '';
    let hung = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      raw += chunk;
    });
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ lines: normalize(raw), hung, raw });
    });
  });
}

/** Run every task with at most `width` running at once; results in task order. */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  async function lane(): Promise<void> {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await tasks[i]!();
  }
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, lane));
  return results;
}
