/**
 * The program's output as Python would print it: logging lines as
 * `HH:MM:SS: message` (the tutorial's `%(asctime)s: %(message)s`, datefmt `%H:%M:%S`) on the
 * virtual clock, or bare messages; plain writes and exception reports as they are.
 */
import { PARTIAL_STREAM as PARTIAL, type OutputLine } from '../scheduler/ops.js';

/** The virtual clock's start, seconds after midnight: 12:00:00, so timestamps are reproducible. */
export const CLOCK_START_SECONDS = 12 * 3600;

/** Python's level numbers by lower-case name, for `--log-level`. */
export const LEVEL_NUMBERS: Readonly<Record<string, number>> = { debug: 10, info: 20, warning: 30, error: 40, critical: 50 };

/** Options of {@link renderOutput}. */
export interface TextOptions {
  /** Prefix logging lines with `HH:MM:SS: `. Default true. */
  readonly timestamps?: boolean;
  /** Lowest logging level shown (10 DEBUG .. 50 CRITICAL). Default 20 (INFO). */
  readonly level?: number;
}

/** `HH:MM:SS` of a virtual time in microseconds. */
export function clockTime(micros: number): string {
  const total = CLOCK_START_SECONDS + Math.floor(micros / 1e6);
  const h = Math.floor(total / 3600) % 24;
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/** True for lines made by `logging` (as opposed to print and exception reports). */
export function isLogLine(line: OutputLine): boolean {
  return line.stream !== 'stdout' && line.stream !== 'stderr' && line.stream !== PARTIAL;
}


/** The lines a user would see, filtered by level, one string per line. */
export function renderOutput(lines: readonly OutputLine[], options: TextOptions = {}): string[] {
  const timestamps = options.timestamps ?? true;
  const level = options.level ?? 20;
  const out: string[] = [];
  let pending = '';
  for (const line of lines) {
    if (line.stream === PARTIAL) {
      pending += line.text;
    } else if (!isLogLine(line)) {
      out.push(pending + line.text);
      pending = '';
    } else if (line.level >= level) {
      out.push(pending + (timestamps ? `${clockTime(line.time)}: ${line.text}` : line.text));
      pending = '';
    }
  }
  if (pending !== '') out.push(pending);
  return out;
}
