/**
 * Merging the parts of a sampled exploration into the summary one process would have
 * made: counts and histograms added up in run order, up to the first part that stopped on a
 * failure or a match (what one process would have stopped at); each kind of failure reported
 * by the first run that showed it; the reported runs re-run here (deterministic) so that they
 * come with their execution, shrunk as one process would shrink them.
 */
import { ThreadsimError } from '../../../errors.js';
import type { Program } from '../../program.js';
import { Exploration, sorted, type ExploreOptions, type ExploreSummary, type FoundFailure, type StopReason } from '../explore.js';
import type { PartResult } from './part.js';

/** How the parts came to an end. */
export interface MergeContext {
  /** True when the user stopped the run (Ctrl-C): parts may leave gaps; every failure is kept. */
  readonly interrupted: boolean;
  readonly elapsedMs: number;
}

/** The summary of the exploration `options` describes, from its parts. */
export function mergeParts(program: Program, options: ExploreOptions, parts: readonly PartResult[], context: MergeContext): ExploreSummary {
  const ordered = [...parts].sort((a, b) => a.from - b.from);
  const states = new Map<string, number>();
  const outputs = new Map<string, number>();
  const failures = new Map<string, number>();
  let match: number | undefined;
  let executions = 0;
  let complete = 0;
  let deadlocks = 0;
  let stepBound = 0;
  let abandoned = 0;
  let stopped: StopReason | undefined;
  let next = 0;
  for (const p of ordered) {
    if (!context.interrupted && p.from !== next) {
      const what = p.from < next ? `overlap at run ${p.from}` : `runs ${next}..${p.from - 1} are missing`;
      throw new ThreadsimError('TSIM016', `the parts do not fit together: ${what}`, 'Merge the results of every shard of one exploration (same program and options, --shard 1/N .. N/N), each once.');
    }
    next = p.from + p.count;
    executions += p.executions;
    complete += p.complete;
    deadlocks += p.deadlocks;
    stepBound += p.stepBound;
    abandoned += p.abandoned;
    for (const [k, n] of p.states ?? []) states.set(k, (states.get(k) ?? 0) + n);
    for (const [k, n] of p.outputs ?? []) outputs.set(k, (outputs.get(k) ?? 0) + n);
    for (const f of p.failures) if (!failures.has(f.signature) || failures.get(f.signature)! > f.run) failures.set(f.signature, f.run);
    if (p.match !== undefined && (match === undefined || p.match < match)) match = p.match;
    // One process would have stopped here; later parts ran only because they ran at once.
    if (!context.interrupted && (p.stopped === 'failure' || p.stopped === 'match')) {
      stopped = p.stopped;
      break;
    }
  }
  stopped ??= context.interrupted ? 'interrupted' : 'budget';
  const { clock: _clock, ...portable } = options;
  const base = new Exploration(program, portable).summary();
  const found = [...failures].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([signature, run]) => rerunFailure(program, portable, signature, run));
  return {
    ...base,
    executions,
    explored: executions,
    complete,
    deadlocks,
    stepBound,
    abandoned,
    stopped,
    failures: found,
    ...(options.histogram ? { histogram: { states: sorted(states), outputs: sorted(outputs) } } : {}),
    ...(match === undefined ? {} : { match: rerunMatch(program, portable, match) }),
    elapsedMs: context.elapsedMs,
  };
}

/** Run number `run` alone, as the exploration would, and the failure with `signature` it shows. */
function rerunFailure(program: Program, options: ExploreOptions, signature: string, run: number): FoundFailure {
  const { findOutput: _f, histogram: _h, ...rest } = options;
  const e = new Exploration(program, { ...rest, firstRun: run, maxExecutions: 1, keepGoing: true });
  e.run();
  const f = e.summary().failures.find((x) => x.signature === signature);
  if (f === undefined) {
    throw new ThreadsimError('TSIM016', `run ${run} no longer shows the failure a part reported (${signature})`, 'Merge only results made from the same program, threadsim version and options.');
  }
  return { ...f, execution: run + 1 };
}

function rerunMatch(program: Program, options: ExploreOptions, run: number): NonNullable<ExploreSummary['match']> {
  const { histogram: _h, ...rest } = options;
  const e = new Exploration(program, { ...rest, firstRun: run, maxExecutions: 1, shrink: false });
  e.run();
  const m = e.summary().match;
  if (m === undefined) {
    throw new ThreadsimError('TSIM016', `run ${run} no longer prints the output a part reported`, 'Merge only results made from the same program, threadsim version and options.');
  }
  return { ...m, execution: run + 1 };
}
