import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../src/server.js';
import { startServer } from './support/server.js';
import { raw } from './support/client.js';

const root = path.resolve(import.meta.dirname, '..');

describe('createMockServer', () => {
  it('refuses unknown providers and a --root that is not mounted', async () => {
    await expect(createMockServer({ port: 0, quiet: true, providers: ['nope' as never] })).rejects.toThrow(/unknown provider "nope"/);
    await expect(createMockServer({ port: 0, quiet: true, providers: [], root: 'xai' })).rejects.toThrow(/--root xai is not among the mounted providers/);
  });

  it('with no providers mounted, every path is the JSON 404 naming none', async () => {
    const server = await startServer({ providers: [] });
    try {
      const res = await raw(server.url, '/xai/v1/collections');
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ error: 'not_found', providers: [] });
    } finally {
      await server.close();
    }
  });

  it('loads the shipped example keys file: its keys share a team, others are refused', async () => {
    const server = await startServer({ apiKeys: path.join(root, 'fixtures', 'api-keys.yaml') });
    try {
      const created = await raw(server.url, '/xai/v1/collections', {
        key: 'xai-token-demo-management-key',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"collection_name":"demo"}',
      });
      expect(created.status).toBe(200);
      const seen = await raw(server.url, `/xai/v1/collections/${created.json.collection_id}`, { key: 'xai-demo-api-key' });
      expect(seen.status).toBe(200);
      const other = await raw(server.url, `/xai/v1/collections/${created.json.collection_id}`, { key: 'xai-other-team-key' });
      expect(other.status).toBe(404);
      const unknown = await raw(server.url, '/xai/v1/collections', { key: 'xai-not-listed' });
      expect(unknown.status).toBe(400);
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('routes /__mock to the admin API, even with a provider served at /', async () => {
    const server = await startServer({ root: 'xai', shippedScenarios: false });
    try {
      const health = await raw(server.url, '/__mock/health', { key: null });
      expect(health.status).toBe(200);
      expect(health.json).toMatchObject({ status: 'ok', root: 'xai', clock: 'manual', providers: [{ name: 'xai', prefix: '/xai' }] });
      for (const path of ['/__mock', '/__mock/', '/__mock/nope']) {
        const res = await raw(server.url, path, { key: null });
        expect(res.status, path).toBe(404);
        expect(Object.keys(res.json).sort(), path).toEqual(['error', 'message']);
        expect(res.json.error).toBe('not_found');
      }
      expect(server.selfCheckFailures).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('close() is idempotent and stops pending lifecycles and deliveries', async () => {
    const server = await startServer();
    server.clock.schedule(1000, () => {
      throw new Error('must not run');
    });
    expect(server.clock.pending()).toBe(1);
    server.deliveries.send({ id: 'p1', url: 'http://127.0.0.1:1/unreachable', topic: 't', body: {} });
    expect(server.deliveries.list()).toHaveLength(1);
    await Promise.all([server.close(), server.close()]);
    expect(server.clock.pending()).toBe(0);
    expect(server.deliveries.list()).toEqual([]);
    await expect(fetch(`${server.url}/__mock/health`)).rejects.toThrow();
  });
});
