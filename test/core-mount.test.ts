/**
 * The pipeline's own guarantees, with a deliberately broken handler: the
 * response self-check catches replies that break the spec, and handler crashes
 * become the vendor's 500 envelope.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/core/body.js';
import { testEnv } from './support/server.js';
import { mountProvider, type SelfCheckFailure } from '../src/core/mount.js';
import type { AnyHandler } from '../src/core/provider.js';
import { createXaiProvider } from '../src/providers/xai/index.js';

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serveBroken(strict: boolean, handlers: Record<string, AnyHandler<any>>) {
  const provider = createXaiProvider();
  Object.assign(provider.handlers, handlers);
  const failures: SelfCheckFailure[] = [];
  const mounted = mountProvider(provider, {
    env: testEnv(),
    limits: DEFAULT_LIMITS,
    strict,
    onSelfCheckFailure: (f) => failures.push(f),
  });
  const server = http.createServer((req, res) => {
    const [p, q = ''] = (req.url ?? '').split('?');
    void mounted.handle(req, res, p!, q);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const res = await fetch(url + path, { headers: { authorization: 'Bearer xai-k' } });
    return { status: res.status, headers: res.headers, json: (await res.json()) as any };
  };
  return { get, failures };
}

const badList: AnyHandler<any> = () => ({ status: 200, body: { collections: 'not a list' } });

describe('response self-check', () => {
  it('strict: a reply that breaks the spec becomes a loud 500 naming the schema path', async () => {
    const { get, failures } = await serveBroken(true, { listCollections: badList });
    const res = await get('/v1/collections');
    expect(res.status).toBe(500);
    expect(res.headers.get('x-mock-self-check')).toBe('failed');
    expect(res.json).toMatchObject({
      operationId: 'listCollections',
      status: 200,
      issues: [expect.objectContaining({ pointer: '/collections', rule: 'type' })],
    });
    expect(failures).toHaveLength(1);
  });

  it('lenient: the reply is sent as it is and the failure recorded', async () => {
    const { get, failures } = await serveBroken(false, { listCollections: badList });
    const res = await get('/v1/collections');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ collections: 'not a list' });
    expect(failures).toEqual([expect.objectContaining({ operationId: 'listCollections' })]);
  });

  it('flags a status the operation does not declare', async () => {
    const { get, failures } = await serveBroken(true, { listCollections: () => ({ status: 202, body: { collections: [] } }) });
    expect((await get('/v1/collections')).status).toBe(500);
    expect(failures[0]!.issues[0]!.message).toMatch(/status 202 is not declared for listCollections/);
  });

  it('turns a handler crash into the vendor 500 envelope without a stack trace', async () => {
    const { get, failures } = await serveBroken(true, {
      listCollections: () => {
        throw new TypeError('secret internals at line 42');
      },
    });
    const res = await get('/v1/collections');
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ code: 'Internal error', error: 'Internal error' });
    expect(failures).toEqual([]);
  });
});
