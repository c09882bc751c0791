/**
 * A user's program module bundled with the engine for an HTML export, so the page runs that
 * program live as it does a built-in. Needs esbuild, which threadsim lists as a
 * devDependency only: where it is installed (a clone of threadsim, or a project that has
 * esbuild), the page gets the module; elsewhere the export falls back to precomputed runs and
 * the page says so. `import ... from 'threadsim'` in the module resolves to
 * src/browser/api.ts, the browser-safe part of the API.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where a browser module of threadsim lives: the sources in a clone, else the compiled package. */
function browserModule(name: string): string {
  const source = resolve(PACKAGE, 'src', 'browser', `${name}.ts`);
  return existsSync(source) ? source : resolve(PACKAGE, 'dist', 'browser', `${name}.js`);
}

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] };
}

/** The bundle's script, or why there is none (one line). */
export function moduleBundle(file: string): { readonly script: string } | { readonly reason: string } {
  let esbuild: Esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
  } catch {
    return { reason: 'esbuild is not installed here' };
  }
  const entry = [
    `import { engine } from ${JSON.stringify(browserModule('page'))};`,
    `import * as m from ${JSON.stringify(resolve(file))};`,
    'engine.register(m.default !== undefined ? m.default : m.program);',
  ].join('\n');
  try {
    const out = esbuild.buildSync({
      stdin: { contents: entry, resolveDir: dirname(resolve(file)), loader: 'ts', sourcefile: 'threadsim-page-entry.ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      minify: true,
      write: false,
      alias: { threadsim: browserModule('api') },
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
    });
    const script = out.outputFiles[0]?.text.trimEnd() ?? '';
    if (/<\/script|<!--/i.test(script)) return { reason: 'the bundled module contains "</script" or "<!--"' };
    return { script };
  } catch (e) {
    return { reason: `it does not bundle for the browser: ${firstError(e)}` };
  }
}

/**
 * esbuild's first error with its file, e.g. `Could not resolve "node:fs" (dist/x.js)`: its
 * message starts "Build failed with 10 errors:", which says nothing on its own.
 */
export function firstError(e: unknown): string {
  const first = (e as { errors?: readonly { text?: string; location?: { file?: string } | null }[] }).errors?.[0];
  if (first?.text !== undefined) {
    const file = first.location?.file;
    const where = file === undefined ? '' : ` (${file})`;
    // Nodes' built-ins reached from the module: it imports threadsim's files by path, or Node APIs of its own.
    const hint = /Could not resolve "node:/.test(first.text) ? '; import threadsim as \'threadsim\', and keep Node APIs out of the program' : '';
    return `${first.text}${where}${hint}`;
  }
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n').find((l) => /ERROR:/.test(l))?.trim() ?? message.split('\n')[0] ?? 'esbuild failed';
}
