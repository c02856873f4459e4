/**
 * The request validation stage: path, query and header parameters (coerced,
 * defaults applied) and the body against the operation's schemas; the first
 * issue is the error's message, all of them its issues.
 */
import { MockError, type ValidationIssue } from '../errors.js';
import { dropUndeclaredFields } from '../aliases.js';
import type { Exchange, Mount } from './context.js';

function firstIssueMessage(issues: ValidationIssue[]): string {
  const i = issues[0]!;
  const where = i.pointer ? `${i.location}${i.pointer.replace(/\//g, '.')}` : i.location;
  return `${where} ${i.message}`;
}

export function validateRequest(mount: Mount, x: Exchange): void {
  const op = x.op!;
  const { body } = x.request;
  if (op.requestBody?.required && body === undefined) {
    throw new MockError('validation', 'Request body is required.', {
      issues: [{ location: 'body', pointer: '', rule: 'required', message: 'is required' }],
    });
  }
  const arrays = mount.arrayParams.get(op.id)!;
  const query: Record<string, unknown> = {};
  const header: Record<string, unknown> = {};
  const sent = x.request.query;
  for (const p of op.parameters) {
    if (p.in === 'query') {
      if (!(p.name in sent)) continue;
      const v = sent[p.name]!;
      query[p.name] = Array.isArray(v) && !arrays.has(p.name) ? v[0] : v;
    } else if (p.in === 'header') {
      const name = p.name.toLowerCase();
      const v = x.view.headers[name];
      if (v !== undefined) header[name] = v;
    }
  }
  // A copy (coercion may change its values), made key by key: a spread of every route's shape takes V8's slow path.
  const path: Record<string, unknown> = {};
  for (const k in x.params) path[k] = x.params[k];
  const v = mount.validators.for(op);
  const issues = v.params({ path, query, header });
  const mediaType = x.parsed.mediaType || 'application/json';
  // Raw bytes (binary media) have nothing for a JSON Schema to say about them.
  if (body !== undefined && op.requestBody && !Buffer.isBuffer(body)) {
    const validateBody = v.body(mediaType);
    if (validateBody) issues.push(...validateBody(body));
  }
  if (issues.length) throw new MockError('validation', firstIssueMessage(issues), { issues });
  if (mount.provider.ignoreUnknownFields && body !== undefined) {
    const schema = op.requestBody?.content[mediaType]?.schema;
    if (schema !== undefined) dropUndeclaredFields(mount.spec.doc, schema, body);
  }
  x.validated = { path, query, header };
}
