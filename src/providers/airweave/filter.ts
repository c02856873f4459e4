/**
 * Airweave's two filter grammars, parsed into the core condition tree
 * (core/retrieval/predicate.ts) and evaluated against each chunk's filter
 * view (retrieval.ts) before ranking:
 *
 * - v2 search's `FilterGroup[]`: groups OR-ed, the conditions of a group
 *   AND-ed, `{field, operator, value}` on the documented fields;
 * - legacy search's Qdrant-style filter: must / should / must_not /
 *   min_should, match / range / is_empty / is_null / has_id / nested.
 *
 * A filter that cannot be evaluated is a 422 naming its place, in the
 * vendor's validation envelope.
 */
import type { MockError } from '../../core/errors.js';
import { isObject, typeName, type Condition } from '../../core/retrieval/predicate.js';
import { canonicalTime } from './entities.js';
import { valueError } from './errors.js';

type Cond = Extract<Condition, { kind: 'cond' }>;

const SYSTEM = ['entity_type', 'source_name', 'original_entity_id', 'chunk_index', 'sync_id', 'sync_job_id'] as const;
const TIME_FIELDS = new Set(['created_at', 'updated_at']);
const NUMBER_FIELDS = new Set(['airweave_system_metadata.chunk_index']);

const cond = (field: string, operator: Cond['operator'], value: unknown, caseSensitive = true): Cond => ({
  kind: 'cond',
  field,
  operator,
  value,
  caseSensitive,
});

/** A time as the filter view holds it (epoch ms); undefined when the value is not a time. */
function timeValue(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const iso = canonicalTime(v);
  return iso === undefined ? undefined : Date.parse(iso);
}

// ---------------------------------------------------------------- v2: FilterGroup[]

export interface FilterConditionInput {
  field: string;
  operator: string;
  value: unknown;
}

const V2_OPERATORS: Record<string, Cond['operator']> = {
  equals: 'eq',
  not_equals: 'ne',
  contains: 'contains',
  greater_than: 'gt',
  less_than: 'lt',
  greater_than_or_equal: 'gte',
  less_than_or_equal: 'lte',
  in: 'in',
  not_in: 'nin',
};
const ORDERING = new Set(['greater_than', 'less_than', 'greater_than_or_equal', 'less_than_or_equal']);

/**
 * `FilterGroup[]` (schema-checked) → one condition: groups OR-ed, conditions
 * AND-ed. Equality is exact, `contains` a case-insensitive substring, the
 * orderings compare numbers and times; each must fit its field.
 */
export function parseFilterGroups(groups: readonly { conditions: readonly FilterConditionInput[] }[] | null | undefined): Condition | undefined {
  if (!groups || groups.length === 0) return undefined;
  return {
    kind: 'or',
    items: groups.map((g, gi) => ({ kind: 'and', items: g.conditions.map((c, ci) => parseV2Condition(c, `/filter/${gi}/conditions/${ci}`)) })),
  };
}

function parseV2Condition(c: FilterConditionInput, at: string): Condition {
  const { field, operator, value } = c;
  const op = V2_OPERATORS[operator]!;
  const list = operator === 'in' || operator === 'not_in';
  if (list !== Array.isArray(value)) {
    throw valueError('body', at, list ? `Operator '${operator}' requires a list value` : `Operator '${operator}' requires a single value, not a list`);
  }
  const values = Array.isArray(value) ? value : [value];
  if (TIME_FIELDS.has(field)) {
    if (operator === 'contains') throw valueError('body', at, `Operator 'contains' is not supported for field '${field}'`);
    const times = values.map((v) => timeValue(v));
    if (times.some((t) => t === undefined)) throw valueError('body', at, `Field '${field}' takes ISO 8601 datetime values`);
    return cond(field, op, list ? times : times[0]);
  }
  if (NUMBER_FIELDS.has(field)) {
    if (operator === 'contains') throw valueError('body', at, `Operator 'contains' is not supported for field '${field}'`);
    if (values.some((v) => typeof v !== 'number')) throw valueError('body', at, `Field '${field}' takes integer values`);
    return cond(field, op, value);
  }
  // A text field.
  if (ORDERING.has(operator)) throw valueError('body', at, `Operator '${operator}' is not supported for field '${field}': it compares numbers and datetimes`);
  if (values.some((v) => typeof v !== 'string')) throw valueError('body', at, `Field '${field}' takes string values`);
  return cond(field, op, value, operator !== 'contains');
}

// ---------------------------------------------------------------- legacy: Qdrant-style

/** Deeper nesting is refused (the tree is walked iteratively, but a filter this deep is no real one). */
const MAX_DEPTH = 32;

/** A legacy key as the filter view names it: system metadata under any of its spellings, the source's fields under `source_fields`. */
export function legacyField(key: string): string {
  for (const prefix of ['airweave_system_metadata.', 'system_metadata.']) {
    if (key.startsWith(prefix)) return `airweave_system_metadata.${key.slice(prefix.length)}`;
  }
  if ((SYSTEM as readonly string[]).includes(key)) return `airweave_system_metadata.${key}`;
  if (key.startsWith('raw_source_fields.')) return `source_fields.${key.slice('raw_source_fields.'.length)}`;
  if (key.startsWith('payload.')) return legacyField(key.slice('payload.'.length));
  return key;
}

const bad = (at: string, text: string): MockError => valueError('body', at, text);

/** The legacy filter (any JSON) → one condition; undefined for no filter. */
export function parseLegacyFilter(raw: unknown): Condition | undefined {
  if (raw === undefined || raw === null) return undefined;
  return parseFilter(raw, '/filter', 0, false);
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** `inner`: inside a nested condition, whose keys name the element's own fields, as written. */
function parseFilter(raw: unknown, at: string, depth: number, inner: boolean): Condition {
  if (depth > MAX_DEPTH) throw bad(at, `Filter is nested deeper than ${MAX_DEPTH} levels`);
  if (!isObject(raw)) throw bad(at, `Filter must be an object, got ${typeName(raw)}`);
  const known = new Set(['must', 'should', 'must_not', 'min_should']);
  const unknown = Object.keys(raw).find((k) => !known.has(k));
  if (unknown !== undefined) throw bad(`${at}/${unknown}`, `Unknown filter clause '${unknown}'; expected must, should, must_not or min_should`);
  const parts: Condition[] = [];
  const items = (key: string) => listOf(raw[key]).map((c, i) => parseCondition(c, `${at}/${key}${Array.isArray(raw[key]) ? `/${i}` : ''}`, depth + 1, inner));
  if (raw.must !== undefined && raw.must !== null) parts.push({ kind: 'and', items: items('must') });
  if (raw.should !== undefined && raw.should !== null) parts.push({ kind: 'or', items: items('should') });
  if (raw.must_not !== undefined && raw.must_not !== null) parts.push({ kind: 'not', items: items('must_not') });
  const minShould = raw.min_should;
  if (minShould !== undefined && minShould !== null) {
    const here = `${at}/min_should`;
    if (!isObject(minShould) || !Array.isArray(minShould.conditions) || !Number.isInteger(minShould.min_count)) {
      throw bad(here, 'min_should needs conditions (a list) and min_count (an integer)');
    }
    parts.push({
      kind: 'atLeast',
      min: minShould.min_count as number,
      items: minShould.conditions.map((c, i) => parseCondition(c, `${here}/conditions/${i}`, depth + 1, inner)),
    });
  }
  return parts.length === 1 ? parts[0]! : { kind: 'and', items: parts };
}

function keyOf(raw: Record<string, unknown>, at: string, inner: boolean): string {
  if (typeof raw.key !== 'string' || raw.key === '') throw bad(`${at}/key`, 'key must be a non-empty string');
  return inner ? raw.key : legacyField(raw.key);
}

function parseCondition(raw: unknown, at: string, depth: number, inner: boolean): Condition {
  if (depth > MAX_DEPTH) throw bad(at, `Filter is nested deeper than ${MAX_DEPTH} levels`);
  if (!isObject(raw)) throw bad(at, `Condition must be an object, got ${typeName(raw)}`);
  if (['must', 'should', 'must_not', 'min_should'].some((k) => k in raw)) return parseFilter(raw, at, depth, inner);
  // A field condition may carry is_empty / is_null flags of its own: it is told apart by its key.
  if ('key' in raw) return parseFieldCondition(raw, at, inner);
  if ('has_id' in raw) {
    if (!Array.isArray(raw.has_id) || !raw.has_id.every((v) => typeof v === 'string' || typeof v === 'number'))
      throw bad(`${at}/has_id`, 'has_id must be a list of ids');
    return cond('entity_id', 'in', raw.has_id.map(String));
  }
  if ('is_empty' in raw) return isEmpty(payloadKey(raw.is_empty, `${at}/is_empty`, inner));
  if ('is_null' in raw) return isNull(payloadKey(raw.is_null, `${at}/is_null`, inner));
  if ('has_vector' in raw) return { kind: 'and', items: [] }; // every entity has its dense vector
  if ('nested' in raw) {
    const nested = raw.nested;
    const here = `${at}/nested`;
    if (!isObject(nested)) throw bad(here, 'nested must be an object with key and filter');
    return { kind: 'some', field: keyOf(nested, here, inner), items: [parseFilter(nested.filter, `${here}/filter`, depth + 1, true)] };
  }
  throw bad(at, 'Unknown condition: expected key (with match or range), is_empty, is_null, has_id, nested or a nested filter');
}

function payloadKey(raw: unknown, at: string, inner: boolean): string {
  if (!isObject(raw)) throw bad(at, 'expected {"key": "<field>"}');
  return keyOf(raw, at, inner);
}

/** Missing, null, or an empty list. */
const isEmpty = (field: string): Condition => ({ kind: 'or', items: [cond(field, 'is_null', true), cond(field, 'eq', [])] });
/** Present and null (a missing field is not null, as Qdrant reads it). */
const isNull = (field: string): Condition => ({ kind: 'and', items: [cond(field, 'exists', true), cond(field, 'is_null', true)] });

function parseFieldCondition(raw: Record<string, unknown>, at: string, inner: boolean): Condition {
  const field = keyOf(raw, at, inner);
  const parts: Condition[] = [];
  const time = TIME_FIELDS.has(field);
  /** A value compared with a time field: an ISO string, or epoch seconds. */
  const scalar = (v: unknown, here: string): unknown => {
    if (!time) return v;
    if (typeof v === 'number') return v * 1000;
    const t = timeValue(v);
    if (t === undefined) throw bad(here, `${JSON.stringify(v)} is not a datetime`);
    return t;
  };
  const match = raw.match;
  if (match !== undefined && match !== null) {
    const here = `${at}/match`;
    if (!isObject(match)) throw bad(here, 'match must be an object');
    if ('value' in match) {
      const v = match.value;
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw bad(`${here}/value`, 'value must be a string, a number or a boolean');
      parts.push(cond(field, 'eq', scalar(v, `${here}/value`)));
    } else if ('any' in match || 'except' in match) {
      const key = 'any' in match ? 'any' : 'except';
      const list = match[key];
      if (!Array.isArray(list)) throw bad(`${here}/${key}`, `${key} must be a list`);
      parts.push(
        cond(
          field,
          key === 'any' ? 'in' : 'nin',
          list.map((v, i) => scalar(v, `${here}/${key}/${i}`)),
        ),
      );
    } else if ('text' in match) {
      if (typeof match.text !== 'string') throw bad(`${here}/text`, 'text must be a string');
      parts.push(cond(field, 'text', match.text, false));
    } else if ('phrase' in match) {
      if (typeof match.phrase !== 'string') throw bad(`${here}/phrase`, 'phrase must be a string');
      parts.push(cond(field, 'contains', match.phrase, false));
    } else throw bad(here, 'match needs value, any, except, text or phrase');
  }
  const range = raw.range;
  if (range !== undefined && range !== null) {
    const here = `${at}/range`;
    if (!isObject(range)) throw bad(here, 'range must be an object');
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      const v = range[op];
      if (v === undefined || v === null) continue;
      if (!time && typeof v !== 'number') throw bad(`${here}/${op}`, `${op} must be a number`);
      parts.push(cond(field, op, scalar(v, `${here}/${op}`)));
    }
  }
  if (raw.is_empty === true) parts.push(isEmpty(field));
  if (raw.is_null === true) parts.push(isNull(field));
  for (const unsupported of ['geo_bounding_box', 'geo_radius', 'geo_polygon', 'values_count']) {
    if (raw[unsupported] !== undefined && raw[unsupported] !== null)
      throw bad(`${at}/${unsupported}`, `${unsupported} conditions are not supported: entities have no such fields`);
  }
  if (!parts.length) throw bad(at, `Condition on '${String(raw.key)}' needs match, range, is_empty or is_null`);
  return parts.length === 1 ? parts[0]! : { kind: 'and', items: parts };
}
