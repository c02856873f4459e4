/**
 * collections-mock/vite in real Vite servers started programmatically on
 * loopback: the dev server (`vite dev`) and the preview server of a real build
 * (`vite preview`), each serving the app's page and the mock beside it; the
 * mock closes with the server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionsMock, DEFAULT_MOCK_PATH, type CollectionsMockPlugin } from '../src/vite.js';
import { readReply } from './support/client.js';

const XAI_KEY = 'Bearer xai-vite-key';
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cm-vite-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><body><h1>The app</h1><script type="module" src="/main.js"></script></body></html>\n');
  writeFileSync(path.join(root, 'main.js'), "document.querySelector('h1').dataset.ready = 'yes';\n");
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const baseOf = (server: ViteDevServer | PreviewServer): string => `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
/** The app's directory, no config file, no output of Vite's own. */
const common = () => ({ root, configFile: false as const, logLevel: 'silent' as const });

describe('vite dev', () => {
  let server: ViteDevServer;
  let plugin: CollectionsMockPlugin;
  let base: string;

  beforeAll(async () => {
    plugin = collectionsMock({ clock: 'manual', strict: true, processingMs: 1000, providers: ['xai', 'ctxfy'] });
    server = await createServer({ ...common(), plugins: [plugin], server: { host: '127.0.0.1', port: 0 } });
    await server.listen();
    base = baseOf(server);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('serves the app as ever: its page and its modules', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>The app</h1>');
    const main = await fetch(`${base}/main.js`);
    expect(main.status).toBe(200);
    expect(await main.text()).toContain('dataset.ready');
  });

  it(`serves the mock under ${DEFAULT_MOCK_PATH}, with the demo data by default`, async () => {
    const res = await readReply(await fetch(`${base}${DEFAULT_MOCK_PATH}/xai/v1/collections`, { headers: { authorization: 'Bearer demo' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json.collections.length).toBeGreaterThan(0);
    expect(plugin.api.mock!.fixtures.length).toBeGreaterThan(0);
  });

  it('runs the xAI flow on the manual clock, and a scenario', async () => {
    const mock = plugin.api.mock!;
    const xai = `${base}${DEFAULT_MOCK_PATH}/xai/v1`;
    const form = new FormData();
    form.append('file', new Blob(['Quarterly revenue grew.'], { type: 'text/plain' }), 'q3.txt');
    const file = await readReply(await fetch(`${xai}/files`, { method: 'POST', headers: { authorization: XAI_KEY }, body: form }));
    expect(file.status, file.text).toBe(200);
    const json = { authorization: XAI_KEY, 'content-type': 'application/json' };
    const collection = await readReply(
      await fetch(`${xai}/collections`, { method: 'POST', headers: json, body: JSON.stringify({ collection_name: 'Reports' }) }),
    );
    expect(collection.status, collection.text).toBe(200);
    const docUrl = `${xai}/collections/${collection.json.collection_id}/documents/${file.json.id}`;
    expect((await fetch(docUrl, { method: 'POST', headers: json, body: '{}' })).status).toBe(200);
    const status = async () => (await readReply(await fetch(docUrl, { headers: { authorization: XAI_KEY } }))).json.status;
    expect(await status()).toBe('DOCUMENT_STATUS_PROCESSING');
    mock.clock.advance(1000);
    expect(await status()).toBe('DOCUMENT_STATUS_PROCESSED');

    const limited = await readReply(await fetch(`${xai}/collections`, { headers: { authorization: XAI_KEY, 'x-mock-scenario': 'rate-limited' } }));
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: 'Rate limit exceeded. Retry after 30 seconds.' });
    expect(mock.selfCheckFailures).toEqual([]);
  });

  it('hands out Ctxfy upload URLs on the dev server, under the mount path', async () => {
    const res = await readReply(
      await fetch(`${base}${DEFAULT_MOCK_PATH}/ctxfy/v1/upload/s3`, {
        method: 'POST',
        headers: { authorization: 'Bearer ctx-vite-key', 'content-type': 'application/json' },
        body: JSON.stringify({ filename: 'a.txt', contentType: 'text/plain', size: 1 }),
      }),
    );
    expect(res.status, res.text).toBe(200);
    expect(res.json.publicUrl.startsWith(`${base}${DEFAULT_MOCK_PATH}/ctxfy/__uploads/`)).toBe(true);
  });

  it('serves the admin API under the mount path, and leaves other paths below it to Vite', async () => {
    const health = await fetch(`${base}${DEFAULT_MOCK_PATH}/__mock/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    // Not the mock's: Vite's SPA fallback answers with the app's page.
    const other = await fetch(`${base}${DEFAULT_MOCK_PATH}/not-a-provider`, { headers: { accept: 'text/html' } });
    expect(await other.text()).toContain('<h1>The app</h1>');
  });

  it('closes the mock with the server: lifecycle timers stopped, later calls refused', async () => {
    const mock = plugin.api.mock!;
    const form = new FormData();
    form.append('file', new Blob(['x']), 'late.txt');
    const file = await readReply(await fetch(`${base}${DEFAULT_MOCK_PATH}/xai/v1/files`, { method: 'POST', headers: { authorization: XAI_KEY }, body: form }));
    const json = { authorization: XAI_KEY, 'content-type': 'application/json' };
    const created = await readReply(
      await fetch(`${base}${DEFAULT_MOCK_PATH}/xai/v1/collections`, { method: 'POST', headers: json, body: '{"collection_name":"Late"}' }),
    );
    await fetch(`${base}${DEFAULT_MOCK_PATH}/xai/v1/collections/${created.json.collection_id}/documents/${file.json.id}`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(mock.clock.pending()).toBeGreaterThan(0);
    await server.close();
    expect(mock.clock.pending()).toBe(0);
    expect(plugin.api.mock).toBeUndefined();
  });
});

describe('vite dev with a path of its own', () => {
  it('serves the mock at that path', async () => {
    const plugin = collectionsMock({ path: '/mock/', providers: ['xai'], fixtures: 'none', strict: true });
    const server = await createServer({ ...common(), plugins: [plugin], server: { host: '127.0.0.1', port: 0 } });
    try {
      await server.listen();
      const res = await readReply(await fetch(`${baseOf(server)}/mock/xai/v1/collections`, { headers: { authorization: XAI_KEY } }));
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ collections: [] });
    } finally {
      await server.close();
    }
  }, 60_000);

  it('refuses a path that does not start with /', () => {
    expect(() => collectionsMock({ path: 'mock' })).toThrow(/path must start with "\/"/);
  });
});

describe('vite dev restarting (an edit of its config)', () => {
  it('closes the old mock, and the new one has the data when it persists', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cm-vite-persist-'));
    const plugin = collectionsMock({ providers: ['xai'], fixtures: 'none', strict: true, persist: path.join(dir, 'state.json') });
    const server = await createServer({ ...common(), plugins: [plugin], server: { host: '127.0.0.1', port: 0 } });
    try {
      await server.listen();
      const before = plugin.api.mock!;
      const created = await fetch(`${baseOf(server)}${DEFAULT_MOCK_PATH}/xai/v1/collections`, {
        method: 'POST',
        headers: { authorization: XAI_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ collection_name: 'Survives restarts' }),
      });
      expect(created.status).toBe(200);
      await server.restart();
      const after = plugin.api.mock!;
      expect(after).not.toBe(before);
      const list = await readReply(await fetch(`${baseOf(server)}${DEFAULT_MOCK_PATH}/xai/v1/collections`, { headers: { authorization: XAI_KEY } }));
      expect(list.json.collections.map((c: { collection_name: string }) => c.collection_name)).toEqual(['Survives restarts']);
      expect(after.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(plugin.api.mock).toBeUndefined();
  }, 60_000);
});

describe('vite preview', () => {
  let server: PreviewServer;
  let plugin: CollectionsMockPlugin;
  let base: string;

  beforeAll(async () => {
    plugin = collectionsMock({ clock: 'manual', strict: true, providers: ['xai'] });
    const outDir = path.join(root, 'dist');
    await build({ ...common(), plugins: [plugin], build: { outDir, emptyOutDir: true } });
    server = await preview({ ...common(), plugins: [plugin], build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    base = baseOf(server);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('serves the built app and the mock beside it', async () => {
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('<h1>The app</h1>');
    const res = await readReply(await fetch(`${base}${DEFAULT_MOCK_PATH}/xai/v1/collections`, { headers: { authorization: 'Bearer demo' } }));
    expect(res.status).toBe(200);
    expect(res.json.collections.length).toBeGreaterThan(0);
    expect(plugin.api.mock!.selfCheckFailures).toEqual([]);
  });

  it('closes the mock with the preview server', async () => {
    const mock = plugin.api.mock!;
    await server.close();
    expect(plugin.api.mock).toBeUndefined();
    // Closed: served anywhere else, it refuses its requests.
    const elsewhere = http.createServer((req, res) => mock(req, res));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/xai/v1/collections`, {
        headers: { authorization: 'Bearer demo' },
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'unavailable', message: 'collections-mock is closed' });
    } finally {
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });
});
