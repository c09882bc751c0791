/**
 * Checks of the command line made before any work starts: every numeric option has a
 * documented range (docs/cli.md, "Limits"), an option may be given once, and an option that
 * names a file must name one. A value out of range would otherwise reach an allocation sized
 * by it (`--pct-threads 100000000` builds a priority table of that length) or a loop bounded
 * by it, so it is refused here, on one line, with exit code 2.
 */
import { ThreadsimError } from '../errors.js';

/** Inclusive range of each integer option. */
export const OPTION_RANGES = {
  seed: [0, 4_294_967_295],
  runs: [1, 1_000_000],
  'max-steps': [1, 10_000_000],
  'cpu-count': [1, 4096],
  'preemption-bound': [0, 100],
  depth: [1, 64],
  'pct-threads': [1, 100_000],
  'pct-steps': [1, 10_000_000],
  'max-executions': [1, 1_000_000_000],
  timeout: [0, 86_400],
  workers: [1, 256],
} as const satisfies Record<string, readonly [number, number]>;

/** An integer option's name. */
export type IntOption = keyof typeof OPTION_RANGES;

/** Options whose value is a file name. */
const FILE_OPTIONS = new Set(['trace', 'output', 'find-output', 'program']);

/** Short aliases of long options, as main.ts declares them. */
const ALIASES: Readonly<Record<string, string>> = { o: 'output', f: 'format' };

function usage(what: string, fix: string): ThreadsimError {
  return new ThreadsimError('TSIM006', what, fix);
}

/** Parse an integer option's text, within its range; throws TSIM006 otherwise. */
export function parseIntOption(name: IntOption, v: unknown): number {
  const [lo, hi] = OPTION_RANGES[name];
  const text = String(v);
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < lo || n > hi) {
    throw usage(`--${name} must be an integer from ${lo} to ${hi}, got '${text.slice(0, 40)}'`, 'See `threadsim --help` and docs/cli.md for each option\'s range.');
  }
  return n;
}

function givenTwice(name: string): ThreadsimError {
  return usage(`--${name} was given twice`, `Give --${name} once.`);
}

/** The long name an argument token sets, or undefined when it is not an option. */
function optionName(token: string): string | undefined {
  if (token.startsWith('--')) {
    let name = token.slice(2).split('=')[0]!;
    if (name === '') return undefined;
    if (name.startsWith('no-')) name = name.slice(3);
    return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  }
  if (/^-[a-zA-Z]/.test(token)) {
    const short = token.slice(1, 2);
    return ALIASES[short] ?? short;
  }
  return undefined;
}

/**
 * Refuse a command line that gives an option twice (`--trace a --trace b`, `-o a --output b`)
 * or a file option with no name, before yargs turns it into an array or an empty string.
 */
export function checkArgv(argv: readonly string[]): void {
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    const name = optionName(token);
    if (name === undefined) continue;
    if (name === 'help' || name === 'version') continue;
    if (seen.has(name)) throw givenTwice(name);
    seen.add(name);
    if (FILE_OPTIONS.has(name)) {
      const inline = token.includes('=') ? token.slice(token.indexOf('=') + 1) : undefined;
      const value = inline ?? argv[i + 1];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('-') && value !== '-')) {
        throw usage(`--${name} needs a file name`, `Write --${name} FILE.`);
      }
    }
  }
}
