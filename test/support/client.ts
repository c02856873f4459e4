/**
 * Talking to the server in tests: a reply read whole (status, headers, text,
 * and JSON where it parses), raw requests, the typed xAI client, and unique
 * keys so that tests sharing a server do not share a tenant.
 */
import { expect } from 'vitest';
import createClient from 'openapi-fetch';
import type { paths as XaiPaths } from '../../src/generated/xai.js';

/** A reply read whole. */
export type Res = { status: number; headers: Headers; text: string; json: any };

/** The text as JSON, or undefined where it is not JSON. */
export function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Status, headers, text and (when it parses) JSON of a reply. */
export async function readReply(res: Response): Promise<Res> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: parseJson(text) };
}

export type SendInit = Omit<RequestInit, 'body'> & { json?: unknown; body?: RequestInit['body'] };

/** A request read whole; `json` is sent as the body, with its Content-Type. */
export async function send(url: string, init: SendInit = {}): Promise<Res> {
  const { json, ...rest } = init;
  const headers = new Headers(init.headers);
  let body = init.body;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(json);
  }
  return readReply(await fetch(url, { ...rest, method: init.method ?? 'GET', headers, body: body ?? null }));
}

/** Headers with `name: value` added unless the caller set that header (or the value is null: none). */
export function withHeader(headers: RequestInit['headers'], name: string, value: string | null): Headers {
  const out = new Headers(headers);
  if (value !== null && !out.has(name)) out.set(name, value);
  return out;
}

/** Raw request with an xAI key, for the cases a typed client cannot express. */
export async function raw(baseUrl: string, path: string, init: RequestInit & { key?: string | null } = {}): Promise<Res> {
  const key = init.key === undefined ? 'xai-test-key' : init.key;
  const headers = withHeader(init.headers, 'authorization', key === null ? null : `Bearer ${key}`);
  return readReply(await fetch(`${baseUrl}${path}`, { ...init, headers }));
}

/** The JSON of a reply that must have this status (200 unless told). */
export async function ok(res: Promise<Res> | Res, status = 200): Promise<any> {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return r.json;
}

/** A typed xAI client for one key (each key is its own team unless --api-keys says otherwise). */
export function xaiClient(baseUrl: string, key: string | null = 'xai-test-key') {
  return createClient<XaiPaths>({
    baseUrl: `${baseUrl}/xai`,
    headers: key === null ? {} : { Authorization: `Bearer ${key}` },
  });
}

/** Unique keys `<prefix><label><sep><n><sep><random>`, `n` counting up in this file. */
export function keyMaker(prefix: string, sep = '-', defaultLabel = 'k'): (label?: string) => string {
  let counter = 0;
  return (label = defaultLabel) => `${prefix}${label}${sep}${++counter}${sep}${Math.random().toString(36).slice(2, 8)}`;
}

/** A name nobody else on the server uses, for names unique across tenants (`<label>-<n>-<random>`). */
export const uniqueName = keyMaker('');
