/**
 * vendor/<vendor>/contract.json: the facts of the vendors' published OpenAPI
 * documents the fidelity tests check the mock against. They must say where
 * they come from, hold an entry for every operation our spec serves that the
 * vendor publishes (so a new operation in specs/<vendor>.yaml fails here until
 * the contract is re-extracted), resolve every $ref within the file, and be
 * exactly what scripts/vendor-extract.mjs writes. The extractor itself is
 * checked on a small hand-written vendor document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  KNOWN_SOURCES,
  METHODS,
  SCRIPT,
  canonical,
  componentOf,
  extract,
  gitBlobId,
  refsIn,
  serialize,
  sha256,
  shape,
  type Contract,
} from '../scripts/vendor-extract.mjs';
import { REPO_ROOT, contractFile, loadVendorContract } from './support/fidelity.js';

type Json = any;

/** The vendors whose contracts the fidelity tests read; any other contract in vendor/ is checked too. */
const REQUIRED = ['airweave', 'mixpeek'];
const VENDORS = readdirSync(path.join(REPO_ROOT, 'vendor'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const ourSpec = (vendor: string): Json => parseYaml(readFileSync(path.join(REPO_ROOT, 'specs', `${vendor}.yaml`), 'utf8'), { maxAliasCount: -1 });

/** Our spec's operations as "<METHOD> <path shape>". */
function servedShapes(spec: Json): Set<string> {
  const out = new Set<string>();
  for (const [p, item] of Object.entries<Json>(spec.paths ?? {})) for (const m of METHODS) if (item?.[m]) out.add(`${m.toUpperCase()} ${shape(p)}`);
  return out;
}

const isDate = (s: unknown): boolean => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The components an operation set reaches, as "<kind>/<name>", following refs through components. */
function reachedComponents(contract: Contract): Set<string> {
  const reached = new Set<string>();
  const pending = refsIn(Object.values(contract.operations));
  while (pending.length) {
    const ref = pending.pop()!;
    const at = componentOf(ref);
    if (!at || reached.has(at.join('/'))) continue;
    reached.add(at.join('/'));
    pending.push(...refsIn(contract.components[at[0]]?.[at[1]]));
  }
  return reached;
}

/**
 * A vendor document holding exactly what the contract records: the index's
 * operations (bare), the served ones with their recorded facts, the recorded
 * components. Extracting it again must give the file byte for byte.
 */
function documentFrom(contract: Contract): Json {
  const paths: Json = {};
  for (const e of contract.index) (paths[e.path] ??= {})[e.method.toLowerCase()] = { operationId: e.operationId ?? undefined, responses: {} };
  for (const op of Object.values(contract.operations)) {
    const { method, path: p, ...facts } = op;
    paths[p][method.toLowerCase()] = { ...facts, operationId: facts.operationId ?? undefined };
  }
  const { title, openapi, version } = contract.provenance;
  return { openapi, info: { title, version }, paths, components: contract.components };
}

const DERIVED = ['title', 'openapi', 'version', 'paths_published', 'operations_published'];

describe('vendor contracts (vendor/<vendor>/contract.json)', () => {
  it('exist for every vendor the fidelity tests check', () => {
    expect(VENDORS).toEqual(expect.arrayContaining(REQUIRED));
  });

  describe.each(VENDORS)('%s', (vendor) => {
    const text = readFileSync(contractFile(vendor), 'utf8');
    const contract = loadVendorContract(vendor);
    const spec = ourSpec(vendor);

    it('has complete provenance', () => {
      const p = contract.provenance;
      expect(p.sha256, 'sha256 of the document read').toMatch(/^[0-9a-f]{64}$/);
      expect(p.git_blob, 'git blob id of the document read').toMatch(/^[0-9a-f]{40}$/);
      expect(p.source_url, 'where the document was published').toMatch(/^https:\/\/[^\s/]+\/\S+$/);
      expect(typeof p.version === 'string' && p.version.length > 0, "the document's info.version").toBe(true);
      expect(typeof p.title === 'string' && p.title.length > 0, "the document's info.title").toBe(true);
      expect(p.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(isDate(p.published), `published ${p.published}`).toBe(true);
      expect(isDate(p.extracted), `extracted ${p.extracted}`).toBe(true);
      expect(p.published <= p.extracted, 'published before extracted').toBe(true);
      expect(p.extracted_by).toBe(SCRIPT);
      expect(p.operations_published).toBe(contract.index.length);
      expect(p.paths_published).toBe(new Set(contract.index.map((e) => e.path)).size);
      // A document the script knows carries the provenance the script records for it.
      const known = KNOWN_SOURCES[p.sha256];
      if (known) for (const [k, v] of Object.entries(known)) expect(p[k], k).toBe(v);
    });

    it('indexes every published operation once, in order, with method, path and operationId only', () => {
      expect(contract.index.length).toBeGreaterThan(0);
      for (const e of contract.index) {
        expect(Object.keys(e).sort()).toEqual(['method', 'operationId', 'path']);
        expect(METHODS.map((m) => m.toUpperCase())).toContain(e.method);
        expect(e.path.startsWith('/')).toBe(true);
      }
      const keys = contract.index.map((e) => `${e.method} ${e.path}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('has an entry, with its schemas, for every operation our spec serves that the vendor publishes, and no other', () => {
      const served = servedShapes(spec);
      const publishedAndServed = contract.index.filter((e) => served.has(`${e.method} ${shape(e.path)}`)).map((e) => `${e.method} ${e.path}`);
      const recorded = Object.keys(contract.operations);
      const missing = publishedAndServed.filter((k) => !recorded.includes(k));
      expect(missing, `served by specs/${vendor}.yaml and published by the vendor, but not extracted: re-extract (vendor/README.md)`).toEqual([]);
      expect(
        recorded.filter((k) => !publishedAndServed.includes(k)),
        'extracted but no longer served: re-extract',
      ).toEqual([]);
      for (const [key, op] of Object.entries(contract.operations)) {
        const indexed = contract.index.find((e) => `${e.method} ${e.path}` === key)!;
        expect(op.operationId, key).toBe(indexed.operationId);
        expect(`${op.method} ${op.path}`).toBe(key);
        const statuses = Object.keys(op.responses);
        expect(statuses.length, `${key} has responses`).toBeGreaterThan(0);
        // Every success reply the fidelity tests validate has a schema to validate against.
        const withSchema = statuses.filter((s) => op.responses[s].content?.['application/json']?.schema !== undefined);
        expect(withSchema.length + statuses.filter((s) => s === '204').length, `${key} has a response schema`).toBeGreaterThan(0);
      }
      if (REQUIRED.includes(vendor)) expect(recorded.length).toBeGreaterThan(10);
    });

    it('resolves every $ref within the file, and holds only the components the served operations reach', () => {
      const refs = refsIn([contract.operations, contract.components]);
      expect(refs.length).toBeGreaterThan(0);
      const unresolved = [...new Set(refs)].filter((ref) => {
        const at = componentOf(ref);
        return !at || contract.components[at[0]]?.[at[1]] === undefined;
      });
      expect(unresolved).toEqual([]);
      const held = Object.entries(contract.components).flatMap(([kind, named]) => Object.keys(named).map((n) => `${kind}/${n}`));
      expect(held.sort()).toEqual([...reachedComponents(contract)].sort());
    });

    it('is exactly what the extractor writes from the facts it holds (canonical form, nothing added by hand)', () => {
      const provenance = Object.fromEntries(Object.entries(contract.provenance).filter(([k]) => !DERIVED.includes(k)));
      const again = serialize(extract(documentFrom(contract), spec, provenance));
      // Compare the parsed forms first for a readable difference, then the bytes.
      expect(JSON.parse(again)).toEqual(JSON.parse(text));
      expect(again === text, 'byte-identical to a fresh extraction').toBe(true);
    });
  });
});

// ------------------------------------------------------------------ the extractor on a small document

const THING = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', example: 'thing_1' },
    owner: { $ref: '#/components/schemas/Owner' },
    tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
  },
};
const json = (schema: Json) => ({ content: { 'application/json': { schema, example: { any: 'thing' } } } });

const VENDOR_DOC: Json = {
  openapi: '3.1.0',
  info: { title: 'Fixture API', version: '9.9' },
  paths: {
    '/widgets': { get: { operationId: 'listWidgets', responses: { '200': { description: 'ok', ...json({ $ref: '#/components/schemas/WidgetList' }) } } } },
    '/things/{thing_id}': {
      parameters: [{ name: 'X-Tenant', in: 'header', schema: { type: 'string' } }],
      get: {
        operationId: 'getThing',
        parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'ok', ...json({ $ref: '#/components/schemas/Thing' }) }, '404': { description: 'Not found' } },
      },
      delete: { operationId: 'deleteThing', responses: { '204': { description: 'gone' } } },
    },
    '/things': {
      post: {
        operationId: 'createThing',
        requestBody: { required: true, description: 'the thing', ...json({ $ref: '#/components/schemas/ThingCreate' }) },
        responses: {
          '200': { description: 'ok', ...json({ $ref: '#/components/schemas/Thing' }) },
          '422': { description: 'bad', ...json({ $ref: '#/components/schemas/HTTPValidationError' }) },
        },
      },
      get: {
        operationId: 'listThings',
        parameters: [{ $ref: '#/components/parameters/Limit' }],
        responses: { '200': { description: 'ok', ...json({ $ref: '#/components/schemas/ThingList' }) } },
      },
    },
  },
  components: {
    schemas: {
      Thing: THING,
      Owner: { type: 'object', properties: { name: { type: 'string' } } },
      // Refers to itself: the walk must end.
      Tag: { type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } },
      ThingList: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
      ThingCreate: { type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' } }, additionalProperties: false },
      HTTPValidationError: { type: 'object', properties: { detail: { type: 'array', items: { $ref: '#/components/schemas/ValidationError' } } } },
      ValidationError: { type: 'object', properties: { msg: { type: 'string' } } },
      Widget: { type: 'object' },
      WidgetList: { type: 'array', items: { $ref: '#/components/schemas/Widget' } },
      Unused: { type: 'string' },
    },
    parameters: {
      Limit: { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } },
      Offset: { name: 'offset', in: 'query', schema: { type: 'integer' } },
    },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  },
};

/** Ours: /things and one thing by id (another parameter name, a trailing slash), no delete, no widgets, one route of our own. */
const OUR_SPEC: Json = {
  openapi: '3.1.0',
  paths: {
    '/things': { get: { operationId: 'list' }, post: { operationId: 'create' } },
    '/things/{id}/': { get: { operationId: 'get' } },
    '/ours-only': { get: { operationId: 'ours' } },
  },
};

const PROVENANCE = {
  source_url: 'https://example.com/fixture/openapi.json',
  published: '2026-01-02',
  sha256: 'a'.repeat(64),
  git_blob: 'b'.repeat(40),
  extracted: '2026-01-03',
  extracted_by: SCRIPT,
};

/** The same value with every object's keys in reverse order. */
function reversed(value: Json): Json {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((k) => [k, reversed(value[k])]),
  );
}

describe('scripts/vendor-extract.mjs: extract()', () => {
  const contract = extract(VENDOR_DOC, OUR_SPEC, PROVENANCE);

  it('indexes every published operation, served or not, by path then method', () => {
    expect(contract.index).toEqual([
      { method: 'GET', path: '/things', operationId: 'listThings' },
      { method: 'POST', path: '/things', operationId: 'createThing' },
      { method: 'GET', path: '/things/{thing_id}', operationId: 'getThing' },
      { method: 'DELETE', path: '/things/{thing_id}', operationId: 'deleteThing' },
      { method: 'GET', path: '/widgets', operationId: 'listWidgets' },
    ]);
  });

  it('keeps only the operations we serve, matched by method and path shape', () => {
    expect(Object.keys(contract.operations)).toEqual(['GET /things', 'GET /things/{thing_id}', 'POST /things']);
  });

  it("keeps parameters (the path item's too), request body schemas and responses as published, and drops examples", () => {
    expect(contract.operations['GET /things/{thing_id}']).toEqual({
      operationId: 'getThing',
      method: 'GET',
      path: '/things/{thing_id}',
      parameters: [
        { name: 'X-Tenant', in: 'header', schema: { type: 'string' } },
        { name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } },
      ],
      responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } }, '404': {} },
    });
    expect(contract.operations['POST /things']!.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingCreate' } } },
    });
    expect(contract.operations['GET /things']!.parameters).toEqual([{ $ref: '#/components/parameters/Limit' }]);
  });

  it('keeps exactly the components the served operations reach, transitively, verbatim', () => {
    expect(Object.keys(contract.components).sort()).toEqual(['parameters', 'schemas']);
    expect(Object.keys(contract.components.schemas!).sort()).toEqual([
      'HTTPValidationError',
      'Owner',
      'Tag',
      'Thing',
      'ThingCreate',
      'ThingList',
      'ValidationError',
    ]);
    expect(Object.keys(contract.components.parameters!)).toEqual(['Limit']);
    expect(contract.components.schemas!.Thing).toEqual(THING);
    expect(contract.components.schemas!.ThingCreate.additionalProperties).toBe(false);
  });

  it("stamps the provenance given, with the document's own title, version and size", () => {
    expect(contract.provenance).toEqual({ ...PROVENANCE, title: 'Fixture API', openapi: '3.1.0', version: '9.9', paths_published: 3, operations_published: 5 });
  });

  it('is deterministic: the same facts in another key order give the same bytes, keys sorted', () => {
    const text = serialize(contract);
    expect(serialize(extract(reversed(VENDOR_DOC), reversed(OUR_SPEC), reversed(PROVENANCE)))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['about', 'provenance', 'index', 'operations', 'components']);
    expect(JSON.stringify(parsed.components)).toBe(JSON.stringify(canonical(parsed.components)));
    expect(Object.keys(parsed.components.schemas.Thing)).toEqual(['properties', 'required', 'type']);
  });

  it('picks up an operation our spec starts serving', () => {
    const more = extract(VENDOR_DOC, { paths: { ...OUR_SPEC.paths, '/things/{x}': { delete: { operationId: 'remove' } } } }, PROVENANCE);
    expect(Object.keys(more.operations)).toContain('DELETE /things/{thing_id}');
    expect(more.operations['DELETE /things/{thing_id}']!.responses).toEqual({ '204': {} });
  });

  it('refuses a $ref it cannot resolve within the document', () => {
    const broken = structuredClone(VENDOR_DOC);
    delete broken.components.schemas.Owner;
    expect(() => extract(broken, OUR_SPEC, PROVENANCE)).toThrow(/#\/components\/schemas\/Owner does not resolve/);
    const external = structuredClone(VENDOR_DOC);
    external.components.schemas.Owner = { $ref: 'https://example.com/owner.json' };
    expect(() => extract(external, OUR_SPEC, PROVENANCE)).toThrow(/unsupported \$ref/);
  });

  it('hashes the document as sha256 and as git does', () => {
    expect(sha256('hello\n')).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
    expect(gitBlobId('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});
