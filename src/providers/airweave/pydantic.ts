/**
 * Airweave's 422 body: FastAPI request validation, reshaped by the vendor into
 * `{"errors": [{"<loc>": "<pydantic message>"}, …]}`. The messages are
 * pydantic v2's wording, produced here from the Ajv issues of the same check.
 */
import type { ValidationIssue } from '../../core/errors.js';

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

/** `/a/0/b` under `body` → `body.a.0.b` (FastAPI's loc joined with dots). */
export function pydanticLoc(issue: ValidationIssue): string {
  const parts = issue.pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [issue.location, ...parts].join('.');
}

export function pydanticErrors(issues: ValidationIssue[]): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const msg = pydanticMessage(issue);
    if (msg === undefined) continue;
    const loc = pydanticLoc(issue);
    const key = `${loc}\u0000${msg}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ [loc]: msg });
  }
  if (!out.length && issues.length) out.push({ [pydanticLoc(issues[0]!)]: issues[0]!.message });
  return out;
}
