/** `threadsim run`: run a program, print its output, report failures with a replay line. */
import { safeStringify } from '../scheduler/json-safe.js';
import { ThreadsimError } from '../errors.js';
import { RaceMonitor } from '../scheduler/detect/detector.js';
import { findSplitSection } from '../scheduler/detect/split-sections.js';
import { execute, type ExecutionResult } from '../scheduler/execution.js';
import { parseSchedule, printSchedule, threadLabels } from '../trace/notation.js';
import { parseStepRange } from '../trace/export/step-range.js';
import { runSchedule } from '../trace/schedule-policy.js';
import { policyByName } from '../scheduler/policies/index.js';
import type { Program } from '../scheduler/program.js';
import { runProgram } from '../scheduler/run.js';
import type { ReplayRecipe } from '../trace/replay-command.js';
import { replayCommand } from '../trace/replay-command.js';
import { failureReport } from '../trace/report.js';
import { LEVEL_NUMBERS, renderOutput } from '../trace/text.js';
import { checkWritable, writeFileAtomic } from './io.js';
import { loadProgram } from './load.js';

/** Options of `threadsim run`, as yargs parses them. */
export interface RunArgs {
  readonly program: string;
  readonly policy: string;
  readonly seed: number;
  readonly runs: number;
  readonly timestamps: boolean;
  readonly logLevel?: string;
  readonly maxSteps?: number;
  readonly cpuCount?: number;
  readonly trace?: string;
  /** Follow this schedule (the notation); `policy` picks after its end. */
  readonly schedule?: string;
  /** Export the reported run in this format (to `output`, else to standard output alone). */
  readonly export?: string;
  readonly output?: string;
  /** With `export`: only steps `A..B`. */
  readonly steps?: string;
  /** With `export`: only these threads as lanes, comma-separated. */
  readonly threads?: string;
  /** With `export`: `race` or `race:N`, the steps of that race. */
  readonly focus?: string;
  readonly force: boolean;
  readonly json: boolean;
  /** Race detection (data races, lock order, deadlock cycles). Default true. */
  readonly detect?: boolean;
}

/** Run the command; returns the exit code (0 no failure, 1 failure found). */
export async function runCommand(args: RunArgs, out: (line: string) => void): Promise<number> {
  // Every option is checked before the program runs or any file is written, so a mistake
  // never leaves a file behind that the corrected command would then refuse to overwrite.
  for (const [flag, value] of [['--steps', args.steps], ['--threads', args.threads], ['--focus', args.focus]] as const) {
    if (value !== undefined && args.export === undefined) throw new ThreadsimError('TSIM006', `${flag} needs --export FORMAT`, `Add --export markdown (or svg, mermaid, ...), or drop ${flag}.`);
  }
  if (args.output !== undefined && args.export === undefined) {
    throw new ThreadsimError('TSIM006', '-o/--output needs --export FORMAT', 'Add --export markdown (or another format), or use --trace FILE for the trace itself.');
  }
  // The range's syntax now; whether it fits the trace once there is one, before writing it.
  if (args.steps !== undefined) parseStepRange(args.steps);
  if (args.schedule !== undefined) parseSchedule(args.schedule);
  policyByName(args.policy);
  if (args.json && args.export !== undefined && args.output === undefined) {
    throw new ThreadsimError('TSIM006', '--json and --export both write to standard output', `Give the export a file (--export ${args.export} -o FILE) to get both, or drop one of them.`);
  }
  if (args.schedule !== undefined && args.runs !== 1) {
    throw new ThreadsimError('TSIM006', '--schedule runs one fixed schedule; --runs does not apply', 'Drop --runs, or drop --schedule to try several seeds.');
  }
  for (const file of [args.trace, args.output]) if (file !== undefined) checkWritable(file, args.force);
  if (args.trace !== undefined && args.trace === args.output) {
    throw new ThreadsimError('TSIM006', `--trace and --output both name ${args.trace}`, 'Give them different file names.');
  }
  const program = await loadProgram(args.program);
  const level = logLevel(args.logLevel, program);
  const base = {
    program: args.program,
    policy: args.policy,
    ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }),
    ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }),
    ...(args.schedule === undefined ? {} : { schedule: args.schedule }),
  };
  const detect = args.detect ?? true;
  const summary =
    args.schedule !== undefined
      ? { runs: 1, execution: recordAgain(program, { ...base, seed: args.seed }, detect) }
      : runProgram(program, { policy: args.policy, seed: args.seed, runs: args.runs, detect, sites: args.runs === 1, record: args.runs === 1, ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }), ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }) });
  const exec = summary.execution;
  const recipe: ReplayRecipe = { ...base, seed: exec.seed };
  const needTrace = args.trace !== undefined || args.export !== undefined || exec.failures.length > 0;
  // The recorded run carries code sites and pattern names: its failures are the ones reported.
  // A single run is recorded as it runs; a failure among many runs is run again to record it.
  const recorded = needTrace ? (exec.trace !== undefined ? exec : recordAgain(program, recipe, detect)) : undefined;
  const failures = recorded?.failures ?? exec.failures;
  // The trace file and the exporters (and the trace schema they bring) load only when asked for.
  if (recorded !== undefined && (args.trace !== undefined || args.export !== undefined)) {
    const [{ asTraceRaces }, { programExtras, serializeTrace, toTraceFile }, { checkExportOptions, renderExport, withRaces }, { windowOptions }] = await Promise.all([
      import('../trace/trace-races.js'),
      import('../trace/format.js'),
      import('../trace/export/index.js'),
      import('./export.js'),
    ]);
    const races = detect ? { races: asTraceRaces(recorded.failures, recorded.threads) } : {};
    const traceFile = withRaces(toTraceFile(recorded, recipe, { ...programExtras(program), logLevel: level, ...races }));
    // A bad excerpt is refused before the trace file is written.
    const exportOptions = args.export !== undefined ? checkExportOptions(traceFile, args.export, windowOptions(args)) : {};
    if (args.trace !== undefined) writeFileAtomic(args.trace, serializeTrace(traceFile), args.force);
    if (args.export !== undefined) {
      const text = renderExport(traceFile, args.export, { ...exportOptions, timestamps: args.timestamps, level, program });
      if (args.output === undefined) {
        out(text.endsWith('\n') ? text.slice(0, -1) : text);
        return exec.failures.length === 0 ? 0 : 1;
      }
      writeFileAtomic(args.output, text, args.force);
    }
  }
  const lines = renderOutput(exec.output, { timestamps: args.timestamps, level });
  if (args.json) {
    out(
      safeStringify(
        {
          program: args.program,
          policy: args.policy,
          seed: exec.seed,
          runs: summary.runs,
          ...('repeatsOneSchedule' in summary && summary.repeatsOneSchedule !== undefined ? { deterministicPolicy: true, runsAsked: summary.repeatsOneSchedule } : {}),
          ending: exec.ending,
          steps: exec.steps,
          schedule: printSchedule(exec.schedule, exec.threads.map((t) => t.name), exec.choices),
          legend: scheduleLegend(exec.threads.map((t) => t.name)),
          failures: failures.map((f) => ({ ...f, replay: replayCommand(recipe) })),
          races: failures.filter((f) => f.kind === 'race').map((f) => ({
            location: f.location,
            pattern: f.pattern ?? null,
            threads: [f.first.thread, f.second.thread],
            steps: [f.first.step, f.second.step],
            accesses: [f.first, f.second],
            ...(f.patternSteps === undefined ? {} : { patternSteps: f.patternSteps }),
          })),
          ...splitSectionJson(recorded),
          state: exec.state,
          output: lines,
        },
        2,
      ),
    );
  } else {
    for (const l of lines) out(l);
    out('');
    if ('repeatsOneSchedule' in summary && summary.repeatsOneSchedule !== undefined) {
      out(`note: policy ${args.policy} is deterministic (it ignores the seed), so --runs ${summary.repeatsOneSchedule} would repeat one schedule: it ran once. To try different schedules, use --policy random --runs ${summary.repeatsOneSchedule}, or threadsim explore ${args.program}.`);
    }
    if (exec.failures.length === 0) {
      const seeds = summary.runs === 1 ? `seed ${args.seed}` : `seeds ${args.seed}..${args.seed + summary.runs - 1}`;
      out(`no failure: ${program.name} under policy ${args.policy}, ${seeds} (${summary.runs} run${summary.runs === 1 ? '' : 's'}, last one ${exec.steps} steps)`);
    } else {
      if (summary.runs > 1) out(`found after ${summary.runs} runs (seeds ${args.seed}..${exec.seed})`);
      for (const l of failureReport(exec, recipe, recorded)) out(l);
    }
  }
  return exec.failures.length === 0 ? 0 : 1;
}

/**
 * Re-run the reported execution with its trace and code sites kept (runs are deterministic),
 * with race detection naming patterns when `detect` is on.
 */
export function recordAgain(program: Program, recipe: ReplayRecipe, detect = false): ExecutionResult {
  const monitor = detect ? { monitor: new RaceMonitor({ patterns: true }) } : {};
  if (recipe.schedule !== undefined) {
    return runSchedule(program, recipe.schedule, {
      fallback: policyByName(recipe.policy),
      seed: recipe.seed,
      ...monitor,
      ...(recipe.maxSteps === undefined ? {} : { maxSteps: recipe.maxSteps }),
      ...(recipe.cpuCount === undefined ? {} : { cpuCount: recipe.cpuCount }),
    });
  }
  return execute(program, {
    policy: policyByName(recipe.policy),
    seed: recipe.seed,
    record: true,
    ...monitor,
    ...(recipe.maxSteps === undefined ? {} : { maxSteps: recipe.maxSteps }),
    ...(recipe.cpuCount === undefined ? {} : { cpuCount: recipe.cpuCount }),
  });
}

/**
 * For a failed claim that no data race explains: the race-free atomicity violation in the
 * recorded trace, if there is one (`split-sections.ts`).
 */
function splitSectionJson(recorded: ExecutionResult | undefined): { atomicity?: object } {
  const fs = recorded?.failures ?? [];
  if (recorded?.trace === undefined || fs.some((f) => f.kind === 'race') || !fs.some((f) => f.kind === 'claim' || f.kind === 'invariant')) return {};
  const split = findSplitSection(recorded.trace);
  if (split === undefined) return {};
  const name = (i: number): string => recorded.threads[i]?.name ?? `#${i}`;
  const steps = [split.first, split.between, split.second];
  return {
    atomicity: {
      pattern: 'atomicity violation',
      steps: steps.map((s) => s.step),
      threads: steps.map((s) => name(s.thread)),
      locations: steps.map((s) => s.obj),
      locks: [split.locksFirst, split.locksSecond],
    },
  };
}

function logLevel(name: string | undefined, program: Program): number {
  const chosen = name ?? program.options.logLevel ?? 'info';
  const n = LEVEL_NUMBERS[chosen.toLowerCase()];
  if (n === undefined) throw new ThreadsimError('TSIM006', `unknown --log-level '${chosen}'`, `Use one of: ${Object.keys(LEVEL_NUMBERS).join(', ')}.`);
  return n;
}

/** What each label in the printed schedule stands for: `{ "T1": "ThreadPoolExecutor-0_0", ... }`. */
function scheduleLegend(names: readonly string[]): Record<string, string> {
  const labels = threadLabels(names);
  return Object.fromEntries(labels.map((label, i) => [label.startsWith('"') ? (JSON.parse(label) as string) : label, names[i]!]));
}
