/**
 * The lines that replay a counterexample with `threadsim run PROGRAM --schedule '...'`: the
 * executed schedule in the trace notation (exact: the run follows it step by step), with the
 * legend of any thread aliases.
 */
import type { ExecutionResult } from '../scheduler/execution.js';
import { printSchedule } from '../trace/notation.js';
import { replayLines } from '../trace/replay-command.js';

/** `replay: npx threadsim run PROGRAM --schedule '...'` (and `where T1 = ...` when needed). */
export function replayLine(programSpec: string, exec: ExecutionResult, options: { maxSteps?: number; cpuCount?: number } = {}): string {
  const notation = printSchedule(exec.schedule, exec.threads.map((t) => t.name));
  return replayLines({ program: programSpec, policy: 'gil', seed: 0, schedule: notation, ...options }, exec).join('\n');
}
