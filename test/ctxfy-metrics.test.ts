/**
 * What Ctxfy's /metrics counts: every request received with an operation,
 * whatever its answer (refused by authentication, the rate limit or
 * validation, or answered by a scenario), and the spaces of every user a
 * request has reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../src/server.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0, clock: 'manual', strict: true, quiet: true, providers: ['ctxfy'], rateLimit: 1 });
});
afterAll(async () => {
  await server?.close();
});

async function call(path: string, init: { method?: string; key?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<number> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}/ctxfy${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

async function metrics(): Promise<Map<string, number>> {
  const text = await (await fetch(`${server.url}/ctxfy/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

const requests = (m: Map<string, number>, op: string): number => m.get(`ctxfy_http_requests_total{operation="${op}"}`) ?? 0;

describe('Ctxfy /metrics', () => {
  it('counts requests refused before their handler: no key, over the rate limit, an invalid body, a scenario', async () => {
    const before = await metrics();
    expect(await call('/v1/spaces')).toBe(401);
    expect(await call('/v1/spaces', { key: 'metrics-limited' })).toBe(200);
    expect(await call('/v1/spaces', { key: 'metrics-limited' })).toBe(429);
    expect(await call('/v1/spaces', { method: 'POST', key: 'metrics-invalid', json: { name: 7 } })).toBe(400);
    expect(await call('/v1/spaces', { key: 'metrics-scenario', headers: { 'x-mock-scenario': 'error-500' } })).toBe(500);
    const after = await metrics();
    expect(requests(after, 'listSpaces')).toBe(requests(before, 'listSpaces') + 4);
    expect(requests(after, 'createSpace')).toBe(requests(before, 'createSpace') + 1);
  });

  it("counts the spaces of a user once a request has reached the user's state", async () => {
    const before = (await metrics()).get('ctxfy_spaces')!;
    expect(await call('/v1/spaces', { method: 'POST', key: 'metrics-spaces', json: { name: 'Counted' } })).toBe(201);
    expect((await metrics()).get('ctxfy_spaces')).toBe(before + 1);
  });
});
