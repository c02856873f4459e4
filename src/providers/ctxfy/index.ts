/**
 * The Ctxfy provider: spaces, the nested collection tree, sources processed in
 * the background with postbacks, presigned uploads served by the mock itself,
 * API keys and per-user rate limits, under /ctxfy.
 */
import { packagePath } from '../../core/paths.js';
import { DEFAULT_LIMITS } from '../../core/body.js';
import {
  defineProvider,
  envOf,
  type AuthResult,
  type ProviderEnv,
  type ProviderOptions,
  type RequestContext,
  type RequestView,
  type TypedProvider,
} from '../../core/provider.js';
import { createAccess, parseKeys } from './access.js';
import { createHandlers, type Served } from './handlers.js';
import { renderCtxfyError } from './errors.js';
import { createCtxfyMemory } from './memory.js';
import { createCtxfyState, resumeRun, type CtxfyState } from './model.js';
import { checkCtxfyState } from './state.js';
import { ctxfyRecords } from './records.js';

const PUBLIC = '(public)';

export function createCtxfyProvider(options: ProviderOptions = {}): TypedProvider<Served, CtxfyState> {
  // Time and ids only from the server's env: rate-limit windows, key expiry and a 500's request id follow the mock's clock and seed.
  const env = (): ProviderEnv => envOf(options, 'ctxfy');
  // Minted keys, users, rate-limit windows and what /metrics reports, shared by this provider's users only.
  const memory = createCtxfyMemory();
  const access = createAccess({
    memory,
    nowMs: () => env().clock.nowMs(),
    configured: parseKeys(options.apiKeys),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
  });

  /** Every request received with an operation counts for /metrics, whatever its answer: refused ones (401, 429, 400) and scenario answers too. */
  const countRequest = (view: RequestView): void => {
    const op = view.operation;
    if (op) memory.requests.set(op.id, (memory.requests.get(op.id) ?? 0) + 1);
  };

  /** A state a request reaches is live (createState keeps no record of the states it makes: a load makes some aside). */
  const markLive = (ctx: RequestContext<CtxfyState>): void => {
    if (memory.states.get(ctx.tenant) !== ctx.state) memory.states.set(ctx.tenant, ctx.state);
  };

  const authenticate = (view: RequestView): AuthResult => {
    countRequest(view);
    const op = view.operation;
    const security = op?.raw.security;
    if (Array.isArray(security) && security.length === 0) {
      // A presigned upload URL names its user in the fileKey (`uploads/{userId}/…`); nothing else is public per user.
      if (op!.id === 'putUpload' || op!.id === 'getUpload') {
        let key: string;
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

  return defineProvider<Served, CtxfyState>({
    name: 'ctxfy',
    prefix: '/ctxfy',
    specFile: packagePath('specs', 'ctxfy.yaml'),
    errorSchema: 'Error',
    authenticate,
    replyHeaders: (auth) => (auth.tenant === PUBLIC || !auth.principal ? {} : access.headers(auth.tenant)),
    beforeHandle: markLive,
    renderError: (err) => renderCtxfyError(err, () => env().ids),
    records: ctxfyRecords,
    createState: (env, tenant) => createCtxfyState(env, tenant),
    checkState: checkCtxfyState,
    resume: (state) => {
      for (const s of state.sources.values()) resumeRun(state, s);
    },
    adopt: (state) => {
      memory.states.set(state.userId, state);
      access.adopt(state.userId);
      for (const key of state.apiKeys.values()) access.register(key);
    },
    forget: (state) => {
      if (memory.states.get(state.userId) === state) memory.states.delete(state.userId);
      for (const key of state.apiKeys.values()) access.unregister(key);
    },
    handlers: createHandlers({ access, memory, uploadLimit: options.uploadLimit ?? DEFAULT_LIMITS.upload }),
  });
}
