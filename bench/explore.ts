/**
 * Exploration benchmarks (printed, never asserted):
 * 1. DPOR executions / Mazurkiewicz traces on every reference size (lastzero 1..10,
 *    readers 1..8): 1.00 means optimal.
 * 2. Exhaustive verification of bench/locked-counter-7: time and executions, against the
 *    engine floor measured in the same run (the same number of plain random executions) and
 *    SPIN's published 2.0 s for the same model on this kind of machine.
 * 3. Memory: peak RSS of lastzero-12 under DPOR (goal <= 150 MB), and of 10^6 random
 *    executions (goal <= 150 MB), each in a fresh child process running dist/, against a child that ran 1,000 executions (flat means ~1.0).
 *    Also the period strategy, which keeps a frontier of untried choices up to a limit
 *    (period.ts, MAX_FRONTIER): lastzero-10 for 10^5 and 3 x 10^5 executions, peak RSS and the
 *    heap still alive at the end (flat means the two runs keep about the same).
 *
 * Run: npm run build && npx tsx bench/explore.ts [random-executions, default 1000000]
 */
import { execFileSync } from 'node:child_process';
import { lastzero, lockedCounter, readers } from '../src/examples/bench/index.js';
import { execute } from '../src/scheduler/execution.js';
import { Exploration, explore } from '../src/scheduler/explore/explore.js';
import { RandomPolicy } from '../src/scheduler/policies/random.js';

main();

/**
 * Peak RSS of one measurement in a fresh `node` running the compiled dist/ (what the CLI
 * runs; a TypeScript loader would add its own memory). Build first: npm run build.
 */
function child(args: string[]): { executions: number; maxRssKb: number; liveMb?: number } {
  const dist = new URL('../dist/', import.meta.url).href;
  const [mode, arg] = args;
  const body =
    mode === 'rss-dpor'
      ? `const { lastzero } = await import('${dist}examples/bench/index.js'); const { explore } = await import('${dist}scheduler/explore/explore.js');
         const s = explore(lastzero(${Number(arg)})); const executions = s.explored;`
      : mode === 'rss-period'
      ? `const { lastzero } = await import('${dist}examples/bench/index.js'); const { Exploration } = await import('${dist}scheduler/explore/explore.js');
         const e = new Exploration(lastzero(10), { strategy: 'period', maxExecutions: ${Number(arg)}, keepGoing: true }); e.run(); const executions = e.summary().executions;
         globalThis.gc(); const liveMb = process.memoryUsage().heapUsed / 2 ** 20;`
      : `const { lockedCounter } = await import('${dist}examples/bench/index.js'); const { Exploration } = await import('${dist}scheduler/explore/explore.js');
         const e = new Exploration(lockedCounter(3), { strategy: 'random', maxExecutions: ${Number(arg)}, keepGoing: true }); e.run(); const executions = e.summary().executions;`;
  const live = mode === 'rss-period' ? ', liveMb' : '';
  const code = `${body} console.log(JSON.stringify({ executions, maxRssKb: process.resourceUsage().maxRSS${live} }));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as { executions: number; maxRssKb: number; liveMb?: number };
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
  console.log('  (other schedules than DPOR ran, through the whole explore report; DPOR against a replay of its own executions: bench/dpor-overhead.ts)');
  console.log(`  SPIN (published figure, N = 7, 2.68 million states): 2.0 s; threadsim / SPIN = ${(dporMs / 2000).toFixed(2)}`);

  console.log('\nPeak RSS (fresh child process each)');
  const base = child(['rss-random', '1000']);
  const dpor = child(['rss-dpor', '12']);
  const many = child(['rss-random', String(randomRuns)]);
  console.log(`  baseline, 1,000 random executions of locked-counter-3: ${(base.maxRssKb / 1024).toFixed(0)} MB`);
  console.log(`  lastzero-12, ${dpor.executions} DPOR executions: ${(dpor.maxRssKb / 1024).toFixed(0)} MB (${(dpor.maxRssKb / base.maxRssKb).toFixed(2)} x baseline)`);
  console.log(`  ${many.executions.toLocaleString('en-US')} random executions of locked-counter-3: ${(many.maxRssKb / 1024).toFixed(0)} MB (${(many.maxRssKb / base.maxRssKb).toFixed(2)} x baseline)`);
  for (const n of [100_000, 300_000]) {
    const p = child(['rss-period', String(n)]);
    console.log(`  lastzero-10, ${p.executions.toLocaleString('en-US')} period executions: ${(p.maxRssKb / 1024).toFixed(0)} MB peak, ${(p.liveMb ?? 0).toFixed(0)} MB alive at the end (${(p.maxRssKb / base.maxRssKb).toFixed(2)} x baseline)`);
  }
}
