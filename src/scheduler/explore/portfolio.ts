/**
 * The portfolio strategy: several strategies take turns, one execution per turn, as test
 * harnesses run several schedulers on one budget. No single strategy wins everywhere
 * (bench/strategies.ts), and the members and their turns were chosen from those
 * measurements:
 * - periodical scheduling (period.ts) finds most of the suite's bugs within 15 executions and
 *   is the only strategy that finds every one of them within 20: reordered writer/reader
 *   pairs, two-stage updates and audits between whole loops, where PCT needs 10 to 120;
 * - DPOR finds in 2 to 5 executions what period needs 6 to 15 for (a queue or stack without a
 *   lock, a ring of locks, lazy initialisation), and proves nothing is missed when its space
 *   is small;
 * - reads-from guided fuzzing is the sampler that did best on the shapes the systematic
 *   members find late, and it keeps finding new schedules on programs too big for them.
 * The turns repeat period, period, DPOR, period, rff. Period gets three turns in five because
 * bench/bug-reorder-5, which DPOR misses in 10,000 executions, needs 11 of period's: its 11th
 * execution is the portfolio's 17th (with every other turn, it would be the 21st). DPOR's one
 * turn in five puts its 2nd to 4th executions (its finds on the lock and queue bugs) at the
 * portfolio's 8th to 18th; bench/bug-lock-ring-3 (DPOR's 4th, period's 15th) is the tightest
 * at 18. The three members in plain rotation would need about 24 on bench/bug-reorder-5
 * (computed from each member's own measured executions); the previous members (rff, PCT depth
 * 2, iterated preemption bounds) needed 38.5 there and 31 on bench/bug-lock-ring-3. Adding
 * PCT depth 2 as a fourth member did not lower the worst program's mean and raised the sum over
 * the suite; iterated DFS was nowhere the earliest finder once period was in. Every extra
 * member slows the others.
 * Uneven turns by feedback (a bandit over members whose last executions found new reads-from
 * pairs) were not needed for the goal and are not built.
 *
 * Every member is deterministic (the systematic ones ignore the seed; rff's choices come from
 * it), so a portfolio run is a pure function of the base seed, and a failure names the member
 * (and, for rff, the run seed) that found it.
 */
import { DporSearch } from './dpor.js';
import { PeriodSearch } from './period.js';
import { RffSearch } from './rff.js';
import { runSeed } from './sampling.js';
import type { Runner, Search, SearchStep } from './search.js';

/** A member of the portfolio and the name failures are credited to. */
interface Member {
  readonly name: string;
  readonly search: Search;
  readonly seeded?: { readonly lastSeed: number };
}

/** The portfolio's members. */
export const PORTFOLIO_MEMBERS = ['period', 'dpor', 'rff'] as const;

/** Whose turn each execution is, repeated: indices into {@link PORTFOLIO_MEMBERS}. */
export const PORTFOLIO_TURNS: readonly number[] = [0, 0, 1, 0, 2];

/**
 * Runs its members in turn; see the file comment. When a systematic member (period or DPOR)
 * has covered its whole space, the program has no failure to find: every schedule, or one
 * execution per Mazurkiewicz trace (which decides final states, exceptions and deadlocks), was
 * run. The portfolio then ends, and {@link proof} says which member ended it. Not when the
 * program made choices: the members run under their own answers, so it samples on.
 */
export class PortfolioSearch implements Search {
  private readonly members: Member[];
  private readonly runs: number[] = [];
  /** The systematic member that covered its space, and its own number of executions. */
  proof: { readonly member: string; readonly executions: number } | undefined;
  private turn = 0;
  private last: Member | undefined;
  /** Some execution made a choice (src/scheduler/choice.ts): no member's coverage is a proof. */
  private choicesSeen = false;

  constructor(
    runner: Runner,
    seed: number,
    /** As for DPOR: output order distinguishes executions; sleeps and timeouts order nothing. */
    options: { readonly orderOutput: boolean; readonly untimed: boolean },
  ) {
    const rff = new RffSearch(runner, runSeed(seed, 0x7000_0000));
    this.members = [
      { name: 'period', search: new PeriodSearch(runner) },
      { name: 'dpor', search: new DporSearch(runner, options.orderOutput, options.untimed) },
      { name: 'rff', search: rff, seeded: rff },
    ];
  }

  get exhausted(): boolean {
    return this.proof !== undefined;
  }

  /** The member that ran the last execution. */
  get lastMember(): string | undefined {
    return this.last?.name;
  }

  /** The run seed of the last execution, when a sampler ran it. */
  get lastSeed(): number | undefined {
    return this.last?.seeded?.lastSeed;
  }

  next(): SearchStep {
    if (this.proof !== undefined) return { kind: 'done' };
    for (let tries = 0; tries < PORTFOLIO_TURNS.length; tries++) {
      const i = PORTFOLIO_TURNS[this.turn++ % PORTFOLIO_TURNS.length]!;
      const m = this.members[i]!;
      const step = m.search.next();
      if (step.kind === 'done') {
        // The members search schedules under their own answers to the program's choices
        // (as_completed's order), not every answer: a covered space proves nothing then.
        if (m.search.exhausted && !this.choicesSeen) {
          this.proof = { member: m.name, executions: this.runs[i] ?? 0 };
          return step;
        }
        continue;
      }
      if (step.kind === 'execution') {
        this.runs[i] = (this.runs[i] ?? 0) + 1;
        if (step.result.choices !== undefined) this.choicesSeen = true;
      }
      this.last = m;
      return step;
    }
    return { kind: 'done' };
  }
}
