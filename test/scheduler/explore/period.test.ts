import { describe, expect, it } from 'vitest';
import { shared } from '../../../src/models/shared.js';
import { Thread } from '../../../src/models/thread.js';
import { DfsSearch } from '../../../src/scheduler/explore/dfs.js';
import { explore } from '../../../src/scheduler/explore/explore.js';
import { PeriodSearch } from '../../../src/scheduler/explore/period.js';
import type { Runner } from '../../../src/scheduler/explore/search.js';
import { failureSignature } from '../../../src/scheduler/explore/shrink.js';
import { verdict } from '../../../src/cli/explore-report.js';
import { execute } from '../../../src/scheduler/execution.js';
import { ReplayPolicy } from '../../../src/scheduler/policies/replay.js';
import { program, type Program } from '../../../src/scheduler/program.js';
import { named } from './helpers.js';

/** Three threads of two shared steps each, started and joined by the main thread. */
function tiny(): Program {
  return program('test/period-tiny', function* main() {
    const s = shared('s', { x: 0, y: 0 });
    const a = new Thread({
      name: 'a',
      target: function* () {
        yield* s.set('x', 1);
        yield* s.set('y', 1);
      },
    });
    const b = new Thread({
      name: 'b',
      target: function* () {
        yield* s.set('y', (yield* s.get('x')) + 2);
      },
    });
    const c = new Thread({
      name: 'c',
      target: function* () {
        yield* s.set('x', 3);
        yield* s.get('y');
      },
    });
    for (const t of [a, b, c]) yield* t.start();
    for (const t of [a, b, c]) yield* t.join();
  });
}

function runnerOf(p: Program): Runner {
  return (policy, monitor, seed = 0) => execute(p, { policy, monitor, seed });
}

/**
 * The least number of periods of a schedule, by dynamic programming over every way to cut it
 * into consecutive stretches (a stretch is a period when no thread's steps in it are split by
 * another thread's), independent of the greedy cut the search uses.
 */
function leastPeriods(schedule: readonly number[]): number {
  const n = schedule.length;
  const valid = (from: number, to: number): boolean => {
    const closed = new Set<number>();
    for (let i = from; i < to; i++) {
      const t = schedule[i]!;
      if (closed.has(t)) return false;
      if (i + 1 < to && schedule[i + 1] !== t) closed.add(t);
    }
    return true;
  };
  const best = [0];
  for (let j = 1; j <= n; j++) {
    let b = Infinity;
    for (let i = 0; i < j; i++) if (valid(i, j)) b = Math.min(b, best[i]! + 1);
    best.push(b);
  }
  return best[n]!;
}

/** Every schedule of `p`, from DFS with no bound, with its number of periods by brute force. */
function everySchedule(p: Program): Map<string, number> {
  const dfs = new DfsSearch(runnerOf(p));
  const all = new Map<string, number>();
  for (let s = dfs.next(); s.kind !== 'done'; s = dfs.next()) {
    if (s.kind === 'execution') all.set(s.result.schedule.join(','), leastPeriods(s.result.schedule));
  }
  return all;
}

describe('the period strategy', () => {
  // Executions do not come in order of their own periods (the default completion of a prefix
  // may need more), but once the search says every schedule with up to d periods has run,
  // exactly those that brute force counts have.
  it('runs every schedule of a small program exactly once, and covers the period bounds in order', () => {
    const p = tiny();
    const all = everySchedule(p);
    expect(all.size).toBeGreaterThan(100);

    const search = new PeriodSearch(runnerOf(p));
    const seen: string[] = [];
    const byBound = new Map<number, number>();
    for (const periods of all.values()) byBound.set(periods, (byBound.get(periods) ?? 0) + 1);
    for (let s = search.next(); s.kind !== 'done'; s = search.next()) {
      expect(s.kind).toBe('execution');
      if (s.kind !== 'execution') continue;
      const key = s.result.schedule.join(',');
      const periods = all.get(key);
      expect(periods).toBeDefined();
      expect(search.lastPeriods).toBe(periods);
      seen.push(key);
      // Once the search says every schedule with up to d periods ran, the count is brute force's.
      const d = search.coveredPeriods;
      if (Number.isFinite(d)) {
        let want = 0;
        for (const [k, n] of byBound) if (k <= d) want += n;
        expect(seen.filter((x) => all.get(x)! <= d).length).toBe(want);
      }
    }
    expect(search.exhausted).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(all.size);
    expect(byBound.size).toBeGreaterThan(2);
  });

  it('its failures replay, unshrunk and shrunk', () => {
    const p = named('bench/bug-reorder-5');
    for (const shrink of [false, true]) {
      const s = explore(p, { strategy: 'period', shrink });
      const f = s.failures[0]!;
      expect(f).toBeDefined();
      const names = f.result.threads.map((t) => t.name);
      const again = execute(p, { policy: new ReplayPolicy(f.schedule, (i) => names[i] ?? `#${i}`), seed: 0 });
      expect(again.failures.map(failureSignature)).toContain(f.signature);
    }
  });

  it('is deterministic: two runs find the same failure at the same execution', () => {
    const a = explore(named('bench/bug-two-stage-2-3'), { strategy: 'period', shrink: false });
    const b = explore(named('bench/bug-two-stage-2-3'), { strategy: 'period', shrink: false });
    expect(a.failures[0]!.execution).toBe(b.failures[0]!.execution);
    expect(a.failures[0]!.schedule).toEqual(b.failures[0]!.schedule);
  });

  // A full frontier drops alternatives: memory stays bounded, and the search claims only the
  // period bounds it really covered (checked against brute force), and never a proof.
  it('keeps at most its frontier limit of untried choices, claiming only the bounds it covered', () => {
    const p = tiny();
    const all = everySchedule(p);
    const limit = 150;
    const search = new PeriodSearch(runnerOf(p), limit);
    const seen = new Set<string>();
    let claimed = 0;
    for (let s = search.next(); s.kind !== 'done'; s = search.next()) {
      if (s.kind !== 'execution') continue;
      const key = s.result.schedule.join(',');
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(search.untried).toBeLessThanOrEqual(limit);
      const d = search.coveredPeriods;
      if (Number.isFinite(d)) {
        claimed = Math.max(claimed, d);
        // Every schedule with up to d periods has run.
        for (const [k, n] of all) if (n <= d) expect(seen.has(k)).toBe(true);
      }
    }
    expect(search.frontierFull).toBe(true);
    expect(search.exhausted).toBe(false);
    expect(seen.size).toBeLessThan(all.size);
    expect(claimed).toBeGreaterThanOrEqual(1);
    // Some schedule with one period more than the final claim was never run.
    const d = search.coveredPeriods;
    expect(Number.isFinite(d)).toBe(true);
    expect([...all].some(([k, n]) => n === d + 1 && !seen.has(k))).toBe(true);

    const s = explore(p, { strategy: 'period', maxFrontier: limit });
    expect(s.stopped).toBe('bound');
    expect(s.exhaustive).toBe(false);
    expect(s.executions).toBe(seen.size);
    expect(s.periods?.upTo).toBe(d);
    expect(s.notes.some((n) => n.includes('frontier reached its limit (150 untried schedules)'))).toBe(true);
    expect(verdict(s)).toContain(`with up to ${d} period`);
    expect(verdict(s)).not.toContain('preemption');
    // Cut before it covered one period: the verdict names the frontier, not a preemption bound.
    const cut = explore(p, { strategy: 'period', maxFrontier: 1 });
    expect(cut.stopped).toBe('bound');
    expect(cut.periods).toBeUndefined();
    expect(verdict(cut)).toContain('the frontier reached its limit, so the search is not exhaustive');
    expect(verdict(cut)).not.toContain('preemption');
    // Without the limit the same search is exhaustive.
    expect(explore(p, { strategy: 'period' }).stopped).toBe('exhausted');
  });

  it('says how many periods it covered when the budget stops it, and proves a fixed twin', () => {
    const p = named('bench/bug-reorder-2-fixed');
    const all = new DfsSearch(runnerOf(p));
    const periods: number[] = [];
    for (let s = all.next(); s.kind !== 'done'; s = all.next()) if (s.kind === 'execution') periods.push(leastPeriods(s.result.schedule));
    // The claim "every schedule with up to d periods explored" needs at least as many
    // executions as brute force counts schedules with up to d periods.
    for (const budget of [100, 500, 1000]) {
      const s = explore(p, { strategy: 'period', maxExecutions: budget });
      expect(s.stopped).toBe('budget');
      expect(s.failures).toEqual([]);
      const d = s.periods!.upTo;
      expect(d).toBeGreaterThanOrEqual(2);
      expect(s.periods!.schedules).toBe(periods.filter((n) => n <= d).length);
      expect(s.periods!.schedules).toBeLessThanOrEqual(budget);
    }
    const whole = explore(p, { strategy: 'period' });
    expect(whole.stopped).toBe('exhausted');
    expect(whole.exhaustive).toBe(true);
    expect(whole.executions).toBe(periods.length);
    expect(whole.failures).toEqual([]);
  });
});
