/**
 * HTML export: one self-contained page that plays a trace. No network: the stylesheet, the
 * scripts, the data and the timeline SVG are inline, and the page's Content-Security-Policy
 * allows nothing else (no fetch, no images, no script but the page's own two, identified by
 * their hashes), so even a string that escaped every other defence could not load or run
 * anything.
 *
 * Two modes: play the recorded trace step by step (buttons and arrow keys: lanes, shared state,
 * log, every race), and "you are the scheduler", a puzzle: a goal taken from the recorded run,
 * the choices, hints, and a reveal of the recorded failing run, which stays hidden until asked.
 * For a built-in program the page embeds the engine bundle (src/browser/page.ts) and runs the
 * real program after every pick, so every choice is open and the path can go on for as long
 * as the program does. A user's module file is bundled with the engine when esbuild is
 * installed (see module-bundle.ts); otherwise the page falls back to a {@link ChoiceTree}
 * computed in Node, whose bound and reason the page states.
 *
 * Data travels as JSON in a `<script type="application/json">` element with `<` escaped; the
 * script inserts every string with textContent.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { userProgramKey } from '../../browser/keys.js';
import type { Program } from '../../scheduler/program.js';
import { builtin } from '../../examples/index.js';
import { buildChoiceTree, packTree, type ChoiceTree, type PackedTree } from '../choice-tree.js';
import type { TraceFile } from '../format.js';
import { replayLines, type ReplayRecipe } from '../replay-command.js';
import { escapeXml, jsonForScript } from './escape.js';
import { moduleBundle } from './module-bundle.js';
import { pageBundle } from './page-bundle.js';
import { pageSteps } from './page-steps.js';
import { PLAYER_SCRIPT } from './player-script.js';
import { PLAYER_STYLE } from './player-style.js';
import { puzzleOf, type Puzzle } from './puzzle.js';
import { exportSvg } from './svg.js';
import { windowCaption, type ExportWindow } from './window.js';

/** Options of {@link exportHtml}. */
export interface HtmlOptions {
  /**
   * The traced program. A built-in one is run live in the page by the embedded engine; any
   * other gets a precomputed {@link ChoiceTree} (bounded) for the "you are the scheduler" mode.
   */
  readonly program?: Program;
  /** A precomputed choice tree, used when the page cannot run the program itself. */
  readonly tree?: ChoiceTree;
  /**
   * An excerpt (`--steps`, `--threads`, `--focus`): the player shows only these steps, under
   * their numbers in the whole trace, and only these threads' lanes; the scheduler mode starts
   * at the window's first step, the steps before it run as recorded.
   */
  readonly window?: ExportWindow;
  /** The timeline draws accesses as glyphs (their values in its footnote and on hover), for long traces. */
  readonly compact?: boolean;
}

/** The excerpt as the page script reads it. */
interface PageWindow {
  readonly from: number;
  readonly to: number;
  readonly lanes: readonly number[];
  readonly folded: readonly number[];
}

/** The page's data, as the script reads it. */
interface PageData {
  readonly trace: {
    readonly threads: readonly string[];
    readonly initialState: unknown;
    readonly steps: ReturnType<typeof pageSteps>;
  };
  /** The recipe the scheduler mode's replay lines start from (policy and seed dropped). */
  readonly recipe: ReplayRecipe;
  /** Name of the program the embedded engine runs live, or null. */
  readonly live: string | null;
  readonly tree: PackedTree | null;
  readonly puzzle: Puzzle;
  /** The excerpt the player shows, or null for the whole run. */
  readonly window: PageWindow | null;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/** True when the bundle embedded in every page holds `program` itself (same object, by name). */
function inBundle(program: Program): boolean {
  return builtin(program.name) === program;
}

/** How the page plays the scheduler: the engine runs the program live, or precomputed runs, or nothing. */
interface Plan {
  readonly live: string | null;
  /** The engine bundle to embed (with the user's module when there is one). */
  readonly script: string | null;
  readonly tree?: ChoiceTree;
  /** Why a user's module is not in the page, when it is not. */
  readonly why?: string;
}

function plan(trace: TraceFile, options: HtmlOptions): Plan {
  const program = options.program;
  if (program === undefined) return options.tree === undefined ? { live: null, script: null } : { live: null, script: null, tree: options.tree };
  if (inBundle(program)) return { live: program.name, script: pageBundle() };
  // A module file: bundle the file the program was loaded from (never a path the trace names,
  // which is data from anyone) with the engine, when esbuild is here.
  const file = program.module;
  const bundled = file !== undefined && existsSync(file) ? moduleBundle(file) : { reason: 'its module file is not known here' };
  if ('script' in bundled) return { live: userProgramKey(program.name), script: bundled.script };
  return { live: null, script: null, tree: options.tree ?? buildChoiceTree(program, trace), why: bundled.reason };
}

/** True when the program states a claim or an invariant: something a schedule can make fail. */
function hasClaims(program: Program): boolean {
  return Object.keys(program.options.claims ?? {}).length + Object.keys(program.options.invariants ?? {}).length > 0;
}

/** The trace as a standalone HTML page. */
export function exportHtml(trace: TraceFile, options: HtmlOptions = {}): string {
  const { live, script, tree, why } = plan(trace, options);
  const r = trace.recipe;
  const w = options.window;
  const data: PageData = {
    trace: { threads: trace.threads.map((t) => t.name), initialState: trace.initialState ?? {}, steps: pageSteps(trace) },
    recipe: { program: r.program, policy: 'gil', seed: r.seed, ...(r.maxSteps === undefined ? {} : { maxSteps: r.maxSteps }), ...(r.cpuCount === undefined ? {} : { cpuCount: r.cpuCount }) },
    live,
    tree: tree === undefined ? null : packTree(tree),
    puzzle: puzzleOf(trace, options.program === undefined ? {} : { claims: hasClaims(options.program) }),
    window: w === undefined ? null : { from: w.from, to: w.to, lanes: w.lanes, folded: w.folded },
  };
  const scripts = [PLAYER_SCRIPT, ...(script === null ? [] : [script])].map((s) => `'sha256-${sha256(s)}'`).join(' ');
  const csp = `default-src 'none'; script-src ${scripts}; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const title = `threadsim: ${r.program}`;
  const failures = trace.failures.map((f) => `<li>${escapeXml(f.message)}</li>`).join('');
  const replay = replayLines(r, trace)
    .map((l) => `<p><code>${escapeXml(l)}</code></p>`)
    .join('');
  const howTo =
    live !== null
      ? '<p class="hint">Pick the thread that runs next at every point where more than one can run; steps where only one thread can run happen by themselves. The page runs the real program after every pick, so every choice is open. Keys: 1–9 pick, ← or Backspace undoes.</p>'
      : tree !== undefined
        ? `<p class="hint">Pick the thread that runs next at every point where more than one can run. Keys: 1–9 pick, ← or Backspace undoes. This page cannot run this program (threadsim’s built-in programs travel inside the page, and a module file does when esbuild is installed where you export; here ${escapeXml(why ?? 'it was given as precomputed runs')}), so it holds ${tree.executions} runs precomputed by <code>threadsim export</code>${tree.unexplored > 0 ? `; ${tree.unexplored} choices beyond that bound are shown greyed out` : ', every choice of the program'}.</p>`
        : '<p class="muted">This page was exported without the program. Export it from the program (<code>threadsim export --format html</code> with the program available) to play the scheduler.</p>';
  const puzzle = data.puzzle;
  const recordedMeta = `policy ${escapeXml(r.policy)}, seed ${r.seed}: ${trace.steps.length} steps (0 to ${Math.max(0, trace.steps.length - 1)}), ${escapeXml(trace.ending)}`;
  const excerpt = w === undefined ? '' : `<p class="excerpt" id="window-caption">${escapeXml(windowCaption(trace, w))}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="threadsim">
<title>${escapeXml(title)}</title>
<style>${PLAYER_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeXml(r.program)}</h1>
<p class="meta">${trace.description === undefined ? '' : escapeXml(trace.description)}</p>
</header>
${playerSections({ recordedMeta, excerpt, failures, maxStep: Math.max(0, trace.steps.length - 1), timeline: exportSvg(trace, { ...(w === undefined ? {} : { window: w }), ...(options.compact === true ? { compact: true } : {}) }), replay, goal: escapeXml(puzzle.goal), howTo })}
<script type="application/json" id="ts-data">${jsonForScript(data)}</script>
${script === null ? '' : `<script>${script}</script>\n`}<script>${PLAYER_SCRIPT}</script>
</body>
</html>
`;
}

/** The markup parts of {@link playerSections}, each already HTML (escaped). */
export interface PlayerParts {
  readonly recordedMeta: string;
  /** What an excerpt shows and leaves out (a `<p>`), or empty for the whole run. */
  readonly excerpt?: string;
  /** `<li>` items. */
  readonly failures: string;
  readonly maxStep: number;
  readonly timeline: string;
  /** `<p><code>` replay lines. */
  readonly replay: string;
  readonly goal: string;
  readonly howTo: string;
}

/**
 * The tabs and the two sections the player script mounts on, shared with the playground
 * (which fills the slots with ids, such as #recorded-meta, after every run).
 */
export function playerSections(p: PlayerParts): string {
  return `<nav class="tabs" role="tablist">
<button id="tab-player" role="tab" aria-selected="true">Play the trace</button>
<button id="tab-scheduler" role="tab" aria-selected="false">You are the scheduler</button>
</nav>
<main>
<section id="player">
<p class="meta">The recorded run: <span id="recorded-meta">${p.recordedMeta}</span></p>
${p.excerpt ?? ''}<ul class="failures" id="recorded-failures">${p.failures}</ul>
<div class="controls">
<button id="start" title="first step (Home)">« first</button>
<button id="back" title="step back (←)">◀ back</button>
<label>step <input id="pos-input" type="number" min="0" max="${p.maxStep}" value="" placeholder="start"></label>
<button id="fwd" title="step forward (→)">forward ▶</button>
<button id="end" title="last step (End)">last »</button>
<span class="hint">keys: ← → Home End</span>
</div>
<div class="now"></div>
<div id="player-race" class="banner" hidden></div>
<div class="lanes"></div>
<div class="columns">
<div class="state"><h2>Shared state</h2><table><tbody></tbody></table></div>
<div><h2>Log</h2><div class="log"></div></div>
</div>
<details id="timeline-box" open><summary>Timeline on the virtual clock</summary><div id="timeline">${p.timeline}</div></details>
<div class="replay-recorded">
<p>Replay the recorded run:</p>
<div id="recorded-replay">${p.replay}</div>
</div>
</section>
<section id="scheduler" hidden>
<p id="goal" class="goal"><strong>Goal:</strong> <span id="goal-text">${p.goal}</span></p>
<div id="how-to">${p.howTo}</div>
<p id="sched-start" class="hint" hidden></p>
<div id="choices" class="choices"></div>
<div class="controls"><button id="undo">↶ undo last choice</button><button id="restart">restart</button><button id="hint">hint</button><button id="reveal">reveal the recorded run</button></div>
<div id="hints" class="hints"></div>
<div id="outcome" class="outcome"></div>
<div id="replay" class="replay"></div>
<div id="answer" class="answer" hidden>
<h2>The recorded run</h2>
<p class="meta" id="answer-meta">${p.recordedMeta}</p>
<ul class="failures" id="answer-failures">${p.failures === '' ? '<li>No failure.</li>' : p.failures}</ul>
<div id="answer-replay">${p.replay}</div>
<button id="play-answer">play it step by step</button>
</div>
<div class="now"></div>
<div class="lanes"></div>
<div class="columns">
<div class="state"><h2>Shared state</h2><table><tbody></tbody></table></div>
<div><h2>Log</h2><div class="log"></div></div>
</div>
</section>
</main>`;
}
