/**
 * The fidelity harness: checks the mock's replies against a vendor's
 * PUBLISHED contract, the facts of its OpenAPI document extracted into
 * vendor/<vendor>/contract.json by scripts/vendor-extract.mjs (see
 * vendor/README.md). They sit in the repository, so the tests need nothing
 * from outside it.
 *
 * `useFidelity` runs a test file's flow of requests once, records every reply
 * under the vendor's prefix through a wrapper around globalThis.fetch, and
 * matches each to the vendor operation it answers. Ajv 2020 validates against
 * the contract's schemas, with one allowance the vendors' wires share: a naive
 * timestamp (no zone) where the document says `format: date-time`. What else
 * a vendor's wire does differently, each fidelity test lists itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Ajv2020, type ErrorObject, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { shape } from '../../scripts/vendor-extract.mjs';
import type { Contract, ContractOperation, IndexEntry } from '../../scripts/vendor-extract.mjs';

export type { Contract, ContractOperation, IndexEntry } from '../../scripts/vendor-extract.mjs';
export { shape };

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module namespace.
export const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = any;

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const contractFile = (vendor: string): string => path.join(REPO_ROOT, 'vendor', vendor, 'contract.json');

/**
 * A missing or unreadable contract is a failure with a clear message, never a
 * skip: a skipped fidelity check looks the same as a passing one in a summary.
 */
export function loadVendorContract(vendor: string): Contract {
  const file = contractFile(vendor);
  if (!existsSync(file)) {
    throw new Error(
      `${vendor}: ${path.relative(REPO_ROOT, file)} is missing. Extract it from the vendor's published OpenAPI document: npm run vendor:extract -- --vendor ${vendor} --from <document>`,
    );
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Contract;
  } catch (err) {
    throw new Error(`${vendor}: ${path.relative(REPO_ROOT, file)} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The published operation's extracted facts. The contract holds them for every
 * operation our spec serves; one missing means our spec gained an operation
 * since the extraction (test/vendor-contract.test.ts names it).
 */
export function contractOperation(contract: Contract, method: string, template: string): ContractOperation {
  const op = contract.operations[`${method.toUpperCase()} ${template}`];
  if (!op) throw new Error(`${method.toUpperCase()} ${template} is published by the vendor but not in the contract: re-extract it (vendor/README.md)`);
  return op;
}

/** `#/components/...` refs point into the contract, registered once under `id`. */
export function rewriteRefs(node: Json, id: string): Json {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, id));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries<Json>(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${id}${v}` : rewriteRefs(v, id);
  return out;
}

// ---------------------------------------------------------------- formats

/** RFC 3339 date-time, as Ajv's full formats check it. */
export const rfc3339 = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

/** A check for a vendor's naive timestamps: the pattern, and a real date once read as UTC. */
export const naiveDatetime =
  (pattern: RegExp) =>
  (s: string): boolean =>
    pattern.test(s) && !Number.isNaN(Date.parse(`${s}Z`));

// ---------------------------------------------------------------- operations and templates

export interface OperationRef {
  method: string; // upper case
  template: string;
  id: string;
  regex: RegExp;
  params: number;
}

export function operationRef(method: string, template: string, id: string): OperationRef {
  // A vendor may write a template with a trailing slash; the mock's router ignores it.
  const pattern = template
    .replace(/(.)\/$/, '$1')
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{[^}]+\}/g, '[^/]+');
  return { method: method.toUpperCase(), template, id, regex: new RegExp(`^${pattern}$`), params: (template.match(/\{/g) ?? []).length };
}

// Literal segments win over parameters, as a router would match them.
const routerOrder = (ops: OperationRef[]): OperationRef[] => ops.sort((a, b) => a.params - b.params);

/** Our spec's operations. */
export function operationsOf(paths: Json): OperationRef[] {
  const ops: OperationRef[] = [];
  for (const [template, item] of Object.entries<Json>(paths)) {
    for (const m of METHODS) if (item[m]) ops.push(operationRef(m, template, item[m].operationId));
  }
  return routerOrder(ops);
}

/** Every operation the vendor publishes, from the contract's index. */
export const publishedOperations = (index: IndexEntry[]): OperationRef[] =>
  routerOrder(index.map((e) => operationRef(e.method, e.path, e.operationId ?? `${e.method} ${e.path}`)));

export const matchOp = (ops: OperationRef[], method: string, p: string): OperationRef | undefined => ops.find((o) => o.method === method && o.regex.test(p));

export const label = (o: OperationRef): string => `${o.method} ${o.template}`;

// ---------------------------------------------------------------- schemas

/**
 * A copy of the components in which every object schema that declares
 * `properties` and says nothing about extra keys refuses unevaluated ones,
 * labelled with where it sits: used only to LIST the fields the wire has and
 * the document does not (the vendors' documents allow them).
 */
export function closeObjects(components: Json): Json {
  const close = (node: Json, owner: string): Json => {
    if (Array.isArray(node)) return node.map((n) => close(n, owner));
    if (node === null || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries<Json>(node))
      out[k] =
        k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries<Json>(v).map(([p, s]) => [p, close(s, `${owner}.${p}`)]))
          : close(v, owner);
    if (node.properties && node.additionalProperties === undefined && node.unevaluatedProperties === undefined) {
      out.unevaluatedProperties = false;
      out['x-owner'] = owner;
    }
    return out;
  };
  return { ...components, schemas: Object.fromEntries(Object.entries<Json>(components.schemas).map(([name, s]) => [name, close(s, name)])) };
}

// ---------------------------------------------------------------- the harness

/** One reply recorded during the flow. */
export interface Captured {
  method: string;
  path: string; // without the vendor's prefix, query or trailing slash
  url: string;
  status: number;
  body: Json; // undefined for an empty body; the text where it is not JSON (a stream's events)
  contentType: string | null;
}

export interface FidelityOptions {
  /** The vendor: its contract in vendor/<vendor>/, our spec in specs/<vendor>.yaml, its replies under /<vendor>. */
  vendor: string;
  server: { readonly url: string };
  /** The flow of requests whose replies are recorded; it runs once, before the file's tests. */
  flow: () => Promise<void>;
  /** The vendor's timestamps on the wire: naive, no zone. They pass where the document says `format: date-time`. */
  naiveDatetime: RegExp;
  /** Ajv options beyond the harness's own. */
  ajv?: Options;
}

export interface Fidelity {
  /** Every reply of the flow, in order (filled before the file's tests run). */
  readonly captured: Captured[];
  readonly contract: Contract;
  /** The operations the vendor publishes, and the ones our spec serves. */
  readonly vendorOps: OperationRef[];
  readonly mockOps: OperationRef[];
  /** Where the contract's components are registered in each Ajv: `${id}#/components/...`. */
  readonly id: string;
  isNaiveDatetime(s: string): boolean;
  /** An Ajv with these components registered, formats on, naive timestamps accepted as date-time. */
  ajv(components: Json): Ajv2020;
  /** One compiled validator per distinct schema (refs into the components), compiled on first use. */
  validators(ajv: Ajv2020): (schema: Json) => ValidateFunction;
  vendorOpOf(c: Captured): OperationRef | undefined;
  vendorResponses(op: OperationRef): Record<string, Json>;
  vendorResponse(op: OperationRef, status: number): Json | undefined;
  documentedSchema(op: OperationRef, status: number): Json | undefined;
  /** The vendor's operations the mock serves. */
  served(): OperationRef[];
  /** Served operations the flow never reached with a success status. */
  missed(): OperationRef[];
  /** The mock's operations the vendor does not publish. */
  mockOnly(): OperationRef[];
  /** "<operationId> <status>" of the replies whose status the document does not list for the operation. */
  undocumentedStatuses(): Set<string>;
  /** The routes (METHOD shape) of replies that answer no vendor operation. */
  unknownRoutes(): Set<string>;
  /**
   * What `pick` makes of the validation errors of the success replies that have a documented schema,
   * each reply validated against its operation's (`opOf`, the vendor operation it answers unless told).
   */
  successErrors(
    validatorFor: (schema: Json) => ValidateFunction,
    opOf: (c: Captured) => OperationRef | undefined,
    pick: (e: ErrorObject) => string | undefined,
  ): Set<string>;
  /** "<owner schema>.<field>" of every field in a success reply that a closed copy of the document (closeObjects) refuses. */
  undeclaredFields(closedValidatorFor: (schema: Json) => ValidateFunction, opOf?: (c: Captured) => OperationRef | undefined): Set<string>;
}

/** Runs the flow against the server once for the file, recording every reply under the vendor's prefix. */
export function useFidelity(options: FidelityOptions): Fidelity {
  const { vendor, server } = options;
  const id = `https://vendor.${vendor}.invalid/contract.json`;
  const isNaiveDatetime = naiveDatetime(options.naiveDatetime);
  const captured: Captured[] = [];
  const streams: Promise<void>[] = [];
  let contract: Contract | undefined;
  let vendorOps: OperationRef[] = [];
  let mockOps: OperationRef[] = [];
  const originalFetch = globalThis.fetch;

  beforeAll(async () => {
    contract = loadVendorContract(vendor);
    vendorOps = publishedOperations(contract.index);
    mockOps = operationsOf(parseYaml(readFileSync(path.join(REPO_ROOT, 'specs', `${vendor}.yaml`), 'utf8')).paths);

    const mount = `/${vendor}`;
    const prefix = `${server.url}${mount}`;
    globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
      const res = await originalFetch(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(prefix)) return res;
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const p = new URL(url).pathname.slice(mount.length).replace(/(.)\/$/, '$1');
      const contentType = res.headers.get('content-type');
      const entry: Captured = { method, path: p, url, status: res.status, body: undefined, contentType };
      captured.push(entry);
      // A stream's text comes as the flow reads its events (paced on the clock): recorded once it has ended.
      const read = res
        .clone()
        .text()
        .then((text) => {
          if (text === '') return;
          try {
            entry.body = JSON.parse(text);
          } catch {
            entry.body = text;
          }
        });
      if (contentType?.startsWith('text/event-stream')) streams.push(read);
      else await read;
      return res;
    };
    try {
      await options.flow();
      await Promise.all(streams);
    } finally {
      globalThis.fetch = originalFetch;
    }
  });

  afterAll(() => {
    globalThis.fetch = originalFetch;
  });

  const loaded = (): Contract => {
    if (!contract) throw new Error(`${vendor}: the contract is read before the tests run`);
    return contract;
  };
  const vendorOpOf = (c: Captured) => matchOp(vendorOps, c.method, c.path);
  const vendorResponses = (op: OperationRef): Record<string, Json> => contractOperation(loaded(), op.method, op.template).responses;
  const vendorResponse = (op: OperationRef, status: number): Json | undefined => vendorResponses(op)[String(status)];
  const documentedSchema = (op: OperationRef, status: number): Json | undefined => vendorResponse(op, status)?.content?.['application/json']?.schema;
  const successErrors: Fidelity['successErrors'] = (validatorFor, opOf, pick) => {
    const out = new Set<string>();
    for (const c of captured) {
      const op = opOf(c);
      if (!op || c.status >= 300) continue;
      const schema = documentedSchema(op, c.status);
      if (schema === undefined) continue;
      const validate = validatorFor(schema);
      if (validate(c.body)) continue;
      for (const e of validate.errors as ErrorObject[]) {
        const found = pick(e);
        if (found !== undefined) out.add(found);
      }
    }
    return out;
  };
  const served = () => vendorOps.filter((v) => mockOps.some((m) => m.method === v.method && shape(m.template) === shape(v.template)));

  return {
    captured,
    get contract() {
      return loaded();
    },
    get vendorOps() {
      return vendorOps;
    },
    get mockOps() {
      return mockOps;
    },
    id,
    isNaiveDatetime,
    ajv(components) {
      const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, validateFormats: true, ...options.ajv });
      addFormats(ajv);
      ajv.addFormat('date-time', { type: 'string', validate: (s: string) => rfc3339(s) || isNaiveDatetime(s) });
      ajv.addSchema({ $id: id, components });
      return ajv;
    },
    validators(ajv) {
      const cache = new Map<string, ValidateFunction>();
      return (schema) => {
        const key = JSON.stringify(schema);
        let v = cache.get(key);
        if (!v) cache.set(key, (v = ajv.compile(rewriteRefs(schema, id))));
        return v;
      };
    },
    vendorOpOf,
    vendorResponses,
    vendorResponse,
    documentedSchema,
    served,
    missed: () => served().filter((o) => !captured.some((c) => vendorOpOf(c) === o && c.status >= 200 && c.status < 300)),
    mockOnly: () => mockOps.filter((m) => !vendorOps.some((v) => v.method === m.method && shape(v.template) === shape(m.template))),
    undocumentedStatuses() {
      const out = new Set<string>();
      for (const c of captured) {
        const op = vendorOpOf(c);
        if (op && !vendorResponse(op, c.status)) out.add(`${op.id} ${c.status}`);
      }
      return out;
    },
    unknownRoutes() {
      const out = new Set<string>();
      for (const c of captured) {
        if (vendorOpOf(c)) continue;
        const mock = matchOp(mockOps, c.method, c.path);
        out.add(mock ? `${mock.method} ${shape(mock.template)}` : `${c.method} ${c.path} (served by no operation)`);
      }
      return out;
    },
    successErrors,
    undeclaredFields: (closedValidatorFor, opOf = vendorOpOf) =>
      successErrors(closedValidatorFor, opOf, (e) =>
        e.keyword === 'unevaluatedProperties'
          ? `${(e.parentSchema as Json)['x-owner']}.${(e.params as { unevaluatedProperty: string }).unevaluatedProperty}`
          : undefined,
      ),
  };
}
