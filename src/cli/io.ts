/**
 * File input and output for the CLI. Output: never overwrite without `--force`, always write
 * atomically (a temporary file in the same folder, then rename). Input: only regular files,
 * and never more than a stated number of bytes, so a FIFO or `/dev/zero` named as a trace
 * cannot hang the command or fill memory.
 */
import { createRequire } from 'node:module';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ThreadsimError } from '../errors.js';

/** Longest file name (bytes) the common filesystems accept. */
const NAME_MAX = 255;

/** Refuse `path` now, before any work, when it exists and `force` is off. */
export function checkWritable(path: string, force: boolean): void {
  if (!force && existsSync(path)) {
    throw new ThreadsimError('TSIM009', `${path} exists already`, 'Pass --force to overwrite it, or choose another file name.');
  }
}

/**
 * The temporary name for writing `base` in process `pid`: `.BASE.PID.tmp`, or, when that
 * would be longer than a file name may be, `.BASE-PREFIX~HASH.PID.tmp` cut to fit. The hash
 * of the whole name keeps two long names that share a prefix apart.
 */
export function temporaryName(base: string, pid: number): string {
  const plain = `.${base}.${pid}.tmp`;
  if (Buffer.byteLength(plain) <= NAME_MAX) return plain;
  // node:crypto loads only for such a name: it is a large part of a short command's start-up.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 16);
  return `.tsim~${hash}.${pid}.tmp`;
}

/** True when process `pid` is alive (or we may not signal it, so it may be). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temporaries of `base` left in `dir` by a writer that was killed (SIGKILL, power
 * loss): those whose process is gone. Another live writer's temporary is left alone.
 */
function clearStale(dir: string, base: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\.(.*)\.(\d+)\.tmp$/.exec(name);
    if (m === null) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || temporaryName(base, pid) !== name || alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

let deferring = false;

/**
 * Keep SIGINT and SIGTERM from killing the process in the middle of a write: once a write
 * has begun, these signals are caught, so one that arrives during the (synchronous) write is
 * handled after it, when the temporary is already renamed or removed; the handler then stops
 * catching and raises the signal again, which ends the process as it would have (if the
 * command ends first, it simply ends: its work is done and nothing is half-written). Installed
 * from the first write on (a listener removed right after the write could drop a signal not
 * yet delivered); a signal that another part of threadsim listens for (explore's Ctrl-C) is
 * left to that listener.
 */
function deferSignals(): void {
  if (deferring) return;
  deferring = true;
  const onSignal = (s: NodeJS.Signals): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (process.listenerCount(s) === 0) process.kill(process.pid, s);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Write `text` to `path` atomically; refuses an existing file unless `force`. */
export function writeFileAtomic(path: string, text: string, force: boolean): void {
  checkWritable(path, force);
  const dir = dirname(path);
  const base = basename(path);
  clearStale(dir, base);
  const tmp = join(dir, temporaryName(base, process.pid));
  deferSignals();
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ThreadsimError('TSIM006', `cannot write ${path}: ${(e as Error).message}`, 'Check that the folder exists and is writable.');
  }
}

/**
 * Read a regular file of at most `limit` bytes as UTF-8. Anything else (a folder, a FIFO, a
 * device such as /dev/zero, a larger file) is refused with `code` before it is read for long.
 */
export function readRegularFile(file: string, limit: number, what: string, code: 'TSIM006' | 'TSIM008', fix: string): string {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new ThreadsimError(code, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fix);
  }
  if (!stat.isFile()) throw new ThreadsimError(code, `${what} ${file} is not a regular file`, fix);
  if (stat.size > limit) throw new ThreadsimError(code, `${what} ${file} is larger than ${limit} bytes`, fix);
  let fd: number;
  try {
    // O_NONBLOCK: should the name have been swapped for a FIFO since the check, opening it
    // does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ThreadsimError(code, `cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fix);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new ThreadsimError(code, `${what} ${file} is not a regular file`, fix);
    const buf = Buffer.alloc(Math.min(limit, stat.size) + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) {
        if (got > limit) throw new ThreadsimError(code, `${what} ${file} is larger than ${limit} bytes`, fix);
        break;
      }
    }
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
