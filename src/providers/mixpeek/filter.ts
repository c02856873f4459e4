/**
 * Mixpeek's filter grammar, `LogicalOperator` (the vendor's OpenAPI document: `LogicalOperator`,
 * `FilterCondition`, `FilterOperator`; its docs: `retrieval/filters.mdx` in
 * github.com/mixpeek/docs), shared by the list bodies (`filters` of
 * collections/documents/buckets/objects lists), `source.source_filters.filters` and the legacy
 * `source.filters` of the `POST /v1/collections/create` form.
 *
 * `parseFilter` accepts every documented shape (AND/OR/NOT arrays, NOT as a single object, a bare
 * top-level FilterCondition, shorthand equality keys, `case_sensitive` on either level) and
 * normalises it into the core's condition tree (core/retrieval/predicate.ts), whose evaluator
 * every vendor shares.
 *
 * Safety: parsing recurses only per LogicalOperator level and refuses more than MAX_DEPTH levels
 * before recursing further.
 */
import {
  CONDITION_OPERATORS as OPERATORS,
  compileConditionRegex,
  filterError as fail,
  hasOwn,
  isObject,
  show,
  typeName,
  type Condition,
  type ConditionOperator as Operator,
} from '../../core/retrieval/predicate.js';

export { matches, valuesAt } from '../../core/retrieval/predicate.js';
/** A normalised filter: the vendor's LogicalOperator after accepting every documented shape. */
export type Filter = Condition;

type Cond = Extract<Filter, { kind: 'cond' }>;

const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);

/** The vendor has a depth limit but does not publish it; at least 10 levels must work, the mock allows 32 LogicalOperator levels. */
const MAX_DEPTH = 32;
const LOGICAL_KEYS = new Set(['AND', 'OR', 'NOT', 'case_sensitive']);

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

// ---------------------------------------------------------------------------------------------
// Parsing

function parseNode(obj: Record<string, unknown>, at: string, depth: number, inherited: boolean, root: string): Filter {
  const hasLogical = hasOwn(obj, 'AND') || hasOwn(obj, 'OR') || hasOwn(obj, 'NOT');
  // A FilterCondition: has `field` and none of the logical keys (a bare top-level condition, or an item).
  if (!hasLogical && hasOwn(obj, 'field')) return parseCondition(obj, at, inherited);
  if (!hasLogical && isQdrantGroup(obj)) {
    if (depth > MAX_DEPTH) fail(root, `filter nesting is deeper than ${MAX_DEPTH} levels`);
    return parseQdrantGroup(obj, at, depth, root);
  }

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
  if (operator === 'regex') compileConditionRegex(cond, here);
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

// ---------------------------------------------------------------------------------------------
// The Qdrant-style form of the vendor's document-update examples

const QDRANT_GROUPS = ['must', 'should', 'must_not'] as const;
const QDRANT_RANGES = ['gt', 'gte', 'lt', 'lte'] as const;

/**
 * `{"must": [{"key": "metadata.status", "value": "pending"}]}`: the form the
 * vendor's examples for document updates and deletes show (its storage's,
 * Qdrant's, filter). Recognised only when every key is one of must, should
 * and must_not and each holds an array of objects, so a shorthand equality on
 * a field named `must` is not taken for it.
 */
function isQdrantGroup(obj: Record<string, unknown>): boolean {
  const keys = Object.keys(obj);
  return (
    keys.length > 0 && keys.every((k) => (QDRANT_GROUPS as readonly string[]).includes(k) && Array.isArray(obj[k]) && (obj[k] as unknown[]).every(isObject))
  );
}

function parseQdrantGroup(obj: Record<string, unknown>, at: string, depth: number, root: string): Filter {
  const parts: Filter[] = [];
  const items = (key: string) => (obj[key] as Record<string, unknown>[]).map((item, i) => parseQdrantItem(item, `${at}.${key}[${i}]`, depth, root));
  if (obj.must) parts.push(...items('must'));
  if (obj.should) parts.push({ kind: 'or', items: items('should') });
  if (obj.must_not) parts.push({ kind: 'not', items: items('must_not') });
  return parts.length === 1 ? parts[0]! : { kind: 'and', items: parts };
}

function parseQdrantItem(item: Record<string, unknown>, at: string, depth: number, root: string): Filter {
  if (isQdrantGroup(item)) {
    if (depth + 1 > MAX_DEPTH) fail(root, `filter nesting is deeper than ${MAX_DEPTH} levels`);
    return parseQdrantGroup(item, at, depth + 1, root);
  }
  for (const op of ['is_empty', 'is_null'] as const) {
    const target = item[op];
    if (isObject(target) && typeof target.key === 'string') {
      checkField(target.key, `${at}.${op}.key`);
      // is_empty: missing, null or an empty array; is_null: null.
      const cond = (operator: 'exists' | 'is_null', value: boolean): Cond => ({
        kind: 'cond',
        field: target.key as string,
        operator,
        value,
        caseSensitive: true,
      });
      return op === 'is_null'
        ? cond('is_null', true)
        : {
            kind: 'or',
            items: [cond('exists', false), cond('is_null', true), { kind: 'cond', field: target.key, operator: 'eq', value: [], caseSensitive: true }],
          };
    }
  }
  const key = item.key;
  if (typeof key !== 'string') fail(`${at}.key`, `expected a condition with a string "key", got ${typeName(key)}`);
  checkField(key, `${at}.key`);
  const cond = (operator: Operator, value: unknown): Cond => ({ kind: 'cond', field: key, operator, value, caseSensitive: true });
  const conds: Filter[] = [];
  if (hasOwn(item, 'value')) conds.push(cond('eq', item.value));
  const match = item.match;
  if (match !== undefined) {
    if (!isObject(match)) fail(`${at}.match`, `expected an object, got ${typeName(match)}`);
    if (hasOwn(match, 'value')) conds.push(cond('eq', match.value));
    else if (Array.isArray(match.any)) conds.push(cond('in', match.any));
    else if (Array.isArray(match.except)) conds.push(cond('nin', match.except));
    else if (typeof match.text === 'string') conds.push({ ...cond('text', match.text), caseSensitive: false });
    else fail(`${at}.match`, 'expected one of value, any, except or text');
  }
  const range = isObject(item.range) ? item.range : item;
  for (const op of QDRANT_RANGES) if (hasOwn(range, op)) conds.push(cond(op, range[op]));
  if (!conds.length) fail(at, `condition on ${show(key)} has no value, match or range`);
  return conds.length === 1 ? conds[0]! : { kind: 'and', items: conds };
}
