/**
 * The unsupported-construct report: a golden file lists every construct of a file that uses
 * each unsupported one, and each reported position is where CPython's own `ast` puts that node.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonProgram, PySourceError } from '../../src/python/program.js';
import { requirePython } from './cpython.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE = 'test/python/golden/unsupported.py';

function report(): PySourceError {
  try {
    pythonProgram(readFileSync(join(ROOT, FILE), 'utf8'), FILE);
  } catch (e) {
    if (e instanceof PySourceError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('unsupported constructs', () => {
  it('are all listed before anything runs, as in the golden report', () => {
    const e = report();
    expect(e.lines.join('\n') + '\n').toBe(readFileSync(join(ROOT, 'test/python/golden/unsupported.txt'), 'utf8'));
    expect(e.summary).toBe(`${FILE}: 12 constructs threadsim cannot run yet (listed above); nothing was run`);
  });

  it("are reported at the line and column of CPython's node", () => {
    const python = requirePython();
    const script = `import ast, json\nt = ast.parse(open(${JSON.stringify(FILE)}).read())\nprint(json.dumps(sorted({"%d:%d" % (n.lineno, n.col_offset + 1) for n in ast.walk(t) if hasattr(n, "lineno")})))`;
    const r = spawnSync(python.executable, ['-c', script], { cwd: ROOT, encoding: 'utf8' });
    const positions = new Set(JSON.parse(r.stdout) as string[]);
    for (const line of report().lines) {
      const at = /^[^:]+:(\d+:\d+):/.exec(line)![1]!;
      expect(positions.has(at), line).toBe(true);
    }
  });

  it('lets a supported program through', () => {
    expect(pythonProgram('import threading\nx = [i for i in range(3)]\n', 'ok.py').name).toBe('ok.py');
  });
});
