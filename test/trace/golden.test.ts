import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples } from '../../src/examples/index.js';
import { EXPORT_FORMATS } from '../../src/trace/export/index.js';
import { goldenBase } from '../../src/trace/golden.js';

const ROOT = new URL('../..', import.meta.url).pathname;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out.sort();
}

describe('golden traces (traces/)', () => {
  it('are up to date: `npm run traces` regenerated in another process matches the committed files byte for byte', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'threadsim-traces-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/traces.ts'), '--out', tmp], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const fresh = listFiles(tmp).map((p) => relative(tmp, p));
      const committed = listFiles(join(ROOT, 'traces')).map((p) => relative(join(ROOT, 'traces'), p));
      expect(committed, 'run `npm run traces` and commit traces/').toEqual(fresh);
      for (const f of fresh) {
        expect(readFileSync(join(ROOT, 'traces', f), 'utf8'), `traces/${f} is out of date: run \`npm run traces\``).toBe(readFileSync(join(tmp, f), 'utf8'));
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('cover every built-in program in every export format, plus an index', () => {
    const files = listFiles(join(ROOT, 'traces')).map((p) => relative(join(ROOT, 'traces'), p));
    for (const p of examples()) for (const fmt of Object.values(EXPORT_FORMATS)) expect(files).toContain(`${goldenBase(p.name)}${fmt.extension}`);
    expect(files).toContain('README.md');
    expect(new Set(files).size).toBe(files.length);
  });

  it('show the bug of a buggy program: tutorial/race records its lost update', () => {
    const race = JSON.parse(readFileSync(join(ROOT, 'traces/tutorial/race.json'), 'utf8')) as { failures: { kind: string }[]; state: { db: { value: number } } };
    expect(race.failures.map((f) => f.kind)).toEqual(['claim']);
    expect(race.state.db.value).toBe(1);
  });

  it('keep file names inside traces/', () => {
    expect(goldenBase('zoo/../x y')).toBe('zoo/_/x_y');
    expect(goldenBase('tutorial/race')).toBe('tutorial/race');
  });
});
