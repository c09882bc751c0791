/** The differential harness's own parts: output normalisation and the output-guided search. */
import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { normalize } from './cpython.js';
import { sampleOutcomes, searchOutput } from './threadsim-outcomes.js';

describe('normalize', () => {
  it('drops logging timestamps and the indented lines of a traceback', () => {
    const raw = [
      '12:00:01: Main    : all done',
      'Exception in thread Thread-1 (boom):',
      'Traceback (most recent call last):',
      '  File "x.py", line 3, in boom',
      '    raise ValueError("bad 1")',
      'ValueError: bad 1',
      'plain 12:00:01: text',
      '',
    ].join('\n');
    expect(normalize(raw)).toEqual(['Main    : all done', 'Exception in thread Thread-1 (boom):', 'Traceback (most recent call last):', 'ValueError: bad 1', 'plain 12:00:01: text']);
  });
});

describe('searchOutput', () => {
  const p = builtin('tutorial/many-threads')!;
  const sample = sampleOutcomes(p, 5);
  const start = ['Main    : create and start thread 0.', 'Thread 0: starting', 'Main    : create and start thread 1.', 'Thread 1: starting', 'Main    : create and start thread 2.', 'Thread 2: starting', 'Main    : before joining thread 0.'];
  const end = ['Main    : before joining thread 1.', 'Main    : thread 1 done', 'Main    : before joining thread 2.', 'Main    : thread 2 done'];

  it('finds a schedule for a possible output that the default policy does not print', () => {
    // All three threads finish before main, woken by thread 0's end, logs again: possible
    // whenever main is slow to be rescheduled.
    const lines = [...start, 'Thread 2: finishing', 'Thread 1: finishing', 'Thread 0: finishing', 'Main    : thread 0 done', ...end];
    expect(searchOutput(p, { lines, hung: false }, sample, 2000).found).toBe(true);
  });

  it('finds none for an impossible output (main reports thread 0 done before it finished)', () => {
    const lines = [...start, 'Main    : thread 0 done', 'Thread 2: finishing', 'Thread 1: finishing', 'Thread 0: finishing', ...end];
    expect(searchOutput(p, { lines, hung: false }, sample, 2000, 2000)).toMatchObject({ found: false, exhausted: true });
  });

  it('finds none when the output matches but the ending does not (a hang)', () => {
    const lines = [...start, 'Thread 0: finishing', 'Main    : thread 0 done', 'Thread 1: finishing', 'Thread 2: finishing', ...end];
    expect(searchOutput(p, { lines, hung: false }, sample, 2000).found).toBe(true);
    expect(searchOutput(p, { lines, hung: true }, sample, 2000, 2000)).toMatchObject({ found: false, exhausted: true });
  });
});

describe('searchOutput on outputs CPython printed on a loaded machine', () => {
  // Each was printed by CPython 3.11 during the differential test and is reachable by reasoning:
  // the producer ran four messages ahead before the consumer's first get; a philosopher
  // waited for a fork while the next one picked up, ate and put down its forks.
  it('tutorial/pipeline-queue: the consumer starts late', () => {
    const p = builtin('tutorial/pipeline-queue')!;
    const lines = [
      ...[50, 98, 54, 6].map((m) => `Producer got message: ${m}`),
      'Consumer storing message: 50  (queue size=3)',
      'Producer got message: 34',
      'Consumer storing message: 98  (queue size=3)',
      'Producer got message: 66',
      'Consumer storing message: 54  (queue size=3)',
      'Main: about to set event',
      'Consumer storing message: 6  (queue size=2)',
      'Producer received event. Exiting',
      'Consumer storing message: 34  (queue size=1)',
      'Consumer storing message: 66  (queue size=0)',
      'Consumer received event. Exiting',
    ];
    expect(searchOutput(p, { lines, hung: false }, sampleOutcomes(p, 5), 20_000).found).toBe(true);
  });

  it('zoo/dining-philosophers: philosopher 4 eats while 3 waits for fork 4', () => {
    const p = builtin('zoo/dining-philosophers')!;
    const lines = [
      ...[0, 1, 2].flatMap((i) => [`Philosopher ${i}: picked up fork ${i}`, `Philosopher ${i}: eating`]),
      'Philosopher 3: picked up fork 3',
      'Philosopher 4: picked up fork 4',
      'Philosopher 4: eating',
      'Philosopher 3: eating',
      'Main    : 5 meals eaten',
    ];
    expect(searchOutput(p, { lines, hung: false }, sampleOutcomes(p, 5), 20_000).found).toBe(true);
  });
});
