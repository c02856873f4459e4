/**
 * Request-validation errors in pydantic v2's words, from the Ajv issues of the
 * same check. Vendors built on FastAPI (Airweave, Mixpeek) send these, each in
 * its own envelope: the error type code (`missing`, `string_too_short`…), the
 * location (`["body", "name"]`) and the message.
 */
import type { ValidationIssue } from './errors.js';

function quoteList(values: unknown[]): string {
  const q = values.map((v) => `'${String(v)}'`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function uuidProblem(value: unknown): string {
  const text = String(value ?? '');
  const bad = [...text].findIndex((c) => !/[0-9a-fA-F-]/.test(c));
  if (bad >= 0) return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${[...text][bad]}\` at ${bad + 1}`;
  return `invalid group length in group 4: expected 12, found ${Math.max(0, text.replace(/-/g, '').length - 20)}`;
}

function typeMessage(type: string, value: unknown): string {
  const first = type.split(',')[0];
  switch (first) {
    case 'integer':
      return typeof value === 'string' ? 'Input should be a valid integer, unable to parse string as an integer' : 'Input should be a valid integer';
    case 'number':
      return typeof value === 'string' ? 'Input should be a valid number, unable to parse string as a number' : 'Input should be a valid number';
    case 'boolean':
      return typeof value === 'string' ? 'Input should be a valid boolean, unable to interpret input' : 'Input should be a valid boolean';
    case 'string':
      return 'Input should be a valid string';
    case 'array':
      return 'Input should be a valid list';
    case 'object':
      return 'Input should be a valid dictionary or object to extract fields from';
    default:
      return `Input should be a valid ${first}`;
  }
}

/** pydantic's error type code for one Ajv issue. */
export function pydanticType(issue: ValidationIssue): string {
  const p = issue.params ?? {};
  switch (issue.rule) {
    case 'required':
      return 'missing';
    case 'json':
      return 'json_invalid';
    case 'minLength':
      return 'string_too_short';
    case 'maxLength':
      return 'string_too_long';
    case 'pattern':
      return 'string_pattern_mismatch';
    case 'minimum':
      return 'greater_than_equal';
    case 'exclusiveMinimum':
      return 'greater_than';
    case 'maximum':
      return 'less_than_equal';
    case 'exclusiveMaximum':
      return 'less_than';
    case 'enum':
      return 'enum';
    case 'const':
      return 'literal_error';
    case 'additionalProperties':
      return 'extra_forbidden';
    case 'minItems':
    case 'minProperties':
      return 'too_short';
    case 'maxItems':
      return 'too_long';
    case 'format':
      return p.format === 'uuid' ? 'uuid_parsing' : p.format === 'uri' ? 'url_parsing' : 'value_error';
    case 'type': {
      const t = String(p.type).split(',')[0];
      const parsing = typeof issue.value === 'string';
      if (t === 'integer') return parsing ? 'int_parsing' : 'int_type';
      if (t === 'number') return parsing ? 'float_parsing' : 'float_type';
      if (t === 'boolean') return parsing ? 'bool_parsing' : 'bool_type';
      if (t === 'string') return 'string_type';
      if (t === 'array') return 'list_type';
      if (t === 'object') return 'model_attributes_type';
      return 'value_error';
    }
    default:
      return 'value_error';
  }
}

/** The pydantic message for one Ajv issue; undefined for wrappers (anyOf/oneOf) whose branches already spoke. */
export function pydanticMessage(issue: ValidationIssue): string | undefined {
  const p = issue.params ?? {};
  switch (issue.rule) {
    case 'required':
      return 'Field required';
    case 'json':
      return 'JSON decode error';
    case 'minLength':
      return `String should have at least ${plural(Number(p.limit), 'character')}`;
    case 'maxLength':
      return `String should have at most ${plural(Number(p.limit), 'character')}`;
    case 'pattern':
      return `String should match pattern '${String(p.pattern)}'`;
    case 'minimum':
      return `Input should be greater than or equal to ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `Input should be greater than ${String(p.limit)}`;
    case 'maximum':
      return `Input should be less than or equal to ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `Input should be less than ${String(p.limit)}`;
    case 'type':
      return typeMessage(String(p.type), issue.value);
    case 'enum':
      return `Input should be ${quoteList((p.allowedValues as unknown[]) ?? [])}`;
    case 'const':
      return `Input should be ${quoteList([p.allowedValue])}`;
    case 'additionalProperties':
      return 'Extra inputs are not permitted';
    case 'minItems':
      return `List should have at least ${plural(Number(p.limit), 'item')} after validation, not ${Array.isArray(issue.value) ? issue.value.length : 0}`;
    case 'maxItems':
      return `List should have at most ${plural(Number(p.limit), 'item')} after validation, not ${Array.isArray(issue.value) ? issue.value.length : 0}`;
    case 'minProperties':
      return `Dictionary should have at least ${plural(Number(p.limit), 'item')} after validation, not 0`;
    case 'format':
      if (p.format === 'uuid') return `Input should be a valid UUID, ${uuidProblem(issue.value)}`;
      if (p.format === 'uri') return 'Input should be a valid URL, relative URL without a base';
      if (p.format === 'email') return 'value is not a valid email address: An email address must have an @-sign.';
      return `Input should be a valid ${String(p.format)}`;
    case 'anyOf':
    case 'oneOf':
    case 'if':
    case 'allOf':
      return undefined;
    default:
      return issue.message;
  }
}

/** FastAPI's loc: `/a/0/b` under `body` → `["body", "a", 0, "b"]` (array indexes as numbers). */
export function pydanticLocation(issue: ValidationIssue): Array<string | number> {
  const parts = issue.pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
  return [issue.location, ...parts];
}

/** The loc joined with dots, as Airweave prints it: `body.a.0.b`. */
export const pydanticLoc = (issue: ValidationIssue): string => pydanticLocation(issue).join('.');

export interface PydanticError {
  type: string;
  location: Array<string | number>;
  message: string;
}

/** One entry per distinct failure, wrappers (anyOf/oneOf) left out when their branches spoke. */
export function pydanticDetails(issues: ValidationIssue[]): PydanticError[] {
  const out: PydanticError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const message = pydanticMessage(issue);
    if (message === undefined) continue;
    const location = pydanticLocation(issue);
    const key = `${location.join('\u0000')}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: pydanticType(issue), location, message });
  }
  if (!out.length && issues.length) out.push({ type: pydanticType(issues[0]!), location: pydanticLocation(issues[0]!), message: issues[0]!.message });
  return out;
}

/** Airweave's shape: `[{"body.name": "String should have at least 4 characters"}]`. */
export function pydanticErrors(issues: ValidationIssue[]): Array<Record<string, string>> {
  return pydanticDetails(issues).map((d) => ({ [d.location.join('.')]: d.message }));
}
