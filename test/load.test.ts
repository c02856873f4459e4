/**
 * Correctness under load: bursts of truly concurrent
 * requests over real HTTP on loopback, one socket per request, then checks
 * that nothing was lost, duplicated or leaked across tenants, that exactly
 * one of many racing writers wins a uniqueness check, and that no reply is a
 * 5xx or breaks the spec (strict self-check). Never timed: only outcomes.
 */
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { parseJson, raw, keyMaker, uniqueName } from './support/client.js';
import { XAI_CODES, freshKey } from './support/xai.js';
import { awRaw } from './support/airweave.js';
import { cx } from './support/ctxfy.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
  /** The client port of the socket the request went out on. */
  localPort: number;
}

/** One HTTP request through `agent`; resolves with the whole reply. */
function send(agent: http.Agent, url: string, method: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, {
      method,
      agent,
      headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const localPort = res.socket.localPort ?? -1;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json = parseJson(text);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, localPort });
      });
    });
    req.end(payload);
  });
}

/**
 * Fires every request in the same tick, before any reply can arrive: a
 * keep-alive agent with no socket cap then has to open one socket each, so
 * the server sees them all at once. Asserts that it did (one socket per
 * request) and that no reply is a 5xx.
 */
async function burst(agent: http.Agent, requests: Array<() => Promise<Reply>>): Promise<Reply[]> {
  const replies = await Promise.all(requests.map((r) => r()));
  expect(new Set(replies.map((r) => r.localPort)).size, 'one socket per request').toBe(requests.length);
  const serverErrors = replies.filter((r) => r.status >= 500);
  expect(
    serverErrors.map((r) => `${r.status} ${r.text}`),
    'no 5xx',
  ).toEqual([]);
  return replies;
}

/** Counts of each status, for a readable failure message. */
const tally = (replies: Reply[]): Record<number, number> => {
  const out: Record<number, number> = {};
  for (const r of replies) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
};

const COLLECTION_ID = /^collection_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The exact xAI error envelope. */
function expectXaiEnvelope(r: Reply, status: keyof typeof XAI_CODES, error: string): void {
  expect(r.status, r.text).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  expect(r.json).toStrictEqual({ code: XAI_CODES[status], error });
}

/** Airweave's FastAPI envelope: exactly `{"detail": "…"}`. */
function expectAirweaveDetail(r: Reply, status: number, detail: string): void {
  expect(r.status, r.text).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  expect(r.json).toStrictEqual({ detail });
}

const CTXFY_CONFLICT = {
  error: 'Conflict',
  message: 'The request conflicts with the current state of the resource',
  code: 409,
  details: 'Resource already exists',
};

const awKey = keyMaker('aw-load-');
const ctxKey = keyMaker('ctx-load-');
const readableId = uniqueName;

describe('correctness under load', () => {
  const ctx = useServer({ providers: ['xai', 'airweave', 'ctxfy'] });
  let agent: http.Agent;

  beforeEach(() => {
    agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: Infinity });
  });
  afterEach(() => {
    agent.destroy();
    // useServer checks this too; said here as well so the intent is in this file.
    expect(ctx.server.selfCheckFailures, 'replies that break the spec').toEqual([]);
  });

  const xaiCreate = (key: string, name: string) => () =>
    send(agent, `${ctx.url}/xai/v1/collections`, 'POST', { authorization: `Bearer ${key}` }, { collection_name: name });

  /** Every collection of an xAI team, following pagination_token to the end (100 a page). */
  async function xaiListAll(key: string): Promise<{ items: Array<{ collection_id: string; collection_name: string }>; pages: number }> {
    const items: Array<{ collection_id: string; collection_name: string }> = [];
    let token: string | undefined;
    for (let pages = 1; pages <= 1000; pages++) {
      const query = new URLSearchParams({ limit: '100', ...(token ? { pagination_token: token } : {}) });
      const r = await raw(ctx.url, `/xai/v1/collections?${query}`, { key });
      expect(r.status, r.text).toBe(200);
      expect(r.json.collections.length).toBeLessThanOrEqual(100);
      items.push(...r.json.collections);
      if (!('pagination_token' in r.json)) return { items, pages };
      expect(r.json.pagination_token).toEqual(expect.any(String));
      token = r.json.pagination_token;
    }
    throw new Error('pagination did not end');
  }

  describe('xAI', () => {
    it('1,000 concurrent creates: every one 200, and the list (all pages) holds exactly those 1,000, each once, names intact', async () => {
      const key = freshKey('load');
      const N = 1000;
      // Unique names with spaces, punctuation and non-ASCII, so a mangled or swapped name shows.
      const nameOf = (i: number) => `load ${String(i).padStart(4, '0')} — ünïcödé "q" #${i}`;
      const replies = await burst(
        agent,
        Array.from({ length: N }, (_, i) => xaiCreate(key, nameOf(i))),
      );
      expect(tally(replies)).toEqual({ 200: N });

      const created = new Map<string, string>(); // id → name it was created with
      replies.forEach((r, i) => {
        expect(r.json.collection_id).toMatch(COLLECTION_ID);
        expect(r.json.collection_name).toBe(nameOf(i));
        expect(r.json.documents_count).toBe(0);
        created.set(r.json.collection_id, nameOf(i));
      });
      expect(created.size, 'every create got its own id').toBe(N);

      const { items, pages } = await xaiListAll(key);
      expect(pages).toBe(10);
      expect(items).toHaveLength(N);
      const listedIds = items.map((c) => c.collection_id);
      expect(new Set(listedIds).size, 'no collection listed twice').toBe(N);
      for (const c of items) {
        expect(created.has(c.collection_id), `${c.collection_id} was created by this burst`).toBe(true);
        expect(c.collection_name).toBe(created.get(c.collection_id));
      }
      // Default order (name descending) holds across the burst and the pages.
      expect(items.map((c) => c.collection_name)).toEqual([...created.values()].sort().reverse());
    });

    it('400 concurrent creates spread over 8 teams: each team lists exactly its own 50, nothing leaks', async () => {
      const keys = Array.from({ length: 8 }, (_, t) => freshKey(`tenant${t}`));
      const PER = 50;
      // Interleaved, so neighbouring requests belong to different teams.
      const plan = Array.from({ length: keys.length * PER }, (_, i) => ({
        key: keys[i % keys.length]!,
        name: `t${i % keys.length}-c${Math.floor(i / keys.length)}`,
      }));
      const replies = await burst(
        agent,
        plan.map((p) => xaiCreate(p.key, p.name)),
      );
      expect(tally(replies)).toEqual({ 200: plan.length });

      for (const [t, key] of keys.entries()) {
        const mine = new Map(replies.flatMap((r, i) => (plan[i]!.key === key ? [[r.json.collection_id as string, plan[i]!.name]] : [])));
        expect(mine.size).toBe(PER);
        const { items } = await xaiListAll(key);
        expect(items).toHaveLength(PER);
        expect(new Map(items.map((c) => [c.collection_id, c.collection_name]))).toEqual(mine);
        expect(items.every((c) => c.collection_name.startsWith(`t${t}-`))).toBe(true);
      }
      // Another team's id is not found, not forbidden.
      const foreign = replies[1]!.json.collection_id as string;
      const r = await raw(ctx.url, `/xai/v1/collections/${foreign}`, { key: keys[0]! });
      expect(r.status, r.text).toBe(404);
      expect(r.json).toStrictEqual({ code: XAI_CODES[404], error: expect.any(String) });
    });

    it('100 concurrent deletes of one collection: exactly one 200 {} and 99 404s; its sibling survives', async () => {
      const key = freshKey('del');
      const [doomed, kept] = await Promise.all(['Doomed', 'Kept'].map(async (name) => (await xaiCreate(key, name)()).json.collection_id as string));
      const replies = await burst(
        agent,
        Array.from({ length: 100 }, () => () => send(agent, `${ctx.url}/xai/v1/collections/${doomed}`, 'DELETE', { authorization: `Bearer ${key}` })),
      );
      expect(tally(replies)).toEqual({ 200: 1, 404: 99 });
      for (const r of replies) {
        if (r.status === 200) expect(r.json).toStrictEqual({});
        else expectXaiEnvelope(r, 404, `Collection ${doomed} not found.`);
      }
      const { items } = await xaiListAll(key);
      expect(items.map((c) => c.collection_id)).toEqual([kept]);
    });
  });

  describe('Airweave', () => {
    const awCreate = (key: string, body: Record<string, unknown>) => () => send(agent, `${ctx.url}/airweave/collections`, 'POST', { 'x-api-key': key }, body);
    const awDelete = (key: string, id: string) => () => send(agent, `${ctx.url}/airweave/collections/${id}`, 'DELETE', { 'x-api-key': key });
    const duplicate = (id: string) => `Collection with readable_id '${id}' already exists`;

    /** Exactly one 200 whose body is a collection with `id`; every other reply the vendor's duplicate 400. Returns the winner's index. */
    function oneWinner(replies: Reply[], id: string): number {
      expect(tally(replies)).toEqual({ 200: 1, 400: replies.length - 1 });
      const winner = replies.findIndex((r) => r.status === 200);
      expect(replies[winner]!.json).toMatchObject({ readable_id: id, id: expect.stringMatching(UUID) });
      for (const r of replies) if (r.status !== 200) expectAirweaveDetail(r, 400, duplicate(id));
      return winner;
    }

    it('100 concurrent creates of one readable_id in one organisation: one 200, 99 × 400 duplicate; GET and list show only the winner', async () => {
      const key = awKey('dup');
      const id = readableId('contended');
      const nameOf = (i: number) => `Contender ${String(i).padStart(3, '0')}`;
      const replies = await burst(
        agent,
        Array.from({ length: 100 }, (_, i) => awCreate(key, { name: nameOf(i), readable_id: id })),
      );
      const winner = oneWinner(replies, id);
      const won = replies[winner]!.json;
      expect(won.name).toBe(nameOf(winner));

      const got = await awRaw(ctx.url, `/collections/${id}`, { key });
      expect(got.status, got.text).toBe(200);
      expect(got.json).toMatchObject({ readable_id: id, id: won.id, name: nameOf(winner) });
      const list = await awRaw(ctx.url, '/collections', { key });
      expect(list.status, list.text).toBe(200);
      expect(list.json.map((c: any) => [c.readable_id, c.id, c.name])).toEqual([[id, won.id, nameOf(winner)]]);
    });

    it('across 50 organisations (the id is unique server-wide): one winner; a concurrent delete frees it exactly once, and a second race has one winner again', async () => {
      const keys = Array.from({ length: 50 }, (_, i) => awKey(`org${i}`));
      const id = readableId('global');
      const first = await burst(
        agent,
        keys.map((key) => awCreate(key, { name: 'Global Contender', readable_id: id })),
      );
      const winner = oneWinner(first, id);
      const owner = keys[winner]!;
      // Only the winner's organisation has it.
      for (const key of [owner, keys[(winner + 1) % keys.length]!]) {
        const got = await awRaw(ctx.url, `/collections/${id}`, { key });
        if (key === owner) expect(got.json).toMatchObject({ readable_id: id, id: first[winner]!.json.id });
        else expect([got.status, got.json]).toEqual([404, { detail: 'Collection not found' }]);
      }

      // 50 concurrent deletes by the owner: one 200 with the snapshot, 49 × 404.
      const deletes = await burst(
        agent,
        Array.from({ length: 50 }, () => awDelete(owner, id)),
      );
      expect(tally(deletes)).toEqual({ 200: 1, 404: 49 });
      for (const r of deletes) {
        if (r.status === 200) expect(r.json).toMatchObject({ readable_id: id, id: first[winner]!.json.id });
        else expectAirweaveDetail(r, 404, 'Collection not found');
      }

      // The id is free again, for anyone, but still for only one of them.
      const second = await burst(
        agent,
        keys.map((key) => awCreate(key, { name: 'Second Round', readable_id: id })),
      );
      const again = oneWinner(second, id);
      const got = await awRaw(ctx.url, `/collections/${id}`, { key: keys[again]! });
      expect(got.status, got.text).toBe(200);
      expect(got.json.id).toBe(second[again]!.json.id);
      expect(got.json.id).not.toBe(first[winner]!.json.id);
    });
  });

  describe('Ctxfy', () => {
    it('100 concurrent sibling collections of one name (50 at the root, 50 under a parent): one 201 per parent, the rest 409 with the documented body', async () => {
      const key = ctxKey('siblings');
      const space = await cx(ctx.url, '/v1/spaces', { method: 'POST', key, json: { name: 'Load Space' } });
      expect(space.status, space.text).toBe(201);
      const parent = await cx(ctx.url, `/v1/spaces/${space.json.id}/collections`, { method: 'POST', key, json: { name: 'Parent' } });
      expect(parent.status, parent.text).toBe(201);

      const url = `${ctx.url}/ctxfy/v1/spaces/${space.json.id}/collections`;
      const parentOf = (i: number): string | null => (i % 2 === 0 ? null : parent.json.id);
      // Names differ only by surrounding blanks, which the sibling rule trims away.
      const replies = await burst(
        agent,
        Array.from(
          { length: 100 },
          (_, i) => () => send(agent, url, 'POST', { authorization: `Bearer ${key}` }, { name: i % 3 === 0 ? '  Docs ' : 'Docs', parentId: parentOf(i) }),
        ),
      );
      expect(tally(replies)).toEqual({ 201: 2, 409: 98 });
      const winners = replies.flatMap((r, i) => (r.status === 201 ? [{ r, parentId: parentOf(i) }] : []));
      expect(winners.map((w) => w.parentId).sort()).toEqual([parent.json.id, null].sort());
      for (const w of winners) expect(w.r.json).toMatchObject({ id: expect.stringMatching(UUID), name: 'Docs', parentId: w.parentId, spaceId: space.json.id });
      for (const r of replies) {
        if (r.status !== 409) continue;
        expect(r.headers['content-type']).toMatch(/^application\/json/);
        expect(r.json).toStrictEqual(CTXFY_CONFLICT);
      }

      const tree = await cx(ctx.url, `/v1/spaces/${space.json.id}/collections`, { key });
      expect(tree.status, tree.text).toBe(200);
      const rootWinner = winners.find((w) => w.parentId === null)!.r.json;
      const childWinner = winners.find((w) => w.parentId !== null)!.r.json;
      expect(tree.json).toEqual({
        collections: [{ ...parent.json, children: [childWinner] }, rootWinner],
      });
    });
  });
});
