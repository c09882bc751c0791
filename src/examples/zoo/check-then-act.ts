import { program, type Program } from '../../scheduler/program.js';
import { Empty } from '../../models/exceptions.js';
import { logging } from '../../models/logging.js';
import { Queue } from '../../models/queue.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';

/**
 * zoo/check-then-act: one job in a queue, two consumers that each run
 * `if not q.empty(): q.get()`. Both can see the queue non-empty before either takes the job;
 * the one that loses blocks in `get()` forever (and interpreter exit waits for it). The fixed
 * twin takes the job with `get_nowait()` and handles `queue.Empty`: check and act in one step.
 */
export function checkThenAct(fixed: boolean): Program {
  return program(
    fixed ? 'zoo/check-then-act-fixed' : 'zoo/check-then-act',
    function* main() {
      const jobs = shared('jobs', { handled: 0 });
      const q = new Queue<string>(0, { name: 'q' });
      yield* q.put('job');
      function* consumer(index: number) {
        let job: string | undefined;
        if (fixed) {
          try {
            job = yield* q.get_nowait();
          } catch (e) {
            if (!(e instanceof Empty)) throw e;
          }
        } else if (!(yield* q.empty())) {
          job = yield* q.get();
        }
        if (job === undefined) {
          yield* logging.info('Consumer %d: nothing to do', index);
          return;
        }
        yield* logging.info('Consumer %d: got %s', index, job);
        yield* jobs.set('handled', (yield* jobs.get('handled')) + 1);
      }
      const consumers = [0, 1].map((index) => new Thread({ target: consumer, args: [index] as [number] }));
      for (const t of consumers) yield* t.start();
      for (const t of consumers) yield* t.join();
      yield* logging.info('Main    : %d job handled', yield* jobs.get('handled'));
    },
    {
      description: fixed
        ? 'Consumers take the job with get_nowait() and handle queue.Empty: no one blocks.'
        : 'Two consumers check q.empty() and then get(): the loser blocks forever.',
      claims: { 'the job is handled once': (s) => s.jobs?.handled === 1 || `jobs.handled is ${String(s.jobs?.handled)}` },
    },
  );
}

export default checkThenAct(false);
