/**
 * The handle stage: the provider's handler for the operation, given the
 * validated request and the tenant's state; and, for any stage that threw,
 * the error as the provider renders it (its envelope and status).
 */
import { MockError, isMockError } from '../errors.js';
import type { HandlerContext, Reply } from '../provider.js';
import type { Exchange, Mount } from './context.js';

export async function handle(mount: Mount, x: Exchange): Promise<Reply> {
  const op = x.op!;
  const auth = x.auth!;
  const validated = x.validated!;
  const ctx: HandlerContext<unknown, unknown> = {
    path: validated.path as never,
    query: validated.query as never,
    headers: x.view.headers as never,
    body: x.request.body as never,
    files: x.parsed.files,
    state: mount.tenants.get(auth.tenant),
    tenant: auth.tenant,
    auth,
    env: mount.env,
    request: x.view,
  };
  return (await mount.provider.handlers[op.id]!(ctx)) as Reply;
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
    return { ...reply, headers: { ...err.headers, ...reply.headers } };
  } catch (renderErr) {
    mount.log.error({ err: renderErr }, 'renderError failed');
    return { status: 500, body: { error: 'internal error' } };
  }
}
