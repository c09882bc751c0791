/** Registers tsx so that TypeScript program files can be imported (in this thread). */
import { ThreadsimError } from '../errors.js';

/** Register tsx's ESM loader; a one-line error when tsx is not installed. */
export async function registerTsx(): Promise<void> {
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
}
