/**
 * The `threadsim` command: yargs wiring only; every command is a library call.
 * Exit codes: 0 no failure, 1 a failure was found, 2 bad usage or input (one line, no stack).
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isThreadsimError } from '../errors.ts';
import { POLICY_NAMES } from '../scheduler/policies/index.ts';
import { demoCommand } from './demo.ts';
import { listCommand } from './list.ts';
import { replayCommand } from './replay.ts';
import { runCommand } from './run.ts';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function usageError(message: string): never {
  process.stderr.write(`threadsim: ${message}\n`);
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
          .option('trace', { type: 'string', describe: 'write the reported run as a trace file' })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing --trace file' })
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
    .command('list', 'List the built-in programs', {}, () => guard(() => listCommand(out)))
    .command('demo', 'The flagship demo: the tutorial lost update, explained (what `npm start` runs)', {}, () => guard(() => demoCommand(out)))
    .demandCommand(1, 'Name a command: run, replay, list or demo.')
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
