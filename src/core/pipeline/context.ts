/**
 * What the stages of the request pipeline share: the mount (one per
 * provider, made once: its spec, router, validators, tenants and what is
 * worked out ahead of requests) and the exchange (one per request: what the
 * stages have learnt of it so far). Each stage is a function of the two.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ValidationIssue } from '../errors.js';
import { loadSpec, resolvePointer, type Operation, type Router, type Spec, type SpecResponse } from '../spec.js';
import { SpecValidators } from '../validation.js';
import { checkRecordViews } from '../records.js';
import type { BodyLimits, ParsedBody } from '../body.js';
import { createTenants, type Tenants } from '../store.js';
import type { AuthResult, MutableRequest, Provider, ProviderEnv, RequestContext, RequestView } from '../provider.js';
import type { ScenarioRegistry } from '../scenarios.js';
import type { Journal, JournalEntry } from '../journal.js';
import type { StreamCut } from '../sse.js';
import type { Logger } from '../log.js';

export interface SelfCheckFailure {
  provider: string;
  operationId: string | null;
  method: string;
  url: string;
  status: number;
  issues: ValidationIssue[];
}

export interface MountOptions {
  env: ProviderEnv;
  limits: BodyLimits;
  /**
   * Strict: every reply is checked before it is sent, and one that breaks the
   * spec is replaced by a loud 500 (tests). Otherwise each reply is checked
   * just after it is sent, and a failure is logged and recorded (journal,
   * onSelfCheckFailure).
   */
  strict: boolean;
  onSelfCheckFailure?: (failure: SelfCheckFailure) => void;
  /** Scenarios that may answer instead of the handler (and Prism's Prefer header); none when absent. */
  scenarios?: ScenarioRegistry;
  /** Where every request is recorded. */
  journal?: Journal;
  /** Attach each request's journal entry to its response (see attachEntry), for the request log; an entry is then made even without a journal. */
  exposeEntry?: boolean;
  /** Requests left unanswered on purpose (the `timeout` fault), so shutdown can drop them. */
  onHold?: (res: ServerResponse) => void;
  /** A request whose X-Mock-Internal header carries this secret is the mock's own (fixtures). */
  internalToken?: string;
  /**
   * The server's start, while it loads its data: the self-checks after sending
   * are handed to `defer` then, to run once it has (see self-check.ts).
   */
  startup?: StartupGate;
}

/** Work that waits for the end of the server's start. */
export interface StartupGate {
  /** True while the server loads its data. */
  readonly loading: boolean;
  /** Runs a task once loading has ended. */
  defer(task: () => void): void;
}

/** What the self-check needs of a declared response, worked out once per operation and status. */
export interface ResponseFacts {
  declared: SpecResponse;
  /** The key it has in the spec (`200`, `4XX`, `default`). */
  key: string;
  requiredHeaders: string[];
  media: string[];
  /** Per media type, the texts of recent replies that conformed, oldest first (see selfCheck). */
  conforming: Map<string, string[]>;
}

/** One provider as the pipeline serves it. */
export interface Mount<State = unknown> {
  provider: Provider<State>;
  spec: Spec;
  router: Router;
  validators: SpecValidators;
  tenants: Tenants<State>;
  env: ProviderEnv;
  log: Logger;
  options: MountOptions;
  /** The validator of replies outside any operation (unknown routes, 405s), when the provider names its error schema. */
  errorValidator: ((value: unknown) => ValidationIssue[]) | undefined;
  /** Per operation: the names of its query parameters, and those that are arrays (repeated keys are kept only for those). */
  queryNames: Map<string, Set<string>>;
  arrayParams: Map<string, Set<string>>;
  /** responseFacts' cache. */
  facts: Map<Operation, Map<number, ResponseFacts | null>>;
}

/** One request on its way through the stages. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  view: RequestView;
  /** The query string as it came, without the `?`. */
  search: string;
  /** Its journal entry (journal stage), when requests are recorded or logged. */
  entry: JournalEntry | undefined;
  /** Set by match. */
  op: Operation | undefined;
  params: Record<string, string>;
  /** Set by readBody. */
  raw: Buffer;
  /** Set by authenticate: from then on, every reply carries the provider's per-caller headers. */
  auth: AuthResult | undefined;
  /** Set by parseRequest: the body as parsed, and the query and body that validation and the handler see. */
  parsed: ParsedBody;
  request: MutableRequest;
  /** Set by validateRequest: the parameters as validated (coerced, defaults applied). */
  validated: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> } | undefined;
  /** A scenario's cut of a reply of events. */
  cut: StreamCut | undefined;
  /** The handler's context, made once by the before-handle stage or the handler's (handle.ts's handlerContext). */
  context: RequestContext<unknown> | undefined;
}

const NO_BODY: ParsedBody = Object.freeze({ mediaType: '', value: undefined, files: Object.freeze({}), present: false }) as ParsedBody;
const EMPTY = Buffer.alloc(0);

/**
 * Checks the Provider contract against its spec: every operationId has a
 * handler and every handler an operation. The server refuses to start otherwise.
 */
export function checkHandlers(provider: Provider<unknown>, spec: Spec): void {
  const ops = [...spec.operations.keys()];
  const handlers = Object.keys(provider.handlers);
  const missing = ops.filter((id) => typeof provider.handlers[id] !== 'function');
  const extra = handlers.filter((id) => !spec.operations.has(id));
  if (missing.length || extra.length) {
    const parts = [];
    if (missing.length) parts.push(`operations without a handler: ${missing.join(', ')}`);
    if (extra.length) parts.push(`handlers without an operation: ${extra.join(', ')}`);
    throw new Error(`provider ${provider.name} does not match ${path.basename(spec.file)}: ${parts.join('; ')}`);
  }
}

function isArraySchema(spec: Spec, schema: unknown): boolean {
  let s = schema as Record<string, unknown> | undefined;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 8; i++) s = resolvePointer(spec.doc, s.$ref) as Record<string, unknown>;
  return !!s && (s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')));
}

/** The mount of a provider: its spec loaded and checked against its handlers, everything a request would otherwise work out again. */
export function createMount<State>(provider: Provider<State>, options: MountOptions): Mount<State> {
  const spec = loadSpec(provider.specFile, provider.name);
  checkHandlers(provider as Provider<unknown>, spec);
  checkRecordViews(provider.name, provider.records, spec);
  const validators = SpecValidators.of(spec);
  const queryNames = new Map<string, Set<string>>();
  const arrayParams = new Map<string, Set<string>>();
  for (const op of spec.operations.values()) {
    const query = op.parameters.filter((p) => p.in === 'query');
    queryNames.set(op.id, new Set(query.map((p) => p.name)));
    arrayParams.set(op.id, new Set(query.filter((p) => isArraySchema(spec, p.schema)).map((p) => p.name)));
  }
  return {
    provider,
    spec,
    router: provider.ignoreTrailingSlash ? spec.router.withTrailingSlashIgnored() : spec.router,
    validators,
    tenants: createTenants<State>((tenant) => provider.createState(options.env, tenant)),
    env: options.env,
    log: options.env.log,
    options,
    // An error schema the spec lacks is a provider bug, found at mount.
    errorValidator: provider.errorSchema ? validators.component(provider.errorSchema) : undefined,
    queryNames,
    arrayParams,
    facts: new Map(),
  };
}

function headerView(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null);
  const headers = req.headers;
  for (const k in headers) {
    const v = headers[k];
    out[k] = Array.isArray(v) ? v[0] : v;
  }
  return out;
}

/** The read-only view of a request every stage may look at; what costs something to work out (the query, the peer's address) is worked out when asked. */
class View implements RequestView {
  operation?: RequestView['operation'];
  internal?: boolean;
  private parsedQuery: URLSearchParams | undefined = undefined;

  constructor(
    private readonly req: IncomingMessage,
    readonly method: string,
    readonly path: string,
    readonly url: string,
    readonly headers: Readonly<Record<string, string | undefined>>,
    private readonly search: string,
  ) {}

  get query(): URLSearchParams {
    return (this.parsedQuery ??= new URLSearchParams(this.search));
  }

  // The admin API's access rule reads it: a lookup on the socket otherwise paid by every request.
  get remoteAddress(): string | undefined {
    return this.req.socket.remoteAddress;
  }
}

/** A request as the first stage gets it: the read-only view every stage may look at, nothing learnt yet. */
export function exchange(mount: Mount, req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Exchange {
  const method = (req.method ?? 'GET').toUpperCase();
  const view: RequestView = new View(req, method, pathname, req.url ?? '', headerView(req), search);
  const token = mount.options.internalToken;
  if (token !== undefined && view.headers['x-mock-internal'] === token) view.internal = true;
  return {
    req,
    res,
    method,
    view,
    search,
    entry: undefined,
    op: undefined,
    params: {},
    raw: EMPTY,
    auth: undefined,
    parsed: NO_BODY,
    request: { query: {}, body: undefined },
    validated: undefined,
    cut: undefined,
    context: undefined,
  };
}
