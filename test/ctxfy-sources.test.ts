/**
 * Ctxfy sources: the request shown on the Create source reference page
 * verbatim, the per-type rules on create, the lifecycle CREATED → PENDING →
 * PROCESSING → COMPLETED | FAILED on the manual clock with real postbacks to a
 * loopback receiver (and their retries), the actions (cancel, reprocess,
 * refresh, fast-forward) and their preconditions, soft delete and restore,
 * metadata patches and pins, the mock's list extension, the space-delete
 * cascade, and isolation between users.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { type Res } from './support/client.js';
import {
  NOT_FOUND,
  REFERENCE_SOURCE,
  ctxfyApi,
  expectCtxfyError,
  expectFieldError,
  freshKey,
  postbackIssues,
  startReceiver,
  type CtxfyApi,
  type Receiver,
} from './support/ctxfy.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const NOT_FOUND_BODY = { error: 'Not Found', message: 'The requested resource was not found', code: 404 };
const SOURCE_KEYS = [
  'collectionId',
  'createdAt',
  'deletedAt',
  'description',
  'id',
  'initial_data',
  'instructions',
  'message',
  'name',
  'pinned',
  'spaceId',
  'status',
  'type',
  'updatedAt',
  'userId',
];

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Ctxfy sources', () => {
  const ctx = useServer({ providers: ['ctxfy'] });
  const advance = (ms: number) => ctx.server.clock.advance(ms);
  const settle = () => ctx.server.deliveries.idle();

  const open: Receiver[] = [];
  afterEach(async () => {
    await settle();
    await Promise.all(open.splice(0).map((r) => r.close()));
  });
  async function receiver(): Promise<Receiver> {
    const r = await startReceiver();
    open.push(r);
    return r;
  }

  async function ok(res: Promise<Res>, status = 200): Promise<any> {
    const r = await res;
    expect(r.status, r.text).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    return r.json;
  }

  /** A fresh user with one space and one root collection in it. */
  async function world(label: string): Promise<{ key: string; a: CtxfyApi; spaceId: string; collectionId: string; userId: string }> {
    const key = freshKey(label);
    const a = ctxfyApi(ctx.url, key);
    const space = await ok(a.post('/v1/spaces', { name: `${label} space` }), 201);
    const col = await ok(a.post(`/v1/spaces/${space.id}/collections`, { name: 'Docs' }), 201);
    return { key, a, spaceId: space.id, collectionId: col.id, userId: space.userId };
  }

  const create = (a: CtxfyApi, spaceId: string, body: unknown): Promise<any> => ok(a.post(`/v1/spaces/${spaceId}/sources`, body), 201);
  const content = (a: CtxfyApi, spaceId: string, extra: Record<string, unknown> = {}): Promise<any> =>
    create(a, spaceId, { type: 'CONTENT', initial_data: { data: 'Your content here...' }, instructions: {}, ...extra });
  const hook = (r: Receiver) => ({ instructions: { postback_url: r.url } });
  const get = (a: CtxfyApi, id: string): Promise<any> => ok(a.get(`/v1/sources/${id}`));
  const statusOf = async (a: CtxfyApi, id: string): Promise<string> => (await get(a, id)).status;
  const postbacksTo = (r: Receiver, sourceId: string): any[] => r.received.filter((p) => p.body?.sourceId === sourceId).map((p) => p.body);
  const deliveriesOf = (sourceId: string) => ctx.server.deliveries.list().filter((d) => (d.body as any)?.sourceId === sourceId);
  const listOf = (a: CtxfyApi, spaceId: string, query = ''): Promise<any> => ok(a.get(`/v1/spaces/${spaceId}/sources${query}`));

  /** Runs a new source to its end (3 steps) and waits for its postback. */
  async function finish(): Promise<void> {
    advance(3000);
    await settle();
  }

  describe('the Create source reference page', () => {
    it('its request verbatim answers the documented 404 envelope exactly, for its space and for its collection in a real space', async () => {
      const { a, spaceId } = await world('reference');
      const unknownSpace = await a.post('/v1/spaces/example_string/sources', REFERENCE_SOURCE);
      expectCtxfyError(unknownSpace, 404, NOT_FOUND);
      expect(unknownSpace.json).toEqual(NOT_FOUND_BODY);
      expect(unknownSpace.text).toBe(JSON.stringify(NOT_FOUND_BODY));

      // A real space, but `collectionId: example_string` is no collection of it.
      const unknownCollection = await a.post(`/v1/spaces/${spaceId}/sources`, REFERENCE_SOURCE);
      expectCtxfyError(unknownCollection, 404, NOT_FOUND);
      expect(unknownCollection.json).toEqual(NOT_FOUND_BODY);

      // Neither call left a source behind.
      expect((await listOf(a, spaceId, '?include_deleted=true')).pagination.total).toBe(0);
    });

    it('with only collectionId made real, its body creates a CREATED URI source echoing all four initial_data keys, which then FAILS to fetch "example_string"', async () => {
      const { a, spaceId, collectionId, userId } = await world('reference-ok');
      const src = await create(a, spaceId, { ...REFERENCE_SOURCE, collectionId });
      expect(Object.keys(src).sort()).toEqual(SOURCE_KEYS);
      expect(src).toMatchObject({
        spaceId,
        collectionId,
        userId,
        type: 'URI',
        name: 'John Doe',
        description: 'example_string',
        status: 'CREATED',
        message: null,
        pinned: false,
        instructions: {},
        deletedAt: null,
      });
      expect(src.id).toMatch(UUID);
      expect(src.initial_data).toEqual({ url: 'example_string', uri: 'example_string', source_ids: ['example_string'], data: 'example_string' });
      expect(src.createdAt).toMatch(ISO);
      expect(src.updatedAt).toBe(src.createdAt);
      expect(await get(a, src.id)).toEqual(src);

      advance(1000);
      expect(await statusOf(a, src.id)).toBe('PENDING');
      advance(1000);
      expect(await statusOf(a, src.id)).toBe('PROCESSING');
      advance(1000);
      const failed = await get(a, src.id);
      expect(failed.status).toBe('FAILED');
      expect(failed.message).toBe('Failed to fetch URL');
      expect(Date.parse(failed.updatedAt) - Date.parse(src.createdAt)).toBe(3000);
      // The stored request is unchanged by the run.
      expect(failed.initial_data).toEqual(REFERENCE_SOURCE.initial_data);
      // `instructions: {}` names no postback URL: nothing is sent.
      await settle();
      expect(deliveriesOf(src.id)).toEqual([]);
    });
  });

  describe('create: per-type rules and lookups', () => {
    it('URI needs url or uri: neither (or an empty one) is 400 on initial_data.url', async () => {
      const { a, spaceId } = await world('uri-rules');
      const path = `/v1/spaces/${spaceId}/sources`;
      expectFieldError(await a.post(path, { type: 'URI', initial_data: {}, instructions: {} }), 'initial_data.url', 'url or uri is required for type URI');
      expectFieldError(await a.post(path, { type: 'URI', initial_data: { data: 'https://example.com/' }, instructions: {} }), 'initial_data.url');
      expectFieldError(await a.post(path, { type: 'URI', initial_data: { url: '' }, instructions: {} }), 'initial_data.url');
      const res = await a.post(path, { type: 'URI', initial_data: {}, instructions: {} });
      expect(res.json.message).toBe('The request contains invalid parameters or malformed data');
      expect((await listOf(a, spaceId)).pagination.total).toBe(0);
    });

    it('uri alone is accepted and names the source; url wins over uri for the name and for the fetch', async () => {
      const { a, spaceId } = await world('uri-alias');
      const byUri = await create(a, spaceId, { type: 'URI', initial_data: { uri: 'https://example.com/atlas/README.md' }, instructions: {} });
      expect(byUri.name).toBe('https://example.com/atlas/README.md');
      expect(byUri.initial_data).toEqual({ uri: 'https://example.com/atlas/README.md' });

      const badUrl = await create(a, spaceId, {
        type: 'URI',
        initial_data: { url: 'https://docs.example.invalid/a', uri: 'https://example.com/b' },
        instructions: {},
      });
      expect(badUrl.name).toBe('https://docs.example.invalid/a');
      const goodUrl = await create(a, spaceId, {
        type: 'URI',
        initial_data: { url: 'https://example.com/b', uri: 'https://docs.example.invalid/a' },
        instructions: {},
      });
      expect(goodUrl.name).toBe('https://example.com/b');

      advance(3000);
      expect(await statusOf(a, byUri.id)).toBe('COMPLETED');
      expect(await get(a, badUrl.id)).toMatchObject({ status: 'FAILED', message: 'Failed to fetch URL' });
      expect(await get(a, goodUrl.id)).toMatchObject({ status: 'COMPLETED', message: null });
    });

    it('a given name is kept (trimmed) instead of the default; other types default to "Untitled source"', async () => {
      const { a, spaceId } = await world('names');
      const named = await create(a, spaceId, { type: 'URI', name: '  Atlas README  ', initial_data: { url: 'https://example.com/r' }, instructions: {} });
      expect(named.name).toBe('Atlas README');
      expect((await content(a, spaceId)).name).toBe('Untitled source');
    });

    it('COMPOSITION needs a non-empty source_ids of live sources of the same space', async () => {
      const { a, spaceId } = await world('composition');
      const path = `/v1/spaces/${spaceId}/sources`;
      const comp = (source_ids?: string[]) =>
        a.post(path, { type: 'COMPOSITION', initial_data: source_ids === undefined ? {} : { source_ids }, instructions: {} });
      expectFieldError(await comp(), 'initial_data.source_ids', 'source_ids is required for type COMPOSITION');
      expectFieldError(await comp([]), 'initial_data.source_ids');

      const live = await content(a, spaceId);
      const unknown = '7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b';
      expectFieldError(await comp([live.id, unknown]), 'initial_data.source_ids', `Source not found in this space: ${unknown}`);

      // A source of another space of the same user.
      const other = await ok(a.post('/v1/spaces', { name: 'other' }), 201);
      const elsewhere = await content(a, other.id);
      expectFieldError(await comp([elsewhere.id]), 'initial_data.source_ids', `Source not found in this space: ${elsewhere.id}`);

      // A soft-deleted source of this space.
      const gone = await content(a, spaceId);
      await ok(a.del(`/v1/sources/${gone.id}`));
      expectFieldError(await comp([live.id, gone.id]), 'initial_data.source_ids', `Source not found in this space: ${gone.id}`);

      // Only `live` so far, plus the other space's one.
      expect((await listOf(a, spaceId)).pagination.total).toBe(1);
      const ok201 = await create(a, spaceId, { type: 'COMPOSITION', initial_data: { source_ids: [live.id] }, instructions: {} });
      expect(ok201).toMatchObject({ type: 'COMPOSITION', name: 'Untitled source', initial_data: { source_ids: [live.id] }, status: 'CREATED' });
    });

    it('FILE and CONTENT need data', async () => {
      const { a, spaceId } = await world('data-rules');
      const path = `/v1/spaces/${spaceId}/sources`;
      expectFieldError(await a.post(path, { type: 'FILE', initial_data: {}, instructions: {} }), 'initial_data.data', 'data is required for type FILE');
      expectFieldError(
        await a.post(path, { type: 'CONTENT', initial_data: { url: 'https://example.com/' }, instructions: {} }),
        'initial_data.data',
        'data is required for type CONTENT',
      );
      expectFieldError(await a.post(path, { type: 'CONTENT', initial_data: { data: '' }, instructions: {} }), 'initial_data.data');
      expect((await listOf(a, spaceId)).pagination.total).toBe(0);
    });

    it('type, initial_data and instructions are required, and type must be one of the four', async () => {
      const { a, spaceId } = await world('required');
      const path = `/v1/spaces/${spaceId}/sources`;
      expectFieldError(await a.post(path, { type: 'CONTENT', initial_data: { data: 'x' } }), 'instructions', 'instructions is required');
      expectFieldError(await a.post(path, { initial_data: { data: 'x' }, instructions: {} }), 'type', 'type is required');
      expectFieldError(
        await a.post(path, { type: 'WEB', initial_data: { data: 'x' }, instructions: {} }),
        'type',
        /must be one of URI, FILE, CONTENT, COMPOSITION/,
      );
      expectFieldError(await a.post(path, { type: 'uri', initial_data: { url: 'https://example.com/' }, instructions: {} }), 'type');
      expectFieldError(await a.post(path, { type: 'CONTENT', instructions: {} }), 'initial_data');
      // Validation comes before the space lookup.
      expectFieldError(await a.post('/v1/spaces/example_string/sources', { initial_data: { data: 'x' }, instructions: {} }), 'type');
      expect((await listOf(a, spaceId)).pagination.total).toBe(0);
    });

    it('postback_url must be HTTPS, or plain HTTP to a loopback host', async () => {
      const { a, spaceId } = await world('postback-url');
      const path = `/v1/spaces/${spaceId}/sources`;
      const withUrl = (postback_url: string) => a.post(path, { type: 'CONTENT', initial_data: { data: 'x' }, instructions: { postback_url } });
      expectFieldError(await withUrl('http://example.com/x'), 'instructions.postback_url', 'postback_url must be an HTTPS URL');
      expectFieldError(await withUrl('ftp://127.0.0.1/x'), 'instructions.postback_url');
      expectFieldError(await withUrl('not a url'), 'instructions.postback_url');
      expectFieldError(await withUrl('http://10.0.0.1/x'), 'instructions.postback_url');
      expect((await listOf(a, spaceId)).pagination.total).toBe(0);

      // Accepted ones go to a throwaway space that is deleted at once, so nothing is ever posted to them.
      const scratch = await ok(a.post('/v1/spaces', { name: 'scratch' }), 201);
      const port = await deadPort();
      const ids: string[] = [];
      for (const url of ['https://hooks.example.com/ctxfy', `http://127.0.0.1:${port}/x`, `http://localhost:${port}/x`]) {
        const src = await create(a, scratch.id, { type: 'CONTENT', initial_data: { data: 'x' }, instructions: { postback_url: url } });
        expect(src.instructions).toEqual({ postback_url: url });
        ids.push(src.id);
      }
      await ok(a.del(`/v1/spaces/${scratch.id}`));
      advance(3000);
      await settle();
      for (const id of ids) expect(deliveriesOf(id)).toEqual([]);
    });

    it("an unknown space, an unknown collectionId and another space's collection are 404 and create nothing", async () => {
      const { a, spaceId } = await world('lookups');
      const body = { type: 'CONTENT', initial_data: { data: 'x' }, instructions: {} };
      expectCtxfyError(await a.post('/v1/spaces/0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21/sources', body), 404, NOT_FOUND);
      expectCtxfyError(await a.post(`/v1/spaces/${spaceId}/sources`, { ...body, collectionId: 'c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601' }), 404, NOT_FOUND);
      const other = await ok(a.post('/v1/spaces', { name: 'other' }), 201);
      const otherCol = await ok(a.post(`/v1/spaces/${other.id}/collections`, { name: 'Theirs' }), 201);
      expectCtxfyError(await a.post(`/v1/spaces/${spaceId}/sources`, { ...body, collectionId: otherCol.id }), 404, NOT_FOUND);
      expect((await listOf(a, spaceId)).pagination.total).toBe(0);
      expect((await listOf(a, other.id)).pagination.total).toBe(0);
      // collectionId null is the space root.
      expect((await create(a, spaceId, { ...body, collectionId: null })).collectionId).toBeNull();
    });
  });

  describe('lifecycle and postbacks', () => {
    it('each of the four types goes CREATED → PENDING → PROCESSING → COMPLETED one step at a time and posts one COMPLETED notification', async () => {
      const { a, spaceId, userId } = await world('four');
      const r = await receiver();

      const uri = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://example.com/atlas/README.md' }, ...hook(r) });
      const text = await content(a, spaceId, { name: 'My Source', ...hook(r) });

      const up = await ok(a.post('/v1/upload/s3', { filename: 'notes.txt', contentType: 'text/plain', size: 11 }));
      expect(Object.keys(up).sort()).toEqual(['fileKey', 'publicUrl', 'uploadUrl']);
      expect(up.uploadUrl.startsWith(ctx.url)).toBe(true);
      const put = await fetch(up.uploadUrl, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'hello world' });
      expect(put.status).toBe(200);
      await put.arrayBuffer();
      const served = await fetch(up.publicUrl);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe('hello world');
      const file = await create(a, spaceId, { type: 'FILE', initial_data: { data: up.fileKey }, ...hook(r) });
      expect(file.name).toBe('notes.txt');
      expect(file.initial_data).toEqual({ data: up.fileKey });

      const comp = await create(a, spaceId, { type: 'COMPOSITION', name: 'Bundle', initial_data: { source_ids: [uri.id, text.id] }, ...hook(r) });
      const all = [uri, text, file, comp];
      for (const s of all) expect(s.status).toBe('CREATED');

      for (const [step, expected] of [
        [1000, 'PENDING'],
        [1000, 'PROCESSING'],
      ] as const) {
        advance(step);
        for (const s of all) expect(await statusOf(a, s.id)).toBe(expected);
        await settle();
        expect(r.received).toEqual([]);
      }
      advance(999);
      for (const s of all) expect(await statusOf(a, s.id)).toBe('PROCESSING');
      advance(1);
      await settle();
      for (const s of all) {
        const done = await get(a, s.id);
        expect(done).toMatchObject({ status: 'COMPLETED', message: null, type: s.type, initial_data: s.initial_data });
        expect(Date.parse(done.updatedAt) - Date.parse(s.createdAt)).toBe(3000);
      }

      expect(r.received).toHaveLength(4);
      for (const s of all) {
        const got = r.received.filter((p) => p.body?.sourceId === s.id);
        expect(got).toHaveLength(1);
        const body = got[0]!.body;
        expect(body).toEqual({ event: 'SourceStatusNotification', sourceId: s.id, userId, spaceId, status: 'COMPLETED' });
        expect(body).not.toHaveProperty('message');
        expect(got[0]!.headers['content-type']).toMatch(/^application\/json/);
        expect(got[0]!.path).toBe('/postbacks');
        expect(postbackIssues(body)).toEqual([]);
        const [d] = deliveriesOf(s.id);
        expect(d).toMatchObject({ provider: 'ctxfy', url: r.url, topic: 'SourceStatusNotification', body, state: 'delivered' });
        expect(d!.attempts).toHaveLength(1);
        expect(d!.attempts[0]!.status).toBe(200);
      }

      // Finished sources stay finished.
      advance(60_000);
      await settle();
      expect(r.received).toHaveLength(4);
      for (const s of all) expect(await statusOf(a, s.id)).toBe('COMPLETED');
    });

    it('a FILE source completes from an issued fileKey even without the upload PUT', async () => {
      const { a, spaceId } = await world('file-noput');
      const up = await ok(a.post('/v1/upload/s3', { filename: 'report.pdf', contentType: 'application/pdf', size: 1024 }));
      const file = await create(a, spaceId, { type: 'FILE', initial_data: { data: up.fileKey }, instructions: {} });
      expect(file.name).toBe('report.pdf');
      await finish();
      expect(await statusOf(a, file.id)).toBe('COMPLETED');
    });

    it('a .invalid host FAILS with "Failed to fetch URL" and a FILE with an unknown fileKey FAILS with "File not found"; both postbacks carry the message', async () => {
      const { a, spaceId, userId } = await world('failures');
      const r = await receiver();
      const uri = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://docs.example.invalid/guide' }, ...hook(r) });
      const file = await create(a, spaceId, { type: 'FILE', initial_data: { data: 'uploads/nope/x.txt' }, ...hook(r) });
      expect(file.name).toBe('x.txt');
      advance(2000);
      expect(await get(a, uri.id)).toMatchObject({ status: 'PROCESSING', message: null });
      advance(1000);
      await settle();
      expect(await get(a, uri.id)).toMatchObject({ status: 'FAILED', message: 'Failed to fetch URL' });
      expect(await get(a, file.id)).toMatchObject({ status: 'FAILED', message: 'File not found' });

      const [uriBody] = postbacksTo(r, uri.id);
      expect(uriBody).toEqual({ event: 'SourceStatusNotification', sourceId: uri.id, userId, spaceId, status: 'FAILED', message: 'Failed to fetch URL' });
      expect(postbackIssues(uriBody)).toEqual([]);
      const [fileBody] = postbacksTo(r, file.id);
      expect(fileBody).toEqual({ event: 'SourceStatusNotification', sourceId: file.id, userId, spaceId, status: 'FAILED', message: 'File not found' });
      expect(postbackIssues(fileBody)).toEqual([]);
      expect(r.received).toHaveLength(2);
    });

    it('a non-2xx answer is retried after 1 s and then 5 s, until a 2xx: three identical bodies, delivered', async () => {
      const { a, spaceId } = await world('retry');
      const r = await receiver();
      r.answers.push(500, 503);
      const src = await content(a, spaceId, hook(r));
      await finish();

      const [d] = deliveriesOf(src.id);
      expect(d!.state).toBe('pending');
      expect(d!.attempts.map((t) => t.status)).toEqual([500]);

      advance(999);
      await settle();
      expect(d!.attempts).toHaveLength(1);
      advance(1);
      await settle();
      expect(d!.attempts.map((t) => t.status)).toEqual([500, 503]);
      expect(d!.state).toBe('pending');
      expect(d!.attempts[1]!.at - d!.attempts[0]!.at).toBe(1000);

      advance(4999);
      await settle();
      expect(d!.attempts).toHaveLength(2);
      advance(1);
      await settle();
      expect(d!.attempts.map((t) => t.status)).toEqual([500, 503, 200]);
      expect(d!.state).toBe('delivered');
      expect(d!.attempts[2]!.at - d!.attempts[1]!.at).toBe(5000);

      const bodies = postbacksTo(r, src.id);
      expect(bodies).toHaveLength(3);
      expect(bodies[1]).toEqual(bodies[0]);
      expect(bodies[2]).toEqual(bodies[0]);
      expect(bodies[0]).toMatchObject({ sourceId: src.id, status: 'COMPLETED' });

      // Delivered: no more attempts.
      advance(60_000);
      await settle();
      expect(d!.attempts).toHaveLength(3);
      expect(r.received).toHaveLength(3);
    });

    it('a postback URL with nothing listening is tried four times (errors recorded) and then marked failed', async () => {
      const { a, spaceId } = await world('dead-hook');
      const port = await deadPort();
      const src = await content(a, spaceId, { instructions: { postback_url: `http://127.0.0.1:${port}/hook` } });
      await finish();
      expect(await statusOf(a, src.id)).toBe('COMPLETED');
      const [d] = deliveriesOf(src.id);
      expect(d!.url).toBe(`http://127.0.0.1:${port}/hook`);
      expect(d!.attempts).toHaveLength(1);
      expect(d!.state).toBe('pending');
      for (const [wait, count] of [
        [1000, 2],
        [5000, 3],
        [25000, 4],
      ] as const) {
        // Not a millisecond early.
        advance(wait - 1);
        await settle();
        expect(d!.attempts).toHaveLength(count - 1);
        expect(d!.state).toBe('pending');
        advance(1);
        await settle();
        expect(d!.attempts).toHaveLength(count);
        expect(d!.attempts[count - 1]!.at - d!.attempts[count - 2]!.at).toBe(wait);
      }
      for (const t of d!.attempts) {
        expect(t.status).toBeUndefined();
        expect(typeof t.error).toBe('string');
        expect(t.error!.length).toBeGreaterThan(0);
      }
      expect(d!.state).toBe('failed');
      advance(120_000);
      await settle();
      expect(d!.attempts).toHaveLength(4);
      expect(deliveriesOf(src.id)).toHaveLength(1);
    });
  });

  describe('cancel', () => {
    it('cancels from CREATED, PENDING and PROCESSING at once, runs nothing more, and posts CANCELED', async () => {
      const { a, spaceId, userId } = await world('cancel');
      const r = await receiver();
      for (const before of [0, 1000, 2000]) {
        const src = await content(a, spaceId, hook(r));
        advance(before);
        expect(await statusOf(a, src.id)).toBe(['CREATED', 'PENDING', 'PROCESSING'][before / 1000]);
        const canceled = await ok(a.post(`/v1/sources/${src.id}/cancel`));
        expect(canceled).toMatchObject({ id: src.id, status: 'CANCELED', message: null });
        await settle();
        expect(postbacksTo(r, src.id)).toEqual([{ event: 'SourceStatusNotification', sourceId: src.id, userId, spaceId, status: 'CANCELED' }]);
        expect(postbackIssues(postbacksTo(r, src.id)[0])).toEqual([]);

        advance(10_000);
        await settle();
        const later = await get(a, src.id);
        expect(later.status).toBe('CANCELED');
        expect(later.updatedAt).toBe(canceled.updatedAt);
        expect(postbacksTo(r, src.id)).toHaveLength(1);
      }
    });

    it('a source that is no longer running cannot be canceled (400 on status)', async () => {
      const { a, spaceId } = await world('cancel-done');
      const done = await content(a, spaceId);
      const failed = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://x.invalid/' }, instructions: {} });
      await finish();
      const res = await a.post(`/v1/sources/${done.id}/cancel`);
      expectFieldError(res, 'status', 'Source status is COMPLETED');
      expect(res.json.message).toBe('Source cannot be canceled in its current status');
      expectFieldError(await a.post(`/v1/sources/${failed.id}/cancel`), 'status', 'Source status is FAILED');
      expect(await statusOf(a, done.id)).toBe('COMPLETED');

      const canceled = await content(a, spaceId);
      await ok(a.post(`/v1/sources/${canceled.id}/cancel`));
      const again = await a.post(`/v1/sources/${canceled.id}/cancel`);
      expectFieldError(again, 'status', 'Source status is CANCELED');
      expect(again.json.message).toBe('Source cannot be canceled in its current status');
    });
  });

  describe('reprocess', () => {
    it('a COMPLETED source goes back to PENDING and completes again, with a second postback', async () => {
      const { a, spaceId } = await world('reprocess');
      const r = await receiver();
      const src = await content(a, spaceId, hook(r));
      await finish();
      expect(postbacksTo(r, src.id)).toHaveLength(1);

      const again = await ok(a.post(`/v1/sources/${src.id}/reprocess`));
      expect(again).toMatchObject({ id: src.id, status: 'PENDING', message: null, type: 'CONTENT', initial_data: src.initial_data });
      advance(1000);
      expect(await statusOf(a, src.id)).toBe('PROCESSING');
      await settle();
      expect(postbacksTo(r, src.id)).toHaveLength(1);
      advance(1000);
      await settle();
      expect(await statusOf(a, src.id)).toBe('COMPLETED');
      const bodies = postbacksTo(r, src.id);
      expect(bodies).toHaveLength(2);
      expect(bodies[1]).toEqual(bodies[0]);
      expect(bodies[1].status).toBe('COMPLETED');
    });

    it('a running source cannot be reprocessed (400 on status)', async () => {
      const { a, spaceId } = await world('reprocess-running');
      const src = await content(a, spaceId);
      const created = await a.post(`/v1/sources/${src.id}/reprocess`);
      expectFieldError(created, 'status', 'Source status is CREATED');
      expect(created.json.message).toBe('Source must be COMPLETED or FAILED to be reprocessed');
      advance(2000);
      expectFieldError(await a.post(`/v1/sources/${src.id}/reprocess`), 'status', 'Source status is PROCESSING');
      // The rejected calls did not disturb the run.
      advance(1000);
      expect(await statusOf(a, src.id)).toBe('COMPLETED');

      const canceled = await content(a, spaceId);
      await ok(a.post(`/v1/sources/${canceled.id}/cancel`));
      expectFieldError(await a.post(`/v1/sources/${canceled.id}/reprocess`), 'status', 'Source status is CANCELED');
    });

    it('a source that failed to fetch its content has nothing to reprocess', async () => {
      const { a, spaceId } = await world('reprocess-empty');
      const uri = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://docs.example.invalid/' }, instructions: {} });
      const file = await create(a, spaceId, { type: 'FILE', initial_data: { data: 'uploads/nope/x.txt' }, instructions: {} });
      await finish();
      for (const s of [uri, file]) {
        const res = await a.post(`/v1/sources/${s.id}/reprocess`);
        expectFieldError(res, 'status');
        expect(res.json.message).toBe('Source has no content to reprocess');
        expect(await statusOf(a, s.id)).toBe('FAILED');
      }
    });

    it('the options body is optional: update_existing false, {} and no body are accepted; a non-boolean is 400 on update_existing', async () => {
      const { a, spaceId } = await world('reprocess-body');
      const src = await content(a, spaceId);
      await finish();
      const path = `/v1/sources/${src.id}/reprocess`;
      for (const body of [
        { update_existing: false },
        {},
        undefined,
        { run_context_extraction: false, run_artifact_extraction: false, update_existing: true },
      ]) {
        expect((await ok(a.post(path, body))).status).toBe('PENDING');
        advance(2000);
        expect(await statusOf(a, src.id)).toBe('COMPLETED');
      }
      expectFieldError(await a.post(path, { update_existing: 'no' }), 'update_existing');
      expectFieldError(await a.post(path, { run_context_extraction: 1 }), 'run_context_extraction');
      // Rejected before it started anything.
      expect(await statusOf(a, src.id)).toBe('COMPLETED');
    });
  });

  describe('refresh', () => {
    it('only URI and FILE sources can be refreshed (400 on type)', async () => {
      const { a, spaceId } = await world('refresh-type');
      const text = await content(a, spaceId);
      const comp = await create(a, spaceId, { type: 'COMPOSITION', initial_data: { source_ids: [text.id] }, instructions: {} });
      await finish();
      for (const s of [text, comp]) {
        const res = await a.post(`/v1/sources/${s.id}/refresh`);
        expectFieldError(res, 'type', `Source type is ${s.type}`);
        expect(res.json.message).toBe('Only URI and FILE sources can be refreshed');
        expect(await statusOf(a, s.id)).toBe('COMPLETED');
      }
    });

    it('a URI source is refreshed from COMPLETED, FAILED or CANCELED; a .invalid one fails again', async () => {
      const { a, spaceId, userId } = await world('refresh');
      const r = await receiver();
      const good = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://example.com/page' }, ...hook(r) });
      const bad = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://docs.example.invalid/page' }, ...hook(r) });
      const stopped = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://example.com/other' }, ...hook(r) });
      await ok(a.post(`/v1/sources/${stopped.id}/cancel`));
      await finish();
      expect(await statusOf(a, good.id)).toBe('COMPLETED');
      expect(await statusOf(a, bad.id)).toBe('FAILED');

      for (const s of [good, bad, stopped]) {
        const res = await ok(a.post(`/v1/sources/${s.id}/refresh`, s === good ? { run_context_extraction: true, run_artifact_extraction: false } : undefined));
        expect(res).toMatchObject({ id: s.id, status: 'PENDING', message: null, type: 'URI' });
      }
      advance(1000);
      for (const s of [good, bad, stopped]) expect(await statusOf(a, s.id)).toBe('PROCESSING');
      advance(1000);
      await settle();
      expect(await get(a, good.id)).toMatchObject({ status: 'COMPLETED', message: null });
      expect(await get(a, bad.id)).toMatchObject({ status: 'FAILED', message: 'Failed to fetch URL' });
      expect(await get(a, stopped.id)).toMatchObject({ status: 'COMPLETED', message: null });

      expect(postbacksTo(r, good.id).map((b) => b.status)).toEqual(['COMPLETED', 'COMPLETED']);
      expect(postbacksTo(r, stopped.id).map((b) => b.status)).toEqual(['CANCELED', 'COMPLETED']);
      const badBodies = postbacksTo(r, bad.id);
      expect(badBodies).toHaveLength(2);
      expect(badBodies[1]).toEqual({ event: 'SourceStatusNotification', sourceId: bad.id, userId, spaceId, status: 'FAILED', message: 'Failed to fetch URL' });
    });

    it('a FILE source can be refreshed; a running source cannot (400 on status); a bad body is 400', async () => {
      const { a, spaceId } = await world('refresh-file');
      const up = await ok(a.post('/v1/upload/s3', { filename: 'a.md', contentType: 'text/markdown', size: 3 }));
      const file = await create(a, spaceId, { type: 'FILE', initial_data: { data: up.fileKey }, instructions: {} });
      const created = await a.post(`/v1/sources/${file.id}/refresh`);
      expectFieldError(created, 'status', 'Source status is CREATED');
      expect(created.json.message).toBe('Source must be COMPLETED, FAILED or CANCELED to be refreshed');
      advance(2000);
      expectFieldError(await a.post(`/v1/sources/${file.id}/refresh`), 'status', 'Source status is PROCESSING');
      advance(1000);
      expect(await statusOf(a, file.id)).toBe('COMPLETED');
      expectFieldError(await a.post(`/v1/sources/${file.id}/refresh`, { run_artifact_extraction: 'yes' }), 'run_artifact_extraction');
      expect((await ok(a.post(`/v1/sources/${file.id}/refresh`, {}))).status).toBe('PENDING');
      expectFieldError(await a.post(`/v1/sources/${file.id}/refresh`), 'status', 'Source status is PENDING');
      advance(2000);
      expect(await statusOf(a, file.id)).toBe('COMPLETED');
    });
  });

  describe('fast-forward', () => {
    it('the target must be COMPLETED or FAILED (400 on status)', async () => {
      const { a, spaceId } = await world('ff-state');
      const src = await content(a, spaceId);
      const body = { type: 'CONTENT', initial_data: { data: 'v2' } };
      const path = `/v1/sources/${src.id}/fast-forward`;
      const created = await a.post(path, body);
      expectFieldError(created, 'status', 'Source status is CREATED');
      expect(created.json.message).toBe('Source must be COMPLETED or FAILED to be fast-forwarded');
      advance(1000);
      expectFieldError(await a.post(path, body), 'status', 'Source status is PENDING');
      advance(1000);
      expectFieldError(await a.post(path, body), 'status', 'Source status is PROCESSING');
      advance(1000);
      expect(await statusOf(a, src.id)).toBe('COMPLETED');

      const canceled = await content(a, spaceId);
      await ok(a.post(`/v1/sources/${canceled.id}/cancel`));
      expectFieldError(await a.post(`/v1/sources/${canceled.id}/fast-forward`, body), 'status', 'Source status is CANCELED');
    });

    it('the body follows the create rules: no COMPOSITION, type and initial_data required, per-type data, postback URL policy', async () => {
      const { a, spaceId } = await world('ff-body');
      const src = await content(a, spaceId);
      await finish();
      const path = `/v1/sources/${src.id}/fast-forward`;
      expectFieldError(await a.post(path, { type: 'COMPOSITION', initial_data: { source_ids: [src.id] } }), 'type', 'type must be one of URI, FILE, CONTENT');
      expectFieldError(await a.post(path, { initial_data: { data: 'x' } }), 'type');
      expectFieldError(await a.post(path, { type: 'CONTENT' }), 'initial_data');
      expectFieldError(await a.post(path, { type: 'CONTENT', initial_data: {} }), 'initial_data.data', 'data is required for type CONTENT');
      expectFieldError(await a.post(path, { type: 'FILE', initial_data: { url: 'https://example.com/' } }), 'initial_data.data');
      expectFieldError(await a.post(path, { type: 'URI', initial_data: { data: 'x' } }), 'initial_data.url');
      expectFieldError(
        await a.post(path, { type: 'CONTENT', initial_data: { data: 'x' }, instructions: { postback_url: 'http://example.com/x' } }),
        'instructions.postback_url',
      );
      expect(await get(a, src.id)).toMatchObject({ status: 'COMPLETED', type: 'CONTENT', initial_data: { data: 'Your content here...' } });
    });

    it("the run uses the body's data while the target keeps its own type and initial_data; postbacks go to the body's URL when given, else the source's", async () => {
      const { a, spaceId, userId } = await world('ff-run');
      const r1 = await receiver();
      const r2 = await receiver();
      const src = await content(a, spaceId, hook(r1));
      await finish();
      expect(postbacksTo(r1, src.id)).toHaveLength(1);

      // An unfetchable URI run on a CONTENT target: it FAILS, and the source's own receiver hears it.
      const ff = await ok(a.post(`/v1/sources/${src.id}/fast-forward`, { type: 'URI', initial_data: { url: 'https://x.invalid' } }));
      expect(ff).toMatchObject({
        id: src.id,
        status: 'PENDING',
        type: 'CONTENT',
        initial_data: { data: 'Your content here...' },
        instructions: { postback_url: r1.url },
      });
      advance(1000);
      expect(await statusOf(a, src.id)).toBe('PROCESSING');
      advance(1000);
      await settle();
      expect(await get(a, src.id)).toMatchObject({
        status: 'FAILED',
        message: 'Failed to fetch URL',
        type: 'CONTENT',
        initial_data: { data: 'Your content here...' },
      });
      expect(postbacksTo(r1, src.id)[1]).toEqual({
        event: 'SourceStatusNotification',
        sourceId: src.id,
        userId,
        spaceId,
        status: 'FAILED',
        message: 'Failed to fetch URL',
      });

      // From FAILED, with its own postback URL: only the second receiver hears this run.
      const ff2 = await ok(
        a.post(`/v1/sources/${src.id}/fast-forward`, { type: 'CONTENT', initial_data: { data: 'Updated content...' }, instructions: { postback_url: r2.url } }),
      );
      expect(ff2).toMatchObject({ status: 'PENDING', message: null, instructions: { postback_url: r1.url } });
      advance(2000);
      await settle();
      const done = await get(a, src.id);
      expect(done).toMatchObject({
        status: 'COMPLETED',
        message: null,
        type: 'CONTENT',
        initial_data: { data: 'Your content here...' },
        instructions: { postback_url: r1.url },
      });
      expect(postbacksTo(r2, src.id)).toEqual([{ event: 'SourceStatusNotification', sourceId: src.id, userId, spaceId, status: 'COMPLETED' }]);
      expect(postbacksTo(r1, src.id)).toHaveLength(2);

      // A later reprocess posts to the source's own URL again.
      await ok(a.post(`/v1/sources/${src.id}/reprocess`));
      advance(2000);
      await settle();
      expect(postbacksTo(r1, src.id).map((b) => b.status)).toEqual(['COMPLETED', 'FAILED', 'COMPLETED']);
      expect(postbacksTo(r2, src.id)).toHaveLength(1);
    });

    it('a FILE fast-forward with a fileKey never issued ends FAILED "File not found"; with an issued one it completes', async () => {
      const { a, spaceId } = await world('ff-file');
      const src = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://example.com/' }, instructions: {} });
      await finish();
      await ok(a.post(`/v1/sources/${src.id}/fast-forward`, { type: 'FILE', initial_data: { data: 'uploads/nope/y.txt' } }));
      advance(2000);
      expect(await get(a, src.id)).toMatchObject({ status: 'FAILED', message: 'File not found', type: 'URI', initial_data: { url: 'https://example.com/' } });
      const up = await ok(a.post('/v1/upload/s3', { filename: 'y.txt', contentType: 'text/plain', size: 1 }));
      await ok(a.post(`/v1/sources/${src.id}/fast-forward`, { type: 'FILE', initial_data: { data: up.fileKey } }));
      advance(2000);
      expect(await get(a, src.id)).toMatchObject({ status: 'COMPLETED', message: null, type: 'URI' });
    });
  });

  describe('soft delete and restore', () => {
    it('DELETE sets deletedAt; afterwards every route but restore is 404; restore clears deletedAt and keeps status', async () => {
      const { a, spaceId } = await world('soft');
      const src = await content(a, spaceId);
      await finish();
      advance(500);
      const deleted = await ok(a.del(`/v1/sources/${src.id}`));
      expect(deleted).toMatchObject({ id: src.id, status: 'COMPLETED' });
      expect(deleted.deletedAt).toMatch(ISO);
      expect(deleted.deletedAt).toBe(new Date(ctx.server.clock.nowMs()).toISOString());

      const id = src.id;
      const calls: Array<[string, () => Promise<Res>]> = [
        ['GET', () => a.get(`/v1/sources/${id}`)],
        ['PATCH', () => a.patch(`/v1/sources/${id}`, { name: 'renamed' })],
        ['toggle-pin', () => a.patch(`/v1/sources/${id}/toggle-pin`)],
        ['reprocess', () => a.post(`/v1/sources/${id}/reprocess`)],
        ['refresh', () => a.post(`/v1/sources/${id}/refresh`)],
        ['fast-forward', () => a.post(`/v1/sources/${id}/fast-forward`, { type: 'CONTENT', initial_data: { data: 'x' } })],
        ['cancel', () => a.post(`/v1/sources/${id}/cancel`)],
        ['DELETE', () => a.del(`/v1/sources/${id}`)],
      ];
      for (const [label, call] of calls) {
        const res = await call();
        expect(res.status, label).toBe(404);
        expect(res.json, label).toEqual(NOT_FOUND_BODY);
      }
      expect((await listOf(a, spaceId)).sources).toEqual([]);
      const withDeleted = await listOf(a, spaceId, '?include_deleted=true');
      expect(withDeleted.sources.map((s: any) => s.id)).toEqual([id]);
      expect(withDeleted.sources[0].deletedAt).toBe(deleted.deletedAt);
      // The 404 calls changed nothing.
      expect(withDeleted.sources[0]).toMatchObject({ name: src.name, pinned: false, status: 'COMPLETED' });

      const restored = await ok(a.post(`/v1/sources/${id}/restore`));
      expect(restored).toMatchObject({ id, deletedAt: null, status: 'COMPLETED' });
      expect(await get(a, id)).toEqual(restored);
      expect((await listOf(a, spaceId)).sources.map((s: any) => s.id)).toEqual([id]);

      const again = await a.post(`/v1/sources/${id}/restore`);
      expectFieldError(again, 'deletedAt', 'Source is not deleted');
      expect(again.json.message).toBe('Source is not deleted');
      expectCtxfyError(await a.post('/v1/sources/7f9e2c1a-3b4d-4e5f-8a6b-9c0d1e2f3a4b/restore'), 404, NOT_FOUND);
    });

    it('a source deleted mid-run still completes and its postback still fires', async () => {
      const { a, spaceId, userId } = await world('soft-running');
      const r = await receiver();
      const src = await content(a, spaceId, hook(r));
      advance(1000);
      const deleted = await ok(a.del(`/v1/sources/${src.id}`));
      expect(deleted.status).toBe('PENDING');
      advance(2000);
      await settle();
      expect(postbacksTo(r, src.id)).toEqual([{ event: 'SourceStatusNotification', sourceId: src.id, userId, spaceId, status: 'COMPLETED' }]);
      const [listed] = (await listOf(a, spaceId, '?include_deleted=true')).sources;
      expect(listed).toMatchObject({ id: src.id, status: 'COMPLETED' });
      expect(listed.deletedAt).not.toBeNull();
      const restored = await ok(a.post(`/v1/sources/${src.id}/restore`));
      expect(restored).toMatchObject({ status: 'COMPLETED', deletedAt: null });
    });
  });

  describe('metadata', () => {
    it('PATCH changes name, description and collectionId (null = root), bumps updatedAt, and ignores type, status and initial_data', async () => {
      const { a, spaceId, collectionId } = await world('patch');
      const src = await content(a, spaceId, { name: 'Original', description: 'first' });
      const path = `/v1/sources/${src.id}`;
      advance(250);
      const renamed = await ok(a.patch(path, { name: '  Renamed  ', description: 'second' }));
      expect(renamed).toMatchObject({ name: 'Renamed', description: 'second', collectionId: null });
      expect(Date.parse(renamed.updatedAt) - Date.parse(src.updatedAt)).toBe(250);
      // Allowed while running, and the run is unaffected.
      expect(renamed.status).toBe('CREATED');

      const moved = await ok(a.patch(path, { collectionId }));
      expect(moved).toMatchObject({ collectionId, name: 'Renamed', description: 'second' });
      expect((await ok(a.patch(path, { description: null }))).description).toBeNull();
      expect((await ok(a.patch(path, { collectionId: null }))).collectionId).toBeNull();

      const ignored = await ok(a.patch(path, { name: 'Kept', type: 'FILE', status: 'FAILED', initial_data: { data: 'other' }, pinned: true }));
      expect(ignored).toMatchObject({ name: 'Kept', type: 'CONTENT', status: 'CREATED', initial_data: { data: 'Your content here...' }, pinned: false });
      await finish();
      expect(await get(a, src.id)).toMatchObject({ name: 'Kept', type: 'CONTENT', status: 'COMPLETED' });
    });

    it('PATCH rejects an empty body, a blank name, and a collection that is unknown or of another space', async () => {
      const { a, spaceId, collectionId } = await world('patch-bad');
      const src = await content(a, spaceId, { name: 'Original', collectionId });
      const path = `/v1/sources/${src.id}`;
      expectCtxfyError(await a.patch(path, {}), 400);
      expectFieldError(await a.patch(path, { name: '  ' }), 'name');
      expectFieldError(await a.patch(path, { name: '' }), 'name');
      expectFieldError(await a.patch(path, { name: 42 }), 'name');
      expectCtxfyError(await a.patch(path, { collectionId: 'c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601' }), 404, NOT_FOUND);
      const other = await ok(a.post('/v1/spaces', { name: 'other' }), 201);
      const otherCol = await ok(a.post(`/v1/spaces/${other.id}/collections`, { name: 'Theirs' }), 201);
      expectCtxfyError(await a.patch(path, { collectionId: otherCol.id, name: 'Moved' }), 404, NOT_FOUND);
      // None of the rejected patches changed anything.
      expect(await get(a, src.id)).toEqual(src);
    });

    it('toggle-pin flips pinned both ways, in any status', async () => {
      const { a, spaceId } = await world('pin');
      const src = await content(a, spaceId);
      const path = `/v1/sources/${src.id}/toggle-pin`;
      expect((await ok(a.patch(path))).pinned).toBe(true);
      expect((await get(a, src.id)).pinned).toBe(true);
      await finish();
      expect((await ok(a.patch(path))).pinned).toBe(false);
      expect((await get(a, src.id)).pinned).toBe(false);
      const back = await ok(a.patch(path));
      expect(back).toMatchObject({ pinned: true, status: 'COMPLETED' });
    });
  });

  describe('listing (mock extension)', () => {
    it('newest first, paginated with the real total on every page, even past the end', async () => {
      const { a, spaceId } = await world('list-pages');
      const made: string[] = [];
      for (let i = 0; i < 5; i++) {
        made.push((await content(a, spaceId, { name: `s${i}` })).id);
        advance(1);
      }
      const newest = [...made].reverse();
      const all = await listOf(a, spaceId);
      expect(Object.keys(all).sort()).toEqual(['pagination', 'sources']);
      expect(all.sources.map((s: any) => s.id)).toEqual(newest);
      expect(all.pagination).toEqual({ page: 1, per_page: 20, total: 5, pages: 1 });

      const pages: string[] = [];
      for (const page of [1, 2, 3]) {
        const p = await listOf(a, spaceId, `?per_page=2&page=${page}`);
        expect(p.pagination).toEqual({ page, per_page: 2, total: 5, pages: 3 });
        pages.push(...p.sources.map((s: any) => s.id));
        expect(p.sources).toHaveLength(page === 3 ? 1 : 2);
      }
      expect(pages).toEqual(newest);
      const past = await listOf(a, spaceId, '?per_page=2&page=4');
      expect(past).toEqual({ sources: [], pagination: { page: 4, per_page: 2, total: 5, pages: 3 } });

      // Created in the same millisecond: still later-created first.
      const same = await ok(a.post('/v1/spaces', { name: 'same ms' }), 201);
      const burst: string[] = [];
      for (let i = 0; i < 3; i++) burst.push((await content(a, same.id, { name: `b${i}` })).id);
      const listed = (await listOf(a, same.id)).sources;
      expect(new Set(listed.map((s: any) => s.createdAt)).size).toBe(1);
      expect(listed.map((s: any) => s.id)).toEqual([...burst].reverse());

      const empty = await ok(a.post('/v1/spaces', { name: 'empty' }), 201);
      expect(await listOf(a, empty.id)).toEqual({ sources: [], pagination: { page: 1, per_page: 20, total: 0, pages: 0 } });
    });

    it('filters by status, collectionId, pinned and include_deleted, combined with AND', async () => {
      const { a, spaceId, collectionId } = await world('list-filters');
      const done = await content(a, spaceId, { name: 'done' });
      advance(1);
      const failed = await create(a, spaceId, { type: 'URI', name: 'failed', initial_data: { url: 'https://x.invalid/' }, instructions: {} });
      advance(1);
      const canceled = await content(a, spaceId, { name: 'canceled' });
      await ok(a.post(`/v1/sources/${canceled.id}/cancel`));
      advance(1);
      const inCol = await content(a, spaceId, { name: 'in collection', collectionId });
      await ok(a.patch(`/v1/sources/${inCol.id}/toggle-pin`));
      advance(1);
      const gone = await content(a, spaceId, { name: 'gone', collectionId });
      await ok(a.patch(`/v1/sources/${gone.id}/toggle-pin`));
      await ok(a.del(`/v1/sources/${gone.id}`));
      await finish();

      const ids = async (query: string): Promise<string[]> => {
        const body = await listOf(a, spaceId, query);
        expect(body.pagination.total).toBe(body.sources.length);
        return body.sources.map((s: any) => s.id);
      };
      expect(await ids('')).toEqual([inCol.id, canceled.id, failed.id, done.id]);
      expect(await ids('?status=COMPLETED')).toEqual([inCol.id, done.id]);
      expect(await ids('?status=FAILED')).toEqual([failed.id]);
      expect(await ids('?status=CANCELED')).toEqual([canceled.id]);
      expect(await ids('?status=PROCESSING')).toEqual([]);
      expect(await ids(`?collectionId=${collectionId}`)).toEqual([inCol.id]);
      expect(await ids('?collectionId=c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601')).toEqual([]);
      expect(await ids('?pinned=true')).toEqual([inCol.id]);
      expect(await ids('?pinned=false')).toEqual([canceled.id, failed.id, done.id]);
      expect(await ids('?include_deleted=true')).toEqual([gone.id, inCol.id, canceled.id, failed.id, done.id]);
      expect(await ids('?include_deleted=false')).toEqual([inCol.id, canceled.id, failed.id, done.id]);
      expect(await ids(`?include_deleted=true&pinned=true&collectionId=${collectionId}`)).toEqual([gone.id, inCol.id]);
      expect(await ids('?include_deleted=true&status=COMPLETED&pinned=true')).toEqual([gone.id, inCol.id]);
      expect(await ids('?status=COMPLETED&pinned=false')).toEqual([done.id]);
    });

    it('rejects per_page 0 and 101, page 0 and an unknown status; an unknown space is 404', async () => {
      const { a, spaceId } = await world('list-bad');
      expectFieldError(await a.get(`/v1/spaces/${spaceId}/sources?per_page=0`), 'per_page');
      expectFieldError(await a.get(`/v1/spaces/${spaceId}/sources?per_page=101`), 'per_page');
      expectFieldError(await a.get(`/v1/spaces/${spaceId}/sources?page=0`), 'page');
      expectFieldError(await a.get(`/v1/spaces/${spaceId}/sources?status=DONE`), 'status');
      expectFieldError(await a.get(`/v1/spaces/${spaceId}/sources?pinned=maybe`), 'pinned');
      expect((await listOf(a, spaceId, '?per_page=100')).pagination.per_page).toBe(100);
      expectCtxfyError(await a.get('/v1/spaces/0d3b8c6e-4f2a-4b1d-8e9c-7a6f5d4c3b21/sources'), 404, NOT_FOUND);
      expectCtxfyError(await a.get('/v1/spaces/example_string/sources'), 404, NOT_FOUND);
    });
  });

  describe('space delete', () => {
    it('removes every source of the space, drops their scheduled transitions and sends no postbacks; other spaces go on', async () => {
      const { a, spaceId, collectionId } = await world('cascade');
      const r = await receiver();
      const finished = await content(a, spaceId, hook(r));
      await finish();
      expect(postbacksTo(r, finished.id)).toHaveLength(1);

      const created = await content(a, spaceId, hook(r));
      const pending = await content(a, spaceId, { ...hook(r), collectionId });
      const processing = await create(a, spaceId, { type: 'URI', initial_data: { url: 'https://example.com/' }, ...hook(r) });
      advance(1000); // created→PENDING for all three
      const stillCreated = await content(a, spaceId, hook(r));
      advance(1000); // the first three PROCESSING, stillCreated PENDING
      const deletedRunning = await content(a, spaceId, hook(r));
      await ok(a.del(`/v1/sources/${deletedRunning.id}`));
      expect(await statusOf(a, processing.id)).toBe('PROCESSING');
      expect(await statusOf(a, stillCreated.id)).toBe('PENDING');

      const other = await ok(a.post('/v1/spaces', { name: 'survivor' }), 201);
      const survivor = await content(a, other.id, hook(r));

      const running = [created, pending, processing, stillCreated, deletedRunning];
      const before = ctx.server.clock.pending();
      const res = await ok(a.del(`/v1/spaces/${spaceId}`));
      expect(res.id).toBe(spaceId);
      expect(before - ctx.server.clock.pending()).toBe(running.length);

      for (const s of [finished, ...running]) {
        expectCtxfyError(await a.get(`/v1/sources/${s.id}`), 404, NOT_FOUND);
        expectCtxfyError(await a.post(`/v1/sources/${s.id}/restore`), 404, NOT_FOUND);
        expectCtxfyError(await a.post(`/v1/sources/${s.id}/cancel`), 404, NOT_FOUND);
      }
      expectCtxfyError(await a.get(`/v1/spaces/${spaceId}/sources`), 404, NOT_FOUND);
      expectCtxfyError(await a.get(`/v1/spaces/${spaceId}/collections`), 404, NOT_FOUND);

      advance(60_000);
      await settle();
      for (const s of running) {
        expect(postbacksTo(r, s.id)).toEqual([]);
        expect(deliveriesOf(s.id)).toEqual([]);
      }
      expect(postbacksTo(r, finished.id)).toHaveLength(1);
      expect(await statusOf(a, survivor.id)).toBe('COMPLETED');
      expect(postbacksTo(r, survivor.id).map((b) => b.status)).toEqual(['COMPLETED']);
      expect(r.received).toHaveLength(2);
    });
  });

  describe('isolation', () => {
    it("another user's source is 404 on GET and on every action, and stays untouched", async () => {
      const owner = await world('owner');
      const r = await receiver();
      const src = await content(owner.a, owner.spaceId, hook(r));
      await finish();
      const intruder = ctxfyApi(ctx.url, freshKey('intruder'));
      const id = src.id;
      const calls: Array<[string, () => Promise<Res>]> = [
        ['GET', () => intruder.get(`/v1/sources/${id}`)],
        ['PATCH', () => intruder.patch(`/v1/sources/${id}`, { name: 'mine now' })],
        ['toggle-pin', () => intruder.patch(`/v1/sources/${id}/toggle-pin`)],
        ['DELETE', () => intruder.del(`/v1/sources/${id}`)],
        ['restore', () => intruder.post(`/v1/sources/${id}/restore`)],
        ['reprocess', () => intruder.post(`/v1/sources/${id}/reprocess`)],
        ['refresh', () => intruder.post(`/v1/sources/${id}/refresh`)],
        ['fast-forward', () => intruder.post(`/v1/sources/${id}/fast-forward`, { type: 'CONTENT', initial_data: { data: 'x' } })],
        ['cancel', () => intruder.post(`/v1/sources/${id}/cancel`)],
        ['list', () => intruder.get(`/v1/spaces/${owner.spaceId}/sources`)],
        ['create', () => intruder.post(`/v1/spaces/${owner.spaceId}/sources`, { type: 'CONTENT', initial_data: { data: 'x' }, instructions: {} })],
      ];
      for (const [label, call] of calls) {
        const res = await call();
        expect(res.status, label).toBe(404);
        expect(res.json, label).toEqual(NOT_FOUND_BODY);
      }
      advance(10_000);
      await settle();
      const after = await get(owner.a, id);
      expect(after).toMatchObject({ name: src.name, pinned: false, deletedAt: null, status: 'COMPLETED', initial_data: src.initial_data });
      expect(Date.parse(after.updatedAt) - Date.parse(src.createdAt)).toBe(3000);
      expect(postbacksTo(r, id)).toHaveLength(1);

      // The intruder cannot compose the owner's source nor use the owner's fileKey.
      const own = await ok(intruder.post('/v1/spaces', { name: 'mine' }), 201);
      expectFieldError(
        await intruder.post(`/v1/spaces/${own.id}/sources`, { type: 'COMPOSITION', initial_data: { source_ids: [id] }, instructions: {} }),
        'initial_data.source_ids',
      );
      const up = await ok(owner.a.post('/v1/upload/s3', { filename: 'secret.txt', contentType: 'text/plain', size: 1 }));
      const stolen = await create(intruder, own.id, { type: 'FILE', initial_data: { data: up.fileKey }, instructions: {} });
      expect(stolen.userId).not.toBe(owner.userId);
      await finish();
      expect(await get(intruder, stolen.id)).toMatchObject({ status: 'FAILED', message: 'File not found' });
    });
  });
});
