/**
 * The admin API under /__mock: a Provider like the vendors', described by
 * specs/admin.yaml, so its requests are validated and its replies self-checked
 * by the same pipeline. What it acts on (clock, providers, scenarios, journal,
 * deliveries) comes in an AdminContext built by the server.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { packagePath } from '../core/paths.js';
import { MockError, type MockErrorKind } from '../core/errors.js';
import type { operations } from '../generated/admin.js';
import { defineProvider, type AuthResult, type Reply, type RequestView, type TypedProvider } from '../core/provider.js';
import type { AdminContext } from './context.js';
import { createHandlers } from './handlers.js';
import { isLoopback, isLoopbackHost } from '../core/loopback.js';

export { isLoopback } from '../core/loopback.js';
export type { AdminContext, ProviderResetResult } from './context.js';

const TENANT = 'admin';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compares digests, so neither the token's length nor its content leaks through timing. */
function sameToken(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The tokens a request presents: `Authorization: Bearer T` and `X-Mock-Admin-Token: T`. */
function presentedTokens(view: RequestView): string[] {
  const out: string[] = [];
  const auth = view.headers.authorization;
  const m = auth ? /^\s*bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (m) out.push(m[1]!);
  const header = view.headers['x-mock-admin-token']?.trim();
  if (header) out.push(header);
  return out;
}

/**
 * The admin API's access rule; throws 401 (token configured, not presented) or 403 (no token, not loopback).
 * An operation that declares `security: []` (health) answers anyone.
 */
export function authenticateAdmin(view: Pick<RequestView, 'headers' | 'remoteAddress' | 'operation' | 'internal'>, adminToken: string | undefined): AuthResult {
  const security = view.operation?.raw.security;
  if (Array.isArray(security) && security.length === 0) return { tenant: TENANT };
  // The mock's own requests (fixtures that load data through the admin API) carry its secret.
  if (view.internal) return { tenant: TENANT };
  if (adminToken !== undefined) {
    if (!presentedTokens(view as RequestView).some((t) => sameToken(t, adminToken))) {
      throw new MockError('unauthenticated', 'This server needs an admin token: send Authorization: Bearer <token> or X-Mock-Admin-Token: <token>.', {
        headers: { 'www-authenticate': 'Bearer realm="collections-mock admin"' },
      });
    }
    return { tenant: TENANT };
  }
  if (!isLoopback(view.remoteAddress)) {
    throw new MockError('forbidden', 'The admin API answers only loopback clients unless the server is started with --admin-token.');
  }
  // A page in the developer's browser is a loopback client too: only pages served from this machine may drive the mock.
  const origin = view.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    throw new MockError(
      'forbidden',
      `The admin API does not answer pages from ${origin}: only pages served from this machine (localhost, 127.0.0.1, [::1]), unless the server is started with --admin-token.`,
    );
  }
  return { tenant: TENANT };
}

/** http(s)://localhost…, 127.x.x.x or [::1], any port. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    return isLoopbackHost(new URL(origin).hostname);
  } catch {
    return false;
  }
}

const STATUS: Record<MockErrorKind, number> = {
  validation: 400,
  bad_request: 400,
  unprocessable: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

/** `{"error": "<kind>", "message": "…"}`, with the schema issues or the error's details when there are any. */
export function renderAdminError(err: MockError): Reply {
  let details: Record<string, unknown> | undefined;
  if (err.issues.length) details = { issues: err.issues.map(({ location, pointer, rule, message }) => ({ location, pointer, rule, message })) };
  else if (err.details) details = err.details;
  return { status: STATUS[err.kind] ?? 500, body: { error: err.kind, message: err.message, ...(details ? { details } : {}) } };
}

export function createAdminProvider(context: AdminContext): TypedProvider<operations, AdminContext> {
  return defineProvider<operations, AdminContext>({
    name: 'admin',
    prefix: '/__mock',
    specFile: packagePath('specs', 'admin.yaml'),
    errorSchema: 'Error',
    ignoreTrailingSlash: true,
    authenticate: (view) => authenticateAdmin(view, context.adminToken),
    renderError: (err) => renderAdminError(err),
    createState: () => context,
    handlers: createHandlers(),
  });
}
