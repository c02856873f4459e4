/**
 * The Mixpeek provider: namespaces, buckets and objects, collections fed from
 * them (the legacy request shape and the current one), their documents, and
 * the feature-extractor catalog, under /mixpeek.
 */
import { createHash } from 'node:crypto';
import { packagePath } from '../../core/paths.js';
import type { operations } from '../../generated/mixpeek.js';
import { MockError } from '../../core/errors.js';
import { defineProvider, envOf, type AuthResult, type ProviderOptions, type RequestView, type TypedProvider } from '../../core/provider.js';
import { createHandlers } from './handlers.js';
import { renderMixpeekError } from './errors.js';
import { createMixpeekState, loadCatalog, resumeMixpeek, type MixpeekState } from './model.js';
import { checkMixpeekState } from './state.js';
import { millisToSeconds } from '../../core/time.js';
import { parseKeyFile } from '../../core/keyfile.js';
import { createMixpeekMemory } from './memory.js';
import { mixpeekRecords } from './records.js';

interface MixpeekKey {
  key: string;
  organization: string;
}

/** A stable organisation id per key, so `_internal.internal_id` reads like the vendor's. */
const organizationFor = (key: string): string => `org_${createHash('sha256').update(`mixpeek-organization:${key}`).digest('hex').slice(0, 12)}`;

function parseKeys(raw: unknown): Map<string, MixpeekKey> | undefined {
  return parseKeyFile(raw, {
    provider: 'mixpeek',
    shape: '{ key, organization? }',
    read(e, fail) {
      if (e.organization !== undefined && (typeof e.organization !== 'string' || e.organization === '')) fail('"organization" must be a non-empty string');
      return { key: e.key, organization: (e.organization as string | undefined) ?? organizationFor(e.key) };
    },
  });
}

export function createMixpeekProvider(options: ProviderOptions = {}): TypedProvider<operations, MixpeekState> {
  const keys = parseKeys(options.apiKeys);
  // This provider's search indexes and scroll contexts, shared by its tenants only.
  const memory = createMixpeekMemory();
  const catalog = loadCatalog(packagePath('fixtures', 'mixpeek', 'extractors.json'));

  const authenticate = (view: RequestView): AuthResult => {
    // Operations the spec marks public (the extractor catalog) need no key.
    const security = view.operation?.raw.security;
    if (Array.isArray(security) && security.length === 0) return { tenant: '(public)' };
    const header = view.headers.authorization;
    if (!header) throw new MockError('unauthenticated', 'Authorization header is required');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new MockError('unauthenticated', 'Invalid authorization header format');
    const token = m[1]!;
    let organization = organizationFor(token);
    if (keys) {
      const k = keys.get(token);
      if (!k) throw new MockError('unauthenticated', 'Invalid API key');
      organization = k.organization;
    }
    return { tenant: organization, principal: { organization } };
  };

  // Rate limits are not enforced by default; every authenticated reply still reports a window, as the vendor's do.
  // The server's clock (the one its states' env holds): a reply's times move only when the mock's time does.
  const replyHeaders = (): Record<string, string> => ({
    'x-ratelimit-limit': '600',
    'x-ratelimit-remaining': '600',
    'x-ratelimit-reset': String(millisToSeconds(envOf(options, 'mixpeek').clock.nowMs()) + 60),
    'x-ratelimit-window': '60',
  });

  return defineProvider<operations, MixpeekState>({
    name: 'mixpeek',
    prefix: '/mixpeek',
    specFile: packagePath('specs', 'mixpeek.yaml'),
    errorSchema: 'ErrorResponse',
    authenticate,
    replyHeaders,
    renderError: renderMixpeekError,
    records: mixpeekRecords,
    createState: (env, tenant) => createMixpeekState(env, tenant, memory),
    checkState: checkMixpeekState,
    resume: (state) => resumeMixpeek(state, catalog),
    handlers: createHandlers({ catalog }),
  });
}
