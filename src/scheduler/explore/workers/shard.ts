/**
 * Shards: a sampled exploration cut into N deterministic shares of its runs, each run by its
 * own process (a CI matrix job, a Kubernetes indexed job), each writing a JSON result; the
 * results merge into the summary one process gives (merge.ts).
 *
 * Shard i of N (1-based) runs the runs numbered floor((i-1)·M/N) .. floor(i·M/N) - 1 of the
 * M the exploration asks for, so the shares depend on nothing but i, N and M.
 */
import { ThreadsimError } from '../../../errors.js';
import type { ExploreOptions } from '../explore.js';
import type { PartRange, PartResult } from './part.js';
import type { BranchResult } from './dpor-branch.js';

/** Format tag of a shard result file. */
export const SHARD_FORMAT = 'threadsim-shard';
/** Version of the shard result format; merge refuses other versions. */
export const SHARD_VERSION = 1;

/** `i/N`, 1-based. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** What a shard writes: enough to merge without being told anything else. */
export interface ShardFile {
  readonly format: typeof SHARD_FORMAT;
  readonly version: typeof SHARD_VERSION;
  /** The program as the command line named it (merge loads it to re-run reported runs). */
  readonly program: string;
  readonly shard: ShardSpec;
  /** The exploration's options (no clock), `maxExecutions` set: the same in every shard. */
  readonly options: Omit<ExploreOptions, 'clock'>;
  /** Anything else the report needs that must agree between shards (CLI recipe). */
  readonly context: Record<string, unknown>;
  readonly interrupted: boolean;
  /** Time the shard took (timing only: never compared). */
  readonly elapsedMs: number;
  readonly parts: readonly PartResult[];
  /** DPOR: what the shard's prefix parts found (dpor-shard.ts); `parts` is then empty. */
  readonly dpor?: BranchResult;
}

/** Parse `i/N` (1 <= i <= N). */
export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new ThreadsimError('TSIM006', `--shard must be i/N with 1 <= i <= N, got '${text}'`, 'Pass e.g. --shard 1/4 .. --shard 4/4 (a Kubernetes JOB_COMPLETION_INDEX is 0-based: add 1).');
  }
  return { index, count };
}

/** The runs shard `s` makes out of `total`. */
export function shardRange(s: ShardSpec, total: number): PartRange {
  const from = Math.floor(((s.index - 1) * total) / s.count);
  const to = Math.floor((s.index * total) / s.count);
  return { from, count: to - from };
}

/**
 * Check that `files` are every shard of one exploration, each once; returns them in shard
 * order. `names` label the files in messages.
 */
export function checkShards(files: readonly unknown[], names: readonly string[]): ShardFile[] {
  const shards = files.map((f, i) => asShard(f, names[i] ?? `#${i + 1}`));
  const first = shards[0];
  if (first === undefined) throw new ThreadsimError('TSIM016', 'no shard results to merge', 'Name the JSON files that `threadsim explore --shard i/N -o FILE` wrote.');
  const same = JSON.stringify([first.program, first.options, first.context, first.shard.count]);
  shards.forEach((s, i) => {
    if (JSON.stringify([s.program, s.options, s.context, s.shard.count]) !== same) {
      throw new ThreadsimError('TSIM016', `${names[i]} is from another exploration than ${names[0]} (program, options or shard count differ)`, 'Merge the shards of one exploration only: same program, options and N.');
    }
  });
  const byIndex = new Map<number, string>();
  shards.forEach((s, i) => {
    const other = byIndex.get(s.shard.index);
    if (other !== undefined) throw new ThreadsimError('TSIM016', `shard ${s.shard.index}/${s.shard.count} is given twice (${other} and ${names[i]})`, 'Name each shard result once.');
    byIndex.set(s.shard.index, names[i]!);
  });
  const missing: number[] = [];
  for (let i = 1; i <= first.shard.count; i++) if (!byIndex.has(i)) missing.push(i);
  if (missing.length > 0) {
    throw new ThreadsimError('TSIM016', `shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${first.shard.count} missing`, 'Merge the results of every shard, --shard 1/N .. N/N.');
  }
  return [...shards].sort((a, b) => a.shard.index - b.shard.index);
}

function asShard(f: unknown, name: string): ShardFile {
  const o = f as Partial<ShardFile> | null;
  if (typeof o !== 'object' || o === null || o.format !== SHARD_FORMAT) {
    throw new ThreadsimError('TSIM008', `${name} is not a threadsim shard result`, 'Pass the files `threadsim explore --shard i/N -o FILE` wrote.');
  }
  if (o.version !== SHARD_VERSION) {
    throw new ThreadsimError('TSIM008', `${name} is a shard result of format version ${String(o.version)}; this threadsim reads version ${SHARD_VERSION}`, 'Run every shard and the merge with the same threadsim version.');
  }
  if (typeof o.program !== 'string' || typeof o.shard?.index !== 'number' || typeof o.shard.count !== 'number' || !Array.isArray(o.parts) || typeof o.options !== 'object') {
    throw new ThreadsimError('TSIM008', `${name} is a malformed shard result`, 'Write it again with threadsim explore --shard i/N -o FILE.');
  }
  return o as ShardFile;
}
