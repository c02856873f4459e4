/**
 * How Mixpeek words its errors: `{success: false, status, error: {message,
 * type, details}}`, the type named after the status (NotFoundError,
 * AlreadyExistsError…). A request its schemas refuse is a 422 whose details
 * list pydantic's errors; the not-found, duplicate-name and value errors its
 * handlers raise are made here too.
 */
import { MockError, type MockErrorKind } from '../../core/errors.js';
import type { Reply, RequestView } from '../../core/provider.js';
import { pydanticDetails } from '../../core/pydantic.js';
import { omitNulls } from './model.js';

const TYPES: Record<MockErrorKind, { status: number; type: string }> = {
  validation: { status: 422, type: 'ValidationError' },
  unprocessable: { status: 422, type: 'ValidationError' },
  unsupported_media_type: { status: 422, type: 'ValidationError' },
  bad_request: { status: 400, type: 'BadRequestError' },
  unauthenticated: { status: 401, type: 'UnauthorizedError' },
  forbidden: { status: 403, type: 'ForbiddenError' },
  not_found: { status: 404, type: 'NotFoundError' },
  method_not_allowed: { status: 405, type: 'MethodNotAllowedError' },
  conflict: { status: 409, type: 'AlreadyExistsError' },
  payload_too_large: { status: 413, type: 'PayloadTooLargeError' },
  rate_limited: { status: 429, type: 'TooManyRequestsError' },
  internal: { status: 500, type: 'InternalServerError' },
};

/** An error in the vendor's envelope, nulls left out. */
export function renderMixpeekError(err: MockError, view: RequestView): Reply {
  const { status, type } = TYPES[err.kind];
  let message = err.message;
  let details = err.details;
  if (err.kind === 'validation') {
    message = 'Validation error';
    const issues = err.issues.length ? err.issues : [{ location: 'body' as const, pointer: '', rule: 'value_error', message: err.message }];
    details = { validation_errors: pydanticDetails(issues) };
  } else if (err.kind === 'unsupported_media_type') {
    // FastAPI does not refuse a media type: a non-JSON body simply is not an object.
    message = 'Validation error';
    details = {
      validation_errors: [
        { type: 'model_attributes_type', location: ['body'], message: 'Input should be a valid dictionary or object to extract fields from' },
      ],
    };
  } else if (err.kind === 'not_found' && !view.operation) {
    message = 'Not Found';
  }
  return { status, body: omitNulls({ success: false, status, error: { message, type, details } }) };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `Bucket not found`, `Feature extractor not found`: the resource and the identifier asked for in the details. */
export function notFound(resource: string, id: string): MockError {
  return new MockError('not_found', `${capital(resource.replace(/_/g, ' '))} not found`, { details: { resource, id } });
}

/** A name already taken in the namespace. */
export function alreadyExists(resource: string, name: string): MockError {
  return new MockError('conflict', `${capital(resource)} with name '${name}' already exists`, { details: { resource, name } });
}

/** A pydantic-style failure the schema could not express, reported like the pipeline's 422s. */
export function invalid(pointer: string, rule: string, message: string): MockError {
  return new MockError('validation', message, { issues: [{ location: 'body', pointer, rule, message }] });
}
