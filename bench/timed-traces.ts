/**
 * Brute-force check of DPOR under virtual-time rules on programs too large for a unit test
 * (printed, never asserted): DFS runs every timed schedule and collects the orders of
 * dependent steps they produce (untimed trace keys, output lines included); DPOR must explore
 * each of them. Prints DFS executions, distinct traces, DPOR executions and traces missed.
 * DFS over `tutorial/race` runs 276,870 executions (minutes on a shared 2-core machine); its
 * set of traces is cached in the directory given by --cache, if any, so that DPOR variants
 * can be compared without repeating it.
 *
 * Runs the compiled dist/: build first.
 * Run: npm run build && npx tsx bench/timed-traces.ts [--cache DIR] [program ...]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtin } from '../dist/examples/index.js';
import { execute } from '../dist/scheduler/execution.js';
import { DfsSearch } from '../dist/scheduler/explore/dfs.js';
import { DporSearch } from '../dist/scheduler/explore/dpor.js';
import type { DependencyRules, EventInfo } from '../dist/scheduler/explore/events.js';
import type { Runner } from '../dist/scheduler/explore/search.js';
import { traceKey } from '../dist/scheduler/explore/trace-key.js';

const args = process.argv.slice(2);
const cacheAt = args.indexOf('--cache');
const cache = cacheAt >= 0 ? args[cacheAt + 1] : undefined;
const names = args.filter((a, i) => a !== '--cache' && i !== cacheAt + 1);
if (names.length === 0) names.push('tutorial/race');

for (const name of names) {
  const p = builtin(name);
  if (p === undefined) throw new Error(`no program ${name}`);
  const daemons = new Set<number>();
  const rules: DependencyRules = { orderOutput: true, daemon: (t) => daemons.has(t) };
  const runner: Runner = (policy, monitor, seed = 0) => execute(p, { policy, seed, monitor });
  const untimedKey = (events: readonly EventInfo[]): string => traceKey(events.map((e) => ({ ...e, timed: 0 })), rules);
  const file = cache === undefined ? undefined : join(cache, `${name.replace(/\W/g, '_')}.json`);
  let reachable: Set<string>;
  let dfsRuns = 0;
  const t0 = performance.now();
  if (file !== undefined && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { runs: number; daemons: number[]; keys: string[] };
    reachable = new Set(saved.keys);
    dfsRuns = saved.runs;
    for (const d of saved.daemons) daemons.add(d);
  } else {
    reachable = new Set();
    const dfs = new DfsSearch(runner, Infinity, true);
    for (let s = dfs.next(); s.kind !== 'done'; s = dfs.next()) {
      if (s.kind !== 'execution') continue;
      for (const t of s.result.threads) if (t.daemon) daemons.add(t.index);
      reachable.add(untimedKey(dfs.events));
      dfsRuns++;
    }
    if (file !== undefined) writeFileSync(file, JSON.stringify({ runs: dfsRuns, daemons: [...daemons], keys: [...reachable] }));
  }
  const t1 = performance.now();
  const dpor = new DporSearch(runner, true, false);
  const explored = new Set<string>();
  let dporRuns = 0;
  for (let s = dpor.next(); s.kind !== 'done'; s = dpor.next()) {
    if (s.kind !== 'execution') continue;
    explored.add(untimedKey(dpor.lastEvents));
    dporRuns++;
  }
  let missing = 0;
  for (const k of reachable) if (!explored.has(k)) missing++;
  const t2 = performance.now();
  console.log(
    `${name}: DFS ${dfsRuns.toLocaleString('en-US')} executions, ${reachable.size} traces (${((t1 - t0) / 1000).toFixed(1)} s); DPOR ${dporRuns} executions, ${explored.size} traces, ${missing} missed, ${dpor.stats.sleepBlocked} abandoned (${((t2 - t1) / 1000).toFixed(1)} s)`,
  );
}
