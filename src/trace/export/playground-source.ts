/**
 * The program the playground opens with: tutorial/race as plain JavaScript (the page has no
 * TypeScript compiler, so no type annotations), written the way a user would type it.
 */
export const PLAYGROUND_SOURCE = [
  "import { program, shared, sleep, logging, ThreadPoolExecutor } from 'threadsim';",
  '',
  '// Two pool workers update a fake database without a lock: one update is lost.',
  "export default program('race', function* main() {",
  "  const db = shared('db', { value: 0 });",
  '  function* update(name) {',
  "    yield* logging.info('Thread %s: starting update', name);",
  "    const local = yield* db.get('value');",
  '    yield* sleep(0.1);',
  "    yield* db.set('value', local + 1);",
  "    yield* logging.info('Thread %s: finishing update', name);",
  '  }',
  "  yield* logging.info('Testing update. Starting value is %d.', yield* db.get('value'));",
  '  yield* ThreadPoolExecutor.with({ maxWorkers: 2 }, function* (executor) {',
  '    for (const index of [0, 1]) yield* executor.submit(update, index);',
  '  });',
  "  yield* logging.info('Testing update. Ending value is %d.', yield* db.get('value'));",
  "}, { claims: { 'no lost update': (s) => s.db.value === 2 || 'db.value is ' + s.db.value + ', expected 2' } });",
  '',
].join('\n');
