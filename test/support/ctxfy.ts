/**
 * Shared by the Ctxfy tests: a raw request with a Bearer key, the documented error
 * envelope (the one on Ctxfy's Create collection and Create source reference pages),
 * the rate-limit headers, fresh users with their spaces and collections, a real
 * postback receiver on loopback, and the spec's own PostbackNotification schema to
 * check what the mock sends.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { keyMaker, ok, send, withHeader, type Res } from './client.js';
import { loadSpec } from '../../src/core/spec.js';
import { SpecValidators } from '../../src/core/validation.js';

/** A raw Ctxfy request under /ctxfy: Bearer key (null for none), JSON body. */
export async function cx(
  baseUrl: string,
  path: string,
  init: { method?: string; key?: string | null; json?: unknown; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Res> {
  const { key = 'ctx-test-key', ...rest } = init;
  return send(`${baseUrl}/ctxfy${path}`, { ...rest, headers: withHeader(init.headers, 'authorization', key === null ? null : `Bearer ${key}`) });
}

/** A client bound to one key: `api.post('/v1/spaces', {...})`. */
export function ctxfyApi(baseUrl: string, key: string | null) {
  const call = (method: string, path: string, json?: unknown) => cx(baseUrl, path, { method, key, ...(json !== undefined ? { json } : {}) });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, json?: unknown) => call('POST', path, json),
    put: (path: string, json: unknown) => call('PUT', path, json),
    patch: (path: string, json?: unknown) => call('PATCH', path, json),
    del: (path: string) => call('DELETE', path),
  };
}
export type CtxfyApi = ReturnType<typeof ctxfyApi>;

export const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** The documented envelope, `{error, message, code}` plus `details` on 400/409 and `requestId` on 500, nothing else. */
export function expectCtxfyError(res: Res, status: number, message?: string | RegExp): any {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const keys = ['code', 'error', 'message', ...(status === 400 || status === 409 ? ['details'] : []), ...(status === 500 ? ['requestId'] : [])].sort();
  expect(Object.keys(res.json).sort()).toEqual(keys);
  expect(res.json.error).toBe(REASON[status]);
  expect(res.json.code).toBe(status);
  if (typeof message === 'string') expect(res.json.message).toBe(message);
  else if (message) expect(res.json.message).toMatch(message);
  return res.json;
}

/** A 400 whose details name exactly this field (and, when given, say this about it). */
export function expectFieldError(res: Res, field: string, message?: string | RegExp): void {
  const body = expectCtxfyError(res, 400);
  const entry = (body.details as { field: string; message: string }[]).find((d) => d.field === field);
  expect(entry, `details ${JSON.stringify(body.details)} name ${field}`).toBeDefined();
  if (typeof message === 'string') expect(entry!.message).toBe(message);
  else if (message) expect(entry!.message).toMatch(message);
}

export const NOT_FOUND = 'The requested resource was not found';
export const UNAUTHORIZED = 'Authentication required. Please provide a valid API token';
export const INVALID = 'The request contains invalid parameters or malformed data';

export const UNAUTHORIZED_BODY = { error: 'Unauthorized', message: UNAUTHORIZED, code: 401 };
export const NOT_FOUND_BODY = { error: 'Not Found', message: NOT_FOUND, code: 404 };
export const CONFLICT_BODY = {
  error: 'Conflict',
  message: 'The request conflicts with the current state of the resource',
  code: 409,
  details: 'Resource already exists',
};

/** A version-4 UUID, as the mock's ids and user ids are. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'];

export function expectNoRateHeaders(res: Res): void {
  for (const name of RATE_HEADERS) expect(res.headers.get(name), name).toBeNull();
}

/** The documented 401, byte for byte, with no rate-limit headers. */
export function expectUnauthorized(res: Res): void {
  expectCtxfyError(res, 401, UNAUTHORIZED);
  expect(res.json).toEqual(UNAUTHORIZED_BODY);
  expectNoRateHeaders(res);
}

export function expectNotFound(res: Res): void {
  expectCtxfyError(res, 404, NOT_FOUND);
  expect(res.json).toEqual(NOT_FOUND_BODY);
}

/** The rate-limit headers of a reply, which must all be there. */
export function rate(res: Res): { limit: number; remaining: number; reset: number } {
  const get = (name: string): number => {
    const v = res.headers.get(name);
    expect(v, `${name} on ${res.status}`).not.toBeNull();
    expect(v).toMatch(/^\d+$/);
    return Number(v);
  };
  return { limit: get('x-ratelimit-limit'), remaining: get('x-ratelimit-remaining'), reset: get('x-ratelimit-reset') };
}

/** Epoch seconds at which a window opened at `startMs` ends. */
export const windowEnd = (startMs: number): number => Math.ceil((startMs + 60_000) / 1000);

export const createSpace = (a: CtxfyApi, name = 'Project Atlas', extra: Record<string, unknown> = {}) => ok(a.post('/v1/spaces', { name, ...extra }), 201);
export const createCollection = (a: CtxfyApi, spaceId: string, name: string, parentId?: string | null) =>
  ok(a.post(`/v1/spaces/${spaceId}/collections`, { name, ...(parentId !== undefined ? { parentId } : {}) }), 201);
export const CONTENT_SOURCE = { type: 'CONTENT', initial_data: { data: 'Some inline text' }, instructions: {} };

/** A key of its own: any unregistered token is a new, empty user. */
export const freshKey = keyMaker('ctx-');

/** The request body shown on Ctxfy's Create source reference page (https://docs.ctxfy.com/post-v1-spaces-spaceid-sources), verbatim. */
export const REFERENCE_SOURCE = {
  type: 'URI',
  name: 'John Doe',
  initial_data: {
    url: 'example_string',
    uri: 'example_string',
    source_ids: ['example_string'],
    data: 'example_string',
  },
  collectionId: 'example_string',
  instructions: {},
  description: 'example_string',
} as const;

/** The request body shown on Ctxfy's Create collection reference page (https://docs.ctxfy.com/post-v1-spaces-spaceid-collections), verbatim. */
export const REFERENCE_COLLECTION = { name: 'example_string', parentId: 'example_string' } as const;

export interface Receiver {
  url: string;
  /** Bodies received, in order. */
  received: { path: string; headers: http.IncomingHttpHeaders; body: any }[];
  /** Status codes to answer with, one per request, then 200. */
  answers: number[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback that records postbacks. */
export async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/postbacks`,
    received,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Validates a postback body against the spec's PostbackNotification; returns the issues. */
export function postbackIssues(body: unknown) {
  const spec = loadSpec(new URL('../../specs/ctxfy.yaml', import.meta.url).pathname, 'ctxfy');
  return SpecValidators.of(spec).component('PostbackNotification')(body);
}
