/**
 * A bigger sweep than test/python/inline-generated.test.ts: generated `.py` programs of 2-3
 * threads and up to 6 statements whose containers call `__eq__`, `__hash__` or `__lt__`
 * inside their own steps, each explored by DPOR and by DFS (every schedule); prints how many
 * were compared, how many DFS could not finish within its budget (skipped), and every program
 * where DPOR's set of outputs differs from DFS's (none expected). Also prints the ratio of
 * DPOR's executions to DFS's over the programs compared.
 *
 * Run: npx tsx bench/inline-dpor-sweep.ts [--runs N] [--seed S] [--budget EXECUTIONS]
 */
import fc from 'fast-check';
import { pythonProgram } from '../src/python/program.js';
import { Exploration } from '../src/scheduler/explore/explore.js';
import { source, specs } from '../test/python/inline-programs.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg('runs', 200);
const seed = arg('seed', 1);
const budget = arg('budget', 5000);

function explore(src: string, strategy: 'dpor' | 'dfs'): { outputs: string[]; executions: number } | undefined {
  const e = new Exploration(pythonProgram(src, 'gen.py'), { strategy, histogram: true, keepGoing: true, maxExecutions: budget, iterateBounds: false });
  e.run();
  const s = e.summary();
  if (!s.exhaustive) return undefined;
  return { outputs: s.histogram!.outputs.map(([text]) => text).sort(), executions: s.executions };
}

let compared = 0;
let skipped = 0;
let differ = 0;
let dporRuns = 0;
let dfsRuns = 0;
for (const spec of fc.sample(specs, { numRuns: runs, seed })) {
  const src = source(spec);
  const dfs = explore(src, 'dfs');
  if (dfs === undefined) {
    skipped++;
    continue;
  }
  const dpor = explore(src, 'dpor')!;
  compared++;
  dporRuns += dpor.executions;
  dfsRuns += dfs.executions;
  if (JSON.stringify(dpor.outputs) !== JSON.stringify(dfs.outputs)) {
    differ++;
    console.log(`--- DPOR differs from DFS:\n${src}DFS only: ${JSON.stringify(dfs.outputs.filter((o) => !dpor.outputs.includes(o)))}\nDPOR only: ${JSON.stringify(dpor.outputs.filter((o) => !dfs.outputs.includes(o)))}`);
  }
}
console.log(`seed ${seed}: ${runs} programs generated, ${compared} compared, ${skipped} skipped (DFS over ${budget} executions), ${differ} where DPOR's outputs differ from DFS's`);
console.log(`executions: DPOR ${dporRuns}, DFS ${dfsRuns} (DPOR/DFS ${(dporRuns / Math.max(1, dfsRuns)).toFixed(3)})`);
process.exitCode = differ > 0 ? 1 : 0;
