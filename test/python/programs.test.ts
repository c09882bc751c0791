/**
 * Each program of test/python/programs/ (one per group of statements and builtins threadsim
 * supports) prints under threadsim (gil policy) exactly what it prints under CPython: stdout
 * line for line, stderr (tracebacks) with the frames of CPython's own threading.py and 3.11's
 * `^^^^` markers left out.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonProgram } from '../../src/python/program.js';
import { execute } from '../../src/scheduler/execution.js';
import { GilPolicy } from '../../src/scheduler/policies/gil.js';
import { renderOutput } from '../../src/trace/text.js';
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

describe('.py programs print what CPython prints', () => {
  for (const name of readdirSync(join(ROOT, DIR)).filter((f) => f.endsWith('.py')).sort()) {
    it(name, () => {
      const file = `${DIR}/${name}`;
      const python = requirePython();
      const r = spawnSync(python.executable, ['-S', file], { cwd: ROOT, encoding: 'utf8' });
      const result = execute(pythonProgram(readFileSync(join(ROOT, file), 'utf8'), file), { policy: new GilPolicy(), seed: 0 });
      const stdout = renderOutput(result.output.filter((l) => l.stream !== 'stderr'), { timestamps: false });
      const stderr = renderOutput(result.output.filter((l) => l.stream === 'stderr'), { timestamps: false });
      expect(stdout).toEqual(r.stdout.split('\n').slice(0, -1));
      expect(stderr).toEqual(cpythonStderr(r.stderr));
    });
  }
});
