/**
 * How much work splitting DPOR across workers repeats (printed, never asserted): the split
 * exchange (scheduler/explore/workers/dpor-coordinator.ts) run in this thread with simulated
 * workers, which run a few executions at a time and whose messages are delivered in an order
 * a seeded generator picks. Prints, per program and interleaving, the traces (one thread), the
 * executions the split ran (repeats included), and their ratio: two workers can only be faster
 * than one when the ratio is well under 2. No timing: the figure does not depend on the load.
 *
 * Run: npm run build && npx tsx bench/parallel-dpor.ts [program ...] (default lastzero 6 and 8, readers 6)
 */
import { builtin } from '../dist/examples/index.js';
import { explore } from '../dist/scheduler/explore/explore.js';
import { DporBranchRun } from '../dist/scheduler/explore/workers/dpor-branch.js';
import { DporCoordinator, type FromDporWorker, type ToDporWorker } from '../dist/scheduler/explore/workers/dpor-coordinator.js';

/** mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SimWorker {
  run: DporBranchRun | undefined;
  id: number;
  inbox: ToDporWorker[];
  outbox: FromDporWorker[];
}

const names = process.argv.length > 2 ? process.argv.slice(2) : ['bench/lastzero-6', 'bench/lastzero-8', 'bench/readers-6'];
const workers = 2;
console.log(`DPOR split across ${workers} simulated workers: executions run / traces (must be well under 2 to gain)`);
for (const name of names) {
  const program = builtin(name);
  if (program === undefined) throw new Error(`no built-in program ${name}`);
  const traces = explore(program, {}).executions;
  for (const seed of [1, 2, 3]) {
    const random = rng(seed);
    const c = new DporCoordinator(program, {}, workers);
    const ws: SimWorker[] = Array.from({ length: workers }, () => ({ run: undefined, id: -1, inbox: [], outbox: [{ type: 'ready' }] }));
    let tick = 0;
    const clock = (): number => tick++;
    const flush = (w: SimWorker): void => {
      const run = w.run!;
      const races = run.takeRaces();
      if (races.length > 0) w.outbox.push(structuredClone({ type: 'races', races, daemons: run.daemonList() }));
      if (run.done) {
        w.outbox.push(structuredClone({ type: 'branch-done', result: run.result() }));
        w.run = undefined;
      }
    };
    while (!(c.done && ws.every((w) => w.inbox.length === 0 && w.outbox.length === 0 && w.run === undefined))) {
      const acts: (() => void)[] = [];
      ws.forEach((w, i) => {
        if (w.outbox.length > 0) acts.push(() => c.receive(i, w.outbox.shift()!).forEach(([j, m]) => ws[j]!.inbox.push(structuredClone(m))));
        if (w.inbox.length > 0) {
          acts.push(() => {
            const m = w.inbox.shift()!;
            if (m.type === 'branch') {
              w.run = new DporBranchRun(program, {}, m.branch, clock);
              w.id = m.id;
            } else if (m.type === 'merge') w.outbox.push(structuredClone({ type: 'merge-reply', id: m.id, merged: w.run !== undefined && w.id === m.branch && w.run.insertAt(m.state, m.sequence) }));
            else if (m.type === 'donate') w.outbox.push(structuredClone({ type: 'donated', states: w.run?.donate() ?? null }));
          });
        }
        if (w.run !== undefined) {
          acts.push(() => {
            // A slice: 1 to 20 executions between two looks at the messages.
            w.run!.run(1 + Math.floor(random() * 20));
            w.outbox.push({ type: 'progress', executions: 0, failures: 0 });
            flush(w);
          });
        }
      });
      acts[Math.floor(random() * acts.length)]!();
    }
    const s = c.summary(0);
    const split = c.splits;
    if (s.executions !== traces) throw new Error(`${name}: the split counted ${s.executions} traces, one thread ${traces}`);
    console.log(`  ${name.padEnd(22)} interleaving ${seed}: ${String(traces).padStart(6)} traces, ${String(split.run).padStart(7)} executions run (${split.reruns} reruns, ${split.donations} donations)   ratio ${(split.run / traces).toFixed(2)}`);
  }
}
