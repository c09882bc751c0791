/**
 * `threadsim explore`: many executions of a program (DPOR, DFS, PCT, random), a pasteable
 * verdict, histograms, a search for a given output, and replay of an explored schedule.
 * A progress line on a terminal only; Ctrl-C stops cleanly and reports what was found.
 */
import { safeStringify } from '../scheduler/json-safe.js';
import cliProgress from 'cli-progress';
import { ThreadsimError } from '../errors.js';
import { Exploration, type ExploreOptions, type ExploreSummary, type Strategy } from '../scheduler/explore/explore.js';
import { GilPolicy } from '../scheduler/policies/index.js';
import type { Program } from '../scheduler/program.js';
import { explainAccesses } from '../trace/explain.js';
import { runSchedule } from '../trace/schedule-policy.js';
import { LEVEL_NUMBERS, renderOutput } from '../trace/text.js';
import { failureMessageLines } from '../trace/report.js';
import { explainFound } from './explain-found.js';
import { count, method, notation, replayLines, reportJson, reportLines, scheduleReplayCommand, type ExploreRecipe } from './explore-report.js';
import { readRegularFile } from './io.js';
import { loadProgram } from './load.js';

/** Options of `threadsim explore`, as yargs parses them. */
export interface ExploreArgs {
  readonly program: string;
  readonly strategy: Strategy;
  readonly preemptionBound?: number;
  readonly untimed: boolean;
  readonly depth?: number;
  readonly pctThreads?: number;
  readonly pctSteps?: number;
  readonly maxExecutions?: number;
  readonly maxSteps?: number;
  readonly cpuCount?: number;
  readonly seed: number;
  readonly histogram: boolean;
  readonly findOutput?: string;
  readonly keepGoing: boolean;
  readonly logLevel?: string;
  readonly replaySchedule?: string;
  readonly timestamps: boolean;
  readonly json: boolean;
}

/** Run the command; resolves to the exit code (0 no failure / output found, 1 failure / not found, 130 interrupted). */
export async function exploreCommand(args: ExploreArgs, out: (line: string) => void): Promise<number> {
  const program = await loadProgram(args.program);
  const recipe: ExploreRecipe = {
    program: args.program,
    untimed: args.untimed,
    ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }),
    ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }),
  };
  const level = levelNumber(args.logLevel, program);
  if (args.replaySchedule !== undefined) return replaySchedule(program, args, recipe, level, out);
  const target = args.findOutput === undefined ? undefined : readExpectedOutput(args.findOutput);
  const options: ExploreOptions = {
    strategy: args.strategy,
    untimed: args.untimed,
    seed: args.seed,
    histogram: args.histogram,
    keepGoing: args.keepGoing,
    logLevel: level,
    ...(args.preemptionBound === undefined ? {} : { preemptionBound: args.preemptionBound }),
    ...(args.depth === undefined ? {} : { depth: args.depth }),
    ...(args.pctThreads === undefined ? {} : { pctThreads: args.pctThreads }),
    ...(args.pctSteps === undefined ? {} : { pctSteps: args.pctSteps }),
    ...(args.maxExecutions === undefined ? {} : { maxExecutions: args.maxExecutions }),
    ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }),
    ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }),
    ...(target === undefined ? {} : { findOutput: target }),
  };
  const exploration = new Exploration(program, { ...options, clock: () => performance.now() });
  const summary = explainFound(program, await drive(exploration, !args.json && process.stderr.isTTY === true), recipe);
  if (args.json) {
    out(safeStringify({ ...(reportJson(summary, recipe) as object), ...findJson(summary, target, recipe) }, 2));
  } else {
    for (const l of reportLines(summary, recipe, target !== undefined)) out(l);
    if (target !== undefined) for (const l of findLines(summary, recipe)) out(l);
  }
  if (target !== undefined) return summary.match !== undefined ? 0 : 1;
  if (summary.failures.length > 0) return 1;
  return summary.stopped === 'interrupted' ? 130 : 0;
}

/** Run the exploration in slices so that Ctrl-C and the progress bar get their turn. */
async function drive(exploration: Exploration, showProgress: boolean): Promise<ExploreSummary> {
  const bar = showProgress
    ? new cliProgress.SingleBar(
        { format: 'exploring: {executions} executions | {rate}/s | {failures} failures | {elapsed}s', stream: process.stderr, clearOnComplete: true, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const onSigint = (): void => exploration.interrupt();
  process.on('SIGINT', onSigint);
  bar?.start(1, 0, { executions: 0, rate: 0, failures: 0, elapsed: '0.0' });
  try {
    while (!exploration.run(100)) {
      if (bar !== undefined) {
        const p = exploration.progress();
        const secs = p.elapsedMs / 1000;
        bar.update(0, { executions: count(p.executions), rate: count(Math.round(p.executions / Math.max(secs, 0.001))), failures: p.failures, elapsed: secs.toFixed(1) });
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    bar?.stop();
    process.off('SIGINT', onSigint);
  }
  return exploration.summary();
}

/** The expected output of --find-output: timestamps (`HH:MM:SS: `) stripped, trailing blank lines dropped. */
export function readExpectedOutput(file: string): string[] {
  const text = readRegularFile(file, 16 * 1024 * 1024, '--find-output file', 'TSIM006', 'Pass a text file holding the output to look for, one line per line.');
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?:\s?/, ''));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines;
}

function findLines(s: ExploreSummary, recipe: ExploreRecipe): string[] {
  if (s.match !== undefined) {
    return [
      `found: execution ${count(s.match.execution)} prints exactly the given output (${method(s)})`,
      ...replayLines(recipe, s.match.result),
    ];
  }
  if (s.exhaustive) return [`no schedule of ${s.program} prints the given output: all ${count(s.explored)} executions explored (${method(s)})`];
  return [`the given output was not found in ${count(s.executions)} executions (${method(s)}); the search is incomplete, so some schedule may still print it`];
}

function findJson(s: ExploreSummary, target: readonly string[] | undefined, recipe: ExploreRecipe): object {
  if (target === undefined) return {};
  if (s.match === undefined) return { findOutput: { found: false, exhaustive: s.exhaustive } };
  return { findOutput: { found: true, execution: s.match.execution, schedule: notation(s.match.result), replay: scheduleReplayCommand(recipe, s.match.result) } };
}

/**
 * `--replay-schedule`: run one schedule (in the schedule notation) exactly, under this
 * command's time rule, and print its output and what failed.
 */
function replaySchedule(program: Program, args: ExploreArgs, recipe: ExploreRecipe, level: number, out: (line: string) => void): number {
  const exec = runSchedule(program, args.replaySchedule!, {
    fallback: new GilPolicy(),
    seed: 0,
    untimed: args.untimed,
    ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }),
    ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }),
  });
  const lines = renderOutput(exec.output, { timestamps: args.timestamps, level });
  const rule = args.untimed ? 'untimed' : 'virtual-time rules';
  if (args.json) {
    out(safeStringify({ program: args.program, schedule: notation(exec), timeRule: args.untimed ? 'untimed' : 'virtual-time', ending: exec.ending, steps: exec.steps, failures: exec.failures, state: exec.state, output: lines }, 2));
    return exec.failures.length === 0 ? 0 : 1;
  }
  for (const l of lines) out(l);
  out('');
  if (exec.failures.length === 0) {
    out(`no failure: ${program.name} replayed from its schedule (${count(exec.steps)} steps, ${rule})`);
    return 0;
  }
  out(`${exec.failures.length === 1 ? 'FAILURE' : `${exec.failures.length} FAILURES`} in ${program.name}, replayed from its schedule (${count(exec.steps)} steps, ${rule}):`);
  for (const f of exec.failures) for (const l of failureMessageLines(f)) out(l);
  if (exec.trace !== undefined && exec.failures.some((f) => f.kind === 'claim')) {
    for (const l of explainAccesses(exec.trace, (i) => exec.threads[i]?.name ?? `#${i}`)) out(`  ${l}`);
  }
  for (const l of replayLines(recipe, exec)) out(l);
  return 1;
}

function levelNumber(name: string | undefined, program: Program): number {
  const chosen = name ?? program.options.logLevel ?? 'info';
  const n = LEVEL_NUMBERS[chosen.toLowerCase()];
  if (n === undefined) throw new ThreadsimError('TSIM006', `unknown --log-level '${chosen}'`, `Use one of: ${Object.keys(LEVEL_NUMBERS).join(', ')}.`);
  return n;
}
