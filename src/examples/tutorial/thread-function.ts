import { logging } from '../../models/logging.js';
import { sleep } from '../../models/time.js';

/** The tutorial's thread body: log, sleep 2 s, log. */
export function* thread_function(name: number) {
  yield* logging.info('Thread %s: starting', name);
  yield* sleep(2);
  yield* logging.info('Thread %s: finishing', name);
}
