/**
 * The server under test: a real server on a free loopback port with a manual
 * clock and the strict response self-check, and the provider environment for
 * tests that mount a provider without a server.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createMockServer, type MockServer, type MockServerOptions } from '../../src/server.js';
import { createClock } from '../../src/core/clock.js';
import { createIdSource } from '../../src/core/ids.js';
import { createLogger } from '../../src/core/log.js';
import { createDeliveries } from '../../src/core/delivery.js';
import { createLocalEmbedder } from '../../src/core/retrieval/embed.js';
import { RenderCache } from '../../src/core/json-text.js';
import type { ProviderEnv } from '../../src/core/provider.js';

export async function startServer(options: MockServerOptions = {}): Promise<MockServer> {
  return createMockServer({ port: 0, clock: 'manual', strict: true, quiet: true, processingMs: 1000, providers: ['xai'], ...options });
}

/**
 * Starts one server for the file (or the describe block) and fails any test
 * after which the server sent a reply that does not match its spec. Options
 * given as a function are read when the server starts.
 */
export function useServer(options: MockServerOptions | (() => MockServerOptions) = {}): { readonly server: MockServer; readonly url: string } {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startServer(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    const failures = server?.selfCheckFailures.splice(0) ?? [];
    expect(failures, 'replies that break the spec').toEqual([]);
  });
  return {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get url() {
      if (!server) throw new Error('server not started');
      return server.url;
    },
  };
}

/** A provider environment for tests that mount a provider without the server: manual clock, seeded ids, silent log. */
export function testEnv(): ProviderEnv {
  const clock = createClock({ mode: 'manual' });
  const log = createLogger({ level: 'silent' });
  return {
    clock,
    ids: createIdSource(1),
    processingMs: 0,
    log,
    deliveries: createDeliveries({ clock, log }),
    embedder: createLocalEmbedder(),
    renders: new RenderCache(true),
  };
}
