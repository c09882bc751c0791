import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreCommand, type ExploreArgs } from '../../src/cli/explore.js';
import { replayCommand } from '../../src/cli/replay.js';
import { runCommand, type RunArgs } from '../../src/cli/run.js';
import { doneFirstSource } from '../fixtures/done-futures.js';

const defaults: Omit<ExploreArgs, 'program'> = { strategy: 'dpor', untimed: false, seed: 0, histogram: false, keepGoing: false, timestamps: false, json: false };
const runDefaults: Omit<RunArgs, 'program'> = { policy: 'gil', seed: 0, runs: 1, timestamps: false, force: false, json: false };

/** Fails only when as_completed yields c first: never in the order given (the default answer). */
const SOURCE = doneFirstSource('assert order[0] != "c", order\n');

function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'threadsim-choices-'));
  const path = join(dir, 'c_first.py');
  writeFileSync(path, SOURCE);
  return path;
}

async function capture(f: (out: (l: string) => void) => Promise<number>): Promise<{ code: number; stdout: string }> {
  const lines: string[] = [];
  const code = await f((l) => lines.push(l));
  return { code, stdout: lines.join('\n') };
}

describe('a failure that needs a non-default answer', () => {
  it('run under the gil policy passes (the order given); explore finds the failure and its replay line reproduces it', async () => {
    const path = file();
    expect((await capture((out) => runCommand({ ...runDefaults, program: path }, out))).code).toBe(0);
    for (const strategy of ['dpor', 'dfs', 'random'] as const) {
      const found = await capture((out) => exploreCommand({ ...defaults, strategy, program: path }, out));
      expect(found.code).toBe(1);
      expect(found.stdout).toContain("AssertionError: ['c', ");
      const line = /^replay: npx threadsim run \S+ --schedule '([^']+)'$/m.exec(found.stdout);
      expect(line).not.toBeNull();
      // The step of the first next() carries its answers: c (index 2) first.
      expect(line![1]).toMatch(/MainThread\{2,[01]\}/);
      const again = await capture((out) => runCommand({ ...runDefaults, program: path, schedule: line![1]! }, out));
      expect(again.code).toBe(1);
      expect(again.stdout).toContain("AssertionError: ['c', ");
    }
  });

  it('--json says how many sets of answers the search ran, and carries the answers in each failure\'s schedule', async () => {
    const path = file();
    const r = await capture((out) => exploreCommand({ ...defaults, program: path, json: true, keepGoing: true }, out));
    const report = JSON.parse(r.stdout) as { choiceFunctions: number; explored: number; failures: { schedule: string }[] };
    // 3 done futures: 6 sets of answers, one execution each (a program without threads).
    expect(report.choiceFunctions).toBe(6);
    expect(report.explored).toBe(6);
    expect(report.failures[0]!.schedule).toMatch(/MainThread\{2,[01]\}/);
  });

  it('--trace records the choices, and replay follows them', async () => {
    const path = file();
    const trace = join(mkdtempSync(join(tmpdir(), 'threadsim-choices-')), 't.json');
    const r = await capture((out) => runCommand({ ...runDefaults, program: path, schedule: 'MainThread*8 MainThread{2,1} MainThread*12', trace }, out));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('c b a');
    const saved = JSON.parse(readFileSync(trace, 'utf8')) as { notation: string; choices: { k: number; value: number }[] };
    expect(saved.notation).toBe('MainThread*8 MainThread{2,1} MainThread*12');
    expect(saved.choices.map((c) => `${c.value}/${c.k}`)).toEqual(['2/3', '1/2']);
    const replayed = await capture((out) => replayCommand({ file: trace, timestamps: false, program: path }, out));
    expect(replayed.code).toBe(1);
    expect(replayed.stdout).toContain('c b a');
    expect(replayed.stdout).toContain('every step matches the trace');
    // A trace whose answers were edited replays the other order: the answers, not the steps, decide it.
    writeFileSync(trace, readFileSync(trace, 'utf8').replace('"value":1}', '"value":0}').replaceAll('MainThread{2,1}', 'MainThread{2,0}'));
    await expect(capture((out) => replayCommand({ file: trace, timestamps: false, program: path }, out))).rejects.toThrow(/replay diverged at step \d+/);
  });

  // A split DPOR search runs without the enumeration of answers: it must say so, not miss orders.
  it('a DPOR shard of a program that makes choices is refused with TSIM006', async () => {
    const path = file();
    const output = join(mkdtempSync(join(tmpdir(), 'threadsim-choices-')), 'shard-1.json');
    await expect(capture((out) => exploreCommand({ ...defaults, program: path, shard: '1/2', output, workers: 1 }, out))).rejects.toThrow(/makes choices .* cannot search yet \(TSIM006\)/);
  });

  // One process orders overlapping sleeps by their window; a split search cannot: refused
  // rather than report other counts. Far sleeps (locked-update) and --untimed still split.
  it('a DPOR split of a program with near sleeps is refused with TSIM006, unless --untimed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsim-near-'));
    await expect(capture((out) => exploreCommand({ ...defaults, program: 'tutorial/race', shard: '1/2', output: join(dir, 'a.json'), workers: 1 }, out))).rejects.toThrow(/deadlines other steps can reach .* orders differently from one process \(TSIM006\)/);
    expect((await capture((out) => exploreCommand({ ...defaults, program: 'tutorial/race', untimed: true, shard: '1/2', output: join(dir, 'b.json'), workers: 1 }, out))).code).toBe(0);
    expect((await capture((out) => exploreCommand({ ...defaults, program: 'tutorial/locked-update', shard: '1/2', output: join(dir, 'c.json'), workers: 1 }, out))).code).toBe(0);
  });
});
