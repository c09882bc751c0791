/**
 * Race-shaped workloads for the engine benchmarks: N threads that each read a shared
 * counter, then write it back plus one, M times (two ops per iteration, like tutorial/race
 * without the logging and sleeping).
 */
import { program, type Program } from '../src/scheduler/program.js';
import { shared } from '../src/models/shared.js';
import { Thread } from '../src/models/thread.js';

/** N threads, each doing `iterations` read/write pairs on one shared counter. */
export function raceWorkload(threads: number, iterations: number): Program {
  return program(`bench/race-${threads}x${iterations}`, function* main() {
    const db = shared('db', { value: 0 });
    function* update() {
      for (let i = 0; i < iterations; i++) {
        const local = yield* db.get('value');
        yield* db.set('value', local + 1);
      }
    }
    const ts = Array.from({ length: threads }, () => new Thread({ target: update }));
    for (const t of ts) yield* t.start();
    for (const t of ts) yield* t.join();
  });
}
