/**
 * The browser bundles as text, for pages to embed inline: the engine, models and built-in
 * programs (dist/page/threadsim-page.js, from src/browser/page.ts) and the playground's, which
 * adds the Python front end (dist/page/threadsim-playground.js, from src/browser/playground.ts),
 * both built by `npm run build`; and the built-in Python programs the playground starts from.
 * Found relative to this module, which sits three folders below the package root in both src/
 * and dist/, so the clone's tests and the installed package read the same files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cached = new Map<string, string>();

/** A file of the built package (`dist/...`), read once; throws when the package was not built. */
function built(path: string, what: string): string {
  let text = cached.get(path);
  if (text !== undefined) return text;
  const url = new URL(`../../../${path}`, import.meta.url);
  try {
    text = readFileSync(fileURLToPath(url), 'utf8');
  } catch {
    throw new Error(`threadsim's ${what} is missing at ${fileURLToPath(url)}: run \`npm run build\` in the threadsim package`);
  }
  cached.set(path, text);
  return text;
}

function script(path: string, what: string): string {
  const text = built(path, what);
  // Inline in a <script> element, the text must never close it early.
  if (/<\/script/i.test(text) || text.includes('<!--')) throw new Error(`the ${what} contains "</script" or "<!--" and cannot be inlined`);
  return text.trimEnd();
}

/** The page bundle's script text; throws when the package was not built. */
export function pageBundle(): string {
  return script('dist/page/threadsim-page.js', 'page bundle');
}

/** The playground bundle's script text (the page bundle plus the Python front end). */
export function playgroundBundle(): string {
  return script('dist/page/threadsim-playground.js', 'playground bundle');
}

/** The source of the built-in Python program at `path` under dist/python-programs (`tutorial/race.py`). */
export function builtinPythonSource(path: string): string {
  return built(`dist/python-programs/${path}`, `Python program ${path}`);
}
