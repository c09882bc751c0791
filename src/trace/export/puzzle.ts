/**
 * The puzzle the "you are the scheduler" mode sets: a goal taken from the recorded run's
 * outcome, hints that point at the race without giving the schedule, and a check the page
 * runs on the state a student's run ends in. The recorded run itself (its failures, the steps
 * of the race) stays hidden until the student asks for it.
 */
import type { TraceFile } from '../format.js';
import { racesInTrace } from '../trace-races.js';

/** What the page shows and checks. */
export interface Puzzle {
  /** One sentence: "Make db.value end at 1." */
  readonly goal: string;
  /** Shared locations and the JSON of the value each must end with; empty when the goal is a failure of any kind. */
  readonly expect: Readonly<Record<string, string>>;
  /** True when the goal is met by any failure (no state goal could be stated). */
  readonly anyFailure: boolean;
  /**
   * Shared locations and the JSON of the value the recorded run ended with: the goal is met when
   * any one ends otherwise. Set for a run that races in a program with no claim, where "make a
   * claim fail" could never be met and no end state is known to be right.
   */
  readonly differ?: Readonly<Record<string, string>>;
  /** Hints, vaguest first; each one narrows the search. */
  readonly hints: readonly string[];
}

function lookup(state: TraceFile['state'], location: string): { found: boolean; value?: unknown } {
  const dot = location.indexOf('.');
  if (dot < 0) return { found: false };
  const store = state[location.slice(0, dot)] as Record<string, unknown> | undefined;
  const key = location.slice(dot + 1);
  return store !== undefined && key in store ? { found: true, value: store[key] } : { found: false };
}

function threadName(trace: TraceFile, index: number): string {
  return trace.threads[index]?.name ?? `#${index}`;
}

/** What the puzzle knows of the program besides its trace. */
export interface PuzzleOptions {
  /** False when the program states no claim and no invariant (nothing can "fail a claim"). Default: unknown, taken as true. */
  readonly claims?: boolean;
}

/** Most locations a "make it end otherwise" goal names. */
const DIFFER_MAX = 3;

/** The puzzle of `trace`: reproduce its failure, or, for a run without one, try to cause one. */
export function puzzleOf(trace: TraceFile, options: PuzzleOptions = {}): Puzzle {
  const races = trace.races ?? racesInTrace(trace);
  if (trace.failures.length === 0) {
    return {
      goal: 'The recorded run has no failure. Can any order of the threads break this program? Try to make a claim fail or two threads race.',
      expect: {},
      anyFailure: true,
      hints: ['Look for shared data that two threads both touch, and for what keeps them apart (a lock, a join, a queue).', 'If every schedule you try ends well, the synchronization is doing its job: that is the answer too.'],
    };
  }
  // The end state is the symptom only when a claim or invariant failed; a run that races but
  // ends well gets the goal of breaking a claim instead (its end state is the right one).
  const broken = trace.failures.some((f) => f.kind === 'claim' || f.kind === 'invariant');
  const locations = broken ? [...new Set(races.map((r) => r.location))] : [];
  const expect: Record<string, string> = {};
  for (const loc of locations) {
    const end = lookup(trace.state, loc);
    if (end.found) expect[loc] = JSON.stringify(end.value);
  }
  const shown = Object.entries(expect);
  const onlyRaces = trace.failures.every((f) => f.kind === 'race');
  const differ: Record<string, string> = {};
  if (shown.length === 0 && onlyRaces && options.claims === false) {
    for (const loc of [...new Set(races.filter((r) => r.first.access === 'write' || r.second.access === 'write').map((r) => r.location))].slice(0, DIFFER_MAX)) {
      const end = lookup(trace.state, loc);
      if (end.found) differ[loc] = JSON.stringify(end.value);
    }
  }
  const others = Object.entries(differ);
  const goal =
    shown.length > 0
      ? `Make ${shown.map(([loc, json]) => `${loc} end at ${json}`).join(' and ')}: schedule the threads so the program loses what they wrote.`
      : others.length > 0
        ? `The recorded run races, and the program states no claim, so nothing here says which end is right. Show that the schedule decides: end with ${others.map(([loc, json]) => `${loc} other than ${json}`).join(' or ')} (the recorded run's end).`
      : onlyRaces
        ? 'The recorded run has a data race but ends well. Find a schedule where the race does harm: make a claim fail.'
        : `Make the program fail the way the recorded run did (${trace.failures[0]!.kind}).`;
  const hints: string[] = [];
  const race = races[0];
  if (race !== undefined) {
    const a = threadName(trace, race.first.thread);
    const b = threadName(trace, race.second.thread);
    hints.push(`Watch ${race.location}: ${trace.threads.length > 2 ? 'two threads' : 'both threads'} touch it with nothing ordering them.`);
    hints.push(`Let ${a} ${race.first.access} ${race.location}, then, before ${a} is done with it, let ${b} ${race.second.access} it.`);
  } else {
    hints.push(`The recorded run ends in: ${trace.failures[0]!.kind}. Which threads wait for each other?`);
    hints.push('Switch threads in the middle of a critical section: a thread holding one thing while asking for another.');
  }
  return { goal, expect, anyFailure: shown.length === 0 && others.length === 0, ...(others.length > 0 ? { differ } : {}), hints };
}
