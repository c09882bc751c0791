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
import type { Kernel, Op, Step } from '../scheduler/ops.js';
import { OneStep, opKind } from './one-step.js';
import { formatPercent, pyStr } from './percent-format.js';

/** Python's level numbers. */
export const LEVELS = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 } as const;
/** A level name as Python prints it. */
export type LevelName = keyof typeof LEVELS;

/** One line of output: a one-step op (see one-step.ts), the line itself as its value. */
class LogOp extends OneStep<void> implements Op {
  declare readonly kind: 'log';
  declare readonly access: 'none';
  declare readonly obj: undefined;
  constructor(
    private readonly stream: string,
    private readonly level: number,
    readonly value: string,
  ) {
    super();
  }
  run(k: Kernel): void {
    k.emit(this.stream, this.level, this.value);
  }
}
opKind(LogOp, 'log', 'none');
Object.defineProperty(LogOp.prototype, 'obj', { value: undefined });

function emitLine(stream: string, level: number, text: string): Step<void> {
  return new LogOp(stream, level, text);
}

function at(level: LevelName) {
  return (msg: unknown, ...args: unknown[]): Step<void> => emitLine(level, LEVELS[level], formatPercent(String(msg), args));
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
export function log(msg: unknown, ...args: unknown[]): Step<void> {
  return logging.info(msg, ...args);
}

/** Python's `print(*values)`: one line to stdout, values joined by a space. */
export function print(...values: unknown[]): Step<void> {
  return emitLine('stdout', 0, values.map(pyStr).join(' '));
}
