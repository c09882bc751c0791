/**
 * The playground's engine: the page engine (page.ts) plus the Python front end, so Python
 * source typed into the playground runs under the same policies, seeds, histogram, player and
 * exports as JavaScript. A bundle of its own (dist/page/threadsim-playground.js): the parser
 * and interpreter stay out of the HTML exports, which embed the page bundle alone.
 *
 * Like page.ts, it imports no Node API: the Python programs compile with `new Function`
 * (src/python/compile.ts), which the playground's CSP allows for the program typed into it.
 */
import { engine, type PageEngine } from './page.js';
import type { SwitchRule } from '../python/interp.js';
import { pythonProgram } from '../python/program.js';
import type { Program } from '../scheduler/program.js';

/** The API of the global `threadsimPage` in the playground. */
export interface PlaygroundEngine extends PageEngine {
  /**
   * Parse, check and wrap Python source (the contents of `file`) as a program; the switching
   * rule as `--switch` sets it. Throws a `PySourceError` listing its syntax error or every
   * construct threadsim cannot run, one `file:line:col` line each.
   */
  compilePython(source: string, file: string, rule: SwitchRule): Program;
}

export const playgroundEngine: PlaygroundEngine = Object.assign(engine, {
  compilePython(source: string, file: string, rule: SwitchRule): Program {
    // Named as the CLI names a file run with `--switch any`, so the replay line runs it the same way.
    return pythonProgram(source, file, { switchRule: rule, name: rule === 'any' ? `${file}@any` : file });
  },
});

(globalThis as { threadsimPage?: PlaygroundEngine }).threadsimPage = playgroundEngine;
