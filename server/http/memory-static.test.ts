import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { fromMemory, memoryFiles } from './memory-static.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function builtFolder() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-memstatic-'));
  fs.mkdirSync(path.join(dir, 'w'));
  const code = `export const x = "${'виджет '.repeat(50)}";`;
  fs.writeFileSync(path.join(dir, 'w/a.js'), code);
  fs.writeFileSync(path.join(dir, 'w/a.js.br'), brotliCompressSync(code));
  fs.writeFileSync(path.join(dir, 'w/a.js.gz'), gzipSync(code));
  const app = new Hono().get('/w/*', fromMemory(memoryFiles(dir)), serveStatic({ root: dir, precompressed: true }));
  return { app, code, dir };
}

describe('a built folder served from memory', () => {
  it('answers as serveStatic did: type, length, the twin the browser accepts', async () => {
    const { app, code } = builtFolder();
    const plain = await app.request('/w/a.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(code);
    const br = await app.request('/w/a.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(br.headers.get('content-length'))).toBe(fs.statSync(path.join(dir!, 'w/a.js.br')).size);
    const gz = await app.request('/w/a.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect((await app.request('/w/b.js')).status).toBe(404);
  });

  it('answers a revalidation with its ETag by 304, and a HEAD without a body', async () => {
    const { app } = builtFolder();
    const first = await app.request('/w/a.js', { headers: { 'accept-encoding': 'br' } });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request('/w/a.js', { headers: { 'accept-encoding': 'br', 'if-none-match': `W/${etag}` } });
    expect(again.status).toBe(304);
    // Another encoding is another representation: its own ETag, a full answer.
    const other = await app.request('/w/a.js', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    const head = await app.request('/w/a.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('leaves a Range request to serveStatic', async () => {
    const { app, code } = builtFolder();
    const part = await app.request('/w/a.js', { headers: { range: 'bytes=0-5' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe(code.slice(0, 6));
  });
});
