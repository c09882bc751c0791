/**
 * `threadsim playground [-o FILE] [--serve [--port N]]`: write the playground page (one
 * self-contained HTML file that runs the engine in the browser), or serve it on 127.0.0.1
 * until interrupted. The page is the same either way; serving only saves opening a file.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { ThreadsimError } from '../errors.js';
import { writeFileAtomic } from './io.js';

/** Options of `threadsim playground`. */
export interface PlaygroundArgs {
  readonly output: string;
  readonly force: boolean;
  readonly serve: boolean;
  readonly port: number;
}

/** Write the page (exit 0), or serve it until the process is interrupted. */
export async function playgroundCommand(args: PlaygroundArgs, out: (line: string) => void): Promise<number> {
  // The page (and the engine bundle it embeds) loads only when this command runs.
  const { playgroundHtml } = await import('../trace/export/playground.js');
  const page = playgroundHtml();
  if (!args.serve) {
    writeFileAtomic(args.output, page, args.force);
    out(`wrote the playground to ${args.output} (${Math.round(page.length / 1024)} kB, works offline): open ${pathToFileURL(resolve(args.output)).href}`);
    return 0;
  }
  // node:http loads only to serve: main.ts imports this module for every command.
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/' && req.url !== '/index.html')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(page);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(new ThreadsimError('TSIM006', `cannot serve on 127.0.0.1:${args.port}: ${e.code ?? e.message}`, 'Choose another --port, or 0 for any free one.')),
    );
    // Loopback only: the page is for the person at this machine.
    server.listen(args.port, '127.0.0.1', done);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : args.port;
  out(`serving the playground on http://127.0.0.1:${port}/ (Ctrl+C stops)`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      server.close(() => done());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** The yargs command, for main.ts. */
export function playgroundModule(guard: (f: () => Promise<number>) => Promise<void>, out: (line: string) => void): CommandModule<object, PlaygroundArgs> {
  return {
    command: 'playground',
    describe: 'Write (or --serve on 127.0.0.1) the playground: edit, run, explore and step through a program in the browser',
    builder: (y: Argv) =>
      y
        .option('output', { alias: 'o', type: 'string', default: 'threadsim-playground.html', describe: 'file to write' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing file' })
        .option('serve', { type: 'boolean', default: false, describe: 'serve the page on 127.0.0.1 instead of writing it' })
        .option('port', { type: 'number', default: 8737, describe: 'with --serve: the port (0: any free one)' })
        .check((a) => {
          if (!Number.isSafeInteger(a.port) || a.port < 0 || a.port > 65535) throw new ThreadsimError('TSIM006', `--port must be an integer from 0 to 65535, got '${String(a.port)}'`, 'Give a port number, or 0 for any free one.');
          return true;
        }) as unknown as Argv<PlaygroundArgs>,
    handler: (args) => guard(() => playgroundCommand(args, out)),
  };
}
