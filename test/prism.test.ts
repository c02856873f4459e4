/**
 * Our specs served by an independent implementation: Prism (`prism mock`,
 * static examples, no `--errors`) answers one well-formed request per
 * operation of each vendor spec with a 2xx, and the body it sends validates
 * against OUR spec's schema for that operation, status and media type.
 *
 * Where Prism cannot serve something our specs say, the case is a named entry
 * in EXCEPTIONS with the reason; the specs are not bent to suit it. An excepted
 * operation is still sent, and its test fails once Prism starts passing it,
 * so stale entries do not pile up.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, resolvePointer, type Operation, type Spec } from '../src/core/spec.js';
import { SpecValidators } from '../src/core/validation.js';
import { READY_PROBE, livePrismCount, prismVersion, startPrism, type PrismServer } from './support/prism.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROVIDERS = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;
type Provider = (typeof PROVIDERS)[number];

/**
 * Operations Prism 5.14 cannot answer as our spec describes them, keyed
 * `provider.operationId`, each with the reason. Webhooks are keyed
 * `provider.webhook:<name>`: Prism only serves `paths`.
 */
const EXCEPTIONS: Record<string, string> = {
  'ctxfy.webhook:sourceStatusNotification': 'a webhook is a request the mock sends to the client; Prism 5.14 serves only `paths` and ignores `webhooks`',
};

type Json = any;

/** The key Prism's security check needs to see; Prism only checks that one is present. */
const API_KEY = 'prism-contract-key';

function deref(doc: Json, node: Json): Json {
  let n = node;
  for (let i = 0; n && typeof n === 'object' && typeof n.$ref === 'string'; i++) {
    if (i > 20) throw new Error(`reference loop at ${node.$ref}`);
    n = resolvePointer(doc, n.$ref);
  }
  return n;
}

/** The operation's parameters as written in the spec (path-item ones first, the operation's override). */
function rawParameters(spec: Spec, op: Operation): Json[] {
  const item = deref(spec.doc, spec.doc.paths[op.path]);
  const byKey = new Map<string, Json>();
  for (const p of [...(item.parameters ?? []), ...((op.raw.parameters as Json[]) ?? [])]) {
    const param = deref(spec.doc, p);
    byKey.set(`${param.in}:${param.name}`, param);
  }
  return [...byKey.values()];
}

const NO_EXAMPLE = Symbol('no example');

/** The example a reader of the spec would use: the parameter's, then its schema's. */
function parameterExample(spec: Spec, param: Json): unknown {
  if (param.example !== undefined) return param.example;
  if (param.examples) {
    const first = Object.values<Json>(param.examples)[0];
    if (first !== undefined) return deref(spec.doc, first).value;
  }
  const schema = deref(spec.doc, param.schema ?? {});
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  return NO_EXAMPLE;
}

function mediaExample(media: { example?: unknown; examples?: Record<string, { value?: unknown }> }): unknown {
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return first === undefined ? NO_EXAMPLE : first.value;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** One path segment value, percent-encoded exactly once (an example may already be encoded). */
const segment = (v: unknown): string => (Array.isArray(v) ? v.map(segment).join(',') : encodeURIComponent(safeDecode(String(v))));

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

interface BuiltRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | FormData | Uint8Array;
  /** The response Prism should pick: the lowest 2xx, its first media type (none when it has no content). */
  expectStatus: string;
  expectMedia?: string;
  notes: string[];
}

/** Builds the request a client following the spec would send, from the spec's examples. */
function buildRequest(spec: Spec, op: Operation): BuiltRequest {
  const notes: string[] = [];
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  let urlPath = op.path;

  for (const param of rawParameters(spec, op)) {
    const required = param.in === 'path' || param.required === true;
    if (!required) continue;
    const value = parameterExample(spec, param);
    if (value === NO_EXAMPLE) throw new Error(`${op.id}: required ${param.in} parameter ${param.name} has no example`);
    if (param.in === 'path') urlPath = urlPath.replace(`{${param.name}}`, segment(value));
    else if (param.in === 'query') {
      const explode = param.explode ?? (param.style ?? 'form') === 'form';
      if (Array.isArray(value) && explode) for (const v of value) query.append(param.name, asText(v));
      else query.append(param.name, Array.isArray(value) ? value.map(asText).join(',') : asText(value));
    } else if (param.in === 'header') headers[param.name] = Array.isArray(value) ? value.map(asText).join(',') : asText(value);
    else throw new Error(`${op.id}: ${param.in} parameters are not supported here`);
  }
  if (/\{[^}]+\}/.test(urlPath)) throw new Error(`${op.id}: unfilled path parameter in ${urlPath}`);

  // Security: the first requirement of the operation (or the document); `[]` or `{}` means none.
  const security = (op.raw.security as Json[] | undefined) ?? spec.doc.security ?? [];
  const requirement = security[0] ?? {};
  for (const name of Object.keys(requirement)) {
    const scheme = deref(spec.doc, spec.doc.components?.securitySchemes?.[name]);
    if (!scheme) throw new Error(`${op.id}: unknown security scheme ${name}`);
    if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') headers.Authorization = `Bearer ${API_KEY}`;
    else if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'basic')
      headers.Authorization = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;
    else if (scheme.type === 'apiKey' && scheme.in === 'header') headers[scheme.name] = API_KEY;
    else if (scheme.type === 'apiKey' && scheme.in === 'query') query.append(scheme.name, API_KEY);
    else throw new Error(`${op.id}: security scheme ${name} (${scheme.type}) is not supported here`);
  }

  let body: BuiltRequest['body'];
  if (op.requestBody) {
    const types = Object.keys(op.requestBody.content);
    const mediaType = types.includes('application/json') ? 'application/json' : types[0]!;
    const media = op.requestBody.content[mediaType]!;
    const example = mediaExample(media);
    if (example === NO_EXAMPLE) {
      if (op.requestBody.required) throw new Error(`${op.id}: required ${mediaType} body has no example`);
      notes.push('no body example; sent without a body');
    } else if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
      headers['Content-Type'] = mediaType;
      body = JSON.stringify(example);
    } else if (mediaType === 'multipart/form-data') {
      const schema = deref(spec.doc, media.schema ?? {});
      const form = new FormData();
      for (const [field, value] of Object.entries<Json>(example as Json)) {
        const prop = deref(spec.doc, schema.properties?.[field] ?? {});
        if (prop.format === 'binary' || prop.contentMediaType !== undefined) {
          form.append(field, new Blob([asText(value)], { type: prop.contentMediaType ?? 'text/plain' }), `${field}.txt`);
        } else form.append(field, asText(value));
      }
      body = form; // fetch sets the multipart Content-Type with its boundary
    } else {
      headers['Content-Type'] = mediaType.includes('*') ? 'application/octet-stream' : mediaType;
      body = new TextEncoder().encode(asText(example));
    }
  }

  const success = Object.keys(op.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0];
  if (!success) throw new Error(`${op.id}: no 2xx response in the spec`);
  const expectMedia = Object.keys(op.responses[success]!.content)[0];
  if (expectMedia) headers.Accept = expectMedia;
  const qs = query.toString();
  return { method: op.method, path: qs ? `${urlPath}?${qs}` : urlPath, headers, body, expectStatus: success, expectMedia, notes };
}

interface Outcome {
  ok: boolean;
  problems: string[];
  status: number;
  contentType: string | null;
  violations: string | null;
  request: BuiltRequest;
}

const isJsonMedia = (m: string) => m === 'application/json' || m.endsWith('+json');

/** Sends the operation's request to Prism and checks the reply against our spec. */
async function exercise(prism: PrismServer, spec: Spec, op: Operation): Promise<Outcome> {
  const request = buildRequest(spec, op);
  const res = await fetch(`${prism.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  const contentType = res.headers.get('content-type');
  const problems: string[] = [];
  const status = String(res.status);
  if (!/^2\d\d$/.test(status)) problems.push(`status ${status}, expected a 2xx; body: ${text.slice(0, 500)}`);
  else if (!op.responses[status]) problems.push(`status ${status} is not in the spec (${Object.keys(op.responses).join(', ')})`);
  else {
    const declared = op.responses[status]!.content;
    const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
    if (Object.keys(declared).length === 0) {
      if (text.length > 0) problems.push(`status ${status} has no content in the spec, got ${text.length} bytes (${contentType})`);
    } else if (!mediaType) problems.push(`no Content-Type; the spec declares ${Object.keys(declared).join(', ')}`);
    else {
      const covers = (m: string) => m === '*/*' || (m.endsWith('/*') && mediaType.startsWith(m.slice(0, -1)));
      const key = declared[mediaType] ? mediaType : Object.keys(declared).find(covers);
      if (!key) problems.push(`Content-Type ${mediaType} is not declared for ${status} (${Object.keys(declared).join(', ')})`);
      else {
        let value: unknown = text;
        let parsed = true;
        if (isJsonMedia(mediaType)) {
          try {
            value = JSON.parse(text);
          } catch (e) {
            parsed = false;
            problems.push(`body is not JSON: ${(e as Error).message}: ${text.slice(0, 200)}`);
          }
        }
        const validate = SpecValidators.of(spec).for(op).response(status, key);
        if (!validate) problems.push(`our spec has no schema for ${status} ${key}`);
        else if (parsed) {
          const issues = validate(value);
          const listed = JSON.stringify(issues.map((i) => `${i.pointer} ${i.message}`));
          if (issues.length) problems.push(`body does not match our schema: ${listed}; body: ${text.slice(0, 500)}`);
        }
      }
    }
  }
  // Prism validates the request, and its own reply, against the spec; what it objects to travels in `sl-violations`.
  const violations = res.headers.get('sl-violations');
  if (violations) problems.push(`Prism reported violations: ${violations}`);
  return { ok: problems.length === 0, problems, status: res.status, contentType, violations, request };
}

const startupMs: Partial<Record<Provider, number>> = {};
const warnings: Record<string, string[]> = {};

/** Prism's warning and error lines (signale marks them ⚠ and ✖), without timestamps, counted. */
function prismWarnings(output: string): string[] {
  const counts = new Map<string, number>();
  for (const line of output.split('\n')) {
    if (!/[⚠✖]|\b(warn|warning|error)\b/i.test(line) || line.includes(READY_PROBE)) continue;
    const text = line.replace(/^\[[^\]]*\]\s*›\s*/, '').trim();
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => (n > 1 ? `${text} (×${n})` : text));
}

for (const provider of PROVIDERS) {
  const specFile = path.join(ROOT, 'specs', `${provider}.yaml`);
  const spec = loadSpec(specFile, provider);

  describe(`Prism ${prismVersion()} serving specs/${provider}.yaml`, () => {
    let prism: PrismServer | undefined;
    beforeAll(async () => {
      prism = await startPrism(specFile);
      startupMs[provider] = prism.startupMs;
    }, 40_000);
    afterAll(async () => {
      await prism?.stop();
      if (prism) warnings[provider] = prismWarnings(prism.output());
    });

    const server = () => {
      if (!prism) throw new Error('Prism did not start');
      return prism;
    };

    for (const op of spec.operations.values()) {
      const key = `${provider}.${op.id}`;
      const exception = EXCEPTIONS[key];
      const title = `${op.method} ${op.path} (${op.id})`;
      if (exception === undefined) {
        it(`${title} → 2xx that matches our schema`, async () => {
          const outcome = await exercise(server(), spec, op);
          expect(outcome.problems, `${outcome.request.method} ${outcome.request.path}`).toEqual([]);
        });
      } else {
        it(`${title} → known exception: ${exception}`, async () => {
          const outcome = await exercise(server(), spec, op).catch((e: Error) => ({ ok: false, problems: [e.message] }));
          expect(outcome.ok, `${key} now passes against Prism: remove it from EXCEPTIONS`).toBe(false);
        });
      }
    }

    for (const name of Object.keys(spec.doc.webhooks ?? {})) {
      const key = `${provider}.webhook:${name}`;
      it(`webhook ${name} → known exception: ${EXCEPTIONS[key] ?? '(none recorded)'}`, () => {
        expect(EXCEPTIONS[key], `${key}: Prism serves only paths; record the webhook as an exception`).toBeTypeOf('string');
      });
    }
  });
}

describe('harness self-checks (a Prism of their own, so their refusals stay out of the warnings above)', () => {
  const specFile = path.join(ROOT, 'specs', 'xai.yaml');
  const spec = loadSpec(specFile, 'xai');
  let prism: PrismServer | undefined;
  beforeAll(async () => {
    prism = await startPrism(specFile);
  }, 40_000);
  afterAll(async () => {
    await prism?.stop();
  });
  const server = () => {
    if (!prism) throw new Error('Prism did not start');
    return prism;
  };

  it('a body that does not match the operation is caught', async () => {
    // Prism answers getCollectionMetadata; the reply is judged by retrieveFile's schema.
    const collection = spec.operations.get('getCollectionMetadata')!;
    const file = spec.operations.get('retrieveFile')!;
    const outcome = await exercise(server(), spec, { ...collection, id: 'selfCheck.collectionJudgedAsFile', responses: file.responses });
    expect(outcome.status).toBe(200);
    expect(outcome.problems.join('\n')).toMatch(/does not match our schema/);
  });

  it('Prism refuses a request without credentials or with an invalid body (so a 2xx above means it accepted ours)', async () => {
    const op = spec.operations.get('createCollection')!;
    const { headers } = buildRequest(spec, op);
    const noKey = await fetch(`${server().url}${op.path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ collection_name: 'x' }),
    });
    await noKey.arrayBuffer();
    expect(noKey.status).toBe(401);
    const invalid = await fetch(`${server().url}${op.path}`, { method: 'POST', headers, body: JSON.stringify({ collection_name: 7 }) });
    await invalid.arrayBuffer();
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('sl-violations')).toMatch(/collection_name/);
  });

  it("startPrism rejects with Prism's own output when the spec cannot be loaded", async () => {
    const missing = path.join(ROOT, 'specs', 'no-such-spec.yaml');
    const before = livePrismCount();
    await expect(startPrism(missing)).rejects.toThrow(/Prism exited before answering[\s\S]*Prism output[\s\S]*no-such-spec\.yaml/);
    expect(livePrismCount()).toBe(before);
  });

  it('startPrism gives up after its timeout and kills the child', async () => {
    const before = livePrismCount();
    await expect(startPrism(specFile, { startTimeoutMs: 1 })).rejects.toThrow(/did not answer .* within 1 ms/);
    expect(livePrismCount()).toBe(before);
  });
});

describe('Prism exceptions list', () => {
  it('names only operations and webhooks that exist in our specs', () => {
    const known = new Set<string>();
    for (const provider of PROVIDERS) {
      const spec = loadSpec(path.join(ROOT, 'specs', `${provider}.yaml`), provider);
      for (const id of spec.operations.keys()) known.add(`${provider}.${id}`);
      for (const name of Object.keys(spec.doc.webhooks ?? {})) known.add(`${provider}.webhook:${name}`);
    }
    expect(Object.keys(EXCEPTIONS).filter((k) => !known.has(k))).toEqual([]);
  });
});

afterAll(() => {
  expect(livePrismCount(), 'Prism processes still running at the end of the file').toBe(0);
  const times = PROVIDERS.map((p) => `${p} ${startupMs[p] ?? '—'} ms`).join(', ');
  console.info(`Prism ${prismVersion()} start-up (spawn → first answer): ${times}`);
  for (const [provider, lines] of Object.entries(warnings)) {
    if (lines.length) console.info(`Prism warnings and errors for ${provider}:\n  ${lines.join('\n  ')}`);
  }
});
