/**
 * Shrink candidates with fewer preemptions, built in thread-sequence space. Shrinking the
 * choice list alone gets stuck when removing one preemption shifts every later choice (the
 * choices are relative to the decision points, so a preemption that moved a thread out of
 * the way cannot simply be zeroed). Here the executed thread sequence is cut into blocks
 * (maximal runs of one thread) and a later block of a thread is moved up against its earlier
 * block, or the earlier one down against the later one: the trace-simplification moves of
 * Jalbert and Sen ("A trace simplification technique for effective debugging of concurrent
 * programs", FSE 2010). Each moved sequence is followed leniently (a thread that is not
 * runnable at its turn is skipped) and the execution is encoded back into choices; only
 * candidates with fewer preemptions are offered, and fast-check keeps those that still fail.
 */
import { execute } from '../scheduler/execution.js';
import type { Policy, SchedulingPoint } from '../scheduler/policies/policy.js';
import type { Program } from '../scheduler/program.js';
import { encodeChoice } from './choice-policy.js';
import { CHECK_MAX_STEPS, runChoices, type EngineOptions } from './run-choices.js';
import { Schedule } from './schedule.js';

/** Follows a wished thread per step when it is runnable; otherwise acts like choice 0. */
class SequencePolicy implements Policy {
  readonly name = 'sequence';
  readonly choices: number[] = [];
  preemptions = 0;
  private answered = 0;
  constructor(
    private readonly wished: readonly number[],
    /** The answers the run being shrunk gave to the model's choices, in order (ChoicePolicy reads them from the list). */
    private readonly answers: readonly number[] = [],
  ) {}
  begin(): void {
    this.choices.length = 0;
    this.preemptions = 0;
    this.answered = 0;
  }
  choose(k: number): number {
    const a = this.answers[this.answered++] ?? 0;
    const answer = a < k ? a : 0;
    this.choices.push(answer);
    return answer;
  }
  pick(runnable: readonly number[], at: SchedulingPoint): number {
    const want = this.wished[at.step];
    const keep = runnable.includes(at.previous);
    const taken = want !== undefined && runnable.includes(want) ? want : keep ? at.previous : Math.min(...runnable);
    const choice = encodeChoice(runnable, at.previous, taken);
    if (keep && !at.yielded && choice !== 0) this.preemptions++;
    this.choices.push(choice);
    return taken;
  }
}

/** Maximal runs of one thread: [thread, start, end) per block. */
function blocksOf(sequence: readonly number[]): [number, number, number][] {
  const blocks: [number, number, number][] = [];
  for (let i = 0; i < sequence.length; i++) {
    const last = blocks.at(-1);
    if (last !== undefined && last[0] === sequence[i]) last[2] = i + 1;
    else blocks.push([sequence[i]!, i, i + 1]);
  }
  return blocks;
}

/** The moved sequences: each later block of a thread joined to its previous block. */
function* movedSequences(sequence: readonly number[]): Generator<number[]> {
  const blocks = blocksOf(sequence);
  for (let j = 0; j < blocks.length; j++) {
    const [thread, start, end] = blocks[j]!;
    let i = j - 1;
    while (i >= 0 && blocks[i]![0] !== thread) i--;
    if (i < 0 || i === j - 1) continue;
    const [, , endI] = blocks[i]!;
    const [, startI] = blocks[i]!;
    const moved = sequence.slice(start, end);
    // the later block moved up right after the earlier one
    yield [...sequence.slice(0, endI), ...moved, ...sequence.slice(endI, start), ...sequence.slice(end)];
    // the earlier block moved down right before the later one
    yield [...sequence.slice(0, startI), ...sequence.slice(endI, start), ...sequence.slice(startI, endI), ...sequence.slice(start)];
  }
}

function trimZeros(choices: readonly number[]): number[] {
  let n = choices.length;
  while (n > 0 && choices[n - 1] === 0) n--;
  return choices.slice(0, n);
}

/** Schedules of `program` with fewer preemptions than `schedule`, most promising first. */
export function* fewerPreemptions(program: Program, schedule: Schedule, options: EngineOptions = {}, maxLength = Infinity): Generator<Schedule> {
  const current = runChoices(program, schedule.choices, options);
  if (current.preemptions === 0) return;
  const seen = new Set<string>();
  const answers = (current.execution.choices ?? []).map((c) => c.value);
  for (const wished of movedSequences(current.execution.schedule)) {
    const policy = new SequencePolicy(wished, answers);
    execute(program, {
      policy,
      seed: 0,
      maxSteps: options.maxSteps ?? CHECK_MAX_STEPS,
      ...(options.untimed === undefined ? {} : { untimed: options.untimed }),
      ...(options.cpuCount === undefined ? {} : { cpuCount: options.cpuCount }),
    });
    const choices = trimZeros(policy.choices);
    const key = choices.join(',');
    if (policy.preemptions >= current.preemptions || choices.length > maxLength || seen.has(key)) continue;
    seen.add(key);
    yield new Schedule(choices);
  }
}

/** Candidates with one choice zeroed (latest first), then with one choice removed. */
function* simpler(schedule: Schedule): Generator<Schedule> {
  const c = schedule.choices;
  for (let i = c.length - 1; i >= 0; i--) if (c[i] !== 0) yield new Schedule(trimZeros([...c.slice(0, i), 0, ...c.slice(i + 1)]));
  for (let i = c.length - 1; i >= 0; i--) yield new Schedule(trimZeros([...c.slice(0, i), ...c.slice(i + 1)]));
}

/**
 * Greedy shrinking outside fast-check (for schedules found by enumeration or by sampling):
 * take the first candidate that still fails, from block moves (fewer preemptions), then
 * zeroed and removed choices, until none does or `maxAttempts` candidates were tried.
 */
export function minimizeSchedule(program: Program, schedule: Schedule, stillFails: (s: Schedule) => boolean, options: EngineOptions = {}, maxAttempts = 1000): Schedule {
  let current = new Schedule(trimZeros(schedule.choices));
  let attempts = 0;
  for (let progress = true; progress && attempts < maxAttempts; ) {
    progress = false;
    const candidates = (function* () {
      yield* fewerPreemptions(program, current, options);
      yield* simpler(current);
    })();
    for (const candidate of candidates) {
      if (++attempts > maxAttempts) break;
      if (stillFails(candidate)) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return current;
}
