/**
 * The portfolio strategy: several strategies take turns, one execution each, in a fixed
 * rotation, as test harnesses run several schedulers on one budget (shuttle's and Coyote's
 * portfolios). No single sampler wins everywhere: PCT finds bugs that need one thread to run
 * far ahead of another (an audit between two long loops), POS finds races between events that
 * many independent steps separate, uniform random finds shallow bugs at once, and iterated
 * preemption bounding finds bugs that need one preemption at an unusual point in a small
 * program. Interleaving them costs at most a factor of the number of members on any program,
 * and gains whenever the best member for the program is not the one a user would have picked.
 *
 * Every member is deterministic, so a portfolio run is a pure function of the base seed, and
 * a failure names the member and (for samplers) the run seed that found it.
 */
import { PctPolicy, type PctParameters } from '../policies/pct.js';
import { RandomPolicy } from '../policies/random.js';
import { DfsSearch } from './dfs.js';
import { PosPolicy } from './pos.js';
import { runSeed, SeededSearch } from './sampling.js';
import type { Runner, Search, SearchStep } from './search.js';

/** A member of the portfolio and the name failures are credited to. */
interface Member {
  readonly name: string;
  readonly search: Search;
  readonly seeded?: SeededSearch;
}

/** DFS whose preemption bound is raised 0, 1, 2, ... each time its space is covered. */
class IteratedDfs implements Search {
  private bound = 0;
  private dfs: DfsSearch;
  exhausted = false;

  constructor(private readonly runner: Runner) {
    this.dfs = new DfsSearch(runner, 0);
  }

  next(): SearchStep {
    for (;;) {
      if (this.exhausted) return { kind: 'done' };
      const step = this.dfs.next();
      if (step.kind !== 'done') return step;
      if (!this.dfs.pruned) {
        this.exhausted = true;
        return { kind: 'done' };
      }
      this.dfs = new DfsSearch(this.runner, ++this.bound);
    }
  }
}

/** The portfolio's members, in rotation order. */
export const PORTFOLIO_MEMBERS = ['pct-2', 'pos', 'random', 'pct-3', 'dfs'] as const;

/** Runs its members in rotation; see the file comment. */
export class PortfolioSearch implements Search {
  readonly exhausted = false;
  private readonly members: Member[];
  private turn = 0;
  private last: Member | undefined;

  constructor(runner: Runner, pct: Omit<PctParameters, 'depth'>, seed: number) {
    const base = (i: number): number => runSeed(seed, 0x7000_0000 + i);
    const seeded = (name: string, search: SeededSearch): Member => ({ name, search, seeded: search });
    this.members = [
      seeded('pct-2', new SeededSearch(runner, new PctPolicy({ ...pct, depth: 2 }), base(0))),
      seeded('pos', new SeededSearch(runner, new PosPolicy(), base(1))),
      seeded('random', new SeededSearch(runner, new RandomPolicy(), base(2))),
      seeded('pct-3', new SeededSearch(runner, new PctPolicy({ ...pct, depth: 3 }), base(3))),
      { name: 'dfs', search: new IteratedDfs(runner) },
    ];
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
    for (let tries = 0; tries < this.members.length; tries++) {
      const m = this.members[this.turn++ % this.members.length]!;
      const step = m.search.next();
      if (step.kind === 'done') continue;
      this.last = m;
      return step;
    }
    return { kind: 'done' };
  }
}
