import { describe, expect, it } from 'vitest';
import { execute, summarizeState } from '../../../../src/scheduler/execution.js';
import { DporSearch } from '../../../../src/scheduler/explore/dpor.js';
import type { Runner, Search } from '../../../../src/scheduler/explore/search.js';
import { traceKey } from '../../../../src/scheduler/explore/trace-key.js';
import type { DependencyRules, EventInfo } from '../../../../src/scheduler/explore/events.js';
import { DporPartSearch, dporPrefixes, shardPrefixes, splitFor } from '../../../../src/scheduler/explore/workers/dpor-split.js';
import type { Program } from '../../../../src/scheduler/program.js';
import { lastzeroTraces, named } from '../helpers.js';

const runnerOf =
  (program: Program): Runner =>
  (policy, monitor, seed = 0) =>
    execute(program, { policy, seed, monitor });

/** Trace key -> [how many executions had it, final state], over a whole search. */
function traces(search: Search & { readonly lastEvents: readonly EventInfo[]; readonly rules: DependencyRules | undefined }): Map<string, { count: number; state: string }> {
  const out = new Map<string, { count: number; state: string }>();
  for (let step = search.next(); step.kind !== 'done'; step = search.next()) {
    if (step.kind !== 'execution') continue;
    const key = traceKey(search.lastEvents, search.rules!);
    const state = step.result.ending === 'complete' ? summarizeState(step.result.state) : step.result.ending;
    const seen = out.get(key);
    out.set(key, { count: (seen?.count ?? 0) + 1, state });
  }
  return out;
}

function single(program: Program): Map<string, { count: number; state: string }> {
  return traces(new DporSearch(runnerOf(program), false, false));
}

function sharded(program: Program, prefixes: readonly (readonly number[])[], shards: number): Map<string, { count: number; state: string }> {
  const all = new Map<string, { count: number; state: string }>();
  for (let i = 0; i < shards; i++) {
    for (const [key, v] of traces(new DporPartSearch(runnerOf(program), false, false, shardPrefixes(prefixes, i, shards)))) {
      const seen = all.get(key);
      all.set(key, { count: (seen?.count ?? 0) + v.count, state: v.state });
    }
  }
  return all;
}

const histogram = (m: Map<string, { count: number; state: string }>): Record<string, number> => {
  const h: Record<string, number> = {};
  for (const { count, state } of m.values()) h[state] = (h[state] ?? 0) + count;
  return h;
};

describe('DPOR split into prefix parts', () => {
  const programs = ['bench/lastzero-4', 'bench/readers-3', 'bench/counter-3', 'bench/locked-counter-3', 'zoo/lock-order-inversion', 'zoo/check-then-act'];

  for (const name of programs) {
    it(`${name}: every shard count gives the single search's traces, each once, and its histogram`, () => {
      const program = named(name);
      const one = single(program);
      const { prefixes } = splitFor(runnerOf(program), { orderOutput: false, daemon: () => false }, 8);
      expect(prefixes.length).toBeGreaterThan(1);
      for (const n of [1, 2, 3, 7]) {
        const split = sharded(program, prefixes, n);
        expect([...split.keys()].sort()).toEqual([...one.keys()].sort());
        // Each trace explored by one part only, once.
        expect([...split.values()].every((v) => v.count === 1)).toBe(true);
        expect(histogram(split)).toEqual(histogram(new Map([...one].map(([k, v]) => [k, { count: 1, state: v.state }]))));
      }
    });
  }

  // Under virtual-time rules: a sleep's end or a wait's time-out runs when the clock lets it,
  // so it never displaces an earlier step (parts owning nothing lost these programs' traces).
  for (const name of ['tutorial/timer', 'tutorial/semaphore', 'tutorial/barrier', 'zoo/barrier-timeout', 'tutorial/daemon-thread']) {
    it(`${name}, timed: every shard count gives the single search's traces, each once`, () => {
      const program = named(name);
      const one = single(program);
      const { prefixes } = splitFor(runnerOf(program), { orderOutput: false, daemon: () => false }, 8);
      for (const n of [1, 2, 3, 7]) {
        const split = sharded(program, prefixes, n);
        expect([...split.keys()].sort()).toEqual([...one.keys()].sort());
        expect([...split.values()].every((v) => v.count === 1)).toBe(true);
      }
    });
  }

  it('lastzero(5) splits into parts whose owned executions are exactly its 64 traces', () => {
    const program = named('bench/lastzero-5');
    const prefixes = dporPrefixes(runnerOf(program), { orderOutput: false, daemon: () => false }, 6);
    const split = sharded(program, prefixes, 3);
    expect(split.size).toBe(lastzeroTraces(5));
    expect([...split.values()].reduce((a, v) => a + v.count, 0)).toBe(lastzeroTraces(5));
  });

  it('gives the same prefixes on every call (shards on other machines agree on the split)', () => {
    const program = named('bench/readers-3');
    const rules = { orderOutput: false, daemon: () => false };
    expect(dporPrefixes(runnerOf(program), rules, 5)).toEqual(dporPrefixes(runnerOf(program), rules, 5));
  });
});
