/**
 * The browser bundle of the engine, models and built-in programs (dist/page/threadsim-page.js,
 * built by `npm run build` from src/browser/page.ts) as text, for pages to embed inline.
 * Found relative to this module, which sits three folders below the package root in both
 * src/ and dist/, so the clone's tests and the installed package read the same file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUNDLE = new URL('../../../dist/page/threadsim-page.js', import.meta.url);
let cached: string | undefined;

/** The bundle's script text; throws when the package was not built. */
export function pageBundle(): string {
  if (cached !== undefined) return cached;
  let text: string;
  try {
    text = readFileSync(fileURLToPath(BUNDLE), 'utf8');
  } catch {
    throw new Error(`threadsim's page bundle is missing at ${fileURLToPath(BUNDLE)}: run \`npm run build\` in the threadsim package`);
  }
  // Inline in a <script> element, the text must never close it early.
  if (/<\/script/i.test(text) || text.includes('<!--')) throw new Error('the page bundle contains "</script" or "<!--" and cannot be inlined');
  cached = text.trimEnd();
  return cached;
}
