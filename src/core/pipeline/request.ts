/**
 * The parse stage: the body as its declared media type reads it, the query
 * with repeated keys kept where the parameter is an array, the provider's
 * aliases and its own preparation. What scenarios match on and validation
 * checks.
 */
import { MockError } from '../errors.js';
import { declaredMediaFor, mediaTypeOf, parseBody } from '../body.js';
import { applyCamelCaseAliases, applyCamelCaseQueryAliases } from '../aliases.js';
import type { Exchange, Mount } from './context.js';
import { isRawMedia, takesOnlyRawBytes } from './match.js';

/** The request as validation and the handler see it; something to wait for only when a body is parsed. */
export function parseRequest(mount: Mount, x: Exchange): Promise<void> | undefined {
  if (x.op!.requestBody && x.raw.length) return parseBodyFirst(mount, x);
  prepareRequest(mount, x);
  return undefined;
}

async function parseBodyFirst(mount: Mount, x: Exchange): Promise<void> {
  const op = x.op!;
  const requestBody = op.requestBody!;
  const contentType = x.view.headers['content-type'];
  // Bytes sent without a Content-Type are application/octet-stream, as HTTP says, where the operation takes raw bytes.
  const media = mediaTypeOf(contentType) || (takesOnlyRawBytes(x) ? 'application/octet-stream' : '');
  const declared = Object.keys(requestBody.content);
  const match = media ? declaredMediaFor(declared, media) : undefined;
  if (!match) {
    throw new MockError(
      'unsupported_media_type',
      media ? `Unsupported Content-Type ${media}; expected ${declared.join(' or ')}.` : `Missing Content-Type; expected ${declared.join(' or ')}.`,
    );
  }
  // A raw entry (`*/*`, octet-stream) keeps the bytes as sent, even when they are called JSON.
  const parsed = isRawMedia(match) ? { mediaType: media, value: x.raw, files: {}, present: true } : await parseBody(x.raw, contentType, mount.options.limits);
  // Validation and aliases use the declared entry that accepted the body.
  parsed.mediaType = match;
  x.parsed = parsed;
  prepareRequest(mount, x);
}

/** A query value: an array where the parameter is one or the key repeats, else the value. */
function addQueryValue(query: Record<string, string | string[]>, arrays: Set<string>, key: string, value: string): void {
  const seen = query[key];
  if (seen === undefined) query[key] = arrays.has(key) ? [value] : value;
  else if (Array.isArray(seen)) seen.push(value);
  else query[key] = [seen, value];
}

/** The query with repeated keys kept where the parameter is an array, the provider's aliases and its own preparation. */
function prepareRequest(mount: Mount, x: Exchange): void {
  const op = x.op!;
  const { provider, spec } = mount;
  const query: Record<string, string | string[]> = Object.create(null);
  const arrays = mount.arrayParams.get(op.id)!;
  const search = x.search;
  // Most queries are plain `a=1&b=2`, read here as URLSearchParams would; any escape (`%`, `+`) takes URLSearchParams itself.
  if (search !== '' && !/[%+]/.test(search)) {
    for (const pair of search.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      addQueryValue(query, arrays, eq < 0 ? pair : pair.slice(0, eq), eq < 0 ? '' : pair.slice(eq + 1));
    }
  } else if (search !== '') {
    for (const [key, value] of x.view.query) addQueryValue(query, arrays, key, value);
  }
  x.request = { query, body: x.parsed.value };
  if (provider.acceptLowerCamelCase) {
    applyCamelCaseQueryAliases(mount.queryNames.get(op.id)!, x.request.query);
    const schema = op.requestBody?.content[x.parsed.mediaType]?.schema;
    if (schema !== undefined && x.request.body !== undefined) applyCamelCaseAliases(spec.doc, schema, x.request.body);
  }
  provider.prepare?.(x.request, x.view);
}
