import { runSeed } from '../../../../src/scheduler/explore/sampling.js';
import { describe, expect, it } from 'vitest';
import { explore, type ExploreOptions, type ExploreSummary } from '../../../../src/scheduler/explore/explore.js';
import { mergeParts } from '../../../../src/scheduler/explore/workers/merge.js';
import { runPart, type PartResult } from '../../../../src/scheduler/explore/workers/part.js';
import type { Program } from '../../../../src/scheduler/program.js';
import { racyCounter } from '../../../../src/examples/bench/index.js';
import { named } from '../helpers.js';

/** What a report shows of a summary: everything but timing and live execution objects. */
function visible(s: ExploreSummary): unknown {
  return {
    ...s,
    elapsedMs: 0,
    failures: s.failures.map((f) => ({ signature: f.signature, execution: f.execution, seed: f.seed, schedule: f.schedule, preemptions: f.preemptions, steps: f.steps, shrunk: f.shrunk, message: f.failure.message })),
    match: s.match === undefined ? undefined : { execution: s.match.execution, schedule: s.match.schedule },
  };
}

/** `total` runs cut into `n` contiguous parts of uneven sizes, each run to its end alone. */
function split(program: Program, options: ExploreOptions, total: number, n: number): PartResult[] {
  const parts: PartResult[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const to = Math.round(((i + 1) * total) / n);
    if (to > from) parts.push(runPart(program, options, { from, count: to - from }));
    from = to;
  }
  return parts;
}

const cases: [string, Program, ExploreOptions][] = [
  ['random, stop at the first failure', racyCounter(3), { strategy: 'random', seed: 5 }],
  ['random, keep going', named('zoo/dining-philosophers'), { strategy: 'random', keepGoing: true, seed: 1 }],
  ['pct, histogram', named('tutorial/race'), { strategy: 'pct', histogram: true }],
  ['random, histogram of a correct program', named('tutorial/locked-update'), { strategy: 'random', histogram: true, seed: 3 }],
];

describe('merging parts of a sampled exploration', () => {
  for (const [title, program, options] of cases) {
    it(`${title}: the merge of 1, 2, 3 and 7 parts is the one-process summary`, () => {
      const total = 140;
      const one = explore(program, { ...options, maxExecutions: total });
      for (const n of [1, 2, 3, 7]) {
        const merged = mergeParts(program, { ...options, maxExecutions: total }, split(program, options, total, n), { interrupted: false, elapsedMs: 0 });
        expect(visible(merged), `${n} parts`).toEqual(visible(one));
      }
    });
  }

  it('reports the first failure by seed order even when later parts failed too', () => {
    const program = racyCounter(3);
    const options: ExploreOptions = { strategy: 'random', seed: 5 };
    const parts = split(program, options, 140, 7);
    // Every part stops on its own first failure; the merge must pick the earliest run and
    // count only the runs one process would have made.
    expect(parts.filter((p) => p.stopped === 'failure').length).toBeGreaterThan(1);
    const first = Math.min(...parts.flatMap((p) => p.failures.map((f) => f.run)));
    const merged = mergeParts(program, { ...options, maxExecutions: 140 }, [...parts].reverse(), { interrupted: false, elapsedMs: 0 });
    expect(merged.failures[0]!.execution).toBe(first + 1);
    expect(merged.failures[0]!.seed).toBe(runSeed(5, first));
    expect(merged.executions).toBe(first + 1);
    expect(merged.stopped).toBe('failure');
  });

  it('refuses parts that leave a gap or overlap', () => {
    const program = named('tutorial/locked-update');
    const options: ExploreOptions = { strategy: 'random', maxExecutions: 30 };
    const a = runPart(program, options, { from: 0, count: 10 });
    const c = runPart(program, options, { from: 20, count: 10 });
    expect(() => mergeParts(program, options, [a, c], { interrupted: false, elapsedMs: 0 })).toThrow(/runs 10\.\.19 are missing.*TSIM016/);
    expect(() => mergeParts(program, options, [a, a], { interrupted: false, elapsedMs: 0 })).toThrow(/overlap at run 0/);
    // An interrupted run keeps what its parts found, gaps and all.
    expect(mergeParts(program, options, [a, c], { interrupted: true, elapsedMs: 0 }).executions).toBe(20);
  });
});
