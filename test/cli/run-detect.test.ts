import { describe, expect, it } from 'vitest';
import { runCommand, type RunArgs } from '../../src/cli/run.js';
import { POLICY_NAMES } from '../../src/scheduler/policies/index.js';

async function run(program: string, extra: Partial<RunArgs> = {}): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCommand({ program, policy: 'gil', seed: 0, runs: 1, timestamps: false, force: false, json: false, ...extra }, (l) => lines.push(l));
  return { code, lines };
}

describe('threadsim run with race detection', () => {
  it('tutorial/race: the data race on db.value, named a lost update, under every policy', async () => {
    for (const policy of POLICY_NAMES) {
      const { code, lines } = await run('tutorial/race', { policy });
      const text = lines.join('\n');
      expect(code, policy).toBe(1);
      expect(text).toContain('data race on db.value (lost update)');
      expect(text).toMatch(/Nothing orders ThreadPoolExecutor-0_\d's write of db\.value at step \d+ before ThreadPoolExecutor-0_\d's read at step \d+/);
      expect(text).toContain('> step');
      // The report ends with the replay lines, after the explanation.
      const replay = lines.findIndex((l) => l.startsWith('replay: '));
      expect(replay).toBeGreaterThan(lines.findIndex((l) => l.includes('Nothing orders')));
      expect(lines.slice(replay).join('\n')).toContain(`npx threadsim run tutorial/race --policy ${policy} --seed 0`);
    }
  });

  it('--json lists races with pattern, threads, steps and location', async () => {
    const { lines } = await run('tutorial/race', { json: true });
    const out = JSON.parse(lines.join('\n')) as { races: { location: string; pattern: string; threads: string[]; steps: number[] }[] };
    expect(out.races.length).toBeGreaterThan(0);
    for (const r of out.races) {
      expect(r.location).toBe('db.value');
      expect(r.pattern).toBe('lost update');
      expect(new Set(r.threads).size).toBe(2);
      expect(r.steps[0]!).toBeLessThan(r.steps[1]!);
    }
  });

  it('tutorial/locked-update reports nothing; --no-detect keeps only the claim for the race', async () => {
    for (const policy of POLICY_NAMES) expect((await run('tutorial/locked-update', { policy, runs: 20 })).code, policy).toBe(0);
    const { lines } = await run('tutorial/race', { detect: false, json: true });
    const out = JSON.parse(lines.join('\n')) as { failures: { kind: string }[]; races: unknown[] };
    expect(out.failures.map((f) => f.kind)).toEqual(['claim']);
    expect(out.races).toEqual([]);
  });
});

describe('a failed claim without a data race', () => {
  it('names a race-free atomicity violation: read and write in two critical sections', async () => {
    const { buildSplit } = await import('./split-program.js');
    const lines: string[] = [];
    const { failureReport } = await import('../../src/trace/report.js');
    const { execution, recorded } = buildSplit();
    for (const l of failureReport(execution, { program: 'test/split-sections', policy: 'gil', seed: 0 }, recorded)) lines.push(l);
    const text = lines.join('\n');
    expect(execution.failures.map((f) => f.kind)).toEqual(['claim']);
    expect(text).toContain('atomicity violation (no data race');
    expect(text).toMatch(/Thread-\d \(inc\) read counter\.n at step \d+ holding L, then wrote counter\.n at step \d+ holding L, in two critical sections; Thread-\d \(inc\) wrote counter\.n at step \d+ in between/);
  });
});
