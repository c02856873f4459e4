/**
 * collections-mock/middleware inside a real Express 5 app on loopback, beside
 * the app's own routes and body parsers: the xAI flow, a scenario, the admin
 * API and Ctxfy's upload URLs under the mount path; bodies the app's parsers
 * read first; fixtures loaded with no port of the mock's own; persistence and
 * close.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockMiddleware, type MockMiddleware, type MockMiddlewareOptions } from '../src/middleware.js';
import { createLogger } from '../src/core/log.js';
import { readReply } from './support/client.js';
import { expectXaiError } from './support/xai.js';

/** Listens on a free loopback port; its base URL. */
async function listen(app: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const strict: MockMiddlewareOptions = { clock: 'manual', strict: true, quiet: true, processingMs: 1000 };
const XAI_KEY = 'Bearer xai-middleware-key';

/** An app as users have it: a JSON parser for every route, routes of its own, the mock under /mock, and a JSON 404 of its own. */
/** Creates an xAI collection through the app's mount, with a JSON body. */
async function createCollectionAt(base: string, name: string) {
  return readReply(
    await fetch(`${base}/mock/xai/v1/collections`, {
      method: 'POST',
      headers: { authorization: XAI_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ collection_name: name }),
    }),
  );
}

function appWith(mock: MockMiddleware, parsers: express.RequestHandler[] = [express.json()]): express.Express {
  const app = express();
  for (const p of parsers) app.use(p);
  app.get('/api/hello', (_req, res) => {
    res.json({ hello: 'from the app' });
  });
  app.post('/api/echo', (req, res) => {
    res.json({ echoed: req.body });
  });
  app.use('/mock', mock);
  app.use((req, res) => {
    res.status(404).json({ app: 'no such route', path: req.originalUrl });
  });
  return app;
}

async function uploadAndProcess(base: string, mock: MockMiddleware, label: string): Promise<void> {
  const xai = `${base}/mock/xai/v1`;
  const form = new FormData();
  form.append('file', new Blob(['Quarterly revenue grew.'], { type: 'text/plain' }), `${label}.txt`);
  const file = await readReply(await fetch(`${xai}/files`, { method: 'POST', headers: { authorization: XAI_KEY }, body: form }));
  expect(file.status, file.text).toBe(200);
  const json = { authorization: XAI_KEY, 'content-type': 'application/json' };
  const collection = await readReply(await fetch(`${xai}/collections`, { method: 'POST', headers: json, body: JSON.stringify({ collection_name: label }) }));
  expect(collection.status, collection.text).toBe(200);
  expect(collection.json.collection_name).toBe(label);
  const docUrl = `${xai}/collections/${collection.json.collection_id}/documents/${file.json.id}`;
  const added = await fetch(docUrl, { method: 'POST', headers: json, body: '{}' });
  expect(added.status, await added.text()).toBe(200);
  const status = async () => (await readReply(await fetch(docUrl, { headers: { authorization: XAI_KEY } }))).json.status;
  expect(await status()).toBe('DOCUMENT_STATUS_PROCESSING');
  mock.clock.advance(1000);
  expect(await status()).toBe('DOCUMENT_STATUS_PROCESSED');
}

describe('in an Express 5 app, mounted at /mock behind express.json()', () => {
  let mock: MockMiddleware;
  let app: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    mock = createMockMiddleware({ ...strict, providers: ['xai', 'ctxfy'] });
    app = await listen(appWith(mock));
    await mock.ready;
  });
  afterAll(async () => {
    await mock.close();
    await app.close();
  });
  afterEach(() => {
    expect(mock.selfCheckFailures.splice(0), 'replies that break the spec').toEqual([]);
  });

  it('runs the xAI flow: the upload (a stream the app left unread), the JSON the app parsed, the document processed on the manual clock', async () => {
    await uploadAndProcess(app.url, mock, 'Reports');
  });

  it('leaves the app its own routes, its parsed JSON and its 404 for paths under /mock that no provider has', async () => {
    expect(await (await fetch(`${app.url}/api/hello`)).json()).toEqual({ hello: 'from the app' });
    const echo = await fetch(`${app.url}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await echo.json()).toEqual({ echoed: { a: 1 } });
    for (const p of ['/mock', '/mock/nope', '/mock/xaii/v1/collections', '/elsewhere']) {
      const res = await fetch(`${app.url}${p}`);
      expect(res.status, p).toBe(404);
      expect(await res.json(), p).toEqual({ app: 'no such route', path: p });
    }
  });

  it("answers a scenario named in X-Mock-Scenario in the vendor's envelope, and journals it with the URL as sent", async () => {
    const res = await readReply(await fetch(`${app.url}/mock/xai/v1/collections`, { headers: { authorization: XAI_KEY, 'x-mock-scenario': 'rate-limited' } }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.json).toEqual({ code: expect.any(String), error: 'Rate limit exceeded. Retry after 30 seconds.' });
    const [entry] = mock.journal.list({ limit: 1 });
    expect(entry).toMatchObject({
      provider: 'xai',
      operationId: 'listCollections',
      status: 429,
      url: '/mock/xai/v1/collections',
      scenario: { name: 'rate-limited' },
    });
  });

  it('serves its admin API under the mount path', async () => {
    const health = await fetch(`${app.url}/mock/__mock/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    await fetch(`${app.url}/mock/xai/v1/collections`, { headers: { authorization: XAI_KEY } });
    const journal = await readReply(await fetch(`${app.url}/mock/__mock/journal?provider=xai&limit=1`));
    expect(journal.status, journal.text).toBe(200);
    expect(journal.json.entries[0]).toMatchObject({ operationId: 'listCollections', url: '/mock/xai/v1/collections' });
  });

  it("answers errors in the vendor's JSON, never with the app's error page", async () => {
    const missing = await readReply(await fetch(`${app.url}/mock/xai/v1/collections/collection_nope`, { headers: { authorization: XAI_KEY } }));
    expectXaiError(missing, 404);
    const invalid = await readReply(
      await fetch(`${app.url}/mock/xai/v1/collections`, {
        method: 'POST',
        headers: { authorization: XAI_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ collection_name: 42 }),
      }),
    );
    expectXaiError(invalid, 400);
  });

  it('hands out Ctxfy upload URLs under the mount path, and takes the bytes PUT to them through the app', async () => {
    const auth = { authorization: 'Bearer ctx-middleware-key', 'content-type': 'application/json' };
    const signed = await readReply(
      await fetch(`${app.url}/mock/ctxfy/v1/upload/s3`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ filename: 'notes.txt', contentType: 'text/plain', size: 5 }),
      }),
    );
    expect(signed.status, signed.text).toBe(200);
    expect(signed.json.publicUrl).toBe(`${app.url}/mock/ctxfy/__uploads/${encodeURIComponent(signed.json.fileKey)}`);
    const put = await fetch(signed.json.uploadUrl, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(put.status).toBe(200);
    await put.arrayBuffer();
    const got = await fetch(signed.json.publicUrl);
    expect(await got.text()).toBe('hello');
  });
});

describe('bodies an app parser read before the mock', () => {
  const apps: { url: string; close: () => Promise<void> }[] = [];
  const mocks: MockMiddleware[] = [];
  afterAll(async () => {
    for (const m of mocks) await m.close();
    for (const a of apps) await a.close();
  });
  const start = async (parsers: express.RequestHandler[]): Promise<{ url: string; mock: MockMiddleware }> => {
    const mock = createMockMiddleware({ ...strict, providers: ['xai'] });
    const app = await listen(appWith(mock, parsers));
    mocks.push(mock);
    apps.push(app);
    return { url: app.url, mock };
  };

  it('express.raw() for every type: the bytes it kept, a multipart upload included', async () => {
    const { url, mock } = await start([express.raw({ type: '*/*' })]);
    await uploadAndProcess(url, mock, 'Raw');
    expect(mock.selfCheckFailures).toEqual([]);
  });

  it('express.json() that keeps the raw bytes in req.rawBody: those bytes, whatever it made of them', async () => {
    const keepRaw = express.json({
      // The app's own reading of the body differs from the bytes sent: the mock answers what the client sent.
      reviver: (key, value) => (key === 'collection_name' ? 'as the app revived it' : value),
      verify: (req, _res, buf) => {
        (req as http.IncomingMessage & { rawBody?: Buffer }).rawBody = buf;
      },
    });
    const { url, mock } = await start([keepRaw]);
    const res = await createCollectionAt(url, 'As sent');
    expect(res.status, res.text).toBe(200);
    expect(res.json.collection_name).toBe('As sent');
    expect(mock.selfCheckFailures).toEqual([]);
  });

  it('express.text() for JSON: the text it kept', async () => {
    const { url } = await start([express.text({ type: 'application/json' })]);
    const res = await createCollectionAt(url, 'As text');
    expect(res.status, res.text).toBe(200);
    expect(res.json.collection_name).toBe('As text');
  });

  it("a body parsed into something the mock cannot send on (a form): a 500 in the vendor's envelope that says to mount the mock first", async () => {
    const { url, mock } = await start([express.urlencoded()]);
    const res = await readReply(
      await fetch(`${url}/mock/xai/v1/collections`, {
        method: 'POST',
        headers: { authorization: XAI_KEY, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'collection_name=x',
      }),
    );
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json).toEqual({ code: expect.any(String), error: expect.stringMatching(/mount the mock before that middleware/) });
    expect(mock.selfCheckFailures).toEqual([]);
  });
});

describe('lifecycle', () => {
  it('loads the fixtures in process, before the app listens anywhere, and answers with them', async () => {
    const mock = createMockMiddleware({ ...strict, fixtures: 'default', providers: ['xai', 'airweave'] });
    try {
      await mock.ready;
      expect(mock.fixtures.map((f) => f.provider).sort()).toEqual(['airweave', 'xai']);
      // The fixtures' own requests are not the user's.
      expect(mock.journal.list()).toEqual([]);
      const app = await listen(appWith(mock));
      try {
        const res = await readReply(await fetch(`${app.url}/mock/xai/v1/collections`, { headers: { authorization: 'Bearer demo' } }));
        expect(res.status).toBe(200);
        expect(res.json.collections.length).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
      expect(mock.selfCheckFailures).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  it('holds requests that come while it loads and answers them from the loaded data', async () => {
    const mock = createMockMiddleware({ ...strict, fixtures: 'default', providers: ['xai'] });
    const app = await listen(appWith(mock));
    try {
      // Sent without waiting for ready.
      const res = await readReply(await fetch(`${app.url}/mock/xai/v1/collections`, { headers: { authorization: 'Bearer demo' } }));
      expect(res.status).toBe(200);
      expect(res.json.collections.length).toBeGreaterThan(0);
    } finally {
      await mock.close();
      await app.close();
    }
  });

  it('ready rejects when the data cannot be loaded; the mock then answers 503 with the reason', async () => {
    const mock = createMockMiddleware({ ...strict, fixtures: path.join(os.tmpdir(), 'collections-mock-no-such-dir'), logger: silentLogger() });
    await expect(mock.ready).rejects.toThrow(/cannot read the directory/);
    const app = await listen(appWith(mock));
    try {
      const res = await readReply(await fetch(`${app.url}/mock/xai/v1/collections`, { headers: { authorization: XAI_KEY } }));
      expect(res.status).toBe(503);
      expect(res.json.message).toMatch(/could not load its data: .*cannot read the directory/);
    } finally {
      await app.close();
    }
  });

  it('close() stops its lifecycle timers and saves what persists; a new one on the same file has the data; a closed one answers 503', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cm-middleware-'));
    const file = path.join(dir, 'state.json');
    try {
      const first = createMockMiddleware({ ...strict, providers: ['xai'], persist: file });
      const app = await listen(appWith(first));
      try {
        await first.ready;
        const form = new FormData();
        form.append('file', new Blob(['x']), 'kept.txt');
        const up = await fetch(`${app.url}/mock/xai/v1/files`, { method: 'POST', headers: { authorization: XAI_KEY }, body: form });
        const { id } = (await up.json()) as { id: string };
        const created = await readReply(
          await fetch(`${app.url}/mock/xai/v1/collections`, {
            method: 'POST',
            headers: { authorization: XAI_KEY, 'content-type': 'application/json' },
            body: '{"collection_name":"Kept"}',
          }),
        );
        await fetch(`${app.url}/mock/xai/v1/collections/${created.json.collection_id}/documents/${id}`, {
          method: 'POST',
          headers: { authorization: XAI_KEY, 'content-type': 'application/json' },
          body: '{}',
        });
        expect(first.clock.pending()).toBeGreaterThan(0);
        await first.close();
        expect(first.clock.pending()).toBe(0);
        const closed = await fetch(`${app.url}/mock/xai/v1/collections`, { headers: { authorization: XAI_KEY } });
        expect(closed.status).toBe(503);
        expect(await closed.json()).toEqual({ error: 'unavailable', message: 'collections-mock is closed' });
      } finally {
        await app.close();
      }
      expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('providers');

      const second = createMockMiddleware({ ...strict, providers: ['xai'], persist: file });
      try {
        await second.ready;
        const app2 = await listen(appWith(second));
        try {
          const list = await readReply(await fetch(`${app2.url}/mock/xai/v1/collections`, { headers: { authorization: XAI_KEY } }));
          expect(list.json.collections.map((c: { collection_name: string }) => c.collection_name)).toEqual(['Kept']);
        } finally {
          await app2.close();
        }
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on a bare Node server (no next), answers paths it does not serve with its JSON 404', async () => {
    const mock = createMockMiddleware({ ...strict, providers: ['xai'] });
    const server = await listen((req, res) => mock(req, res));
    try {
      const res = await readReply(await fetch(`${server.url}/nope`));
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ error: 'not_found', providers: [{ name: 'xai', prefix: '/xai' }] });
      const list = await fetch(`${server.url}/xai/v1/collections`, { headers: { authorization: XAI_KEY } });
      expect(list.status).toBe(200);
    } finally {
      await mock.close();
      await server.close();
    }
  });
});

/** The failure is asserted, not printed. */
function silentLogger() {
  return createLogger({ level: 'silent' });
}
