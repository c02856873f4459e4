/**
 * The Airweave provider: collections, the connector catalog, source
 * connections and their sync jobs, under /airweave.
 */
import { fileURLToPath } from 'node:url';
import { MockError } from '../../core/errors.js';
import { envOf, type AnyHandler, type AuthResult, type Provider, type ProviderOptions, type Reply, type RequestView } from '../../core/provider.js';
import { createHandlers, type Registry } from './handlers.js';
import { createAdminOperations } from './admin.js';
import { createAirweaveState, loadCatalog, resumeJobs, type AirweaveState } from './model.js';
import { checkAirweaveState } from './state.js';
import { airweaveRecords } from './records.js';
import { pydanticErrors } from '../../core/pydantic.js';
import { millisToSeconds } from '../../core/time.js';
import { parseKeyFile } from '../../core/keyfile.js';
import { uuidFromText } from '../../core/hash.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable organisation id for a key that names none: a UUID v4 shape drawn from the key's hash. */
export function organizationFor(key: string): string {
  return uuidFromText(`airweave-organization:${key}`);
}

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

/** FastAPI's texts for the statuses the framework itself answers. */
const FRAMEWORK: Partial<Record<MockError['kind'], { status: number; detail?: string }>> = {
  bad_request: { status: 400 },
  conflict: { status: 400 }, // the vendor answers duplicates and state clashes with 400
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  not_found: { status: 404 },
  method_not_allowed: { status: 405, detail: 'Method Not Allowed' },
  payload_too_large: { status: 413 },
  unprocessable: { status: 422 },
  rate_limited: { status: 429 },
  internal: { status: 500 },
};

export function createAirweaveProvider(options: ProviderOptions = {}): Provider<AirweaveState> {
  const keys = parseKeys(options.apiKeys);
  const catalog = loadCatalog(fileURLToPath(new URL('../../../fixtures/airweave/sources.json', import.meta.url)), fileURLToPath(new URL('../../../fixtures/airweave/entities', import.meta.url)));
  const registry: Registry = { readableIds: new Map(), oauthCodes: new Map(), authProviders: new Set(['composio-test']) };
  /** Organisations the mock knows: from the key file, and every key seen. */
  const organizations = new Set<string>([...(keys?.values() ?? [])].map((k) => k.organization));

  const authenticate = (view: RequestView): AuthResult => {
    // The OAuth callback comes from a browser with no key: its code names the organisation.
    if (view.operation?.id === 'authorizeSourceConnection') {
      const code = decodeURIComponent(view.path.slice(view.path.lastIndexOf('/') + 1));
      const pending = registry.oauthCodes.get(code);
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
      organizations.add(organization);
    }
    const requested = view.headers['x-organization-id'];
    if (requested !== undefined && requested.toLowerCase() !== organization) {
      // Assumption: a value that is not a UUID is refused like a foreign organisation (the vendor crashes with 500).
      if (UUID.test(requested) && !organizations.has(requested.toLowerCase())) {
        throw new MockError('not_found', `Organization ${requested} not found`);
      }
      throw new MockError('forbidden', `API key does not have access to organization ${requested}`);
    }
    return { tenant: organization, principal: { organization } };
  };

  const renderError = (err: MockError, view: RequestView): Reply => {
    if (err.kind === 'validation') {
      // A schema failure names its fields; a parse failure without issues falls back to the body as a whole.
      const issues = err.issues.length ? err.issues : [{ location: 'body' as const, pointer: '', rule: 'value_error', message: err.message }];
      return { status: 422, body: { errors: pydanticErrors(issues) } };
    }
    if (err.kind === 'unsupported_media_type') {
      // FastAPI does not refuse a media type: a non-JSON body simply is not an object.
      return { status: 422, body: { errors: [{ body: 'Input should be a valid dictionary or object to extract fields from' }] } };
    }
    if (err.kind === 'not_found' && !view.operation) return { status: 404, body: { detail: 'Not Found' } };
    const f = FRAMEWORK[err.kind] ?? { status: 500 };
    const detail = f.detail ?? (err.kind === 'internal' ? `Internal Server Error: ${err.message}` : err.message);
    return { status: f.status, body: { detail } };
  };

  // Unlimited by default, reported as the vendor reports unlimited plans: 9999 of 9999, resetting now.
  const replyHeaders = (): Record<string, string> => {
    // The server's clock (the one its states' env holds): a reply's times move only when the mock's time does.
    const now = String(millisToSeconds(envOf(options, 'airweave').clock.nowMs()));
    return { 'ratelimit-limit': '9999', 'ratelimit-remaining': '9999', 'ratelimit-reset': now };
  };

  const handlers = createHandlers(catalog, registry);
  return {
    name: 'airweave',
    prefix: '/airweave',
    specFile: fileURLToPath(new URL('../../../specs/airweave.yaml', import.meta.url)),
    ignoreTrailingSlash: true,
    ignoreUnknownFields: true,
    errorSchema: 'HTTPError',
    authenticate,
    replyHeaders,
    renderError,
    records: airweaveRecords,
    createState: (env, tenant) => createAirweaveState(env, tenant),
    checkState: checkAirweaveState,
    resume: (state) => resumeJobs(state, catalog),
    adopt: (state) => {
      for (const c of state.collections.values()) registry.readableIds.set(c.readableId, state.organizationId);
      for (const c of state.connections.values()) if (c.authCode) registry.oauthCodes.set(c.authCode, { organization: state.organizationId, connectionId: c.id });
    },
    forget: (state) => {
      for (const c of state.collections.values()) if (registry.readableIds.get(c.readableId) === state.organizationId) registry.readableIds.delete(c.readableId);
      for (const c of state.connections.values()) if (c.authCode) registry.oauthCodes.delete(c.authCode);
    },
    handlers: handlers as unknown as Record<string, AnyHandler<AirweaveState>>,
    admin: createAdminOperations(catalog, registry),
  };
}
