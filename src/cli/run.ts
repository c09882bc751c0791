/** `threadsim run`: run a program, print its output, report failures with a replay line. */
import { ThreadsimError } from '../errors.ts';
import { execute, type ExecutionResult } from '../scheduler/execution.ts';
import { printSchedule } from '../trace/notation.ts';
import { runSchedule } from '../trace/schedule-policy.ts';
import { policyByName } from '../scheduler/policies/index.ts';
import type { Program } from '../scheduler/program.ts';
import { runProgram } from '../scheduler/run.ts';
import { renderExport, withRaces } from '../trace/export/index.ts';
import { programExtras, serializeTrace, toTraceFile } from '../trace/format.ts';
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
  /** Follow this schedule (the notation); `policy` picks after its end. */
  readonly schedule?: string;
  /** Export the reported run in this format (to `output`, else to standard output alone). */
  readonly export?: string;
  readonly output?: string;
  readonly force: boolean;
  readonly json: boolean;
}

/** Run the command; returns the exit code (0 no failure, 1 failure found). */
export async function runCommand(args: RunArgs, out: (line: string) => void): Promise<number> {
  const program = await loadProgram(args.program);
  const level = logLevel(args.logLevel, program);
  policyByName(args.policy);
  if (args.schedule !== undefined && args.runs !== 1) {
    throw new ThreadsimError('TS006', '--schedule runs one fixed schedule; --runs does not apply', 'Drop --runs, or drop --schedule to try several seeds.');
  }
  const base = {
    program: args.program,
    policy: args.policy,
    ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }),
    ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }),
    ...(args.schedule === undefined ? {} : { schedule: args.schedule }),
  };
  const summary =
    args.schedule !== undefined
      ? { runs: 1, execution: recordAgain(program, { ...base, seed: args.seed }) }
      : runProgram(program, { policy: args.policy, seed: args.seed, runs: args.runs, ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }), ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }) });
  const exec = summary.execution;
  const recipe: ReplayRecipe = { ...base, seed: exec.seed };
  if (args.output !== undefined && args.export === undefined) {
    throw new ThreadsimError('TS006', '-o/--output needs --export FORMAT', 'Add --export markdown (or another format), or use --trace FILE for the trace itself.');
  }
  const needTrace = args.trace !== undefined || args.export !== undefined || exec.failures.length > 0;
  const recorded = needTrace ? (exec.trace !== undefined ? exec : recordAgain(program, recipe)) : undefined;
  const traceFile = recorded === undefined ? undefined : withRaces(toTraceFile(recorded, recipe, { ...programExtras(program), logLevel: level }));
  if (args.trace !== undefined && traceFile !== undefined) writeFileAtomic(args.trace, serializeTrace(traceFile), args.force);
  if (args.export !== undefined && traceFile !== undefined) {
    const text = renderExport(traceFile, args.export, { timestamps: args.timestamps });
    if (args.output === undefined) {
      out(text.endsWith('\n') ? text.slice(0, -1) : text);
      return exec.failures.length === 0 ? 0 : 1;
    }
    writeFileAtomic(args.output, text, args.force);
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
          schedule: printSchedule(exec.schedule, exec.threads.map((t) => t.name)),
          failures: exec.failures.map((f) => ({ ...f, replay: replayCommand(recipe) })),
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

/** Re-run the reported execution with its trace kept (runs are deterministic). */
export function recordAgain(program: Program, recipe: ReplayRecipe): ExecutionResult {
  if (recipe.schedule !== undefined) {
    return runSchedule(program, recipe.schedule, {
      fallback: policyByName(recipe.policy),
      seed: recipe.seed,
      ...(recipe.maxSteps === undefined ? {} : { maxSteps: recipe.maxSteps }),
      ...(recipe.cpuCount === undefined ? {} : { cpuCount: recipe.cpuCount }),
    });
  }
  return execute(program, {
    policy: policyByName(recipe.policy),
    seed: recipe.seed,
    record: true,
    ...(recipe.maxSteps === undefined ? {} : { maxSteps: recipe.maxSteps }),
    ...(recipe.cpuCount === undefined ? {} : { cpuCount: recipe.cpuCount }),
  });
}

function logLevel(name: string | undefined, program: Program): number {
  const chosen = name ?? program.options.logLevel ?? 'info';
  const n = LEVEL_NUMBERS[chosen.toLowerCase()];
  if (n === undefined) throw new ThreadsimError('TS006', `unknown --log-level '${chosen}'`, `Use one of: ${Object.keys(LEVEL_NUMBERS).join(', ')}.`);
  return n;
}
