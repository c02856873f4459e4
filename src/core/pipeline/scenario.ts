/**
 * The scenario stage: Prism's Prefer header, then the active scenarios, may
 * answer instead of the handler: a reply (sent through the self-check like
 * the handler's), a fault (the stage answers, or drops the connection,
 * itself), a delay, or a cut of a stream of events.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { MockError, type MockErrorKind } from '../errors.js';
import { isJsonMedia } from '../body.js';
import { declaredResponse, responseFor, type Operation } from '../spec.js';
import { withHeaders, type Reply } from '../provider.js';
import { lowestSuccess, parsePrefer, specExample, type Fault, type ScenarioRule } from '../scenarios.js';
import type { Exchange, Mount } from './context.js';
import type { ScenarioRegistry } from '../scenarios.js';
import { renderError } from './handle.js';
import { send, writeHead } from './send.js';

/** What the stage returns when it has answered itself (or the client is gone): nothing is left to send. */
export const ANSWERED = Symbol('collections-mock.answered');

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
const ALL_KINDS: MockErrorKind[] = [
  'validation',
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'method_not_allowed',
  'unsupported_media_type',
  'unprocessable',
  'internal',
];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A reply about the mock itself (an unknown scenario, an undocumented Prefer code): plain JSON, outside any spec. */
export function mockProblem(res: ServerResponse, status: number, message: string): void {
  send(res, { status, headers: { 'x-mock-error': 'scenario' }, body: { error: `collections-mock: ${message}` } });
}

/** The provider's own envelope for a status: the kind that renders as that status, else the spec's example. */
export function envelopeFor(mount: Mount, x: Exchange, status: number, message?: string): Reply {
  const text = message ?? STATUS_CODES[status] ?? 'Error';
  const first = KIND_FOR_STATUS[status];
  for (const kind of first ? [first, ...ALL_KINDS.filter((k) => k !== first)] : ALL_KINDS) {
    const headers: Record<string, string> = kind === 'rate_limited' ? { 'retry-after': '1' } : {};
    const reply = renderError(mount, x, new MockError(kind, text, { headers }));
    if (reply.status === status) return reply;
  }
  const ex = specExample(x.op!, status);
  return ex.found ? { status, body: ex.value, ...(ex.mediaType ? { contentType: ex.mediaType } : {}) } : { status, body: { error: text } };
}

/** What a scenario's `respond` sends: its body, a named example, the provider's envelope (errors) or the spec's example. */
export function scenarioReply(mount: Mount, x: Exchange, respond: NonNullable<ScenarioRule['respond']>): Reply {
  const op = x.op!;
  const headers = Object.fromEntries(Object.entries(respond.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const contentType = headers['content-type'];
  let reply: Reply;
  if ('body' in respond) reply = { status: respond.status, body: respond.body, ...(contentType ? { contentType } : {}) };
  else if (respond.example !== undefined || respond.status < 400) {
    const ex = specExample(op, respond.status, respond.example);
    reply = ex.found ? { status: respond.status, body: ex.value, ...(ex.mediaType ? { contentType: ex.mediaType } : {}) } : { status: respond.status };
  } else reply = envelopeFor(mount, x, respond.status, respond.message);
  return withHeaders(reply, undefined, headers);
}

/** A fault: the connection reset or ended without a reply, broken JSON, or no answer at all (held until shutdown). */
export function fault(mount: Mount, x: Exchange, kind: Fault, status: number): void {
  const socket = x.req.socket;
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
      writeHead(x.res, status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      x.res.end(body);
      return;
    }
    case 'timeout':
      mount.options.onHold?.(x.res);
      return;
  }
}

/**
 * A body generated from the response schema (Prism's `dynamic=true`) with
 * json-schema-faker, seeded from the mock's id source (so `--seed` repeats
 * it); the first of a few tries that passes the self-check, else none.
 */
async function dynamicBody(mount: Mount, op: Operation, status: number): Promise<{ body: unknown; mediaType: string } | undefined> {
  const declared = declaredResponse(op, status);
  const entry = declared && Object.entries(declared.response.content).find(([type, m]) => isJsonMedia(type) && m.schema !== undefined);
  if (!declared || !entry) return undefined;
  const [mediaType, media] = entry;
  const validate = mount.validators.for(op).response(declared.key, mediaType);
  const { generateSync } = await import('json-schema-faker');
  const schema = { ...(media.schema as Record<string, unknown>), components: mount.spec.doc.components };
  for (let i = 0; i < 5; i++) {
    const body = generateSync(schema, { seed: Math.floor(mount.env.ids.random() * 2 ** 31), maxDefaultItems: 3, maxLength: 60 });
    if (!validate || validate(body).length === 0) return { body, mediaType };
  }
  return undefined;
}

/** Prism's Prefer header: a documented status, a named example, or a body generated from the schema. */
async function preferred(mount: Mount, x: Exchange, header: string): Promise<Reply | typeof ANSWERED | undefined> {
  const prefer = parsePrefer(header);
  if (!prefer) return undefined;
  const op = x.op!;
  if (x.entry) x.entry.prefer = header;
  const status = prefer.code ?? lowestSuccess(op);
  if (status === undefined || !responseFor(op, status)) {
    mockProblem(x.res, 422, `${op.id} documents no response ${status ?? '2xx'} (Prefer: ${header})`);
    return ANSWERED;
  }
  if (prefer.example !== undefined) {
    const ex = specExample(op, status, prefer.example);
    if (!ex.found) {
      mockProblem(x.res, 422, `${op.id} has no example "${prefer.example}" for status ${status}`);
      return ANSWERED;
    }
    return { status, body: ex.value, ...(ex.mediaType ? { contentType: ex.mediaType } : {}) };
  }
  if (prefer.dynamic) {
    const generated = await dynamicBody(mount, op, status);
    if (generated) return { status, body: generated.body, contentType: generated.mediaType };
  }
  return scenarioReply(mount, x, { status });
}

/**
 * The reply a scenario gives instead of the handler; ANSWERED when it has
 * answered itself (a fault, a problem with the request's scenarios) or the
 * client went away during its delay; undefined when the handler answers
 * (after the scenarios' delays, with a stream cut noted on the exchange).
 */
export function scenario(mount: Mount, x: Exchange): Promise<Reply | typeof ANSWERED | undefined> | undefined {
  const registry = mount.options.scenarios;
  // The mock's own requests (fixtures) are never answered by a scenario.
  if (!registry || x.view.internal) return undefined;
  // Most requests name no scenario and meet no activation: nothing to look at, nothing to wait for.
  if (!x.view.headers.prefer && !x.view.headers['x-mock-scenario'] && !registry.hasActivations(mount.provider.name)) return undefined;
  return scenarioAnswer(mount, x, registry);
}

async function scenarioAnswer(mount: Mount, x: Exchange, registry: ScenarioRegistry): Promise<Reply | typeof ANSWERED | undefined> {
  const { provider, env } = mount;
  const preferHeader = x.view.headers.prefer;
  const scenarioHeader = x.view.headers['x-mock-scenario'];
  if (preferHeader) {
    const answer = await preferred(mount, x, preferHeader);
    if (answer !== undefined) return answer;
  }
  const op = x.op!;
  const names = (scenarioHeader ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const tenant = x.auth!.tenant;
  const fromHeader = registry.fromHeader(provider.name, tenant, names);
  if (fromHeader.unknown.length) {
    const known = registry.list(provider.name).map((s) => s.name);
    mockProblem(x.res, 400, `unknown scenario ${fromHeader.unknown.join(', ')} for ${provider.name}; known: ${known.join(', ') || 'none'}`);
    return ANSWERED;
  }
  const facts = { method: x.method, path: x.params, query: x.request.query, body: x.request.body };
  const { delays, answer, stream } = registry.fire(registry.candidates(provider.name, tenant, fromHeader.activations), { op, ...facts });
  if (stream && !answer) x.cut = stream.rule.stream!;
  const last = answer ?? stream ?? delays[delays.length - 1];
  if (!last) return undefined;
  if (x.entry) x.entry.scenario = { name: last.activation.scenario.name, rule: last.index + 1, activation: last.activation.id };
  let wait = 0;
  for (const { rule: r } of [...delays, ...(answer ? [answer] : [])]) {
    const d = r.delay;
    if (d !== undefined) wait += typeof d === 'number' ? d : d.min + Math.floor(env.ids.random() * (d.max - d.min + 1));
  }
  if (wait > 0) {
    await sleep(wait);
    if (x.res.destroyed) return ANSWERED;
  }
  if (!answer) return undefined;
  const { rule } = answer;
  if (rule.fault) {
    if (x.entry) x.entry.fault = rule.fault;
    fault(mount, x, rule.fault, rule.respond?.status ?? 200);
    return ANSWERED;
  }
  if (rule.respond) return scenarioReply(mount, x, rule.respond);
  return undefined;
}
