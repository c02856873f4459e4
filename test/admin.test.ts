/**
 * The admin API under /__mock, over real HTTP with a manual clock and the
 * strict self-check (so every admin reply is checked against specs/admin.yaml):
 * health, reset at each level, the journal and its filters after real provider
 * requests, scenarios activated through the API, the clock (advance, switch
 * mode) driving a provider lifecycle, deliveries after a Ctxfy postback, the
 * loopback and token rules, and bad input.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../src/server.js';
import { authenticateAdmin, isLoopback, isLoopbackOrigin } from '../src/admin/index.js';
import { isMockError } from '../src/core/errors.js';
import { startServer, useServer } from './support/server.js';
import { raw, readReply } from './support/client.js';
import { freshKey, uploadFile } from './support/xai.js';
import { ctxfyApi, startReceiver } from './support/ctxfy.js';

type Res = { status: number; headers: Headers; text: string; json: any };

// A scenario directory of our own, so the test does not depend on the shipped library.
const scenarioDir = mkdtempSync(path.join(os.tmpdir(), 'admin-scenarios-'));
mkdirSync(path.join(scenarioDir, 'xai'));
writeFileSync(
  path.join(scenarioDir, 'xai', 'create-fails.yaml'),
  [
    'description: The next create answers 500, once.',
    'rules:',
    '  - match: { operation: createCollection }',
    '    times: 1',
    '    respond: { status: 500 }',
    '',
  ].join('\n'),
);
writeFileSync(path.join(scenarioDir, 'xai', 'slow-list.yaml'), ['rules:', '  - match: { operation: listCollections }', '    delay: 1', ''].join('\n'));
afterAll(() => rmSync(scenarioDir, { recursive: true, force: true }));

const ctx = useServer({ providers: ['xai', 'ctxfy'], shippedScenarios: false, scenarios: [scenarioDir] });

/** A request to the admin API; `json` is sent as a JSON body. */
async function admin(p: string, init: { method?: string; json?: unknown; body?: string; headers?: Record<string, string>; base?: string } = {}): Promise<Res> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return readReply(await fetch(`${init.base ?? ctx.url}/__mock${p}`, { method: init.method ?? 'GET', headers, body: body ?? null }));
}

/** The admin envelope: `error` and `message`, maybe `details`, nothing else. */
function expectAdminError(res: Res, status: number, kind: string, message?: RegExp): any {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.json).toMatchObject({ error: kind, message: expect.any(String) });
  expect(Object.keys(res.json).every((k) => ['error', 'message', 'details'].includes(k))).toBe(true);
  if (message) expect(res.json.message).toMatch(message);
  return res.json;
}

const xaiCreate = (key: string, name = 'c') =>
  raw(ctx.url, '/xai/v1/collections', {
    key,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ collection_name: name }),
  });
const xaiList = async (key: string): Promise<string[]> => {
  const res = await raw(ctx.url, '/xai/v1/collections', { key });
  expect(res.status).toBe(200);
  return (res.json.collections as { collection_id: string }[]).map((c) => c.collection_id);
};

describe('health', () => {
  it('keeps the old fields and adds the scenario count and the journal size', async () => {
    await admin('/journal', { method: 'DELETE' });
    await xaiList(freshKey('health'));
    const res = await admin('/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ok',
      providers: [
        { name: 'xai', prefix: '/xai', records: [['collections'], ['collections', 'documents'], ['files']] },
        { name: 'ctxfy', prefix: '/ctxfy', records: [['spaces'], ['collections'], ['sources']] },
      ],
      root: null,
      clock: 'manual',
      processing_ms: 1000,
      scenarios: 2,
      journal: 1,
      adminToken: false,
      console: true,
    });
    // Admin requests are not journaled, and a trailing slash is the same route.
    expect((await admin('/health/')).json.journal).toBe(1);
  });
});

describe('clock', () => {
  it('reads, advances a manual clock, and refuses to advance a real one (409)', async () => {
    const before = await admin('/clock');
    expect(before.status).toBe(200);
    expect(before.json).toEqual({ mode: 'manual', now: new Date(before.json.nowMs).toISOString(), nowMs: expect.any(Number), pending: expect.any(Number) });
    const after = await admin('/clock/advance', { method: 'POST', json: { ms: 1500 } });
    expect(after.status).toBe(200);
    expect(after.json.nowMs).toBe(before.json.nowMs + 1500);
    expect(ctx.server.clock.nowMs()).toBe(after.json.nowMs);

    const real = await admin('/clock', { method: 'PUT', json: { mode: 'real' } });
    try {
      expect(real.status).toBe(200);
      expect(real.json.mode).toBe('real');
      // Continuous: no jump to the wall clock, time goes on from the manual time.
      expect(real.json.nowMs).toBeGreaterThanOrEqual(after.json.nowMs);
      expect(real.json.nowMs).toBeLessThan(after.json.nowMs + 5000);
      expect((await admin('/health')).json.clock).toBe('real');
      expectAdminError(await admin('/clock/advance', { method: 'POST', json: { ms: 1 } }), 409, 'conflict', /real/);
    } finally {
      const back = await admin('/clock', { method: 'PUT', json: { mode: 'manual' } });
      expect(back.json.mode).toBe('manual');
    }
    const frozen = (await admin('/clock')).json.nowMs;
    expect((await admin('/clock')).json.nowMs).toBe(frozen);
  });

  it('drives an xAI indexing lifecycle: the task survives a switch to real and back, and runs on advance', async () => {
    const key = freshKey('clock');
    const fileId = await uploadFile(ctx.url, key, 'a.txt', 'hello');
    const col = (await xaiCreate(key)).json.collection_id as string;
    const added = await raw(ctx.url, `/xai/v1/collections/${col}/documents/${fileId}`, { key, method: 'POST' });
    expect(added.status).toBe(200);
    const status = async () => (await raw(ctx.url, `/xai/v1/collections/${col}/documents/${fileId}`, { key })).json.status;
    expect(await status()).toBe('DOCUMENT_STATUS_PROCESSING');
    const pending = (await admin('/clock')).json.pending;
    expect(pending).toBeGreaterThanOrEqual(1);

    const started = (await admin('/clock')).json.nowMs;
    expect((await admin('/clock', { method: 'PUT', json: { mode: 'real' } })).json.pending).toBe(pending);
    const back = (await admin('/clock', { method: 'PUT', json: { mode: 'manual' } })).json;
    expect(back.pending).toBe(pending);
    // The real interval counted (a few ms), but the step is not due yet.
    const elapsed = back.nowMs - started;
    expect(elapsed).toBeGreaterThanOrEqual(0);
    expect(elapsed).toBeLessThan(500);
    expect(await status()).toBe('DOCUMENT_STATUS_PROCESSING');

    // Whole milliseconds on the wire, microseconds inside: a margin of a few ms either side.
    await admin('/clock/advance', { method: 'POST', json: { ms: 996 - elapsed } });
    expect(await status()).toBe('DOCUMENT_STATUS_PROCESSING');
    await admin('/clock/advance', { method: 'POST', json: { ms: 6 } });
    expect(await status()).toBe('DOCUMENT_STATUS_PROCESSED');
  });

  it('refuses a bad mode, a negative or fractional advance, and a missing body', async () => {
    expectAdminError(await admin('/clock', { method: 'PUT', json: { mode: 'sideways' } }), 400, 'validation', /mode/);
    expectAdminError(await admin('/clock/advance', { method: 'POST', json: { ms: -1 } }), 400, 'validation', /ms/);
    expectAdminError(await admin('/clock/advance', { method: 'POST', json: { ms: 1.5 } }), 400, 'validation', /ms/);
    expectAdminError(await admin('/clock/advance', { method: 'POST' }), 400, 'validation', /required/);
  });
});

describe('scenarios', () => {
  it('lists the loaded scenarios, by provider', async () => {
    const res = await admin('/scenarios?provider=xai');
    expect(res.status).toBe(200);
    expect(res.json.scenarios).toEqual([
      {
        provider: 'xai',
        name: 'create-fails',
        description: 'The next create answers 500, once.',
        source: path.join(scenarioDir, 'xai', 'create-fails.yaml'),
        shipped: false,
        rules: [{ match: { operation: 'createCollection' }, times: 1, respond: { status: 500 } }],
      },
      {
        provider: 'xai',
        name: 'slow-list',
        source: path.join(scenarioDir, 'xai', 'slow-list.yaml'),
        shipped: false,
        rules: [{ match: { operation: 'listCollections' }, delay: 1 }],
      },
    ]);
    expect((await admin('/scenarios')).json.scenarios).toHaveLength(2);
    expect((await admin('/scenarios?provider=ctxfy')).json.scenarios).toEqual([]);
    expectAdminError(await admin('/scenarios?provider=mixpeek'), 400, 'bad_request', /mixpeek.*not mounted.*xai, ctxfy/);
  });

  it('lists the shipped library in the same shape (the reply is self-checked)', async () => {
    const server = await startServer({ providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'] });
    try {
      const res = await admin('/scenarios', { base: server.url });
      expect(res.status).toBe(200);
      expect(res.json.scenarios.length).toBe(server.scenarios.list().length);
      expect((await admin('/health', { base: server.url })).json.scenarios).toBe(server.scenarios.list().length);
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('an inline times: 1 scenario makes the next xAI create fail with 429, once; the journal shows it with the scenario', async () => {
    const key = freshKey('inline');
    const sinceMs = (await admin('/clock/advance', { method: 'POST', json: { ms: 60_000 } })).json.nowMs as number;
    const act = await admin('/scenarios/active', {
      method: 'POST',
      json: { provider: 'xai', scenario: { rules: [{ match: { operation: 'createCollection' }, times: 1, respond: { status: 429 } }] } },
    });
    expect(act.status).toBe(201);
    expect(act.json).toEqual({
      id: expect.stringMatching(/^act_\d+$/),
      provider: 'xai',
      name: 'inline',
      tenant: null,
      via: 'admin',
      activatedAt: new Date(sinceMs).toISOString(),
      source: 'inline',
      rules: [{ rule: 1, times: 1, hits: 0, spent: false }],
    });

    const failed = await xaiCreate(key, 'first');
    expect(failed.status).toBe(429);
    expect(failed.json).toEqual({ code: 'Some resource has been exhausted', error: expect.any(String) });
    const ok = await xaiCreate(key, 'second');
    expect(ok.status).toBe(200);
    expect(await xaiList(key)).toEqual([ok.json.collection_id]);

    const active = (await admin('/scenarios/active?provider=xai')).json.activations;
    expect(active).toContainEqual({ ...act.json, rules: [{ rule: 1, times: 1, hits: 1, spent: true }] });

    const journal = await admin(`/journal?provider=xai&operation=createCollection&since=${sinceMs}`);
    expect(journal.status).toBe(200);
    expect(journal.json.entries.map((e: any) => [e.status, e.scenario?.name ?? null])).toEqual([
      [200, null],
      [429, 'inline'],
    ]);
    expect(journal.json.entries[1]).toMatchObject({
      method: 'POST',
      url: '/xai/v1/collections',
      tenant: `key:${key}`,
      scenario: { rule: 1, activation: act.json.id },
    });
    expect((await admin(`/scenarios/active/${act.json.id}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('a named scenario answers 500 once, then the handler; the journal filters by status, since (ISO and ms), operation and limit', async () => {
    const key = freshKey('named');
    const t0 = (await admin('/clock/advance', { method: 'POST', json: { ms: 60_000 } })).json;
    const act = await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', name: 'create-fails' } });
    expect(act.status).toBe(201);
    expect(act.json).toMatchObject({
      name: 'create-fails',
      source: path.join(scenarioDir, 'xai', 'create-fails.yaml'),
      rules: [{ rule: 1, times: 1, hits: 0, spent: false }],
    });

    expect((await xaiCreate(key)).status).toBe(500);
    await admin('/clock/advance', { method: 'POST', json: { ms: 1000 } });
    expect((await xaiCreate(key)).status).toBe(200);
    await xaiList(key);

    const since = (q: string) => admin(`/journal?provider=xai&since=${q}`);
    const all = (await since(t0.now)).json.entries;
    expect(all.map((e: any) => [e.operationId, e.status])).toEqual([
      ['listCollections', 200],
      ['createCollection', 200],
      ['createCollection', 500],
    ]);
    expect(all[2].scenario).toEqual({ name: 'create-fails', rule: 1, activation: act.json.id });
    expect(all[0].id).toBeGreaterThan(all[1].id);
    expect((await since(String(t0.nowMs))).json.entries).toEqual(all);
    // Without a zone, the time is UTC (as the journal prints it), whatever the machine's zone.
    expect((await since(t0.now.replace(/Z$/, ''))).json.entries).toEqual(all);
    expect((await since(String(t0.nowMs + 1000))).json.entries).toHaveLength(2);
    const only500 = (await admin(`/journal?status=500&since=${t0.nowMs}`)).json.entries;
    expect(only500).toEqual([all[2]]);
    expect((await admin(`/journal?operation=listCollections&since=${t0.nowMs}`)).json.entries).toEqual([all[0]]);
    const limited = await admin(`/journal?limit=1`);
    expect(limited.json.entries).toEqual([all[0]]);
    expect(limited.json).toMatchObject({ size: expect.any(Number), capacity: 1000 });
    expectAdminError(await admin('/journal?since=yesterday'), 400, 'validation', /since/);
    expectAdminError(await admin('/journal?since=2025-13-45T99:99:99Z'), 400, 'bad_request', /since/);
    expectAdminError(await admin('/journal?status=abc'), 400, 'validation', /status/);
    expectAdminError(await admin('/journal?limit=0'), 400, 'validation', /limit/);
    expectAdminError(await admin('/journal?provider=nope'), 400, 'bad_request', /nope/);

    const off = await admin(`/scenarios/active/${act.json.id}`, { method: 'DELETE' });
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({ id: act.json.id, rules: [{ rule: 1, times: 1, hits: 1, spent: true }] });
    expectAdminError(await admin(`/scenarios/active/${act.json.id}`, { method: 'DELETE' }), 404, 'not_found', new RegExp(act.json.id));
  });

  it('a tenant activation touches only that tenant', async () => {
    const mine = freshKey('mine');
    const other = freshKey('other');
    const act = await admin('/scenarios/active', {
      method: 'POST',
      json: {
        provider: 'xai',
        tenant: `key:${mine}`,
        scenario: { name: 'mine-only', rules: [{ match: { operation: 'createCollection' }, respond: { status: 500 } }] },
      },
    });
    expect(act.json).toMatchObject({ name: 'mine-only', tenant: `key:${mine}`, rules: [{ rule: 1, times: null, hits: 0, spent: false }] });
    expect((await xaiCreate(other)).status).toBe(200);
    expect((await xaiCreate(mine)).status).toBe(500);
    expect((await xaiCreate(mine)).status).toBe(500);
    const cleared = await admin(`/scenarios/active?provider=xai&tenant=${encodeURIComponent(`key:${mine}`)}`, { method: 'DELETE' });
    expect(cleared.json).toEqual({ cleared: 1 });
    expect((await xaiCreate(mine)).status).toBe(200);
  });

  it('header activations are listed with their counts, and DELETE without a provider switches everything off', async () => {
    const key = freshKey('hdr');
    const res = await raw(ctx.url, '/xai/v1/collections', {
      key,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mock-scenario': 'create-fails' },
      body: '{"collection_name":"h"}',
    });
    expect(res.status).toBe(500);
    await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', name: 'slow-list' } });
    const active = (await admin('/scenarios/active')).json.activations;
    expect(active).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'create-fails', via: 'header', tenant: `key:${key}`, rules: [{ rule: 1, times: 1, hits: 1, spent: true }] }),
        expect.objectContaining({ name: 'slow-list', via: 'admin', tenant: null }),
      ]),
    );
    const cleared = await admin('/scenarios/active', { method: 'DELETE' });
    expect(cleared.json.cleared).toBe(active.length);
    expect((await admin('/scenarios/active')).json.activations).toEqual([]);
    expectAdminError(await admin('/scenarios/active?tenant=x', { method: 'DELETE' }), 400, 'bad_request', /provider/);
  });

  it('refuses an unknown name (404), an unknown provider (400), and an invalid inline scenario naming the rule and field (400)', async () => {
    expectAdminError(
      await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', name: 'nope' } }),
      404,
      'not_found',
      /nope.*create-fails, slow-list/,
    );
    expectAdminError(await admin('/scenarios/active', { method: 'POST', json: { provider: 'airweave', name: 'x' } }), 400, 'bad_request', /airweave/);

    const undocumented = expectAdminError(
      await admin('/scenarios/active', {
        method: 'POST',
        json: { provider: 'xai', scenario: { rules: [{ respond: { status: 200 } }, { match: { operation: 'createCollection' }, respond: { status: 409 } }] } },
      }),
      400,
      'bad_request',
      /rule 2.*respond\.status.*409/,
    );
    expect(undocumented.details).toEqual({ rule: 2, field: 'respond.status' });

    const schema = expectAdminError(
      await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', scenario: { rules: [{ times: 0, respond: { status: 500 } }] } } }),
      400,
      'bad_request',
    );
    expect(schema.details).toEqual({ rule: 1, field: 'times' });
    const noOp = expectAdminError(
      await admin('/scenarios/active', {
        method: 'POST',
        json: { provider: 'xai', scenario: { rules: [{ match: { operation: 'nope' }, respond: { status: 500 } }] } },
      }),
      400,
      'bad_request',
      /nope is not an operation/,
    );
    expect(noOp.details).toEqual({ rule: 1, field: 'match.operation' });
    const wrongProvider = expectAdminError(
      await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', scenario: { provider: 'ctxfy', rules: [{ respond: { status: 500 } }] } } }),
      400,
      'bad_request',
      /ctxfy/,
    );
    expect(wrongProvider.details).toEqual({ rule: null, field: 'provider' });
    // The spec's own rules: exactly one of name and scenario, and nothing else.
    expectAdminError(
      await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', name: 'create-fails', scenario: { rules: [] } } }),
      400,
      'validation',
    );
    expectAdminError(await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai' } }), 400, 'validation');
    expectAdminError(
      await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', name: 'create-fails', times: 3 } }),
      400,
      'validation',
      /times/,
    );
    expect((await admin('/scenarios/active')).json.activations).toEqual([]);
  });
});

describe('reset', () => {
  it('one tenant: that tenant state only, and its scheduled steps', async () => {
    const a = freshKey('ta');
    const b = freshKey('tb');
    const indexing = async (key: string): Promise<string> => {
      const fileId = await uploadFile(ctx.url, key, 'a.txt', 'hello');
      const col = (await xaiCreate(key)).json.collection_id as string;
      expect((await raw(ctx.url, `/xai/v1/collections/${col}/documents/${fileId}`, { key, method: 'POST' })).status).toBe(200);
      return `/xai/v1/collections/${col}/documents/${fileId}`;
    };
    await indexing(a);
    const kept = await indexing(b);
    const pending = (await admin('/clock')).json.pending;
    const res = await admin('/reset', { method: 'POST', json: { provider: 'xai', tenant: `key:${a}` } });
    expect(res.status).toBe(200);
    // Its document's indexing step and its file's expiry, if any, are cancelled; b's are not.
    expect(res.json).toMatchObject({ scope: 'tenant', providers: ['xai'], tenant: `key:${a}`, tenants: 1, journal: 0, activations: 0, deliveries: 0 });
    expect(res.json.tasks).toBeGreaterThanOrEqual(1);
    expect((await admin('/clock')).json.pending).toBe(pending - res.json.tasks);
    expect(await xaiList(a)).toEqual([]);
    expect(await xaiList(b)).toHaveLength(1);
    await admin('/clock/advance', { method: 'POST', json: { ms: 1000 } });
    expect((await raw(ctx.url, kept, { key: b })).json.status).toBe('DOCUMENT_STATUS_PROCESSED');
    // A tenant with no state is no error.
    expect((await admin('/reset', { method: 'POST', json: { provider: 'xai', tenant: 'key:never-seen' } })).json.tenants).toBe(0);
  });

  it('one provider: its tenants, tasks, journal entries and activations; another provider keeps its data', async () => {
    const key = freshKey('px');
    const fileId = await uploadFile(ctx.url, key, 'a.txt', 'hello');
    const col = (await xaiCreate(key)).json.collection_id;
    await raw(ctx.url, `/xai/v1/collections/${col}/documents/${fileId}`, { key, method: 'POST' });
    const cx = ctxfyApi(ctx.url, `ctx-${key}`);
    const space = await cx.post('/v1/spaces', { name: 'kept' });
    expect(space.status).toBe(201);
    await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', name: 'slow-list' } });
    const pendingBefore = (await admin('/clock')).json.pending;

    const res = await admin('/reset', { method: 'POST', json: { provider: 'xai' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ scope: 'provider', providers: ['xai'], tenant: null, activations: 1, deliveries: 0 });
    expect(res.json.tenants).toBeGreaterThanOrEqual(1);
    expect(res.json.tasks).toBeGreaterThanOrEqual(1);
    expect(res.json.journal).toBeGreaterThanOrEqual(4);
    expect((await admin('/clock')).json.pending).toBe(pendingBefore - res.json.tasks);
    expect((await admin('/journal?provider=xai')).json.entries).toEqual([]);
    expect((await admin('/journal?provider=ctxfy')).json.entries.length).toBeGreaterThan(0);
    expect((await admin('/scenarios/active?provider=xai')).json.activations).toEqual([]);

    expect(await xaiList(key)).toEqual([]);
    expect((await raw(ctx.url, `/xai/v1/files/${fileId}`, { key })).status).toBe(404);
    expect((await cx.get(`/v1/spaces/${space.json.id}`)).status).toBe(200);
  });

  it('everything: every provider, the clock tasks, deliveries, journal and activations; the loaded scenarios stay', async () => {
    const key = freshKey('all');
    await xaiCreate(key);
    const cx = ctxfyApi(ctx.url, `ctx-${key}`);
    const space = (await cx.post('/v1/spaces', { name: 'gone' })).json;
    await admin('/scenarios/active', { method: 'POST', json: { provider: 'xai', name: 'slow-list' } });
    ctx.server.clock.schedule(5000, () => {
      throw new Error('must not run');
    });

    const res = await admin('/reset', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ scope: 'all', providers: ['xai', 'ctxfy'], tenant: null, activations: 1 });
    expect(res.json.tenants).toBeGreaterThanOrEqual(2);
    expect(res.json.tasks).toBeGreaterThanOrEqual(1);
    const health = (await admin('/health')).json;
    expect(health).toMatchObject({ journal: 0, scenarios: 2 });
    expect((await admin('/clock')).json.pending).toBe(0);
    expect((await admin('/deliveries')).json.deliveries).toEqual([]);
    expect(await xaiList(key)).toEqual([]);
    expect((await cx.get(`/v1/spaces/${space.id}`)).status).toBe(404);
    // `{}` is the same as no body.
    expect((await admin('/reset', { method: 'POST', json: {} })).json.scope).toBe('all');
  });

  it('refuses an unknown provider, a tenant without a provider, and unknown fields', async () => {
    expectAdminError(await admin('/reset', { method: 'POST', json: { provider: 'nope' } }), 400, 'bad_request', /nope/);
    expectAdminError(await admin('/reset', { method: 'POST', json: { tenant: 't' } }), 400, 'validation', /provider/);
    const extra = expectAdminError(await admin('/reset', { method: 'POST', json: { provider: 'xai', everything: true } }), 400, 'validation', /everything/);
    expect(extra.details.issues[0]).toMatchObject({ location: 'body', pointer: '/everything', rule: 'additionalProperties' });
  });
});

describe('state', () => {
  it('exports every provider (or one), and a reset then an import brings the data back, lifecycles running on', async () => {
    const cx = ctxfyApi(ctx.url, freshKey('state'));
    const space = (await cx.post('/v1/spaces', { name: 'Saved' })).json;
    const source = (await cx.post(`/v1/spaces/${space.id}/sources`, { type: 'CONTENT', initial_data: { data: 'x' }, instructions: {} })).json;
    expect(source.status).toBe('CREATED');
    const xKey = freshKey('state-x');
    expect((await xaiCreate(xKey, 'kept')).status).toBe(200);

    const all = await admin('/state');
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ format: 'collections-mock/state', version: 1 });
    expect(Object.keys(all.json.providers).sort()).toEqual(['ctxfy', 'xai']);
    const one = await admin('/state?provider=ctxfy');
    expect(Object.keys(one.json.providers)).toEqual(['ctxfy']);

    expect((await admin('/reset', { method: 'POST', json: {} })).status).toBe(200);
    expect((await cx.get(`/v1/spaces/${space.id}`)).status).toBe(404);

    const loaded = await admin('/state', { method: 'PUT', json: all.json });
    expect(loaded.status, loaded.text).toBe(200);
    expect(loaded.json.providers.sort()).toEqual(['ctxfy', 'xai']);
    expect((await cx.get(`/v1/spaces/${space.id}`)).json.name).toBe('Saved');
    expect(await xaiList(xKey)).toHaveLength(1);
    ctx.server.clock.advance(3000);
    expect((await cx.get(`/v1/sources/${source.id}`)).json.status).toBe('COMPLETED');
  });

  it('refuses a document it cannot load with 400 and changes nothing', async () => {
    const cx = ctxfyApi(ctx.url, freshKey('state-bad'));
    const space = (await cx.post('/v1/spaces', { name: 'Stays' })).json;
    const notMounted = await admin('/state', {
      method: 'PUT',
      json: { format: 'collections-mock/state', version: 1, savedAt: new Date().toISOString(), providers: { mixpeek: {} } },
    });
    expectAdminError(notMounted, 400, 'validation', /^The state cannot be loaded: \/providers\/mixpeek: provider mixpeek is not mounted/);
    const broken = await admin('/state', {
      method: 'PUT',
      json: { format: 'collections-mock/state', version: 1, savedAt: new Date().toISOString(), providers: { ctxfy: { u: { spaces: { $$: 'nonsense' } } } } },
    });
    expect(expectAdminError(broken, 400, 'validation', /^The state cannot be loaded: \/providers\/ctxfy\/u\/\S+: /).details.issues[0].pointer).toMatch(
      /^\/providers\/ctxfy\/u\//,
    );
    expectAdminError(await admin('/state', { method: 'PUT', json: { format: 'other' } }), 400, 'validation', /not a collections-mock\/state document/);
    expect((await cx.get(`/v1/spaces/${space.id}`)).json.name).toBe('Stays');
  });

  it('a tenant reset also forgets what the provider indexes for it: its minted keys stop resolving to it', async () => {
    const cx = ctxfyApi(ctx.url, freshKey('state-keys'));
    const me = (await cx.post('/v1/spaces', { name: 'Mine' })).json;
    const minted = (await cx.post('/v1/api-keys', {})).json;
    const viaMinted = ctxfyApi(ctx.url, minted.api_key);
    expect((await viaMinted.get(`/v1/spaces/${me.id}`)).status).toBe(200);
    expect((await admin('/reset', { method: 'POST', json: { provider: 'ctxfy', tenant: me.userId } })).json.tenants).toBe(1);
    // The key is no longer the old user's: without a key file it is a new, empty user of its own.
    const after = await viaMinted.get('/v1/spaces');
    expect(after.status).toBe(200);
    expect(after.json.spaces).toEqual([]);
  });
});

describe('journal', () => {
  it('DELETE clears one provider or all', async () => {
    await xaiList(freshKey('j'));
    await ctxfyApi(ctx.url, freshKey('jc')).get('/v1/spaces');
    const size = (await admin('/health')).json.journal;
    const xaiCount = (await admin('/journal?provider=xai')).json.entries.length;
    expect((await admin('/journal?provider=xai', { method: 'DELETE' })).json).toEqual({ cleared: xaiCount });
    expect((await admin('/journal?provider=xai')).json.entries).toEqual([]);
    expect((await admin('/journal', { method: 'DELETE' })).json).toEqual({ cleared: size - xaiCount });
    expect((await admin('/journal')).json).toEqual({ entries: [], size: 0, capacity: 1000 });
  });
});

describe('deliveries', () => {
  it('lists a Ctxfy postback with its attempts, by provider', async () => {
    const receiver = await startReceiver();
    try {
      const cx = ctxfyApi(ctx.url, freshKey('pb'));
      const space = (await cx.post('/v1/spaces', { name: 'pb' })).json;
      const src = await cx.post(`/v1/spaces/${space.id}/sources`, {
        type: 'CONTENT',
        initial_data: { data: 'x' },
        instructions: { postback_url: receiver.url },
      });
      expect(src.status).toBe(201);
      await admin('/clock/advance', { method: 'POST', json: { ms: 3000 } });
      await ctx.server.deliveries.idle();
      expect(receiver.received).toHaveLength(1);
      const res = await admin('/deliveries?provider=ctxfy');
      expect(res.status).toBe(200);
      expect(res.json.deliveries).toEqual([
        {
          id: expect.any(String),
          provider: 'ctxfy',
          url: receiver.url,
          topic: 'SourceStatusNotification',
          body: receiver.received[0]!.body,
          headers: expect.any(Object),
          attempts: [{ at: expect.any(String), atMs: expect.any(Number), status: 200 }],
          state: 'delivered',
        },
      ]);
      expect(res.json.deliveries[0].body).toMatchObject({ sourceId: src.json.id, status: 'COMPLETED' });
      expect((await admin('/deliveries?provider=xai')).json.deliveries).toEqual([]);
      expect((await admin('/deliveries')).json.deliveries).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});

describe('bad input', () => {
  it('malformed JSON, the wrong media type, unknown routes and methods get the admin envelope, and the server keeps answering', async () => {
    expectAdminError(
      await admin('/reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"provider":' }),
      400,
      'validation',
      /not valid JSON/,
    );
    expectAdminError(await admin('/clock/advance', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'ms=1' }), 415, 'unsupported_media_type');
    expectAdminError(await admin('/clock/advance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' }), 400, 'validation');
    expectAdminError(await admin('/nope'), 404, 'not_found');
    expectAdminError(await admin(''), 404, 'not_found');
    const wrongMethod = expectAdminError(await admin('/health', { method: 'PATCH' }), 405, 'method_not_allowed');
    expect(wrongMethod).toBeDefined();
    expect((await admin('/health', { method: 'PATCH' })).headers.get('allow')).toBe('GET');
    expectAdminError(await admin('/scenarios/active/act_999999', { method: 'DELETE' }), 404, 'not_found', /act_999999/);
    expect((await admin('/health')).status).toBe(200);
  });

  it('takes bodies beyond the JSON and upload limits (a state document may hold many uploads), judged on their content', async () => {
    const small = await startServer({ providers: ['xai'], limits: { json: 1024, upload: 8 * 1024 } });
    try {
      const large = await admin('/reset', {
        base: small.url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"provider":"${'x'.repeat(16 * 1024)}"}`,
      });
      expectAdminError(large, 400, 'validation', /provider/);
      expect((await admin('/health', { base: small.url })).status).toBe(200);
      expect(small.selfCheckFailures).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('access', () => {
  it('answers pages served from this machine, and refuses pages from elsewhere (a browser is a loopback client too)', async () => {
    for (const o of ['http://localhost:3000', 'https://app.localhost', 'http://127.0.0.1:5173', 'http://[::1]:8080']) expect(isLoopbackOrigin(o), o).toBe(true);
    for (const o of ['null', 'http://evil.example', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example', 'not a url'])
      expect(isLoopbackOrigin(o), o).toBe(false);
    expect((await admin('/clock', { headers: { origin: 'http://localhost:3000' } })).status).toBe(200);
    const refused = await admin('/reset', { method: 'POST', headers: { origin: 'http://evil.example' } });
    expectAdminError(refused, 403, 'forbidden', /does not answer pages from http:\/\/evil\.example/);
    expectAdminError(await admin('/clock', { headers: { origin: 'null' } }), 403, 'forbidden');
    // Health answers anyone, pages from elsewhere included.
    expect((await admin('/health', { headers: { origin: 'null' } })).status).toBe(200);
  });

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.9', '0:0:0:0:0:0:0:1'])
      expect(isLoopback(a), a).toBe(true);
    for (const a of [undefined, '', '10.0.0.1', '192.168.1.10', '128.0.0.1', '::ffff:10.0.0.1', '::2', 'fe80::1', '127.0.0.256', '1270.0.0.1', 'localhost'])
      expect(isLoopback(a), String(a)).toBe(false);
  });

  it('without a token: loopback only (403 otherwise); with one: the token, from anywhere (401 otherwise)', () => {
    const refused = (fn: () => unknown): string => {
      try {
        fn();
      } catch (err) {
        if (isMockError(err)) return err.kind;
        throw err;
      }
      return 'allowed';
    };
    expect(refused(() => authenticateAdmin({ headers: {}, remoteAddress: '127.0.0.1' }, undefined))).toBe('allowed');
    expect(refused(() => authenticateAdmin({ headers: {}, remoteAddress: '10.1.2.3' }, undefined))).toBe('forbidden');
    expect(refused(() => authenticateAdmin({ headers: {} }, undefined))).toBe('forbidden');
    expect(refused(() => authenticateAdmin({ headers: { authorization: 'Bearer s3cret' }, remoteAddress: '10.1.2.3' }, 's3cret'))).toBe('allowed');
    expect(refused(() => authenticateAdmin({ headers: { 'x-mock-admin-token': 's3cret' }, remoteAddress: '10.1.2.3' }, 's3cret'))).toBe('allowed');
    expect(refused(() => authenticateAdmin({ headers: {}, remoteAddress: '127.0.0.1' }, 's3cret'))).toBe('unauthenticated');
    expect(refused(() => authenticateAdmin({ headers: { authorization: 'Bearer s3cret2' }, remoteAddress: '127.0.0.1' }, 's3cret'))).toBe('unauthenticated');
    expect(refused(() => authenticateAdmin({ headers: { authorization: 'Basic s3cret' }, remoteAddress: '127.0.0.1' }, 's3cret'))).toBe('unauthenticated');
  });

  it('a server with an admin token answers 401 without it and 200 with it, either header; health and the providers are not guarded', async () => {
    const server = await startServer({ adminToken: 's3cret', shippedScenarios: false });
    try {
      const base = server.url;
      const none = expectAdminError(await admin('/clock', { base }), 401, 'unauthenticated', /admin token/);
      expect(none).toBeDefined();
      expect((await admin('/clock', { base })).headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      expectAdminError(await admin('/reset', { base, method: 'POST', headers: { authorization: 'Bearer wrong' } }), 401, 'unauthenticated');
      expect((await admin('/clock', { base, headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
      expect((await admin('/clock', { base, headers: { 'x-mock-admin-token': 's3cret' } })).status).toBe(200);
      // Health is for probes: no token needed, and a wrong one is ignored.
      expect((await admin('/health', { base })).json).toMatchObject({ status: 'ok' });
      expect((await admin('/health', { base, headers: { authorization: 'Bearer wrong' } })).status).toBe(200);
      expect((await raw(base, '/xai/v1/collections')).status).toBe(200);
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('refuses an empty admin token at start-up', async () => {
    await expect(createMockServer({ port: 0, quiet: true, adminToken: ' ' })).rejects.toThrow(/admin token must not be empty/);
  });

  /**
   * A server in front of a mock's own mounts whose sockets report `peer` as the
   * client's address, as a client on another machine would have: the access
   * rule reads the address from the request's socket, whatever the machine's
   * interfaces.
   */
  async function viaPeer(mock: MockServer, peer: string, p: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Res> {
    const relay = http.createServer((req, res) => {
      Object.defineProperty(req.socket, 'remoteAddress', { value: peer });
      const [pathname = '/', search = ''] = (req.url ?? '/').split('?', 2);
      const mount = [mock.admin, ...mock.providers].find((m) => pathname === m.provider.prefix || pathname.startsWith(`${m.provider.prefix}/`))!;
      void mount.handle(req, res, pathname.slice(mount.provider.prefix.length) || '/', search);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
      return await readReply(await fetch(`${base}${p}`, { method: init.method ?? 'GET', headers: { authorization: 'Bearer xai-peer', ...init.headers } }));
    } finally {
      relay.closeAllConnections();
      await new Promise((resolve) => relay.close(resolve));
    }
  }

  it('from a non-loopback address, without a token: 403 (health and the providers still answer); with a token, the token decides', async () => {
    const open = await startServer({ shippedScenarios: false });
    const guarded = await startServer({ shippedScenarios: false, adminToken: 's3cret' });
    try {
      // The same relay from a loopback address is answered: the address is what is refused.
      expect((await viaPeer(open, '127.0.0.1', '/__mock/clock')).status).toBe(200);
      expect((await viaPeer(open, '::ffff:127.0.0.1', '/__mock/clock')).status).toBe(200);
      for (const peer of ['203.0.113.7', '::ffff:10.1.2.3', 'fe80::1']) {
        expectAdminError(await viaPeer(open, peer, '/__mock/clock'), 403, 'forbidden', /loopback/);
        expectAdminError(await viaPeer(open, peer, '/__mock/reset', { method: 'POST' }), 403, 'forbidden', /loopback/);
        expect((await viaPeer(open, peer, '/__mock/health')).json).toMatchObject({ status: 'ok' });
        expect((await viaPeer(open, peer, '/xai/v1/collections')).status).toBe(200);
      }
      expectAdminError(await viaPeer(guarded, '203.0.113.7', '/__mock/clock'), 401, 'unauthenticated');
      expect((await viaPeer(guarded, '203.0.113.7', '/__mock/clock', { headers: { 'x-mock-admin-token': 's3cret' } })).status).toBe(200);
      expect((await viaPeer(guarded, '203.0.113.7', '/__mock/health')).status).toBe(200);
      expect(open.selfCheckFailures).toEqual([]);
      expect(guarded.selfCheckFailures).toEqual([]);
    } finally {
      await Promise.all([open.close(), guarded.close()]);
    }
  });
});
