/**
 * Shared by the Airweave tests: a raw request with the vendor's `x-api-key`
 * header, and fresh keys (in the default mode every key is its own
 * organisation).
 */
import { keyMaker, send, withHeader, type Res, type SendInit } from './client.js';

/** A fresh key: in the default mode every key is its own organisation. */
export const awKey = keyMaker('aw-');

/** A raw Airweave request (`x-api-key`), parsed. */
export async function awRaw(baseUrl: string, path: string, init: SendInit & { key?: string | null } = {}): Promise<Res> {
  const { key = 'aw-test-key', ...rest } = init;
  return send(`${baseUrl}/airweave${path}`, { ...rest, headers: withHeader(init.headers, 'x-api-key', key) });
}
