/**
 * How Ctxfy words its errors: `{error, message, code}`, the HTTP reason
 * phrase in `error` and the status in `code`. A request its schemas refuse is
 * a 400 ("The request contains invalid parameters…") whose details name each
 * field and what is wrong with it; a 500 carries a request id. The not-found
 * and field errors its handlers raise are made here too.
 */
import { STATUS_CODES } from 'node:http';
import { MockError, type ValidationIssue } from '../../core/errors.js';
import type { IdSource } from '../../core/ids.js';
import type { Reply } from '../../core/provider.js';

export const INVALID_REQUEST = 'The request contains invalid parameters or malformed data';

/** One entry of a 400's details: the field and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

export const notFound = (): MockError => new MockError('not_found', 'The requested resource was not found');

/** A 400 on one field; `message` is the envelope's, `detail` the field's. */
export function badRequest(field: string, detail: string, message = INVALID_REQUEST): MockError {
  return new MockError('bad_request', message, { details: { fields: [{ field, message: detail }] satisfies FieldError[] } });
}

/** `/initial_data/url` → `initial_data.url`; the body itself is `body`. */
function fieldOf(issue: ValidationIssue): string {
  if (issue.rule === 'json') return 'body';
  const path = issue.pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (issue.location === 'body') return path.length ? path.join('.') : 'body';
  return path[0] ?? issue.location;
}

function describe(issue: ValidationIssue, field: string): string {
  const p = issue.params ?? {};
  switch (issue.rule) {
    case 'json':
      return 'Malformed JSON body';
    case 'required':
      return field === 'body' ? 'Request body is required' : `${field.split('.').pop()} is required`;
    case 'type':
      return `${field} must be ${String(p.type)
        .split(',')
        .map((t) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`))
        .join(' or ')}`;
    case 'enum':
      return `${field} must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${field} must be ${String(p.allowedValue)}`;
    case 'minLength':
      return p.limit === 1 ? `${field} must not be empty` : `${field} must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `${field} must be at most ${String(p.limit)} characters`;
    case 'minimum':
      return `${field} must be at least ${String(p.limit)}`;
    case 'maximum':
      return `${field} must be at most ${String(p.limit)}`;
    case 'minItems':
      return `${field} must have at least ${String(p.limit)} items`;
    case 'format':
      return `${field} must be a valid ${String(p.format)}`;
    default:
      return `${field} ${issue.message}`;
  }
}

/** Schema issues as the envelope's `details`: one entry per field, an unmet "one of these" folded into one. */
export function fieldErrors(issues: readonly ValidationIssue[]): FieldError[] {
  const anyOf = issues.filter((i) => i.rule === 'anyOf').map((i) => i.pointer);
  const folded = new Map<string, string[]>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.rule === 'anyOf') continue;
    const parent = issue.pointer.slice(0, issue.pointer.lastIndexOf('/'));
    if (issue.rule === 'required' && anyOf.includes(parent)) {
      folded.set(parent, [...(folded.get(parent) ?? []), String(issue.params?.missingProperty ?? '')]);
      continue;
    }
    const field = fieldOf(issue);
    const message = describe(issue, field);
    if (!out.some((e) => e.field === field && e.message === message)) out.push({ field, message });
  }
  for (const [pointer, names] of folded) {
    out.push({
      field: pointer ? fieldOf({ location: 'body', pointer, rule: 'anyOf', message: '' }) : 'body',
      message: `at least one of ${names.join(', ')} is required`,
    });
  }
  return out.length ? out : [{ field: 'body', message: 'is invalid' }];
}

function render(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { error: STATUS_CODES[status] ?? 'Error', message, code: status, ...extra } };
}

const REQUEST_ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** An error in the vendor's envelope; a 500's request id is drawn from `ids` (the server's, so a seed makes it reproducible). */
export function renderCtxfyError(err: MockError, ids: () => IdSource): Reply {
  switch (err.kind) {
    case 'validation':
      return render(400, INVALID_REQUEST, { details: fieldErrors(err.issues) });
    case 'unsupported_media_type':
      return render(400, INVALID_REQUEST, { details: [{ field: 'body', message: 'Content-Type must be application/json' }] });
    case 'bad_request':
    case 'unprocessable': {
      const fields = (err.details?.fields as FieldError[] | undefined) ?? [{ field: 'body', message: err.message }];
      return render(400, err.kind === 'bad_request' ? err.message : INVALID_REQUEST, { details: fields });
    }
    case 'unauthenticated':
      return render(401, 'Authentication required. Please provide a valid API token');
    case 'forbidden':
      return render(403, err.message);
    case 'not_found':
    case 'method_not_allowed':
      // No 405 is documented: an unknown method is an unknown route.
      return render(404, 'The requested resource was not found');
    case 'conflict':
      return render(409, 'The request conflicts with the current state of the resource', { details: String(err.details?.reason ?? 'Resource already exists') });
    case 'payload_too_large':
      return render(413, err.message.replace(/\.$/, ''));
    case 'rate_limited':
      return render(429, err.message);
    case 'internal':
      return render(500, 'An unexpected error occurred on the server', { requestId: `req_${ids().chars(10, REQUEST_ID_CHARS)}` });
  }
}
