/**
 * createMockServer(options) → { url, close, … }: the HTTP server that mounts
 * each provider under its prefix, for the CLI, tests and other programs.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { parseYamlText } from './core/yaml.js';
import { createClock, scopedClock, type Clock } from './core/clock.js';
import { createIdSource } from './core/ids.js';
import { createLogger, requestLogger, type Logger } from './core/log.js';
import { createDeliveries, type Deliveries } from './core/delivery.js';
import { createEmbedder } from './core/retrieval/embed.js';
import { DEFAULT_LIMITS, type BodyLimits } from './core/body.js';
import { mountProvider, setBaseHeaders, writeHead, type MountedProvider, type SelfCheckFailure, type StartupGate } from './core/mount.js';
import { ScenarioRegistry, SHIPPED_SCENARIOS_DIR, loadScenarios } from './core/scenarios.js';
import { Journal, entryOf } from './core/journal.js';
import { disposeState } from './core/snapshot.js';
import { SHIPPED_FIXTURES_DIR, findFixtureFiles, loadFixtures, type FetchLike, type FixtureOutcome } from './core/fixtures.js';
import { STATE_IMPORT_LIMIT, exportState, importState, removeRecord, type SavedState } from './core/state-io.js';
import { createPersister, readPersisted, removeStaleTemps, type Persister } from './core/persist.js';
import type { ProviderEnv, RateLimitSetting } from './core/provider.js';
import { PROVIDER_NAMES, createProvider, type ProviderName } from './providers/index.js';
import { createAdminProvider, type AdminContext, type ProviderResetResult } from './admin/index.js';
import { consoleDirIfBuilt } from './admin/console.js';
import { createEventHub } from './core/events.js';
import { RenderCache } from './core/json-text.js';
import { captureExchange, WatchedRequest, WatchedResponse } from './core/capture.js';

export type { ProviderName } from './providers/index.js';
export type { RateLimitSetting } from './core/provider.js';
export type { SelfCheckFailure } from './core/mount.js';
export type { Clock } from './core/clock.js';
export type { JournalEntry } from './core/journal.js';
export { ScenarioError } from './core/scenarios.js';
export { StateError } from './core/state-io.js';
export { PROVIDER_NAMES } from './providers/index.js';

/** How long after loading the self-checks of the replies sent while loading start. */
const DEFERRED_CHECKS_AFTER_MS = 250;

export interface MockServerOptions {
  /** TCP port; 0 picks a free one (default 4010). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Providers to mount (default: all). */
  providers?: readonly ProviderName[];
  /** Also serve this provider at `/`, for clients that cannot take a path prefix. */
  root?: ProviderName;
  /** Duration of every simulated lifecycle step in ms (default 1000; 0 = at once). */
  processingMs?: number;
  /** Replace replies that break the spec with a loud 500 (default false; tests set true). */
  strict?: boolean;
  /** 'real' (default), 'manual' (tests advance it), or a clock of your own. */
  clock?: 'real' | 'manual' | Clock;
  /** Where a manual clock starts, epoch ms (default: the real time at start). */
  clockStartMs?: number;
  /** Seed for ids and generated data: the same seed gives the same ids. */
  seed?: string | number;
  /** API keys: a YAML/JSON file path or the parsed object, keyed by provider name. */
  apiKeys?: string | Record<string, unknown>;
  /** Enforce the vendors' published per-minute rate limits (Ctxfy): `free` (10), `pro` (100) or requests per minute. Off by default; the X-RateLimit-* headers are sent either way. */
  rateLimit?: RateLimitSetting;
  /** Body size limits in bytes. */
  limits?: Partial<BodyLimits>;
  /** No request lines; warnings and errors (self-check failures, failed saves and deliveries, scheduled task errors) are still logged. Default false. */
  quiet?: boolean;
  /** A pino logger for every line (default: JSON lines on stdout, readable lines when stdout is a terminal). */
  logger?: Logger;
  /** Send CORS headers and answer preflights (default true). */
  cors?: boolean;
  /** More scenario directories (each with `<provider>/*.yaml`), after the shipped `scenarios/`. */
  scenarios?: readonly string[];
  /** Load the shipped scenario library (default true). */
  shippedScenarios?: boolean;
  /** Requests kept in the journal (default 1000; 0 keeps none). */
  journalSize?: number;
  /** Demo data replayed at start: `none` (default here; the CLI loads `default`), `default` (fixtures/<provider>/*.yaml), or a directory of the same shape. */
  fixtures?: 'none' | 'default' | string;
  /** Records generated per provider (json-schema-faker, seeded by `seed`) with the fixtures' `fake` recipes. */
  fake?: number;
  /**
   * An OpenAI-compatible embeddings endpoint (e.g.
   * `http://127.0.0.1:11434/v1/embeddings`): chunks and queries are embedded
   * there instead of by the local deterministic embedder. A failed request
   * fails the document being processed, with the reason as its error.
   */
  embeddingsUrl?: string;
  /** The `model` sent to `embeddingsUrl` (not sent when absent). */
  embeddingsModel?: string;
  /**
   * Token for the admin API under /__mock: every admin request must then send
   * `Authorization: Bearer <token>` or `X-Mock-Admin-Token: <token>`. Without
   * it the admin API answers only loopback clients.
   */
  adminToken?: string;
  /**
   * Serve the web console at /__mock/console and keep each journaled
   * request's headers and bodies for it (default true).
   */
  console?: boolean;
  /**
   * Keep the data in this JSON file: loaded at start (fixtures are then not
   * loaded again), saved atomically shortly after every change and at
   * shutdown. A file that cannot be read stops the start and is left as it is.
   */
  persist?: string;
  /**
   * Stops the server. Aborted while it starts (listening, loading persisted
   * state and fixtures), the start stops cleanly and createMockServer rejects
   * with the signal's reason; aborted later, it is close().
   */
  signal?: AbortSignal;
  /**
   * Called once the server listens, before it loads persisted state and
   * fixtures; loading starts when it returns (when the promise it returns
   * settles). Until loading ends, GET /__mock/health answers 503 with what is
   * still loading and every other request waits to be answered from the
   * loaded data; createMockServer resolves once it has ended.
   */
  onListening?: (address: { url: string; port: number; host: string }) => void | Promise<void>;
}

/** What start-up loads, in order, before the server is ready. */
type LoadingStep = 'state' | 'fixtures';

/** The mock's data and tools, however it is served: a server of its own, or middleware in an app. */
export interface Mock {
  clock: Clock;
  providers: MountedProvider<unknown>[];
  /** Replies that did not match the spec (strict mode turns them into 500s). */
  selfCheckFailures: SelfCheckFailure[];
  /** Outbound deliveries (postbacks) the providers made, with every attempt. */
  deliveries: Deliveries;
  /** Every scenario loaded, and which are active. */
  scenarios: ScenarioRegistry;
  /** The last requests answered, newest first through `journal.list()`. */
  journal: Journal;
  /** The admin API's mount (under /__mock). */
  admin: MountedProvider<AdminContext>;
  /** What the fixtures loaded, per file. */
  fixtures: FixtureOutcome[];
  /** Every provider's data as one JSON document (or one provider's). */
  exportState(provider?: string): SavedState;
  /** Replaces the data of the providers the document names; all-or-nothing: a document that cannot be loaded throws a StateError and changes nothing. */
  importState(doc: unknown): { providers: string[]; tenants: number };
}

export interface MockServer extends Mock {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

const DEFAULT_PORT = 4010;
const DEFAULT_HOST = '127.0.0.1';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  writeHead(res, status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function loadApiKeys(source: MockServerOptions['apiKeys']): Record<string, unknown> {
  if (source === undefined) return {};
  // A parsed object gets the same checks as a file: a misspelt section would otherwise silently turn key checking off.
  const where = typeof source === 'string' ? source : 'apiKeys';
  let parsed: unknown = source;
  if (typeof source === 'string') {
    try {
      parsed = parseYamlText(readFileSync(source, 'utf8'));
    } catch (err) {
      throw new Error(`${source}: ${(err as Error).message}`, { cause: err });
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${where}: expected a mapping of provider name to a list of keys`);
  }
  for (const name of Object.keys(parsed)) {
    if (!(PROVIDER_NAMES as readonly string[]).includes(name)) throw new Error(`${where}: unknown provider "${name}"`);
  }
  return parsed as Record<string, unknown>;
}

const CORS_EXPOSE = [
  'content-disposition',
  'content-length',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-window',
  'x-request-id',
  'x-mock-self-check',
].join(', ');

const CORS_ANY = Object.freeze({ 'access-control-allow-origin': '*', 'access-control-expose-headers': CORS_EXPOSE });

/**
 * CORS headers for every reply to this request (sent with the reply's own,
 * through writeHead: no setHeader, whose slow path every reply would pay);
 * true when the request was a preflight, answered here.
 */
function cors(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const origin = req.headers.origin;
  const headers: Record<string, string> = origin
    ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin', 'access-control-expose-headers': CORS_EXPOSE }
    : CORS_ANY;
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.writeHead(204, {
      ...headers,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      'access-control-max-age': '600',
    });
    res.end();
    return true;
  }
  setBaseHeaders(res, headers);
  return false;
}

const STARTED = Symbol('collections-mock.started');
type Timed = http.ServerResponse & { [STARTED]?: number };

/** @internal The mock without a socket: what the listening server and the middleware share; how requests reach it is up to them. */
export interface MockCore {
  mock: Mock;
  log: Logger;
  /** Whether a path (below where the mock is mounted) is the admin API's or a provider's. */
  owns(pathname: string): boolean;
  /** Answers a request; a path nothing owns gets a JSON 404 that says what is mounted. */
  dispatch(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, search: string): void;
  /** Loads the persisted state, then the fixtures (their requests sent with `fetch` to `baseUrl`), then answers the requests that waited; rejects once closed. */
  load(fixtures: { baseUrl: string; fetch?: FetchLike }): Promise<void>;
  /** Stops the clock's tasks, the deliveries and persistence (saving what is pending), and drops the requests held open or waiting. */
  close(): void;
}

/** @internal The part of createMockServer that createMockMiddleware shares. */
export function createMockCore(options: MockServerOptions): MockCore {
  const log = options.logger ?? createLogger();
  const logRequests = options.quiet !== true;
  const clock =
    typeof options.clock === 'object'
      ? options.clock
      : createClock({
          mode: options.clock ?? 'real',
          ...(options.clockStartMs !== undefined ? { startMs: options.clockStartMs } : {}),
          onTaskError: (err) => log.error({ err }, 'scheduled task failed'),
        });
  const env: ProviderEnv = {
    clock,
    ids: createIdSource(options.seed),
    processingMs: options.processingMs ?? 1000,
    log,
    deliveries: createDeliveries({ clock, log }),
    embedder: createEmbedder({
      ...(options.embeddingsUrl !== undefined ? { url: options.embeddingsUrl } : {}),
      ...(options.embeddingsModel !== undefined ? { model: options.embeddingsModel } : {}),
    }),
    renders: new RenderCache(options.strict ?? false),
  };
  const limits: BodyLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const selfCheckFailures: SelfCheckFailure[] = [];
  const apiKeys = loadApiKeys(options.apiKeys);
  const names = options.providers ?? PROVIDER_NAMES;
  for (const name of names) {
    if (!(PROVIDER_NAMES as readonly string[]).includes(name)) {
      throw new Error(`unknown provider "${name}"; available: ${PROVIDER_NAMES.join(', ')}`);
    }
  }
  if (options.root && !names.includes(options.root)) throw new Error(`--root ${options.root} is not among the mounted providers`);
  if (options.adminToken !== undefined && options.adminToken.trim() === '') throw new Error('the admin token must not be empty');

  const scenarios = new ScenarioRegistry([], () => clock.nowMs());
  const journal = new Journal(options.journalSize ?? 1000);
  const consoleOn = options.console !== false;
  const events = createEventHub(journal);
  // Requests held open by the `timeout` fault; dropped at shutdown.
  const held = new Set<http.ServerResponse>();
  // Marks the mock's own requests (fixtures) so no scenario answers them and no rate limit counts them.
  const internalToken = randomBytes(16).toString('hex');
  // The self-checks of replies sent while loading (the fixtures', health's 503s), run once loading has ended.
  const deferred: (() => void)[] = [];
  const startup: StartupGate = {
    get loading() {
      return loading;
    },
    defer: (task) => void deferred.push(task),
  };
  const mountOptions = {
    internalToken,
    startup,
    // The request line names the provider, operation and scenario the journal entry records; the console's capture finds the entry the same way.
    exposeEntry: logRequests || consoleOn,
    limits,
    strict: options.strict ?? false,
    onSelfCheckFailure: (f: SelfCheckFailure) => void selfCheckFailures.push(f),
  };
  // Each provider schedules through a clock of its own over the shared one, so a reset of one provider cancels only its lifecycles.
  const providerClocks = new Map<string, Clock>();
  const mountOne = (name: ProviderName): MountedProvider<unknown> => {
    const own = scopedClock(clock);
    providerClocks.set(name, own);
    const providerEnv: ProviderEnv = { ...env, clock: own };
    const provider = createProvider(name, {
      env: providerEnv,
      apiKeys: apiKeys[name],
      uploadLimit: limits.upload,
      ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    });
    return mountProvider(provider, {
      ...mountOptions,
      env: providerEnv,
      scenarios,
      journal,
      onHold: (res) => {
        held.add(res);
        res.once('close', () => held.delete(res));
      },
    });
  };
  // Updated in place when a reset replaces a provider, so whoever holds the array sees the fresh one.
  const mounted: MountedProvider<unknown>[] = names.map(mountOne);
  /** One tenant's state; or the whole provider: a fresh instance (its registries, minted keys and counters too), its tasks cancelled. */
  const resetProvider = (name: string, tenant?: string): ProviderResetResult => {
    const i = mounted.findIndex((m) => m.provider.name === name);
    if (i < 0) throw new Error(`provider ${name} is not mounted`);
    const m = mounted[i]!;
    const own = providerClocks.get(name)!;
    if (tenant !== undefined) {
      const state = m.tenants.peek(tenant);
      if (state === undefined) return { tenants: 0, tasks: 0 };
      // A tenant's state is self-contained plain data: its scheduled steps are found in it and cancelled.
      const before = own.pending();
      disposeState(state);
      m.provider.forget?.(state);
      m.tenants.delete(tenant);
      return { tenants: 1, tasks: before - own.pending() };
    }
    const result = { tenants: m.tenants.size, tasks: own.pending() };
    own.cancelAll();
    mounted[i] = mountOne(name as ProviderName);
    return result;
  };
  const scenarioDirs = [...(options.shippedScenarios === false ? [] : [SHIPPED_SCENARIOS_DIR]), ...(options.scenarios ?? [])];
  for (const s of loadScenarios(scenarioDirs, new Map(mounted.map((m) => [m.provider.name, m.spec])))) scenarios.define(s);
  const rootProvider = (): MountedProvider<unknown> | undefined => (options.root ? mounted.find((m) => m.provider.name === options.root) : undefined);

  const admin = mountProvider(
    createAdminProvider({
      clock,
      processingMs: env.processingMs,
      providers: mounted,
      root: options.root ?? null,
      scenarios,
      journal,
      deliveries: env.deliveries,
      reset: resetProvider,
      exportState: (provider) => mock.exportState(provider) as never,
      importState: (doc) => mock.importState(doc),
      loading: () => ({ steps: loadingSteps, waiting: waiting.size }),
      events,
      consoleDir: consoleOn ? consoleDirIfBuilt() : null,
      removeRecord: (provider, tenant, path) => {
        const record = removeRecord(mounted, clock.nowMs(), provider, tenant, path);
        persister?.touch();
        return record;
      },
      ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}),
    }),
    // Whatever the mock exports must load back, however many uploads it holds: the admin API takes bodies up to the largest state document.
    {
      ...mountOptions,
      limits: { ...limits, json: STATE_IMPORT_LIMIT },
      env,
      // The admin API's only stream is the events feed: it gets its response (for its bounds and its end), and shutdown drops it.
      onHold: (res) => {
        events.attach(res);
        held.add(res);
        res.once('close', () => held.delete(res));
      },
    },
  );

  // Start-up loads the --persist file, then the fixtures (unless the file restored the data), while the server listens.
  const fixtureOption = options.fixtures ?? 'none';
  const loadingSteps: LoadingStep[] = [
    ...(options.persist !== undefined ? ['state' as const] : []),
    ...(fixtureOption !== 'none' ? ['fixtures' as const] : []),
  ];
  let loading = loadingSteps.length > 0;
  const loaded = (step: LoadingStep): void => {
    const i = loadingSteps.indexOf(step);
    if (i >= 0) loadingSteps.splice(i, 1);
    loading = loadingSteps.length > 0;
  };
  /** Requests that arrived while loading, each with how to answer it: run once loading ends, dropped if the start stops. */
  const waiting = new Map<http.ServerResponse, () => void>();
  let persister: Persister | undefined;

  const corsOn = options.cors !== false;
  /** Anything not claimed by a mount: a JSON 404 that says what is mounted. */
  const notMounted = (res: http.ServerResponse, pathname: string): void => {
    sendJson(res, 404, {
      error: 'not_found',
      message: `No provider is mounted at ${pathname}. Mounted: ${mounted.map((m) => m.provider.prefix).join(', ')}.`,
      providers: mounted.map((m) => ({ name: m.provider.name, prefix: m.provider.prefix })),
    });
  };
  /** Last resort: never an HTML page or a stack trace. */
  const failed =
    (res: http.ServerResponse) =>
    (err: unknown): void => {
      log.error({ err }, 'unhandled error');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, 500, { error: 'internal', message: 'Internal error' });
    };
  // One listener for every response (no closure per request): saves after writes, and the request line.
  const watchFinish = logRequests || options.persist !== undefined;
  const logRequest = requestLogger(log);
  function onFinish(this: Timed): void {
    const req = this.req;
    const method = req.method;
    if (persister && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') persister.touch();
    // The mock's own requests (fixtures) are not the user's: no line, as they leave no journal entry.
    if (logRequests && log.isLevelEnabled('info') && req.headers['x-mock-internal'] !== internalToken) {
      const entry = entryOf(this);
      logRequest({
        method,
        url: req.url,
        status: this.statusCode,
        ms: Math.round((performance.now() - this[STARTED]!) * 1000) / 1000,
        provider: entry?.provider,
        operationId: entry?.operationId ?? undefined,
        scenario: entry?.scenario?.name,
      });
    }
  }
  /** While loading, only health and the mock's own requests (fixtures) are answered at once. */
  const answersWhileLoading = (req: http.IncomingMessage, pathname: string): boolean =>
    pathname === '/__mock/health' || pathname === '/__mock/health/' || req.headers['x-mock-internal'] === internalToken;
  const dispatch = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string, search: string): void => {
    if (watchFinish) {
      (res as Timed)[STARTED] = performance.now();
      res.on('finish', onFinish);
    }
    if (corsOn && cors(req, res)) return;
    // What a provider request sends and gets, for its journal entry (the journal stage finds it on the response).
    if (consoleOn && !pathname.startsWith('/__mock')) captureExchange(req, res);
    if (loading && !answersWhileLoading(req, pathname)) {
      waiting.set(res, () => route(req, res, pathname, search));
      res.once('close', () => waiting.delete(res));
      return;
    }
    route(req, res, pathname, search);
  };
  const route = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string, search: string): void => {
    if (pathname.startsWith('/__mock/') || pathname === '/__mock') {
      admin.handle(req, res, pathname.slice('/__mock'.length) || '/', search)?.catch(failed(res));
      return;
    }
    for (const m of mounted) {
      const prefix = m.provider.prefix;
      if (pathname === prefix || pathname.startsWith(prefix + '/')) {
        m.handle(req, res, pathname.slice(prefix.length) || '/', search)?.catch(failed(res));
        return;
      }
    }
    const root = rootProvider();
    if (root) {
      root.handle(req, res, pathname, search)?.catch(failed(res));
      return;
    }
    // The request body is not read: drain it so the connection can be reused.
    req.resume();
    notMounted(res, pathname);
  };

  const owns = (pathname: string): boolean =>
    pathname.startsWith('/__mock/') ||
    pathname === '/__mock' ||
    options.root !== undefined ||
    mounted.some((m) => pathname === m.provider.prefix || pathname.startsWith(m.provider.prefix + '/'));

  let closed = false;
  const mock: Mock = {
    clock,
    providers: mounted,
    selfCheckFailures,
    deliveries: env.deliveries,
    scenarios,
    journal,
    admin,
    exportState: (provider) => exportState(mounted, clock.nowMs(), provider),
    importState: (doc) => {
      const result = importState(mounted, doc);
      persister?.touch();
      return result;
    },
    fixtures: [],
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    persister?.close();
    events.close();
    clock.cancelAll();
    env.deliveries.clear();
    for (const res of held) res.destroy();
    for (const res of waiting.keys()) res.destroy();
    waiting.clear();
    deferred.length = 0;
  };

  /** Throws once the mock is closed: what is left of loading is not done. */
  const stillStarting = (): void => {
    if (closed) throw new Error('the mock was closed while it loaded its data');
  };
  const load = async ({ baseUrl, fetch }: { baseUrl: string; fetch?: FetchLike }): Promise<void> => {
    stillStarting();
    let restored = false;
    if (options.persist !== undefined) {
      const file = options.persist;
      removeStaleTemps(file);
      const saved = readPersisted(file);
      if (saved !== undefined) {
        try {
          importState(mounted, saved);
        } catch (err) {
          throw new Error(
            `--persist ${file}: cannot be loaded: ${(err as Error).message}; it is left untouched: fix it, move it away, or point --persist elsewhere`,
            { cause: err },
          );
        }
        restored = true;
        // Data restored from --persist is the user's: the demo data is not added again.
        loaded('fixtures');
      }
      loaded('state');
    }
    if (options.fake && fixtureOption === 'none' && !restored) {
      throw new Error("fake records are made with the fixtures' recipes: use them with fixtures (default or a directory)");
    }
    if (loadingSteps.includes('fixtures')) {
      const dir = fixtureOption === 'default' ? SHIPPED_FIXTURES_DIR : fixtureOption;
      mock.fixtures = await loadFixtures({
        baseUrl,
        ...(fetch ? { fetch } : {}),
        providers: new Map(mounted.map((m) => [m.provider.name, { prefix: m.provider.prefix, spec: m.spec }])),
        files: findFixtureFiles(
          dir,
          mounted.map((m) => m.provider.name),
        ),
        ...(options.fake ? { fake: options.fake } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        headers: { 'x-mock-internal': internalToken },
        acceptsKey: (provider, headers) => {
          const listed = apiKeys[provider];
          if (!Array.isArray(listed)) return true;
          const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
          const key = h['x-api-key'] ?? /^bearer\s+(\S+)/i.exec(h.authorization ?? '')?.[1];
          return listed.some((e) => (e as { key?: unknown } | null)?.key === key);
        },
        onRefused: (file, why) =>
          log.warn(
            { fixtures: file.file, provider: file.provider },
            `fixtures skipped: the key they use is refused (${why}); list it in --api-keys to load them`,
          ),
      });
      stillStarting();
      // The demo data's requests are not the user's: start with an empty journal.
      journal.clear();
      loaded('fixtures');
    }
    if (options.persist !== undefined) {
      persister = createPersister({ file: options.persist, snapshot: () => exportState(mounted, clock.nowMs()), log });
      // The demo data just loaded is saved like any change.
      if (!restored && mock.fixtures.length) persister.touch();
    }
    // Requests that came while loading are answered now, in the order they came.
    for (const [res, answer] of waiting) {
      waiting.delete(res);
      answer();
    }
    // Then the self-checks held while loading, a moment later and one a turn of the event loop: the first requests
    // of a fresh start (a health probe, a client's first call) do not wait for the response validators they read.
    const runDeferred = (): void => {
      const task = deferred.shift();
      if (!task || closed) return;
      task();
      setImmediate(runDeferred);
    };
    setTimeout(runDeferred, DEFERRED_CHECKS_AFTER_MS).unref();
  };

  return { mock, log, owns, dispatch, load, close };
}

export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const signal = options.signal;
  signal?.throwIfAborted();
  const core = createMockCore(options);
  const { dispatch } = core;

  const server = http.createServer({ maxHeaderSize: 64 * 1024, IncomingMessage: WatchedRequest, ServerResponse: WatchedResponse }, (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    dispatch(req, res, q === -1 ? url : url.slice(0, q), q === -1 ? '' : url.slice(q + 1));
  });
  // Requests Node's parser refuses (oversized headers, garbage) still get JSON.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const text = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    const body = JSON.stringify({ error: status === 431 ? 'header_too_large' : 'bad_request', message: text });
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  // Aborting stops the start at once (whatever loading was doing then fails against the closed server, unheard), or closes a ready server.
  let rejectStart: (reason: unknown) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => (rejectStart = reject));
  aborted.catch(() => undefined);
  const onAbort = (): void => {
    rejectStart(signal!.reason);
    void mockServer.close();
  };
  const mockServer: MockServer = Object.assign(core.mock, {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    close() {
      closing ??= new Promise<void>((resolve) => {
        signal?.removeEventListener('abort', onAbort);
        core.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closing;
    },
  });
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  /** Throws once the server is closing (aborted): what is left of loading is not done. */
  const stillStarting = (): void => {
    if (closing) throw signal?.reason ?? new Error('the server was closed while it started');
  };
  const load = async (): Promise<void> => {
    stillStarting();
    await options.onListening?.({ url: mockServer.url, port, host });
    stillStarting();
    await core.load({ baseUrl: mockServer.url });
  };

  const loadingDone = load();
  loadingDone.catch(() => undefined);
  try {
    await Promise.race([loadingDone, aborted]);
    stillStarting();
  } catch (err) {
    await mockServer.close();
    throw signal?.aborted ? signal.reason : err;
  }
  return mockServer;
}
