/**
 * Record and replay: a validating proxy in front of a vendor (or any server
 * of a provider's API). Every exchange is forwarded unchanged, checked against
 * our spec (violations are logged, never blocking, like Prism's validation
 * proxy), and written as a scenario file the mock can replay — with
 * credentials and other secrets redacted. Each exchange is in the file before
 * its client has the answer, so a recorder that is killed, or stopped while an
 * exchange hangs, leaves everything it had relayed.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { declaredResponse, loadSpec, responseFor, shippedSpecFile, type Operation, type Spec } from '../core/spec.js';
import { SpecValidators } from '../core/validation.js';
import type { ValidationIssue } from '../core/errors.js';
import type { ScenarioRule } from '../core/scenarios.js';
import { writeAtomic } from '../core/persist.js';
import { whyNotWritable } from '../core/writable.js';
import { mediaTypeOf } from '../core/media.js';
import { declaredMediaFor, isJsonMedia } from '../core/body.js';

/** What the recorder logs through: pino's `warn`/`info` fit, so does a test's collector. */
export interface RecorderLog {
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

export interface RecorderOptions {
  /** The provider whose spec judges the exchanges and names the operations (xai, airweave, mixpeek, ctxfy). */
  provider: string;
  /** The provider's base URL, e.g. https://api.ctxfy.com or http://127.0.0.1:4010/ctxfy. */
  upstream: string;
  /** Local port (default 4011; 0 picks a free one). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** The scenario file to write (default recorded-<provider>-<timestamp>.yaml in the working directory). */
  out?: string;
  /** The scenario's name (default: the file name without .yaml, made valid). */
  name?: string;
  log: RecorderLog;
  /** At close, how long exchanges still under way get to finish before they are cut off (default 2000 ms). */
  closeGraceMs?: number;
}

export interface RecordedExchange {
  seq: number;
  method: string;
  /** Path and query as the client sent them (relative to the provider's base). */
  url: string;
  operation?: string;
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  requestBody?: unknown;
  status: number;
  /** Response headers kept for the scenario (content type, rate limits, Retry-After), redacted. */
  headers: Record<string, string>;
  responseBody?: unknown;
  /** What broke our spec, as text. */
  violations: string[];
}

export interface Recorder {
  url: string;
  port: number;
  /** The exchanges so far (redacted), in the order the requests arrived. */
  readonly exchanges: readonly RecordedExchange[];
  /**
   * Stops listening, gives exchanges under way a grace period (then cuts them
   * off: they are not recorded), writes the scenario file one last time (null
   * when nothing could be a rule) and resolves with it. Rejects when the file
   * cannot be written.
   */
  close(): Promise<{ file: string | null; exchanges: number }>;
}

export const REDACTED = '<redacted>';
const DEFAULT_PORT = 4011;
const DEFAULT_CLOSE_GRACE_MS = 2000;

// ---------------------------------------------------------------- redaction

/** Request headers that carry credentials: never written (no request header is written at all, but their values are scrubbed from everything else). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'set-cookie', 'x-mock-admin-token']);
const secretHeader = (name: string) => CREDENTIAL_HEADERS.has(name) || /key|token|secret|auth|cookie|password/i.test(name);

const SECRET_NAMES = new Set([
  'apikey',
  'xapikey',
  'token',
  'secret',
  'password',
  'passwd',
  'personalaccesstoken',
  'clientsecret',
  'authorization',
  'credentials',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'sessiontoken',
  'bearertoken',
  'privatekey',
  'secretkey',
  'accesskey',
  'secretaccesskey',
]);

/** `api_key`, `apiKey`, `client-secret`, `refresh_token`, `db_password`: a field whose name says it holds a secret. */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (!words.length) return false;
  if (SECRET_NAMES.has(words.join(''))) return true;
  const last = words[words.length - 1]!;
  if (['token', 'secret', 'password', 'passwd', 'credentials'].includes(last)) return true;
  return words.length >= 2 && words[words.length - 2] === 'api' && last === 'key';
}

/** Every scalar inside a secret field becomes `<redacted>` (null stays null: it reveals nothing). */
function redactAll(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(redactAll);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v)]));
  return REDACTED;
}

/** Secret-named fields redacted at any depth; known secret values scrubbed from every string. */
function redact(value: unknown, secrets: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretName(k) ? redactAll(v) : redact(v, secrets)]));
  }
  return value;
}

function scrub(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6 && out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}

/** The values of secret-named fields (at any depth), to scrub them wherever else they turn up. */
function collectSecrets(value: unknown, into: Set<string>, inside = false): void {
  if (typeof value === 'string') {
    if (inside) into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const v of value) collectSecrets(v, into, inside);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collectSecrets(v, into, inside || isSecretName(k));
}

/** The credential in a header value: the whole value, and the token after a scheme (`Bearer x`, `Basic x`). */
function headerSecrets(value: string | string[] | undefined, into: Set<string>): void {
  for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
    into.add(v);
    const token = /^\s*\S+\s+(\S+)\s*$/.exec(v)?.[1];
    if (token) into.add(token);
    for (const part of v.split(';')) {
      const cookie = part.split('=').slice(1).join('=').trim();
      if (cookie) into.add(cookie);
    }
  }
}

// ---------------------------------------------------------------- proxying

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function withoutHopByHop(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || HOP_BY_HOP.has(k) || named.has(k)) continue;
    out[k] = v;
  }
  return out;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    // A connection cut before the end (the recorder closing, the peer gone) must settle the exchange, not leave it waiting.
    stream.on('close', () => reject(new Error('the connection closed before the message ended')));
  });
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}

/** The body as JSON when it is JSON, as text when it is text, else undefined (binary bodies are not recorded). */
function parseBody(raw: Buffer, contentType: string | undefined): { value?: unknown; json: boolean } {
  if (!raw.length) return { json: false };
  const media = mediaTypeOf(contentType);
  if (isJsonMedia(media)) {
    try {
      return { value: JSON.parse(raw.toString('utf8')), json: true };
    } catch {
      return { value: raw.toString('utf8'), json: false };
    }
  }
  if (media.startsWith('text/') || media === 'application/x-www-form-urlencoded' || media === 'application/xml')
    return { value: raw.toString('utf8'), json: false };
  return { json: false };
}

// ---------------------------------------------------------------- validation

/** `response body.bogus: is not a known field`, `request body.name: is required`, `request query.limit: must be <= 100`. */
const describe = (where: string, issues: ValidationIssue[]) =>
  issues.map((i) => {
    const message = i.rule === 'required' ? 'is required' : i.rule === 'additionalProperties' ? 'is not a known field' : i.message;
    return `${where} ${i.location}${i.pointer ? i.pointer.replace(/\//g, '.') : ''}: ${message}`;
  });

function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of search) {
    const before = out[k];
    out[k] = before === undefined ? v : Array.isArray(before) ? [...before, v] : [before, v];
  }
  return out;
}

function checkRequest(
  spec: Spec,
  op: Operation,
  params: Record<string, string>,
  query: Record<string, string | string[]>,
  headers: IncomingHttpHeaders,
  contentType: string | undefined,
  raw: Buffer,
  body: { value?: unknown; json: boolean },
): string[] {
  const v = SpecValidators.of(spec).for(op);
  const header: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(headers)) if (val !== undefined) header[k] = val;
  const out = describe('request', v.params({ path: { ...params }, query: structuredClone(query), header }));
  if (!raw.length) {
    if (op.requestBody?.required) out.push('request body is required but absent');
    return out;
  }
  if (!op.requestBody) return out; // a body the operation does not take is ignored, as servers do
  const media = mediaTypeOf(contentType);
  const validate = v.body(media);
  if (!validate) {
    out.push(`request content type ${media || '(none)'} is not one of ${Object.keys(op.requestBody.content).join(', ')}`);
    return out;
  }
  if (isJsonMedia(media)) {
    if (!body.json) out.push('request body is not valid JSON');
    else out.push(...describe('request', validate(structuredClone(body.value))));
  }
  return out;
}

function checkResponse(
  spec: Spec,
  op: Operation,
  status: number,
  headers: IncomingHttpHeaders,
  body: { value?: unknown; json: boolean },
  raw: Buffer,
): string[] {
  const found = declaredResponse(op, status);
  if (!found) return [`status ${status} is not documented for ${op.id}`];
  const { key, response: declared } = found;
  const out: string[] = [];
  for (const [name, h] of Object.entries(declared.headers)) {
    if (h.required && headers[name.toLowerCase()] === undefined) out.push(`response header ${name} is required but absent`);
  }
  const declaredMedia = Object.keys(declared.content);
  if (!raw.length) {
    if (declaredMedia.length && status !== 204 && status !== 304) out.push(`response ${status} has no body (expected ${declaredMedia.join(', ')})`);
    return out;
  }
  if (!declaredMedia.length) return out;
  const media = mediaTypeOf(headers['content-type']);
  const type = declaredMediaFor(declaredMedia, media);
  if (!type) {
    out.push(`response content type ${media || '(none)'} is not one of ${declaredMedia.join(', ')}`);
    return out;
  }
  if (isJsonMedia(type)) {
    if (!body.json) return [...out, 'response body is not valid JSON'];
    const validate = SpecValidators.of(spec).for(op).response(key, type);
    if (validate) out.push(...describe('response', validate(body.value)));
  }
  return out;
}

// ---------------------------------------------------------------- the scenario

const KEPT_RESPONSE_HEADERS = /^(content-type|retry-after|x-ratelimit-.*|ratelimit(-.*)?|x-rate-limit-.*)$/;

function scenarioName(file: string): string {
  const base = path
    .basename(file)
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 100);
  return base || 'recorded';
}

const timestamp = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');

/** The upstream as safe to print: no userinfo, no query. */
function safeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

interface Skipped {
  /** Index of the rule it would have preceded. */
  before: number;
  text: string;
}

function toRule(x: RecordedExchange, spec: Spec): { rule?: ScenarioRule; skip?: string } {
  const label = `${x.method} ${x.url.split('?')[0]} → ${x.status}`;
  if (!x.operation) return { skip: `left out: ${label} matches no operation of the ${spec.name} spec` };
  const op = spec.operations.get(x.operation)!;
  if (!responseFor(op, x.status)) return { skip: `left out: ${label} (${op.id}): status ${x.status} is not documented for ${op.id}` };
  const match: NonNullable<ScenarioRule['match']> = { operation: op.id, method: x.method as never };
  if (Object.keys(x.pathParams).length) match.path = { ...x.pathParams };
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(x.query)) if (!isSecretName(k) && !Array.isArray(v)) query[k] = v;
  if (Object.keys(query).length) match.query = query;
  if (x.requestBody !== null && typeof x.requestBody === 'object' && !Array.isArray(x.requestBody)) {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x.requestBody)) {
      // Only top-level scalars: precise enough to tell requests apart, short enough to read. Secrets are never matched on.
      if (k.includes('.') || isSecretName(k) || v === REDACTED) continue;
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) body[k] = v;
    }
    if (Object.keys(body).length) match.body = body;
  }
  const respond: NonNullable<ScenarioRule['respond']> = { status: x.status };
  if (Object.keys(x.headers).length) respond.headers = { ...x.headers };
  if (x.responseBody !== undefined) respond.body = x.responseBody;
  return { rule: { match, times: 1, respond } };
}

function renderScenario(options: { name: string; provider: string; upstream: URL; started: Date; exchanges: readonly RecordedExchange[]; spec: Spec }): {
  text: string;
  rules: number;
} {
  const rules: ScenarioRule[] = [];
  const skipped: Skipped[] = [];
  for (const x of options.exchanges) {
    const { rule, skip } = toRule(x, options.spec);
    if (rule) rules.push(rule);
    else skipped.push({ before: rules.length, text: skip! });
  }
  const violations = options.exchanges.filter((x) => x.violations.length).length;
  const doc = new Document({
    name: options.name,
    provider: options.provider,
    description: `Recorded from ${safeUrl(options.upstream)} on ${options.started.toISOString()}: ${options.exchanges.length} exchanges, ${rules.length} rules, ${violations} with spec violations. Secrets are redacted.`,
    rules,
  });
  doc.commentBefore = ` collections-mock record --provider ${options.provider}: replay with X-Mock-Scenario: ${options.name} (each rule fires once, in order)`;
  const seq = doc.get('rules', true);
  if (isSeq(seq)) {
    const items = (seq as YAMLSeq).items;
    const trailing: string[] = [];
    for (const s of skipped) {
      const item = items[s.before];
      if (item && isMap(item)) {
        const map = item as YAMLMap;
        map.commentBefore = [map.commentBefore, ` ${s.text}`].filter(Boolean).join('\n');
      } else trailing.push(` ${s.text}`);
    }
    if (trailing.length) doc.comment = trailing.join('\n');
  }
  return { text: doc.toString({ lineWidth: 0 }), rules: rules.length };
}

// ---------------------------------------------------------------- the recorder

interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  rawHeaders: string[];
}

/** One rule as an item of the file's `rules:` list (a sequence entry may stand at its key's indentation). */
const ruleItem = (rule: ScenarioRule): string => new Document([rule]).toString({ lineWidth: 0 });

export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const { provider, log } = options;
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
    if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new Error(`upstream must be an http(s) URL, got "${options.upstream}"`);
  }
  const spec = loadSpec(shippedSpecFile(provider), provider);
  const lenient = spec.router.withTrailingSlashIgnored();
  const started = new Date();
  const out = options.out ?? `recorded-${provider}-${timestamp(started)}.yaml`;
  const name = options.name ?? scenarioName(out);
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(name)) throw new Error(`scenario name "${name}" must be lower case letters, digits, '.', '_' or '-'`);
  const unwritable = whyNotWritable(out, { replaced: true });
  if (unwritable) throw new Error(`cannot write the scenario file ${out}: ${unwritable}`);

  const client = upstream.protocol === 'https:' ? https : http;
  const agent = new client.Agent({ keepAlive: true });
  const basePath = upstream.pathname.replace(/\/+$/, '');
  const secrets = new Set<string>();
  for (const s of [upstream.username, upstream.password]) if (s) secrets.add(decodeURIComponent(s));
  const exchanges: RecordedExchange[] = [];
  const pending = new Set<Promise<void>>();
  let seq = 0;
  let cutOff = false;

  const forward = (req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> =>
    new Promise((resolve, reject) => {
      const target = new URL(upstream.href);
      const incoming = new URL(req.url ?? '/', 'http://recorder.local');
      target.pathname = `${basePath}${incoming.pathname}`;
      target.search = incoming.search;
      const headers = withoutHopByHop(req.headers);
      delete headers.host;
      if (body.length || headers['content-length'] !== undefined) headers['content-length'] = String(body.length);
      if (!headers.authorization && upstream.username) {
        headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(upstream.username)}:${decodeURIComponent(upstream.password)}`).toString('base64')}`;
      }
      const up = client.request(target, { method: req.method, headers, agent }, (upRes) => {
        readAll(upRes).then((raw) => resolve({ status: upRes.statusCode ?? 502, headers: upRes.headers, raw, rawHeaders: upRes.rawHeaders }), reject);
      });
      up.on('error', reject);
      up.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const n = ++seq;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const requestRaw = await readAll(req);
    for (const [k, v] of Object.entries(req.headers)) if (secretHeader(k)) headerSecrets(v, secrets);
    let answer;
    try {
      answer = await forward(req, requestRaw);
    } catch (err) {
      // Cut off by close(), which has said so: the upstream was not at fault.
      if (!cutOff) log.warn({ method, url, err: (err as Error).message }, `upstream unreachable for ${method} ${url}: ${(err as Error).message}`);
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'bad_gateway', message: `collections-mock record: the upstream did not answer: ${(err as Error).message}` }));
      }
      return;
    }
    // Judged, and in the file, before the client has its answer: whatever a client saw is recorded, even if the recorder dies the next moment.
    try {
      judgeAndRecord(n, method, url, req, requestRaw, answer);
    } catch (err) {
      log.warn({ method, url, err: (err as Error).message }, `could not record ${method} ${url}: ${(err as Error).message}`);
    }
    // Relayed as received: status, headers (less hop-by-hop ones), body bytes.
    const relayed = withoutHopByHop(answer.headers);
    relayed['content-length'] = String(answer.raw.length);
    if (method === 'HEAD' && answer.headers['content-length'] !== undefined) relayed['content-length'] = answer.headers['content-length'];
    res.writeHead(answer.status, relayed);
    res.end(answer.raw);
  };

  /** The exchange checked against the spec (each violation logged), kept, and added to the file. */
  const judgeAndRecord = (n: number, method: string, url: string, req: IncomingMessage, requestRaw: Buffer, answer: UpstreamAnswer): void => {
    const parsedUrl = new URL(url, 'http://recorder.local');
    const query = queryObject(parsedUrl.searchParams);
    const reqBody = parseBody(requestRaw, req.headers['content-type']);
    let resRaw = answer.raw;
    try {
      resRaw = decode(answer.raw, answer.headers['content-encoding'] as string | undefined);
    } catch {
      /* recorded as it came */
    }
    const resBody = parseBody(resRaw, answer.headers['content-type']);
    let route = spec.router.match(method, parsedUrl.pathname);
    if (route.kind !== 'match') {
      const again = lenient.match(method, parsedUrl.pathname);
      if (again.kind === 'match') route = again;
    }
    const violations: string[] = [];
    let op: Operation | undefined;
    if (route.kind === 'match') {
      op = route.op;
      violations.push(...checkRequest(spec, op, route.params, query, req.headers, req.headers['content-type'], requestRaw, reqBody));
      violations.push(...checkResponse(spec, op, answer.status, answer.headers, resBody, resRaw));
    } else {
      violations.push(
        route.kind === 'method_not_allowed'
          ? `${method} is not an operation of ${parsedUrl.pathname} (the spec has ${route.allowed.join(', ')})`
          : `no operation of the ${provider} spec matches ${parsedUrl.pathname}`,
      );
    }
    for (const v of violations)
      log.warn(
        { operation: op?.id ?? null, method, path: parsedUrl.pathname, status: answer.status, violation: v },
        `spec violation: ${op?.id ?? `${method} ${parsedUrl.pathname}`} → ${answer.status}: ${v}`,
      );
    // Secrets the exchange carried (a minted key in a response, a password in a request) are scrubbed from everything recorded, before and after.
    collectSecrets(reqBody.value, secrets);
    collectSecrets(resBody.value, secrets);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(answer.headers)) {
      if (v === undefined || !KEPT_RESPONSE_HEADERS.test(k) || secretHeader(k)) continue;
      headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const exchange: RecordedExchange = {
      seq: n,
      method,
      url,
      ...(op ? { operation: op.id } : {}),
      pathParams: route.kind === 'match' ? route.params : {},
      query,
      ...(reqBody.value !== undefined ? { requestBody: reqBody.value } : {}),
      status: answer.status,
      headers,
      ...(resBody.value !== undefined && method !== 'HEAD' ? { responseBody: resBody.value } : {}),
      violations,
    };
    exchanges.push(exchange);
    save(exchange);
  };

  const server = http.createServer((req, res) => {
    const p = handle(req, res).catch((err: unknown) => {
      if (!cutOff) log.warn({ err: (err as Error).message }, `recorder failed on ${req.method} ${req.url}: ${(err as Error).message}`);
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'bad_gateway', message: (err as Error).message }));
      } else res.destroy();
    });
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const redactedOne = (x: RecordedExchange): RecordedExchange => ({
    ...x,
    url: scrub(x.url, secrets),
    pathParams: redact(x.pathParams, secrets) as Record<string, string>,
    query: redact(x.query, secrets) as Record<string, string | string[]>,
    ...(x.requestBody !== undefined ? { requestBody: redact(x.requestBody, secrets) } : {}),
    headers: redact(x.headers, secrets) as Record<string, string>,
    ...(x.responseBody !== undefined ? { responseBody: redact(x.responseBody, secrets) } : {}),
  });
  const redacted = (): RecordedExchange[] => [...exchanges].sort((a, b) => a.seq - b.seq).map(redactedOne);

  /**
   * The file while recording: a header, then per exchange its rule (or a
   * comment saying why it was left out), appended, so an exchange costs the
   * rendering of its own rule only. Redacted with the secrets known so far;
   * close() writes the file whole, in request order, with the counts, and
   * scrubs every secret seen.
   */
  const headerDoc = new Document({
    name,
    provider,
    description: `Recorded from ${safeUrl(upstream)} since ${started.toISOString()}, still recording (the counts are written when the recorder stops). Secrets are redacted.`,
  });
  headerDoc.commentBefore = ` collections-mock record --provider ${provider}: replay with X-Mock-Scenario: ${name} (each rule fires once, in order)`;
  const header = `${headerDoc.toString({ lineWidth: 0 })}rules:\n`;
  const pieces: string[] = [];
  let rulesSoFar = 0;
  /** The file holds the header and every piece: the next one is appended; otherwise it is written whole. */
  let onDisk = false;
  let saveFailed = false;
  const save = (x: RecordedExchange): void => {
    const { rule, skip } = toRule(redactedOne(x), spec);
    const piece = rule ? ruleItem(rule) : `# ${skip}\n`;
    pieces.push(piece);
    if (rule) rulesSoFar++;
    if (!rulesSoFar) return; // as at close: no file without a rule
    try {
      if (onDisk) appendFileSync(out, piece);
      else writeAtomic(out, header + pieces.join(''));
      onDisk = true;
      if (saveFailed) log.info({ file: out }, `writing ${out} works again`);
      saveFailed = false;
    } catch (err) {
      onDisk = false;
      // Said once per run of failures: the exchanges stay in memory, and close() writes them.
      if (!saveFailed)
        log.warn({ file: out, err: (err as Error).message }, `cannot write ${out}: ${(err as Error).message}; the exchanges are kept and written at close`);
      saveFailed = true;
    }
  };
  /** The whole file, from every exchange; the rules written, 0 (and no file) when none could be. */
  const write = (): number => {
    const { text, rules } = renderScenario({ name, provider, upstream, started, exchanges: redacted(), spec });
    if (rules) writeAtomic(out, text);
    return rules;
  };
  const graceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;

  let closing: Promise<{ file: string | null; exchanges: number }> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    get exchanges() {
      return redacted();
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // An exchange can hang (an upstream that never answers, a client that never finishes its body): it gets a grace period, then is cut off.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...pending]), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
        if (pending.size)
          log.warn(
            { exchanges: pending.size },
            pending.size === 1
              ? '1 exchange still under way is cut off and not recorded'
              : `${pending.size} exchanges still under way are cut off and not recorded`,
          );
        cutOff = true;
        server.closeAllConnections();
        agent.destroy();
        await Promise.allSettled([...pending]);
        await stopped;
        const count = exchanges.length;
        const rules = write();
        if (!rules) {
          log.warn({ exchanges: count }, `nothing to write: none of the ${count} exchanges can be a scenario rule`);
          return { file: null, exchanges: count };
        }
        log.info(
          { file: out, exchanges: count, rules },
          `wrote ${out}: ${rules} rule${rules === 1 ? '' : 's'} from ${count} exchange${count === 1 ? '' : 's'}`,
        );
        return { file: out, exchanges: count };
      })();
      return closing;
    },
  };
}
