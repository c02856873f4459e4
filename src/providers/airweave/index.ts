/**
 * The Airweave provider: collections, the connector catalog, source
 * connections and their sync jobs, under /airweave.
 */
import { packagePath } from '../../core/paths.js';
import { MockError } from '../../core/errors.js';
import type { operations } from '../../generated/airweave.js';
import { defineProvider, envOf, type AuthResult, type ProviderOptions, type RequestView, type TypedProvider } from '../../core/provider.js';
import { createHandlers } from './handlers.js';
import { renderAirweaveError } from './errors.js';
import { createAirweaveMemory } from './memory.js';
import { createAdminOperations } from './admin.js';
import { createAirweaveState, loadCatalog, resumeJobs, type AirweaveState } from './model.js';
import { checkAirweaveState } from './state.js';
import { airweaveRecords } from './records.js';
import { millisToSeconds } from '../../core/time.js';
import { parseKeyFile } from '../../core/keyfile.js';
import { uuidFromText } from '../../core/hash.js';
import { remembered } from '../../core/remembered.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Organisation ids of keys remembered at most (a hash per request would cost more than the rest of authentication). */
const ORGANIZATIONS_KEPT = 4096;

/** A stable organisation id for a key that names none: a UUID v4 shape drawn from the key's hash, remembered for the key's next request. */
export const organizationFor: (key: string) => string = remembered(ORGANIZATIONS_KEPT, (key: string) => uuidFromText(`airweave-organization:${key}`));

interface AirweaveKey {
  key: string;
  organization: string;
}

function parseKeys(raw: unknown): Map<string, AirweaveKey> | undefined {
  return parseKeyFile(raw, {
    provider: 'airweave',
    shape: '{ key, organization? }',
    read(e, fail) {
      if (e.organization !== undefined && (typeof e.organization !== 'string' || !UUID.test(e.organization))) fail('"organization" must be a UUID');
      return { key: e.key, organization: ((e.organization as string | undefined) ?? organizationFor(e.key)).toLowerCase() };
    },
  });
}

export function createAirweaveProvider(options: ProviderOptions = {}): TypedProvider<operations, AirweaveState> {
  const keys = parseKeys(options.apiKeys);
  const catalog = loadCatalog(packagePath('fixtures', 'airweave', 'sources.json'), packagePath('fixtures', 'airweave', 'entities'));
  // Readable ids, OAuth codes and the organisations known, shared by this provider's organisations only.
  const memory = createAirweaveMemory([...(keys?.values() ?? [])].map((k) => k.organization));

  const authenticate = (view: RequestView): AuthResult => {
    // The OAuth callback comes from a browser with no key: its code names the organisation.
    if (view.operation?.id === 'authorizeSourceConnection') {
      const code = decodeURIComponent(view.path.slice(view.path.lastIndexOf('/') + 1));
      const pending = memory.oauthCodes.get(code);
      if (!pending) throw new MockError('not_found', 'Authorization code not found or already used');
      return { tenant: pending.organization, principal: { organization: pending.organization } };
    }
    const key = view.headers['x-api-key'];
    if (!key) throw new MockError('unauthenticated', 'No valid authentication provided');
    let organization: string;
    if (keys) {
      const k = keys.get(key);
      if (!k) throw new MockError('forbidden', 'Invalid or expired API key');
      organization = k.organization;
    } else {
      organization = organizationFor(key);
      memory.organizations.add(organization);
    }
    const requested = view.headers['x-organization-id'];
    if (requested !== undefined && requested.toLowerCase() !== organization) {
      // Assumption: a value that is not a UUID is refused like a foreign organisation (the vendor crashes with 500).
      if (UUID.test(requested) && !memory.organizations.has(requested.toLowerCase())) {
        throw new MockError('not_found', `Organization ${requested} not found`);
      }
      throw new MockError('forbidden', `API key does not have access to organization ${requested}`);
    }
    return { tenant: organization, principal: { organization } };
  };

  // Unlimited by default, reported as the vendor reports unlimited plans: 9999 of 9999, resetting now.
  const replyHeaders = (): Record<string, string> => {
    // The server's clock (the one its states' env holds): a reply's times move only when the mock's time does.
    const now = String(millisToSeconds(envOf(options, 'airweave').clock.nowMs()));
    return { 'ratelimit-limit': '9999', 'ratelimit-remaining': '9999', 'ratelimit-reset': now };
  };

  return defineProvider<operations, AirweaveState>({
    name: 'airweave',
    prefix: '/airweave',
    specFile: packagePath('specs', 'airweave.yaml'),
    ignoreTrailingSlash: true,
    ignoreUnknownFields: true,
    errorSchema: 'HTTPError',
    authenticate,
    replyHeaders,
    renderError: renderAirweaveError,
    records: airweaveRecords,
    createState: (env, tenant) => createAirweaveState(env, tenant),
    checkState: checkAirweaveState,
    resume: (state) => resumeJobs(state, catalog),
    adopt: (state) => {
      for (const c of state.collections.values()) memory.readableIds.set(c.readableId, state.organizationId);
      for (const c of state.connections.values()) if (c.authCode) memory.oauthCodes.set(c.authCode, { organization: state.organizationId, connectionId: c.id });
    },
    forget: (state) => {
      for (const c of state.collections.values()) if (memory.readableIds.get(c.readableId) === state.organizationId) memory.readableIds.delete(c.readableId);
      for (const c of state.connections.values()) if (c.authCode) memory.oauthCodes.delete(c.authCode);
    },
    handlers: createHandlers({ catalog, memory }),
    admin: createAdminOperations(catalog, memory),
  });
}
