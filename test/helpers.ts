/**
 * Test harness: a real server on a free loopback port with a manual clock and
 * the strict response self-check, plus typed clients from the generated types.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import createClient from 'openapi-fetch';
import type { paths as XaiPaths } from '../src/generated/xai.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../src/server.js';
import { createClock } from '../src/core/clock.js';
import { createIdSource } from '../src/core/ids.js';
import { createLogger } from '../src/core/log.js';
import { createDeliveries } from '../src/core/delivery.js';
import { createLocalEmbedder } from '../src/core/retrieval/embed.js';
import type { ProviderEnv } from '../src/core/provider.js';

export async function startServer(options: MockServerOptions = {}): Promise<MockServer> {
  return createMockServer({ port: 0, clock: 'manual', strict: true, quiet: true, processingMs: 1000, providers: ['xai'], ...options });
}

/**
 * Starts one server for the file and fails any test after which the server
 * sent a reply that does not match its spec.
 */
export function useServer(options: MockServerOptions = {}): { readonly server: MockServer; readonly url: string } {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
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

/** A typed xAI client for one key (each key is its own team unless --api-keys says otherwise). */
export function xaiClient(baseUrl: string, key: string | null = 'xai-test-key') {
  return createClient<XaiPaths>({
    baseUrl: `${baseUrl}/xai`,
    headers: key === null ? {} : { Authorization: `Bearer ${key}` },
  });
}

let counter = 0;
/** A unique key, so tests that share a server do not share a tenant. */
export const freshKey = (label = 'k'): string => `xai-${label}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** Uploads a file through the Files API and returns its id. */
export async function uploadFile(baseUrl: string, key: string, name: string, content: string | Uint8Array, type = 'text/plain'): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), name);
  const res = await fetch(`${baseUrl}/xai/v1/files`, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: form });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 200 || !body.id) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Raw request with an xAI key, for the cases a typed client cannot express. */
export async function raw(baseUrl: string, path: string, init: RequestInit & { key?: string | null } = {}): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const headers = new Headers(init.headers);
  const key = init.key === undefined ? 'xai-test-key' : init.key;
  if (key !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
  return readReply(await fetch(`${baseUrl}${path}`, { ...init, headers }));
}

/** Status, headers, text and (when it parses) JSON of a reply. */
export async function readReply(res: Response): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const XAI_CODES = {
  400: 'Client specified an invalid argument',
  401: 'The request does not have valid authentication credentials',
  403: 'The caller does not have permission to execute the specified operation',
  404: 'Some requested entity was not found',
  405: 'Operation is not implemented or not supported',
  409: 'Some entity that we attempted to create already exists',
  413: 'Some resource has been exhausted',
} as const;

/** Asserts the xAI error envelope and status. */
export function expectXaiError(res: { status: number; json: any; headers?: Headers }, status: keyof typeof XAI_CODES, message?: RegExp | string): void {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ code: XAI_CODES[status], error: expect.any(String) });
  expect(Object.keys(res.json).sort()).toEqual(['code', 'error']);
  if (res.headers) expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  if (message !== undefined) expect(res.json.error).toMatch(message);
}

/** A raw Airweave request (`x-api-key`), parsed. */
export async function awRaw(
  baseUrl: string,
  path: string,
  init: Omit<RequestInit, 'body'> & { key?: string | null; json?: unknown; body?: RequestInit['body'] } = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const headers = new Headers(init.headers);
  const key = init.key === undefined ? 'aw-test-key' : init.key;
  if (key !== null && !headers.has('x-api-key')) headers.set('x-api-key', key);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return readReply(await fetch(`${baseUrl}/airweave${path}`, { ...init, headers, body: body ?? null }));
}

/** A provider environment for tests that mount a provider without the server: manual clock, seeded ids, silent log. */
export function testEnv(): ProviderEnv {
  const clock = createClock({ mode: 'manual' });
  const log = createLogger({ level: 'silent' });
  return { clock, ids: createIdSource(1), processingMs: 0, log, deliveries: createDeliveries({ clock, log }), embedder: createLocalEmbedder() };
}
