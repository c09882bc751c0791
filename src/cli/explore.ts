/**
 * `threadsim explore`: many executions of a program (DPOR, DFS, PCT, random), a pasteable
 * verdict, histograms, a search for a given output, and replay of an explored schedule.
 * A progress line on a terminal only; Ctrl-C stops cleanly and reports what was found.
 */
import { availableParallelism } from 'node:os';
import { safeStringify } from '../scheduler/json-safe.js';
import cliProgress from 'cli-progress';
import { ThreadsimError } from '../errors.js';
import { DEFAULT_SAMPLES, Exploration, type ExploreOptions, type ExploreSummary, type Strategy } from '../scheduler/explore/explore.js';
import { PartRun, splitsBySeed, type PartResult } from '../scheduler/explore/workers/part.js';
import { parseShard, SHARD_FORMAT, SHARD_VERSION, shardRange, type ShardFile } from '../scheduler/explore/workers/shard.js';
import { ParallelExploration, workersAvailable } from './workers/pool.js';
import { ParallelDpor } from './workers/dpor-pool.js';
import { splitsDpor } from '../scheduler/explore/workers/dpor-tally.js';
import { runDporShard } from './dpor-shard.js';
import { GilPolicy } from '../scheduler/policies/index.js';
import type { Program } from '../scheduler/program.js';
import { explainAccesses } from '../trace/explain.js';
import { runSchedule } from '../trace/schedule-policy.js';
import { LEVEL_NUMBERS, renderOutput } from '../trace/text.js';
import { failureMessageLines } from '../trace/report.js';
import { explainFound } from './explain-found.js';
import { count, method, notation, replayLines, reportJson, reportLines, scheduleReplayCommand, type ExploreRecipe } from './explore-report.js';
import { readRegularFile, writeFileAtomic } from './io.js';
import { loadProgram, looksLikePath } from './load.js';
import { isPythonSpec } from './python-spec.js';
import { progressLine, type ProgressSnapshot } from './progress.js';

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
  /** Race detection on every execution; the report names the first execution with a race. */
  readonly detectRaces?: boolean;
  readonly logLevel?: string;
  readonly replaySchedule?: string;
  readonly timestamps: boolean;
  readonly json: boolean;
  /** Worker threads for sampling strategies (default: every core for runs of 20,000 or more). */
  readonly workers?: number;
  /** `i/N`: run this shard's share of the runs and write a result for `threadsim merge`. */
  readonly shard?: string;
  /** With --shard: the result file (default: standard output). */
  readonly output?: string;
  readonly force?: boolean;
}

/** Sampled runs from which `--workers` defaults to the number of cores. */
export const LONG_RUN = 20_000;

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
    ...(args.detectRaces ? { detectRaces: true } : {}),
    ...(args.preemptionBound === undefined ? {} : { preemptionBound: args.preemptionBound }),
    ...(args.depth === undefined ? {} : { depth: args.depth }),
    ...(args.pctThreads === undefined ? {} : { pctThreads: args.pctThreads }),
    ...(args.pctSteps === undefined ? {} : { pctSteps: args.pctSteps }),
    ...(args.maxExecutions === undefined ? {} : { maxExecutions: args.maxExecutions }),
    ...(args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps }),
    ...(args.cpuCount === undefined ? {} : { cpuCount: args.cpuCount }),
    ...(target === undefined ? {} : { findOutput: target }),
  };
  if (args.shard !== undefined) return runShard(program, args, options, recipe, out);
  const exploration = explorationFor(program, args, { ...options, clock: () => performance.now() });
  const interactive = !args.json && process.stderr.isTTY === true;
  const summary = (await drive(exploration, interactive, interactive))!;
  const short = exploration instanceof ParallelDpor && !args.json ? exploration.shortNote() : undefined;
  if (short !== undefined) process.stderr.write(`note: ${short}\n`);
  return report(program, summary, { json: args.json, recipe, target, detectRaces: args.detectRaces === true, userFile: isPythonSpec(args.program) || looksLikePath(args.program) }, out);
}

/** How an exploration's report is printed (explore, and merge of shard results). */
export interface ReportStyle {
  readonly json: boolean;
  readonly recipe: ExploreRecipe;
  /** The output looked for (--find-output), if any. */
  readonly target: readonly string[] | undefined;
  /** Races were looked for in every execution (--detect-races). */
  readonly detectRaces?: boolean;
  /** The program is the user's own file (a built-in's claims are documented with it). */
  readonly userFile?: boolean;
}

/**
 * A search that found nothing in a program that claims nothing (no claim, no invariant: a
 * teacher's `.py` file without a module-level assert) checked only for exceptions and
 * deadlocks; its "no failure" says little about the race the program may show, so the report
 * names the options that look at it.
 */
function nothingClaimed(program: Program, s: ExploreSummary, detecting: boolean): string | undefined {
  if (s.failures.length > 0 || s.stopped === 'interrupted') return undefined;
  if (Object.keys(program.options.claims ?? {}).length > 0 || Object.keys(program.options.invariants ?? {}).length > 0) return undefined;
  const options = [
    ...(s.histogram === undefined ? ['--histogram shows the final states and outputs'] : []),
    ...(detecting ? [] : ['--detect-races reports data races']),
  ];
  const claim = program.name.endsWith('.py') ? 'a module-level assert' : "a claim in the program's options";
  const how = options.length === 0 ? '' : `: ${options.join(', ')}`;
  return `note: ${program.name} claims nothing (${claim} would), so only uncaught exceptions and deadlocks count as failures${how}`;
}

/** Print the report of `raw` and return the exit code `threadsim explore` ends with. */
export function report(program: Program, raw: ExploreSummary, style: ReportStyle, out: (line: string) => void): number {
  const { json, recipe, target } = style;
  const summary = explainFound(program, raw, recipe);
  if (json) {
    out(safeStringify({ ...(reportJson(summary, recipe) as object), ...findJson(summary, target, recipe) }, 2));
  } else {
    for (const l of reportLines(summary, recipe, target !== undefined)) out(l);
    if (target !== undefined) for (const l of findLines(summary, recipe)) out(l);
    const hint = target === undefined && style.userFile === true ? nothingClaimed(program, summary, style.detectRaces === true) : undefined;
    if (hint !== undefined) out(hint);
  }
  if (target !== undefined) return summary.match !== undefined ? 0 : 1;
  if (summary.failures.length > 0) return 1;
  return summary.stopped === 'interrupted' ? 130 : 0;
}

/**
 * `--shard i/N`: run this shard's share of the runs (on --workers threads, or this one) and
 * write a result that `threadsim merge` combines with the other shards'.
 */
async function runShard(program: Program, args: ExploreArgs, options: ExploreOptions, recipe: ExploreRecipe, out: (line: string) => void): Promise<number> {
  if ((options.strategy ?? 'dpor') === 'dpor') return runDporShard(program, args.shard!, options, recipe, { program: args.program, ...(args.output === undefined ? {} : { output: args.output }), force: args.force ?? false }, out);
  if (!splitsBySeed(options.strategy)) {
    throw new ThreadsimError('TSIM006', `--shard splits the runs of pct, random, pos and dpor, not ${options.strategy ?? 'dpor'}`, 'Use --strategy dpor, random or pct with --shard; run the others in one process.');
  }
  const spec = parseShard(args.shard!);
  const full: ExploreOptions = { ...options, maxExecutions: options.maxExecutions ?? DEFAULT_SAMPLES };
  const range = shardRange(spec, full.maxExecutions!);
  const clock = (): number => performance.now();
  const t0 = clock();
  const workers = workerCount(args.workers, range.count);
  let parts: readonly PartResult[];
  let interrupted: boolean;
  if (workers > 1 && range.count > 0) {
    const pool = new ParallelExploration(program, { ...full, clock }, { workers, loader: new URL('./worker-load.js', import.meta.url).href, spec: args.program, range });
    await drive(pool, false, false, false);
    parts = pool.results();
    interrupted = pool.wasInterrupted;
  } else {
    const part = new PartRun(program, full, range, clock);
    const onSigint = (): void => part.interrupt();
    process.on('SIGINT', onSigint);
    try {
      while (!part.run(100)) await new Promise<void>((resolve) => setImmediate(resolve));
    } finally {
      process.off('SIGINT', onSigint);
    }
    const r = part.result();
    parts = [r];
    interrupted = r.stopped === 'interrupted';
  }
  const file: ShardFile = { format: SHARD_FORMAT, version: SHARD_VERSION, program: args.program, shard: spec, options: full, context: { recipe }, interrupted, elapsedMs: clock() - t0, parts };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (args.output === undefined) out(text.trimEnd());
  else writeFileAtomic(args.output, text, args.force ?? false);
  const made = parts.reduce((n, p) => n + p.executions, 0);
  const kinds = new Set(parts.flatMap((p) => p.failures.map((f) => f.signature))).size;
  process.stderr.write(`shard ${spec.index}/${spec.count} of ${args.program}: runs ${range.from}..${range.from + range.count - 1}, ${count(made)} executions, ${kinds} kind${kinds === 1 ? '' : 's'} of failure${interrupted ? ' (interrupted)' : ''}; combine the shards with threadsim merge\n`);
  return interrupted ? 130 : 0;
}

/** --workers, or its default for `runs` runs: every core for long runs in the compiled package. */
function workerCount(asked: number | undefined, runs: number): number {
  if (asked === undefined) return runs >= LONG_RUN && workersAvailable() ? availableParallelism() : 1;
  if (asked > 1 && !workersAvailable()) {
    throw new ThreadsimError('TSIM006', '--workers needs the compiled package (dist/), which is missing', 'Run `npm run build` first, or pass --workers 1.');
  }
  return asked;
}

/** What {@link drive} drives: one exploration in this thread, or one split across workers. */
export type Driven = Pick<Exploration, 'interrupt' | 'summary'> & {
  run(budgetMs: number): boolean | Promise<boolean>;
  progress(): ProgressSnapshot & { readonly notes?: readonly string[] };
};

/**
 * `--workers N` (or its default) for a seed-based strategy: the runs are split across N
 * worker threads, with the same report as one thread. DPOR over the whole space splits its
 * tree into jobs across N threads (docs/parallel.md); with --max-executions or
 * --detect-races, and DFS, the search runs in this thread.
 */
function explorationFor(program: Program, args: ExploreArgs, options: ExploreOptions): Driven {
  const runs = options.maxExecutions ?? 1000;
  const workers = workerCount(args.workers, runs);
  const loader = new URL('./worker-load.js', import.meta.url).href;
  if (workers > 1 && (options.strategy ?? 'dpor') === 'dpor' && splitsDpor(options)) return new ParallelDpor(program, options, { workers, loader, spec: args.program });
  if (workers <= 1 || !splitsBySeed(options.strategy)) return new Exploration(program, options);
  return new ParallelExploration(program, options, { workers, loader, spec: args.program });
}

/**
 * Run the exploration in slices so that Ctrl-C and the progress line get their turn. When a
 * person watches the progress line, a note about the time rules (DPOR reorders less under
 * virtual time) is printed on standard error as soon as it appears in a search that goes on,
 * before the long part of it. The report repeats it as its record; a search that ends within
 * its first slice leaves it to the report alone, so a short run prints each note once.
 */
export async function drive(exploration: Driven, showProgress: boolean, showNotes: boolean, summarize = true): Promise<ExploreSummary | undefined> {
  const bar = showProgress
    ? new cliProgress.SingleBar({ format: '{line}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  const onSigint = (): void => exploration.interrupt();
  process.on('SIGINT', onSigint);
  bar?.start(1, 0, { line: progressLine({ executions: 0, failures: 0, elapsedMs: 0 }) });
  const noted = new Set<string>();
  try {
    for (let done = false; !done; ) {
      done = await exploration.run(100);
      const p = exploration.progress();
      for (const note of p.notes ?? []) {
        if (!showNotes || done || noted.has(note) || !note.includes('--untimed')) continue;
        noted.add(note);
        bar?.stop();
        process.stderr.write(`note: ${note}\n`);
        bar?.start(1, 0, { line: progressLine(p) });
      }
      if (done) break;
      bar?.update(0, { line: progressLine(p) });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    bar?.stop();
    process.off('SIGINT', onSigint);
  }
  return summarize ? exploration.summary() : undefined;
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
