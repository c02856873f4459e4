/**
 * The console's built files (dist/console, made by npm run build) and how the
 * mock serves them: within the size budget, nothing fetched from elsewhere,
 * served with a strict content security policy, 404 with --no-console (which
 * also stops keeping each request's exchange), and the admin API behind it
 * still needs the admin token.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServer, useServer } from './support/server.js';
import { raw } from './support/client.js';

const DIST = fileURLToPath(new URL('../dist/console/', import.meta.url));
const BUDGET = 150 * 1024;

describe('the built console', () => {
  const files = [path.join(DIST, 'index.html'), ...readdirSync(path.join(DIST, 'assets')).map((f) => path.join(DIST, 'assets', f))];

  it(`weighs at most ${BUDGET / 1024} kB gzipped, page, scripts and styles together`, () => {
    const gzipped = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    expect(gzipped).toBeGreaterThan(1000);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it('loads only its own files: no CDN, font or script from elsewhere', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) expect(ref, ref).toMatch(/^(\/__mock\/console\/assets\/|data:)/);
    for (const f of files) {
      // XML namespace names are identifiers, never fetched.
      const urls = [...readFileSync(f, 'utf8').matchAll(/https?:\/\/[^\s"'`)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'));
      expect(urls, f).toEqual([]);
    }
  });
});

describe('serving the console', () => {
  const ctx = useServer({ providers: ['xai'], adminToken: 'build-test-token' });

  it('serves the page to anyone, with a content security policy that allows only the mock itself', async () => {
    const res = await fetch(`${ctx.url}/__mock/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await res.text();
    const script = /src="\/__mock(\/console\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${ctx.url}/__mock${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${ctx.url}/__mock/console/`)).status).toBe(200);
  });

  it('refuses unknown and crafted asset names without a stack trace', async () => {
    for (const name of ['nope.js', 'index.html', '..%2F..%2Fpackage.json', '..%5Cpackage.json', 'a%00.js', 'x.map', '.hidden.js']) {
      const res = await raw(ctx.url, `/__mock/console/assets/${name}`, { key: null });
      expect([400, 404], name).toContain(res.status);
      expect(res.json.error, name).toBeTypeOf('string');
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it('leaves the admin API behind the token: the page asks for it', async () => {
    expect((await raw(ctx.url, '/__mock/health', { key: null })).json).toMatchObject({ adminToken: true, console: true });
    expect((await raw(ctx.url, '/__mock/clock', { key: null })).status).toBe(401);
    expect((await raw(ctx.url, '/__mock/events', { key: null })).status).toBe(401);
    expect((await raw(ctx.url, '/__mock/journal/1', { key: null })).status).toBe(401);
    expect((await raw(ctx.url, '/__mock/clock', { key: 'build-test-token' })).status).toBe(200);
  });
});

describe('--no-console', () => {
  it('serves no console and keeps no exchanges, the rest of the admin API as before', async () => {
    const server = await startServer({ providers: ['xai'], console: false });
    try {
      expect((await raw(server.url, '/__mock/console', { key: null })).status).toBe(404);
      expect((await raw(server.url, '/__mock/health', { key: null })).json).toMatchObject({ adminToken: false, console: false });
      await raw(server.url, '/xai/v1/collections', { key: 'nc' });
      const entry = (await raw(server.url, '/__mock/journal?limit=1')).json.entries[0];
      const detail = await raw(server.url, `/__mock/journal/${entry.id}`);
      expect(detail.status).toBe(200);
      expect(detail.json).toMatchObject({ entry: { id: entry.id, operationId: 'listCollections' }, exchange: null });
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
