/**
 * The Python front end's costs, as ratios against the TypeScript form measured in the same
 * process (issue 12's targets: per step at most 3x the hand-written twin, one run of the race
 * program at most 2x, parse plus check of a tutorial program under 20 ms):
 * - per step: a tight read/write loop (`db.value = db.value + 1`-shaped, as bench/workloads'
 *   race workload) written in Python and run by the interpreter, against the same loop as
 *   TypeScript generators, both under the random policy with no trace kept;
 * - per run: `py/race` against `tutorial/race` under the gil policy;
 * - parse plus check of every tutorial `.py` program, in milliseconds.
 * Both sides of a ratio run the same program shape under the same policy and seed, and their
 * step counts are printed beside the times (per step divides by each side's own count). Each
 * side is warmed up before it is timed, so the JIT has compiled both before the best is taken.
 * Run: npx tsx bench/python.ts (the machine may be shared: compare ratios, not times).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtin } from '../src/examples/index.js';
import { builtinPython } from '../src/python/builtins-programs.js';
import { unsupportedConstructs } from '../src/python/check.js';
import { parsePython } from '../src/python/parse.js';
import { pythonProgram } from '../src/python/program.js';
import { execute } from '../src/scheduler/execution.js';
import { GilPolicy } from '../src/scheduler/policies/gil.js';
import { RandomPolicy } from '../src/scheduler/policies/random.js';
import type { Program } from '../src/scheduler/program.js';
import { raceWorkload } from './workloads.js';

/** Best-of-`rounds` time in ms of `body`, and what it returned. */
function best<T>(rounds: number, body: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    value = body();
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms, value };
}

const THREADS = 4;
const ITERATIONS = 2500;
const RACE_PY = `
import threading

class Db:
    def __init__(self):
        self.value = 0

db = Db()

def update():
    for _ in range(${ITERATIONS}):
        local = db.value
        db.value = local + 1

threads = [threading.Thread(target=update) for _ in range(${THREADS})]
for t in threads:
    t.start()
for t in threads:
    t.join()
`;

/** Best time per step of each program (random policy, seed 1), the two timed in alternation. */
function perStepPair(a: Program, b: Program): [{ ns: number; steps: number }, { ns: number; steps: number }] {
  const once = (p: Program): { ns: number; steps: number } => {
    const t0 = process.hrtime.bigint();
    const steps = execute(p, { policy: new RandomPolicy(), seed: 1, maxSteps: 1_000_000 }).steps;
    return { ns: Number(process.hrtime.bigint() - t0) / steps, steps };
  };
  const out: [{ ns: number; steps: number }, { ns: number; steps: number }] = [{ ns: Infinity, steps: 0 }, { ns: Infinity, steps: 0 }];
  // 40 timed rounds after 3 untimed: one round is a few ms, so a load spike on the shared
  // machine spoils a round, not the best of 40.
  for (let r = 0; r < 43; r++) {
    for (const [i, p] of [a, b].entries()) {
      const x = once(p);
      if (r >= 3 && x.ns < out[i]!.ns) out[i] = x;
    }
  }
  return out;
}

const [ts, py] = perStepPair(raceWorkload(THREADS, ITERATIONS), pythonProgram(RACE_PY, 'race-loop.py'));
console.log(
  `per step, ${THREADS} threads x ${ITERATIONS} read/write iterations (random, seed 1): TypeScript ${ts.ns.toFixed(0)} ns (${ts.steps} steps), Python ${py.ns.toFixed(0)} ns (${py.steps} steps): ratio ${(py.ns / ts.ns).toFixed(2)} (target <= 3)`,
);

/**
 * Best time of one run of each program, the two measured in alternation (so a load spike on
 * the shared machine hits both sides alike), after both are warmed up.
 */
function perRunPair(a: Program, b: Program): [{ ms: number; steps: number }, { ms: number; steps: number }] {
  const once = (p: Program): { ms: number; steps: number } => {
    const t0 = process.hrtime.bigint();
    const steps = execute(p, { policy: new GilPolicy(), seed: 0 }).steps;
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, steps };
  };
  for (let w = 0; w < 300; w++) {
    once(a);
    once(b);
  }
  const out: [{ ms: number; steps: number }, { ms: number; steps: number }] = [{ ms: Infinity, steps: 0 }, { ms: Infinity, steps: 0 }];
  for (let r = 0; r < 500; r++) {
    for (const [i, p] of [a, b].entries()) {
      const x = once(p);
      if (x.ms < out[i]!.ms) out[i] = x;
    }
  }
  return out;
}
const [raceTs, racePy] = perRunPair(builtin('tutorial/race')!, builtinPython('py/race')!);
console.log(
  `one run of the race program (gil, seed 0): tutorial/race ${raceTs.ms.toFixed(3)} ms (${raceTs.steps} steps), py/race ${racePy.ms.toFixed(3)} ms (${racePy.steps} steps): ratio ${(racePy.ms / raceTs.ms).toFixed(2)} (target <= 2)`,
);

const dir = join(import.meta.dirname, '..', 'test', 'python', 'tutorial');
let worst = 0;
let worstName = '';
for (const f of readdirSync(dir).filter((x) => x.endsWith('.py'))) {
  const source = readFileSync(join(dir, f), 'utf8');
  const { ms } = best(20, () => unsupportedConstructs(parsePython(source, f)));
  if (ms > worst) {
    worst = ms;
    worstName = f;
  }
}
console.log(`parse + check of a tutorial program: at most ${worst.toFixed(2)} ms (${worstName}; target < 20 ms)`);
