/**
 * Mixpeek's filter grammar, `LogicalOperator` (the vendor's OpenAPI document: `LogicalOperator`,
 * `FilterCondition`, `FilterOperator`; its docs: `retrieval/filters.mdx` in
 * github.com/mixpeek/docs), shared by the list bodies (`filters` of
 * collections/documents/buckets/objects lists), `source.source_filters.filters` and the legacy
 * `source.filters` of the `POST /v1/collections/create` form.
 *
 * `parseFilter` accepts every documented shape (AND/OR/NOT arrays, NOT as a single object, a bare
 * top-level FilterCondition, shorthand equality keys, `case_sensitive` on either level) and
 * normalises it into a small tree; `matches` evaluates that tree against a plain JSON record.
 *
 * Safety: parsing recurses only per LogicalOperator level and refuses more than MAX_DEPTH levels
 * before recursing further; evaluation, deep equality and path walking are iterative, so neither
 * a deep nor a long input can exhaust the stack. Regex patterns are length-capped and compiled once.
 */
import { MockError } from '../../core/errors.js';

/** A normalised filter: the vendor's LogicalOperator after accepting every documented shape. */
export type Filter =
  | { kind: 'and' | 'or'; items: Filter[] }
  | { kind: 'not'; items: Filter[] } // none of the items may hold
  | { kind: 'cond'; field: string; operator: Operator; value: unknown; caseSensitive: boolean };

export type Operator =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'lt'
  | 'gte'
  | 'lte'
  | 'in'
  | 'nin'
  | 'contains'
  | 'starts_with'
  | 'ends_with'
  | 'regex'
  | 'exists'
  | 'is_null'
  | 'text';

type Cond = Extract<Filter, { kind: 'cond' }>;
type Group = Exclude<Filter, { kind: 'cond' }>;

const OPERATORS: readonly Operator[] = [
  'eq',
  'ne',
  'gt',
  'lt',
  'gte',
  'lte',
  'in',
  'nin',
  'contains',
  'starts_with',
  'ends_with',
  'regex',
  'exists',
  'is_null',
  'text',
];
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);

/** The vendor has a depth limit but does not publish it; at least 10 levels must work, the mock allows 32 LogicalOperator levels. */
const MAX_DEPTH = 32;
/** ReDoS hygiene: longer patterns are refused outright. */
const MAX_REGEX_LENGTH = 512;
const LOGICAL_KEYS = new Set(['AND', 'OR', 'NOT', 'case_sensitive']);

/** Regexes compiled at parse time, keyed by the condition node that owns them. */
const compiled = new WeakMap<Cond, RegExp>();

const MATCH_ALL = (): Filter => ({ kind: 'and', items: [] });

/**
 * Normalises a LogicalOperator (or a bare FilterCondition, or shorthand equality keys) into a Filter.
 * Throws MockError('bad_request', message) for semantic problems the schema cannot catch:
 * an unknown operator, `in`/`nin` without an array value, `exists`/`is_null` without a boolean,
 * an invalid `regex` pattern, a `{"type":"dynamic", ...}` value (retriever-only), nesting deeper than 32,
 * an empty field name. `where` names the place for messages, e.g. 'source.source_filters'.
 */
export function parseFilter(input: unknown, where: string): Filter {
  if (input === null || input === undefined) return MATCH_ALL();
  if (!isObject(input)) fail(where, `expected an object (a LogicalOperator), got ${typeName(input)}`);
  return parseNode(input, where, 1, false, where);
}

/** Evaluates a filter against a record (a plain JSON object). */
export function matches(filter: Filter, record: unknown): boolean {
  if (filter.kind === 'cond') return testCondition(filter, record);
  // Explicit stack: a hand-built filter may be nested deeper than parseFilter allows.
  const stack: { node: Group; next: number }[] = [{ node: filter, next: 0 }];
  let result = true;
  let returned = false; // `result` holds the outcome of the child just finished
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { node } = frame;
    if (returned) {
      returned = false;
      // Short-circuit: AND stops at a false child, OR at a true one, NOT at a true one.
      const decisive = node.kind === 'and' ? !result : result;
      if (decisive) {
        stack.pop();
        result = node.kind === 'or';
        returned = true;
        continue;
      }
    }
    if (frame.next >= node.items.length) {
      stack.pop();
      // No decisive child: AND and NOT hold; OR holds only when it has no items (no constraint).
      result = node.kind === 'or' ? node.items.length === 0 : true;
      returned = true;
      continue;
    }
    const child = node.items[frame.next++]!;
    if (child.kind === 'cond') {
      result = testCondition(child, record);
      returned = true;
    } else {
      stack.push({ node: child, next: 0 });
    }
  }
  return result;
}

/**
 * Reads a dot path (`metadata.title`, `blobs.type`) from a record; through arrays it yields every element's value.
 * The value reached at the end is returned as is, arrays included (conditions then test the array and its elements).
 * Only own properties are read; a missing or undefined property yields nothing.
 */
export function valuesAt(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) step(value, key, next);
    if (next.length === 0) return next;
    current = next;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Parsing

function parseNode(
  obj: Record<string, unknown>,
  at: string,
  depth: number,
  inherited: boolean,
  root: string,
): Filter {
  const hasLogical = hasOwn(obj, 'AND') || hasOwn(obj, 'OR') || hasOwn(obj, 'NOT');
  // A FilterCondition: has `field` and none of the logical keys (a bare top-level condition, or an item).
  if (!hasLogical && hasOwn(obj, 'field')) return parseCondition(obj, at, inherited);

  if (depth > MAX_DEPTH) fail(root, `filter nesting is deeper than ${MAX_DEPTH} levels`);
  const cs = readCaseSensitive(obj, at) ?? inherited;
  const parts: Filter[] = [];

  // AND items join the parts directly: the parts themselves are ANDed.
  for (const [i, item] of listOf(obj, 'AND', at, false).entries()) {
    parts.push(parseItem(item, `${at}.AND[${i}]`, depth, cs, root));
  }
  const or = listOf(obj, 'OR', at, false);
  if (or.length > 0) {
    parts.push({ kind: 'or', items: or.map((item, i) => parseItem(item, `${at}.OR[${i}]`, depth, cs, root)) });
  }
  const not = listOf(obj, 'NOT', at, true);
  if (not.length > 0) {
    parts.push({ kind: 'not', items: not.map((item, i) => parseItem(item, `${at}.NOT[${i}]`, depth, cs, root)) });
  }
  // Any other key is shorthand equality: {"metadata.title": "x"}.
  for (const key of Object.keys(obj)) {
    if (LOGICAL_KEYS.has(key)) continue;
    const here = `${at}[${JSON.stringify(key)}]`;
    checkField(key, here);
    const value = obj[key];
    checkNotDynamic(value, here);
    parts.push({ kind: 'cond', field: key, operator: 'eq', value, caseSensitive: cs });
  }
  return parts.length === 1 ? parts[0]! : { kind: 'and', items: parts };
}

function parseItem(item: unknown, at: string, depth: number, cs: boolean, root: string): Filter {
  if (!isObject(item)) fail(at, `expected a condition or a LogicalOperator object, got ${typeName(item)}`);
  return parseNode(item, at, depth + 1, cs, root);
}

/** AND/OR must be arrays (or null); NOT may also be a single object, which is normalised to a list. */
function listOf(obj: Record<string, unknown>, key: 'AND' | 'OR' | 'NOT', at: string, allowObject: boolean): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (allowObject && isObject(value)) {
    // `"NOT": {}` reads like "no NOT clause" (as `null` and `[]` do), not "NOT everything".
    return Object.keys(value).length === 0 ? [] : [value];
  }
  fail(`${at}.${key}`, `expected ${allowObject ? 'an array or an object' : 'an array'}, got ${typeName(value)}`);
}

function parseCondition(obj: Record<string, unknown>, at: string, inherited: boolean): Cond {
  const field = obj['field'];
  if (typeof field !== 'string') fail(`${at}.field`, `field must be a string, got ${typeName(field)}`);
  checkField(field, `${at}.field`);

  const rawOperator = obj['operator'];
  let operator: Operator = 'eq';
  if (rawOperator !== undefined && rawOperator !== null) {
    if (typeof rawOperator !== 'string' || !OPERATOR_SET.has(rawOperator)) {
      const shown = typeof rawOperator === 'string' ? show(rawOperator) : typeName(rawOperator);
      fail(`${at}.operator`, `unknown operator ${shown}; expected one of ${OPERATORS.join(', ')}`);
    }
    operator = rawOperator as Operator;
  }

  const caseSensitive = readCaseSensitive(obj, at) ?? inherited;
  if (!hasOwn(obj, 'value')) fail(`${at}.value`, `condition on ${show(field)} has no value`);
  const value = obj['value'];
  const here = `${at}.value`;
  checkNotDynamic(value, here);

  switch (operator) {
    case 'in':
    case 'nin':
      if (!Array.isArray(value)) fail(here, `operator "${operator}" needs an array value, got ${typeName(value)}`);
      for (const item of value) checkNotDynamic(item, here);
      break;
    case 'exists':
    case 'is_null':
      if (typeof value !== 'boolean') {
        fail(here, `operator "${operator}" needs a boolean value (true or false), got ${typeName(value)}`);
      }
      break;
    case 'starts_with':
    case 'ends_with':
    case 'text':
      if (typeof value !== 'string') fail(here, `operator "${operator}" needs a string value, got ${typeName(value)}`);
      break;
    case 'regex':
      break; // checked below, once the node exists
    default:
      break;
  }

  const cond: Cond = { kind: 'cond', field, operator, value, caseSensitive };
  if (operator === 'regex') compiled.set(cond, compileRegex(value, caseSensitive, here));
  return cond;
}

function readCaseSensitive(obj: Record<string, unknown>, at: string): boolean | undefined {
  const value = obj['case_sensitive'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') fail(`${at}.case_sensitive`, `case_sensitive must be a boolean, got ${typeName(value)}`);
  return value;
}

function checkField(field: string, at: string): void {
  if (field.trim() === '') fail(at, 'field name must not be empty');
}

function checkNotDynamic(value: unknown, at: string): void {
  if (isObject(value) && value['type'] === 'dynamic') {
    fail(at, 'dynamic values ({"type":"dynamic", ...}) are only supported in retriever filters, not here');
  }
}

function compileRegex(pattern: unknown, caseSensitive: boolean, at: string): RegExp {
  if (typeof pattern !== 'string') fail(at, `operator "regex" needs a string pattern, got ${typeName(pattern)}`);
  if (pattern.length > MAX_REGEX_LENGTH) {
    fail(at, `regex pattern is ${pattern.length} characters long; at most ${MAX_REGEX_LENGTH} are allowed`);
  }
  let source = pattern;
  let insensitive = !caseSensitive;
  // Python's leading inline flag, common in patterns written for the vendor's backend.
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    insensitive = true;
  }
  try {
    return new RegExp(source, insensitive ? 'i' : '');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    fail(at, `invalid regex pattern ${show(pattern)}: ${reason}`);
  }
}

function fail(at: string, message: string): never {
  throw new MockError('bad_request', `Invalid filter at ${at}: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Evaluation

function testCondition(cond: Cond, record: unknown): boolean {
  const reached = valuesAt(record, cond.field);
  const { value, caseSensitive: cs } = cond;
  switch (cond.operator) {
    case 'eq':
      return anyCandidate(reached, (v) => equal(v, value, cs));
    case 'ne':
      return !anyCandidate(reached, (v) => equal(v, value, cs));
    case 'in': {
      const options = Array.isArray(value) ? value : [];
      return anyCandidate(reached, (v) => options.some((o) => equal(v, o, cs)));
    }
    case 'nin': {
      const options = Array.isArray(value) ? value : [];
      return !anyCandidate(reached, (v) => options.some((o) => equal(v, o, cs)));
    }
    case 'gt':
      return anyCandidate(reached, (v) => ordered(v, value, (c) => c > 0));
    case 'gte':
      return anyCandidate(reached, (v) => ordered(v, value, (c) => c >= 0));
    case 'lt':
      return anyCandidate(reached, (v) => ordered(v, value, (c) => c < 0));
    case 'lte':
      return anyCandidate(reached, (v) => ordered(v, value, (c) => c <= 0));
    case 'contains':
      // Not expanded into elements: a string holds a substring, an array holds an element.
      return reached.some((v) => {
        if (typeof v === 'string') return typeof value === 'string' && fold(v, cs).includes(fold(value, cs));
        if (Array.isArray(v)) return v.some((e) => equal(e, value, cs));
        return false;
      });
    case 'starts_with':
      return typeof value === 'string' && anyString(reached, (s) => fold(s, cs).startsWith(fold(value, cs)));
    case 'ends_with':
      return typeof value === 'string' && anyString(reached, (s) => fold(s, cs).endsWith(fold(value, cs)));
    case 'regex': {
      let re = compiled.get(cond);
      if (re === undefined) {
        // A filter built by hand rather than by parseFilter: compile (and validate) on first use.
        re = compileRegex(value, cs, cond.field);
        compiled.set(cond, re);
      }
      const pattern = re;
      return anyString(reached, (s) => pattern.test(s));
    }
    case 'exists':
      return (reached.length > 0) === (value === true);
    case 'is_null':
      return (reached.length === 0 || anyCandidate(reached, (v) => v === null)) === (value === true);
    case 'text': {
      const tokens = typeof value === 'string' ? value.toLowerCase().split(/\s+/).filter((t) => t !== '') : [];
      return anyString(reached, (s) => {
        const hay = s.toLowerCase();
        return tokens.every((t) => hay.includes(t));
      });
    }
    default: {
      const unknown: never = cond.operator;
      throw new MockError('bad_request', `Invalid filter: unknown operator ${show(String(unknown))}`);
    }
  }
}

/** Each reached value, and for a reached array also its elements (an array field matches by any element). */
function anyCandidate(reached: unknown[], test: (v: unknown) => boolean): boolean {
  for (const v of reached) {
    if (test(v)) return true;
    if (Array.isArray(v)) for (const e of v) if (test(e)) return true;
  }
  return false;
}

function anyString(reached: unknown[], test: (s: string) => boolean): boolean {
  return anyCandidate(reached, (v) => typeof v === 'string' && test(v));
}

function fold(s: string, caseSensitive: boolean): string {
  return caseSensitive ? s : s.toLowerCase();
}

/** Numbers numerically, strings (ISO timestamps included) lexicographically; anything else never compares. */
function ordered(a: unknown, b: unknown, accept: (c: number) => boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    return accept(a < b ? -1 : a > b ? 1 : 0);
  }
  if (typeof a === 'string' && typeof b === 'string') return accept(a < b ? -1 : a > b ? 1 : 0);
  return false;
}

/** JSON deep equality, strings folded unless case-sensitive; iterative so deep values are safe. */
function equal(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    if (typeof x === 'string' && typeof y === 'string') {
      if (caseSensitive ? x !== y : x.toLowerCase() !== y.toLowerCase()) return false;
      continue;
    }
    if (x === y) continue;
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) pending.push([x[i], y[i]]);
      continue;
    }
    if (isObject(x) && isObject(y)) {
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length) return false;
      for (const k of keys) {
        if (!hasOwn(y, k)) return false;
        pending.push([x[k], y[k]]);
      }
      continue;
    }
    return false;
  }
  return true;
}

/** One path segment: arrays are walked through (iteratively, nested ones too); a numeric key also indexes an array. */
function step(value: unknown, key: string, out: unknown[]): void {
  const index = /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : undefined;
  // `tags.0`: the element at that index of the array reached so far (as MongoDB reads it).
  if (index !== undefined && Array.isArray(value) && index < value.length && value[index] !== undefined) {
    out.push(value[index]);
  }
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (Array.isArray(v[i]) || isObject(v[i])) stack.push(v[i]);
    } else if (isObject(v) && hasOwn(v, key)) {
      const found = v[key];
      if (found !== undefined) out.push(found);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Quotes user text for a message, bounded in length. */
function show(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}
