/**
 * Code sites: the line of the program that yielded an op, for race reports. Read from V8's
 * structured call sites while the model's generator creates the op (the program's frame is
 * still on the stack then), so it costs a stack capture and is only done in recorded runs.
 *
 * A frame is threadsim's own when its file lies under this package's `models/` or
 * `scheduler/` folder (in src/ or dist/), decided by path prefix, so a user's file is never
 * mistaken for one of ours whatever its folder is called. Frames in compiled files with a
 * source map (threadsim's dist/, a user's compiled JS) are mapped back to the source line.
 * Built-in programs are named relative to the threadsim package (`src/examples/...`), so
 * their sites read the same from any working directory; other files relative to their
 * project (the nearest folder above them with a package.json), for the same reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { findSourceMap, SourceMap } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding this package's compiled or source modules (src/ or dist/). */
const MODULES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGE = dirname(MODULES);
const INTERNAL = [resolve(MODULES, 'models') + sep, resolve(MODULES, 'scheduler') + sep];
const FRAMES = 40;

function isInternal(file: string): boolean {
  return INTERNAL.some((dir) => file.startsWith(dir)) || file.startsWith('node:') || /[\\/]node_modules[\\/]/.test(file);
}

type Prepare = NonNullable<typeof Error.prepareStackTrace>;

function structuredStack(below: (...args: never[]) => unknown = callerSite): { frames: NodeJS.CallSite[]; prepare: Prepare | undefined } {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  try {
    Error.prepareStackTrace = (_error, frames) => frames;
    Error.stackTraceLimit = FRAMES;
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder, below);
    return { frames: holder.stack ?? [], prepare };
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

const ownMaps = new Map<string, SourceMap | undefined>();

/**
 * The source map of one of threadsim's own compiled files, read from the `.map` file beside
 * it on first use. Reading maps this way, rather than turning on Node's source maps for the
 * whole process, costs nothing until a site in a built-in program is asked for.
 */
function ownSourceMap(file: string): SourceMap | undefined {
  if (!file.startsWith(MODULES + sep) || !file.endsWith('.js')) return undefined;
  if (!ownMaps.has(file)) {
    let map: SourceMap | undefined;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      map = undefined;
    }
    ownMaps.set(file, map);
  }
  return ownMaps.get(file);
}

/** The source file and 1-based line of a compiled position, through its source map if any. */
function original(file: string, line: number, column: number): { file: string; line: number } | undefined {
  const map = findSourceMap(file) ?? ownSourceMap(file);
  if (map === undefined) return undefined;
  const entry = map.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number };
  if (entry.originalSource === undefined || entry.originalLine === undefined) return { file, line };
  const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(dirname(file), entry.originalSource);
  return { file: source, line: entry.originalLine + 1 };
}

const roots = new Map<string, string>();

/**
 * The project a user's file belongs to: the nearest folder at or above the file's own that
 * holds a package.json, else the file's own folder. Sites are named relative to it, so the
 * same command prints the same bytes from any working directory.
 */
function projectRoot(dir: string): string {
  const known = roots.get(dir);
  if (known !== undefined) return known;
  let root = dir;
  for (let d = dir; ; ) {
    if (existsSync(join(d, 'package.json'))) {
      root = d;
      break;
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  roots.set(dir, root);
  return root;
}

function shown(file: string): string {
  const base = file.startsWith(PACKAGE + sep) && !file.includes(`${sep}node_modules${sep}`, PACKAGE.length) && file.includes(`${sep}examples${sep}`) ? PACKAGE : projectRoot(dirname(file));
  const rel = relative(base, file);
  return rel === '' || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

/**
 * Where a frame's line really is when no source map is known to Node but a test runner or
 * loader has installed its own stack formatter (vitest maps its transformed modules that
 * way): format that one frame with it.
 */
function formatted(prepare: Prepare, frame: NodeJS.CallSite): { file: string; line: number } | undefined {
  const text: unknown = prepare(new Error(), [frame]);
  const m = typeof text === 'string' ? /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/.exec(text) : null;
  if (m === null) return undefined;
  const file = m[1]!.startsWith('file:') ? fileURLToPath(m[1]!) : m[1]!;
  return isAbsolute(file) ? { file, line: Number(m[2]) } : undefined;
}

/** The absolute file of a frame, or undefined for native and eval frames. */
function fileOf(frame: NodeJS.CallSite): string | undefined {
  const file = frame.getFileName() ?? frame.getScriptNameOrSourceURL();
  if (!file) return undefined;
  const path = file.startsWith('file:') ? fileURLToPath(file) : file;
  return isAbsolute(path) ? path : undefined;
}

/**
 * The file of the module whose top-level code is calling threadsim (through the engine and
 * models), or undefined when the call comes from inside a function: a program made by a
 * factory function cannot be found again by loading its module. Top-level code is told by its
 * frame: it has no function name and was called from outside its own file (the module loader).
 */
export function definingModule(): string | undefined {
  const { frames } = structuredStack(definingModule);
  const i = frames.findIndex((f) => {
    const file = fileOf(f);
    return file !== undefined && !isInternal(file);
  });
  const frame = frames[i];
  if (frame === undefined || frame.getFunctionName()) return undefined;
  const file = fileOf(frame)!;
  const next = frames[i + 1];
  return next !== undefined && fileOf(next) === file ? undefined : file;
}

/** True when `file` is one of threadsim's built-in programs (under its `examples/` folder). */
export function isBuiltinModule(file: string): boolean {
  return file.startsWith(resolve(MODULES, 'examples') + sep);
}

/** `file:line` of the first stack frame outside threadsim's engine and models, or undefined. */
export function callerSite(): string | undefined {
  const { frames, prepare } = structuredStack();
  for (const frame of frames) {
    let file = frame.getFileName() ?? frame.getScriptNameOrSourceURL();
    const line = frame.getLineNumber();
    if (!file || line === null) continue;
    if (file.startsWith('file:')) file = fileURLToPath(file);
    if (!isAbsolute(file) || isInternal(file)) continue;
    const at = original(file, line, frame.getColumnNumber() ?? 1) ?? (prepare === undefined ? undefined : formatted(prepare, frame)) ?? { file, line };
    if (isInternal(at.file)) continue;
    return `${shown(at.file)}:${at.line}`;
  }
  return undefined;
}
