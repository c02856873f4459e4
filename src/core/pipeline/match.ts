/**
 * The first stages: which operation a request is for (match), and its body's
 * bytes (readBody), read before anything can answer so the client can always
 * read the reply.
 */
import { MockError } from '../errors.js';
import { isStructuredMedia, mediaTypeOf, readRawBody } from '../body.js';
import type { Exchange, Mount } from './context.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A declared request media entry whose body is taken as raw bytes: a range (`*\/*`, `image/*`) or a type that is neither structured nor multipart. */
export const isRawMedia = (declared: string): boolean => declared.includes('*') || (!isStructuredMedia(declared) && declared !== 'multipart/form-data');

/** Whether the operation takes only raw bytes (uploads), whatever the client calls them. */
export function takesOnlyRawBytes(x: Exchange): boolean {
  const content = x.op?.requestBody?.content;
  if (!content) return false;
  let any = false;
  for (const media in content) {
    if (!isRawMedia(media)) return false;
    any = true;
  }
  return any;
}

/** The operation for the request's method and path; throws not_found, or method_not_allowed with the methods the path has. */
export function match(mount: Mount, x: Exchange): void {
  const route = mount.router.match(x.method, x.view.path);
  if (route.kind === 'not_found') throw new MockError('not_found', `No route for ${x.method} ${x.view.path}.`);
  if (route.kind === 'method_not_allowed') {
    throw new MockError('method_not_allowed', `Method ${x.method} is not allowed on ${x.view.path}.`, { headers: { allow: route.allowed.join(', ') } });
  }
  x.op = route.op;
  x.params = route.params;
  x.view.operation = route.op;
  if (x.entry) x.entry.operationId = route.op.id;
}

/** The body's bytes, under the size limit for what it is (JSON or an upload); an operation without a request body ignores whatever was sent. Nothing to wait for (undefined) when the request has no body. */
export function readBody(mount: Mount, x: Exchange): Promise<void> | undefined {
  const req = x.req;
  if (!BODY_METHODS.has(x.method) && !req.headers['content-length'] && !req.headers['transfer-encoding']) return undefined;
  return readRaw(mount, x);
}

async function readRaw(mount: Mount, x: Exchange): Promise<void> {
  const req = x.req;
  const { limits } = mount.options;
  const contentType = x.view.headers['content-type'];
  // Operations that take only raw bytes (uploads) get the upload limit whatever the client calls them.
  const limit = !takesOnlyRawBytes(x) && (isStructuredMedia(mediaTypeOf(contentType)) || !contentType) ? limits.json : limits.upload;
  x.raw = x.op?.requestBody ? await readRawBody(req, limit, x.res) : await readRawBody(req, limit, x.res).catch(() => Buffer.alloc(0));
}
