// Builds the browser bundle the HTML export and the playground embed: src/browser/page.ts with
// the engine, the models and the built-in programs, as one minified script that defines the
// global `threadsimPage`. Run by `npm run build` after tsc. esbuild is a devDependency: the
// published package ships the built bundle, so users never need it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['src/browser/page.ts'],
  outfile: 'dist/page/threadsim-page.js',
  bundle: true,
  // platform browser: Node built-ins fail the build instead of being left as imports, and
  // package.json's `browser` field swaps in site-browser.ts for the Node-only code sites.
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
});
