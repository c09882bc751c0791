/**
 * The command that replays an execution: every failure report ends with it, in two forms:
 * the schedule in the notation (exact, readable, editable by hand) and the seed (short).
 */
import type { ChoiceRecord } from '../scheduler/choice.js';
import { aliasLegend, printSchedule } from './notation.js';

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
  /** False when the run had race detection off (`--no-detect`). */
  readonly detect?: boolean;
}

/** Quote an argument for a POSIX shell when it needs it. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function common(r: ReplayRecipe): string[] {
  const parts: string[] = [];
  if (r.maxSteps !== undefined) parts.push('--max-steps', String(r.maxSteps));
  if (r.cpuCount !== undefined) parts.push('--cpu-count', String(r.cpuCount));
  if (r.detect === false) parts.push('--no-detect');
  return parts;
}

/**
 * `npx threadsim run tutorial/race --policy random --seed 7`, or with `--schedule '...'` when
 * the recipe holds a schedule (the policy then only picks after the schedule's end).
 */
export function replayCommand(r: ReplayRecipe): string {
  const parts = ['npx', 'threadsim', 'run', shellQuote(r.program)];
  if (r.schedule !== undefined) {
    parts.push('--schedule', shellQuote(r.schedule));
    if (r.policy !== 'gil') parts.push('--policy', r.policy);
  } else {
    parts.push('--policy', r.policy, '--seed', String(r.seed));
  }
  return [...parts, ...common(r)].join(' ');
}

/** What an executed run needs for its replay lines. */
export interface ExecutedSchedule {
  readonly schedule: readonly number[];
  readonly choices?: readonly ChoiceRecord[];
  readonly threads: readonly { readonly name: string }[];
}

/** Longest schedule notation a report prints on its replay line. */
export const MAX_PRINTED_SCHEDULE = 4000;

/**
 * The replay lines of an executed run: its whole schedule in the notation, the meaning of
 * any `T<n>` aliases, and (for runs made by a seed) the seed form. A schedule longer than
 * {@link MAX_PRINTED_SCHEDULE} characters is not printed: the line says how to keep it.
 */
export function replayLines(recipe: ReplayRecipe, exec: ExecutedSchedule): string[] {
  const names = exec.threads.map((t) => t.name);
  const notation = printSchedule(exec.schedule, names, exec.choices);
  const { schedule: _given, ...bySeed } = recipe;
  if (notation.length > MAX_PRINTED_SCHEDULE) {
    return [
      `replay: the schedule of these ${exec.schedule.length} steps is ${notation.length} characters long; keep it with --trace FILE and run \`threadsim replay FILE\``,
      `    or: ${replayCommand(recipe.schedule === undefined ? bySeed : recipe)}`,
    ];
  }
  const lines = [`replay: ${replayCommand({ ...bySeed, policy: 'gil', schedule: notation })}`];
  const legend = aliasLegend(names, new Set(exec.schedule));
  if (legend.length > 0) lines.push(`  where ${legend.join(', ')}`);
  if (recipe.schedule === undefined) lines.push(`    or: ${replayCommand(bySeed)}`);
  return lines;
}
