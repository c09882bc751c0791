/**
 * The failure report: what happened, the threads and steps involved, why, and the command
 * that replays it (the report is the replay recipe): the schedule in the notation, and the seed.
 */
import type { ExecutionResult } from '../scheduler/execution.ts';
import { explainAccesses } from './explain.ts';
import { replayLines, type ReplayRecipe } from './replay-command.ts';

/** Lines of the report for an execution; `recorded` is the same execution with its trace. */
export function failureReport(exec: ExecutionResult, recipe: ReplayRecipe, recorded?: ExecutionResult): string[] {
  if (exec.failures.length === 0) return [];
  const lines: string[] = [];
  const n = exec.failures.length;
  lines.push(`${n === 1 ? 'FAILURE' : `${n} FAILURES`} in ${exec.program} under policy ${exec.policy}, seed ${exec.seed} (${exec.steps} steps):`);
  for (const f of exec.failures) lines.push(`  - ${f.message}`);
  const trace = recorded?.trace;
  if (trace !== undefined && exec.failures.some((f) => f.kind === 'claim')) {
    const name = (i: number): string => exec.threads[i]?.name ?? `#${i}`;
    for (const l of explainAccesses(trace, name)) lines.push(`  ${l}`);
  }
  lines.push(...replayLines(recipe, exec));
  return lines;
}
