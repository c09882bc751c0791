/**
 * The common `threadsim run PROGRAM [simple options]` read without yargs: loading yargs and
 * its helpers costs more than all of threadsim's own start-up, and this is the command a
 * lecturer types most. Only a command line whose every token is plainly understood takes this
 * path; anything else (help, an `=` form, a value yargs would convert or refuse, an option
 * outside the short list) returns undefined and goes through yargs, which gives the usual
 * messages. test/cli/fast-run.test.ts checks that both paths hand `runCommand` the same
 * arguments.
 */
import { POLICY_NAMES } from '../scheduler/policies/index.js';
import { LEVEL_NUMBERS } from '../trace/text.js';
import { parseIntOption, type IntOption } from './options.js';
import type { RunArgs } from './run.js';

/** `run`'s arguments and its watchdog's timeout. */
export interface FastRun {
  readonly args: RunArgs;
  readonly timeout: number | undefined;
}

const NUMBERS: readonly IntOption[] = ['seed', 'runs', 'max-steps', 'cpu-count', 'timeout'];
const FLAGS: Readonly<Record<string, readonly [name: string, value: boolean]>> = {
  '--json': ['json', true],
  '--timestamps': ['timestamps', true],
  '--no-timestamps': ['timestamps', false],
  '--detect': ['detect', true],
  '--no-detect': ['detect', false],
};

/** True when yargs would read `value` for option `name` as it stands (else yargs reads the line). */
function plain(name: string, value: string): boolean {
  if ((NUMBERS as readonly string[]).includes(name)) return /^(0|[1-9]\d{0,9})$/.test(value);
  if (name === 'policy') return (POLICY_NAMES as readonly string[]).includes(value);
  if (name === 'log-level') return Object.hasOwn(LEVEL_NUMBERS, value);
  return false;
}

/** The integer option's value, or undefined when it is out of range (yargs' path gives the message). */
function inRange(name: IntOption, text: string): number | undefined {
  try {
    return parseIntOption(name, text);
  } catch {
    return undefined;
  }
}

/** The parsed `run` command line, or undefined when it needs yargs. */
export function fastRun(argv: readonly string[]): FastRun | undefined {
  if (argv[0] !== 'run') return undefined;
  let program: string | undefined;
  const values = new Map<string, string>();
  const flags = new Map<string, boolean>();
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    const flag = FLAGS[token];
    if (flag !== undefined) {
      if (flags.has(flag[0])) return undefined;
      flags.set(flag[0], flag[1]);
      continue;
    }
    if (!token.startsWith('-')) {
      if (program !== undefined) return undefined;
      program = token;
      continue;
    }
    const name = token.slice(2);
    const value = argv[i + 1];
    if (!token.startsWith('--') || values.has(name) || value === undefined) return undefined;
    if (!plain(name, value)) return undefined;
    values.set(name, value);
    i++;
  }
  // A program name that looks like a number or a flag value is left to yargs to read.
  if (program === undefined || /^[\d.]/.test(program)) return undefined;
  const ints = new Map<IntOption, number>();
  for (const name of NUMBERS) {
    const text = values.get(name);
    if (text === undefined) continue;
    const n = inRange(name, text);
    if (n === undefined) return undefined;
    ints.set(name, n);
  }
  const maxSteps = ints.get('max-steps');
  const cpuCount = ints.get('cpu-count');
  const logLevel = values.get('log-level');
  return {
    args: {
      program,
      policy: values.get('policy') ?? 'gil',
      seed: ints.get('seed') ?? 0,
      runs: ints.get('runs') ?? 1,
      timestamps: flags.get('timestamps') ?? true,
      ...(logLevel === undefined ? {} : { logLevel }),
      ...(maxSteps === undefined ? {} : { maxSteps }),
      ...(cpuCount === undefined ? {} : { cpuCount }),
      force: false,
      json: flags.get('json') ?? false,
      detect: flags.get('detect') ?? true,
    },
    timeout: ints.get('timeout'),
  };
}
