/**
 * The playground: one self-contained page (written or served by `threadsim playground`) where
 * a program is edited, run under any policy and seed, sampled into a histogram, stepped through
 * with the player (both modes, the scheduler one live), and exported. A program is JavaScript
 * (threadsim's API) or Python (a `.py` file as CPython 3.11 runs it; the page starts it from
 * py/race). The engine bundle (with the Python front end), the
 * player and the playground scripts are inline, allowed by hash; the CSP adds 'unsafe-eval'
 * because the page compiles the program typed into it (and only that) with `new Function`.
 * Nothing is fetched: connect-src, img-src and every other source stay 'none'.
 */
import { createHash } from 'node:crypto';
import { escapeXml } from './escape.js';
import { playerSections } from './html.js';
import { builtinPythonSource, playgroundBundle } from './page-bundle.js';
import { PLAYER_SCRIPT } from './player-script.js';
import { PLAYER_STYLE } from './player-style.js';
import { PLAYGROUND_SCRIPT } from './playground-script.js';
import { PLAYGROUND_SOURCE } from './playground-source.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

const STYLE = `
.pg-editor { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14rem, 1fr); gap: 1rem; }
#pg-source { width: 100%; min-height: 22rem; font: 13px/1.4 "DejaVu Sans Mono", monospace; tab-size: 2; }
.pg-side label { display: block; margin: .3rem 0; }
.pg-side select, .pg-side input { font: inherit; max-width: 100%; }
.pg-side button { font: inherit; padding: .3rem .7rem; border: 1px solid var(--ink); background: #fff; border-radius: 4px; cursor: pointer; margin: .2rem .2rem .2rem 0; }
#pg-error { color: var(--race); border: 2px solid var(--race); padding: .4rem .7rem; white-space: pre-wrap; overflow-wrap: anywhere; }
#pg-summary { font-weight: bold; overflow-wrap: anywhere; }
table.histogram { border-collapse: collapse; margin: .4rem 0 .8rem; width: 100%; }
table.histogram th, table.histogram td { text-align: left; border-bottom: 1px solid var(--line); padding: .2rem .4rem; font-size: .85rem; overflow-wrap: anywhere; }
table.histogram .outcome-text { font-family: "DejaVu Sans Mono", monospace; white-space: pre-wrap; }
table.histogram .bar { width: 30%; }
table.histogram .fill { display: block; height: .8rem; background: var(--accent); }
#pg-export { width: 100%; min-height: 8rem; font: 12px/1.35 "DejaVu Sans Mono", monospace; }
`;

/** The playground page. */
export function playgroundHtml(): string {
  const bundle = playgroundBundle();
  const pythonStarter = builtinPythonSource('tutorial/race.py');
  const scripts = [bundle, PLAYER_SCRIPT, PLAYGROUND_SCRIPT].map((s) => `'sha256-${sha256(s)}'`).join(' ');
  const csp = `default-src 'none'; script-src ${scripts} 'unsafe-eval'; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const sections = playerSections({ recordedMeta: '', failures: '', maxStep: 0, timeline: '', replay: '', goal: '', howTo: '' });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="threadsim">
<title>threadsim playground</title>
<style>${PLAYER_STYLE}${STYLE}</style>
</head>
<body>
<header>
<h1>threadsim playground</h1>
<p class="meta">Write a program (JavaScript: threadsim’s TypeScript API without type annotations; or Python: a <code>.py</code> file as CPython 3.11 runs it), run it under a policy and seed, sample many runs, step through one, and be its scheduler. Everything runs in this page; nothing is sent anywhere.</p>
</header>
<section class="pg-editor">
<div><textarea id="pg-source" spellcheck="false" aria-label="program source">${escapeXml(PLAYGROUND_SOURCE)}</textarea></div>
<div class="pg-side">
<label>program <select id="pg-program"><option value="">the code on the left</option></select></label>
<label>language <select id="pg-language"><option value="js">JavaScript</option><option value="py">Python (.py)</option></select></label>
<label id="pg-switch-label" hidden>switching <select id="pg-switch"><option value="cpython">CPython 3.11 check points</option><option value="any">any shared access</option></select></label>
<label>policy <select id="pg-policy"></select></label>
<label>seed <input id="pg-seed" type="number" min="0" value="0"></label>
<button id="pg-run" title="Ctrl+Enter in the editor">▶ run</button>
<label>runs to sample <input id="pg-executions" type="number" min="1" value="200"></label>
<button id="pg-hist">histogram</button>
<p class="hint">Export the run shown:</p>
<button id="pg-export-json">trace JSON</button><button id="pg-export-markdown">Markdown</button><button id="pg-export-mermaid">Mermaid</button><button id="pg-export-svg">SVG</button>
<a id="pg-download" hidden>download</a>
</div>
</section>
<div id="pg-error" hidden></div>
<p id="pg-summary"></p>
<div id="pg-histogram"></div>
<textarea id="pg-export" readonly aria-label="export" placeholder="exports appear here"></textarea>
<div id="pg-player"></div>
<template id="pg-template">${sections}</template>
<textarea id="pg-starter-js" hidden readonly aria-hidden="true">${escapeXml(PLAYGROUND_SOURCE)}</textarea>
<textarea id="pg-starter-py" hidden readonly aria-hidden="true">${escapeXml(pythonStarter)}</textarea>
<script>${bundle}</script>
<script>${PLAYER_SCRIPT}</script>
<script>${PLAYGROUND_SCRIPT}</script>
</body>
</html>
`;
}
