/**
 * The command that replays an execution: every failure report ends with it.
 */

/** What identifies one execution for `threadsim run`. */
export interface ReplayRecipe {
  /** Built-in name or the module path the user gave. */
  readonly program: string;
  readonly policy: string;
  readonly seed: number;
  readonly maxSteps?: number;
  readonly cpuCount?: number;
  /** The schedule notation given to `--schedule`, when the run followed one. */
  readonly schedule?: string;
}

/** Quote an argument for a POSIX shell when it needs it. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `npx threadsim run tutorial/race --policy random --seed 7`. */
export function replayCommand(r: ReplayRecipe): string {
  const parts = ['npx', 'threadsim', 'run', shellQuote(r.program), '--policy', r.policy, '--seed', String(r.seed)];
  if (r.maxSteps !== undefined) parts.push('--max-steps', String(r.maxSteps));
  if (r.cpuCount !== undefined) parts.push('--cpu-count', String(r.cpuCount));
  return parts.join(' ');
}
