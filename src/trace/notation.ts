/**
 * The schedule notation: a schedule (one thread per step) written so people can read and type
 * it, run-length encoded by thread: `MainThread*3 T1*3 MainThread T2*3 T1*6`.
 *
 * Grammar (whitespace or commas separate runs):
 *
 *     schedule := run*
 *     run      := thread ('*' count)? choices?  count: a positive integer, default 1
 *     choices  := '{' answer (',' answer)* '}'  answer: a whole number; on a one-step run only
 *     thread   := bare | quoted | '#' index
 *     bare     := one or more characters other than whitespace, ',', '*', '"', '#', '{' and '}'
 *     quoted   := a JSON string literal ("Thread-1 (update)")
 *
 * A bare or quoted word names the thread with exactly that name. A bare `T<n>` that is no
 * thread's name is a short alias of thread index n (creation order, MainThread is 0), and
 * `#<n>` is always thread index n. `T1{2,0}` is one step of T1 whose choices (a model's
 * nondeterministic choices, src/scheduler/choice.ts) take answers 2 and 0; a step written
 * without braces takes the default answer, 0, for every choice it makes, so a schedule shows
 * braces only on steps where some answer is not the default. docs/schedule-notation.md is the
 * user's documentation.
 */
import { ThreadsimError } from '../errors.js';
import { choicesByStep, DEFAULT_CHOICE, type ChoiceRecord } from '../scheduler/choice.js';

/** Who a run of the schedule names. */
export type ThreadRef =
  /** A name (bare or quoted); a bare `T<n>` falls back to index n when no thread has that name. */
  | { readonly kind: 'name'; readonly name: string; readonly quoted: boolean }
  /** `#<n>`: thread index n. */
  | { readonly kind: 'index'; readonly index: number };

/** One run: `count` consecutive steps of one thread. */
export interface ScheduleRun {
  readonly thread: ThreadRef;
  readonly count: number;
  /** `{a,b}`: the answers of the choices this (one-step) run makes; absent: all default. */
  readonly choices?: readonly number[];
  /** The run as written, for error messages. */
  readonly text: string;
}

/** Largest count a run may have; a schedule longer than this could never finish anyway. */
export const MAX_RUN_COUNT = 10_000_000;

/**
 * Largest number of steps a whole schedule may name: the schedule is expanded one entry per
 * step, so a total bound (not only one per run) keeps forty runs of ten million each from
 * filling memory before the first step.
 */
export const MAX_SCHEDULE_STEPS = 10_000_000;

const BARE = /^[^\s,*"#{}]+$/;
const ALIAS = /^T(0|[1-9][0-9]*)$/;

/** Parse the notation; throws a ThreadsimError (TSIM006) naming the position of a mistake. */
export function parseSchedule(text: string): ScheduleRun[] {
  const runs: ScheduleRun[] = [];
  let total = 0;
  let i = 0;
  const n = text.length;
  const fail = (at: number, why: string): never => {
    throw new ThreadsimError(
      'TSIM006',
      `bad schedule at character ${at + 1}: ${why}`,
      'Write runs such as `MainThread*3 T1*2 "Thread-1 (update)"*4 #2`; see docs/schedule-notation.md.',
    );
  };
  while (i < n) {
    const c = text[i]!;
    if (/\s|,/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    let thread: ThreadRef;
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= n) fail(start, 'a quoted thread name has no closing quote');
      let name: unknown;
      try {
        name = JSON.parse(text.slice(i, j + 1));
      } catch {
        fail(start, `${text.slice(i, j + 1)} is not a valid quoted name (JSON string syntax)`);
      }
      thread = { kind: 'name', name: name as string, quoted: true };
      i = j + 1;
    } else if (c === '#') {
      const m = /^#([0-9]+)/.exec(text.slice(i));
      if (m === null) fail(start, "'#' must be followed by a thread index, as in #2");
      const index = Number(m![1]);
      if (!Number.isSafeInteger(index)) fail(start, `thread index ${m![1]} is too large`);
      thread = { kind: 'index', index };
      i += m![0].length;
    } else if (c === '*') {
      fail(start, "'*' must follow a thread, as in T1*3");
    } else {
      let j = i;
      while (j < n && !/[\s,*"#{}]/.test(text[j]!)) j++;
      if (j === i) fail(start, `'${c}' must follow a thread, as in T1{2}`);
      thread = { kind: 'name', name: text.slice(i, j), quoted: false };
      i = j;
    }
    let count = 1;
    if (text[i] === '*') {
      const m = /^\*([0-9]+)/.exec(text.slice(i));
      if (m === null) fail(i, "'*' must be followed by a step count, as in T1*3");
      count = Number(m![1]);
      if (!Number.isSafeInteger(count) || count < 1 || count > MAX_RUN_COUNT) fail(i, `step count ${m![1]} is not between 1 and ${MAX_RUN_COUNT}`);
      i += m![0].length;
    }
    let choices: number[] | undefined;
    if (text[i] === '{') {
      const m = /^\{\s*([0-9]+(?:\s*,\s*[0-9]+)*)\s*\}/.exec(text.slice(i));
      if (m === null) fail(i, "'{' must hold the answers of the step's choices, as in T1{2,0}");
      if (count !== 1) fail(i, `choices belong to one step: write ${text.slice(start, i).replace(/\*[0-9]+$/, '')}*${count - 1} then one step with the choices`);
      choices = m![1]!.split(',').map((x) => Number(x.trim()));
      if (choices.some((x) => !Number.isSafeInteger(x))) fail(i, 'a choice answer is too large');
      i += m![0].length;
    }
    if (i < n && !/[\s,]/.test(text[i]!)) fail(i, `unexpected '${text[i]}' after ${text.slice(start, i)} (separate runs with spaces)`);
    total += count;
    if (total > MAX_SCHEDULE_STEPS) fail(start, `the schedule names more than ${MAX_SCHEDULE_STEPS} steps in all`);
    runs.push({ thread: thread!, count, ...(choices === undefined ? {} : { choices }), text: text.slice(start, i) });
  }
  return runs;
}

/** The thread a reference names, given the names of the threads that exist; or an error text. */
export function resolveThread(ref: ThreadRef, names: readonly string[]): number | string {
  if (ref.kind === 'index') {
    return ref.index < names.length ? ref.index : `#${ref.index} is not a thread at that point (threads are #0..#${names.length - 1})`;
  }
  const matches: number[] = [];
  names.forEach((name, i) => {
    if (name === ref.name) matches.push(i);
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) return `${ref.name} is ambiguous: threads ${matches.map((m) => `#${m}`).join(', ')} have that name (write #<index>)`;
  const alias = ref.quoted ? null : ALIAS.exec(ref.name);
  if (alias !== null) {
    const index = Number(alias[1]);
    if (index < names.length) return index;
  }
  return `no thread is called ${ref.quoted ? JSON.stringify(ref.name) : ref.name} at that point`;
}

/** One entry per step: the run each step belongs to. */
export function expandSchedule(runs: readonly ScheduleRun[]): ScheduleRun[] {
  const steps: ScheduleRun[] = [];
  for (const r of runs) for (let k = 0; k < r.count; k++) steps.push(r);
  return steps;
}

/** Longest thread name printed as it is; longer names get a `T<n>` alias. */
export const MAX_PRINTED_NAME = 16;

/**
 * How {@link printSchedule} writes each thread, by index. A unique name of at most
 * `MAX_PRINTED_NAME` (16) characters is written as itself (quoted when it is not a bare word);
 * other threads get `T<n>`, or `#<n>` when some thread is called `T<n>`.
 */
export function threadLabels(names: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const name of names) count.set(name, (count.get(name) ?? 0) + 1);
  return names.map((name, i) => {
    if (count.get(name) === 1 && name.length <= MAX_PRINTED_NAME && name.length > 0) {
      return BARE.test(name) ? name : JSON.stringify(name);
    }
    return count.has(`T${i}`) ? `#${i}` : `T${i}`;
  });
}

/** `T1 = ThreadPoolExecutor-0_0` for every thread {@link threadLabels} writes by alias. */
export function aliasLegend(names: readonly string[], used?: ReadonlySet<number>): string[] {
  const labels = threadLabels(names);
  const lines: string[] = [];
  labels.forEach((label, i) => {
    if ((label.startsWith('T') || label.startsWith('#')) && label !== names[i] && (used === undefined || used.has(i))) {
      lines.push(`${label} = ${JSON.stringify(names[i])}`);
    }
  });
  return lines;
}

/**
 * Write a schedule (thread index per step) in the notation; `names` are the threads' names.
 * With `choices` (an execution's), a step where some choice took another answer than the
 * default is written alone with all its answers: `T1{2,0}`.
 */
export function printSchedule(schedule: readonly number[], names: readonly string[], choices?: readonly ChoiceRecord[]): string {
  const labels = threadLabels(names);
  const byStep = choices === undefined || choices.every((c) => c.value === DEFAULT_CHOICE) ? undefined : choicesByStep(choices);
  const shown = (step: number): number[] | undefined => {
    const answers = byStep?.get(step);
    return answers !== undefined && answers.some((a) => a !== DEFAULT_CHOICE) ? answers : undefined;
  };
  const parts: string[] = [];
  for (let i = 0; i < schedule.length; ) {
    const t = schedule[i]!;
    const label = labels[t] ?? `#${t}`;
    const own = shown(i);
    if (own !== undefined) {
      parts.push(`${label}{${own.join(',')}}`);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < schedule.length && schedule[j] === t && shown(j) === undefined) j++;
    parts.push(j - i === 1 ? label : `${label}*${j - i}`);
    i = j;
  }
  return parts.join(' ');
}
