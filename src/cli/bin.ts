/**
 * The `threadsim` executable's body: runs the CLI and sets the exit code. TypeScript program
 * files are loaded through tsx, registered only when such a file is named.
 */
import { setTypeScriptLoader } from './load.js';
import { main } from './main.js';

setTypeScriptLoader(async () => (await import('./ts-loader.js')).registerTsx());
process.exitCode = await main(process.argv.slice(2));
