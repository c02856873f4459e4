/**
 * Loads an OpenAPI 3.1 document, resolves its non-schema references and
 * indexes its operations by operationId and by path template.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import path from 'node:path';
import { packagePath } from './paths.js';
import { parseYaml, yamlTextHash } from './yaml.js';
import { eventSchemaOf } from './sse.js';

export type JsonSchema = Record<string, unknown> | boolean;

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  style?: string;
  explode?: boolean;
}

export interface SpecMedia {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  /** For a stream of server-sent events: the schema of one event, and whether its data is checked decoded (see sse.ts's eventSchemaOf). */
  event?: { schema: Record<string, unknown>; decodeData: boolean };
}

export interface SpecResponse {
  description?: string;
  headers: Record<string, { schema?: JsonSchema; required?: boolean }>;
  content: Record<string, SpecMedia>;
}

export interface Operation {
  id: string;
  method: string; // upper case
  path: string; // template, e.g. /v1/collections/{collection_id}
  tags: string[];
  parameters: SpecParameter[];
  requestBody?: { required: boolean; content: Record<string, SpecMedia> };
  responses: Record<string, SpecResponse>;
  /** The raw operation object, for extensions (`x-…`). */
  raw: Record<string, unknown>;
}

export interface Spec {
  /** Short name used in schema ids, e.g. 'xai'. */
  name: string;
  file: string;
  /** A hash of the file's text (yamlTextHash): what the build's copies of it are matched by. */
  sourceHash: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed OpenAPI document, walked by pointer
  doc: Record<string, any>;
  operations: Map<string, Operation>;
  router: Router;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parts of a parsed OpenAPI document, of any shape
type Json = any;

/** Follows a local `#/…` JSON pointer inside the document. */
export function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`unresolved reference ${ref}`);
    node = node[key];
  }
  return node;
}

/** deref for one document, each reference followed once: loading a spec meets the same few components from every operation. */
function derefOnce(doc: Json): <T>(node: Json) => T {
  const ends = new Map<string, Json>();
  return <T>(node: Json): T => {
    const ref = node && typeof node === 'object' ? node.$ref : undefined;
    if (typeof ref !== 'string') return node as T;
    let end = ends.get(ref);
    if (end === undefined) ends.set(ref, (end = deref(doc, node)));
    return end as T;
  };
}

/** Follows a chain of `$ref`s to the node it ends at (a component, or a schema); throws on a cycle. */
export function deref<T>(doc: Json, node: Json, seen?: Set<string>): T {
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    seen ??= new Set<string>();
    if (seen.has(node.$ref)) throw new Error(`circular reference ${node.$ref}`);
    seen.add(node.$ref);
    node = resolvePointer(doc, node.$ref);
  }
  return node as T;
}

function loadMedia(follow: <T>(node: Json) => T, content: Json): Record<string, SpecMedia> {
  const out: Record<string, SpecMedia> = {};
  for (const [type, media] of Object.entries<Json>(content ?? {})) {
    const examples: Record<string, { value?: unknown }> | undefined = media.examples
      ? Object.fromEntries(Object.entries<Json>(media.examples).map(([k, v]) => [k, follow<{ value?: unknown }>(v)]))
      : undefined;
    const event = eventSchemaOf(media);
    out[type.toLowerCase()] = { schema: media.schema, example: media.example, ...(examples ? { examples } : {}), ...(event ? { event } : {}) };
  }
  return out;
}

const loaded = new Map<string, { mtimeMs: number; spec: Spec }>();

/** Loads a spec, or returns the one already loaded from the same unchanged file (specs are read-only once loaded). */
export function loadSpec(file: string, name: string): Spec {
  const mtimeMs = statSync(file).mtimeMs;
  const key = `${name}\u0000${file}`;
  const hit = loaded.get(key);
  if (hit && hit.mtimeMs === mtimeMs) return hit.spec;
  const spec = parseSpec(file, name);
  loaded.set(key, { mtimeMs, spec });
  return spec;
}

/** The spec the package ships for a provider: `specs/<name>.yaml`. */
export function shippedSpecFile(name: string): string {
  return packagePath('specs', `${name}.yaml`);
}

/** What the build made from `specs/x.yaml`: `dist/<sub>/x<ext>` (the specs' JSON copies, their precompiled validators). */
export function buildOutput(file: string, sub: string, ext: string): string {
  return path.join(path.dirname(file), '..', 'dist', sub, `${path.basename(file, path.extname(file))}${ext}`);
}

/**
 * `specs/x.yaml` → the document the build parsed from this very text
 * (`dist/specs/x.json`, scripts/build-specs.mjs), or undefined. Matched by the
 * text's hash, not by file times: an installed package's files all get the time
 * of their extraction, in the tarball's order. The build writes it in ASCII
 * (JSON's escapes for the rest), which is read as Latin-1: a copy of the bytes
 * rather than a UTF-8 decode.
 */
function compiledCopy(file: string, sourceHash: string): Json | undefined {
  let copy: Json;
  try {
    const bytes = readFileSync(buildOutput(file, 'specs', '.json'));
    copy = JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'));
  } catch {
    return undefined; // Not built.
  }
  return copy?.hash === sourceHash ? copy.doc : undefined;
}

function parseSpec(file: string, name: string): Spec {
  const bytes = readFileSync(file);
  const sourceHash = yamlTextHash(bytes);
  const doc = (compiledCopy(file, sourceHash) ?? parseYaml(bytes.toString('utf8'), { maxAliasCount: -1 })) as Json;
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`${file}: not an OpenAPI 3.1 document`);
  }
  const follow = derefOnce(doc);
  const operations = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const item = follow<Json>(rawItem);
    const shared: Json[] = item.parameters ?? [];
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (typeof op.operationId !== 'string') throw new Error(`${file}: ${method.toUpperCase()} ${path} has no operationId`);
      if (operations.has(op.operationId)) throw new Error(`${file}: duplicate operationId ${op.operationId}`);
      const params = new Map<string, SpecParameter>();
      for (const p of [...shared, ...(op.parameters ?? [])]) {
        const param = follow<Json>(p);
        params.set(`${param.in}:${param.name}`, {
          name: param.name,
          in: param.in,
          required: param.in === 'path' ? true : Boolean(param.required),
          schema: param.schema ?? {},
          style: param.style,
          explode: param.explode,
        });
      }
      const body = op.requestBody ? follow<Json>(op.requestBody) : undefined;
      const responses: Record<string, SpecResponse> = {};
      for (const [status, rawResponse] of Object.entries<Json>(op.responses ?? {})) {
        const r = follow<Json>(rawResponse);
        const headers: SpecResponse['headers'] = {};
        for (const [h, rawHeader] of Object.entries<Json>(r.headers ?? {})) {
          const header = follow<Json>(rawHeader);
          headers[h.toLowerCase()] = { schema: header.schema, required: Boolean(header.required) };
        }
        responses[status.toUpperCase()] = { description: r.description, headers, content: loadMedia(follow, r.content) };
      }
      operations.set(op.operationId, {
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        parameters: [...params.values()],
        ...(body ? { requestBody: { required: Boolean(body.required), content: loadMedia(follow, body.content) } } : {}),
        responses,
        raw: op,
      });
    }
  }
  return { name, file, sourceHash, doc, operations, router: new Router([...operations.values()]) };
}

/** A response an operation declares, and its key in `responses` (`200`, `4XX`, `DEFAULT`: upper case). */
export interface DeclaredResponse {
  key: string;
  response: SpecResponse;
}

/** The response the spec declares for a status, and its key: exact, then `4XX`-style range, then `default`. */
export function declaredResponse(op: Operation, status: number): DeclaredResponse | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  const key = op.responses[exact] ? exact : op.responses[range] ? range : op.responses.DEFAULT ? 'DEFAULT' : undefined;
  return key === undefined ? undefined : { key, response: op.responses[key]! };
}

/** The response the spec declares for a status (see declaredResponse). */
export function responseFor(op: Operation, status: number): SpecResponse | undefined {
  return declaredResponse(op, status)?.response;
}

// ---------------------------------------------------------------- routing

interface Segment {
  literal?: string;
  /** The segment is one parameter and nothing else (`{collection_id}`): it takes any non-empty part, no pattern needed. */
  whole?: string;
  pattern?: RegExp;
  names?: string[];
}

interface Route {
  op: Operation;
  segments: Segment[];
  literals: number;
}

export type RouteMatch =
  { kind: 'match'; op: Operation; params: Record<string, string> } | { kind: 'method_not_allowed'; allowed: string[] } | { kind: 'not_found' };

/** Text matched literally inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileSegment(text: string): Segment {
  if (!text.includes('{')) return { literal: text };
  const whole = /^\{([^{}]+)\}$/.exec(text);
  if (whole) return { whole: whole[1]! };
  const names: string[] = [];
  let source = '^';
  let last = 0;
  for (const m of text.matchAll(/\{([^}]+)\}/g)) {
    source += escapeRegExp(text.slice(last, m.index)) + '(.+?)';
    names.push(m[1]!);
    last = m.index! + m[0].length;
  }
  source += escapeRegExp(text.slice(last)) + '$';
  return { pattern: new RegExp(source), names };
}

/**
 * Matches a request path against the spec's path templates. A literal segment
 * beats a parameter (OpenAPI's rule), so `/documents:batchGet` is never read as
 * a `{file_id}`.
 */
export class Router {
  private readonly byLength = new Map<number, Route[]>();
  /** Paths without parameters, by path and method: most requests (lists, creates) are found without splitting the path. */
  private readonly exact = new Map<string, Map<string, Operation>>();

  constructor(
    ops: Operation[],
    private readonly ignoreTrailingSlash = false,
  ) {
    for (const op of ops) {
      const segments = op.path.split('/').slice(1).map(compileSegment);
      const route = { op, segments, literals: segments.filter((s) => s.literal !== undefined).length };
      if (route.literals === segments.length) {
        const methods = this.exact.get(op.path) ?? new Map<string, Operation>();
        if (!methods.has(op.method)) methods.set(op.method, op);
        this.exact.set(op.path, methods);
      }
      const list = this.byLength.get(segments.length) ?? [];
      list.push(route);
      this.byLength.set(segments.length, list);
    }
    for (const list of this.byLength.values()) list.sort((a, b) => b.literals - a.literals);
  }

  withTrailingSlashIgnored(): Router {
    return new Router(
      [...this.byLength.values()].flat().map((r) => r.op),
      true,
    );
  }

  match(method: string, pathname: string): RouteMatch {
    let path = pathname;
    if (this.ignoreTrailingSlash && path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    // A literal path beats any template, so its own method settles it; anything else (HEAD, another method) takes the full walk.
    const exact = this.exact.get(path)?.get(method);
    if (exact) return { kind: 'match', op: exact, params: {} };
    if (!path.startsWith('/')) return { kind: 'not_found' };
    const parts = path.split('/').slice(1);
    const candidates = this.byLength.get(parts.length);
    if (!candidates) return { kind: 'not_found' };
    let best: Route | undefined;
    let bestParams: Record<string, string> | undefined;
    let matched = false;
    // Candidates are sorted most literal segments first: the first match with the method wins.
    for (const route of candidates) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      matched = true;
      if (route.op.method === method || (method === 'HEAD' && route.op.method === 'GET' && !best)) {
        best = route;
        bestParams = params;
        if (route.op.method === method) break;
      }
    }
    if (best) return { kind: 'match', op: best.op, params: bestParams! };
    if (!matched) return { kind: 'not_found' };
    const allowed = new Set<string>();
    for (const route of candidates) if (matchSegments(route.segments, parts)) allowed.add(route.op.method);
    return { kind: 'method_not_allowed', allowed: [...allowed].sort() };
  }
}

/** Whether every literal segment is the part at its place and every parameter has a non-empty part (its pattern's match, when it has one). */
function fits(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const part = parts[i]!;
    if (seg.literal !== undefined) {
      if (seg.literal !== part) return false;
    } else if (part === '' || (seg.pattern !== undefined && !seg.pattern.test(part))) return false;
  }
  return true;
}

/** The parameters of a path that fits the route (decoded); undefined when a part's percent-encoding is malformed. */
function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  if (!fits(segments, parts)) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.literal !== undefined) continue;
    const part = parts[i]!;
    try {
      if (seg.whole !== undefined) {
        params[seg.whole] = part.includes('%') ? decodeURIComponent(part) : part;
        continue;
      }
      const m = seg.pattern!.exec(part)!;
      for (let j = 0; j < seg.names!.length; j++) params[seg.names![j]!] = decodeURIComponent(m[j + 1]!);
    } catch {
      return undefined; // malformed percent-encoding cannot name anything stored
    }
  }
  return params;
}
