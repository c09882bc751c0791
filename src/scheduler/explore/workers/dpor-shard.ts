/**
 * `--shard i/N` for DPOR: a fixed split of the search tree into prefix parts ("The prefix split" of
 * docs/parallel.md, dpor-split.ts), the same in every shard because it is computed from the
 * program alone; shard i runs every N-th part from part i. Each part keeps only the executions
 * whose trace it owns, so the shards together count every trace once; the merge adds them up
 * (dpor-tally.ts). Sound and deterministic, but not cheaper than one process in total:
 * parts run executions that other parts own (docs/parallel.md measures it).
 */
import { execute } from '../../execution.js';
import type { Program } from '../../program.js';
import type { Runner } from '../search.js';
import { shardPrefixes, splitFor } from './dpor-split.js';
import type { ShardSpec } from './shard.js';
import type { BranchOptions } from './dpor-branch.js';

/** Parts per shard the split aims at (a few, so that parts even out between shards). */
const PARTS_PER_SHARD = 2;

/** The prefixes shard `spec` explores, out of a split that depends on the program, the options and N only. */
export function dporShardParts(program: Program, options: BranchOptions, spec: ShardSpec): (readonly number[])[] {
  const untimed = options.untimed ?? false;
  const { maxSteps, cpuCount } = options;
  const runner: Runner = (policy, monitor, seed = 0) => execute(program, { policy, seed, untimed, monitor, maxSteps, cpuCount });
  const rules = { orderOutput: options.histogram === true || options.findOutput !== undefined, daemon: () => false };
  const { prefixes } = splitFor(runner, rules, spec.count * PARTS_PER_SHARD, untimed);
  return shardPrefixes(prefixes, spec.index - 1, spec.count);
}
