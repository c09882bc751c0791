/**
 * The program loader exploration workers import (see cli/workers/pool.ts): the
 * CLI's own loader, with tsx registered in the worker's thread for TypeScript programs, as
 * the command-line entry registers it in the main thread.
 */
import { loadProgram, setTypeScriptLoader } from './load.js';
import { registerTsx } from './ts-loader.js';

setTypeScriptLoader(registerTsx);

export { loadProgram };
