import { program, type Program } from '../../scheduler/program.js';
import { Barrier } from '../../models/barrier.js';
import { BrokenBarrierError } from '../../models/exceptions.js';
import { Lock } from '../../models/lock.js';
import { logging } from '../../models/logging.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';
import { sleep } from '../../models/time.js';

/** When each worker reaches the barrier, seconds: the last one is slow. */
const ARRIVALS = [0.1, 0.2, 1.0];

/**
 * zoo/barrier-timeout: three workers meet at a `Barrier(3, timeout=0.5)`. The third arrives
 * after 1 s, so the first one's wait times out at 0.6 s and breaks the barrier: every worker
 * gets BrokenBarrierError and none passes. The fixed twin waits without a timeout.
 */
export function barrierTimeout(fixed: boolean): Program {
  return program(
    fixed ? 'zoo/barrier-timeout-fixed' : 'zoo/barrier-timeout',
    function* main() {
      const meeting = shared('meeting', { passed: 0 });
      const lock = new Lock({ name: 'passed_lock' });
      const barrier = new Barrier(3, { name: 'barrier', timeout: fixed ? null : 0.5 });
      function* worker(index: number) {
        yield* sleep(ARRIVALS[index]!);
        yield* logging.info('Worker %d: at the barrier', index);
        try {
          yield* barrier.wait();
        } catch (e) {
          if (!(e instanceof BrokenBarrierError)) throw e;
          yield* logging.info('Worker %d: the barrier broke', index);
          return;
        }
        yield* lock.with(function* () {
          yield* meeting.set('passed', (yield* meeting.get('passed')) + 1);
        });
      }
      const workers = [0, 1, 2].map((index) => new Thread({ target: worker, args: [index] as [number] }));
      for (const t of workers) yield* t.start();
      for (const t of workers) yield* t.join();
      yield* logging.info('Main    : %d workers passed the barrier', yield* meeting.get('passed'));
    },
    {
      description: fixed
        ? 'The barrier waits as long as the slowest worker needs: all three pass.'
        : 'A barrier timeout shorter than the slowest worker breaks the barrier for everyone.',
      claims: { 'every worker passes the barrier': (s) => s.meeting?.passed === 3 || `meeting.passed is ${String(s.meeting?.passed)}` },
    },
  );
}

export default barrierTimeout(false);
