/** A range of steps to export (an excerpt for a slide): `5..18`, `5..`, `..18` or `12`. */
import { ThreadsimError } from '../../errors.js';

/** Steps `from` to `to`, both included. */
export interface StepRange {
  readonly from: number;
  readonly to: number;
}

/** Parse `A..B`, `A..`, `..B` or `A`; throws TSIM006 naming the mistake. */
export function parseStepRange(text: string): StepRange {
  const m = /^\s*(\d*)\s*(\.\.)?\s*(\d*)\s*$/.exec(text);
  const bad = (why: string): never => {
    throw new ThreadsimError('TSIM006', `--steps '${text}' ${why}`, 'Write a range of step numbers such as 5..18, 5.., ..18 or 12.');
  };
  if (m === null || (m[1] === '' && m[3] === '')) return bad('is not a step range');
  const from = m[1] === '' ? 0 : Number(m[1]);
  const to = m[3] === '' ? (m[2] === undefined ? from : Number.MAX_SAFE_INTEGER) : Number(m[3]);
  if (m[2] === undefined && m[3] !== '') return bad('is not a step range');
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return bad('has a step number that is too large');
  if (from > to) return bad(`starts after it ends (${from} > ${to})`);
  return { from, to };
}

/** True when `step` is inside `range` (every step is when there is no range). */
export function inRange(step: number, range: StepRange | undefined): boolean {
  return range === undefined || (step >= range.from && step <= range.to);
}
