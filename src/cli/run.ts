/** `threadsim run`: run a program, print its output, report failures with a replay line. */
import { ThreadsimError } from '../errors.ts';
import { RaceMonitor } from '../scheduler/detect/detector.ts';
import { findSplitSection } from '../scheduler/detect/split-sections.ts';
import { execute, type ExecutionResult } from '../scheduler/execution.ts';
import { policyByName } from '../scheduler/policies/index.ts';
import type { Program } from '../scheduler/program.ts';
import { runProgram } from '../scheduler/run.ts';
import { toTraceFile } from '../trace/format.ts';
import type { ReplayRecipe } from '../trace/replay-command.ts';
import { replayCommand } from '../trace/replay-command.ts';
import { failureReport } from '../trace/report.ts';
import { LEVEL_NUMBERS, renderOutput } from '../trace/text.ts';
import { writeFileAtomic } from './io.ts';
import { loadProgram } from './load.ts';

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
  readonly force: boolean;
  readonly json: boolean;
  /** Race detection (data races, lock order, deadlock cycles). Default true. */
  readonly detect?: boolean;
}

/** Run the command; returns the exit code (0 no failure, 1 failure found). */
export async function runCommand(args: RunArgs, out: (line: string) => void): Promise<number> {
  const program = await loadProgram(args.program);
  const level = logLevel(args.logLevel, program);
  policyByName(args.policy);
  const summary = runProgram(program, {
    policy: args.policy,
    seed: args.seed,
    runs: args.runs,
    ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }),
    ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }),
    detect: args.detect ?? true,
  });
  const exec = summary.execution;
  const recipe: ReplayRecipe = {
    program: args.program,
    policy: args.policy,
    seed: exec.seed,
    ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }),
    ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }),
  };
  const needTrace = args.trace !== undefined || exec.failures.length > 0;
  const recorded = needTrace ? recordAgain(program, recipe, args.detect ?? true) : undefined;
  const failures = recorded?.failures ?? exec.failures;
  if (args.trace !== undefined && recorded !== undefined) {
    writeFileAtomic(args.trace, `${JSON.stringify(toTraceFile(recorded, recipe), null, 1)}\n`, args.force);
  }
  const lines = renderOutput(exec.output, { timestamps: args.timestamps, level });
  if (args.json) {
    out(
      JSON.stringify(
        {
          program: args.program,
          policy: args.policy,
          seed: exec.seed,
          runs: summary.runs,
          ending: exec.ending,
          steps: exec.steps,
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
        null,
        2,
      ),
    );
  } else {
    for (const l of lines) out(l);
    out('');
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
export function recordAgain(program: Program, recipe: ReplayRecipe, detect = false) {
  return execute(program, {
    policy: policyByName(recipe.policy),
    seed: recipe.seed,
    record: true,
    ...(detect ? { monitor: new RaceMonitor({ patterns: true }) } : {}),
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
  if (n === undefined) throw new ThreadsimError('TS006', `unknown --log-level '${chosen}'`, `Use one of: ${Object.keys(LEVEL_NUMBERS).join(', ')}.`);
  return n;
}
