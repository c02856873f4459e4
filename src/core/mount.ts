/**
 * The request pipeline for one provider:
 * body (size limit) → operation match → authenticate → request validation
 * → handler → response self-check → send. Every failure becomes a MockError
 * rendered in the vendor's envelope; nothing reaches the client as HTML or a
 * stack trace.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { MockError, isMockError, type MockErrorKind, type ValidationIssue } from './errors.js';
import { loadSpec, resolvePointer, responseFor, type Operation, type Spec, type SpecResponse } from './spec.js';
import { SpecValidators } from './validation.js';
import { declaredMediaFor, isJsonMedia, isStructuredMedia, mediaTypeOf, parseBody, readRawBody, type BodyLimits, type ParsedBody } from './body.js';
import { createTenants, type Tenants } from './store.js';
import { applyCamelCaseAliases, applyCamelCaseQueryAliases, dropUndeclaredFields } from './aliases.js';
import type { AuthResult, HandlerContext, MutableRequest, Provider, ProviderEnv, Reply, RequestView } from './provider.js';
import { lowestSuccess, parsePrefer, specExample, type Fault, type ScenarioRegistry, type ScenarioRule } from './scenarios.js';
import { attachEntry, type Journal, type JournalEntry } from './journal.js';
import { EVENT_STREAM_MEDIA, eventItem, isEventStream, writeEventStream, type EventStream, type StreamCut } from './sse.js';

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
  /** Strict: a reply that breaks the spec is replaced by a loud 500. Otherwise it is logged and sent. */
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
}

export interface MountedProvider<State = unknown> {
  provider: Provider<State>;
  spec: Spec;
  validators: SpecValidators;
  tenants: Tenants<State>;
  /** The services the provider's states were made with (clock, ids, deliveries…). */
  env: ProviderEnv;
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void>;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const BASE_HEADERS = Symbol('collections-mock.baseHeaders');
type WithBaseHeaders = ServerResponse & { [BASE_HEADERS]?: Readonly<Record<string, string>> };

/** Headers every reply to this request carries (CORS), under the reply's own. */
export function setBaseHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  (res as WithBaseHeaders)[BASE_HEADERS] = headers;
}

/** writeHead with the request's base headers; the reply's own win. */
export function writeHead(res: ServerResponse, status: number, headers: Record<string, string>): void {
  const base = (res as WithBaseHeaders)[BASE_HEADERS];
  res.writeHead(status, base ? { ...base, ...headers } : headers);
}

/** The neutral error kind most likely to render as a status, tried first when a scenario asks for that status. */
const KIND_FOR_STATUS: Record<number, MockErrorKind> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation',
  429: 'rate_limited',
  500: 'internal',
};
const ALL_KINDS: MockErrorKind[] = ['validation', 'bad_request', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'payload_too_large', 'method_not_allowed', 'unsupported_media_type', 'unprocessable', 'internal'];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A declared request media entry whose body is taken as raw bytes: a range (`*\/*`, `image/*`) or a type that is neither structured nor multipart. */
const isRawMedia = (declared: string): boolean => declared.includes('*') || (!isStructuredMedia(declared) && declared !== 'multipart/form-data');

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

function headerView(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null);
  const headers = req.headers;
  for (const k in headers) {
    const v = headers[k];
    out[k] = Array.isArray(v) ? v[0] : v;
  }
  return out;
}

function isArraySchema(spec: Spec, schema: unknown): boolean {
  let s = schema as Record<string, unknown> | undefined;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 8; i++) s = resolvePointer(spec.doc, s.$ref) as Record<string, unknown>;
  return !!s && (s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')));
}

function firstIssueMessage(issues: ValidationIssue[]): string {
  const i = issues[0]!;
  const where = i.pointer ? `${i.location}${i.pointer.replace(/\//g, '.')}` : i.location;
  return `${where} ${i.message}`;
}

export function mountProvider<State>(provider: Provider<State>, options: MountOptions): MountedProvider<State> {
  const spec = loadSpec(provider.specFile, provider.name);
  checkHandlers(provider as Provider<unknown>, spec);
  const router = provider.ignoreTrailingSlash ? spec.router.withTrailingSlashIgnored() : spec.router;
  const validators = SpecValidators.of(spec);
  const tenants = createTenants<State>((tenant) => provider.createState(options.env, tenant));
  // An error schema the spec lacks is a provider bug, found at mount.
  const errorValidator = provider.errorSchema ? validators.component(provider.errorSchema) : undefined;
  const { env, limits, strict } = options;
  const log = env.log;

  // Which query parameters are arrays, per operation (repeated keys are kept only for those).
  const arrayParams = new Map<string, Set<string>>();
  const queryNames = new Map<string, Set<string>>();
  for (const op of spec.operations.values()) {
    queryNames.set(op.id, new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name)));
    arrayParams.set(op.id, new Set(op.parameters.filter((p) => p.in === 'query' && isArraySchema(spec, p.schema)).map((p) => p.name)));
  }

  const send = (res: ServerResponse, reply: Reply): void => {
    if (res.headersSent) return;
    const headers: Record<string, string> = { ...reply.headers };
    let payload: Buffer | string | undefined;
    if (Buffer.isBuffer(reply.body)) {
      payload = reply.body;
      headers['content-type'] = reply.contentType ?? 'application/octet-stream';
    } else if (reply.body !== undefined) {
      const isJson = !reply.contentType || isJsonMedia(mediaTypeOf(reply.contentType));
      payload = isJson ? JSON.stringify(reply.body) : String(reply.body);
      headers['content-type'] = reply.contentType ?? 'application/json';
    }
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    writeHead(res, reply.status, headers);
    res.end(payload);
  };

  const renderError = (err: MockError, view: RequestView): Reply => {
    try {
      const reply = provider.renderError(err, view);
      return { ...reply, headers: { ...err.headers, ...reply.headers } };
    } catch (renderErr) {
      log.error({ err: renderErr }, 'renderError failed');
      return { status: 500, body: { error: 'internal error' } };
    }
  };

  /** What the self-check needs of a declared response, worked out once per operation and status. */
  interface ResponseFacts {
    declared: SpecResponse;
    /** The key it has in the spec (`200`, `4XX`, `default`). */
    key: string;
    requiredHeaders: string[];
    media: string[];
  }
  const factsCache = new Map<Operation, Map<number, ResponseFacts | null>>();
  const responseFacts = (op: Operation, status: number): ResponseFacts | null => {
    let byStatus = factsCache.get(op);
    if (!byStatus) factsCache.set(op, (byStatus = new Map()));
    let facts = byStatus.get(status);
    if (facts === undefined) {
      const declared = responseFor(op, status);
      facts = declared
        ? {
            declared,
            key: Object.keys(op.responses).find((k) => op.responses[k] === declared)!,
            requiredHeaders: Object.entries(declared.headers)
              .filter(([, h]) => h.required)
              .map(([name]) => name),
            media: Object.keys(declared.content),
          }
        : null;
      byStatus.set(status, facts);
    }
    return facts;
  };

  /** Validates a reply against the spec; returns the issues (empty when it conforms). */
  const selfCheck = (op: Operation | undefined, reply: Reply): ValidationIssue[] => {
    if (!op) return errorValidator && reply.body !== undefined ? errorValidator(reply.body) : [];
    const facts = responseFacts(op, reply.status);
    if (!facts) {
      return [{ location: 'body', pointer: '', rule: 'status', message: `status ${reply.status} is not declared for ${op.id}` }];
    }
    const { declared, key, requiredHeaders, media } = facts;
    const issues: ValidationIssue[] = [];
    if (requiredHeaders.length) {
      const sent = Object.keys(reply.headers ?? {}).map((k) => k.toLowerCase());
      for (const name of requiredHeaders) {
        if (!sent.includes(name)) issues.push({ location: 'header', pointer: `/${name}`, rule: 'required', message: `required response header ${name} is missing` });
      }
    }
    if (reply.body === undefined) {
      if (media.length) issues.push({ location: 'body', pointer: '', rule: 'content', message: `status ${reply.status} must have a body (${media.join(', ')})` });
      return issues;
    }
    const sent = mediaTypeOf(reply.contentType ?? (Buffer.isBuffer(reply.body) ? 'application/octet-stream' : isEventStream(reply.body) ? EVENT_STREAM_MEDIA : 'application/json'));
    const type = declaredMediaFor(Object.keys(declared.content), sent) ?? sent;
    const validate = validators.for(op).response(key, type);
    if (!declared.content[type]) {
      issues.push({ location: 'body', pointer: '', rule: 'content', message: `media type ${type} is not declared for ${op.id} ${reply.status}` });
    } else if (isEventStream(reply.body)) {
      // Events are checked one by one as they are written (the media entry's event schema).
      if (type !== EVENT_STREAM_MEDIA) issues.push({ location: 'body', pointer: '', rule: 'content', message: `a stream of events is sent as ${type}, not ${EVENT_STREAM_MEDIA}` });
    } else if (validate && !Buffer.isBuffer(reply.body)) {
      issues.push(...validate(reply.body));
    }
    return issues;
  };

  /** What a streamed reply needs besides the reply: its journal entry, and a scenario's cut. */
  const streamContext = new WeakMap<ServerResponse, { entry?: JournalEntry; cut?: StreamCut }>();

  /**
   * Sends the head of a reply whose body is a stream of events, then its
   * events as they come (paced on the mock's clock, each checked against the
   * operation's event schema). The response is held like a `timeout` fault's,
   * so shutdown can drop a stream still waiting for the clock.
   */
  const sendStream = (res: ServerResponse, view: RequestView, reply: Reply & { body: EventStream }): void => {
    if (res.headersSent) return;
    const { entry, cut } = streamContext.get(res) ?? {};
    const op = view.operation;
    const facts = op ? responseFacts(op, reply.status) : null;
    const type = mediaTypeOf(reply.contentType ?? EVENT_STREAM_MEDIA);
    const media = facts ? (declaredMediaFor(facts.media, type) ?? type) : type;
    const eventSchema = facts?.declared.content[media]?.event;
    const validate = op && eventSchema ? validators.for(op).event(facts!.key, media) : undefined;
    writeHead(res, reply.status, { ...reply.headers, 'content-type': reply.contentType ?? EVENT_STREAM_MEDIA });
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    options.onHold?.(res);
    if (entry) entry.events = 0;
    if (entry && cut) entry.fault = `stream_${cut.fault}`;
    void writeEventStream(res, reply.body, {
      clock: env.clock,
      ...(cut ? { cut } : {}),
      ...(validate ? { check: (event) => validate(eventItem(event, eventSchema!.decodeData)) } : {}),
      onInvalid: (_event, issues) => {
        const failure: SelfCheckFailure = {
          provider: provider.name,
          operationId: op?.id ?? null,
          method: view.method,
          url: view.url,
          status: reply.status,
          issues: issues.map((i) => ({ ...i, pointer: `/event${entry ? `/${entry.events ?? 0}` : ''}${i.pointer}` })),
        };
        options.onSelfCheckFailure?.(failure);
        log.error({ selfCheck: failure }, 'a streamed event does not match the spec');
        return strict;
      },
      onEvent: () => {
        if (entry) entry.events = (entry.events ?? 0) + 1;
      },
      onSourceError: (err) => log.error({ err, method: view.method, url: view.url }, 'the event stream failed'),
    });
  };

  const finish = (res: ServerResponse, view: RequestView, reply: Reply): void => {
    const issues = selfCheck(view.operation, reply);
    if (issues.length) {
      const failure: SelfCheckFailure = {
        provider: provider.name,
        operationId: view.operation?.id ?? null,
        method: view.method,
        url: view.url,
        status: reply.status,
        issues,
      };
      options.onSelfCheckFailure?.(failure);
      log.error({ selfCheck: failure }, 'response does not match the spec');
      if (strict) {
        send(res, {
          status: 500,
          headers: { 'x-mock-self-check': 'failed' },
          body: { error: 'collections-mock: response self-check failed', ...failure },
        });
        return;
      }
    }
    if (isEventStream(reply.body)) sendStream(res, view, reply as Reply & { body: EventStream });
    else send(res, reply);
  };

  /** A reply about the mock itself (an unknown scenario, an undocumented Prefer code): plain JSON, outside any spec. */
  const mockProblem = (res: ServerResponse, status: number, message: string): void => {
    send(res, { status, headers: { 'x-mock-error': 'scenario' }, body: { error: `collections-mock: ${message}` } });
  };

  /** The provider's own envelope for a status: the kind that renders as that status, else the spec's example. */
  const envelopeFor = (op: Operation, view: RequestView, status: number, message?: string): Reply => {
    const text = message ?? STATUS_CODES[status] ?? 'Error';
    const first = KIND_FOR_STATUS[status];
    for (const kind of first ? [first, ...ALL_KINDS.filter((k) => k !== first)] : ALL_KINDS) {
      const headers: Record<string, string> = kind === 'rate_limited' ? { 'retry-after': '1' } : {};
      const reply = renderError(new MockError(kind, text, { headers }), view);
      if (reply.status === status) return reply;
    }
    const ex = specExample(op, status);
    return ex.found ? { status, body: ex.value, ...(ex.mediaType ? { contentType: ex.mediaType } : {}) } : { status, body: { error: text } };
  };

  /** What a scenario's `respond` sends: its body, a named example, the provider's envelope (errors) or the spec's example. */
  const scenarioReply = (op: Operation, view: RequestView, respond: NonNullable<ScenarioRule['respond']>): Reply => {
    const headers = Object.fromEntries(Object.entries(respond.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const contentType = headers['content-type'];
    let reply: Reply;
    if ('body' in respond) reply = { status: respond.status, body: respond.body, ...(contentType ? { contentType } : {}) };
    else if (respond.example !== undefined || respond.status < 400) {
      const ex = specExample(op, respond.status, respond.example);
      reply = ex.found ? { status: respond.status, body: ex.value, ...(ex.mediaType ? { contentType: ex.mediaType } : {}) } : { status: respond.status };
    } else reply = envelopeFor(op, view, respond.status, respond.message);
    return { ...reply, headers: { ...reply.headers, ...headers } };
  };

  const fault = (req: IncomingMessage, res: ServerResponse, kind: Fault, status: number): void => {
    const socket = req.socket;
    switch (kind) {
      case 'connection_reset':
        if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
        else socket.destroy();
        return;
      case 'empty_response':
        socket.end();
        socket.destroySoon();
        return;
      case 'malformed_json': {
        const body = '{"data": [{"id": "trunc';
        writeHead(res, status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
        res.end(body);
        return;
      }
      case 'timeout':
        options.onHold?.(res);
        return;
    }
  };

  /**
   * A body generated from the response schema (Prism's `dynamic=true`) with
   * json-schema-faker, seeded from the mock's id source (so `--seed` repeats
   * it); the first of a few tries that passes the self-check, else none.
   */
  const dynamicBody = async (op: Operation, status: number): Promise<{ body: unknown; mediaType: string } | undefined> => {
    const declared = responseFor(op, status);
    const entry = declared && Object.entries(declared.content).find(([type, m]) => isJsonMedia(type) && m.schema !== undefined);
    if (!declared || !entry) return undefined;
    const [mediaType, media] = entry;
    const key = Object.keys(op.responses).find((k) => op.responses[k] === declared)!;
    const validate = validators.for(op).response(key, mediaType);
    const { generateSync } = await import('json-schema-faker');
    const schema = { ...(media.schema as Record<string, unknown>), components: spec.doc.components };
    for (let i = 0; i < 5; i++) {
      const body = generateSync(schema, { seed: Math.floor(env.ids.random() * 2 ** 31), maxDefaultItems: 3, maxLength: 60 });
      if (!validate || validate(body).length === 0) return { body, mediaType };
    }
    return undefined;
  };

  /** Prism's Prefer header, then the active scenarios; true when one of them answered. */
  const runScenarios = async (
    req: IncomingMessage,
    res: ServerResponse,
    view: RequestView,
    op: Operation,
    auth: AuthResult,
    withCallerHeaders: (reply: Reply) => Reply,
    entry: JournalEntry | undefined,
    facts: { method: string; path: Record<string, unknown>; query: Record<string, unknown>; body: unknown },
  ): Promise<boolean> => {
    const registry = options.scenarios!;
    const preferHeader = view.headers.prefer;
    // Most requests name no scenario and meet no activation: nothing to look at.
    if (!preferHeader && !view.headers['x-mock-scenario'] && !registry.hasActivations(provider.name)) return false;
    const prefer = parsePrefer(preferHeader);
    if (prefer) {
      if (entry) entry.prefer = preferHeader!;
      const status = prefer.code ?? lowestSuccess(op);
      if (status === undefined || !responseFor(op, status)) {
        mockProblem(res, 422, `${op.id} documents no response ${status ?? '2xx'} (Prefer: ${preferHeader})`);
        return true;
      }
      if (prefer.example !== undefined) {
        const ex = specExample(op, status, prefer.example);
        if (!ex.found) {
          mockProblem(res, 422, `${op.id} has no example "${prefer.example}" for status ${status}`);
          return true;
        }
        finish(res, view, withCallerHeaders({ status, body: ex.value, ...(ex.mediaType ? { contentType: ex.mediaType } : {}) }));
        return true;
      }
      if (prefer.dynamic) {
        const generated = await dynamicBody(op, status);
        if (generated) {
          finish(res, view, withCallerHeaders({ status, body: generated.body, contentType: generated.mediaType }));
          return true;
        }
      }
      finish(res, view, withCallerHeaders(scenarioReply(op, view, { status })));
      return true;
    }
    const names = (view.headers['x-mock-scenario'] ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const fromHeader = registry.fromHeader(provider.name, auth.tenant, names);
    if (fromHeader.unknown.length) {
      const known = registry.list(provider.name).map((s) => s.name);
      mockProblem(res, 400, `unknown scenario ${fromHeader.unknown.join(', ')} for ${provider.name}; known: ${known.join(', ') || 'none'}`);
      return true;
    }
    const { delays, answer, stream } = registry.fire(registry.candidates(provider.name, auth.tenant, fromHeader.activations), { op, ...facts });
    if (stream && !answer) streamContext.set(res, { ...streamContext.get(res), cut: stream.rule.stream! });
    const last = answer ?? stream ?? delays[delays.length - 1];
    if (!last) return false;
    if (entry) entry.scenario = { name: last.activation.scenario.name, rule: last.index + 1, activation: last.activation.id };
    let wait = 0;
    for (const { rule: r } of [...delays, ...(answer ? [answer] : [])]) {
      const d = r.delay;
      if (d !== undefined) wait += typeof d === 'number' ? d : d.min + Math.floor(env.ids.random() * (d.max - d.min + 1));
    }
    if (wait > 0) {
      await sleep(wait);
      if (res.destroyed) return true;
    }
    if (!answer) return false;
    const { rule } = answer;
    if (rule.fault) {
      if (entry) entry.fault = rule.fault;
      fault(req, res, rule.fault, rule.respond?.status ?? 200);
      return true;
    }
    if (rule.respond) {
      finish(res, view, withCallerHeaders(scenarioReply(op, view, rule.respond)));
      return true;
    }
    return false;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const view: RequestView = {
      method,
      path: pathname,
      url: req.url ?? '',
      headers: headerView(req),
      query: new URLSearchParams(search),
      // Read when asked (the admin API's access rule): a lookup on the socket otherwise paid by every request.
      get remoteAddress() {
        return req.socket.remoteAddress;
      },
    };
    if (options.internalToken !== undefined && view.headers['x-mock-internal'] === options.internalToken) view.internal = true;
    const journal = options.journal;
    const entry: JournalEntry | undefined =
      journal || options.exposeEntry
        ? {
            id: journal ? journal.nextId() : 0,
            at: new Date(env.clock.nowMs()).toISOString(),
            atMs: env.clock.nowMs(),
            provider: provider.name,
            operationId: null,
            method,
            url: view.url,
            status: 0,
            tenant: null,
            durationMs: 0,
          }
        : undefined;
    if (entry && options.exposeEntry) attachEntry(res, entry);
    if (entry) streamContext.set(res, { entry });
    if (entry && journal) {
      const started = performance.now();
      res.once('close', () => {
        entry.status = res.headersSent ? res.statusCode : 0;
        entry.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
        journal.record(entry);
      });
    }
    // Once a caller is identified, every reply (errors included) carries the provider's per-caller headers.
    let authenticated: AuthResult | undefined;
    const withCallerHeaders = (reply: Reply): Reply => {
      if (!authenticated || !provider.replyHeaders) return reply;
      return { ...reply, headers: { ...provider.replyHeaders(authenticated, view), ...reply.headers } };
    };
    try {
      const route = router.match(method, pathname);
      if (route.kind === 'not_found') {
        throw new MockError('not_found', `No route for ${method} ${pathname}.`);
      }
      if (route.kind === 'method_not_allowed') {
        throw new MockError('method_not_allowed', `Method ${method} is not allowed on ${pathname}.`, {
          headers: { allow: route.allowed.join(', ') },
        });
      }
      const op = route.op;
      view.operation = op;
      if (entry) entry.operationId = op.id;

      // Read the body before anything can answer, so the client can always read our reply.
      let raw: Buffer = Buffer.alloc(0);
      const contentType = view.headers['content-type'];
      const declaredMedia = op.requestBody ? Object.keys(op.requestBody.content) : [];
      const rawOnly = declaredMedia.length > 0 && declaredMedia.every(isRawMedia);
      if (BODY_METHODS.has(method) || req.headers['content-length'] || req.headers['transfer-encoding']) {
        // Operations that take only raw bytes (uploads) get the upload limit whatever the client calls them.
        const limit = !rawOnly && (isStructuredMedia(mediaTypeOf(contentType)) || !contentType) ? limits.json : limits.upload;
        // An operation without a request body ignores whatever was sent, whatever its size.
        raw = op.requestBody ? await readRawBody(req, limit, res) : await readRawBody(req, limit, res).catch(() => Buffer.alloc(0));
      }

      // Credentials are checked before the body is looked at: a bad key with a bad body is an auth error.
      const auth: AuthResult = provider.authenticate(view);
      authenticated = auth;
      if (entry) entry.tenant = auth.tenant;

      let parsed: ParsedBody = { mediaType: '', value: undefined, files: {}, present: false };
      if (op.requestBody && raw.length) {
        // Bytes sent without a Content-Type are application/octet-stream, as HTTP says, where the operation takes raw bytes.
        const media = mediaTypeOf(contentType) || (rawOnly ? 'application/octet-stream' : '');
        const declared = declaredMedia;
        const match = media ? declaredMediaFor(declared, media) : undefined;
        if (!match) {
          throw new MockError(
            'unsupported_media_type',
            media ? `Unsupported Content-Type ${media}; expected ${declared.join(' or ')}.` : `Missing Content-Type; expected ${declared.join(' or ')}.`,
          );
        }
        // A raw entry (`*/*`, octet-stream) keeps the bytes as sent, even when they are called JSON.
        parsed = isRawMedia(match) ? { mediaType: media, value: raw, files: {}, present: true } : await parseBody(raw, contentType, limits);
        // Validation and aliases use the declared entry that accepted the body.
        parsed.mediaType = match;
      }

      const queryAll: Record<string, string | string[]> = Object.create(null);
      const arrays = arrayParams.get(op.id)!;
      for (const key of new Set(view.query.keys())) {
        const values = view.query.getAll(key);
        queryAll[key] = arrays.has(key) || values.length > 1 ? values : values[0]!;
      }
      const mutable: MutableRequest = { query: queryAll, body: parsed.value };
      if (provider.acceptLowerCamelCase) {
        applyCamelCaseQueryAliases(queryNames.get(op.id)!, mutable.query);
        const schema = op.requestBody?.content[parsed.mediaType]?.schema;
        if (schema !== undefined && mutable.body !== undefined) applyCamelCaseAliases(spec.doc, schema, mutable.body);
      }
      provider.prepare?.(mutable, view);

      if (options.scenarios && !view.internal) {
        const done = await runScenarios(req, res, view, op, auth, withCallerHeaders, entry, {
          method,
          path: route.params,
          query: mutable.query,
          body: mutable.body,
        });
        if (done) return;
      }

      if (op.requestBody?.required && mutable.body === undefined) {
        throw new MockError('validation', 'Request body is required.', {
          issues: [{ location: 'body', pointer: '', rule: 'required', message: 'is required' }],
        });
      }
      const query: Record<string, unknown> = {};
      for (const p of op.parameters) {
        if (p.in !== 'query' || !(p.name in mutable.query)) continue;
        const v = mutable.query[p.name]!;
        query[p.name] = Array.isArray(v) && !arrays.has(p.name) ? v[0] : v;
      }
      const header: Record<string, unknown> = {};
      for (const p of op.parameters) if (p.in === 'header' && view.headers[p.name.toLowerCase()] !== undefined) header[p.name.toLowerCase()] = view.headers[p.name.toLowerCase()];
      const pathParams: Record<string, unknown> = { ...route.params };
      const v = validators.for(op);
      const issues = v.params({ path: pathParams, query, header });
      // Raw bytes (binary media) have nothing for a JSON Schema to say about them.
      if (mutable.body !== undefined && op.requestBody && !Buffer.isBuffer(mutable.body)) {
        const validateBody = v.body(parsed.mediaType || 'application/json');
        if (validateBody) issues.push(...validateBody(mutable.body));
      }
      if (issues.length) throw new MockError('validation', firstIssueMessage(issues), { issues });
      if (provider.ignoreUnknownFields && mutable.body !== undefined) {
        const schema = op.requestBody?.content[parsed.mediaType || 'application/json']?.schema;
        if (schema !== undefined) dropUndeclaredFields(spec.doc, schema, mutable.body);
      }

      const ctx: HandlerContext<unknown, State> = {
        path: pathParams as never,
        query: query as never,
        headers: view.headers as never,
        body: mutable.body as never,
        files: parsed.files,
        state: tenants.get(auth.tenant),
        tenant: auth.tenant,
        auth,
        env,
        request: view,
      };
      const reply = (await provider.handlers[op.id]!(ctx)) as Reply;
      finish(res, view, withCallerHeaders(reply));
    } catch (err) {
      if (res.headersSent) return;
      let mockErr: MockError;
      if (isMockError(err)) mockErr = err;
      else {
        log.error({ err, method, url: view.url }, 'unhandled error in provider');
        mockErr = new MockError('internal', 'Internal error');
      }
      finish(res, view, withCallerHeaders(renderError(mockErr, view)));
    }
  };

  return { provider, spec, validators, tenants, env, handle };
}
