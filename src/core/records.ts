/**
 * A stored record as the vendor returns it: each provider declares which of
 * its GET operations reads which table of its saved state, and where the
 * operation's path parameters (and headers) come from; renderRecord runs the
 * provider's own handler for that operation with the tenant's state, as the
 * pipeline's handle stage would (parameters validated, defaults applied).
 */
import { isMockError, MockError } from './errors.js';
import { bodyValue } from './json-text.js';
import type { MountedProvider } from './mount.js';
import type { AuthResult, HandlerContext, Reply, RequestView } from './provider.js';
import type { Spec } from './spec.js';

/**
 * Where a value comes from: `<table>.<field>`, the field of the record of that
 * table along the record's path (the record itself or one above it).
 */
export type RecordField = `${string}.${string}`;

/** How one table of the saved state is read through the vendor's API. */
export interface RecordView {
  /** The tables from the top down, e.g. `['collections', 'documents']`. */
  tables: readonly string[];
  /** The vendor's GET operation (its spec's operationId). */
  operationId: string;
  /** Path parameter name → where its value comes from. */
  params: Readonly<Record<string, RecordField>>;
  /** Request header (lower case) → where its value comes from. */
  headers?: Readonly<Record<string, RecordField>>;
  /** For an operation that answers several records: the item of the reply whose `field` equals the value (searched depth first). */
  pick?: { field: string; equals: RecordField };
}

/** A provider's declaration: its views, and the caller its handlers see for a tenant. */
export interface RecordViews {
  views: readonly RecordView[];
  /** What authenticate would return for a caller of that tenant. */
  auth(tenant: string): AuthResult;
}

/** A provider's declaration against its spec (at mount): each view a GET operation whose path parameters it fills, all of them. */
export function checkRecordViews(provider: string, views: RecordViews | undefined, spec: Spec): void {
  for (const view of views?.views ?? []) {
    const op = spec.operations.get(view.operationId);
    if (!op || op.method !== 'GET')
      throw new Error(`provider ${provider}: records of ${view.tables.join('/')} name ${view.operationId}, not a GET operation of its spec`);
    const wanted = op.parameters
      .filter((p) => p.in === 'path')
      .map((p) => p.name)
      .sort();
    const given = Object.keys(view.params).sort();
    if (wanted.join() !== given.join())
      throw new Error(
        `provider ${provider}: records of ${view.tables.join('/')} fill ${given.join(', ') || 'no'} path parameters; ${view.operationId} has ${wanted.join(', ') || 'none'}`,
      );
  }
}

export interface RenderedRecord {
  operationId: string;
  method: 'GET';
  path: string;
  status: number;
  body: unknown;
}

interface SavedTable {
  $$: 'table';
  key: string;
  rows: Record<string, unknown>[];
}

const isTable = (v: unknown): v is SavedTable => !!v && typeof v === 'object' && (v as SavedTable).$$ === 'table' && Array.isArray((v as SavedTable).rows);

/** The records along a saved path, by table name, from the tenant's saved data. */
function walk(tenantData: unknown, path: readonly string[]): Map<string, Record<string, unknown>> {
  if (path.length < 2 || path.length % 2 !== 0)
    throw new MockError('bad_request', 'path: give a table and a key, then optionally more table and key pairs below it.', { details: { field: 'path' } });
  const found = new Map<string, Record<string, unknown>>();
  let node = tenantData as Record<string, unknown>;
  for (let i = 0; i < path.length; i += 2) {
    const name = path[i]!;
    const key = path[i + 1]!;
    const table = node[name];
    if (!isTable(table)) throw new MockError('not_found', `path: no table ${JSON.stringify(name)} at /${path.slice(0, i).join('/')}.`);
    const row = table.rows.find((r) => String(r[table.key]) === key);
    if (!row) throw new MockError('not_found', `path: no record with ${table.key} ${JSON.stringify(key)} in ${name}.`);
    found.set(name, row);
    node = row;
  }
  return found;
}

function valueOf(records: Map<string, Record<string, unknown>>, ref: RecordField): string {
  const dot = ref.indexOf('.');
  const v = records.get(ref.slice(0, dot))?.[ref.slice(dot + 1)];
  if (v === undefined || v === null) throw new MockError('internal', `The record has no ${ref} to address the vendor operation with.`);
  return String(v);
}

/** The first object, depth first, whose `field` is `value`. */
function pick(body: unknown, field: string, value: string): unknown {
  if (Array.isArray(body)) {
    for (const item of body) {
      const hit = pick(item, field, value);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  if (body && typeof body === 'object') {
    if (String((body as Record<string, unknown>)[field]) === value) return body;
    for (const v of Object.values(body)) {
      const hit = pick(v, field, value);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/**
 * The record at `path` of the tenant's saved data (`tenantData`, as GET
 * /__mock/state has it) as the provider's vendor GET answers it. `host` is
 * the Host the links in the reply point at.
 */
export async function renderRecord(
  m: MountedProvider<unknown>,
  tenant: string,
  tenantData: unknown,
  path: readonly string[],
  host: string | undefined,
): Promise<RenderedRecord> {
  const records = walk(tenantData, path);
  const tables = path.filter((_, i) => i % 2 === 0);
  const declared = m.provider.records;
  const view = declared?.views.find((v) => v.tables.length === tables.length && v.tables.every((t, i) => t === tables[i]));
  if (!declared || !view) {
    throw new MockError('not_found', `No ${m.provider.name} operation reads ${tables.join('/')} records: it is the mock's own data, seen only as stored.`, {
      details: { reason: 'no_vendor_operation', tables },
    });
  }
  const op = m.spec.operations.get(view.operationId);
  if (!op) throw new Error(`${m.provider.name}: ${view.operationId} is not an operation of its spec`);
  const params: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(view.params)) params[name] = valueOf(records, ref);
  const headers: Record<string, string | undefined> = Object.create(null);
  if (host !== undefined) headers.host = host;
  for (const [name, ref] of Object.entries(view.headers ?? {})) headers[name] = valueOf(records, ref);
  const vendorPath = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  // Validated as a request would be: coerced, the query's defaults applied.
  const query: Record<string, unknown> = {};
  const header: Record<string, unknown> = {};
  for (const p of op.parameters)
    if (p.in === 'header' && headers[p.name.toLowerCase()] !== undefined) header[p.name.toLowerCase()] = headers[p.name.toLowerCase()];
  const issues = m.validators.for(op).params({ path: params, query, header });
  if (issues.length) throw new MockError('internal', `The record's keys do not fit ${view.operationId}: ${issues[0]!.message}.`);
  const request: RequestView = {
    method: 'GET',
    path: vendorPath,
    url: `${m.provider.prefix}${vendorPath}`,
    headers,
    query: new URLSearchParams(),
    operation: op,
    internal: true,
  };
  const auth = declared.auth(tenant);
  const ctx: HandlerContext<unknown, unknown> = {
    path: params as never,
    query: query as never,
    headers: headers as never,
    body: undefined as never,
    files: {},
    state: m.tenants.get(tenant),
    tenant,
    auth,
    env: m.env,
    request,
  };
  let reply: Reply;
  try {
    reply = await m.provider.handlers[op.id]!(ctx);
  } catch (err) {
    if (!isMockError(err)) throw err;
    reply = m.provider.renderError(err, request);
  }
  let body = bodyValue(reply.body);
  if (view.pick && reply.status < 300) {
    const value = valueOf(records, view.pick.equals);
    body = pick(body, view.pick.field, value);
    if (body === undefined) throw new MockError('not_found', `${view.operationId} did not list ${view.pick.field} ${JSON.stringify(value)}.`);
  }
  if (
    Buffer.isBuffer(body) ||
    (body && typeof body === 'object' && typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function')
  ) {
    throw new Error(`${m.provider.name}: ${view.operationId} does not answer JSON`);
  }
  return { operationId: op.id, method: 'GET', path: vendorPath, status: reply.status, body: body ?? null };
}
