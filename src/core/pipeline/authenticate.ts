/**
 * The authenticate stage: the provider names the caller's tenant, or refuses
 * (its MockError). Credentials are checked before the body is looked at: a
 * bad key with a bad body is an auth error.
 */
import type { Reply } from '../provider.js';
import type { Exchange, Mount } from './context.js';

export function authenticate(mount: Mount, x: Exchange): void {
  const auth = mount.provider.authenticate(x.view);
  x.auth = auth;
  if (x.entry) x.entry.tenant = auth.tenant;
}

/** Once a caller is identified, every reply (errors included) carries the provider's per-caller headers; the reply's own win. */
export function withCallerHeaders(mount: Mount, x: Exchange, reply: Reply): Reply {
  const replyHeaders = mount.provider.replyHeaders;
  if (!x.auth || !replyHeaders) return reply;
  // Copied field by field, without spreads: replies of every shape pass here, and a spread of so many shapes takes V8's slow path.
  const headers: Record<string, string> = {};
  const caller = replyHeaders(x.auth, x.view);
  for (const k in caller) headers[k] = caller[k]!;
  const own = reply.headers;
  if (own) for (const k in own) headers[k] = own[k]!;
  const out: Reply = { status: reply.status, headers };
  if (reply.body !== undefined) out.body = reply.body;
  if (reply.contentType !== undefined) out.contentType = reply.contentType;
  return out;
}
