/**
 * The `threadsim` command: yargs wiring only; every command is a library call.
 * Exit codes: 0 no failure, 1 a failure was found, 2 bad usage or input (one line, no stack).
 *
 * Start-up is kept short: a command's module (and what it needs: the exporters, the explorer,
 * the trace schema) is imported only when that command runs.
 */
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { isThreadsimError } from '../errors.js';
import { isPythonSpec, setPythonSwitchRule } from './python-spec.js';
import { POLICY_NAMES } from '../scheduler/policies/index.js';
import { colourEnabled, styled } from './style.js';
import { checkArgv, parseIntOption, type IntOption } from './options.js';
import { DEFAULT_TIMEOUT, timeoutFor, watched } from './watchdog.js';
import { fastRun } from './fast-run.js';
import { LEVEL_NUMBERS } from '../trace/text.js';
import type { RunArgs } from './run.js';

const COMMANDS = ['run', 'explore', 'merge', 'replay', 'export', 'playground', 'list', 'demo'] as const;
const LEVELS = Object.keys(LEVEL_NUMBERS);

function usageError(message: string): never {
  process.stderr.write(`threadsim: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

/** The text given for `--name` on the command line (yargs turns a bad number into NaN). */
function rawValue(argv: readonly string[], name: string): string {
  for (let i = argv.length - 1; i >= 0; i--) {
    const a = argv[i]!;
    if (a === `--${name}`) return argv[i + 1] ?? '';
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return '';
}

/**
 * A yargs `coerce` for an integer option, within its documented range (options.ts). yargs
 * parses `[number]` options itself and turns bad text into NaN, so the text is read back
 * from the command line for the message.
 */
function integer(argv: readonly string[], name: IntOption) {
  return (v: unknown): number | undefined => {
    if (v === undefined) return undefined;
    try {
      return parseIntOption(name, typeof v === 'number' && Number.isNaN(v) ? rawValue(argv, name) : v);
    } catch (e) {
      if (isThreadsimError(e)) usageError(e.message);
      throw e;
    }
  };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Every option name (and alias) yargs knows for the command line `argv`, for "did you mean". */
function knownOptions(y: Argv): string[] {
  const options = (y as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions();
  const names = new Set(Object.keys(options.key));
  for (const [k, aliases] of Object.entries(options.alias)) for (const a of [k, ...aliases]) names.add(a);
  return [...names].filter((n) => n !== '$0' && n !== '_');
}

/** The one-line message for what yargs refused, with a suggestion where one is close. */
function explainRefusal(msg: string, y: Argv, argv: readonly string[], closest: (word: string, among: readonly string[]) => string | undefined): string {
  const first = argv.find((a) => !a.startsWith('-'));
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first) && /^Unknown argument/.test(msg)) {
    const hint = closest(first, COMMANDS);
    return `unknown command '${first}'${hint === undefined ? `; commands: ${COMMANDS.join(', ')}` : `: did you mean ${hint}?`}`;
  }
  const missing = /^Not enough arguments following: (.+)$/.exec(msg);
  if (missing !== null) {
    // File options never get here: checkArgv (options.ts) refuses them without a name first.
    const name = missing[1]!.length === 1 ? `-${missing[1]}` : `--${missing[1]}`;
    return `${name} needs a value (see threadsim --help)`;
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(msg);
  if (unknown !== null) {
    const words = unknown[1]!.split(', ');
    const parts = words.map((w) => {
      const bare = w.replace(/^-+/, '');
      const command = closest(bare, COMMANDS);
      const option = closest(bare, knownOptions(y));
      const isFlag = w.startsWith('-') || option !== undefined && command === undefined;
      const hint = isFlag ? (option === undefined ? undefined : `--${option}`) : command;
      return hint === undefined ? `unknown ${isFlag ? 'option' : 'argument'} '${w}'` : `unknown ${isFlag ? 'option' : 'argument'} '${w}': did you mean ${hint}?`;
    });
    return `${parts.join('; ')} (see threadsim --help)`;
  }
  const command = /^Unknown command: (.+)$/.exec(msg);
  if (command !== null) {
    const hint = closest(command[1]!, COMMANDS);
    return `unknown command '${command[1]}'${hint === undefined ? `; commands: ${COMMANDS.join(', ')}` : `: did you mean ${hint}?`}`;
  }
  return `${msg} (see threadsim --help)`;
}

/** A closed pipe drops the rest of the output; any other write error is one line, exit 2. */
function onStdoutError(e: NodeJS.ErrnoException): void {
  if (e.code !== 'EPIPE') usageError(`cannot write to standard output: ${e.code ?? e.message}`);
}

/** Options of {@link main}. */
export interface MainOptions {
  /** Read a plain `run` command line without yargs (fast-run.ts). Default true; tests compare both paths. */
  readonly fast?: boolean;
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  // A closed pipe (`threadsim run ... | head`) drops the rest of the output; the command still
  // finishes and exits with its own code, with no stack trace.
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  try {
    checkArgv(argv);
  } catch (e) {
    if (isThreadsimError(e)) usageError(e.message);
    throw e;
  }
  const plain = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const out = styled(plain, colourEnabled(process.stdout));
  let code = 0;
  const guard = async (f: () => Promise<number> | number): Promise<void> => {
    try {
      code = await f();
    } catch (e) {
      if (isThreadsimError(e)) usageError(e.message);
      throw e;
    }
  };
  const runWith = async (args: RunArgs, timeout: number | undefined): Promise<number> => {
    const { runCommand } = await import('./run.js');
    return watched(timeoutFor(timeout, args.program), () => runCommand(args, args.json || (args.export !== undefined && args.output === undefined) ? plain : out));
  };
  const quick = options.fast === false ? undefined : fastRun(argv);
  if (quick !== undefined) {
    setPythonSwitchRule(undefined);
    await guard(() => runWith(quick.args, quick.timeout));
    return code;
  }
  // What only the full command line needs loads here, after the quick path.
  const [{ default: yargs }, { EXPORT_FORMAT_NAMES }, { closest }, { playgroundModule }] = await Promise.all([
    import('yargs'),
    import('../trace/export/names.js'),
    import('./suggest.js'),
    import('./playground.js'),
  ]);
  // The strategies come with the explorer, loaded only when `explore` is asked for.
  const strategies: readonly string[] = argv.includes('explore') ? (await import('../scheduler/explore/explore.js')).STRATEGIES : [];
  const y = yargs(argv);
  await y
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
      'Run a program (built-in name, or a .py, .ts or .js file) and report failures with a replay command',
      (c) =>
        c
          .positional('program', { type: 'string', demandOption: true, describe: 'built-in name (see `list`), or a .py, .ts or .js file' })
          .option('policy', { choices: POLICY_NAMES, default: 'gil', describe: 'scheduling policy' })
          .option('seed', { type: 'number', default: 0, coerce: integer(argv, 'seed'), describe: 'seed of the first run' })
          .option('runs', { type: 'number', default: 1, coerce: integer(argv, 'runs'), describe: 'try seeds seed..seed+N-1, stop at the first failure' })
          .option('timestamps', { type: 'boolean', default: true, describe: 'prefix log lines with HH:MM:SS (--no-timestamps to drop)' })
          .option('log-level', { choices: LEVELS, describe: 'lowest logging level shown' })
          .option('max-steps', { type: 'number', coerce: integer(argv, 'max-steps'), describe: 'step bound per run (default 100000)' })
          .option('cpu-count', { type: 'number', coerce: integer(argv, 'cpu-count'), describe: 'os.cpu_count() as the models see it (default 2)' })
          .option('schedule', { type: 'string', requiresArg: true, describe: "follow this schedule, e.g. 'MainThread*3 T1*2 T2' (docs/schedule-notation.md); --policy picks after its end" })
          .option('trace', { type: 'string', requiresArg: true, describe: 'write the reported run as a trace file' })
          .option('export', { choices: EXPORT_FORMAT_NAMES, describe: 'export the reported run in this format (to -o, else to stdout alone)' })
          .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'file for --export' })
          .option('steps', { type: 'string', requiresArg: true, describe: 'with --export: only steps A..B (an excerpt for a slide)' })
          .option('threads', { type: 'string', requiresArg: true, describe: 'with --export: only these threads as lanes (names, #i or T<i>, comma-separated)' })
          .option('focus', { type: 'string', requiresArg: true, describe: 'with --export: the steps of a race (race, race:2) instead of --steps' })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing --trace or -o file' })
          .option('json', { type: 'boolean', default: false, describe: 'print one JSON summary object (with --export, the export goes to -o)' })
          .option('detect', { type: 'boolean', default: true, describe: 'report data races, lock-order inversions and deadlock cycles (--no-detect to skip)' })
          .option('timeout', { type: 'number', coerce: integer(argv, 'timeout'), describe: `stop when a thread runs this many seconds without yielding an op (default ${DEFAULT_TIMEOUT}; 0: never)` }),
      (a) =>
        guard(() =>
          runWith(
            {
              program: a.program,
              policy: a.policy,
              seed: a.seed ?? 0,
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
              ...(a.threads === undefined ? {} : { threads: a.threads }),
              ...(a.focus === undefined ? {} : { focus: a.focus }),
              force: a.force,
              json: a.json,
              detect: a.detect,
            },
            a.timeout,
          ),
        ),
    )
    .command(
      'replay <file>',
      'Re-run a trace written by `run --trace` and check that every step matches',
      (c) =>
        c
          .positional('file', { type: 'string', demandOption: true })
          .option('timestamps', { type: 'boolean', default: true, describe: 'prefix log lines with HH:MM:SS' })
          .option('program', { type: 'string', requiresArg: true, describe: "run this program (the trace names it); needed when the trace names a file, which is never loaded on the trace's word" })
          .option('timeout', { type: 'number', coerce: integer(argv, 'timeout'), describe: `stop when a thread runs this many seconds without yielding an op (default ${DEFAULT_TIMEOUT}; 0: never)` }),
      (a) =>
        guard(async () => {
          const { replayCommand } = await import('./replay.js');
          return watched(a.timeout, () => replayCommand({ file: a.file, timestamps: a.timestamps, ...(a.program === undefined ? {} : { program: a.program }) }, out));
        }),
    )
    .command(
      'export <file>',
      'Render a trace file as text, markdown, mermaid, chrome (Perfetto), json, svg or html',
      (c) =>
        c
          .positional('file', { type: 'string', demandOption: true, describe: 'trace file written by `run --trace`' })
          .option('format', { alias: 'f', choices: EXPORT_FORMAT_NAMES, demandOption: true, describe: 'export format' })
          .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'write to this file instead of stdout' })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing output file' })
          .option('timestamps', { type: 'boolean', default: true, describe: 'text: prefix log lines with HH:MM:SS (--no-timestamps to drop)' })
          .option('log-level', { choices: LEVELS, describe: "text: lowest logging level shown (default: the run's)" })
          .option('steps', { type: 'string', requiresArg: true, describe: 'only steps A..B (an excerpt for a slide)' })
          .option('threads', { type: 'string', requiresArg: true, describe: 'only these threads as lanes (names, #i or T<i>, comma-separated); the rest folded or listed' })
          .option('focus', { type: 'string', requiresArg: true, describe: 'the steps of a race: race (the first) or race:N' })
          .option('compact', { type: 'boolean', default: false, describe: "svg, and html's timeline: accesses as glyphs, their values in the footnote" })
          .option('program', { type: 'string', requiresArg: true, describe: 'html: load this program for the scheduler mode (a file the trace names is never loaded on its word)' }),
      (a) =>
        guard(async () =>
          (await import('./export.js')).exportCommand(
            {
              file: a.file,
              format: a.format,
              force: a.force,
              timestamps: a.timestamps,
              ...(a.output === undefined ? {} : { output: a.output }),
              ...(a['log-level'] === undefined ? {} : { logLevel: a['log-level'] }),
              ...(a.steps === undefined ? {} : { steps: a.steps }),
              ...(a.threads === undefined ? {} : { threads: a.threads }),
              ...(a.focus === undefined ? {} : { focus: a.focus }),
              compact: a.compact,
              ...(a.program === undefined ? {} : { program: a.program }),
            },
            (text) => process.stdout.write(text),
          ),
        ),
    )
    .command(
      'explore <program>',
      'Explore many executions: exhaustive (DPOR, DFS with preemption bounds, periodical scheduling) or sampled (PCT, POS, reads-from fuzzing, random, a portfolio with --find); histograms, --find-output, minimal counterexamples',
      (c) =>
        c
          .positional('program', { type: 'string', demandOption: true, describe: 'built-in name (see `list`), or a .py, .ts or .js file' })
          .option('strategy', { choices: strategies, describe: 'how executions are chosen (default dpor, or portfolio with --find)' })
          .option('find', { type: 'boolean', default: false, describe: 'hunt for a failure rather than prove there is none: the portfolio strategy unless --strategy says otherwise' })
          .option('preemption-bound', { type: 'number', coerce: integer(argv, 'preemption-bound'), describe: 'dfs: at most K preemptions (bounds 0..K are tried in turn)' })
          .option('untimed', { type: 'boolean', default: false, describe: 'sleeps and timeouts order nothing (finds races hidden behind sleeps)' })
          .option('depth', { type: 'number', coerce: integer(argv, 'depth'), describe: 'pct: bug depth d (default 3)' })
          .option('pct-threads', { type: 'number', coerce: integer(argv, 'pct-threads'), describe: 'pct: n, threads (default: estimated from 5 random runs)' })
          .option('pct-steps', { type: 'number', coerce: integer(argv, 'pct-steps'), describe: 'pct: k, scheduling points with a choice (default: estimated)' })
          .option('max-executions', { type: 'number', coerce: integer(argv, 'max-executions'), describe: 'stop after N executions (default: all for dpor/dfs, 1000 for sampling strategies)' })
          .option('seed', { type: 'number', default: 0, coerce: integer(argv, 'seed'), describe: 'pct/pos/random: base seed; run i uses a seed mixed from (seed, i)' })
          .option('histogram', { type: 'boolean', default: false, describe: 'group executions by final shared state and by output' })
          .option('find-output', { type: 'string', requiresArg: true, describe: 'look for a schedule that prints exactly the text in FILE (timestamps ignored)' })
          .option('detect-races', { type: 'boolean', default: false, describe: 'run the race detector on every execution and report the first one with a data race (slower)' })
          .option('keep-going', { type: 'boolean', default: false, describe: 'go on after the first failure (one execution per kind of failure)' })
          .option('replay-schedule', { type: 'string', requiresArg: true, describe: "run one schedule exactly, in the schedule notation ('MainThread*3 T1*2 T2'); for --untimed runs" })
          .option('log-level', { choices: LEVELS, describe: 'lowest logging level compared and shown' })
          .option('timestamps', { type: 'boolean', default: true, describe: 'with --replay-schedule: prefix log lines with HH:MM:SS' })
          .option('max-steps', { type: 'number', coerce: integer(argv, 'max-steps'), describe: 'step bound per execution (default 100000)' })
          .option('cpu-count', { type: 'number', coerce: integer(argv, 'cpu-count'), describe: 'os.cpu_count() as the models see it (default 2)' })
          .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' })
          .option('workers', { type: 'number', coerce: integer(argv, 'workers'), describe: 'random/pct/pos: split the runs across N worker threads, same report (default: every core from 20,000 runs)' })
          .option('shard', { type: 'string', requiresArg: true, describe: 'random/pct/pos/dpor: run share i of N (i/N, 1-based) and write a JSON result for `threadsim merge`' })
          .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'with --shard: write the result to FILE (default: standard output)' })
          .option('force', { type: 'boolean', default: false, describe: 'with --shard -o: overwrite an existing file' })
          .option('timeout', { type: 'number', coerce: integer(argv, 'timeout'), describe: `stop when a thread runs this many seconds without yielding an op (default ${DEFAULT_TIMEOUT}; 0: never)` }),
      (a) =>
        guard(async () => {
          const { exploreCommand } = await import('./explore.js');
          return watched(timeoutFor(a.timeout, a.program), () =>
          exploreCommand(
            {
              program: a.program,
              strategy: (a.strategy ?? (a.find ? 'portfolio' : 'dpor')) as never,
              untimed: a.untimed,
              seed: a.seed ?? 0,
              histogram: a.histogram,
              keepGoing: a['keep-going'],
              ...(a['detect-races'] ? { detectRaces: true } : {}),
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
              ...(a.workers === undefined ? {} : { workers: a.workers }),
              ...(a.shard === undefined ? {} : { shard: a.shard }),
              ...(a.output === undefined ? {} : { output: a.output }),
              force: a.force,
            },
            a.json ? plain : out,
          ));
        }),
    )
    .command(playgroundModule(guard, out))
    .command(
      'merge <files..>',
      'Combine the results of `explore --shard i/N` into the report one process gives',
      (c) =>
        c
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'the shard result files (e.g. results/*.json)' })
          .option('json', { type: 'boolean', default: false, describe: 'print one JSON object, as explore --json does' }),
      (a) => guard(async () => (await import('./merge.js')).mergeCommand({ files: a.files, json: a.json }, a.json ? plain : out)),
    )
    .command(
      'list',
      'List the built-in programs',
      (c) => c.option('json', { type: 'boolean', default: false, describe: 'print a JSON array of {name, description}' }),
      (a) => guard(async () => (await import('./list.js')).listCommand(plain, { json: a.json })),
    )
    .command('demo', 'The flagship demo: the tutorial lost update, explained (what `npm start` runs)', {}, () => guard(async () => (await import('./demo.js')).demoCommand(out)))
    .demandCommand(1, 'Name a command: run, explore, merge, replay, export, playground, list or demo.')
    .strict()
    .fail((msg, err) => {
      // yargs reports its own refusals as YError; anything else is a bug and keeps its stack.
      if (err !== undefined && err !== null && !isThreadsimError(err) && err.name !== 'YError') throw err;
      if (err !== undefined && err !== null && isThreadsimError(err)) usageError(err.message);
      usageError(explainRefusal((err?.message ?? msg ?? 'bad usage').replace(/\s*\n\s*/g, ' ').trim(), y, argv, closest));
    })
    .help()
    .alias('help', 'h')
    .version(packageVersion())
    .alias('version', 'v')
    .wrap(Math.min(110, y.terminalWidth()))
    .parseAsync();
  return code;
}
