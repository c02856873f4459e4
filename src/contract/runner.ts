/**
 * Runs one provider's flow against a base URL, applies the checks to every
 * exchange as it happens, and always cleans up what the flow created.
 */
import { randomBytes } from 'node:crypto';
import { escapeRegExp, loadSpec, shippedSpecFile, type Operation, type Spec } from '../core/spec.js';
import { createIdSource } from '../core/ids.js';
import { CHECK_NAMES, CHECKS, statelessOverride, type CheckName, type Exchange, type ExchangeRequest } from './checks.js';
import { FlowAborted, type Call, type Credential, type FlowContext, type ProviderFlow } from './flow.js';
import { FUZZ_CHECKS, pool, streamFuzz, type FuzzPools, type FuzzRequest } from './fuzz.js';
import { airweaveFlow } from './flows/airweave.js';
import { ctxfyFlow } from './flows/ctxfy.js';
import { mixpeekFlow } from './flows/mixpeek.js';
import { xaiFlow } from './flows/xai.js';
import { FLOW_PROVIDERS, type FlowProvider } from './names.js';

export const FLOWS: Record<string, ProviderFlow> = { xai: xaiFlow, airweave: airweaveFlow, mixpeek: mixpeekFlow, ctxfy: ctxfyFlow } satisfies Record<
  FlowProvider,
  ProviderFlow
>;
export { FLOW_PROVIDERS };

export interface ContractOptions {
  provider: string;
  /** The provider's base, e.g. http://127.0.0.1:4010/ctxfy or https://api.ctxfy.com. */
  baseUrl: string;
  /**
   * xAI only: the base of the Files API and document search when it is another host than `baseUrl`
   * (the vendor: `https://api.x.ai` beside `https://management-api.x.ai`).
   * Default: `baseUrl` (the mock serves both under one prefix).
   */
  apiBaseUrl?: string;
  apiKey?: string;
  /** xAI's management key (collections); the API key serves the Files API and search. */
  managementKey?: string;
  checks?: readonly CheckName[];
  namespace?: string;
  seed?: string;
  /**
   * The server keeps no state (Prism, or any mock that answers from examples):
   * behavioural checks are reported not applicable, purposely invalid requests
   * are judged only by not_a_server_error (see `statelessOverride`), and flows
   * do not wait for state to change (e.g. a task to complete).
   */
  stateless?: boolean;
  /**
   * The target is the real vendor: operations it does not serve are not sent,
   * and every check on them is reported not applicable with the reason
   * `mock-only operation` (marked `x-mock-extension: true` in the spec, or
   * listed by the flow) or `legacy operation` (the vendor's earlier API, which it
   * no longer serves; the mock still does). Fuzzing skips them too.
   */
  live?: boolean;
  fetch?: typeof fetch;
  /**
   * Also send this many generated requests per operation (valid and invalid,
   * see fuzz.ts), at the flow's checkpoint; reproducible with `seed`.
   */
  fuzz?: number;
  /** Fuzzed requests in flight at once (default 8). */
  fuzzConcurrency?: number;
  /** Called with the fuzz requests once they have been sent, in the order they were planned (tests compare plans). */
  onFuzzPlan?: (requests: readonly FuzzRequest[], inputs: { seed: string; pools: FuzzPools }) => void;
}

/** What a fuzzing run did. */
export interface FuzzStats {
  /** The seed the requests were derived from (given, or drawn and reported so the run can be repeated). */
  seed: string;
  perOperation: number;
  operations: number;
  requests: number;
  valid: number;
  invalid: number;
  /** Requests whose check failed. */
  failedRequests: number;
  skipped: { operationId: string; reason: string }[];
  unbreakable: number;
  ungenerated: number;
  ms: number;
}

export type Outcome = 'passed' | 'failed' | 'not_applicable';

export interface Result {
  /** A check, or `flow` when the flow itself could not go on (then the checks after it never ran). */
  check: CheckName | 'flow';
  operationId: string;
  step: string;
  outcome: Outcome;
  /** Why a check did not apply, when it says. */
  reason?: string;
  expected?: string;
  received?: string;
  curl: string;
  /** A fuzz result stands for many requests: how many, how many failed, and the first failures. */
  fuzz?: { requests: number; failed: number; examples: { step: string; received: string; curl: string }[] };
}

export interface Report {
  provider: string;
  baseUrl: string;
  /** The second host's base, when the run had one (`apiBaseUrl`). */
  apiBaseUrl?: string;
  runPrefix: string;
  /** The run was told the target is the real vendor (`live`). */
  live: boolean;
  /** The run was told the server keeps no state (`stateless`). */
  stateless: boolean;
  results: Result[];
  passed: number;
  failed: number;
  notApplicable: number;
  /** Clean-up requests that did not succeed (the resources may remain). */
  cleanupFailures: string[];
  fuzz?: FuzzStats;
}

export const MOCK_ONLY_REASON = 'mock-only operation';
export const LEGACY_ONLY_REASON = 'legacy operation';

/** Why a run against the vendor must not send this operation, or undefined. */
export function liveSkipReason(flow: ProviderFlow, op: Operation): string | undefined {
  if (op.raw['x-mock-extension'] === true || flow.mockOnly?.includes(op.id)) return MOCK_ONLY_REASON;
  if (flow.legacyOnly?.includes(op.id)) return LEGACY_ONLY_REASON;
  return undefined;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl line that sends the same request; credentials appear as environment references. */
export function curlLine(req: ExchangeRequest, credential?: Credential): string {
  const parts = ['curl', '-sS', '-X', req.method, shellQuote(req.url)];
  for (const [name, value] of Object.entries(req.headers)) {
    if (credential && name.toLowerCase() === credential.header.toLowerCase() && value === credential.value) {
      parts.push('-H', `"${name}: ${credential.curl}"`);
    } else if (!(req.form && name.toLowerCase() === 'content-type')) {
      parts.push('-H', shellQuote(`${name}: ${value}`));
    }
  }
  let stdin: string | undefined;
  if (req.form) {
    for (const [field, part] of Object.entries(req.form)) {
      if (typeof part === 'string') {
        // Literally: with -F a value starting with @ or < would name a file to read.
        parts.push('--form-string', shellQuote(`${field}=${part}`));
      } else {
        // The file's bytes travel on stdin, so the line needs no file on disk.
        stdin = part.content;
        parts.push('-F', shellQuote(`${field}=@-;filename=${part.filename};type=${part.type}`));
      }
    }
  } else if (req.body !== undefined) {
    parts.push('--data-raw', shellQuote(req.body));
  }
  return (stdin !== undefined ? `printf %s ${shellQuote(stdin)} | ` : '') + parts.join(' ');
}

/** A request that got no reply at all (nothing listening, an unknown host, a connection cut): its step, and the request to reproduce it. */
export class NoReply extends Error {
  constructor(
    readonly step: string,
    readonly operationId: string,
    readonly request: ExchangeRequest,
    readonly credential: Credential | undefined,
    readonly reason: string,
  ) {
    super(`${reason}: ${request.method} ${request.url}`);
    this.name = 'NoReply';
  }
}

/** Why fetch got no reply, in a few words: Node's fetch only says "fetch failed", the reason is in its cause. */
export function noReplyReason(err: unknown): string {
  const cause = ((err as { cause?: unknown } | null)?.cause ?? err) as (NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] }) | null;
  // Connecting to a name with several addresses fails with one error per address.
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection closed before the reply';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    default:
      return cause?.message || String(err);
  }
}

function buildPath(op: Operation, params: Record<string, string> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`${op.id}: no value for path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

export async function runContract(options: ContractOptions): Promise<Report> {
  const flow = FLOWS[options.provider];
  if (!flow) throw new Error(`no contract flow for provider "${options.provider}"; available: ${FLOW_PROVIDERS.join(', ')}`);
  const spec: Spec = loadSpec(shippedSpecFile(options.provider), options.provider);
  const doFetch = options.fetch ?? fetch;
  const ids = createIdSource(options.seed);
  const random = () => ids.random();
  const token = (length = 8) => ids.chars(length, '0123456789abcdefghijklmnopqrstuvwxyz');
  // The prefix stays unique even with a seed: two seeded runs against one account must not collide.
  const runPrefix = `cm-contract-${token(6)}${options.seed !== undefined ? randomBytes(2).toString('hex') : ''}`;
  const credentials = flow.credentials({
    prefix: runPrefix,
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.managementKey !== undefined ? { managementKey: options.managementKey } : {}),
  });
  const checks = (options.checks ?? CHECK_NAMES).filter((c) => CHECK_NAMES.includes(c));
  const base = options.baseUrl.replace(/\/+$/, '');
  const apiBase = options.apiBaseUrl?.replace(/\/+$/, '');
  const live = options.live === true;
  const stateless = options.stateless === true;
  const results: Result[] = [];
  const cleanupFailures: string[] = [];
  /** Requests that got a reply: none at all means the server is not there, which is one error, not a report of failed checks. */
  let answered = 0;
  let unreachable: NoReply | undefined;

  const fuzzN = options.fuzz ?? 0;
  // Drawn now, so that any failure of the run can name the command that repeats it.
  const fuzzSeed = fuzzN > 0 ? (options.seed ?? randomBytes(4).toString('hex')) : undefined;
  /** The command that runs this contract again (the same fuzzed requests too), for failures that are not one request's; keys as environment references. */
  const envName = options.provider.toUpperCase();
  const replay = [
    'collections-mock contract',
    `--provider ${options.provider}`,
    `--base-url ${shellQuote(base)}`,
    ...(apiBase !== undefined ? [`--api-base-url ${shellQuote(apiBase)}`] : []),
    ...(options.apiKey !== undefined ? [`--api-key "$${envName}_API_KEY"`] : []),
    ...(options.managementKey !== undefined ? [`--management-key "$${envName}_MANAGEMENT_API_KEY"`] : []),
    ...(options.namespace !== undefined ? [`--namespace ${shellQuote(options.namespace)}`] : []),
    ...(live ? ['--live'] : []),
    ...(stateless ? ['--stateless'] : []),
    ...(fuzzSeed !== undefined ? [`--fuzz ${fuzzN} --seed ${shellQuote(fuzzSeed)}`] : options.seed !== undefined ? [`--seed ${shellQuote(options.seed)}`] : []),
  ].join(' ');

  /** The request a call makes: its operation, URL, headers and body, and the credential it carries. */
  const prepare = (c: Call) => {
    const op = spec.operations.get(c.operationId);
    if (!op) throw new Error(`${flow.provider} flow: ${c.operationId} is not an operation of the spec`);
    let url = (apiBase !== undefined && flow.onApiHost?.(op) ? apiBase : base) + buildPath(op, c.path);
    if (c.query && Object.keys(c.query).length) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(c.query)) for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
      url += `?${qs.toString()}`;
    }
    const headers: Record<string, string> = {};
    let credential: Credential | undefined;
    const auth = c.auth ?? 'default';
    if (typeof auth === 'string') {
      credential = credentials[auth];
      if (!credential) throw new Error(`${flow.provider} flow: no credential "${auth}"`);
      headers[credential.header] = credential.value;
    } else if ('malformed' in auth) {
      headers[flow.malformed.header] = flow.malformed.value;
    }
    if (options.namespace !== undefined) headers['X-Namespace'] = options.namespace;
    Object.assign(headers, c.headers);
    let body: RequestInit['body'] | undefined;
    const request: ExchangeRequest = { method: op.method, url, headers };
    if (c.json !== undefined) {
      headers['content-type'] = 'application/json';
      request.body = JSON.stringify(c.json);
      body = request.body;
    } else if (c.raw) {
      headers['content-type'] = c.raw.contentType;
      request.body = c.raw.text;
      body = c.raw.text;
    } else if (c.form) {
      const form = new FormData();
      for (const [field, part] of Object.entries(c.form)) {
        if (typeof part === 'string') form.append(field, part);
        else form.append(field, new Blob([part.content], { type: part.type }), part.filename);
      }
      request.form = c.form;
      body = form;
    }
    return { op, url, headers, body, request, credential };
  };

  /** A curl line for a call, also when it could not be sent (then as far as it can be made, else the command that repeats the run): never empty. */
  const curlOf = (c: Call): string => {
    try {
      const { request, credential } = prepare(c);
      return curlLine(request, credential);
    } catch {
      return replay;
    }
  };

  const send = async (c: Call): Promise<{ exchange: Exchange; op: Operation; credential?: Credential }> => {
    const { op, url, headers, body, request, credential } = prepare(c);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { method: op.method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' });
      text = await res.text();
    } catch (err) {
      throw new NoReply(c.step, op.id, request, credential, noReplyReason(err));
    }
    answered++;
    const resHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      resHeaders[k.toLowerCase()] = v;
    });
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const exchange: Exchange = {
      operationId: op.id,
      step: c.step,
      request,
      response: { status: res.status, headers: resHeaders, text, ...(json !== undefined ? { json } : {}) },
      ...(c.intent ? { intent: c.intent } : {}),
    };
    return { exchange, op, ...(credential ? { credential } : {}) };
  };

  // What the flow used successfully, for the fuzzer's path ids, query values, headers and credentials.
  const pools: FuzzPools = { path: {}, query: {}, headers: {}, auth: {} };
  const harvest = (c: Call, op: Operation, status: number) => {
    if (status < 200 || status >= 300) return;
    if (typeof c.auth === 'string' || c.auth === undefined) pools.auth[op.id] ??= c.auth ?? 'default';
    for (const [k, v] of Object.entries(c.headers ?? {})) pools.headers[k.toLowerCase()] = v;
    const entries = Object.entries(c.path ?? {});
    if (op.method === 'DELETE') {
      // The deleted resource is gone: its id no longer serves.
      const [name, value] = entries.at(-1) ?? [];
      if (name !== undefined && pools.path[name] === value) delete pools.path[name];
      return;
    }
    for (const [k, v] of entries) pools.path[k] = v;
    for (const [k, v] of Object.entries(c.query ?? {})) if (typeof v === 'string') (pools.query[op.id] ??= {})[k] = v;
  };

  const call = async (c: Call): Promise<Exchange> => {
    const skipOp = live ? spec.operations.get(c.operationId) : undefined;
    const skip = skipOp && liveSkipReason(flow, skipOp);
    if (skip) {
      // Not sent: the vendor does not serve it. The flow gets an empty answer (status 0).
      for (const name of checks) results.push({ check: name, operationId: c.operationId, step: c.step, outcome: 'not_applicable', reason: skip, curl: '' });
      // Nothing was sent: a flow that stops here is repeated by the whole command.
      lastCurl = replay;
      return {
        operationId: c.operationId,
        step: c.step,
        request: { method: skipOp.method, url: base + skipOp.path, headers: {} },
        response: { status: 0, headers: {}, text: '' },
      };
    }
    const { exchange, op, credential } = await send(c);
    harvest(c, op, exchange.response.status);
    const curl = curlLine(exchange.request, credential);
    for (const name of checks) {
      const r = (stateless ? statelessOverride(name, exchange, { spec, op }) : undefined) ?? CHECKS[name](exchange, { spec, op });
      results.push({
        check: name,
        operationId: op.id,
        step: c.step,
        outcome: r.outcome,
        ...(r.outcome === 'failed' ? { expected: r.expected, received: r.received } : {}),
        ...(r.outcome === 'not_applicable' && r.reason ? { reason: r.reason } : {}),
        curl,
      });
    }
    lastCurl = curl;
    return exchange;
  };
  let lastCurl = '';

  const deferred: { label: string; call: Omit<Call, 'step' | 'intent'>; live: boolean }[] = [];
  const ctx: FlowContext = {
    prefix: runPrefix,
    stateless,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    random,
    token,
    call,
    must: async (c) => {
      const ex = await call(c);
      const s = ex.response.status;
      if (s === 0)
        throw new FlowAborted(
          c.step,
          c.operationId,
          'an operation the vendor serves, to go on with the flow',
          'not sent against the vendor: it is a mock-only or legacy operation',
        );
      if (s < 200 || s >= 300) throw new FlowAborted(c.step, c.operationId, '2xx, to go on with the flow', `${s}: ${ex.response.text.slice(0, 200)}`);
      return ex;
    },
    defer: (label, c) => {
      const entry = { label, call: c, live: true };
      deferred.push(entry);
      return () => {
        entry.live = false;
      };
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    checkpoint: async () => {
      if (fuzzN > 0 && !fuzzed) await fuzz();
    },
  };

  let fuzzed = false;
  let fuzzStats: FuzzStats | undefined;
  /** Fuzzing that breaks off is a failure of its own; the flow goes on (its deletes, its checks after them). */
  const fuzz = async () => {
    try {
      await fuzzAll();
    } catch (err) {
      results.push({
        check: 'flow',
        operationId: '-',
        step: 'fuzz',
        outcome: 'failed',
        expected: 'the fuzzing to run to its end',
        received: (err as Error).message,
        curl: replay,
      });
    }
  };
  const fuzzAll = async () => {
    fuzzed = true;
    const started = performance.now();
    const seed = fuzzSeed!;
    // Loaded only when fuzzing: a plain run does not pay for it.
    const { generateSync } = await import('json-schema-faker');
    const exclude = new Map<string, string>();
    if (live)
      for (const op of spec.operations.values()) {
        const why = liveSkipReason(flow, op);
        if (why) exclude.set(op.id, why);
      }
    const inputs = { seed, pools: structuredClone(pools) };
    // Planned as they are sent: the event loop turns between requests, so a connection the server closed while idle is seen closed before it is used again.
    const plan = streamFuzz({ spec, n: fuzzN, seed, pools, exclude, generate: generateSync as (s: unknown, o: Record<string, unknown>) => unknown });
    const sent: FuzzRequest[] = [];
    interface Tally {
      operationId: string;
      check: CheckName;
      requests: number;
      passed: number;
      failed: number;
      na: number;
      reason?: string;
      first?: { step: string; expected: string; received: string; curl: string };
      examples: { step: string; received: string; curl: string }[];
    }
    const tallies = new Map<string, Tally>();
    let failedRequests = 0;
    await pool(plan.requests, options.fuzzConcurrency ?? 8, async (req) => {
      sent.push(req);
      let answer;
      try {
        answer = await send(req.call);
      } catch (err) {
        const t = tallyOf(req.operationId, 'not_a_server_error');
        t.requests++;
        t.failed++;
        failedRequests++;
        const received = err instanceof NoReply ? `no reply: ${err.message}` : `not sent: ${(err as Error).message}`;
        const curl = err instanceof NoReply ? curlLine(err.request, err.credential) : curlOf(req.call);
        t.first ??= { step: req.call.step, expected: 'a reply', received, curl };
        if (t.examples.length < 3) t.examples.push({ step: req.call.step, received, curl });
        return;
      }
      const { exchange, op, credential } = answer;
      const curl = curlLine(exchange.request, credential);
      let anyFailed = false;
      for (const name of FUZZ_CHECKS[req.kind].filter((c) => checks.includes(c))) {
        const r = (stateless ? statelessOverride(name, exchange, { spec, op }) : undefined) ?? CHECKS[name](exchange, { spec, op });
        const t = tallyOf(op.id, name);
        t.requests++;
        if (r.outcome === 'passed') t.passed++;
        else if (r.outcome === 'not_applicable') {
          t.na++;
          if (r.reason) t.reason ??= r.reason;
        } else {
          t.failed++;
          anyFailed = true;
          t.first ??= { step: req.call.step, expected: r.expected, received: r.received, curl };
          if (t.examples.length < 3) t.examples.push({ step: req.call.step, received: r.received, curl });
        }
      }
      if (anyFailed) failedRequests++;
      // A resource made by a valid create is deleted with the rest (best effort: the DELETE on the same path plus an id).
      const s = exchange.response.status;
      if (op.method === 'POST' && s >= 200 && s < 300 && exchange.response.json && typeof exchange.response.json === 'object') {
        const del = [...spec.operations.values()].find((o) => o.method === 'DELETE' && new RegExp(`^${escapeRegExp(op.path)}/\\{[^}/]+\\}$`).test(o.path));
        const param = del?.path.match(/\{([^}]+)\}$/)?.[1];
        if (del && param) {
          const json = exchange.response.json as Record<string, unknown>;
          const id = [param, 'id', param.replace(/_identifier$/, '_id'), param.replace(/Id$/, '_id')]
            .map((k) => json[k])
            .find((v) => typeof v === 'string' && v !== '');
          if (typeof id === 'string') {
            ctx.defer(`fuzzed ${op.id} ${id}`, {
              operationId: del.id,
              path: { ...req.call.path, [param]: id },
              ...(req.call.headers ? { headers: req.call.headers } : {}),
              ...(req.call.auth ? { auth: req.call.auth } : {}),
            });
          }
        }
      }
    });
    function tallyOf(operationId: string, check: CheckName): Tally {
      const key = `${operationId}\u0000${check}`;
      let t = tallies.get(key);
      if (!t) {
        t = { operationId, check, requests: 0, passed: 0, failed: 0, na: 0, examples: [] };
        tallies.set(key, t);
      }
      return t;
    }
    // One result per operation and check: the output stays readable at 200 requests per operation.
    for (const t of tallies.values()) {
      const fuzzInfo = { requests: t.requests, failed: t.failed, examples: t.examples };
      if (t.failed) {
        results.push({
          check: t.check,
          operationId: t.operationId,
          step: 'fuzz',
          outcome: 'failed',
          expected: t.first!.expected,
          received: `${t.failed} of ${t.requests} fuzzed requests; first, ${t.first!.step}: ${t.first!.received}`,
          curl: t.first!.curl,
          fuzz: fuzzInfo,
        });
      } else {
        results.push({
          check: t.check,
          operationId: t.operationId,
          step: 'fuzz',
          outcome: t.passed ? 'passed' : 'not_applicable',
          ...(t.passed ? {} : t.reason ? { reason: t.reason } : {}),
          curl: '',
          fuzz: fuzzInfo,
        });
      }
    }
    const ops = new Set(sent.map((r) => r.operationId));
    fuzzStats = {
      seed,
      perOperation: fuzzN,
      operations: ops.size,
      requests: sent.length,
      valid: sent.filter((r) => r.kind === 'valid').length,
      invalid: sent.filter((r) => r.kind === 'invalid').length,
      failedRequests,
      skipped: plan.skipped,
      unbreakable: plan.counts.unbreakable,
      ungenerated: plan.counts.ungenerated,
      ms: Math.round(performance.now() - started),
    };
    options.onFuzzPlan?.(sent, inputs);
  };

  try {
    try {
      await flow.run(ctx);
    } catch (err) {
      if (err instanceof FlowAborted) {
        results.push({
          check: 'flow',
          operationId: err.operationId,
          step: err.step,
          outcome: 'failed',
          expected: err.expected,
          received: err.received,
          curl: lastCurl || replay,
        });
      } else if (err instanceof NoReply) {
        if (answered === 0) unreachable = err;
        results.push({
          check: 'flow',
          operationId: err.operationId,
          step: err.step,
          outcome: 'failed',
          expected: 'a reply',
          received: err.message,
          curl: curlLine(err.request, err.credential),
        });
      } else {
        results.push({
          check: 'flow',
          operationId: '-',
          step: 'flow',
          outcome: 'failed',
          expected: 'the flow to run to its end',
          received: (err as Error).message,
          curl: lastCurl || replay,
        });
      }
    }
    // A flow that stopped before its checkpoint is still fuzzed, with the ids it got to make.
    if (fuzzN > 0 && !fuzzed && !unreachable) await fuzz();
  } finally {
    for (const entry of deferred.reverse()) {
      if (!entry.live) continue;
      try {
        const { exchange } = await send({ ...entry.call, step: `cleanup: ${entry.label}` });
        const s = exchange.response.status;
        if ((s < 200 || s >= 300) && s !== 404) cleanupFailures.push(`${entry.label}: ${s} ${exchange.response.text.slice(0, 120)}`);
      } catch (err) {
        cleanupFailures.push(`${entry.label}: ${(err as Error).message}`);
      }
    }
  }

  if (unreachable && answered === 0) {
    throw new Error(`cannot reach ${base}: ${unreachable.reason} (${unreachable.request.method} ${unreachable.request.url})`);
  }
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  return {
    provider: flow.provider,
    baseUrl: base,
    ...(apiBase !== undefined ? { apiBaseUrl: apiBase } : {}),
    runPrefix,
    live,
    stateless,
    results,
    passed: count('passed'),
    failed: count('failed'),
    notApplicable: count('not_applicable'),
    cleanupFailures,
    ...(fuzzStats ? { fuzz: fuzzStats } : {}),
  };
}
