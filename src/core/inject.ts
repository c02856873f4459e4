/**
 * fetch(), answered by a request listener in this process: no socket and no
 * port, and the same pipeline as a request over HTTP. For hosts that have no
 * address of their own to call, such as the middleware loading its fixtures.
 */
import type { RequestListener } from 'node:http';
import type { FetchLike } from './fixtures.js';

export function inProcessFetch(listener: RequestListener): FetchLike {
  return async (url, init) => {
    // A Request gives the bytes and headers fetch() would send (a FormData body becomes multipart with its boundary).
    const request = new Request(url, init);
    const target = new URL(request.url);
    const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    // Loaded when first used: only hosts that load fixtures in process pay for it.
    const { default: inject } = await import('light-my-request');
    const res = await inject(listener, {
      method: request.method,
      url: target.pathname + target.search,
      authority: target.host,
      headers: Object.fromEntries(request.headers),
      ...(payload ? { payload } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, String(v));
    }
    const bodiless = res.statusCode === 204 || res.statusCode === 304 || request.method === 'HEAD';
    return new Response(bodiless ? null : res.rawPayload, { status: res.statusCode, headers });
  };
}
