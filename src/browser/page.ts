/**
 * The engine in the page: the entry point of the browser bundle that the HTML export and the
 * playground embed (scripts/bundle-page.mjs builds it into dist/browser/page.js). It exposes
 * one global, `threadsimPage`, through which the page's own script runs real programs: the
 * built-in ones by name, a user's bundled module, or source typed into the playground.
 *
 * Everything here runs in the browser: no Node API is imported, directly or through the
 * engine (package.json's `browser` field swaps the one Node-only module, code sites, for
 * `site-browser.ts`).
 */
import { builtins } from '../examples/index.js';
import { userProgramKey } from './keys.js';
import * as models from '../models/index.js';
import { explore, type ExploreSummary } from '../scheduler/explore/explore.js';
import { RaceMonitor } from '../scheduler/detect/index.js';
import { execute } from '../scheduler/execution.js';
import { POLICY_NAMES, policyByName } from '../scheduler/policies/index.js';
import { program as defineProgram, isProgram, type Program } from '../scheduler/program.js';
import { exportMarkdown } from '../trace/export/markdown.js';
import { exportMermaid } from '../trace/export/mermaid.js';
import { exportSvg } from '../trace/export/svg.js';
import { toTraceFile, type TraceFile } from '../trace/format.js';
import { runPrefix, type LiveRun } from '../trace/live-run.js';
import { replayLines, type ReplayRecipe } from '../trace/replay-command.js';
import { racesInTrace } from '../trace/trace-races.js';
import { pageSteps, type PageStep } from '../trace/export/page-steps.js';
import { puzzleOf, type Puzzle } from '../trace/export/puzzle.js';

/** Programs the page can run, by name: the built-ins, plus any the page registers. */
const programs = new Map<string, Program>(builtins().map((p) => [p.name, p]));

/** A finished run under a policy, for the playground. */
export interface PolicyRun {
  readonly trace: TraceFile;
  readonly steps: readonly PageStep[];
  readonly replay: readonly string[];
}

/** The API of the global `threadsimPage`. */
export interface PageEngine {
  /** Names of the programs the page can run. */
  names(): string[];
  /** Add a program (typed into the playground, or a user's module bundled into an export) and return the name {@link PageEngine.live} knows it by. */
  register(program: Program): string;
  /** The program the page knows by `name` (see {@link PageEngine.names} and {@link PageEngine.register}). */
  program(name: string): Program;
  /** Run program `name` along `prefix`, then the default; see {@link runPrefix}. */
  live(name: string, prefix: readonly number[], recipe: ReplayRecipe): LiveRun;
  /** The replay lines of a schedule (the path taken) of program `name`. */
  replay(recipe: ReplayRecipe, schedule: readonly number[], threads: readonly string[]): string[];
  /** Evaluate playground source (JavaScript, `import ... from 'threadsim'` allowed) to a program. */
  compile(source: string): Program;
  /** Run a program under a policy and seed, recorded. */
  run(program: Program, policy: string, seed: number): PolicyRun;
  /** Sample `executions` random runs from `seed` and group them by final state and output. */
  histogram(program: Program, executions: number, seed: number): ExploreSummary;
  /** The puzzle of a recorded run: goal, hints, the check. */
  puzzle(trace: TraceFile): Puzzle;
  /** Export formats the page can produce by itself. */
  exportTrace(trace: TraceFile, format: 'json' | 'markdown' | 'mermaid' | 'svg'): string;
  readonly policies: readonly string[];
}

function named(name: string): Program {
  const p = programs.get(name);
  if (p === undefined) throw new Error(`this page holds no program called ${JSON.stringify(name)}`);
  return p;
}

/**
 * Playground source to a function body: `import { a, b } from 'threadsim'` becomes a
 * destructuring of the models, `export default X` becomes `return X`. Only these two module
 * forms are understood; the rest is plain JavaScript (no type annotations: the page has no
 * TypeScript compiler).
 */
export function toFunctionBody(source: string): string {
  return source
    .replace(/^\s*import\s*\{([^}]*)\}\s*from\s*['"]threadsim['"]\s*;?/gm, (_m, names: string) => `const {${names.replace(/\bas\b/g, ':')}} = threadsim;`)
    .replace(/^\s*import\s+\*\s+as\s+(\w+)\s+from\s*['"]threadsim['"]\s*;?/gm, (_m, name: string) => `const ${name} = threadsim;`)
    .replace(/^\s*export\s+default\s+/m, 'return ');
}

const api = { ...models, program: defineProgram };

export const engine: PageEngine = {
  names: () => [...programs.keys()],
  register(p) {
    const key = userProgramKey(p.name);
    programs.set(key, p);
    return key;
  },
  program: (name) => named(name),
  live: (name, prefix, recipe) => runPrefix(named(name), prefix, recipe),
  replay: (recipe, schedule, threads) => replayLines(recipe, { schedule, threads: threads.map((n) => ({ name: n })) }),
  compile(source) {
    // The playground's one use of eval: the user's own program, typed into the page.
    const made: unknown = new Function('threadsim', toFunctionBody(source))(api);
    if (!isProgram(made)) throw new Error('the program must end with `export default program(\'name\', function* main() { ... })`');
    return made;
  },
  run(p, policy, seed) {
    // Races detected and named as `threadsim run` does, so the page reports what the CLI would.
    const exec = execute(p, { policy: policyByName(policy), seed, record: true, monitor: new RaceMonitor({ patterns: true }) });
    const recipe: ReplayRecipe = { program: p.name, policy, seed };
    const file = toTraceFile(exec, recipe);
    const trace = { ...file, races: file.races ?? racesInTrace(file) };
    return { trace, steps: pageSteps(trace), replay: replayLines(recipe, exec) };
  },
  histogram: (p, executions, seed) => explore(p, { strategy: 'random', maxExecutions: executions, seed, histogram: true, shrink: false }),
  puzzle: (trace) => puzzleOf(trace),
  exportTrace(trace, format) {
    if (format === 'markdown') return exportMarkdown(trace);
    if (format === 'mermaid') return exportMermaid(trace);
    if (format === 'svg') return exportSvg(trace);
    // Not serializeTrace: its field order comes from the zod schema, which would add ~450 kB
    // to every page. Key order does not matter to `threadsim replay`, which reads this file.
    return `${JSON.stringify(trace, null, 1)}\n`;
  },
  policies: POLICY_NAMES,
};

(globalThis as { threadsimPage?: PageEngine }).threadsimPage = engine;
