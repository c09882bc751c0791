/**
 * Exploration benchmarks (printed, never asserted):
 * 1. DPOR executions / Mazurkiewicz traces on every reference size (lastzero 1..10,
 *    readers 1..8): 1.00 means optimal.
 * 2. Exhaustive verification of bench/locked-counter-7: time and executions, against the
 *    engine floor measured in the same run (the same number of plain random executions) and
 *    SPIN's published 2.0 s for the same model on this kind of machine.
 * 3. Memory: peak RSS of lastzero-10 under DPOR, and of many random executions, each in a
 *    fresh child process, against a child that ran 1,000 executions (flat means ~1.0).
 *
 * Run: npx tsx bench/explore.ts [random-executions, default 1000000]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lastzero, lockedCounter, readers } from '../src/examples/bench/index.js';
import { execute } from '../src/scheduler/execution.js';
import { Exploration, explore } from '../src/scheduler/explore/explore.js';
import { RandomPolicy } from '../src/scheduler/policies/random.js';

const mode = process.argv[2];

if (mode === 'rss-dpor') {
  const s = explore(lastzero(10));
  console.log(JSON.stringify({ executions: s.explored, maxRssKb: process.resourceUsage().maxRSS }));
} else if (mode === 'rss-random') {
  const n = Number(process.argv[3]);
  const e = new Exploration(lockedCounter(3), { strategy: 'random', maxExecutions: n, keepGoing: true });
  e.run();
  console.log(JSON.stringify({ executions: e.summary().executions, maxRssKb: process.resourceUsage().maxRSS }));
} else {
  main();
}

function child(args: string[]): { executions: number; maxRssKb: number } {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as { executions: number; maxRssKb: number };
}

function main(): void {
  const randomRuns = Number(process.argv[2] ?? 1_000_000);
  console.log('DPOR executions / Mazurkiewicz traces');
  const rows: [string, number, number, number][] = [];
  for (let n = 1; n <= 10; n++) {
    const t0 = performance.now();
    const s = explore(lastzero(n));
    rows.push([`lastzero-${n}`, s.explored, n === 1 ? 2 : (n + 3) * 2 ** (n - 2), performance.now() - t0]);
  }
  for (let n = 1; n <= 8; n++) {
    const t0 = performance.now();
    const s = explore(readers(n));
    rows.push([`readers-${n}`, s.explored, 2 ** n, performance.now() - t0]);
  }
  for (const [name, got, traces, ms] of rows) {
    console.log(`  ${name.padEnd(12)} ${String(got).padStart(6)} / ${String(traces).padStart(6)} = ${(got / traces).toFixed(2)}   ${ms.toFixed(0).padStart(6)} ms`);
  }

  console.log('\nExhaustive verification of bench/locked-counter-7 (DPOR)');
  const program = lockedCounter(7);
  explore(lockedCounter(4));
  const t0 = performance.now();
  const s = explore(program);
  const dporMs = performance.now() - t0;
  const policy = new RandomPolicy();
  const t1 = performance.now();
  for (let i = 0; i < s.explored; i++) execute(program, { policy, seed: i });
  const floorMs = performance.now() - t1;
  console.log(`  ${s.explored} executions (${s.complete} complete, failures: ${s.failures.length}) in ${(dporMs / 1000).toFixed(2)} s`);
  console.log(`  engine floor, ${s.explored} plain random executions: ${(floorMs / 1000).toFixed(2)} s; DPOR / floor = ${(dporMs / floorMs).toFixed(2)}`);
  console.log(`  SPIN (published figure, N = 7, 2.68 million states): 2.0 s; threadsim / SPIN = ${(dporMs / 2000).toFixed(2)}`);

  console.log('\nPeak RSS (fresh child process each)');
  const base = child(['rss-random', '1000']);
  const dpor = child(['rss-dpor']);
  const many = child(['rss-random', String(randomRuns)]);
  console.log(`  baseline, 1,000 random executions of locked-counter-3: ${(base.maxRssKb / 1024).toFixed(0)} MB`);
  console.log(`  lastzero-10, ${dpor.executions} DPOR executions: ${(dpor.maxRssKb / 1024).toFixed(0)} MB (${(dpor.maxRssKb / base.maxRssKb).toFixed(2)} x baseline)`);
  console.log(`  ${many.executions.toLocaleString('en-US')} random executions of locked-counter-3: ${(many.maxRssKb / 1024).toFixed(0)} MB (${(many.maxRssKb / base.maxRssKb).toFixed(2)} x baseline)`);
}
