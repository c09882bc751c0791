/**
 * `npm run screenshots`: PNG screenshots of each export of tutorial/race, written to
 * docs/screenshots/ and shown in docs/screenshots.md. Rendered by Debian's chromium through
 * playwright-core (THREADSIM_CHROMIUM names another binary); Mermaid by its own bundle from
 * node_modules, so nothing is fetched. `npm run screenshots -- --out DIR` writes elsewhere.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { builtin } from '../src/examples/index.js';
import { goldenTrace } from '../src/trace/golden.js';
import { renderExport } from '../src/trace/export/index.js';
import { escapeXml } from '../src/trace/export/escape.js';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const root = dirname(fileURLToPath(import.meta.url));
const out = resolve(outIndex >= 0 && args[outIndex + 1] !== undefined ? args[outIndex + 1]! : join(root, '..', 'docs', 'screenshots'));
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const program = builtin('tutorial/race')!;
const trace = goldenTrace(program);
const work = mkdtempSync(join(tmpdir(), 'threadsim-shots-'));

/** One screenshot: a file name, what it shows, and how to draw it in the page. */
interface Shot {
  readonly file: string;
  readonly caption: string;
  readonly command: string;
  readonly draw: (page: Page) => Promise<void>;
  /** Shoot the whole window (a page), not the picture or text in it. */
  readonly page?: boolean;
}

const open = async (page: Page, name: string, content: string): Promise<void> => {
  const path = join(work, name);
  writeFileSync(path, content);
  await page.goto(pathToFileURL(path).href);
};
const svgPage = (svg: string): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}</style></head><body>${svg}</body></html>`;
const textPage = (text: string): string =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff} pre{margin:0;padding:16px;font:15px/1.45 "DejaVu Sans Mono",monospace;white-space:pre-wrap;max-width:1200px}</style></head><body><pre>${escapeXml(text)}</pre></body></html>`;
const mermaidPage = async (page: Page, source: string): Promise<void> => {
  await open(page, 'mermaid.html', '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}</style></head><body><div id="out"></div></body></html>');
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(async (text) => {
    const g = globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> }; document: { getElementById(id: string): { innerHTML: string } } };
    g.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    g.document.getElementById('out').innerHTML = (await g.mermaid.render('d', text)).svg;
  }, source);
};

const shots: Shot[] = [
  { file: 'race-svg.png', caption: 'SVG timeline of the whole run', command: 'threadsim export race.json -f svg', draw: (p) => open(p, 'a.html', svgPage(renderExport(trace, 'svg'))) },
  { file: 'race-svg-focus.png', caption: 'SVG timeline of the race alone (steps 9..19)', command: 'threadsim export race.json -f svg --focus race', draw: (p) => open(p, 'b.html', svgPage(renderExport(trace, 'svg', { focus: 'race' }))) },
  { file: 'race-mermaid-focus.png', caption: 'Mermaid sequence diagram of the race, as GitHub renders the Markdown export', command: 'threadsim export race.json -f mermaid --focus race', draw: (p) => mermaidPage(p, renderExport(trace, 'mermaid', { focus: 'race' })) },
  { file: 'race-mermaid.png', caption: 'Mermaid sequence diagram of the whole run', command: 'threadsim export race.json -f mermaid', draw: (p) => mermaidPage(p, renderExport(trace, 'mermaid')) },
  { file: 'race-markdown.png', caption: 'Markdown export (source) of the race steps', command: 'threadsim export race.json -f markdown --focus race', draw: (p) => open(p, 'c.html', textPage(renderExport(trace, 'markdown', { focus: 'race' }).split('### Sequence diagram')[0]!)) },
  { file: 'race-slides.png', caption: 'Slides export (source): the lost-write slide', command: 'threadsim export race.json -f slides', draw: (p) => open(p, 'd.html', textPage(renderExport(trace, 'slides').split('\n\n---\n\n')[3]!)) },
  { file: 'race-text.png', caption: 'Text export: the log lines as Python prints them', command: 'threadsim export race.json -f text', draw: (p) => open(p, 'e.html', textPage(renderExport(trace, 'text'))) },
  { file: 'race-html.png', caption: 'HTML player', command: 'threadsim export race.json -f html', draw: (p) => open(p, 'f.html', renderExport(trace, 'html', { program })), page: true },
  {
    file: 'race-html-focus.png',
    caption: 'HTML player of the race alone (steps 9..19), at the lost write',
    command: 'threadsim export race.json -f html --focus race',
    draw: async (p) => {
      await open(p, 'g.html', renderExport(trace, 'html', { program, focus: 'race' }));
      await p.fill('#pos-input', '12');
      await p.press('#pos-input', 'Enter');
    },
    page: true,
  },
  {
    file: 'race-slides-html.png',
    caption: 'HTML slide deck: the interleaving slide',
    command: 'threadsim export race.json -f slides-html',
    draw: async (p) => {
      await open(p, 'h.html', renderExport(trace, 'slides-html'));
      await p.keyboard.press('ArrowRight');
      await p.keyboard.press('ArrowRight');
    },
    page: true,
  },
];

const browser = await chromium.launch({ executablePath: process.env.THREADSIM_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  mkdirSync(out, { recursive: true });
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await shot.draw(page);
    const target = (await page.locator('body > svg, #out > svg').count()) > 0 ? page.locator('body > svg, #out > svg').first() : page.locator('pre').first();
    // Written beside the target and renamed: a failed run never leaves half a picture.
    const tmp = join(out, `.tmp-${shot.file}`);
    await (shot.page === true ? page.screenshot({ path: tmp, timeout: 60_000 }) : target.screenshot({ path: tmp, timeout: 60_000 }));
    renameSync(tmp, join(out, shot.file));
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
const md = [
  '# Screenshots of the exports of tutorial/race',
  '',
  'Written by `npm run screenshots` (Chromium through playwright-core) from the golden run of',
  '`tutorial/race` (gil, seed 0). The step numbers are the ones the CLI report prints: the',
  'racing read is step 9, the lost write step 12, the stale write step 19.',
  '',
  ...shots.flatMap((s) => [`## ${s.caption}`, '', `\`${s.command}\``, '', `![${s.caption}](screenshots/${s.file})`, '']),
];
writeFileSync(join(out, '..', 'screenshots.md'), `${md.join('\n')}`);
process.stdout.write(`wrote ${shots.length} screenshots to ${out}\n`);
