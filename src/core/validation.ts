/**
 * Ajv 2020 validators for one spec: request parts (path, query, headers,
 * bodies) and responses, one per operation and part, made on first use and
 * cached. They come from the module the build compiled for this very spec
 * (`dist/validators/<spec>.cjs`, see scripts/build-validators.mjs) when there
 * is one, and from Ajv at run time otherwise (a spec edited since the build,
 * or a spec the build never saw).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv, type Ajv2020 } from './ajv.js';
import { FORMATS } from './formats.js';
import { withDefaultFlags } from '../heap.js';
import { buildOutput, resolvePointer, type JsonSchema, type Operation, type Spec, type SpecParameter } from './spec.js';
import type { ValidationIssue } from './errors.js';

/**
 * Three kinds, because the options differ: parameters and form fields arrive
 * as strings (coerced, defaults applied); JSON bodies keep their types but get
 * the spec's defaults, as the vendors' own validators fill them; responses are
 * only checked, never changed. Not `verbose`: it would copy each schema into
 * the compiled code many times over, and the failing value is read from the
 * data instead (toIssues).
 */
export const KINDS = {
  strict: { allErrors: true, inlineRefs: false, coerceTypes: false, useDefaults: false, validateFormats: true },
  bodies: { allErrors: true, inlineRefs: false, coerceTypes: false, useDefaults: true, validateFormats: true },
  coercing: { allErrors: true, inlineRefs: false, coerceTypes: 'array', useDefaults: true, validateFormats: true },
} as const;
export type Kind = keyof typeof KINDS;

/** The one-letter prefix of a precompiled export name, per kind. */
export const KIND_PREFIX: Record<Kind, string> = { strict: 's', bodies: 'b', coercing: 'c' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemas from a parsed OpenAPI document, of any shape
type Json = any;

/** The id under which schema component `name` is registered, below the spec's `base`. */
const componentId = (base: string, name: string) => `${base}/components/${encodeURIComponent(name)}.json`;

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)(\/.*)?$/;

/**
 * Rewrites `#/components/schemas/X` references to the id under which component
 * X is registered. Each component is a schema of its own, so Ajv compiles it
 * once however many operations refer to it.
 */
export function rewriteRefs(node: Json, base: string): Json {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, base));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries<Json>(node)) {
    const m = k === '$ref' && typeof v === 'string' ? COMPONENT_REF.exec(v) : null;
    if (m) {
      const name = m[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
      out[k] = `${componentId(base, name)}${m[2] ? `#${m[2]}` : ''}`;
    } else out[k] = rewriteRefs(v, base);
  }
  return out;
}

/** The spec's schema components, each with its own id and its references rewritten, to register with Ajv. */
export function componentSchemas(spec: Spec, base: string): Json[] {
  return Object.entries<Json>(spec.doc.components?.schemas ?? {}).map(([name, schema]) =>
    typeof schema === 'boolean' ? { $id: componentId(base, name), allOf: [schema] } : { ...rewriteRefs(schema, base), $id: componentId(base, name) },
  );
}

export interface OperationValidators {
  params(data: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> }): ValidationIssue[];
  /** undefined when the media type is not declared. */
  body(mediaType: string): ((body: unknown) => ValidationIssue[]) | undefined;
  response(status: string, mediaType: string): ((body: unknown) => ValidationIssue[]) | undefined;
  /** For a stream of server-sent events: checks one event (as sse.ts's eventItem gives it); undefined when the spec describes no event. */
  event(status: string, mediaType: string): ((item: unknown) => ValidationIssue[]) | undefined;
}

/** The value at a JSON pointer inside `data` (Ajv's `instancePath`). */
function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * Ajv's errors as issues, each with the failing value (read from the data at
 * the error's path, after coercion), for vendors that quote it in messages.
 */
export function toIssues(location: ValidationIssue['location'], errors: ErrorObject[] | null | undefined, data: unknown): ValidationIssue[] {
  return (errors ?? []).map((e) => {
    let pointer = e.instancePath;
    if (e.keyword === 'required') pointer += `/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties') pointer += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
    return {
      location,
      pointer,
      message: e.message ?? 'is invalid',
      rule: e.keyword,
      params: e.params as Record<string, unknown>,
      value: valueAt(data, e.instancePath),
    };
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

const PARAM_PLACES = ['path', 'query', 'header'] as const;

/** An integer as a string must be written as one: optional sign, decimal digits. */
const DECIMAL_INTEGER = /^[+-]?[0-9]+$/;

/** The parameter's schema, its references followed. */
function resolvedSchema(spec: Spec, schema: JsonSchema): Json {
  let s: Json = schema;
  for (let i = 0; s && typeof s === 'object' && typeof s.$ref === 'string' && i < 8; i++) s = resolvePointer(spec.doc, s.$ref);
  return s;
}

/** Whether a schema takes integers and no other kind of number or text (a string that is not an integer has no other reading). */
function integerOnly(spec: Spec, schema: Json): boolean {
  const s = resolvedSchema(spec, schema);
  if (!s || typeof s !== 'object') return false;
  const types: unknown[] = Array.isArray(s.type) ? s.type : [s.type];
  return types.includes('integer') && !types.includes('number') && !types.includes('string');
}

/**
 * The parameters of a place that take integers (or arrays of them). Ajv's
 * coercion reads a string as JavaScript does, so `1e3`, `0x10`, ` 5` and `1e400`
 * (Infinity) would pass as integers; the vendors' servers parse decimal digits
 * and refuse the rest, and so does the mock.
 */
function integerParams(spec: Spec, op: Operation, where: (typeof PARAM_PLACES)[number]): string[] {
  return op.parameters
    .filter((p) => p.in === where)
    .filter((p) => {
      const s = resolvedSchema(spec, p.schema);
      return integerOnly(spec, s) || (s && typeof s === 'object' && s.type === 'array' && s.items !== undefined && integerOnly(spec, s.items));
    })
    .map((p) => (where === 'header' ? p.name.toLowerCase() : p.name));
}

/** The top-level fields of a form body's schema that take integers. */
function integerFields(spec: Spec, schema: JsonSchema | undefined): string[] {
  const s = schema === undefined ? undefined : resolvedSchema(spec, schema);
  if (!s || typeof s !== 'object' || !s.properties || typeof s.properties !== 'object') return [];
  return Object.entries<Json>(s.properties)
    .filter(([, p]) => integerOnly(spec, p))
    .map(([name]) => name);
}

/** Issues for integer parameters whose text is not a decimal integer; those values are taken out of `values` so Ajv does not read them its own way. */
function nonDecimalIntegers(names: readonly string[], location: ValidationIssue['location'], values: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of names) {
    const v = values[name];
    if (v === undefined) continue;
    const texts = Array.isArray(v) ? v : [v];
    if (texts.every((t) => typeof t !== 'string' || DECIMAL_INTEGER.test(t))) continue;
    issues.push({
      location,
      pointer: `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      rule: 'type',
      message: 'must be integer',
      params: { type: 'integer' },
      value: v,
    });
    delete values[name];
  }
  return issues;
}

/** One validator a spec needs: its cache key, the Ajv options it needs, and the schema (references still local). */
export interface ValidatorEntry {
  key: string;
  kind: Kind;
  schema: JsonSchema;
}

const paramsKey = (op: Operation, where: string) => `params ${op.id} ${where}`;
const bodyKey = (op: Operation, mediaType: string) => `body ${op.id} ${mediaType}`;
const responseKey = (op: Operation, status: string, mediaType: string) => `response ${op.id} ${status} ${mediaType}`;
const componentKey = (name: string) => `component ${name}`;
const eventKey = (op: Operation, status: string, mediaType: string) => `event ${op.id} ${status} ${mediaType}`;

function paramsEntry(op: Operation, where: (typeof PARAM_PLACES)[number]): ValidatorEntry | undefined {
  const params = op.parameters.filter((p) => p.in === where);
  return params.length ? { key: paramsKey(op, where), kind: 'coercing', schema: paramsSchema(params) } : undefined;
}

function bodyEntry(op: Operation, mediaType: string): ValidatorEntry | undefined {
  const media = op.requestBody?.content[mediaType];
  if (!media) return undefined;
  return { key: bodyKey(op, mediaType), kind: isFormMedia(mediaType) ? 'coercing' : 'bodies', schema: media.schema ?? {} };
}

function responseEntry(op: Operation, status: string, mediaType: string): ValidatorEntry | undefined {
  const schema = op.responses[status]?.content[mediaType]?.schema;
  return schema === undefined ? undefined : { key: responseKey(op, status, mediaType), kind: 'strict', schema };
}

function eventEntry(op: Operation, status: string, mediaType: string): ValidatorEntry | undefined {
  const event = op.responses[status]?.content[mediaType]?.event;
  return event === undefined ? undefined : { key: eventKey(op, status, mediaType), kind: 'strict', schema: event.schema };
}

/** Every validator the spec can need: each operation's parameters, bodies and responses, and each schema component. The build compiles exactly this list. */
export function validatorEntries(spec: Spec): ValidatorEntry[] {
  const out: ValidatorEntry[] = [];
  const push = (e: ValidatorEntry | undefined) => e && out.push(e);
  for (const op of spec.operations.values()) {
    for (const where of PARAM_PLACES) push(paramsEntry(op, where));
    for (const media of Object.keys(op.requestBody?.content ?? {})) push(bodyEntry(op, media));
    for (const [status, r] of Object.entries(op.responses)) {
      for (const media of Object.keys(r.content)) {
        push(responseEntry(op, status, media));
        push(eventEntry(op, status, media));
      }
    }
  }
  for (const name of Object.keys(spec.doc.components?.schemas ?? {})) {
    out.push({ key: componentKey(name), kind: 'strict', schema: { $ref: `#/components/schemas/${name}` } });
  }
  return out;
}

/** What a precompiled module is checked against: the spec's text and the options, so an edit to either makes it stale. */
export function specHash(spec: Spec): string {
  return createHash('sha256').update(JSON.stringify(KINDS)).update(spec.sourceHash).digest('hex');
}

/**
 * What scripts/build-validators.mjs wrote for a spec: an index
 * (`dist/validators/<spec>.cjs`: the hash it was compiled from, and the export
 * name of each validator) and one module per kind (`<spec>.<kind>.cjs`), each
 * loaded on the first need of a validator of its kind: a start that validates
 * only requests never reads the response validators, the largest part.
 */
export interface PrecompiledModule {
  hash: string;
  /** Validator key → export name; the name's first letter is its kind's prefix. */
  keys: Record<string, string>;
  /** The validators of one kind, by export name; none when the build wrote no module for it. */
  load(kind: Kind, formats: typeof FORMATS): Record<string, ValidateFunction>;
}

/** The index a build module starts with, and what each kind's module exports. */
interface IndexModule {
  hash: string;
  keys: Record<string, string>;
}
interface KindModule {
  load(formats: typeof FORMATS): Record<string, ValidateFunction>;
}

/** The build's code caches of precompiled modules this process read: taken by V8, or refused (and the module compiled from its text). */
export const codeCaches = { used: 0, refused: 0 };

/** Where the build keeps V8's code cache of a precompiled module. */
const cacheFile = (file: string) => `${file}.cache`;

/** The module of one kind beside an index `<spec>.cjs`: `<spec>.<kind>.cjs`. */
export const kindFile = (indexFile: string, kind: Kind): string => indexFile.replace(/\.cjs$/, `.${kind}.cjs`);

/**
 * A precompiled module, run as CommonJS would run it, but compiled with the
 * V8 code cache the build wrote beside it (scripts/build-validators.mjs): the
 * modules are large, and parsing them was a good part of a start. A cache V8
 * refuses (another Node) is ignored: the module is then compiled from its text.
 * The build writes them in ASCII only, so they are read as Latin-1 (a copy of
 * the bytes, where UTF-8 would be decoded).
 */
function runPrecompiled<T>(file: string): { module: T; script: vm.Script } {
  const text = readFileSync(file, 'latin1');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile(file));
  } catch {
    cachedData = undefined;
  }
  const script = withDefaultFlags(
    () => new vm.Script(`(function (exports, require, module) {${text}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) }),
  );
  if (cachedData) codeCaches[script.cachedDataRejected ? 'refused' : 'used']++;
  const module = { exports: {} as T };
  (script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown) => void)(module.exports, createRequire(file), module);
  return { module: module.exports, script };
}

/** For the build: runs a module it has just written (a kind's module: its validators made) and writes V8's code cache of it beside it. */
export function writeCodeCache(file: string): void {
  const { module, script } = runPrecompiled<Partial<KindModule>>(file);
  module.load?.(FORMATS);
  writeFileSync(cacheFile(file), script.createCachedData());
}

/** The build's module for a source file (`dist/validators/<name>.cjs`) when it was compiled from this very content (`hash`); undefined otherwise. */
function precompiledModule(source: string, hash: string): PrecompiledModule | undefined {
  const file = buildOutput(source, 'validators', '.cjs');
  let index: IndexModule;
  try {
    index = runPrecompiled<IndexModule>(file).module;
  } catch {
    return undefined; // Not built.
  }
  if (index.hash !== hash) return undefined;
  return {
    hash: index.hash,
    keys: index.keys,
    load(kind, formats) {
      let mod: KindModule;
      try {
        mod = runPrecompiled<KindModule>(kindFile(file, kind)).module;
      } catch {
        return {}; // Missing from the build: its validators are compiled by Ajv.
      }
      return mod.load(formats);
    },
  };
}

/** One Ajv per kind, created on first use and shared by every spec: each instance compiles the 2020 meta-schema, which is costly. */
let shared: Record<Kind, Ajv2020> | undefined;
let registered = 0;
const bySpec = new WeakMap<Spec, SpecValidators>();

export interface SpecValidatorsOptions {
  /** Use the build's precompiled module when it matches the spec (default true); false compiles everything with Ajv. */
  precompiled?: boolean;
}

export class SpecValidators {
  /** The build's module for this spec, looked for on first need (loading it takes a while: not at start-up); null when there is none. */
  private module: PrecompiledModule | null | undefined;
  private readonly loaded = new Map<Kind, Record<string, ValidateFunction>>();
  private base: string | undefined;
  private readonly fns = new Map<string, ValidateFunction>();
  private readonly cache = new Map<string, OperationValidators>();

  /** The validators of a loaded spec, made at most once per process (they hold no request state). */
  static of(spec: Spec): SpecValidators {
    let v = bySpec.get(spec);
    if (!v) {
      v = new SpecValidators(spec);
      bySpec.set(spec, v);
    }
    return v;
  }

  constructor(
    private readonly spec: Spec,
    options: SpecValidatorsOptions = {},
  ) {
    if (options.precompiled === false) this.module = null;
  }

  /** Where the validators come from: the build's module for this spec, or Ajv at run time. */
  get source(): 'precompiled' | 'ajv' {
    return this.precompiled() ? 'precompiled' : 'ajv';
  }

  private precompiled(): PrecompiledModule | null {
    if (this.module === undefined) this.module = precompiledModule(this.spec.file, specHash(this.spec)) ?? null;
    return this.module;
  }

  /** The validator for an entry: the precompiled one, else compiled by Ajv (the spec registered with it on first need). */
  private fn(entry: ValidatorEntry): ValidateFunction {
    const hit = this.fns.get(entry.key);
    if (hit) return hit;
    const module = this.precompiled();
    const name = module?.keys[entry.key];
    let fn: ValidateFunction | undefined;
    if (name !== undefined) {
      let exported = this.loaded.get(entry.kind);
      if (!exported) {
        exported = module!.load(entry.kind, FORMATS);
        this.loaded.set(entry.kind, exported);
      }
      fn = exported[name];
    }
    fn ??= this.compile(entry);
    this.fns.set(entry.key, fn);
    return fn;
  }

  private compile(entry: ValidatorEntry): ValidateFunction {
    shared ??= { strict: createAjv(KINDS.strict), bodies: createAjv(KINDS.bodies), coercing: createAjv(KINDS.coercing) };
    if (this.base === undefined) {
      // A distinct id per registration: two versions of one spec may live in one process.
      this.base = `https://collections-mock.local/specs/${this.spec.name}-${++registered}.json`;
      const components = componentSchemas(this.spec, this.base);
      for (const ajv of Object.values(shared)) ajv.addSchema(components);
    }
    const schema = entry.schema;
    return shared[entry.kind].compile(typeof schema === 'boolean' ? schema : rewriteRefs(schema, this.base));
  }

  for(op: Operation): OperationValidators {
    let v = this.cache.get(op.id);
    if (!v) {
      v = this.build(op);
      this.cache.set(op.id, v);
    }
    return v;
  }

  /** A validator for `#/components/schemas/<name>` (replies that match no operation, e.g. an unknown route); the name is checked now, the schema compiled on first use. */
  component(name: string): (value: unknown) => ValidationIssue[] {
    if (!this.spec.doc.components?.schemas?.[name]) throw new Error(`${this.spec.file}: no schema components.schemas.${name}`);
    let f: ValidateFunction | undefined;
    return (value) => {
      f ??= this.fn({ key: componentKey(name), kind: 'strict', schema: { $ref: `#/components/schemas/${name}` } });
      return f(value) ? [] : toIssues('body', f.errors, value);
    };
  }

  /** The validator of one entry of validatorEntries(), as issues (tests compare the precompiled and the Ajv-compiled ones with it). */
  entry(entry: ValidatorEntry): (value: unknown) => ValidationIssue[] {
    const f = this.fn(entry);
    const location = entry.key.startsWith('params ') ? (entry.key.split(' ')[2] as ValidationIssue['location']) : 'body';
    return (value) => (f(value) ? [] : toIssues(location, f.errors, value));
  }

  /** Makes every validator of the spec; used by tests to surface schema errors early. */
  compileAll(): void {
    for (const entry of validatorEntries(this.spec)) this.fn(entry);
  }

  private build(op: Operation): OperationValidators {
    const groups = PARAM_PLACES.map((where) => {
      const entry = paramsEntry(op, where);
      return { where, fn: entry ? this.fn(entry) : undefined, integers: integerParams(this.spec, op, where) };
    });
    const bodies = new Map<string, ValidateFunction>();
    const responses = new Map<string, ValidateFunction | null>();
    const events = new Map<string, ValidateFunction | null>();
    return {
      params: (data) => {
        const issues: ValidationIssue[] = [];
        for (const { where, fn, integers } of groups) {
          const values = data[where];
          const refused = integers.length ? nonDecimalIntegers(integers, where, values) : [];
          issues.push(...refused);
          if (fn && !fn(values)) {
            // A refused integer is reported once: not again as missing when the parameter is required.
            const found = toIssues(where, fn.errors, values);
            issues.push(...(refused.length ? found.filter((i) => !refused.some((r) => r.pointer === i.pointer)) : found));
          }
        }
        return issues;
      },
      body: (mediaType) => {
        let fn = bodies.get(mediaType);
        if (!fn) {
          const entry = bodyEntry(op, mediaType);
          if (!entry) return undefined;
          fn = this.fn(entry);
          bodies.set(mediaType, fn);
        }
        const f = fn;
        // Form fields arrive as text, like parameters, and are read the same way.
        const integers = isFormMedia(mediaType) ? integerFields(this.spec, op.requestBody!.content[mediaType]!.schema) : [];
        if (!integers.length) return (body) => (f(body) ? [] : toIssues('body', f.errors, body));
        return (body) => {
          const values = body as Record<string, unknown>;
          const refused = values && typeof values === 'object' ? nonDecimalIntegers(integers, 'body', values) : [];
          if (f(body)) return refused;
          return [...refused, ...toIssues('body', f.errors, body).filter((i) => !refused.some((r) => r.pointer === i.pointer))];
        };
      },
      response: (status, mediaType) => this.checker(responses, `${status} ${mediaType}`, () => responseEntry(op, status, mediaType)),
      event: (status, mediaType) => this.checker(events, `${status} ${mediaType}`, () => eventEntry(op, status, mediaType)),
    };
  }

  /** A reply's (or an event's) checker, its validator made once per key in `cache`; undefined when the spec gives no schema. */
  private checker(
    cache: Map<string, ValidateFunction | null>,
    key: string,
    entry: () => ValidatorEntry | undefined,
  ): ((value: unknown) => ValidationIssue[]) | undefined {
    let fn = cache.get(key);
    if (fn === undefined) {
      const found = entry();
      fn = found ? this.fn(found) : null;
      cache.set(key, fn);
    }
    const f = fn;
    if (!f) return undefined;
    return (value) => (f(value) ? [] : toIssues('body', f.errors, value));
  }
}

/** What a precompiled module for a JSON Schema file is checked against: its text and the options. */
export function schemaFileHash(text: string): string {
  return createHash('sha256').update(JSON.stringify(KINDS.strict)).update(text).digest('hex');
}

/** The validator of a JSON Schema file (checks only, all errors): the build's module when it was compiled from this text, else Ajv. */
export function schemaFileValidator(file: string): ValidateFunction {
  const text = readFileSync(file, 'utf8');
  const mod = precompiledModule(file, schemaFileHash(text));
  const name = mod?.keys['schema'];
  const fn = name === undefined ? undefined : mod!.load('strict', FORMATS)[name];
  return fn ?? createAjv(KINDS.strict).compile(JSON.parse(text) as object);
}
