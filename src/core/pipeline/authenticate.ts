/**
 * The authenticate stage: the provider names the caller's tenant, or refuses
 * (its MockError). Credentials are checked before the body is looked at: a
 * bad key with a bad body is an auth error.
 */
import { withHeaders, type Reply } from '../provider.js';
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
  return withHeaders(reply, replyHeaders(x.auth, x.view));
}
