/**
 * The `threadsim` command: yargs wiring only; every command is a library call.
 * Exit codes: 0 no failure, 1 a failure was found, 2 bad usage or input (one line, no stack).
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isThreadsimError } from '../errors.js';
import { isPythonSpec, setPythonSwitchRule } from './load-python.js';
import { POLICY_NAMES } from '../scheduler/policies/index.js';
import { exportFormatNames } from '../trace/export/index.js';
import { demoCommand } from './demo.js';
import { exportCommand } from './export.js';
import { exploreCommand } from './explore.js';
import { STRATEGIES } from '../scheduler/explore/explore.js';
import { listCommand } from './list.js';
import { replayCommand } from './replay.js';
import { runCommand } from './run.js';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function usageError(message: string): never {
  process.stderr.write(`threadsim: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

function nonNegativeInt(name: string) {
  return (v: unknown): number => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) usageError(`--${name} must be a non-negative integer, got '${String(v)}'`);
    return n;
  };
}

function positiveInt(name: string) {
  return (v: unknown): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1) usageError(`--${name} must be a positive integer, got '${String(v)}'`);
    return n;
  };
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // A closed pipe (`threadsim run ... | head`) drops the rest of the output; the command still
  // finishes and exits with its own code, with no stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  let code = 0;
  const guard = async (f: () => Promise<number> | number): Promise<void> => {
    try {
      code = await f();
    } catch (e) {
      if (isThreadsimError(e)) usageError(e.message);
      throw e;
    }
  };
  await yargs(argv)
    .scriptName('threadsim')
    .option('switch', { choices: ['cpython', 'any'] as const, global: true, describe: '.py programs: switch only at CPython 3.11 check points, or between any two shared accesses (docs/python.md)' })
    .middleware((a) => {
      setPythonSwitchRule(a.switch);
      // The program's name carries the rule, so replay commands and traces reproduce it.
      if (a.switch === 'any' && typeof a.program === 'string' && isPythonSpec(a.program) && !a.program.endsWith('@any')) a.program = `${a.program}@any`;
    })
    .usage('$0 <command> [options]\n\nDeterministic thread-scheduling simulator for Python-style threading.')
    .command(
      'run <program>',
      'Run a program (built-in name or .ts/.js path) and report failures with a replay command',
      (y) =>
        y
          .positional('program', { type: 'string', demandOption: true, describe: 'built-in name (see `list`) or module path' })
          .option('policy', { choices: POLICY_NAMES, default: 'gil', describe: 'scheduling policy' })
          .option('seed', { type: 'string', default: '0', coerce: nonNegativeInt('seed'), describe: 'seed of the first run' })
          .option('runs', { type: 'string', default: '1', coerce: positiveInt('runs'), describe: 'try seeds seed..seed+N-1, stop at the first failure' })
          .option('timestamps', { type: 'boolean', default: true, describe: 'prefix log lines with HH:MM:SS (--no-timestamps to drop)' })
          .option('log-level', { choices: ['debug', 'info', 'warning', 'error', 'critical'], describe: 'lowest logging level shown' })
          .option('max-steps', { type: 'string', coerce: positiveInt('max-steps'), describe: 'step bound per run (default 100000)' })
          .option('cpu-count', { type: 'string', coerce: positiveInt('cpu-count'), describe: 'os.cpu_count() as the models see it (default 2)' })
          .option('schedule', { type: 'string', describe: "follow this schedule, e.g. 'MainThread*3 T1*2 T2' (docs/schedule-notation.md); --policy picks after its end" })
          .option('trace', { type: 'string', describe: 'write the reported run as a trace file' })
          .option('export', { choices: exportFormatNames(), describe: 'export the reported run in this format (to -o, else to stdout alone)' })
          .option('output', { alias: 'o', type: 'string', describe: 'file for --export' })
          .option('steps', { type: 'string', describe: 'with --export markdown or mermaid: only steps A..B' })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing --trace or -o file' })
          .option('json', { type: 'boolean', default: false, describe: 'print one JSON summary object' })
          .option('detect', { type: 'boolean', default: true, describe: 'report data races, lock-order inversions and deadlock cycles (--no-detect to skip)' }),
      (a) =>
        guard(() =>
          runCommand(
            {
              program: a.program,
              policy: a.policy,
              seed: a.seed,
              runs: a.runs ?? 1,
              timestamps: a.timestamps,
              ...(a['log-level'] === undefined ? {} : { logLevel: a['log-level'] }),
              ...(a['max-steps'] === undefined ? {} : { maxSteps: a['max-steps'] }),
              ...(a['cpu-count'] === undefined ? {} : { cpuCount: a['cpu-count'] }),
              ...(a.trace === undefined ? {} : { trace: a.trace }),
              ...(a.schedule === undefined ? {} : { schedule: a.schedule }),
              ...(a.export === undefined ? {} : { export: a.export }),
              ...(a.output === undefined ? {} : { output: a.output }),
              ...(a.steps === undefined ? {} : { steps: a.steps }),
              force: a.force,
              json: a.json,
              detect: a.detect,
            },
            out,
          ),
        ),
    )
    .command(
      'replay <file>',
      'Re-run a trace written by `run --trace` and check that every step matches',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('timestamps', { type: 'boolean', default: true, describe: 'prefix log lines with HH:MM:SS' }),
      (a) => guard(() => replayCommand({ file: a.file, timestamps: a.timestamps }, out)),
    )
    .command(
      'export <file>',
      'Render a trace file as text, markdown, mermaid, chrome (Perfetto), json, svg or html',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'trace file written by `run --trace`' })
          .option('format', { alias: 'f', choices: exportFormatNames(), demandOption: true, describe: 'export format' })
          .option('output', { alias: 'o', type: 'string', describe: 'write to this file instead of stdout' })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing output file' })
          .option('timestamps', { type: 'boolean', default: true, describe: 'text: prefix log lines with HH:MM:SS (--no-timestamps to drop)' })
          .option('log-level', { choices: ['debug', 'info', 'warning', 'error', 'critical'], describe: "text: lowest logging level shown (default: the run's)" })
          .option('steps', { type: 'string', describe: 'markdown, mermaid: only steps A..B (an excerpt for a slide)' }),
      (a) =>
        guard(() =>
          exportCommand(
            {
              file: a.file,
              format: a.format,
              force: a.force,
              timestamps: a.timestamps,
              ...(a.output === undefined ? {} : { output: a.output }),
              ...(a['log-level'] === undefined ? {} : { logLevel: a['log-level'] }),
              ...(a.steps === undefined ? {} : { steps: a.steps }),
            },
            (text) => process.stdout.write(text),
          ),
        ),
    )
    .command(
      'explore <program>',
      'Explore many executions: exhaustive (DPOR, DFS with preemption bounds) or sampled (PCT, random); histograms, --find-output, minimal counterexamples',
      (y) =>
        y
          .positional('program', { type: 'string', demandOption: true, describe: 'built-in name (see `list`) or module path' })
          .option('strategy', { choices: STRATEGIES, default: 'dpor' as const, describe: 'how executions are chosen' })
          .option('preemption-bound', { type: 'string', coerce: (v: unknown) => (v === undefined ? undefined : nonNegativeInt('preemption-bound')(v)), describe: 'dfs: at most K preemptions (bounds 0..K are tried in turn)' })
          .option('untimed', { type: 'boolean', default: false, describe: 'sleeps and timeouts order nothing (finds races hidden behind sleeps)' })
          .option('depth', { type: 'string', coerce: positiveInt('depth'), describe: 'pct: bug depth d (default 3)' })
          .option('pct-threads', { type: 'string', coerce: positiveInt('pct-threads'), describe: 'pct: n, threads (default: estimated from 5 random runs)' })
          .option('pct-steps', { type: 'string', coerce: positiveInt('pct-steps'), describe: 'pct: k, scheduling points with a choice (default: estimated)' })
          .option('max-executions', { type: 'string', coerce: positiveInt('max-executions'), describe: 'stop after N executions (default: all for dpor/dfs, 1000 for pct/random)' })
          .option('seed', { type: 'string', default: '0', coerce: nonNegativeInt('seed'), describe: 'pct/random: seed of the first run' })
          .option('histogram', { type: 'boolean', default: false, describe: 'group executions by final shared state and by output' })
          .option('find-output', { type: 'string', describe: 'look for a schedule that prints exactly the text in FILE (timestamps ignored)' })
          .option('keep-going', { type: 'boolean', default: false, describe: 'go on after the first failure (one execution per kind of failure)' })
          .option('replay-schedule', { type: 'string', describe: "run one schedule exactly, in the schedule notation ('MainThread*3 T1*2 T2'); for --untimed runs" })
          .option('log-level', { choices: ['debug', 'info', 'warning', 'error', 'critical'], describe: 'lowest logging level compared and shown' })
          .option('timestamps', { type: 'boolean', default: true, describe: 'with --replay-schedule: prefix log lines with HH:MM:SS' })
          .option('max-steps', { type: 'string', coerce: positiveInt('max-steps'), describe: 'step bound per execution (default 100000)' })
          .option('cpu-count', { type: 'string', coerce: positiveInt('cpu-count'), describe: 'os.cpu_count() as the models see it (default 2)' })
          .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' }),
      (a) =>
        guard(() =>
          exploreCommand(
            {
              program: a.program,
              strategy: a.strategy,
              untimed: a.untimed,
              seed: a.seed,
              histogram: a.histogram,
              keepGoing: a['keep-going'],
              timestamps: a.timestamps,
              json: a.json,
              ...(a['preemption-bound'] === undefined ? {} : { preemptionBound: a['preemption-bound'] }),
              ...(a.depth === undefined ? {} : { depth: a.depth }),
              ...(a['pct-threads'] === undefined ? {} : { pctThreads: a['pct-threads'] }),
              ...(a['pct-steps'] === undefined ? {} : { pctSteps: a['pct-steps'] }),
              ...(a['max-executions'] === undefined ? {} : { maxExecutions: a['max-executions'] }),
              ...(a['find-output'] === undefined ? {} : { findOutput: a['find-output'] }),
              ...(a['replay-schedule'] === undefined ? {} : { replaySchedule: a['replay-schedule'] }),
              ...(a['log-level'] === undefined ? {} : { logLevel: a['log-level'] }),
              ...(a['max-steps'] === undefined ? {} : { maxSteps: a['max-steps'] }),
              ...(a['cpu-count'] === undefined ? {} : { cpuCount: a['cpu-count'] }),
            },
            out,
          ),
        ),
    )
    .command('list', 'List the built-in programs', {}, () => guard(() => listCommand(out)))
    .command('demo', 'The flagship demo: the tutorial lost update, explained (what `npm start` runs)', {}, () => guard(() => demoCommand(out)))
    .demandCommand(1, 'Name a command: run, explore, replay, export, list or demo.')
    .strict()
    .fail((msg, err) => {
      if (err !== undefined && err !== null && !isThreadsimError(err)) throw err;
      const text = (err?.message ?? msg ?? 'bad usage').replace(/\s*\n\s*/g, ' ').trim();
      usageError(err !== undefined && err !== null ? text : `${text} (see threadsim --help)`);
    })
    .help()
    .version(false)
    .parseAsync();
  return code;
}
