/**
 * The Ctxfy provider: spaces, the nested collection tree, sources processed in
 * the background with postbacks, presigned uploads served by the mock itself,
 * API keys and per-user rate limits, under /ctxfy.
 */
import { STATUS_CODES } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '../../core/body.js';
import type { MockError, ValidationIssue } from '../../core/errors.js';
import { envOf, type AnyHandler, type AuthResult, type Provider, type ProviderEnv, type ProviderOptions, type Reply, type RequestView } from '../../core/provider.js';
import { createAccess, parseKeys } from './access.js';
import { INVALID_REQUEST, createHandlers, type FieldError } from './handlers.js';
import { createCtxfyState, resumeRun, type CtxfyState } from './model.js';
import { checkCtxfyState } from './state.js';
import { ctxfyRecords } from './records.js';

const PUBLIC = '(public)';

/** `/initial_data/url` → `initial_data.url`; the body itself is `body`. */
function fieldOf(issue: ValidationIssue): string {
  if (issue.rule === 'json') return 'body';
  const path = issue.pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (issue.location === 'body') return path.length ? path.join('.') : 'body';
  return path[0] ?? issue.location;
}

function describe(issue: ValidationIssue, field: string): string {
  const p = issue.params ?? {};
  switch (issue.rule) {
    case 'json':
      return 'Malformed JSON body';
    case 'required':
      return field === 'body' ? 'Request body is required' : `${field.split('.').pop()} is required`;
    case 'type':
      return `${field} must be ${String(p.type)
        .split(',')
        .map((t) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`))
        .join(' or ')}`;
    case 'enum':
      return `${field} must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${field} must be ${String(p.allowedValue)}`;
    case 'minLength':
      return p.limit === 1 ? `${field} must not be empty` : `${field} must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `${field} must be at most ${String(p.limit)} characters`;
    case 'minimum':
      return `${field} must be at least ${String(p.limit)}`;
    case 'maximum':
      return `${field} must be at most ${String(p.limit)}`;
    case 'minItems':
      return `${field} must have at least ${String(p.limit)} items`;
    case 'format':
      return `${field} must be a valid ${String(p.format)}`;
    default:
      return `${field} ${issue.message}`;
  }
}

/** Schema issues as the envelope's `details`: one entry per field, an unmet "one of these" folded into one. */
export function fieldErrors(issues: readonly ValidationIssue[]): FieldError[] {
  const anyOf = issues.filter((i) => i.rule === 'anyOf').map((i) => i.pointer);
  const folded = new Map<string, string[]>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.rule === 'anyOf') continue;
    const parent = issue.pointer.slice(0, issue.pointer.lastIndexOf('/'));
    if (issue.rule === 'required' && anyOf.includes(parent)) {
      folded.set(parent, [...(folded.get(parent) ?? []), String(issue.params?.missingProperty ?? '')]);
      continue;
    }
    const field = fieldOf(issue);
    const message = describe(issue, field);
    if (!out.some((e) => e.field === field && e.message === message)) out.push({ field, message });
  }
  for (const [pointer, names] of folded) {
    out.push({ field: pointer ? fieldOf({ location: 'body', pointer, rule: 'anyOf', message: '' }) : 'body', message: `at least one of ${names.join(', ')} is required` });
  }
  return out.length ? out : [{ field: 'body', message: 'is invalid' }];
}

function render(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { error: STATUS_CODES[status] ?? 'Error', message, code: status, ...extra } };
}

export function createCtxfyProvider(options: ProviderOptions = {}): Provider<CtxfyState> {
  // Time and ids only from the server's env: rate-limit windows, key expiry and a 500's request id follow the mock's clock and seed.
  const env = (): ProviderEnv => envOf(options, 'ctxfy');
  const access = createAccess({ nowMs: () => env().clock.nowMs(), configured: parseKeys(options.apiKeys), ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}) });
  /** Every user's live state, for /metrics. */
  const states = new Map<string, CtxfyState>();
  /** A state a request reaches is live (createState keeps no record of the states it makes: a load makes some aside). */
  const live = (handlers: Record<string, AnyHandler<CtxfyState>>): Record<string, AnyHandler<CtxfyState>> =>
    Object.fromEntries(
      Object.entries(handlers).map(([id, handler]) => [
        id,
        (ctx: Parameters<AnyHandler<CtxfyState>>[0]) => {
          if (states.get(ctx.tenant) !== ctx.state) states.set(ctx.tenant, ctx.state);
          return handler(ctx);
        },
      ]),
    );
  const requests = new Map<string, number>();
  const idChars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

  const authenticate = (view: RequestView): AuthResult => {
    const op = view.operation;
    if (op) requests.set(op.id, (requests.get(op.id) ?? 0) + 1);
    const security = op?.raw.security;
    if (Array.isArray(security) && security.length === 0) {
      // A presigned upload URL names its user in the fileKey (`uploads/{userId}/…`); nothing else is public per user.
      if (op!.id === 'putUpload' || op!.id === 'getUpload') {
        let key = '';
        try {
          key = decodeURIComponent(view.path.slice('/__uploads/'.length));
        } catch {
          key = '';
        }
        const userId = key.split('/')[1] ?? '';
        if (key.startsWith('uploads/') && access.knows(userId)) return { tenant: userId };
      }
      return { tenant: PUBLIC };
    }
    const { userId, keyId } = access.resolve(view.headers.authorization);
    if (!view.internal) access.count(userId);
    return { tenant: userId, principal: { userId, ...(keyId ? { keyId } : {}) } };
  };

  const renderError = (err: MockError): Reply => {
    switch (err.kind) {
      case 'validation':
        return render(400, INVALID_REQUEST, { details: fieldErrors(err.issues) });
      case 'unsupported_media_type':
        return render(400, INVALID_REQUEST, { details: [{ field: 'body', message: 'Content-Type must be application/json' }] });
      case 'bad_request':
      case 'unprocessable': {
        const fields = (err.details?.fields as FieldError[] | undefined) ?? [{ field: 'body', message: err.message }];
        return render(400, err.kind === 'bad_request' ? err.message : INVALID_REQUEST, { details: fields });
      }
      case 'unauthenticated':
        return render(401, 'Authentication required. Please provide a valid API token');
      case 'forbidden':
        return render(403, err.message);
      case 'not_found':
      case 'method_not_allowed':
        // No 405 is documented: an unknown method is an unknown route.
        return render(404, 'The requested resource was not found');
      case 'conflict':
        return render(409, 'The request conflicts with the current state of the resource', { details: String(err.details?.reason ?? 'Resource already exists') });
      case 'payload_too_large':
        return render(413, err.message.replace(/\.$/, ''));
      case 'rate_limited':
        return render(429, err.message);
      case 'internal':
        return render(500, 'An unexpected error occurred on the server', { requestId: `req_${env().ids.chars(10, idChars)}` });
    }
  };

  return {
    name: 'ctxfy',
    prefix: '/ctxfy',
    specFile: fileURLToPath(new URL('../../../specs/ctxfy.yaml', import.meta.url)),
    errorSchema: 'Error',
    authenticate,
    replyHeaders: (auth) => (auth.tenant === PUBLIC || !auth.principal ? {} : access.headers(auth.tenant)),
    renderError,
    records: ctxfyRecords,
    createState: (env, tenant) => createCtxfyState(env, tenant),
    checkState: checkCtxfyState,
    resume: (state) => {
      for (const s of state.sources.values()) resumeRun(state, s);
    },
    adopt: (state) => {
      states.set(state.userId, state);
      access.adopt(state.userId);
      for (const key of state.apiKeys.values()) access.register(key);
    },
    forget: (state) => {
      if (states.get(state.userId) === state) states.delete(state.userId);
      for (const key of state.apiKeys.values()) access.unregister(key);
    },
    handlers: live(createHandlers({ access, uploadLimit: options.uploadLimit ?? DEFAULT_LIMITS.upload, states: () => states.values(), requests }) as unknown as Record<string, AnyHandler<CtxfyState>>),
  };
}
