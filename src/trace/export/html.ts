/**
 * HTML export: one self-contained page that plays a trace. No network: the stylesheet, the
 * script, the data and the timeline SVG are inline, and the page's Content-Security-Policy
 * allows nothing else (no fetch, no images, no other script than the page's own, identified by
 * its hash), so even a string that escaped every other defence could not load or run anything.
 *
 * Two modes: play the recorded trace step by step (buttons and arrow keys: lanes, shared state,
 * log, the race), and "you are the scheduler", which walks a {@link ChoiceTree} computed in
 * Node (the page cannot run the program). Data travels as JSON in a
 * `<script type="application/json">` element with `<` escaped; the script inserts every string
 * with textContent.
 */
import { createHash } from 'node:crypto';
import { packTree, type ChoiceTree, type PackedTree } from '../choice-tree.js';
import type { TraceFile } from '../format.js';
import { replayLines } from '../replay-command.js';
import { escapeXml, jsonForScript } from './escape.js';
import { pageSteps } from './page-steps.js';
import { PLAYER_SCRIPT } from './player-script.js';
import { PLAYER_STYLE } from './player-style.js';
import { exportSvg } from './svg.js';

/** Options of {@link exportHtml}. */
export interface HtmlOptions {
  /** The program's choices, for the "you are the scheduler" mode; without it the mode explains how to get it. */
  readonly tree?: ChoiceTree;
}

/** The page's data, as the script reads it. */
interface PageData {
  readonly trace: {
    readonly threads: readonly string[];
    readonly initialState: unknown;
    readonly steps: ReturnType<typeof pageSteps>;
  };
  readonly tree: PackedTree | null;
}

/** The trace as a standalone HTML page. */
export function exportHtml(trace: TraceFile, options: HtmlOptions = {}): string {
  const data: PageData = {
    trace: { threads: trace.threads.map((t) => t.name), initialState: trace.initialState ?? {}, steps: pageSteps(trace) },
    tree: options.tree === undefined ? null : packTree(options.tree),
  };
  const scriptHash = createHash('sha256').update(PLAYER_SCRIPT, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const r = trace.recipe;
  const title = `threadsim: ${r.program}`;
  const failures = trace.failures.map((f) => `<li>${escapeXml(f.message)}</li>`).join('');
  const replay = replayLines(r, trace)
    .map((l) => `<p><code>${escapeXml(l)}</code></p>`)
    .join('');
  const tree = options.tree;
  const treeNote =
    tree === undefined
      ? '<p class="muted">This page was exported without the program’s choices. Export it from the program (<code>threadsim export --format html</code> with the program available) to play the scheduler.</p>'
      : `<p class="hint">Pick the thread that runs next at every point where more than one can run; steps where only one thread can run happen by themselves. Keys: 1–9 pick, ← or Backspace undoes. This page holds ${tree.executions} precomputed runs${tree.unexplored > 0 ? `; ${tree.unexplored} choices beyond that bound are shown greyed out` : ', every choice of the program'}.</p>`;
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
<p class="meta">policy ${escapeXml(r.policy)}, seed ${r.seed}: ${trace.steps.length} steps, ${escapeXml(trace.ending)}${trace.description === undefined ? '' : ` — ${escapeXml(trace.description)}`}</p>
${failures === '' ? '' : `<ul class="failures">${failures}</ul>`}
</header>
<nav class="tabs" role="tablist">
<button id="tab-player" role="tab" aria-selected="true">Play the trace</button>
<button id="tab-scheduler" role="tab" aria-selected="false">You are the scheduler</button>
</nav>
<main>
<section id="player">
<div class="controls">
<button id="start" title="first step (Home)">« first</button>
<button id="back" title="step back (←)">◀ back</button>
<label>step <input id="pos-input" type="number" min="0" max="${trace.steps.length}" value="0"></label>
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
<details id="timeline-box" open><summary>Timeline on the virtual clock</summary><div id="timeline">${exportSvg(trace)}</div></details>
</section>
<section id="scheduler" hidden>
${treeNote}
<div id="choices" class="choices"></div>
<div class="controls"><button id="undo">↶ undo last choice</button><button id="restart">restart</button></div>
<div id="outcome" class="outcome"></div>
<div id="replay" class="replay"></div>
<div class="now"></div>
<div class="lanes"></div>
<div class="columns">
<div class="state"><h2>Shared state</h2><table><tbody></tbody></table></div>
<div><h2>Log</h2><div class="log"></div></div>
</div>
</section>
</main>
<footer>
<p>Replay the recorded run:</p>
${replay}
</footer>
<script type="application/json" id="ts-data">${jsonForScript(data)}</script>
<script>${PLAYER_SCRIPT}</script>
</body>
</html>
`;
}
