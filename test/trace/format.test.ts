import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/examples/index.js';
import { execute } from '../../src/scheduler/execution.js';
import { GilPolicy } from '../../src/scheduler/policies/index.js';
import { isThreadsimError } from '../../src/errors.js';
import { diffState, fieldPath, parseTraceFile, serializeTrace, stateAt, toTraceFile, type TraceFile } from '../../src/trace/format.js';
import { traceJsonSchema } from '../../src/trace/schema.js';

function raceTrace(): TraceFile {
  const p = builtin('tutorial/race')!;
  const exec = execute(p, { policy: new GilPolicy(), seed: 0, record: true });
  return toTraceFile(exec, { program: 'tutorial/race', policy: 'gil', seed: 0 });
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isThreadsimError(e)) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error('no error thrown');
}

function mutate(edit: (t: Record<string, any>) => void): string {
  const t = JSON.parse(serializeTrace(raceTrace())) as Record<string, any>;
  edit(t);
  return JSON.stringify(t);
}

describe('trace format', () => {
  it('round-trips through its text form', () => {
    const t = raceTrace();
    const back = parseTraceFile(serializeTrace(t), 'x.json');
    expect(back).toEqual(JSON.parse(JSON.stringify(t)));
  });

  it('serializes deterministically: one step per line', () => {
    const a = serializeTrace(raceTrace());
    expect(serializeTrace(raceTrace())).toBe(a);
    const t = raceTrace();
    const stepLines = a.split('\n').filter((l) => l.startsWith('  {"step":'));
    expect(stepLines).toHaveLength(t.steps.length);
  });

  it('keeps a state snapshot per step as changes only', () => {
    const t = raceTrace();
    // tutorial/race: db.value starts at 0, and both workers write 1; only the first write changes it.
    expect(t.initialState).toEqual({ db: { value: 0 } });
    const changing = t.steps.filter((s) => s.changes !== undefined);
    expect(changing).toHaveLength(1);
    expect(changing[0]!.kind).toBe('write');
    const writes = t.steps.filter((s) => s.kind === 'write');
    expect(stateAt(t, writes[0]!.step - 1)).toEqual({ db: { value: 0 } });
    expect(stateAt(t, writes[0]!.step)).toEqual({ db: { value: 1 } });
    expect(stateAt(t, t.steps.length - 1)).toEqual(t.state);
  });

  it('diffState reports new stores and changed keys only', () => {
    expect(diffState({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 3 }, b: { z: [1] } })).toEqual({ a: { y: 3 }, b: { z: [1] } });
    const s = { a: { x: 1 } };
    expect(diffState(s, s)).toBeUndefined();
  });

  it('records spawned and joined thread indices', () => {
    const exec = execute(builtin('tutorial/join')!, { policy: new GilPolicy(), seed: 0, record: true });
    const t = toTraceFile(exec, { program: 'tutorial/join', policy: 'gil', seed: 0 });
    expect(t.steps.find((s) => s.kind === 'spawn')?.spawned).toBe(1);
    expect(t.steps.find((s) => s.kind === 'join')?.joined).toBe(1);
  });

  it('reads version 1 files, filling in the notation', () => {
    const t = JSON.parse(serializeTrace(raceTrace())) as Record<string, any>;
    const v1 = { format: t.format, version: 1, recipe: t.recipe, ending: t.ending, threads: t.threads, schedule: t.schedule, steps: t.steps.map(({ spawned, joined, changes, ...rest }: Record<string, unknown>) => rest), output: t.output, failures: t.failures, state: t.state };
    const read = parseTraceFile(JSON.stringify(v1), 'old.json');
    expect(read.version).toBe(2);
    expect(read.notation).toBe(t.notation);
  });
});

describe('trace validation names the field', () => {
  const cases: [string, (t: Record<string, any>) => void, RegExp][] = [
    ['wrong type deep inside', (t) => (t.steps[3].thread = 'x'), /field "steps\[3\]\.thread"/],
    ['missing recipe seed', (t) => delete t.recipe.seed, /field "recipe\.seed" is missing \(expected number\)/],
    ['unknown access', (t) => (t.steps[0].access = 'poke'), /field "steps\[0\]\.access"/],
    ['bad failure kind', (t) => t.failures.push({ kind: 'meltdown', message: 'x' }), /field "failures\[1\]\.kind"/],
    ['schedule and steps disagree', (t) => (t.schedule[4] = 2), /field "steps\[4\]\.thread"/],
    ['thread out of range', (t) => { t.schedule[0] = 9; t.steps[0].thread = 9; }, /field "schedule\[0\]"/],
    ['notation out of date', (t) => (t.notation = 'MainThread*31'), /field "notation"/],
    ['race pointing past the end', (t) => (t.races = [{ location: 'db.value', first: { step: 5, thread: 1, access: 'read' }, second: { step: 99, thread: 2, access: 'write' }, message: 'm' }]), /field "races\[0\]\.second\.step"/],
    ['not a trace at all', (t) => (t.format = 'other'), /field "format"/],
  ];
  for (const [what, edit, want] of cases) {
    it(what, () => {
      const msg = errorOf(() => parseTraceFile(mutate(edit), 'bad.json'));
      expect(msg).toMatch(/^TSIM008 bad\.json is not a valid threadsim trace/);
      expect(msg).toMatch(want);
    });
  }

  it('rejects a newer version and says to upgrade', () => {
    const msg = errorOf(() => parseTraceFile(mutate((t) => (t.version = 3)), 'new.json'));
    expect(msg).toMatch(/new\.json is trace format version 3; this threadsim reads versions 1 to 2/);
  });

  it('rejects text that is not JSON', () => {
    expect(errorOf(() => parseTraceFile('{"format":', 'cut.json'))).toMatch(/cut\.json is not a valid threadsim trace: it is not JSON/);
  });

  it('keeps extra fields of races (race detection may add its own)', () => {
    const text = mutate((t) => (t.races = [{ location: 'db.value', first: { step: 5, thread: 1, access: 'read' }, second: { step: 12, thread: 2, access: 'write' }, message: 'm', hb: 'none' }]));
    expect(parseTraceFile(text, 'r.json').races?.[0]?.hb).toBe('none');
  });

  it('formats zod paths', () => {
    expect(fieldPath(['steps', 3, 'thread'])).toBe('steps[3].thread');
    expect(fieldPath([])).toBe('(top level)');
  });
});

describe('JSON Schema file', () => {
  it('is up to date with the zod schema (npm run schema regenerates it)', () => {
    const committed = readFileSync(new URL('../../schema/trace.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(traceJsonSchema());
  });

  it('requires the fields every reader relies on', () => {
    const schema = JSON.parse(traceJsonSchema()) as { required: string[] };
    for (const f of ['format', 'version', 'recipe', 'threads', 'schedule', 'notation', 'steps', 'output', 'failures', 'state']) expect(schema.required).toContain(f);
  });
});

describe('races reported as failures (race detection)', () => {
  const raceFailure = {
    kind: 'race',
    location: 'db.value',
    first: { step: 9, thread: 'ThreadPoolExecutor-0_1', access: 'read', value: 0 },
    second: { step: 12, thread: 'ThreadPoolExecutor-0_0', access: 'write', value: 1 },
    pattern: 'lost update',
    message: 'data race on db.value',
  };

  it('become the trace races, threads by index', () => {
    const exec = execute(builtin('tutorial/race')!, { policy: new GilPolicy(), seed: 0, record: true });
    const withRace = { ...exec, failures: [...exec.failures, raceFailure as never] };
    const t = toTraceFile(withRace, { program: 'tutorial/race', policy: 'gil', seed: 0 });
    expect(t.races).toEqual([{ location: 'db.value', first: { step: 9, thread: 2, access: 'read' }, second: { step: 12, thread: 1, access: 'write' }, pattern: 'lost update', message: 'data race on db.value' }]);
    expect(raceTrace().races).toBeUndefined();
  });

  it('are valid failures in a trace file, and so are invariant and lock-order failures', () => {
    const text = mutate((t) => t.failures.push(raceFailure, { kind: 'invariant', claim: 'c', step: 3, thread: 'MainThread', message: 'm' }, { kind: 'lock-order', edges: [], message: 'm' }));
    expect(parseTraceFile(text, 'x.json').failures.map((f) => f.kind)).toEqual(['claim', 'race', 'invariant', 'lock-order']);
  });
});

describe('trace text is canonical', () => {
  it('a trace read back and written again is byte-identical, whatever order its fields were built in', () => {
    const t = raceTrace();
    const reversed = Object.fromEntries(Object.entries(t).reverse()) as unknown as TraceFile;
    const shuffled = { ...reversed, recipe: { seed: 0, policy: 'gil', program: 'tutorial/race' } } as TraceFile;
    expect(Object.keys(shuffled)[0]).toBe('state');
    const text = serializeTrace(shuffled);
    expect(serializeTrace(parseTraceFile(text, 'x.json'))).toBe(text);
    expect(text).toBe(serializeTrace(t));
    expect(text.split('\n')[3]).toBe(' "recipe": {"program":"tutorial/race","policy":"gil","seed":0},');
  });
});
