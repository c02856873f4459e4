/**
 * Neutral error kinds. Any pipeline stage or handler throws a MockError; the
 * provider renders it in the vendor's own envelope and status.
 * `validation` is a request that breaks the spec's schemas; `bad_request` is a
 * well-formed request the vendor refuses on a business rule.
 */
export type MockErrorKind =
  | 'validation'
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'internal';

export interface ValidationIssue {
  /** Where the problem is: 'body', 'query', 'path', 'header' plus a JSON pointer. */
  location: 'body' | 'query' | 'path' | 'header';
  pointer: string;
  message: string;
  /** The Ajv keyword or pipeline rule that failed. */
  rule: string;
  /** The rule's parameters (Ajv's `params`: limit, pattern, allowedValues, type…), for vendors that word their own messages. */
  params?: Record<string, unknown>;
  /** The value that failed, when known. */
  value?: unknown;
}

export class MockError extends Error {
  readonly kind: MockErrorKind;
  readonly issues: ValidationIssue[];
  /** Extra response headers the renderer should send (e.g. Allow on 405). */
  readonly headers: Record<string, string>;
  /** Structured facts about the error (the resource and id not found, say), for envelopes that carry them. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    kind: MockErrorKind,
    message: string,
    options: { issues?: ValidationIssue[]; headers?: Record<string, string>; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MockError';
    this.kind = kind;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
    this.details = options.details;
  }
}

export const isMockError = (e: unknown): e is MockError => e instanceof MockError;
