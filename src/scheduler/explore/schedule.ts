/**
 * A compact text form of a schedule (thread index per step) for replay commands:
 * runs of one thread are written `thread*count`, separated by commas: `0*3,1,2*2,0`.
 */
import { ThreadsimError } from '../../errors.ts';

/** `[0,0,0,1,2,2]` -> `0*3,1,2*2`. */
export function formatSchedule(schedule: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < schedule.length; ) {
    const t = schedule[i]!;
    let j = i;
    while (j < schedule.length && schedule[j] === t) j++;
    parts.push(j - i === 1 ? String(t) : `${t}*${j - i}`);
    i = j;
  }
  return parts.join(',');
}

/** Parse {@link formatSchedule}'s notation; throws TS006 naming the bad part. */
export function parseSchedule(text: string): number[] {
  const out: number[] = [];
  const trimmed = text.trim();
  if (trimmed === '') return out;
  for (const part of trimmed.split(',')) {
    const m = /^\s*(\d+)(?:\s*\*\s*(\d+))?\s*$/.exec(part);
    if (m === null) {
      throw new ThreadsimError('TS006', `bad schedule part '${part}' in '${text}'`, "Write thread indices separated by commas, with 'thread*count' for runs, e.g. 0*3,1,2*2.");
    }
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let i = 0; i < count; i++) out.push(Number(m[1]));
  }
  return out;
}
