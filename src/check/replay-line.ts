/**
 * The line that replays a counterexample. Kept in one place so that it switches to the
 * `threadsim run --schedule` notation in one edit once that flag exists; until then it names
 * the program, the policy and seed of the checking run, and lists the thread of every step.
 */
import type { ExecutionResult } from '../scheduler/execution.ts';
import { replayCommand } from '../trace/replay-command.ts';

/** `replay: npx threadsim run PROGRAM --policy choices --seed 0, threads per step: 0 0 1 ...`. */
export function replayLine(programSpec: string, exec: ExecutionResult): string {
  const legend = exec.threads.map((t) => `${t.index} = ${t.name}`).join(', ');
  return `replay: ${replayCommand({ program: programSpec, policy: exec.policy, seed: exec.seed })}, threads per step: ${exec.schedule.join(' ')} (${legend})`;
}
