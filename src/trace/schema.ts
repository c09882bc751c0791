/**
 * The trace file's schema (zod): the one definition that validates files on read and that
 * `npm run schema` turns into schema/trace.schema.json. The TypeScript types of the format
 * live in format.ts; `satisfies` below keeps the two in step.
 */
import { z } from 'zod';

const json = z.unknown();

const sharedState = z.record(z.string(), z.record(z.string(), json)).describe('Shared state: store name, then key, then value.');

const recipe = z
  .object({
    program: z.string().describe('Built-in program name or the module path given to `threadsim run`.'),
    policy: z.string().describe('Policy that made the schedule (`gil`, `random`, ...; `schedule` for a hand-written one).'),
    seed: z.number().int().nonnegative(),
    maxSteps: z.number().int().positive().optional(),
    cpuCount: z.number().int().positive().optional(),
    schedule: z.string().optional().describe('The schedule notation the run was given with `--schedule`, if any.'),
  })
  .describe('What identifies the execution for `threadsim run`.');

const thread = z.object({
  index: z.number().int().nonnegative(),
  name: z.string(),
  daemon: z.boolean(),
});

const step = z.object({
  step: z.number().int().nonnegative(),
  time: z.number().int().nonnegative().describe('Virtual time (µs) when the step ran.'),
  since: z.number().int().nonnegative().describe('Virtual time (µs) when the thread reached this op.'),
  thread: z.number().int().nonnegative(),
  kind: z.string().describe('The op: read, write, acquire, release, log, sleep, spawn, join, ...'),
  obj: z.string().optional().describe('Object touched: `db.value`, `Lock#1`, a thread name.'),
  objs: z.array(z.string()).optional().describe('Further objects the op touched (`concurrent.futures.wait` over several futures).'),
  access: z.enum(['read', 'write', 'sync', 'none']),
  value: json.optional().describe('Value written, or the op argument shown in traces.'),
  result: json.optional().describe('What the op returned to the thread (the value read).'),
  timedOut: z.boolean(),
  raised: z.string().optional().describe('`Type: message` when the op raised into the thread.'),
  blocked: z.boolean().optional().describe('True when the thread blocked (parked) between reaching the op and running it.'),
  spawned: z.number().int().nonnegative().optional().describe('Index of the thread this step started.'),
  joined: z.number().int().nonnegative().optional().describe('For a join: index of the joined thread.'),
  changes: sharedState.optional().describe('Shared locations this step changed (store, key, new value); recorded traces only.'),
  site: z.string().optional().describe('Where the program yielded the op (`file:line`), when the run kept code sites.'),
});

const outputLine = z.object({
  time: z.number().int().nonnegative(),
  thread: z.string(),
  stream: z.string().describe('`stdout`, `stderr`, or a logging level name.'),
  level: z.number().int(),
  text: z.string(),
});

const failureAccess = z.looseObject({
  step: z.number().int().nonnegative(),
  thread: z.union([z.string(), z.number().int().nonnegative()]),
  access: z.enum(['read', 'write']),
});

const failure = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('claim'),
    claim: z.string(),
    reads: z.array(z.string()).optional().describe('The shared locations the claim read.'),
    pattern: z.string().optional().describe('The bug pattern behind the false claim (`order violation`, `timing assumption`).'),
    cause: z.string().optional().describe('What happened, when a pattern is named.'),
    message: z.string(),
  }),
  z.looseObject({
    kind: z.literal('exception'),
    thread: z.string(),
    type: z.string(),
    detail: z.string(),
    step: z.number().int().nonnegative(),
    message: z.string(),
  }),
  z.looseObject({
    kind: z.literal('deadlock'),
    blocked: z.array(z.looseObject({ thread: z.string(), waitsFor: z.string() })),
    pattern: z.string().optional().describe('`lock-order inversion`, `check-then-act`, `order violation`, `lost wake-up`.'),
    cause: z.string().optional().describe('The sentence that explains a pattern found without a wait-for cycle.'),
    step: z.number().int().nonnegative(),
    message: z.string(),
  }),
  z.looseObject({ kind: z.literal('step-bound'), maxSteps: z.number().int().positive(), message: z.string() }),
  z.looseObject({
    kind: z.literal('invariant'),
    claim: z.string(),
    step: z.number().int().nonnegative(),
    thread: z.string(),
    message: z.string(),
  }),
  z.looseObject({
    kind: z.literal('race'),
    location: z.string(),
    first: failureAccess,
    second: failureAccess,
    pattern: z.string().optional(),
    message: z.string(),
  }),
  z.looseObject({
    kind: z.literal('unread-exception'),
    pattern: z.literal('swallowed exception'),
    future: z.string(),
    thread: z.string(),
    step: z.number().int().nonnegative(),
    error: z.string(),
    message: z.string(),
  }),
  z.looseObject({
    kind: z.literal('lock-order'),
    pattern: z.literal('lock-order inversion').optional(),
    edges: z.array(z.looseObject({ thread: z.string(), held: z.string(), acquired: z.string(), step: z.number().int().nonnegative() })),
    message: z.string(),
  }),
]);

const raceAccess = z.looseObject({
  step: z.number().int().nonnegative(),
  thread: z.number().int().nonnegative(),
  access: z.enum(['read', 'write']),
});

const race = z
  .looseObject({
    location: z.string().describe('The shared location both accesses touch (`db.value`).'),
    first: raceAccess,
    second: raceAccess,
    pattern: z.string().optional().describe('Named pattern, such as `lost update`.'),
    message: z.string(),
  })
  .describe('Two accesses to one location from different threads, one a write, unordered by happens-before.');

/** The newest version's schema. */
export const traceSchema = z
  .object({
    format: z.literal('threadsim-trace'),
    version: z.literal(2),
    recipe,
    programName: z.string().describe('The program name given to program().'),
    description: z.string().optional(),
    logLevel: z.number().int().optional().describe("The program's logging level (Python's number: 10 DEBUG .. 50 CRITICAL); text exports show lines at or above it."),
    ending: z.enum(['complete', 'deadlock', 'step-bound']),
    threads: z.array(thread).describe('Every thread by index: 0 is MainThread, then creation order.'),
    schedule: z.array(z.number().int().nonnegative()).describe('Thread index per step.'),
    notation: z.string().describe('The schedule in the schedule notation (docs/schedule-notation.md).'),
    choices: z
      .array(
        z.object({
          step: z.number().int().nonnegative().describe('The step that made the choice.'),
          thread: z.number().int().nonnegative(),
          key: z.string().describe("The thread's creation path and its count of earlier choices (`0.1#0`)."),
          k: z.number().int().min(2).describe('Number of alternatives.'),
          value: z.number().int().nonnegative().describe('The alternative taken, 0..k-1.'),
        }),
      )
      .optional()
      .describe("The run's nondeterministic choices in order (as_completed's order of futures already done), when it made any."),
    steps: z.array(step),
    output: z.array(outputLine).describe('Log lines and other output, in order.'),
    failures: z.array(failure),
    races: z.array(race).optional().describe('Data races found in this execution, when race detection ran.'),
    initialState: sharedState.optional().describe('Shared state before step 0; with `steps[].changes`, the state at every step.'),
    state: sharedState.describe('Shared state at the end.'),
  })
  .describe('A threadsim trace: one execution of a program, enough to replay, check and draw it.');

/** Version 1 (threadsim 0.1): no notation, no snapshots; read and upgraded on the fly. */
export const traceSchemaV1 = z.object({
  format: z.literal('threadsim-trace'),
  version: z.literal(1),
  recipe: recipe.omit({ schedule: true }),
  ending: z.enum(['complete', 'deadlock', 'step-bound']),
  threads: z.array(thread),
  schedule: z.array(z.number().int().nonnegative()),
  steps: z.array(step.omit({ spawned: true, joined: true, changes: true })),
  output: z.array(outputLine),
  failures: z.array(failure),
  state: sharedState,
});

/** The JSON Schema of the newest version, as committed in schema/trace.schema.json. */
export function traceJsonSchema(): string {
  const schema = z.toJSONSchema(traceSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'threadsim trace' }, null, 2)}\n`;
}
