/**
 * Cost per thread (issue 16): executions per second of a program with N threads, each making
 * a read and a write of its own shared key and of one common key, at N = 10, 100, 1,000.
 * Linear cost per thread gives executions/s x N roughly flat across N; the last column
 * prints that product relative to N = 10 (1.00 means linear).
 *
 * Run: npx tsx bench/threads.ts [seconds per size, default 2]
 */
import { shared } from '../src/models/shared.js';
import { Thread } from '../src/models/thread.js';
import { program, type Program } from '../src/scheduler/program.js';
import { execute } from '../src/scheduler/execution.js';
import { RandomPolicy } from '../src/scheduler/policies/random.js';
import { RaceMonitor } from '../src/scheduler/detect/detector.js';
import { Exploration } from '../src/scheduler/explore/explore.js';

function many(n: number): Program {
  return program(`bench/threads-${n}`, function* main() {
    const own: Record<string, number> = { common: 0 };
    for (let t = 0; t < n; t++) own[`t${t}`] = 0;
    const s = shared<Record<string, number>>('s', own);
    const ts = [];
    for (let t = 0; t < n; t++) {
      ts.push(
        new Thread({
          target: function* work() {
            const v = yield* s.get(`t${t}`);
            yield* s.set(`t${t}`, v + 1);
            const c = yield* s.get('common');
            yield* s.set('common', c + 1);
          },
        }),
      );
    }
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
  });
}

const seconds = Number(process.argv[2] ?? 2);

function rate(f: () => void): number {
  let runs = 0;
  const start = performance.now();
  do {
    f();
    runs++;
  } while (performance.now() - start < seconds * 1000 && runs < 100_000);
  return runs / ((performance.now() - start) / 1000);
}

/**
 * DPOR: the first execution (which finds every race of the program's first schedule and
 * inserts a wakeup sequence for each) is timed alone; then executions per second over the
 * following ones, for about the time budget (or until the exploration ends).
 */
function exploration(p: Program): { first: number; perSecond: number } {
  const clock = (): number => performance.now();
  const e = new Exploration(p, { strategy: 'dpor', keepGoing: true, maxExecutions: 1_000_000, clock });
  const t0 = clock();
  e.run(0);
  const first = clock() - t0;
  const made = e.summary().executions;
  const t1 = clock();
  e.run(seconds * 1000);
  const more = e.summary().executions - made;
  return { first, perSecond: more === 0 ? 1000 / first : (more * 1000) / (clock() - t1) };
}

console.log('threads  run exec/s  (x N vs 10)  detect exec/s  (x N vs 10)  dpor first exec ms  dpor exec/s after it  (x N vs 10)');
let base: { n: number; run: number; detect: number; explore: number } | undefined;
for (const n of (process.argv[3] ?? '10,100,1000').split(',').map(Number)) {
  const p = many(n);
  let seed = 0;
  const run = rate(() => execute(p, { policy: new RandomPolicy(), seed: seed++ }));
  const detect = rate(() => execute(p, { policy: new RandomPolicy(), seed: seed++, monitor: new RaceMonitor() }));
  const { first, perSecond: explore } = exploration(p);
  const r = { n, run, detect, explore };
  base ??= r;
  const rel = (v: number, b: number): string => ((v * r.n) / (b * base!.n)).toFixed(2);
  console.log(
    `${String(r.n).padStart(7)}  ${r.run.toFixed(1).padStart(11)}  ${rel(r.run, base.run).padStart(11)}  ${r.detect.toFixed(1).padStart(13)}  ${rel(r.detect, base.detect).padStart(11)}  ${first.toFixed(1).padStart(18)}  ${r.explore.toFixed(2).padStart(20)}  ${rel(r.explore, base.explore).padStart(11)}`,
  );
}
console.log('(the machine is shared: compare the columns of one run, not runs of different days)');
