/**
 * Kept-alive connections, as browsers and SDKs use them: the contract runner
 * never sends on a connection the server has closed while it sat idle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './helpers.js';
import { startIdleProxy, type IdleProxy } from './idle-proxy.js';
import type { MockServer } from '../src/server.js';
import { runContract } from '../src/contract/runner.js';
import { summary } from '../src/contract/report.js';

describe('the contract runner on kept-alive connections the server closes when idle', () => {
  let server: MockServer;
  let proxy: IdleProxy;
  beforeAll(async () => {
    server = await startServer({ processingMs: 0 });
    // Idle connections close after 100 ms, as the mock's own do after 5 s: the runner's planning of even a short fuzz run takes longer.
    proxy = await startIdleProxy({ host: '127.0.0.1', port: server.port }, 100);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  it('xAI, flow then fuzz: the flow\'s connections close while the fuzzer starts, and no request goes out on one of them', async () => {
    const report = await runContract({ provider: 'xai', baseUrl: `${proxy.url}/xai`, fuzz: 30, seed: 'keepalive' });
    expect(report.results.filter((r) => r.outcome === 'failed'), summary(report)).toEqual([]);
    expect(report.fuzz!.failedRequests).toBe(0);
    expect(report.cleanupFailures).toEqual([]);
  });

  it('the proxy closes a connection left idle after a reply, and fetch then opens a new one', async () => {
    const settle = async () => {
      while (proxy.open > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const list = async () => {
      const res = await fetch(`${proxy.url}/xai/v1/collections`, { headers: { Authorization: 'Bearer xai-keepalive-proxy' } });
      await res.text();
      return res.status;
    };
    await settle();
    const before = { closes: proxy.idleCloses, connections: proxy.connections };
    expect(await list()).toBe(200);
    await settle();
    expect(await list()).toBe(200);
    expect(proxy.idleCloses).toBeGreaterThanOrEqual(before.closes + 1);
    expect(proxy.connections).toBe(before.connections + 2);
  });
});
