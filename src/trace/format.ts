/**
 * The trace file: one execution, enough to replay it, check every step and draw it.
 *
 * Version 2. Readers validate with the zod schema in schema.ts, upgrade version 1 files, and
 * reject newer versions and malformed files with an error naming the field (TSIM008, exit 2).
 * Shared-state snapshots are stored compactly: the state before step 0 (`initialState`) and,
 * per step, only the locations the step changed (`changes`); {@link stateAt} folds them.
 */
import { ThreadsimError } from '../errors.js';
import { jsonSafe, safeStringify } from '../scheduler/json-safe.js';
import type { ExecutionResult, StepRecord } from '../scheduler/execution.js';
import type { ChoiceRecord } from '../scheduler/choice.js';
import type { Failure } from '../scheduler/failures.js';
import type { Access, OutputLine } from '../scheduler/ops.js';
import type { Program, SharedState } from '../scheduler/program.js';
import { printSchedule } from './notation.js';
import type { ReplayRecipe } from './replay-command.js';
import { traceSchema, traceSchemaV1 } from './schema.js';
import { LEVEL_NUMBERS } from './text.js';

/** Current trace format version. */
export const TRACE_VERSION = 2;

/** A thread of the execution: 0 is MainThread, then in creation order. */
export interface TraceThread {
  readonly index: number;
  readonly name: string;
  readonly daemon: boolean;
}

/** Shared locations a step changed: store, then key, then the new value. */
export type StateChanges = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** A step as stored in a trace file. */
export interface TraceStep {
  readonly step: number;
  /** Virtual time (µs) when the step ran. */
  readonly time: number;
  /** Virtual time (µs) when the thread reached this op; earlier than `time` when it waited. */
  readonly since: number;
  readonly thread: number;
  /** The op's kind (`read`, `write`, `acquire`, ...). */
  readonly kind: string;
  /** The object touched (`db.value`, `Lock#1`, a thread name). */
  readonly obj?: string;
  /** Further objects the op touched (`concurrent.futures.wait` over several futures). */
  readonly objs?: readonly string[];
  readonly access: Access;
  /** The value written, or the op's argument. */
  readonly value?: unknown;
  /** What the op returned to the thread (the value read). */
  readonly result?: unknown;
  readonly timedOut: boolean;
  /** `Type: message` when the op raised into the thread. */
  readonly raised?: string;
  /** True when the thread blocked (parked) between reaching the op and running it. */
  readonly blocked?: boolean;
  /** Index of the thread this step started. */
  readonly spawned?: number;
  /** For a `join`: the index of the joined thread. */
  readonly joined?: number;
  /** Locations this step changed (recorded traces only). */
  readonly changes?: StateChanges;
  /** Where the program yielded the op (`src/examples/tutorial/race.ts:17`), when the run kept code sites. */
  readonly site?: string;
}

/** One access of a race. */
export interface RaceAccess {
  readonly step: number;
  readonly thread: number;
  readonly access: 'read' | 'write';
}

/**
 * A data race: two accesses to one shared location from different threads, at least one a
 * write, not ordered by happens-before. Race detection fills these in; extra fields it adds
 * are kept as they are.
 */
export interface TraceRace {
  readonly location: string;
  readonly first: RaceAccess;
  readonly second: RaceAccess;
  /** A named pattern such as `lost update`. */
  readonly pattern?: string;
  readonly message: string;
  readonly [extra: string]: unknown;
}

/** The trace file's content (version 2). */
export interface TraceFile {
  readonly format: 'threadsim-trace';
  readonly version: 2;
  /** What `threadsim run` needs to repeat the run by seed (or by `recipe.schedule`). */
  readonly recipe: ReplayRecipe;
  /** The name given to program(). */
  readonly programName: string;
  readonly description?: string;
  /** The program's logging level (10 DEBUG .. 50 CRITICAL): what its text output shows. */
  readonly logLevel?: number;
  readonly ending: ExecutionResult['ending'];
  readonly threads: readonly TraceThread[];
  /** Thread index per step. */
  readonly schedule: readonly number[];
  /** {@link TraceFile.schedule} in the schedule notation, with the choices that took another answer than the default. */
  readonly notation: string;
  /** The choices the run made, in order (src/scheduler/choice.ts); absent when it made none. */
  readonly choices?: readonly ChoiceRecord[];
  readonly steps: readonly TraceStep[];
  /** Log lines and other output, in order. */
  readonly output: readonly OutputLine[];
  readonly failures: readonly Failure[];
  /** Data races, when race detection ran. */
  readonly races?: readonly TraceRace[];
  /** Shared state before step 0 (recorded traces: with `steps[].changes`, every step's state). */
  readonly initialState?: SharedState;
  /** Shared state at the end. */
  readonly state: SharedState;
}

/** Extra content for {@link toTraceFile}. */
export interface TraceExtras {
  readonly description?: string;
  readonly logLevel?: number;
  readonly races?: readonly TraceRace[];
}

/** The extras a program itself gives a trace: its description and logging level. */
export function programExtras(program: Program): TraceExtras {
  const { description, logLevel } = program.options;
  const level = logLevel === undefined ? undefined : LEVEL_NUMBERS[logLevel];
  return { ...(description === undefined ? {} : { description }), ...(level === undefined ? {} : { logLevel: level }) };
}

/** Build the trace file of an execution (recorded with `record: true` for steps and snapshots). */
export function toTraceFile(exec: ExecutionResult, recipe: ReplayRecipe, extras: TraceExtras = {}): TraceFile {
  const records = exec.trace ?? [];
  let previous: SharedState = exec.initialState ?? {};
  const steps: TraceStep[] = records.map((s) => {
    const changes = exec.initialState === undefined ? undefined : diffState(previous, s.state);
    previous = s.state;
    return toTraceStep(s, changes);
  });
  const names = exec.threads.map((t) => t.name);
  const races = extras.races ?? racesFromFailures(exec.failures, names);
  // Shared values may hold BigInts or cycles: the file holds their tagged forms (json-safe.ts).
  return jsonSafe({
    format: 'threadsim-trace',
    version: TRACE_VERSION,
    recipe,
    programName: exec.program,
    ...(extras.description === undefined ? {} : { description: extras.description }),
    ...(extras.logLevel === undefined ? {} : { logLevel: extras.logLevel }),
    ending: exec.ending,
    threads: exec.threads.map((t) => ({ index: t.index, name: t.name, daemon: t.daemon })),
    schedule: exec.schedule,
    notation: printSchedule(exec.schedule, names, exec.choices),
    ...(exec.choices === undefined ? {} : { choices: exec.choices }),
    steps,
    output: exec.output,
    failures: exec.failures,
    ...(races === undefined ? {} : { races }),
    ...(exec.initialState === undefined ? {} : { initialState: exec.initialState }),
    state: exec.state,
  }) as TraceFile;
}

/**
 * The data races among a run's failures (race detection reports each as a failure of kind
 * `race`, naming threads), as trace races (threads by index); undefined when there are none.
 */
export function racesFromFailures(failures: readonly Failure[], names: readonly string[]): TraceRace[] | undefined {
  const races: TraceRace[] = [];
  const index = (thread: unknown): number => (typeof thread === 'number' ? thread : names.indexOf(String(thread)));
  for (const f of failures as readonly { readonly kind: string }[]) {
    if (f.kind !== 'race') continue;
    const r = f as unknown as { location: string; first: RaceLike; second: RaceLike; pattern?: string; message: string };
    const first = { step: r.first.step, thread: index(r.first.thread), access: r.first.access };
    const second = { step: r.second.step, thread: index(r.second.thread), access: r.second.access };
    if (first.thread < 0 || second.thread < 0) continue;
    races.push({ location: r.location, first, second, ...(r.pattern === undefined ? {} : { pattern: r.pattern }), message: r.message });
  }
  return races.length === 0 ? undefined : races;
}

interface RaceLike {
  readonly step: number;
  readonly thread: string | number;
  readonly access: 'read' | 'write';
}

function toTraceStep(s: StepRecord, changes: StateChanges | undefined): TraceStep {
  return {
    step: s.step,
    time: s.time,
    since: s.since,
    thread: s.thread,
    kind: s.kind,
    ...(s.obj === undefined ? {} : { obj: s.obj }),
    ...(s.objs === undefined ? {} : { objs: s.objs }),
    access: s.access,
    ...(s.value === undefined ? {} : { value: s.value }),
    ...(s.result === undefined ? {} : { result: s.result }),
    timedOut: s.timedOut,
    ...(s.raised === undefined ? {} : { raised: s.raised }),
    ...(s.blocked === true ? { blocked: true } : {}),
    ...(s.spawned === undefined ? {} : { spawned: s.spawned }),
    ...(s.joined === undefined ? {} : { joined: s.joined }),
    ...(changes === undefined ? {} : { changes }),
    ...(s.site === undefined ? {} : { site: s.site }),
  };
}

/**
 * The locations whose value differs between two snapshots; undefined when none does. Snapshots
 * share unchanged stores (immer), so most comparisons are one identity check.
 */
export function diffState(before: SharedState, after: SharedState): StateChanges | undefined {
  if (before === after) return undefined;
  let out: Record<string, Record<string, unknown>> | undefined;
  for (const [store, values] of Object.entries(after)) {
    const old = before[store];
    if (old === values) continue;
    for (const [key, value] of Object.entries(values)) {
      if (old !== undefined && key in old && sameValue(old[key], value)) continue;
      out ??= {};
      (out[store] ??= {})[key] = value;
    }
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || safeStringify(a) === safeStringify(b);
}

/**
 * Shared state after step `index` (-1: before step 0), folded from `initialState` and the
 * steps' changes; undefined when the trace holds no snapshots.
 */
export function stateAt(trace: TraceFile, index: number): SharedState | undefined {
  if (trace.initialState === undefined) return undefined;
  const state: Record<string, Record<string, unknown>> = {};
  for (const [store, values] of Object.entries(trace.initialState)) state[store] = { ...values };
  for (let i = 0; i <= index && i < trace.steps.length; i++) {
    for (const [store, values] of Object.entries(trace.steps[i]!.changes ?? {})) state[store] = { ...state[store], ...values };
  }
  return state;
}

/**
 * The trace as file text: one top-level field per line group, one step or output line per
 * line, so golden traces diff line by line. Fields come in the schema's order, so equal
 * traces give equal text however they were built (recorded, or read back from a file).
 */
export function serializeTrace(trace: TraceFile): string {
  const lines: string[] = ['{'];
  const top = inSchemaOrder(trace as unknown as Record<string, unknown>, Object.keys(traceSchema.shape));
  const entries = Object.entries(top).filter(([, v]) => v !== undefined);
  entries.forEach(([key, value], i) => {
    const comma = i === entries.length - 1 ? '' : ',';
    if (Array.isArray(value) && value.length > 0 && (key === 'steps' || key === 'output' || key === 'failures' || key === 'races' || key === 'threads')) {
      lines.push(` ${JSON.stringify(key)}: [`);
      value.forEach((item, j) => lines.push(`  ${JSON.stringify(item)}${j === value.length - 1 ? '' : ','}`));
      lines.push(` ]${comma}`);
    } else {
      const v = key === 'recipe' ? inSchemaOrder(value as Record<string, unknown>, Object.keys(traceSchema.shape.recipe.shape)) : value;
      lines.push(` ${JSON.stringify(key)}: ${JSON.stringify(v)}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** `obj` with the keys of `order` first, in that order, then any others as they come. */
function inSchemaOrder(obj: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in obj) out[k] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v;
  return out;
}

/** Parse and validate a trace file's text; `where` names the file in errors. */
export function parseTraceFile(text: string, where: string): TraceFile {
  const depth = nestingDepth(text, MAX_TRACE_DEPTH);
  if (depth > MAX_TRACE_DEPTH) throw malformed(where, `it nests more than ${MAX_TRACE_DEPTH} levels deep`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw malformed(where, `it is not JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw malformed(where, 'the top level is not an object');
  const top = data as Record<string, unknown>;
  if (top.format !== 'threadsim-trace') throw malformed(where, 'field "format" is not "threadsim-trace"');
  if (typeof top.version !== 'number' || !Number.isInteger(top.version) || top.version < 1) {
    throw malformed(where, 'field "version" is not a positive integer');
  }
  if (top.version > TRACE_VERSION) {
    throw new ThreadsimError(
      'TSIM008',
      `${where} is trace format version ${top.version}; this threadsim reads versions 1 to ${TRACE_VERSION}`,
      'Upgrade threadsim to read it.',
    );
  }
  const trace = top.version === 1 ? upgradeV1(validate(traceSchemaV1, data, where)) : (validate(traceSchema, data, where) as TraceFile);
  checkConsistency(trace, where);
  return trace;
}

function validate<T>(schema: { safeParse(d: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, data: unknown, where: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(issue.message);
  const why = missing === null ? `: ${issue.message}` : ` is missing (expected ${missing[1]})`;
  throw malformed(where, `field "${fieldPath(issue.path)}"${why}`);
}

/**
 * Deepest nesting of arrays and objects a trace file may have. A trace is a few levels deep
 * plus the shared values it snapshots; the bound keeps the validator and every exporter (all
 * of which walk values recursively) within the call stack, whatever the file holds.
 */
export const MAX_TRACE_DEPTH = 200;

/**
 * How deep `[` and `{` nest in JSON text, outside strings; stops counting past `limit`. A
 * linear scan made before parsing, so a hostile file costs no recursion at all.
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** `steps[3].thread` for zod's path `['steps', 3, 'thread']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(top level)' : out;
}

function upgradeV1(v1: ReturnType<typeof traceSchemaV1.parse>): TraceFile {
  return {
    ...v1,
    version: 2,
    programName: v1.recipe.program,
    notation: printSchedule(v1.schedule, v1.threads.map((t) => t.name)),
  } as TraceFile;
}

/** Cross-field rules a schema cannot state: indices in range, schedule and steps agree. */
function checkConsistency(t: TraceFile, where: string): void {
  const bad = (field: string, why: string): never => {
    throw malformed(where, `field "${field}": ${why}`);
  };
  t.threads.forEach((th, i) => {
    if (th.index !== i) bad(`threads[${i}].index`, `is ${th.index}, expected ${i}`);
  });
  const n = t.threads.length;
  t.schedule.forEach((x, i) => {
    if (x >= n) bad(`schedule[${i}]`, `thread ${x} does not exist (the trace has ${n} threads)`);
  });
  if (t.steps.length !== t.schedule.length) bad('steps', `holds ${t.steps.length} steps but the schedule has ${t.schedule.length}`);
  t.steps.forEach((s, i) => {
    if (s.step !== i) bad(`steps[${i}].step`, `is ${s.step}, expected ${i}`);
    if (s.thread !== t.schedule[i]) bad(`steps[${i}].thread`, `is ${s.thread} but schedule[${i}] is ${String(t.schedule[i])}`);
    if (s.spawned !== undefined && s.spawned >= n) bad(`steps[${i}].spawned`, `thread ${s.spawned} does not exist`);
    if (s.joined !== undefined && s.joined >= n) bad(`steps[${i}].joined`, `thread ${s.joined} does not exist`);
  });
  (t.choices ?? []).forEach((c, i) => {
    if (c.step >= t.steps.length) bad(`choices[${i}].step`, `step ${c.step} does not exist`);
    if (c.thread >= n) bad(`choices[${i}].thread`, `thread ${c.thread} does not exist`);
    if (c.value >= c.k) bad(`choices[${i}].value`, `is ${c.value}, but the choice has ${c.k} alternatives`);
  });
  const printed = printSchedule(t.schedule, t.threads.map((th) => th.name), t.choices);
  if (t.notation !== printed) bad('notation', `does not match the schedule (expected "${printed}")`);
  (t.races ?? []).forEach((r, i) => {
    for (const side of ['first', 'second'] as const) {
      const a = r[side];
      if (a.step >= t.steps.length) bad(`races[${i}].${side}.step`, `step ${a.step} does not exist`);
      if (a.thread >= n) bad(`races[${i}].${side}.thread`, `thread ${a.thread} does not exist`);
    }
  });
}

function malformed(where: string, why: string): ThreadsimError {
  return new ThreadsimError('TSIM008', `${where} is not a valid threadsim trace: ${why}`, 'Pass a file written by `threadsim run ... --trace FILE`.');
}

/** The trace's thread names by index. */
export function threadNames(trace: Pick<TraceFile, 'threads'>): string[] {
  return trace.threads.map((t) => t.name);
}
