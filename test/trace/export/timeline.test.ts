import { describe, expect, it } from 'vitest';
import type { TraceFile, TraceStep } from '../../../src/trace/format.js';
import { buildTimeline } from '../../../src/trace/export/timeline.js';
import { recordTrace } from './record.js';

function traceOf(steps: TraceStep[], threads = 2): TraceFile {
  return {
    format: 'threadsim-trace',
    version: 2,
    recipe: { program: 't', policy: 'fifo', seed: 0 },
    programName: 't',
    notation: '',
    ending: 'complete',
    threads: Array.from({ length: threads }, (_, i) => ({ index: i, name: i === 0 ? 'MainThread' : `T${i}`, daemon: false })),
    schedule: steps.map((s) => s.thread),
    steps,
    output: [],
    failures: [],
    state: {},
  };
}

const step = (step: number, thread: number, kind: string, extra: Partial<TraceStep> = {}): TraceStep => ({
  step,
  time: step,
  since: step,
  thread,
  kind,
  access: 'none',
  timedOut: false,
  ...extra,
});

describe('buildTimeline', () => {
  it('merges consecutive steps of a thread into one run and splits runs at a switch', () => {
    const tl = buildTimeline(traceOf([step(0, 0, 'log'), step(1, 0, 'log'), step(2, 1, 'log'), step(3, 0, 'log', { since: 2 })]));
    const runs = tl.spans.filter((s) => s.kind === 'run').map((s) => [s.thread, s.start, s.end]);
    expect(runs).toEqual([
      [0, 0, 2],
      [1, 2, 3],
      [0, 3, 4],
    ]);
    // MainThread reached step 3's op at time 2 and ran it at 3 without parking: ready, not blocked.
    expect(tl.spans.filter((s) => s.kind === 'ready').map((s) => [s.thread, s.start, s.end])).toEqual([[0, 2, 3]]);
    expect(tl.end).toBe(4);
  });

  it('draws a lock hold from the acquire to the release and a blocked wait before a late acquire', () => {
    const lock = { obj: 'L', access: 'sync' } as const;
    const tl = buildTimeline(
      traceOf([
        step(0, 1, 'acquire', { ...lock, result: true }),
        step(1, 1, 'log'),
        step(2, 1, 'release', lock),
        step(3, 0, 'acquire', { ...lock, result: true, since: 1, blocked: true }),
      ]),
    );
    const holds = tl.spans.filter((s) => s.kind === 'hold').map((s) => [s.thread, s.start, s.end]);
    // T1 holds L from its acquire (t=0) to the end of its release (t=3); MainThread from t=3 to the end.
    expect(holds).toEqual([
      [1, 0, 3],
      [0, 3, 4],
    ]);
    expect(tl.spans.filter((s) => s.kind === 'blocked').map((s) => [s.thread, s.start, s.end])).toEqual([[0, 1, 3]]);
  });

  it('nests re-entrant acquires and ignores failed ones', () => {
    const lock = { obj: 'R', access: 'sync' } as const;
    const tl = buildTimeline(
      traceOf([
        step(0, 1, 'acquire', { ...lock, result: true }),
        step(1, 1, 'acquire', { ...lock, result: true }),
        step(2, 0, 'acquire', { ...lock, result: false, timedOut: true }),
        step(3, 1, 'release', lock),
        step(4, 1, 'release', lock),
      ]),
    );
    expect(tl.spans.filter((s) => s.kind === 'hold').map((s) => [s.thread, s.start, s.end])).toEqual([[1, 0, 5]]);
  });

  it('tutorial/race: each worker sleeps 0.1 s between its read and its write, and the lost update is the race', () => {
    const trace = recordTrace('tutorial/race');
    const tl = buildTimeline(trace);
    const sleeps = tl.spans.filter((s) => s.kind === 'sleep');
    expect(sleeps.map((s) => s.thread).sort()).toEqual([1, 2]);
    // time.sleep(0.1) parks for 100,000 µs of virtual time from the moment the op is reached.
    for (const s of sleeps) expect(s.end - s.start).toBe(100_000);
    // Recorded without detection: the races are the ones race detection finds in the steps.
    expect(tl.races.length).toBeGreaterThan(0);
    for (const race of tl.races) {
      const [a, b] = [trace.steps[race.first]!, trace.steps[race.second]!];
      expect(a.obj).toBe('db.value');
      expect(b.obj).toBe('db.value');
      expect(a.thread).not.toBe(b.thread);
    }
    expect(tl.races.map((r) => new Set([trace.steps[r.first]!.access, trace.steps[r.second]!.access]))).toContainEqual(new Set(['read', 'write']));
  });

  it('uses a race detector result when the trace carries one', () => {
    const trace = { ...recordTrace('tutorial/race'), races: [{ first: { step: 9, thread: 2, access: 'read' as const }, second: { step: 5, thread: 1, access: 'read' as const }, location: 'db.value', message: 'm' }] };
    expect(buildTimeline(trace).races).toEqual([{ first: 5, second: 9, at: 9, location: 'db.value', note: 'm' }]);
  });
});
