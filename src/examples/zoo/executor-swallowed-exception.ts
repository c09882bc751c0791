import { program, type Program } from '../../scheduler/program.js';
import { ValueError } from '../../models/exceptions.js';
import { ThreadPoolExecutor } from '../../models/executor.js';
import type { Future } from '../../models/future.js';
import { Lock } from '../../models/lock.js';
import { logging } from '../../models/logging.js';
import { pyRepr } from '../../models/percent-format.js';
import { shared } from '../../models/shared.js';

/** The records to parse; one is not a number. */
const RECORDS = ['12', 'n/a', '30'];

/** Python's `int(text)` for decimal strings, with its ValueError. */
function parseInt10(text: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) throw new ValueError(`invalid literal for int() with base 10: ${pyRepr(text)}`);
  return Number(text);
}

/**
 * zoo/executor-swallowed-exception: three records are parsed in a thread pool; one is not a
 * number, so its task raises ValueError, which the pool keeps in the task's Future. Main never
 * asks the futures for their results, so nothing is printed and the record is lost silently.
 * The fixed twin calls `result()` on every future and reports the failure.
 */
export function swallowedException(fixed: boolean): Program {
  return program(
    fixed ? 'zoo/executor-swallowed-exception-fixed' : 'zoo/executor-swallowed-exception',
    function* main() {
      const tally = shared('tally', { processed: 0, reported: 0 });
      const lock = new Lock({ name: 'tally_lock' });
      function* parse(text: string) {
        const value = parseInt10(text);
        yield* lock.with(function* () {
          yield* tally.set('processed', (yield* tally.get('processed')) + 1);
        });
        return value;
      }
      const futures: [string, Future<number>][] = [];
      yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (executor) {
        for (const text of RECORDS) futures.push([text, yield* executor.submit(parse, text)]);
      });
      if (fixed) {
        for (const [text, future] of futures) {
          try {
            yield* future.result();
          } catch (e) {
            if (!(e instanceof ValueError)) throw e;
            yield* logging.info('Main    : record %r failed: %s', text, e.message);
            yield* tally.set('reported', (yield* tally.get('reported')) + 1);
          }
        }
      }
      yield* logging.info('Main    : %d records processed', yield* tally.get('processed'));
    },
    {
      description: fixed
        ? 'Main reads every future\'s result, so the failed record is reported.'
        : 'A task\'s exception stays in its Future; nobody reads it, so a record is lost silently.',
      claims: {
        'no record is lost silently': (s) =>
          (s.tally?.processed as number) + (s.tally?.reported as number) === RECORDS.length ||
          `${String(s.tally?.processed)} processed + ${String(s.tally?.reported)} reported of ${RECORDS.length} records`,
      },
    },
  );
}

export default swallowedException(false);
