/**
 * Each program of test/python/programs/ (one per group of statements and builtins threadsim
 * supports) prints under threadsim (gil policy) exactly what it prints under CPython: stdout
 * line for line, stderr (tracebacks) with the frames of CPython's own threading.py and 3.11's
 * `^^^^` markers left out. CPython runs with PYTHONHASHSEED=0, whose string hashes threadsim
 * uses, so sets of strings iterate in the same order on both sides.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { execute } from '../../src/scheduler/execution.js';
import { GilPolicy } from '../../src/scheduler/policies/gil.js';
import { isLogLine, renderOutput } from '../../src/trace/text.js';
import type { OutputLine } from '../../src/scheduler/ops.js';
import { requirePython } from './cpython.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = 'test/python/programs';

function cpythonStderr(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s+File ".*[\\/]threading\.py"/.test(l)) {
      i++;
      continue;
    }
    if (/^\s+[~^]+\s*$/.test(l) || l === '') continue;
    out.push(l.replace(/File "\/[^"]*\/(test\/python\/[^"]+)"/, 'File "$1"'));
  }
  return out;
}

const NAMES = readdirSync(join(ROOT, DIR)).filter((f) => f.endsWith('.py')).sort();

/** Run `file` under CPython; its stdout and stderr apart. */
function cpython(executable: string, file: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // threadsim hashes strings as CPython does under PYTHONHASHSEED=0 (sets of strings: same order).
    const child = spawn(executable, ['-S', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONHASHSEED: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
}

describe('.py programs print what CPython prints', () => {
  const runs = new Map<string, { stdout: string; stderr: string }>();
  beforeAll(async () => {
    const python = requirePython();
    // All at once: the runs wait on process start-up more than on the CPU.
    const results = await Promise.all(NAMES.map((name) => cpython(python.executable, `${DIR}/${name}`)));
    NAMES.forEach((name, i) => runs.set(name, results[i]!));
  });
  for (const name of NAMES) {
    it(name, () => {
      const file = `${DIR}/${name}`;
      const r = runs.get(name)!;
      const result = execute(pythonProgram(readFileSync(join(ROOT, file), 'utf8'), file), { policy: new GilPolicy(), seed: 0 });
      // Log records (the `logging` module's, and concurrent.futures' own reports) go to
      // standard error, as CPython's logging handlers write them there by default.
      const toStderr = (l: OutputLine): boolean => l.stream === 'stderr' || isLogLine(l);
      const stdout = renderOutput(result.output.filter((l) => !toStderr(l)), { timestamps: false });
      const stderr = renderOutput(result.output.filter(toStderr), { timestamps: false });
      expect(stdout).toEqual(r.stdout.split('\n').slice(0, -1));
      expect(stderr).toEqual(cpythonStderr(r.stderr));
    });
  }
});
