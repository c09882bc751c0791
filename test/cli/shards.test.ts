/**
 * `explore --shard i/N` and `merge` give the report one process gives. The shards run
 * in-process here (the command functions, one after the other; no workers), and once through
 * scripts/local-shards.sh, which starts N processes of the built CLI at once.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exploreCommand, type ExploreArgs } from '../../src/cli/explore.js';
import { mergeCommand } from '../../src/cli/merge.js';

const SCRIPT = join(import.meta.dirname, '../../scripts/local-shards.sh');
const defaults: Omit<ExploreArgs, 'program'> = { strategy: 'random', untimed: false, seed: 0, histogram: false, keepGoing: false, timestamps: true, json: true };

async function capture(f: (out: (l: string) => void) => Promise<number>): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await f((l) => lines.push(l));
  return { code, text: lines.join('\n') };
}

const timeless = (text: string): unknown => ({ ...(JSON.parse(text) as object), elapsedMs: 0 });

async function sharded(args: ExploreArgs, n: number): Promise<{ code: number; text: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'threadsim-shards-'));
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const file = join(dir, `shard-${i}.json`);
    const code = await exploreCommand({ ...args, shard: `${i}/${n}`, output: file, workers: 1 }, () => undefined);
    expect(code).toBe(0);
    files.push(file);
  }
  return { ...(await capture((out) => mergeCommand({ files, json: args.json }, out))), files };
}

describe('explore --shard i/N and merge', () => {
  const cases: [string, ExploreArgs][] = [
    // PCT first finds this deadlock at execution 765: later shards find failures sooner in
    // their own range, and the merge must still report 765 and count runs as one process.
    ['first failure by seed order', { ...defaults, program: 'zoo/dining-philosophers', strategy: 'pct', maxExecutions: 800 }],
    ['histogram and every kind of failure', { ...defaults, program: 'tutorial/race', histogram: true, keepGoing: true, maxExecutions: 150, seed: 9 }],
    // DPOR: a fixed prefix split of the tree; the traces each counted once, by the part that owns them.
    ['DPOR, histogram', { ...defaults, program: 'bench/lastzero-5', strategy: 'dpor', histogram: true }],
    ['DPOR, every kind of failure', { ...defaults, program: 'zoo/lock-order-inversion', strategy: 'dpor', keepGoing: true, histogram: true }],
    // The first failure in DPOR's own order, whichever shard meets a failure.
    ['DPOR, first failure', { ...defaults, program: 'bench/counter-3', strategy: 'dpor' }],
  ];
  for (const [title, args] of cases) {
    it(`${title}: N = 1, 2, 3, 7 merge to the one-process --json and report`, async () => {
      const one = await capture((out) => exploreCommand(args, out));
      const text = await capture((out) => exploreCommand({ ...args, json: false }, out));
      for (const n of [1, 2, 3, 7]) {
        const merged = await sharded(args, n);
        expect(merged.code, `N = ${n}`).toBe(one.code);
        expect(timeless(merged.text), `N = ${n}`).toEqual(timeless(one.text));
        if (n === 3) {
          const report = await capture((out) => mergeCommand({ files: merged.files, json: false }, out));
          // Word for word, apart from the time taken.
          const untimed = (t: string): string => t.replace(/ in \d+\.\d+ s\b/g, ' in T s');
          expect(untimed(report.text)).toEqual(untimed(text.text));
        }
      }
    });
  }

  it('refuses a missing, repeated or foreign shard', async () => {
    const args: ExploreArgs = { ...defaults, program: 'tutorial/race', maxExecutions: 30 };
    const { files } = await sharded(args, 3);
    await expect(mergeCommand({ files: [files[0]!, files[2]!], json: true }, () => undefined)).rejects.toThrow(/shard 2 of 3 missing \(TSIM016\)/);
    await expect(mergeCommand({ files: [files[0]!, files[0]!, files[1]!, files[2]!], json: true }, () => undefined)).rejects.toThrow(/given twice/);
    const other = (await sharded({ ...args, seed: 1 }, 3)).files;
    await expect(mergeCommand({ files: [files[0]!, other[1]!, files[2]!], json: true }, () => undefined)).rejects.toThrow(/another exploration/);
    const bad = join(mkdtempSync(join(tmpdir(), 'threadsim-shards-')), 'x.json');
    writeFileSync(bad, '{"format": "something else"}');
    await expect(mergeCommand({ files: [bad], json: true }, () => undefined)).rejects.toThrow(/not a threadsim shard result \(TSIM008\)/);
    expect(() => JSON.parse(readFileSync(files[0]!, 'utf8')) as unknown).not.toThrow();
  });

  it('rejects a malformed --shard, DFS shards and a DPOR shard with a budget with one line', async () => {
    await expect(exploreCommand({ ...defaults, program: 'tutorial/race', shard: '4/3' }, () => undefined)).rejects.toThrow(/--shard must be i\/N with 1 <= i <= N, got '4\/3'/);
    await expect(exploreCommand({ ...defaults, program: 'tutorial/race', strategy: 'dfs', shard: '1/2' }, () => undefined)).rejects.toThrow(/not dfs/);
    await expect(exploreCommand({ ...defaults, program: 'tutorial/race', strategy: 'dpor', maxExecutions: 10, shard: '1/2' }, () => undefined)).rejects.toThrow(/drop --max-executions/);
  });

  it('scripts/local-shards.sh runs N processes and merges them into the one-process --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-local-'));
    const args = ['zoo/dining-philosophers', '--strategy', 'random', '--keep-going', '--max-executions', '120', '--seed', '3', '--json'];
    const run = promisify(execFile);
    const settle = (p: Promise<{ stdout: string }>): Promise<{ code: number; stdout: string }> =>
      p.then((r) => ({ code: 0, stdout: r.stdout }), (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }));
    const merged = await settle(run('sh', [SCRIPT, '3', dir, ...args]));
    const one = await settle(run(process.execPath, [join(import.meta.dirname, '../../bin/threadsim.js'), 'explore', ...args]));
    expect(merged.code).toBe(one.code);
    expect(timeless(merged.stdout)).toEqual(timeless(one.stdout));
    expect(JSON.parse(readFileSync(join(dir, 'shard-2.json'), 'utf8'))).toMatchObject({ format: 'threadsim-shard', shard: { index: 2, count: 3 } });
  });
});

describe('the documented CI set-ups', () => {
  const docs = join(import.meta.dirname, '../../docs/ci');
  it('the GitHub Actions matrix runs shard 1..N of N and merges every result', () => {
    const yml = readFileSync(join(docs, 'github-actions-shards.yml'), 'utf8');
    const shards = /shard: \[([\d, ]+)\]/.exec(yml)![1]!.split(',').map((s) => Number(s.trim()));
    const n = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(yml)![1]);
    expect(shards).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(yml).toMatch(/-o shard-\$\{\{ matrix\.shard \}\}\.json/);
    expect(yml).toMatch(/npx threadsim merge results\/\*\.json/);
  });

  it('the Kubernetes Indexed Job maps JOB_COMPLETION_INDEX 0..N-1 to --shard 1..N of N', () => {
    const yaml = readFileSync(join(docs, 'kubernetes-indexed-job.yaml'), 'utf8');
    const completions = Number(/completions: (\d+)/.exec(yaml)![1]);
    expect(yaml).toContain('completionMode: Indexed');
    expect(yaml).toContain(`--shard $((JOB_COMPLETION_INDEX + 1))/${completions}`);
  });
});
