/**
 * The progress line of a long `explore` (standard error, terminals only): executions, rate,
 * failures, and percent and time left when the total is known (sampling strategies run a set
 * number of executions; exhaustive searches do not know theirs in advance).
 */
import { count } from './explore-report.js';

/** What the line is made from (`Exploration.progress()`). */
export interface ProgressSnapshot {
  readonly executions: number;
  readonly failures: number;
  readonly elapsedMs: number;
  readonly total?: number;
}

const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${Math.round(seconds - m * 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** One line, e.g. `exploring: 42% (420 of 1,000 executions) | 3,100/s | 1 failure | 0.1 s, about 0.2 s left`. */
export function progressLine(p: ProgressSnapshot): string {
  const secs = p.elapsedMs / 1000;
  const rate = p.executions / Math.max(secs, 0.001);
  const done =
    p.total === undefined
      ? plural(p.executions, 'execution')
      : `${Math.floor((100 * p.executions) / Math.max(p.total, 1))}% (${count(p.executions)} of ${plural(p.total, 'execution')})`;
  const left = p.total === undefined || p.executions === 0 ? '' : `, about ${duration(Math.max(0, p.total - p.executions) / rate)} left`;
  return `exploring: ${done} | ${count(Math.round(rate))}/s | ${plural(p.failures, 'failure')} | ${duration(secs)}${left}`;
}
