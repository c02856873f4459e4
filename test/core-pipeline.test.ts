/**
 * The request pipeline's stages (src/core/pipeline/), one at a time: each is
 * run on a real request (light-my-request) against the xAI provider's mount,
 * with the exchange made by hand up to the stage under test.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inject, type InjectOptions } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/core/body.js';
import { MockError } from '../src/core/errors.js';
import { Journal } from '../src/core/journal.js';
import { ScenarioRegistry } from '../src/core/scenarios.js';
import type { Provider, Reply } from '../src/core/provider.js';
import { createMount, exchange, type Exchange, type Mount, type MountOptions, type SelfCheckFailure } from '../src/core/pipeline/context.js';
import { journal, noteSelfCheck } from '../src/core/pipeline/journal.js';
import { match, readBody } from '../src/core/pipeline/match.js';
import { authenticate, withCallerHeaders } from '../src/core/pipeline/authenticate.js';
import { parseRequest } from '../src/core/pipeline/request.js';
import { ANSWERED, scenario } from '../src/core/pipeline/scenario.js';
import { validateRequest } from '../src/core/pipeline/validate.js';
import { errorReply, handle } from '../src/core/pipeline/handle.js';
import { responseFacts, selfCheck, selfCheckAfterSend, selfCheckFailedReply } from '../src/core/pipeline/self-check.js';
import { render, send, setBaseHeaders } from '../src/core/pipeline/send.js';
import { createXaiProvider } from '../src/providers/xai/index.js';
import { testEnv } from './support/server.js';

const KEY = { authorization: 'Bearer xai-pipeline' };

function xaiMount(
  options: Partial<MountOptions> = {},
  provider: Provider<unknown> = createXaiProvider() as Provider<unknown>,
): { mount: Mount; failures: SelfCheckFailure[] } {
  const failures: SelfCheckFailure[] = [];
  const mount = createMount(provider, { env: testEnv(), limits: DEFAULT_LIMITS, strict: true, onSelfCheckFailure: (f) => failures.push(f), ...options });
  return { mount, failures };
}

/**
 * Sends one request and runs `stages` on its exchange; the stages' result
 * and the reply (an empty 204 when the stages sent nothing).
 */
async function run<T>(mount: Mount, request: InjectOptions, stages: (x: Exchange, req: IncomingMessage, res: ServerResponse) => T | Promise<T>) {
  let result: { value?: T; error?: unknown } = {};
  let ex: Exchange | undefined;
  const reply = await inject(
    async (req, res) => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      ex = exchange(mount, req, res, q < 0 ? url : url.slice(0, q), q < 0 ? '' : url.slice(q + 1));
      try {
        result = { value: await stages(ex, req, res) };
      } catch (error) {
        result = { error };
      }
      if (!res.headersSent) {
        res.writeHead(204);
        res.end();
      }
    },
    { method: 'GET', ...request } as InjectOptions,
  );
  return { ...result, x: ex!, reply };
}

/** The stages before the one under test, for a request that passes them. */
async function upTo(mount: Mount, x: Exchange, last: 'match' | 'readBody' | 'authenticate' | 'parseRequest' | 'validateRequest'): Promise<void> {
  match(mount, x);
  if (last === 'match') return;
  await readBody(mount, x);
  if (last === 'readBody') return;
  authenticate(mount, x);
  if (last === 'authenticate') return;
  await parseRequest(mount, x);
  if (last === 'parseRequest') return;
  validateRequest(mount, x);
}

const kindOf = (error: unknown) => (error instanceof MockError ? error.kind : error);

describe('journal', () => {
  it('opens an entry as the request arrives and records it with its status once the response closes', async () => {
    const j = new Journal(10);
    const { mount } = xaiMount({ journal: j });
    const { value: entry, reply } = await run(mount, { url: '/v1/collections?limit=2' }, (x) => journal(mount, x));
    expect(reply.statusCode).toBe(204);
    expect(entry).toMatchObject({ provider: 'xai', method: 'GET', url: '/v1/collections?limit=2', operationId: null, tenant: null });
    expect(j.list()).toEqual([expect.objectContaining({ id: entry!.id, status: 204 })]);
    expect(j.list()[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('opens none when requests are neither recorded nor logged', async () => {
    const { mount } = xaiMount();
    const { value, x } = await run(mount, { url: '/v1/collections' }, (x) => journal(mount, x));
    expect(value).toBeUndefined();
    expect(x.entry).toBeUndefined();
  });

  it('notes a self-check failure on the entry, issue by issue', () => {
    const entry = { id: 1, at: '', atMs: 0, provider: 'xai', operationId: null, method: 'GET', url: '/', status: 0, tenant: null, durationMs: 0 };
    const failure = {
      provider: 'xai',
      operationId: 'listCollections',
      method: 'GET',
      url: '/',
      status: 200,
      issues: [{ location: 'body' as const, pointer: '/x', rule: 'type', message: 'must be string', value: 1 }],
    };
    noteSelfCheck(undefined, entry, failure);
    noteSelfCheck(undefined, entry, failure);
    expect(entry).toMatchObject({ selfCheck: { issues: [{ location: 'body', pointer: '/x', rule: 'type', message: 'must be string' }, expect.anything()] } });
    expect(() => noteSelfCheck(undefined, undefined, failure)).not.toThrow();
  });

  it('notes a self-check failure found after the entry was recorded (the check runs once the reply has gone)', () => {
    const j = new Journal(10);
    const entry = { id: j.nextId(), at: '', atMs: 0, provider: 'xai', operationId: null, method: 'GET', url: '/', status: 200, tenant: null, durationMs: 0 };
    j.record(entry);
    expect(j.get(entry.id)!.selfCheck).toBeUndefined();
    const failure = {
      provider: 'xai',
      operationId: null,
      method: 'GET',
      url: '/',
      status: 200,
      issues: [{ location: 'body' as const, pointer: '/x', rule: 'type', message: 'must be string', value: 1 }],
    };
    noteSelfCheck(j, entry, failure);
    expect(j.get(entry.id)!.selfCheck).toEqual({ issues: [{ location: 'body', pointer: '/x', rule: 'type', message: 'must be string' }] });
  });
});

describe('match', () => {
  it('finds the operation and its path parameters, and notes them on the entry', async () => {
    const { mount } = xaiMount({ journal: new Journal(10) });
    const { x, error } = await run(mount, { url: '/v1/collections/col_1' }, (x) => {
      journal(mount, x);
      match(mount, x);
    });
    expect(error).toBeUndefined();
    expect(x.op?.id).toBe('getCollectionMetadata');
    expect(x.view.operation).toBe(x.op);
    expect(x.params).toEqual({ collection_id: 'col_1' });
    expect(x.entry?.operationId).toBe('getCollectionMetadata');
  });

  it('throws not_found for an unknown path and method_not_allowed, with Allow, for a known path', async () => {
    const { mount } = xaiMount();
    expect(kindOf((await run(mount, { url: '/v1/nothing-here' }, (x) => match(mount, x))).error)).toBe('not_found');
    const { error } = await run(mount, { method: 'PATCH', url: '/v1/collections' }, (x) => match(mount, x));
    expect(kindOf(error)).toBe('method_not_allowed');
    expect((error as MockError).headers.allow).toBe('GET, POST');
  });
});

describe('readBody', () => {
  it('reads the bytes of a body; a GET without one reads nothing', async () => {
    const { mount } = xaiMount();
    const body = JSON.stringify({ collection_name: 'A' });
    const post = await run(mount, { method: 'POST', url: '/v1/collections', headers: { 'content-type': 'application/json' }, payload: body }, (x) =>
      upTo(mount, x, 'readBody'),
    );
    expect(post.x.raw.toString()).toBe(body);
    const get = await run(mount, { url: '/v1/collections' }, (x) => upTo(mount, x, 'readBody'));
    expect(get.x.raw.length).toBe(0);
  });

  it('refuses a JSON body over the limit', async () => {
    const { mount } = xaiMount({ limits: { ...DEFAULT_LIMITS, json: 16 } });
    const { error } = await run(
      mount,
      { method: 'POST', url: '/v1/collections', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ collection_name: 'x'.repeat(64) }) },
      (x) => upTo(mount, x, 'readBody'),
    );
    expect(kindOf(error)).toBe('payload_too_large');
  });
});

describe('authenticate', () => {
  it("sets the caller's tenant, on the exchange and the entry", async () => {
    const { mount } = xaiMount({ journal: new Journal(10) });
    const { x, error } = await run(mount, { url: '/v1/collections', headers: KEY }, (x) => {
      journal(mount, x);
      return upTo(mount, x, 'authenticate');
    });
    expect(error).toBeUndefined();
    expect(x.auth?.tenant).toBeTruthy();
    expect(x.entry?.tenant).toBe(x.auth?.tenant);
  });

  it('throws the provider refusal without credentials', async () => {
    const { mount } = xaiMount();
    expect(kindOf((await run(mount, { url: '/v1/collections' }, (x) => upTo(mount, x, 'authenticate'))).error)).toBe('unauthenticated');
  });

  it("adds the provider's per-caller headers once the caller is known, under the reply's own", async () => {
    const provider = createXaiProvider() as Provider<unknown>;
    provider.replyHeaders = (auth) => ({ 'x-tenant': auth.tenant, 'x-both': 'provider' });
    const { mount } = xaiMount({}, provider);
    const reply: Reply = { status: 200, headers: { 'x-both': 'reply' }, body: {} };
    const { value } = await run(mount, { url: '/v1/collections', headers: KEY }, async (x) => {
      const before = withCallerHeaders(mount, x, reply);
      await upTo(mount, x, 'authenticate');
      return { before, after: withCallerHeaders(mount, x, reply) };
    });
    expect(value!.before).toBe(reply);
    expect(value!.after.headers).toEqual({ 'x-tenant': expect.any(String), 'x-both': 'reply' });
  });
});

describe('parseRequest', () => {
  it('parses the JSON body as its declared media type, and the query', async () => {
    const { mount } = xaiMount();
    const { x, error } = await run(
      mount,
      {
        method: 'POST',
        url: '/v1/collections?a=1&a=2&b=3',
        headers: { ...KEY, 'content-type': 'application/json; charset=utf-8' },
        payload: '{"collection_name":"A"}',
      },
      (x) => upTo(mount, x, 'parseRequest'),
    );
    expect(error).toBeUndefined();
    expect(x.parsed.mediaType).toBe('application/json');
    expect(x.request.body).toEqual({ collection_name: 'A' });
    // Undeclared repeated keys keep every value; single ones their value.
    expect({ ...x.request.query }).toEqual({ a: ['1', '2'], b: '3' });
  });

  it('reads a query as URLSearchParams does, with or without escapes; an array parameter is an array even with one value', async () => {
    const { mount } = xaiMount();
    for (const [search, expected] of [
      ['a=1&&b=&c&a=2&limit=5', { a: ['1', '2'], b: '', c: '', limit: '5' }],
      ['q=a%20b+c&q=%E2%98%95&r=x%2By&bad=%zz', { q: ['a b c', '☕'], r: 'x+y', bad: '%zz' }],
      ['filter=a=b', { filter: 'a=b' }],
    ] as const) {
      const { x, error } = await run(mount, { url: `/v1/collections?${search}`, headers: KEY }, (x) => upTo(mount, x, 'parseRequest'));
      expect(error).toBeUndefined();
      expect({ ...x.request.query }, search).toEqual(expected);
      const viaUrlSearchParams: Record<string, string | string[]> = {};
      for (const key of new Set(new URLSearchParams(search).keys())) {
        const all = new URLSearchParams(search).getAll(key);
        viaUrlSearchParams[key] = all.length > 1 ? all : all[0]!;
      }
      expect({ ...x.request.query }, search).toEqual(viaUrlSearchParams);
    }
    // documents:batchGet's file_ids is an array parameter: one value is still a list.
    const { x } = await run(mount, { url: '/v1/collections/c1/documents:batchGet?file_ids=f1', headers: KEY }, (x) => upTo(mount, x, 'parseRequest'));
    expect(x.request.query.file_ids).toEqual(['f1']);
  });

  it('refuses a media type the operation does not declare', async () => {
    const { mount } = xaiMount();
    const { error } = await run(mount, { method: 'POST', url: '/v1/collections', headers: { ...KEY, 'content-type': 'text/csv' }, payload: 'a,b' }, (x) =>
      upTo(mount, x, 'parseRequest'),
    );
    expect(kindOf(error)).toBe('unsupported_media_type');
  });
});

describe('scenario', () => {
  it('leaves a request that names none to the handler', async () => {
    const { mount } = xaiMount({ scenarios: new ScenarioRegistry([], () => 0) });
    const { value } = await run(mount, { url: '/v1/collections', headers: KEY }, async (x) => {
      await upTo(mount, x, 'parseRequest');
      return scenario(mount, x);
    });
    expect(value).toBeUndefined();
  });

  it("answers Prism's Prefer with the documented status, in the provider's envelope", async () => {
    const { mount } = xaiMount({ scenarios: new ScenarioRegistry([], () => 0), journal: new Journal(10) });
    const { value, x } = await run(mount, { url: '/v1/collections/col_1', headers: { ...KEY, prefer: 'code=404' } }, async (x) => {
      journal(mount, x);
      await upTo(mount, x, 'parseRequest');
      return scenario(mount, x);
    });
    expect(value).toMatchObject({ status: 404 });
    expect(x.entry?.prefer).toBe('code=404');
  });

  it('answers an unknown scenario name itself, with a 400 about the mock', async () => {
    const { mount } = xaiMount({ scenarios: new ScenarioRegistry([], () => 0) });
    const { value, reply } = await run(mount, { url: '/v1/collections', headers: { ...KEY, 'x-mock-scenario': 'no-such-thing' } }, async (x) => {
      await upTo(mount, x, 'parseRequest');
      return scenario(mount, x);
    });
    expect(value).toBe(ANSWERED);
    expect(reply.statusCode).toBe(400);
    expect(reply.headers['x-mock-error']).toBe('scenario');
    expect(reply.json().error).toMatch(/unknown scenario no-such-thing/);
  });
});

describe('validateRequest', () => {
  it('keeps the parameters as validated: coerced, defaults applied', async () => {
    const { mount } = xaiMount();
    const { x, error } = await run(mount, { url: '/v1/collections?limit=5', headers: KEY }, (x) => upTo(mount, x, 'validateRequest'));
    expect(error).toBeUndefined();
    expect(x.validated!.query.limit).toBe(5);
  });

  it('throws a validation error with every issue, the first in its message', async () => {
    const { mount } = xaiMount();
    const { error } = await run(mount, { url: '/v1/collections?limit=lots', headers: KEY }, (x) => upTo(mount, x, 'validateRequest'));
    expect(kindOf(error)).toBe('validation');
    expect((error as MockError).message).toMatch(/^query\.limit /);
    expect((error as MockError).issues[0]).toMatchObject({ location: 'query', pointer: '/limit' });
  });

  it('throws when a required body is missing', async () => {
    const { mount } = xaiMount();
    const { error } = await run(mount, { method: 'POST', url: '/v1/collections', headers: KEY }, (x) => upTo(mount, x, 'validateRequest'));
    expect(kindOf(error)).toBe('validation');
    expect((error as MockError).message).toBe('Request body is required.');
  });
});

describe('handle', () => {
  it("runs the operation's handler on the tenant's state", async () => {
    const { mount } = xaiMount();
    const { value } = await run(
      mount,
      { method: 'POST', url: '/v1/collections', headers: { ...KEY, 'content-type': 'application/json' }, payload: '{"collection_name":"Handled"}' },
      async (x) => {
        await upTo(mount, x, 'validateRequest');
        return handle(mount, x);
      },
    );
    expect(value).toMatchObject({ status: 200, body: { collection_name: 'Handled' } });
    expect(mount.tenants.size).toBe(1);
  });

  it("renders a MockError in the provider's envelope, and a crash as its 500 without the crash's text", async () => {
    const { mount } = xaiMount();
    const { value } = await run(mount, { url: '/v1/collections', headers: KEY }, (x) => ({
      refused: errorReply(mount, x, new MockError('not_found', 'No such collection.')),
      crashed: errorReply(mount, x, new TypeError('secret internals')),
    }));
    expect(value!.refused).toMatchObject({ status: 404, body: { error: 'No such collection.' } });
    expect(value!.crashed.status).toBe(500);
    expect(JSON.stringify(value!.crashed.body)).not.toMatch(/secret/);
  });
});

describe('self-check', () => {
  const listOp = (mount: Mount) => mount.spec.operations.get('listCollections')!;

  it('passes a reply that conforms and lists the issues of one that does not', () => {
    const { mount } = xaiMount();
    const op = listOp(mount);
    expect(selfCheck(mount, op, { status: 200, body: { collections: [] } })).toEqual([]);
    expect(selfCheck(mount, op, { status: 200, body: { collections: 'no' } })).toEqual([expect.objectContaining({ pointer: '/collections', rule: 'type' })]);
    expect(selfCheck(mount, op, { status: 202, body: {} })[0]!.message).toBe('status 202 is not declared for listCollections');
    expect(selfCheck(mount, op, { status: 200 })[0]!.rule).toBe('content');
  });

  it('remembers the text of a conforming reply, and checks a reply again when its text differs', () => {
    const { mount } = xaiMount();
    const op = listOp(mount);
    const good = { status: 200, body: { collections: [] } };
    expect(selfCheck(mount, op, good, render(good).text)).toEqual([]);
    expect([...responseFacts(mount, op, 200)!.conforming.get('application/json')!]).toEqual(['{"collections":[]}']);
    const bad = { status: 200, body: { collections: 'no' } };
    expect(selfCheck(mount, op, bad, render(bad).text)).toHaveLength(1);
    expect(responseFacts(mount, op, 200)!.conforming.get('application/json')).toHaveLength(1);
    // The recent ones only: the oldest is forgotten first.
    for (let i = 0; i < 20; i++) {
      const reply = { status: 200, body: { collections: [], pagination_token: `t${i}` } };
      expect(selfCheck(mount, op, reply, render(reply).text)).toEqual([]);
    }
    const recent = responseFacts(mount, op, 200)!.conforming.get('application/json')!;
    expect(recent).toHaveLength(16);
    expect(recent[15]).toBe('{"collections":[],"pagination_token":"t19"}');
  });

  it('after sending: checks once the reply is out, and reports a failure to the log, the journal and onSelfCheckFailure', async () => {
    const j = new Journal(10);
    const { mount, failures } = xaiMount({ strict: false, journal: j });
    const bad = { status: 200, body: { collections: 'no' } };
    const { x } = await run(mount, { url: '/v1/collections', headers: KEY }, async (x) => {
      journal(mount, x);
      await upTo(mount, x, 'validateRequest');
      send(x.res, bad);
      selfCheckAfterSend(mount, x, bad, render(bad).text);
      expect(failures).toEqual([]);
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toEqual([expect.objectContaining({ operationId: 'listCollections', status: 200 })]);
    expect(x.entry?.selfCheck?.issues[0]).toMatchObject({ pointer: '/collections', rule: 'type' });
  });

  it('after sending: what needs no validation (the status, the media type, a body that passed before) is checked at once', async () => {
    const { mount, failures } = xaiMount({ strict: false });
    const good = { status: 200, body: { collections: [] } };
    const text = render(good).text;
    const after = async (reply: Reply, sentText: string | undefined) =>
      run(mount, { url: '/v1/collections', headers: KEY }, async (x) => {
        await upTo(mount, x, 'validateRequest');
        send(x.res, reply);
        selfCheckAfterSend(mount, x, reply, sentText);
      });
    await after(good, text);
    await new Promise((resolve) => setImmediate(resolve));
    expect(responseFacts(mount, mount.spec.operations.get('listCollections')!, 200)!.conforming.get('application/json')).toEqual([text]);

    await after({ status: 202, body: {} }, '{}');
    expect(failures).toEqual([expect.objectContaining({ operationId: 'listCollections', status: 202 })]);
    await after({ ...good, contentType: 'text/plain' }, text);
    expect(failures[1]!.issues[0]).toMatchObject({ rule: 'content', message: 'media type text/plain is not declared for listCollections 200' });
    await after(good, text);
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toHaveLength(2);
  });

  it('strict: the reply sent instead is a loud 500 naming the failure', () => {
    const failure = { provider: 'xai', operationId: 'listCollections', method: 'GET', url: '/v1/collections', status: 200, issues: [] };
    expect(selfCheckFailedReply(failure)).toEqual({
      status: 500,
      headers: { 'x-mock-self-check': 'failed' },
      body: { error: 'collections-mock: response self-check failed', ...failure },
    });
  });
});

describe('send', () => {
  it('serializes JSON once, sent as UTF-8 with the head: Content-Length counts bytes, not characters', async () => {
    const reply = { status: 201, body: { name: 'café ☕' } };
    const rendered = render(reply);
    expect(rendered.text).toBe('{"name":"café ☕"}');
    expect(rendered.payload).toBe(rendered.text);
    const { mount } = xaiMount();
    const { reply: sent } = await run(mount, { url: '/' }, (x) => send(x.res, reply, rendered));
    expect(sent.statusCode).toBe(201);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(Number(sent.headers['content-length'])).toBe(Buffer.byteLength(rendered.text!));
    expect(sent.rawPayload.length).toBe(Buffer.byteLength(rendered.text!));
    expect(sent.json()).toEqual({ name: 'café ☕' });
  });

  it("puts the request's base headers under the reply's own", async () => {
    const { mount } = xaiMount();
    const { reply } = await run(mount, { url: '/' }, (x) => {
      setBaseHeaders(x.res, { 'access-control-allow-origin': '*', 'x-both': 'base' });
      send(x.res, { status: 200, headers: { 'x-both': 'reply' }, body: 'text', contentType: 'text/plain' });
    });
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['x-both']).toBe('reply');
    expect(reply.headers['content-type']).toBe('text/plain');
    expect(reply.body).toBe('text');
  });

  it('sends bytes as they are, and nothing once an answer has gone out', async () => {
    const { mount } = xaiMount();
    const { reply } = await run(mount, { url: '/' }, (x) => {
      send(x.res, { status: 200, body: Buffer.from([1, 2, 3]) });
      send(x.res, { status: 500, body: { late: true } });
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect([...reply.rawPayload]).toEqual([1, 2, 3]);
  });
});
