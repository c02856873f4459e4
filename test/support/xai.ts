/**
 * Shared by the xAI tests: fresh keys, the vendor's error envelope, and
 * uploading a file through the Files API.
 */
import { expect } from 'vitest';
import { keyMaker } from './client.js';

/** A unique key, so tests that share a server do not share a tenant. */
export const freshKey = keyMaker('xai-');

/** Uploads a file through the Files API and returns its id. */
export async function uploadFile(baseUrl: string, key: string, name: string, content: string | Uint8Array, type = 'text/plain'): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), name);
  const res = await fetch(`${baseUrl}/xai/v1/files`, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: form });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 200 || !body.id) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
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
