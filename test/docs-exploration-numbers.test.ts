/**
 * The numbers in docs/exploration.md's reduction tables, re-run: each cell that takes under a
 * few seconds is read from the doc and compared with what exploration gives now. The cells
 * left out (DFS over every schedule of tutorial/race, 276,870 executions; tutorial/semaphore
 * untimed) take minutes; bench/lock-reduction.ts prints the tutorial rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtin } from '../src/examples/index.js';
import { explore, type ExploreOptions } from '../src/scheduler/explore/explore.js';

const doc = readFileSync(new URL('../docs/exploration.md', import.meta.url), 'utf8');
const count = (cell: string): number => Number(cell.trim().replace(/,/g, ''));

/** The table whose header row starts with `header`: its rows as cells. */
function table(header: string): string[][] {
  const lines = doc.split('\n');
  const at = lines.findIndex((l) => l.startsWith(header));
  expect(at, `a table headed "${header}" in docs/exploration.md`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = at + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!.split('|').slice(1, -1).map((c) => c.trim()));
  return rows;
}

/** Executions run (for DFS, at its last preemption bound: every schedule), and those abandoned. */
function executions(name: string, options: ExploreOptions): { done: number; abandoned: number } {
  const p = builtin(name);
  if (p === undefined) throw new Error(`no program ${name}`);
  const s = explore(p, { ...options, keepGoing: true, shrink: false });
  return { done: options.strategy === 'dfs' ? s.explored : s.complete + s.deadlocks, abandoned: s.abandoned };
}

describe('docs/exploration.md: the reduction tables are what exploration gives', () => {
  it('locks and executors: complete executions and none abandoned', () => {
    const rows = table('| program | complete executions (= traces) | abandoned |');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const [program, complete, abandoned] of rows) {
      const name = /`([^` ]+)/.exec(program!)![1]!;
      const options: ExploreOptions = { untimed: program!.includes('--untimed'), histogram: program!.includes('--histogram') };
      const got = executions(name, options);
      expect([program, got.done, got.abandoned]).toEqual([program, count(complete!), count(/^\d+/.exec(abandoned!)![0])]);
    }
  });

  it('virtual-time rules: DPOR, small DFS and untimed counts', { timeout: 120_000 }, () => {
    const rows = table('| program (`--histogram` unless marked), virtual-time rules |');
    expect(rows.length).toBeGreaterThanOrEqual(5);
    let checked = 0;
    for (const [program, dpor, dfs, untimed] of rows) {
      const name = /`([^` ]+)`/.exec(program!)![1]!;
      const histogram = !program!.includes('no `--histogram`');
      expect([program, 'dpor', executions(name, { histogram }).done]).toEqual([program, 'dpor', count(dpor!)]);
      checked++;
      if (/^\d+$/.test(dfs!) && count(dfs!) <= 1000) {
        expect([program, 'dfs', executions(name, { histogram, strategy: 'dfs' }).done]).toEqual([program, 'dfs', count(dfs!)]);
        checked++;
      }
      if (/^[\d,]+$/.test(untimed!) && count(untimed!) <= 5000) {
        expect([program, 'untimed', executions(name, { histogram, untimed: true }).done]).toEqual([program, 'untimed', count(untimed!)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
