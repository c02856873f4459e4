/**
 * The Provider contract: what a vendor folder gives the core. Handlers are
 * plain functions of a validated request and the tenant's state; no Express
 * object reaches them. Their types come from the spec via openapi-typescript,
 * so a spec change that a handler no longer matches breaks the build.
 */
import type { Clock } from './clock.js';
import type { IdSource } from './ids.js';
import type { MockError } from './errors.js';
import type { Operation } from './spec.js';
import type { JsonText, RenderCache } from './json-text.js';
import type { UploadedFile } from './body.js';
import type { Logger } from './log.js';
import type { Deliveries } from './delivery.js';
import type { Embedder } from './retrieval/types.js';
import type { EventStream } from './sse.js';
import type { Tenants } from './store.js';
import type { RecordViews } from './records.js';

/** What every stage may look at: the request as it arrived, read-only. */
export interface RequestView {
  method: string;
  /** Path below the provider prefix, e.g. /v1/collections. */
  path: string;
  /** The full original URL (path and query). */
  url: string;
  /** Lower-case header names, first value. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Raw query values; repeated keys give several entries. */
  query: URLSearchParams;
  /** The matched operation, when there is one. */
  operation?: Operation;
  /** The peer's IP address as the socket saw it (e.g. 127.0.0.1, ::1, ::ffff:127.0.0.1). */
  remoteAddress?: string;
  /** The mock's own request (fixtures): no scenario answers it and no rate limit counts it. */
  internal?: boolean;
}

/**
 * Where the request reached the mock from: scheme-less origin and the path
 * down to the provider (its prefix, and the mount path where the mock is
 * middleware in an app), so the URLs a provider hands out point back at it.
 */
export function baseUrlOf(view: Pick<RequestView, 'url' | 'path' | 'headers'>): string {
  const pathname = view.url.split('?')[0]!;
  const prefix = pathname.endsWith(view.path) ? pathname.slice(0, pathname.length - view.path.length) : '';
  return `http://${view.headers.host ?? '127.0.0.1:4010'}${prefix}`;
}

/** A response a stage produces: status, optional headers, and a JSON value, text, bytes or a stream of events (sse.ts's eventStream). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Defaults to application/json for non-Buffer bodies. */
  contentType?: string;
}

/**
 * The reply with `under`'s headers beneath its own and `over`'s above them,
 * as a new reply copied field by field: replies of every shape pass here on
 * the request path, and a spread of so many shapes takes V8's slow path.
 */
export function withHeaders(reply: Reply, under: Readonly<Record<string, string>> | undefined, over?: Readonly<Record<string, string>>): Reply {
  const headers: Record<string, string> = {};
  if (under) for (const k in under) headers[k] = under[k]!;
  const own = reply.headers;
  if (own) for (const k in own) headers[k] = own[k]!;
  if (over) for (const k in over) headers[k] = over[k]!;
  const out: Reply = { status: reply.status, headers };
  if (reply.body !== undefined) out.body = reply.body;
  if (reply.contentType !== undefined) out.contentType = reply.contentType;
  return out;
}

/** What the server hands a provider's factory (the registry, providers/index.ts, makes each provider with it). */
export interface ProviderOptions {
  /**
   * The services the provider is mounted with, the same its states are made
   * with: the only clock and id source of what it does outside a state
   * (rate-limit windows and reset times, key expiry, a 500's request id). A
   * provider made without one (a test that only reads its handlers) has no
   * time or ids to give: envOf fails when one is asked for.
   */
  env?: ProviderEnv;
  /** This provider's section of the --api-keys file, unvalidated. */
  apiKeys?: unknown;
  /** Enforce per-minute rate limits where the vendor publishes them: a plan name or requests per minute. Off when unset. */
  rateLimit?: RateLimitSetting;
  /** Largest upload body the server accepts, in bytes (presigned uploads are refused above it). */
  uploadLimit?: number;
}

/** `free` (10/min) and `pro` (100/min) are Ctxfy's published plans; a number is requests per minute. */
export type RateLimitSetting = 'free' | 'pro' | number;

/** The env a provider was made with (ProviderOptions.env); throws when it was made without one, rather than making a clock or ids of its own. */
export function envOf(options: ProviderOptions, provider: string): ProviderEnv {
  if (!options.env) throw new Error(`the ${provider} provider was made without the server's env (ProviderOptions.env): it has no clock or ids`);
  return options.env;
}

/** Services a provider's state and handlers may use. */
export interface ProviderEnv {
  clock: Clock;
  ids: IdSource;
  /** Duration of every simulated lifecycle step, in ms (0 = at once). */
  processingMs: number;
  log: Logger;
  /** Outbound HTTP deliveries (postbacks, webhooks), retried on the clock and recorded. */
  deliveries: Deliveries;
  /**
   * Turns chunks and queries into vectors: the local deterministic embedder,
   * or the server's `embeddingsUrl`. Text extraction and chunking need no
   * settings: `core/retrieval/extract.ts` and `chunk.ts` are imported directly.
   */
  embedder: Embedder;
  /** The JSON texts of rendered records, reused while unchanged (json-text.ts); checked on every reuse when the self-check is strict. */
  renders: RenderCache;
}

// ---- types derived from openapi-typescript's `operations` interface

type Lower<T> = [T] extends [never] ? Record<string, never> : T extends undefined ? Record<string, never> : T;

type ParamsOf<Op> = Op extends { parameters: infer P } ? P : Record<string, never>;
export type PathParams<Op> = Lower<NonNullable<ParamsOf<Op> extends { path?: infer X } ? X : never>>;
export type QueryParams<Op> = Lower<NonNullable<ParamsOf<Op> extends { query?: infer X } ? X : never>>;
export type HeaderParams<Op> = Lower<NonNullable<ParamsOf<Op> extends { header?: infer X } ? X : never>>;

type ContentOf<B> = B extends { content: infer C } ? C : never;
type RequestContent<Op> = Op extends { requestBody?: infer B } ? ContentOf<NonNullable<B>> : never;
/** The JSON, multipart or urlencoded body as validated (file parts appear as their file names; the bytes are in ctx.files). */
export type RequestBody<Op> = [RequestContent<Op>] extends [never]
  ? undefined
  : RequestContent<Op>[keyof RequestContent<Op>] | (Op extends { requestBody: unknown } ? never : undefined);

type Responses<Op> = Op extends { responses: infer R } ? R : never;
type SuccessStatus<Op> = Extract<keyof Responses<Op>, 200 | 201 | 202 | 204 | 301 | 302 | 303 | 307 | 308>;
type ResponseBodyOf<R> = R extends { content: infer C }
  ? C extends { 'application/json': infer J }
    ? J | JsonText<J>
    : C extends { 'text/event-stream': unknown }
      ? EventStream
      : Buffer | string
  : undefined;

/** A success reply of this operation, typed from the spec. Errors are thrown as MockError. */
export type OperationReply<Op> = {
  [S in SuccessStatus<Op>]: {
    status: S;
    body: ResponseBodyOf<Responses<Op>[S]>;
    headers?: Record<string, string>;
    contentType?: string;
  };
}[SuccessStatus<Op>];

export interface HandlerContext<Op, State> {
  path: PathParams<Op>;
  query: QueryParams<Op>;
  headers: HeaderParams<Op> & Readonly<Record<string, string | undefined>>;
  body: RequestBody<Op>;
  files: Readonly<Record<string, UploadedFile>>;
  state: State;
  tenant: string;
  /** What authenticate returned besides the tenant (the principal, key kind, …). */
  auth: AuthResult;
  env: ProviderEnv;
  request: RequestView;
}

export type Handler<Op, State> = (ctx: HandlerContext<Op, State>) => OperationReply<Op> | Promise<OperationReply<Op>>;

/** A handler as the core sees it, once the provider's typed handlers are collected by operationId. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any operation's handler: its context's types differ per operation, and the pipeline validated them
export type AnyHandler<State> = (ctx: HandlerContext<any, State>) => Reply | Promise<Reply>;

/**
 * A handler's context for whichever operation the request is: what
 * beforeHandle sees. The parameters and body are validated against that
 * operation's spec, but not typed here.
 */
export interface RequestContext<State> extends Omit<HandlerContext<unknown, State>, 'path' | 'query' | 'headers' | 'body'> {
  path: Readonly<Record<string, unknown>>;
  query: Readonly<Record<string, unknown>>;
  headers: Readonly<Record<string, string | undefined>>;
  body: unknown;
}

/** One handler per operationId of the spec, typed from its generated `operations` interface. */
export type Handlers<Ops, State> = { [K in keyof Ops]: Handler<Ops[K], State> };

export interface AuthResult {
  /** The vendor's isolation key: team, organisation, namespace, space… */
  tenant: string;
  /** Anything the provider wants its handlers to see (key kind, user id…). */
  principal?: Record<string, unknown>;
}

/** The value prepare() may rewrite before validation. */
export interface MutableRequest {
  query: Record<string, string | string[]>;
  body: unknown;
}

/** A problem in a saved document: where (path below the provider's entry, starting with the tenant) and what. */
export interface StateProblem {
  path: (string | number)[];
  message: string;
}

/** What a provider's state check may use besides the document. */
export interface StateCheckContext {
  /**
   * Checks a saved value the vendor's replies echo (a chunk configuration, a
   * status) against a schema component of the provider's own spec; the first
   * problem, under `path`, or undefined when it conforms.
   */
  conforms(component: string, value: unknown, path: (string | number)[]): StateProblem | undefined;
}

export interface Provider<State = unknown> {
  name: string;
  /** Mount prefix, e.g. '/xai'. */
  prefix: string;
  /** Absolute path of the provider's OpenAPI document. */
  specFile: string;
  /** Answer `/path/` as `/path` (vendors whose framework redirects or accepts both). */
  ignoreTrailingSlash?: boolean;
  /** Schema (components.schemas name) that error replies outside any operation must match: unknown routes, 405s. */
  errorSchema?: string;
  /** Drop request-body fields the spec does not declare, after validation (validators that ignore extras, like pydantic's default). */
  ignoreUnknownFields?: boolean;
  /** Accept lowerCamelCase spellings of snake_case fields and query parameters (protobuf JSON gateways do). */
  acceptLowerCamelCase?: boolean;
  /** Normalises the request before validation (aliases, alternate spellings). May throw MockError. */
  prepare?(req: MutableRequest, view: RequestView): void;
  /** Identifies the tenant; throws MockError (unauthenticated, forbidden…) to refuse. */
  authenticate(view: RequestView): AuthResult;
  /** Headers for every reply to an authenticated caller, errors included (rate-limit counters, say). */
  replyHeaders?(auth: AuthResult, view: RequestView): Record<string, string>;
  /** Renders a neutral error in the vendor's envelope and status. */
  renderError(err: MockError, view: RequestView): Reply;
  /**
   * Runs on every request about to reach its handler (validated, the
   * tenant's state at hand), with the handler's context: a rule the vendor
   * applies to every operation, or what the provider keeps of the requests
   * it serves. Throws MockError to refuse. Its own stage of the pipeline
   * (pipeline/before-handle.ts), between validation and the handler.
   */
  beforeHandle?(ctx: RequestContext<State>): void;
  /**
   * Fresh state for a tenant. Touches nothing outside the state it returns: a
   * load builds states aside and may throw them away.
   */
  createState(env: ProviderEnv, tenant: string): State;
  /**
   * Reference checks on the provider's part of a saved document (tenant →
   * state, already valid against specs/admin.yaml's schema), before anything is
   * loaded: what a record names exists, what must be unique across tenants is.
   * The first problem, or undefined.
   */
  checkState?(tenants: Readonly<Record<string, unknown>>, ctx: StateCheckContext): StateProblem | undefined;
  /**
   * Called on a state rebuilt from saved data (import, --persist) before it
   * replaces anything: re-arm the lifecycle steps that were running (saved
   * state holds no timers). Every step's handle is kept in the state, so a
   * state that is not loaded after all can be disposed; nothing outside the
   * state is touched (that is adopt's).
   */
  resume?(state: State): void;
  /** A rebuilt state replaces the old one: register what the provider indexes outside its tenants (minted keys, names unique across tenants). */
  adopt?(state: State): void;
  /** The reverse of adopt: a tenant's state is being dropped (reset, import); unregister what the provider indexes outside it. */
  forget?(state: State): void;
  /** Keyed by operationId, as the core calls them; a provider writes them typed, through defineProvider. */
  handlers: Record<string, AnyHandler<State>>;
  /** Which GET operation renders which table of the saved state (GET /__mock/records/{provider}); none when absent. */
  records?: RecordViews;
  /**
   * Mock-only operations of specs/admin.yaml that act on this provider's data
   * (`/__mock/<provider>/…`: what the vendor's API has no way to create), by
   * the admin spec's operationId. The admin API validates the request, then
   * hands it over with the provider's tenants; errors render in the admin
   * API's envelope.
   */
  admin?: Record<string, AdminOperation<State>>;
}

/** A provider as its folder declares it: every member of Provider, its handlers typed from the spec's generated `operations`. */
export type ProviderDefinition<Ops, State> = Omit<Provider<State>, 'handlers'> & { handlers: Handlers<Ops, State> };

/** A provider whose handlers keep their types: each operation's context and replies, by operationId. */
export type TypedProvider<Ops, State> = Provider<State> & { handlers: Handlers<Ops, State> };

/**
 * Declares a provider (the admin API's too). The compiler holds its handlers
 * to the spec: one per operationId, none besides, each taking its
 * operation's validated request and returning one of its declared success
 * replies; the core calls the same functions by operationId, with no cast
 * between the two views.
 */
export function defineProvider<Ops, State>(definition: ProviderDefinition<Ops, State>): TypedProvider<Ops, State> {
  return definition;
}

/** A provider's part of the admin API: a validated admin request, and the provider's tenants to act on. */
export type AdminOperation<State> = (ctx: {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  tenants: Tenants<State>;
}) => Reply | Promise<Reply>;
