import { program } from '../src/scheduler/program.ts';
import { shared } from '../src/models/shared.ts';
import { Thread } from '../src/models/thread.ts';
import { execute } from '../src/scheduler/execution.ts';
import { RandomPolicy } from '../src/scheduler/policies/random.ts';
const ITER = 20000;
function make(n: number) {
  return program(`bench-${n}`, function* main() {
    const db = shared('db', { value: 0 });
    function* update() {
      for (let i = 0; i < ITER; i++) {
        const v = yield* db.get('value');
        yield* db.set('value', v + 1);
      }
    }
    const ts = Array.from({ length: n }, () => new Thread({ target: update }));
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
  });
}
const p = make(8);
for (let rep = 0; rep < 15; rep++) {
  const t0 = performance.now(); const r = execute(p, { policy: new RandomPolicy(), seed: 1 }); const te = performance.now() - t0;
  console.log((r.steps / te * 1000).toFixed(0));
}
