/**
 * Request shaping guided by the spec's schemas: alternate field spellings, and
 * dropping fields a vendor ignores.
 *
 * Alternate field spellings: Some vendors
 * (protobuf JSON gateways) accept lowerCamelCase for every snake_case field;
 * the schema says which keys are fields (renamed) and which are map keys
 * (user data, never renamed).
 */
import { MockError } from './errors.js';
import { resolvePointer } from './spec.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemas from a parsed OpenAPI document, of any shape
type Json = any;

export function camelToSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

interface Shape {
  properties: Record<string, Json>;
  /** Whether the object may carry keys beyond `properties` (additionalProperties true or a schema). */
  open: boolean;
  /** Schema of map values when the object is a map (additionalProperties is a schema). */
  mapValues?: Json;
  items?: Json;
}

/** Shapes worked out, per schema object (a spec's schemas never change once loaded): each request reads them, none works them out again. */
const shapes = new WeakMap<object, Shape>();

/** Collects the properties an object may have across $ref, allOf, oneOf and anyOf. */
function shapeOf(doc: Json, schema: Json): Shape {
  if (!schema || typeof schema !== 'object') return collectShape(doc, schema);
  let shape = shapes.get(schema);
  if (shape === undefined) {
    shape = collectShape(doc, schema);
    shapes.set(schema, shape);
  }
  return shape;
}

function collectShape(doc: Json, schema: Json, depth = 0): Shape {
  const shape: Shape = { properties: {}, open: false };
  if (!schema || typeof schema !== 'object' || depth > 32) return shape;
  if (typeof schema.$ref === 'string') {
    const target = collectShape(doc, resolvePointer(doc, schema.$ref), depth + 1);
    Object.assign(shape.properties, target.properties);
    shape.mapValues ??= target.mapValues;
    shape.items ??= target.items;
    shape.open ||= target.open;
  }
  if (schema.properties) Object.assign(shape.properties, schema.properties);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') shape.mapValues = schema.additionalProperties;
  if (schema.additionalProperties === true || shape.mapValues) shape.open = true;
  if (schema.items) shape.items = schema.items;
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    for (const sub of (schema[key] as Json[] | undefined) ?? []) {
      const s = collectShape(doc, sub, depth + 1);
      for (const [k, v] of Object.entries(s.properties)) shape.properties[k] ??= v;
      shape.mapValues ??= s.mapValues;
      shape.items ??= s.items;
      shape.open ||= s.open;
    }
  }
  return shape;
}

/**
 * Renames lowerCamelCase keys of `value` to the snake_case properties its
 * schema declares, in place, recursively. Both spellings of one field → 400.
 */
export function applyCamelCaseAliases(doc: Json, schema: Json, value: Json, where = 'body', depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 64) return;
  const shape = shapeOf(doc, schema);
  if (Array.isArray(value)) {
    if (shape.items) for (const item of value) applyCamelCaseAliases(doc, shape.items, item, where, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    if (key in shape.properties) continue;
    const snake = camelToSnake(key);
    if (snake === key || !(snake in shape.properties)) continue;
    if (Object.prototype.hasOwnProperty.call(value, snake)) {
      throw new MockError('validation', `Both ${snake} and ${key} were given in the ${where}; send one of them.`);
    }
    value[snake] = value[key];
    delete value[key];
  }
  for (const [key, sub] of Object.entries(shape.properties)) {
    if (Object.prototype.hasOwnProperty.call(value, key)) applyCamelCaseAliases(doc, sub, value[key], where, depth + 1);
  }
  if (shape.mapValues) {
    for (const key of Object.keys(value)) {
      if (!(key in shape.properties)) applyCamelCaseAliases(doc, shape.mapValues, value[key], where, depth + 1);
    }
  }
}

/** The same for query parameters: `sortBy` → `sort_by` when `sort_by` is declared. */
export function applyCamelCaseQueryAliases(declared: ReadonlySet<string>, query: Record<string, string | string[]>): void {
  for (const key of Object.keys(query)) {
    if (declared.has(key)) continue;
    const snake = camelToSnake(key);
    if (snake === key || !declared.has(snake)) continue;
    if (snake in query) throw new MockError('validation', `Both ${snake} and ${key} were given in the query; send one of them.`);
    query[snake] = query[key]!;
    delete query[key];
  }
}

/**
 * Drops keys a schema does not declare, in place, recursively: the semantics of
 * validators that ignore unknown fields (pydantic's `extra=ignore`). Objects
 * without declared properties, and open ones (maps, free-form), are kept whole.
 */
export function dropUndeclaredFields(doc: Json, schema: Json, value: Json, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 64) return;
  const shape = shapeOf(doc, schema);
  if (Array.isArray(value)) {
    if (shape.items) for (const item of value) dropUndeclaredFields(doc, shape.items, item, depth + 1);
    return;
  }
  const declared = Object.keys(shape.properties);
  if (declared.length && !shape.open) {
    for (const key of Object.keys(value)) if (!(key in shape.properties)) delete value[key];
  }
  for (const [key, sub] of Object.entries(shape.properties)) {
    if (Object.prototype.hasOwnProperty.call(value, key)) dropUndeclaredFields(doc, sub, value[key], depth + 1);
  }
}
