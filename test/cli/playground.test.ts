import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { playgroundCommand } from '../../src/cli/playground.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'threadsim-playground-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('threadsim playground', () => {
  it('writes one self-contained page and never over an existing file without --force', async () => {
    const file = join(dir, 'pg.html');
    const lines: string[] = [];
    expect(await playgroundCommand({ output: file, force: false, serve: false, port: 0 }, (l) => lines.push(l))).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // No markup loads anything (the scripts are inline; the chromium test counts requests).
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/\b(src|href)\s*=/i);
    expect(html.match(/<script\b/g)).toHaveLength(3);
    expect(lines[0]).toContain('file://');
    writeFileSync(file, 'mine');
    await expect(playgroundCommand({ output: file, force: false, serve: false, port: 0 }, () => undefined)).rejects.toThrow(/TSIM009/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(await playgroundCommand({ output: file, force: true, serve: false, port: 0 }, () => undefined)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(html);
  });

  it('--serve serves the same page on 127.0.0.1 and nothing else', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/threadsim.js'), 'playground', '--serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((done, fail) => {
        let text = '';
        child.stdout.on('data', (b: Buffer) => {
          text += b.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
          if (m !== null) done(m[1]!);
        });
        child.once('exit', (code) => fail(new Error(`exited ${String(code)}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<title>threadsim playground</title>');
      expect((await fetch(`${url}../etc/passwd`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', done)));
    expect(code).toBe(0);
  });
});
