/**
 * The before-handle stage (src/core/pipeline/before-handle.ts): the
 * provider's own step on a validated request, just before its handler, on
 * the same context the handler gets; a refusal is the provider's error like
 * any stage's. Run on real requests (light-my-request) against the xAI
 * provider's mount, one stage at a time and through the whole pipeline.
 */
import { inject, type InjectOptions } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/core/body.js';
import { MockError } from '../src/core/errors.js';
import { mountProvider } from '../src/core/mount.js';
import type { Provider, RequestContext, Reply } from '../src/core/provider.js';
import { bodyValue } from '../src/core/json-text.js';
import { ScenarioRegistry } from '../src/core/scenarios.js';
import { createMount, exchange, type Exchange, type Mount } from '../src/core/pipeline/context.js';
import { match, readBody } from '../src/core/pipeline/match.js';
import { authenticate } from '../src/core/pipeline/authenticate.js';
import { parseRequest } from '../src/core/pipeline/request.js';
import { validateRequest } from '../src/core/pipeline/validate.js';
import { beforeHandle } from '../src/core/pipeline/before-handle.js';
import { errorReply, handle } from '../src/core/pipeline/handle.js';
import { createXaiProvider } from '../src/providers/xai/index.js';
import { testEnv } from './support/server.js';

const KEY = { authorization: 'Bearer xai-before-handle' };
const JSON_KEY = { ...KEY, 'content-type': 'application/json' };

const env = testEnv;

/** The xAI provider with `hook` as its beforeHandle, and what the hook and the handlers were given, in order. */
function withHook(hook: (ctx: RequestContext<unknown>) => void) {
  const seen: { stage: 'before' | 'handler'; ctx: unknown }[] = [];
  const xai = createXaiProvider() as Provider<unknown>;
  const provider: Provider<unknown> = {
    ...xai,
    beforeHandle(ctx) {
      seen.push({ stage: 'before', ctx });
      hook(ctx);
    },
    handlers: Object.fromEntries(
      Object.entries(xai.handlers).map(([id, handler]) => [
        id,
        (ctx: Parameters<typeof handler>[0]) => {
          seen.push({ stage: 'handler', ctx });
          return handler(ctx);
        },
      ]),
    ),
  };
  return { provider, seen };
}

const mountOf = (provider: Provider<unknown>): Mount => createMount(provider, { env: env(), limits: DEFAULT_LIMITS, strict: true });

/** Runs the stages up to validation on one request, then `then`; its result or what it threw. */
async function stages<T>(mount: Mount, request: InjectOptions, then: (x: Exchange) => T | Promise<T>) {
  let out: { value?: T; error?: unknown; x?: Exchange } = {};
  await inject(
    async (req, res) => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const x = exchange(mount, req, res, q < 0 ? url : url.slice(0, q), q < 0 ? '' : url.slice(q + 1));
      try {
        match(mount, x);
        await readBody(mount, x);
        authenticate(mount, x);
        await parseRequest(mount, x);
        validateRequest(mount, x);
        out = { value: await then(x), x };
      } catch (error) {
        out = { error, x };
      }
      res.writeHead(204);
      res.end();
    },
    { method: 'GET', ...request } as InjectOptions,
  );
  return out;
}

/** A request through the whole pipeline of a mount. */
async function serve(provider: Provider<unknown>, request: InjectOptions, scenarios?: ScenarioRegistry) {
  const mounted = mountProvider(provider, { env: env(), limits: DEFAULT_LIMITS, strict: true, ...(scenarios ? { scenarios } : {}) });
  return inject(
    (req, res) => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      void mounted.handle(req, res, q < 0 ? url : url.slice(0, q), q < 0 ? '' : url.slice(q + 1));
    },
    { method: 'GET', ...request } as InjectOptions,
  );
}

describe('before handle', () => {
  it('does nothing for a provider without the hook, and the handler still gets its context', async () => {
    const xai = createXaiProvider() as Provider<unknown>;
    const { beforeHandle: _none, ...bare } = xai;
    const mount = mountOf(bare);
    const { value, error, x } = await stages(mount, { url: '/v1/collections', headers: KEY }, (x) => {
      beforeHandle(mount, x);
      return handle(mount, x);
    });
    expect(error).toBeUndefined();
    expect(value).toMatchObject({ status: 200 });
    // The handler may answer with a JSON text (json-text.ts): its value is what the client reads.
    expect(bodyValue((value as Reply).body)).toEqual({ collections: [] });
    expect(x!.context).toMatchObject({ tenant: 'key:xai-before-handle' });
  });

  it("gets the validated request and the tenant's state, the same context the handler gets next", async () => {
    const { provider, seen } = withHook(() => {});
    const mount = mountOf(provider);
    const { value, error } = await stages(mount, { url: '/v1/collections?limit=2', headers: KEY }, (x) => {
      beforeHandle(mount, x);
      return handle(mount, x);
    });
    expect(error).toBeUndefined();
    expect(value).toMatchObject({ status: 200 });
    expect(seen.map((s) => s.stage)).toEqual(['before', 'handler']);
    const ctx = seen[0]!.ctx as RequestContext<unknown>;
    expect(seen[1]!.ctx).toBe(ctx);
    // Coerced by validation: the query's limit is a number.
    expect(ctx.query).toMatchObject({ limit: 2 });
    expect(ctx.tenant).toBe('key:xai-before-handle');
    expect(ctx.state).toBe(mount.tenants.get('key:xai-before-handle'));
    expect(ctx.request.operation?.id).toBe('listCollections');
  });

  it("refuses with a MockError: the handler is not run, and the error is the provider's envelope", async () => {
    const { provider, seen } = withHook(() => {
      throw new MockError('forbidden', 'Not this one.');
    });
    const mount = mountOf(provider);
    const { error, x } = await stages(mount, { method: 'POST', url: '/v1/collections', headers: JSON_KEY, payload: '{"collection_name":"Refused"}' }, (x) => {
      beforeHandle(mount, x);
      return handle(mount, x);
    });
    expect(error).toBeInstanceOf(MockError);
    expect(seen.map((s) => s.stage)).toEqual(['before']);
    expect(errorReply(mount, x!, error)).toMatchObject({ status: 403, body: { error: 'Not this one.' } });
  });

  it('runs after validation: a request the spec refuses never reaches it', async () => {
    const { provider, seen } = withHook(() => {});
    const reply = await serve(provider, { method: 'POST', url: '/v1/collections', headers: JSON_KEY, payload: '{"collection_name":7}' });
    expect(reply.statusCode).toBe(400);
    expect(seen).toEqual([]);
  });

  it('runs after the scenario stage: a request a scenario answers never reaches it', async () => {
    const { provider, seen } = withHook(() => {});
    const reply = await serve(provider, { url: '/v1/collections/col_1', headers: { ...KEY, prefer: 'code=404' } }, new ScenarioRegistry([], () => 0));
    expect(reply.statusCode).toBe(404);
    expect(seen).toEqual([]);
  });

  it('runs once per request, just before the handler, in the whole pipeline; its refusal is the reply', async () => {
    const passed = withHook(() => {});
    const ok = await serve(passed.provider, { url: '/v1/collections', headers: KEY });
    expect(ok.statusCode).toBe(200);
    expect(passed.seen.map((s) => s.stage)).toEqual(['before', 'handler']);

    const refused = withHook((ctx) => {
      if (ctx.query.limit === 3) throw new MockError('forbidden', 'Three is refused.');
    });
    const no = await serve(refused.provider, { url: '/v1/collections?limit=3', headers: KEY });
    expect(no.statusCode).toBe(403);
    expect(no.json()).toEqual({ code: expect.any(String), error: 'Three is refused.' });
    expect(refused.seen.map((s) => s.stage)).toEqual(['before']);
  });

  it("holds xAI's team rule: a key of one team naming another team's team_id is refused before the handler", async () => {
    const xai = createXaiProvider({ apiKeys: [{ key: 'xai-team-a', team: 'team-a' }] }) as Provider<unknown>;
    const listed = await serve(xai, { url: '/v1/collections?team_id=team-a', headers: { authorization: 'Bearer xai-team-a' } });
    expect(listed.statusCode).toBe(200);
    const foreign = await serve(xai, { url: '/v1/collections?team_id=team-b', headers: { authorization: 'Bearer xai-team-a' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error).toBe('The key does not belong to team team-b.');
  });
});
