import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile, temporaryName, writeFileAtomic } from '../../src/cli/io.js';

const fix = 'Pass a file.';

describe('file output', () => {
  it('writes any name the filesystem accepts, however long', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsim-io-'));
    for (const length of [1, 200, 243, 244, 250, 255]) {
      const path = join(dir, 'x'.repeat(length));
      writeFileAtomic(path, `len ${length}`, false);
      expect(readFileSync(path, 'utf8')).toBe(`len ${length}`);
    }
    // Multi-byte names count in bytes: 85 three-byte characters are 255 bytes.
    writeFileAtomic(join(dir, '\u20ac'.repeat(85)), 'euro', false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(Buffer.byteLength(temporaryName('y'.repeat(255), 4_194_304))).toBeLessThanOrEqual(255);
    expect(temporaryName('y'.repeat(255), 1)).not.toBe(temporaryName(`${'y'.repeat(254)}z`, 1));
  });

  it('clears a temporary of its own name left by a killed writer, and leaves a live one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsim-io-'));
    // A pid that is not running: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = join(dir, temporaryName('out.txt', dead));
    const live = join(dir, temporaryName('out.txt', process.ppid));
    const other = join(dir, temporaryName('other.txt', dead));
    for (const f of [stale, live, other]) writeFileSync(f, 'partial');
    writeFileAtomic(join(dir, 'out.txt'), 'done', false);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('finishes the write and leaves no temporary when SIGTERM arrives during it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsim-io-'));
    // The signal is sent from inside the write (fs.writeFileSync patched before io.js binds it).
    const script = `
      import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const write = fs.writeFileSync;
      fs.writeFileSync = (...a) => { process.kill(process.pid, 'SIGTERM'); return write(...a); };
      syncBuiltinESMExports();
      const { writeFileAtomic } = await import(${JSON.stringify(new URL('../../dist/cli/io.js', import.meta.url).href)});
      writeFileAtomic(${JSON.stringify(join(dir, 'big.txt'))}, 'x'.repeat(1 << 20), false);
      process.stdout.write('written\\n');
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    // Delivered after the write: the process then ends by the signal, or, when the command
    // was over first, normally; either way the file is whole and no temporary is left.
    expect(r.stdout).toBe('written\n');
    expect(r.signal === 'SIGTERM' || r.status === 0).toBe(true);
    expect(readFileSync(join(dir, 'big.txt'), 'utf8')).toHaveLength(1 << 20);
    expect(readdirSync(dir)).toEqual(['big.txt']);
  });
});

describe('file input', () => {
  it('refuses a FIFO, a device, a folder and an oversized file without reading them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsim-io-'));
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'big'), 'x'.repeat(100));
    symlinkSync('/dev/zero', join(dir, 'zero-link'));
    for (const f of [fifo, '/dev/zero', '/dev/urandom', join(dir, 'folder'), join(dir, 'zero-link')]) {
      expect(() => readRegularFile(f, 1000, 'trace file', 'TSIM008', fix), f).toThrow(/is not a regular file \(TSIM008\)/);
    }
    expect(() => readRegularFile(join(dir, 'big'), 99, 'trace file', 'TSIM008', fix)).toThrow(/larger than 99 bytes/);
    expect(readRegularFile(join(dir, 'big'), 100, 'trace file', 'TSIM008', fix)).toBe('x'.repeat(100));
    expect(() => readRegularFile(join(dir, 'missing'), 100, 'trace file', 'TSIM008', fix)).toThrow(/cannot read \S*missing: ENOENT/);
  });
});
