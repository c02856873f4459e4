/**
 * Ajv 2020 validators for one spec: request parts (path, query, headers,
 * bodies) and responses, compiled once per operation on first use and cached.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, Operation, Spec, SpecParameter } from './spec.js';
import type { ValidationIssue } from './errors.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module namespace.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Three instances, because the options differ: parameters and form fields
 * arrive as strings (coerced, defaults applied); JSON bodies keep their types
 * but get the spec's defaults, as the vendors' own validators fill them;
 * responses are only checked, never changed.
 */
function createAjv(coerce: boolean, defaults: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: defaults,
    validateFormats: true,
    // Failing values travel with the errors, for vendors that quote them in messages.
    verbose: true,
  });
  addFormats(ajv);
  // OpenAPI's numeric and binary formats, which ajv-formats does not know.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  return ajv;
}

type Json = any;

/** Rewrites `#/components/schemas/X` references to the absolute id under which the spec's schemas are registered. */
function rewriteRefs(node: Json, base: string): Json {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, base));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries<Json>(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = `${base}${v}`;
    else out[k] = rewriteRefs(v, base);
  }
  return out;
}

export interface OperationValidators {
  params(data: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> }): ValidationIssue[];
  /** undefined when the media type is not declared. */
  body(mediaType: string): ((body: unknown) => ValidationIssue[]) | undefined;
  response(status: string, mediaType: string): ((body: unknown) => ValidationIssue[]) | undefined;
}

export function toIssues(location: ValidationIssue['location'], errors: ErrorObject[] | null | undefined, root = ''): ValidationIssue[] {
  return (errors ?? []).map((e) => {
    let pointer = root + e.instancePath;
    if (e.keyword === 'required') pointer += `/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties') pointer += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
    return { location, pointer, message: e.message ?? 'is invalid', rule: e.keyword, params: e.params as Record<string, unknown>, value: e.data };
  });
}

function paramsSchema(params: SpecParameter[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.in === 'header' ? p.name.toLowerCase() : p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => (p.in === 'header' ? p.name.toLowerCase() : p.name)),
  };
}

/** Multipart and urlencoded values arrive as strings; their validator coerces. */
const isFormMedia = (mediaType: string) => mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded';

/** Created once per process and shared by every spec: each instance compiles the 2020 meta-schema, which is costly. */
let shared: { strict: Ajv2020; bodies: Ajv2020; coercing: Ajv2020 } | undefined;
let registered = 0;
const bySpec = new WeakMap<Spec, SpecValidators>();

export class SpecValidators {
  private readonly strict: Ajv2020;
  private readonly bodies: Ajv2020;
  private readonly coercing: Ajv2020;
  private readonly base: string;
  private readonly cache = new Map<string, OperationValidators>();

  /** The validators of a loaded spec, compiled at most once per process (they hold no request state). */
  static of(spec: Spec): SpecValidators {
    let v = bySpec.get(spec);
    if (!v) {
      v = new SpecValidators(spec);
      bySpec.set(spec, v);
    }
    return v;
  }

  constructor(private readonly spec: Spec) {
    shared ??= { strict: createAjv(false, false), bodies: createAjv(false, true), coercing: createAjv(true, true) };
    ({ strict: this.strict, bodies: this.bodies, coercing: this.coercing } = shared);
    // A distinct id per registration: two versions of one spec may live in one process.
    this.base = `https://collections-mock.local/specs/${spec.name}-${++registered}.json`;
    // The whole document is registered once; operations refer into its components.
    const components = rewriteRefs({ components: { schemas: spec.doc.components?.schemas ?? {} } }, this.base);
    for (const ajv of [this.strict, this.bodies, this.coercing]) ajv.addSchema({ $id: this.base, ...components });
  }

  private compile(ajv: Ajv2020, schema: JsonSchema): ValidateFunction {
    return ajv.compile(typeof schema === 'boolean' ? schema : rewriteRefs(schema, this.base));
  }

  for(op: Operation): OperationValidators {
    let v = this.cache.get(op.id);
    if (!v) {
      v = this.build(op);
      this.cache.set(op.id, v);
    }
    return v;
  }

  private readonly components = new Map<string, ValidateFunction>();

  /** A validator for `#/components/schemas/<name>` (replies that match no operation, e.g. an unknown route). */
  component(name: string): (value: unknown) => ValidationIssue[] {
    let fn = this.components.get(name);
    if (!fn) {
      if (!this.spec.doc.components?.schemas?.[name]) throw new Error(`${this.spec.file}: no schema components.schemas.${name}`);
      fn = this.strict.compile({ $ref: `${this.base}#/components/schemas/${name}` });
      this.components.set(name, fn);
    }
    const f = fn;
    return (value) => (f(value) ? [] : toIssues('body', f.errors));
  }

  /** Compiles every validator of every operation; used by tests and `--precompile` to surface schema errors early. */
  compileAll(): void {
    for (const op of this.spec.operations.values()) {
      const v = this.for(op);
      for (const media of Object.keys(op.requestBody?.content ?? {})) v.body(media);
      for (const [status, r] of Object.entries(op.responses)) for (const media of Object.keys(r.content)) v.response(status, media);
    }
  }

  private build(op: Operation): OperationValidators {
    const groups = (['path', 'query', 'header'] as const).map((where) => {
      const params = op.parameters.filter((p) => p.in === where);
      return { where, fn: params.length ? this.compile(this.coercing, paramsSchema(params)) : undefined };
    });
    const bodies = new Map<string, ValidateFunction>();
    const responses = new Map<string, ValidateFunction | null>();
    return {
      params: (data) => {
        const issues: ValidationIssue[] = [];
        for (const { where, fn } of groups) {
          if (fn && !fn(data[where])) issues.push(...toIssues(where === 'header' ? 'header' : where, fn.errors));
        }
        return issues;
      },
      body: (mediaType) => {
        const media = op.requestBody?.content[mediaType];
        if (!media) return undefined;
        let fn = bodies.get(mediaType);
        if (!fn) {
          fn = this.compile(isFormMedia(mediaType) ? this.coercing : this.bodies, media.schema ?? {});
          bodies.set(mediaType, fn);
        }
        const f = fn;
        return (body) => (f(body) ? [] : toIssues('body', f.errors));
      },
      response: (status, mediaType) => {
        const key = `${status} ${mediaType}`;
        let fn = responses.get(key);
        if (fn === undefined) {
          const schema = op.responses[status]?.content[mediaType]?.schema;
          fn = schema === undefined ? null : this.compile(this.strict, schema);
          responses.set(key, fn);
        }
        const f = fn;
        if (!f) return undefined;
        return (body) => (f(body) ? [] : toIssues('body', f.errors));
      },
    };
  }
}
