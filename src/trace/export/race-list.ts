/**
 * The races of a trace as exports list them: numbered race pairs (the numbers every format
 * uses: "race 1", "RACE 1"), grouped by the pattern they form, so a lost update made of two
 * racing pairs is told once with its steps, and each pair's sentence is said once.
 */
import type { TraceFile, TraceRace } from '../format.js';

/** One pattern (or one unpatterned race) and the numbered pairs behind it. */
export interface RaceGroup {
  /** `lost update`, or undefined for a plain data race. */
  readonly pattern?: string;
  readonly location: string;
  /** Every step involved, ascending. */
  readonly steps: readonly number[];
  /** The pairs, with their 1-based numbers. */
  readonly races: readonly { readonly number: number; readonly race: TraceRace; readonly sentence: string }[];
}

/** Group the trace's races by pattern: pairs sharing a pattern, location and pattern steps are one group. */
export function raceGroups(trace: Pick<TraceFile, 'races'>): RaceGroup[] {
  const groups = new Map<string, { pattern?: string; location: string; steps: Set<number>; races: RaceGroup['races'][number][] }>();
  (trace.races ?? []).forEach((race, i) => {
    const patternSteps = Array.isArray(race['patternSteps']) ? (race['patternSteps'] as unknown[]).filter((x): x is number => typeof x === 'number') : [];
    const key = race.pattern === undefined || patternSteps.length === 0 ? `#${i}` : `${race.pattern}|${race.location}|${patternSteps.join(',')}`;
    const g = groups.get(key) ?? { ...(race.pattern === undefined ? {} : { pattern: race.pattern }), location: race.location, steps: new Set<number>(), races: [] };
    for (const s of [race.first.step, race.second.step, ...patternSteps]) g.steps.add(s);
    g.races.push({ number: i + 1, race, sentence: pairSentence(race) });
    groups.set(key, g);
  });
  return [...groups.values()].map((g) => ({ ...g, steps: [...g.steps].sort((a, b) => a - b) }));
}

/**
 * The pair's sentence without the heading the group already says: `data race on db.value
 * (lost update): ` is dropped from the detector's message.
 */
function pairSentence(race: TraceRace): string {
  const head = `data race on ${race.location}${race.pattern === undefined ? '' : ` (${race.pattern})`}: `;
  return race.message.startsWith(head) ? race.message.slice(head.length) : race.message;
}

/** `steps 9, 12 and 19`. */
export function stepList(steps: readonly number[]): string {
  if (steps.length === 1) return `step ${steps[0]}`;
  return `steps ${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}`;
}
