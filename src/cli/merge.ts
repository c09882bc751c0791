/**
 * `threadsim merge FILES...`: combine the results of `threadsim explore --shard i/N` into the
 * report (and --json) that one process running the whole exploration prints.
 */
import { readFileSync } from 'node:fs';
import { ThreadsimError } from '../errors.js';
import { mergeParts } from '../scheduler/explore/workers/merge.js';
import { checkShards } from '../scheduler/explore/workers/shard.js';
import type { ExploreRecipe } from './explore-report.js';
import { report } from './explore.js';
import { loadProgram } from './load.js';
import { mergeDporShards } from './dpor-shard.js';

/** Options of `threadsim merge`. */
export interface MergeArgs {
  readonly files: readonly string[];
  readonly json: boolean;
}

/** Run the command; resolves to the exit code `threadsim explore` would have ended with. */
export async function mergeCommand(args: MergeArgs, out: (line: string) => void): Promise<number> {
  const parsed = args.files.map((name) => {
    let text: string;
    try {
      text = readFileSync(name, 'utf8');
    } catch (e) {
      throw new ThreadsimError('TSIM008', `cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'Name the JSON files that `threadsim explore --shard i/N -o FILE` wrote.');
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ThreadsimError('TSIM008', `${name} is not JSON`, 'Name the JSON files that `threadsim explore --shard i/N -o FILE` wrote.');
    }
  });
  const shards = checkShards(parsed, args.files);
  const first = shards[0]!;
  const program = await loadProgram(first.program);
  const interrupted = shards.some((s) => s.interrupted);
  const elapsedMs = Math.max(...shards.map((s) => s.elapsedMs));
  const summary = first.dpor !== undefined ? mergeDporShards(program, first.options, shards, elapsedMs) : mergeParts(
    program,
    first.options,
    shards.flatMap((s) => s.parts),
    { interrupted, elapsedMs },
  );
  const recipe = first.context.recipe as ExploreRecipe;
  return report(program, summary, { json: args.json, recipe, target: first.options.findOutput, detectRaces: first.options.detectRaces === true }, out);
}
