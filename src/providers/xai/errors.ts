/**
 * How xAI words its errors: the gRPC status text in `code`, the message in
 * `error`, under the HTTP status the gateway maps it to. Validation failures
 * are 400s like any invalid argument.
 */
import type { MockError, MockErrorKind } from '../../core/errors.js';
import type { Reply } from '../../core/provider.js';

/** gRPC status texts the vendor sends in `code`, by the HTTP status it maps them to. */
const STATUS: Record<MockErrorKind, { status: number; code: string }> = {
  validation: { status: 400, code: 'Client specified an invalid argument' },
  bad_request: { status: 400, code: 'Client specified an invalid argument' },
  unauthenticated: { status: 401, code: 'The request does not have valid authentication credentials' },
  forbidden: { status: 403, code: 'The caller does not have permission to execute the specified operation' },
  not_found: { status: 404, code: 'Some requested entity was not found' },
  method_not_allowed: { status: 405, code: 'Operation is not implemented or not supported' },
  conflict: { status: 409, code: 'Some entity that we attempted to create already exists' },
  payload_too_large: { status: 413, code: 'Some resource has been exhausted' },
  unsupported_media_type: { status: 415, code: 'Client specified an invalid argument' },
  unprocessable: { status: 422, code: 'Client specified an invalid argument' },
  rate_limited: { status: 429, code: 'Some resource has been exhausted' },
  internal: { status: 500, code: 'Internal error' },
};

/** An error in the vendor's envelope: `{ code, error }`. */
export function renderXaiError(err: MockError): Reply {
  const { status, code } = STATUS[err.kind];
  return { status, headers: err.headers, body: { code, error: err.message } };
}
