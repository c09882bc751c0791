/**
 * `threadsim explore --strategy dpor --shard i/N`: run this shard's parts of a fixed split of
 * the DPOR tree (scheduler/explore/workers/dpor-shard.ts) and write a result that
 * `threadsim merge` combines into the report one process gives.
 */
import { ThreadsimError } from '../errors.js';
import type { ExploreOptions, ExploreSummary } from '../scheduler/explore/explore.js';
import type { Program } from '../scheduler/program.js';
import { DporBranchRun } from '../scheduler/explore/workers/dpor-branch.js';
import { DporTally, splitsDpor } from '../scheduler/explore/workers/dpor-tally.js';
import { dporShardParts } from '../scheduler/explore/workers/dpor-shard.js';
import { parseShard, SHARD_FORMAT, SHARD_VERSION, type ShardFile } from '../scheduler/explore/workers/shard.js';
import type { ExploreRecipe } from './explore-report.js';
import { count } from './explore-report.js';
import { writeFileAtomic } from './io.js';

/** Run DPOR shard `shard` (i/N) of `program` and write its result; resolves to the exit code. */
export async function runDporShard(program: Program, shard: string, options: ExploreOptions, recipe: ExploreRecipe, target: { program: string; output?: string; force: boolean }, out: (line: string) => void): Promise<number> {
  if (!splitsDpor(options)) {
    throw new ThreadsimError('TSIM006', '--shard splits a whole DPOR search: drop --max-executions and --detect-races', 'Run the whole search in each shard (the shards split it), or use one process.');
  }
  const spec = parseShard(shard);
  const clock = (): number => performance.now();
  const t0 = clock();
  const { clock: _c, ...portable } = options;
  const parts = dporShardParts(program, portable, spec);
  const run = new DporBranchRun(program, portable, { parts }, clock);
  const onSigint = (): void => run.interrupt();
  process.on('SIGINT', onSigint);
  try {
    while (!run.run(100)) await new Promise<void>((resolve) => setImmediate(resolve));
  } finally {
    process.off('SIGINT', onSigint);
  }
  const result = run.result();
  const interrupted = result.stopped && !result.match && result.failures.length === 0;
  const file: ShardFile = { format: SHARD_FORMAT, version: SHARD_VERSION, program: target.program, shard: spec, options: portable, context: { recipe }, interrupted, elapsedMs: clock() - t0, parts: [], dpor: result };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (target.output === undefined) out(text.trimEnd());
  else writeFileAtomic(target.output, text, target.force);
  const kinds = result.failures.length;
  process.stderr.write(`shard ${spec.index}/${spec.count} of ${target.program}: ${parts.length} DPOR part${parts.length === 1 ? '' : 's'}, ${count(result.executions + (result.skipped ?? 0))} executions run, ${count(result.records.length)} kept (the others belong to other shards), ${kinds} kind${kinds === 1 ? '' : 's'} of failure${interrupted ? ' (interrupted)' : ''}; combine the shards with threadsim merge\n`);
  return interrupted ? 130 : 0;
}

/** The summary of DPOR shards' results: the one one process gives, apart from timing. */
export function mergeDporShards(program: Program, options: ExploreOptions, shards: readonly ShardFile[], elapsedMs: number): ExploreSummary {
  const { clock: _c, ...portable } = options;
  const c = new DporTally(program, portable);
  for (const s of shards) if (s.dpor !== undefined) c.absorb(s.dpor, s.interrupted);
  return c.summary(elapsedMs);
}
