/**
 * The portfolio strategy: several strategies take turns, one execution each, in a fixed
 * rotation, as test harnesses run several schedulers on one budget. No single sampler wins
 * everywhere (bench/strategies.ts): reads-from guided fuzzing finds bugs that need reads to
 * see particular writes (reordered writer/reader pairs) and shallow bugs at once; PCT depth 2
 * finds bugs that need one thread to run far ahead of another (an audit between two long
 * loops), where uniform random and POS miss; DFS with preemption bounds 0, 1, ... finds bugs
 * that need few preemptions in small programs. Interleaving them costs at most a factor of the
 * number of members on any program and gains whenever the best member for the program is not
 * the one a user would have picked. POS and uniform random were measured as members too and
 * left out: on no program of the suite were they much better than all three of these, and a
 * fourth member makes every bug a quarter slower to find.
 *
 * Every member is deterministic, so a portfolio run is a pure function of the base seed, and
 * a failure names the member (and, for PCT, the run seed) that found it.
 */
import { PctPolicy, type PctParameters } from '../policies/pct.js';
import { DfsSearch } from './dfs.js';
import { RffSearch } from './rff.js';
import { runSeed, SeededSearch } from './sampling.js';
import type { Runner, Search, SearchStep } from './search.js';

/** A member of the portfolio and the name failures are credited to. */
interface Member {
  readonly name: string;
  readonly search: Search;
  readonly seeded?: { readonly lastSeed: number };
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
export const PORTFOLIO_MEMBERS = ['rff', 'pct-2', 'dfs'] as const;

/** Runs its members in rotation; see the file comment. */
export class PortfolioSearch implements Search {
  readonly exhausted = false;
  private readonly members: Member[];
  private turn = 0;
  private last: Member | undefined;

  constructor(runner: Runner, pct: Omit<PctParameters, 'depth'>, seed: number) {
    const base = (i: number): number => runSeed(seed, 0x7000_0000 + i);
    const rff = new RffSearch(runner, base(0));
    const pct2 = new SeededSearch(runner, new PctPolicy({ ...pct, depth: 2 }), base(1));
    this.members = [
      { name: 'rff', search: rff },
      { name: 'pct-2', search: pct2, seeded: pct2 },
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
