/**
 * How Airweave words its errors, FastAPI's way: a request its schemas refuse
 * is a 422 listing pydantic's errors (`{errors: [...]}`); anything else is
 * `{detail}` under the status the framework or the vendor's handlers answer
 * with (duplicates and state clashes are 400s). The value errors the vendor's
 * validators raise beyond the schema are made here too.
 */
import { MockError, type ValidationIssue } from '../../core/errors.js';
import type { Reply, RequestView } from '../../core/provider.js';
import { pydanticErrors } from '../../core/pydantic.js';

/** FastAPI's texts for the statuses the framework itself answers. */
const FRAMEWORK: Partial<Record<MockError['kind'], { status: number; detail?: string }>> = {
  bad_request: { status: 400 },
  conflict: { status: 400 }, // the vendor answers duplicates and state clashes with 400
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  not_found: { status: 404 },
  method_not_allowed: { status: 405, detail: 'Method Not Allowed' },
  payload_too_large: { status: 413 },
  unprocessable: { status: 422 },
  rate_limited: { status: 429 },
  internal: { status: 500 },
};

/** An error in the vendor's envelope: pydantic's list for a validation failure, `{detail}` otherwise. */
export function renderAirweaveError(err: MockError, view: RequestView): Reply {
  if (err.kind === 'validation') {
    // A schema failure names its fields; a parse failure without issues falls back to the body as a whole.
    const issues = err.issues.length ? err.issues : [{ location: 'body' as const, pointer: '', rule: 'value_error', message: err.message }];
    return { status: 422, body: { errors: pydanticErrors(issues) } };
  }
  if (err.kind === 'unsupported_media_type') {
    // FastAPI does not refuse a media type: a non-JSON body simply is not an object.
    return { status: 422, body: { errors: [{ body: 'Input should be a valid dictionary or object to extract fields from' }] } };
  }
  if (err.kind === 'not_found' && !view.operation) return { status: 404, body: { detail: 'Not Found' } };
  const f = FRAMEWORK[err.kind] ?? { status: 500 };
  const detail = f.detail ?? (err.kind === 'internal' ? `Internal Server Error: ${err.message}` : err.message);
  return { status: f.status, body: { detail } };
}

/** A pydantic "Value error" reported under a loc, as the vendor's 422 body does. */
export function valueError(location: ValidationIssue['location'], pointer: string, text: string): MockError {
  return new MockError('validation', text, { issues: [{ location, pointer, rule: 'value_error', message: `Value error, ${text}` }] });
}

/** The vendor's text when a query is blank. */
export const EMPTY_QUERY = 'Query cannot be empty';

export const emptyQuery = (location: 'body' | 'query', pointer: string): MockError => valueError(location, pointer, EMPTY_QUERY);
