/**
 * Model of Python's `logging` module as the tutorial configures it
 * (`basicConfig(format="%(asctime)s: %(message)s", datefmt="%H:%M:%S")`), plus `print`.
 *
 * Mirrors: levels DEBUG..CRITICAL with their numbers, `%`-style formatting of the message with
 * its arguments, one whole line per call (logging never interleaves within a line). Every
 * call is one step whatever the level, so a schedule does not depend on the level printed;
 * the level only filters what is shown. Does not mirror: handlers, loggers by name, `print`
 * output interleaving within a line.
 */
import type { Op, Steps } from '../scheduler/ops.js';
import { formatPercent } from './percent-format.js';

/** Python's level numbers. */
export const LEVELS = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 } as const;
/** A level name as Python prints it. */
export type LevelName = keyof typeof LEVELS;

function* emitLine(stream: string, level: number, text: string): Steps<void> {
  const op: Op = { kind: 'log', obj: undefined, access: 'none', value: text, run: (k) => k.emit(stream, level, text) };
  yield op;
}

function at(level: LevelName) {
  return (msg: unknown, ...args: unknown[]): Steps<void> => emitLine(level, LEVELS[level], formatPercent(String(msg), args));
}

/** `logging.debug/info/warning/error/critical(msg, *args)`. */
export const logging = {
  debug: at('DEBUG'),
  info: at('INFO'),
  warning: at('WARNING'),
  error: at('ERROR'),
  critical: at('CRITICAL'),
  DEBUG: LEVELS.DEBUG,
  INFO: LEVELS.INFO,
  WARNING: LEVELS.WARNING,
  ERROR: LEVELS.ERROR,
  CRITICAL: LEVELS.CRITICAL,
} as const;

/** Shorthand for `logging.info(msg, ...args)`. */
export function log(msg: unknown, ...args: unknown[]): Steps<void> {
  return logging.info(msg, ...args);
}

/** Python's `print(*values)`: one line to stdout, values joined by a space. */
export function print(...values: unknown[]): Steps<void> {
  return emitLine('stdout', 0, values.map((v) => formatPercent('%s', [v])).join(' '));
}
