import { describe, expect, it } from 'vitest';
import { exportChrome } from '../../../src/trace/export/chrome.js';
import { happensBeforeEdges } from '../../../src/trace/happens-before.js';
import type { TraceFile } from '../../../src/trace/format.js';
import { EVIL_THREADS, hostileTrace } from '../../fixtures/hostile-trace.js';
import { traceOf } from './helpers.js';

type Ev = Record<string, unknown>;

/**
 * The Trace Event Format's rules (Chromium's "Trace Event Format" document): every event has
 * `name`, `ph`, `ts` (µs), `pid`, `tid`; complete events (`X`) a `dur`; async (`b`/`e`) and flow
 * (`s`/`t`/`f`) events a `cat` and an `id` that pairs them; instant events a scope `s` of g, p or t;
 * metadata (`M`) `process_name`/`thread_name` carry `args.name`.
 */
function checkTraceEventFormat(doc: unknown): Ev[] {
  expect(typeof doc).toBe('object');
  const events = (doc as { traceEvents: Ev[] }).traceEvents;
  expect(Array.isArray(events)).toBe(true);
  for (const e of events) {
    expect(typeof e.name).toBe('string');
    expect(typeof e.ph).toBe('string');
    expect(['B', 'E', 'X', 'i', 'I', 'b', 'n', 'e', 's', 't', 'f', 'M', 'C']).toContain(e.ph);
    expect(Number.isFinite(e.ts)).toBe(true);
    expect(Number.isInteger(e.pid)).toBe(true);
    expect(Number.isInteger(e.tid)).toBe(true);
    if (e.ph === 'X') expect(e.dur as number).toBeGreaterThanOrEqual(0);
    if (['b', 'e', 's', 't', 'f'].includes(e.ph as string)) {
      expect(typeof e.cat).toBe('string');
      expect(e.id).toBeDefined();
    }
    if (e.ph === 'i') expect(['g', 'p', 't']).toContain(e.s);
    if (e.ph === 'M' && (e.name === 'thread_name' || e.name === 'process_name')) expect(typeof (e.args as Ev).name).toBe('string');
  }
  return events;
}

function pairs(events: Ev[], open: string, close: string): void {
  const opened = new Map<string, Ev>();
  for (const e of events) {
    const key = `${String(e.cat)}|${String(e.id)}`;
    if (e.ph === open) opened.set(key, e);
    if (e.ph === close) {
      const o = opened.get(key);
      expect(o, `${close} without ${open} for ${key}`).toBeDefined();
      expect(e.ts as number).toBeGreaterThanOrEqual(o!.ts as number);
      opened.delete(key);
    }
  }
  expect(opened.size).toBe(0);
}

function check(trace: TraceFile): Ev[] {
  const events = checkTraceEventFormat(JSON.parse(exportChrome(trace)));
  pairs(events, 'b', 'e');
  pairs(events, 's', 'f');
  return events;
}

describe('chrome export', () => {
  const trace = traceOf('tutorial/locked-update');
  const events = check(trace);

  it('names one track per thread', () => {
    const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
    expect(names.map((e) => [e.tid, (e.args as Ev).name])).toEqual(trace.threads.map((t) => [t.index, t.name]));
  });

  it('slices on a track never overlap (they nest as the format needs)', () => {
    for (const t of trace.threads) {
      const xs = events.filter((e) => e.ph === 'X' && e.tid === t.index).sort((a, b) => (a.ts as number) - (b.ts as number));
      for (let i = 1; i < xs.length; i++) expect(xs[i]!.ts as number).toBeGreaterThanOrEqual((xs[i - 1]!.ts as number) + (xs[i - 1]!.dur as number));
    }
  });

  it('covers every step with a run slice on its thread, at its virtual time', () => {
    const runs = events.filter((e) => e.ph === 'X' && e.cat === 'run');
    for (const s of trace.steps) {
      const inside = runs.some((r) => r.tid === s.thread && (r.ts as number) <= s.time && s.time < (r.ts as number) + (r.dur as number));
      expect(inside, `step ${s.step}`).toBe(true);
    }
    expect(runs.reduce((n, r) => n + ((r.args as Ev).count as number), 0)).toBe(trace.steps.length);
  });

  it('shows sleeps, lock holds, accesses and happens-before flows', () => {
    // Each worker sleeps 0.1 s (100000 µs of virtual time) while holding _lock.
    const sleeps = events.filter((e) => e.ph === 'X' && e.cat === 'sleep');
    expect(sleeps).toHaveLength(2);
    for (const s of sleeps) expect(s.dur).toBe(100000);
    const holds = events.filter((e) => e.ph === 'b' && e.cat === 'lock');
    expect(holds.map((e) => e.name)).toEqual(['hold _lock', 'hold _lock']);
    const accesses = events.filter((e) => e.ph === 'i' && e.cat === 'access');
    expect(accesses).toHaveLength(trace.steps.filter((s) => s.access === 'read' || s.access === 'write').length);
    expect(events.filter((e) => e.ph === 's')).toHaveLength(happensBeforeEdges(trace).length);
    // The second worker blocks on _lock while the first holds it.
    expect(events.some((e) => e.ph === 'X' && e.cat === 'blocked' && e.name === 'blocked: acquire _lock')).toBe(true);
    // The lock's release -> acquire edge between the two workers is one of the flows.
    expect(events.some((e) => e.ph === 'f' && String(e.name) === 'happens-before: sync _lock')).toBe(true);
  });

  it('marks races with instant events on both threads', () => {
    const race = traceOf('tutorial/race');
    const ev = check(race);
    const marks = ev.filter((e) => e.cat === 'race');
    expect(marks).toHaveLength(2 * race.races!.length);
  });

  it('keeps hostile names exact inside JSON strings', () => {
    const h = hostileTrace();
    const ev = check(h);
    const names = ev.filter((e) => e.name === 'thread_name').map((e) => (e.args as Ev).name);
    expect(names).toEqual(['MainThread', ...EVIL_THREADS]);
  });
});
