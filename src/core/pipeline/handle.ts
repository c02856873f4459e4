/**
 * The handle stage: the provider's handler for the operation, given the
 * validated request and the tenant's state; and, for any stage that threw,
 * the error as the provider renders it (its envelope and status).
 */
import { MockError, isMockError } from '../errors.js';
import { withHeaders, type AnyHandler, type Reply, type RequestContext } from '../provider.js';
import type { Exchange, Mount } from './context.js';

/**
 * The handler's context of a validated request: its parameters and body, the
 * tenant's state (made on first use), the services. Made once per exchange:
 * the before-handle stage and the handler see the same object.
 */
export function handlerContext(mount: Mount, x: Exchange): RequestContext<unknown> {
  if (x.context) return x.context;
  const auth = x.auth!;
  const validated = x.validated!;
  return (x.context = {
    path: validated.path,
    query: validated.query,
    headers: x.view.headers,
    body: x.request.body,
    files: x.parsed.files,
    state: mount.tenants.get(auth.tenant),
    tenant: auth.tenant,
    auth,
    env: mount.env,
    request: x.view,
  });
}

/** The provider's handler for the operation; the context it is given was validated against that operation's spec, which its types describe. */
export function handle(mount: Mount, x: Exchange): Reply | Promise<Reply> {
  return mount.provider.handlers[x.op!.id]!(handlerContext(mount, x) as Parameters<AnyHandler<unknown>>[0]);
}

/** The provider's reply for an error (a crash becomes its 500, logged, without a stack trace); the error's headers under the reply's. */
export function errorReply(mount: Mount, x: Exchange, err: unknown): Reply {
  let mockErr: MockError;
  if (isMockError(err)) mockErr = err;
  else {
    mount.log.error({ err, method: x.method, url: x.view.url }, 'unhandled error in provider');
    mockErr = new MockError('internal', 'Internal error');
  }
  return renderError(mount, x, mockErr);
}

export function renderError(mount: Mount, x: Exchange, err: MockError): Reply {
  try {
    const reply = mount.provider.renderError(err, x.view);
    return withHeaders(reply, err.headers);
  } catch (renderErr) {
    mount.log.error({ err: renderErr }, 'renderError failed');
    return { status: 500, body: { error: 'internal error' } };
  }
}
