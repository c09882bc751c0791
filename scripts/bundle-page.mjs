// Builds the browser bundles: src/browser/page.ts (the engine, the models and the built-in
// programs, embedded by the HTML export) and src/browser/playground.ts (the same plus the
// Python front end, embedded by the playground), each one minified script that defines the
// global `threadsimPage`. Run by `npm run build` after tsc. esbuild is a devDependency: the
// published package ships the built bundle, so users never need it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const options = {
  absWorkingDir: root,
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
};

await build({ ...options, entryPoints: ['src/browser/page.ts'], outfile: 'dist/page/threadsim-page.js' });
// The playground's: the page engine plus the Python front end (parser, checker, compiler).
await build({ ...options, entryPoints: ['src/browser/playground.ts'], outfile: 'dist/page/threadsim-playground.js' });
