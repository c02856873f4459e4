/**
 * The contract checks, named as Schemathesis names them. Each looks at one
 * exchange (a request the suite sent and the reply it got) and says passed,
 * failed (with what was expected and what came back) or not applicable.
 *
 * Conformance checks hold for any correct implementation of the spec, even a
 * stateless one (Prism); behavioural checks need state to hold across calls,
 * so they only judge exchanges a flow sent for that purpose (its `intent`).
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv, type Ajv2020 } from '../core/ajv.js';
import { declaredResponse, type Operation, type Spec } from '../core/spec.js';
import { SpecValidators } from '../core/validation.js';
import { isJsonMedia, mediaMatches } from '../core/body.js';
import { mediaTypeOf as mediaType } from '../core/media.js';
import { BEHAVIOURAL_CHECKS, CHECK_NAMES, CONFORMANCE_CHECKS, type CheckName } from './names.js';

export { BEHAVIOURAL_CHECKS, CHECK_NAMES, CONFORMANCE_CHECKS, type CheckName };

/** Why a flow sent a request, which decides the behavioural check that judges it. */
export type Intent =
  | { kind: 'normal' }
  /** The body (or a parameter) breaks the request schema: a 4xx is due. */
  | { kind: 'invalid_input'; what: string }
  /** No credentials, or malformed ones: 401/403 is due on a secured operation. */
  | { kind: 'no_auth' | 'bad_auth' }
  /** A read right after a create: the resource must be there. */
  | { kind: 'read_after_create'; createdBy: string }
  /** A read right after a successful delete: 404/410 is due. */
  | { kind: 'read_after_delete'; deletedBy: string }
  /** An id that was never created: 404 is the expected answer (checked by conformance only). */
  | { kind: 'unknown_id' };

export interface ExchangeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** JSON text, or a description of a multipart form (see `form`). */
  body?: string;
  /** Multipart fields, for the curl line; file parts are `{ filename, type }`. */
  form?: Record<string, string | { filename: string; type: string; content: string }>;
}

export interface ExchangeResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
  json?: unknown;
}

export interface Exchange {
  operationId: string;
  request: ExchangeRequest;
  response: ExchangeResponse;
  /** The flow's name for the step, e.g. `read space`. */
  step: string;
  intent?: Intent;
  /** The flow asked for a 5xx on purpose (a fault scenario); none of ours do. */
  allowServerError?: boolean;
}

export type CheckOutcome = { outcome: 'passed' } | { outcome: 'failed'; expected: string; received: string } | { outcome: 'not_applicable'; reason?: string };

export interface CheckContext {
  spec: Spec;
  op: Operation;
}

export type Check = (ex: Exchange, ctx: CheckContext) => CheckOutcome;

const passed: CheckOutcome = { outcome: 'passed' };
const na = (reason?: string): CheckOutcome => ({ outcome: 'not_applicable', ...(reason ? { reason } : {}) });
const failed = (expected: string, received: string): CheckOutcome => ({ outcome: 'failed', expected, received });

/** The reply's media type, or undefined when it names none. */
const mediaTypeOf = (contentType: string | undefined): string | undefined => mediaType(contentType) || undefined;

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);
export const isSecured = (ctx: CheckContext): boolean => {
  const own = ctx.op.raw.security;
  const security = Array.isArray(own) ? own : ctx.spec.doc.security;
  return Array.isArray(security) && security.length > 0 && !security.some((s) => s && typeof s === 'object' && Object.keys(s).length === 0);
};

export const not_a_server_error: Check = (ex, { op }) => {
  if (ex.response.status < 500) return passed;
  // A 5xx is fine only when the flow asked for one (a fault scenario) and the operation documents it.
  if (ex.allowServerError && op.responses[String(ex.response.status)]) return passed;
  return failed('a status below 500', `${ex.response.status}: ${clip(ex.response.text)}`);
};

export const status_code_conformance: Check = (ex, { op }) => {
  if (declaredResponse(op, ex.response.status)) return passed;
  return failed(`one of the documented statuses ${Object.keys(op.responses).join(', ')}`, String(ex.response.status));
};

export const content_type_conformance: Check = (ex, { op }) => {
  const found = declaredResponse(op, ex.response.status);
  if (!found) return na('status not documented');
  const { key } = found;
  const declared = Object.keys(found.response.content);
  const actual = mediaTypeOf(ex.response.headers['content-type']);
  if (!declared.length) {
    if (ex.response.text === '') return passed;
    return failed(`no body (status ${key} documents no content)`, `${actual ?? 'no Content-Type'}: ${clip(ex.response.text, 120)}`);
  }
  if (!actual) return failed(`Content-Type one of ${declared.join(', ')}`, 'no Content-Type header');
  if (declared.some((d) => mediaMatches(d, actual))) return passed;
  return failed(`Content-Type one of ${declared.join(', ')}`, actual);
};

export const response_schema_conformance: Check = (ex, { spec, op }) => {
  const found = declaredResponse(op, ex.response.status);
  if (!found) return na('status not documented');
  const {
    key,
    response: { content },
  } = found;
  const actual = mediaTypeOf(ex.response.headers['content-type']);
  const declared = actual ? Object.keys(content).find((d) => mediaMatches(d, actual)) : undefined;
  if (!declared || !isJsonMedia(actual!)) return na('no JSON body documented for this media type');
  let body: unknown;
  try {
    body = ex.response.json !== undefined ? ex.response.json : JSON.parse(ex.response.text);
  } catch {
    return failed(`a JSON body (${declared})`, `unparseable: ${clip(ex.response.text, 120)}`);
  }
  const validate = SpecValidators.of(spec).for(op).response(key, declared);
  if (!validate) return na('no schema documented');
  const issues = validate(body);
  if (!issues.length) return passed;
  const where = issues
    .slice(0, 5)
    .map((i) => `${i.pointer || '/'} ${i.message}`)
    .join('; ');
  return failed(`a body matching the ${key} ${declared} schema of ${op.id}`, `${where} in ${clip(ex.response.text, 200)}`);
};

// Header values arrive as strings: their own instance coerces them to the schema's type.
let headerAjv: Ajv2020 | undefined;
const headerValidators = new WeakMap<object, ValidateFunction>();
function headerValidator(schema: Record<string, unknown> | boolean): ValidateFunction {
  headerAjv ??= createAjv({ allErrors: true, coerceTypes: true });
  const key = typeof schema === 'boolean' ? { schema } : schema;
  let fn = headerValidators.get(key);
  if (!fn) {
    fn = headerAjv.compile(schema);
    headerValidators.set(key, fn);
  }
  return fn;
}

export const response_headers_conformance: Check = (ex, { op }) => {
  const found = declaredResponse(op, ex.response.status);
  if (!found) return na('status not documented');
  const declared = Object.entries(found.response.headers);
  if (!declared.length) return na('no response headers documented');
  const problems: string[] = [];
  for (const [name, h] of declared) {
    const value = ex.response.headers[name];
    if (value === undefined) {
      if (h.required) problems.push(`${name} missing`);
      continue;
    }
    if (h.schema === undefined || (typeof h.schema === 'object' && '$ref' in h.schema)) continue;
    const holder = { v: value };
    const fn = headerValidator({ type: 'object', properties: { v: h.schema } });
    if (!fn(holder)) problems.push(`${name}: ${JSON.stringify(value)} ${fn.errors?.[0]?.message ?? 'is invalid'}`);
  }
  if (!problems.length) return passed;
  return failed(`headers ${declared.map(([n, h]) => `${n}${h.required ? ' (required)' : ''}`).join(', ')} valid against their schemas`, problems.join('; '));
};

export const negative_data_rejection: Check = (ex) => {
  if (ex.intent?.kind !== 'invalid_input') return na();
  const s = ex.response.status;
  if (s >= 400 && s < 500) return passed;
  return failed(`a 4xx for input that breaks the request schema (${ex.intent.what})`, String(s));
};

export const ignored_auth: Check = (ex, ctx) => {
  if (ex.intent?.kind !== 'no_auth' && ex.intent?.kind !== 'bad_auth') return na();
  if (!isSecured(ctx)) return na('operation is not secured');
  const s = ex.response.status;
  if (s === 401 || s === 403) return passed;
  return failed(`401 or 403 ${ex.intent.kind === 'no_auth' ? 'without credentials' : 'with malformed credentials'}`, String(s));
};

export const ensure_resource_availability: Check = (ex) => {
  if (ex.intent?.kind !== 'read_after_create') return na();
  const s = ex.response.status;
  if (s >= 200 && s < 300) return passed;
  return failed(`2xx: the resource made by "${ex.intent.createdBy}" is readable`, `${s}: ${clip(ex.response.text, 160)}`);
};

export const use_after_free: Check = (ex) => {
  if (ex.intent?.kind !== 'read_after_delete') return na();
  const s = ex.response.status;
  if (s === 404 || s === 410) return passed;
  return failed(`404 or 410: the resource was deleted by "${ex.intent.deletedBy}"`, `${s}: ${clip(ex.response.text, 160)}`);
};

export const CHECKS: Record<CheckName, Check> = {
  not_a_server_error,
  status_code_conformance,
  content_type_conformance,
  response_schema_conformance,
  response_headers_conformance,
  negative_data_rejection,
  ignored_auth,
  ensure_resource_availability,
  use_after_free,
};

/** The reason every behavioural check gives against a stateless server. */
export const STATELESS_BEHAVIOURAL_REASON = 'stateless server: behavioural checks do not apply';

/**
 * Against a stateless server (Prism), the outcome that replaces a check's own,
 * or undefined when the check judges the exchange as usual.
 *
 * - Behavioural checks need state across calls: never applicable.
 * - A purposely invalid request (a body or parameter that breaks the request
 *   schema, missing or malformed credentials on a secured operation) is
 *   answered by the server's own validation (Prism 5.14: a 400, 401 or 422 of
 *   its own making, the violations in `sl-violations`, which our spec need not
 *   document). Its status, media type,
 *   body and headers say nothing about the spec's responses, so the four
 *   checks that compare them with the spec are not applicable; whether it is a
 *   server error still is (no correct server answers bad input with a 5xx).
 * - Every other request is valid by the spec (unknown ids and reads after a
 *   delete included: well-formed ids, only state makes them absent), so all
 *   five conformance checks judge whatever the server answers, e.g. a 200
 *   with the example body where a stateful server would say 404.
 */
export function statelessOverride(name: CheckName, ex: Exchange, ctx: CheckContext): CheckOutcome | undefined {
  if ((BEHAVIOURAL_CHECKS as readonly string[]).includes(name)) return na(STATELESS_BEHAVIOURAL_REASON);
  if (name === 'not_a_server_error') return undefined;
  const intent = ex.intent;
  const kind = intent?.kind;
  if (intent?.kind === 'invalid_input') {
    return na(
      `stateless server: a purposely invalid request (${intent.what}) is answered by the server's own validation error, which the spec need not document`,
    );
  }
  if ((kind === 'no_auth' || kind === 'bad_auth') && isSecured(ctx)) {
    return na(
      `stateless server: a request ${kind === 'no_auth' ? 'without credentials' : 'with malformed credentials'} is answered by the server's own security error, which the spec need not document`,
    );
  }
  return undefined;
}
