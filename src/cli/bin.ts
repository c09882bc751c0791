/**
 * The `threadsim` executable's body: runs the CLI and sets the exit code. TypeScript program
 * files are loaded through tsx, registered only when such a file is named.
 */
import { ThreadsimError } from '../errors.js';
import { setTypeScriptLoader } from './load.js';
import { main } from './main.js';

setTypeScriptLoader(async () => {
  let api: { register: () => unknown };
  try {
    api = (await import('tsx/esm/api')) as { register: () => unknown };
  } catch {
    throw new ThreadsimError(
      'TSIM005',
      'cannot load a TypeScript program: the tsx loader is not installed',
      'Install it beside threadsim (npm install --save-dev tsx), or compile the program to .js/.mjs first.',
    );
  }
  api.register();
});
process.exitCode = await main(process.argv.slice(2));
