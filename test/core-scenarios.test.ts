/**
 * The scenario engine: files refused at start-up with their path, rule and
 * field; matching; `times` and the fall-through to the stateful handler;
 * activation by header (in order, counted per tenant) and for a tenant or
 * everyone; delays; the four faults as a real client sees them; Prism's
 * Prefer header; and what the journal records.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startServer, useServer } from './support/server.js';
import { readReply } from './support/client.js';
import { XAI_CODES } from './support/xai.js';
import { ScenarioError, type MockServer } from '../src/server.js';
import { loadSpec } from '../src/core/spec.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'scenarios-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let dirs = 0;
/** A scenario directory with these files (paths relative to it). */
function scenarioDir(files: Record<string, string>): string {
  const dir = path.join(tmp, `d${++dirs}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const xaiSpec = loadSpec(path.resolve('specs/xai.yaml'), 'xai');
const specExample = (op: string, status: string, name: string) =>
  xaiSpec.operations.get(op)!.responses[status]!.content['application/json']!.examples![name]!.value;

describe('loading: a bad file is refused at start-up with its path, rule and field', () => {
  async function refusal(files: Record<string, string>, extraDirs: string[] = [], shipped = false) {
    const dir = scenarioDir(files);
    const err = await startServer({ shippedScenarios: shipped, scenarios: [...extraDirs, dir] }).then(
      async (s) => {
        await s.close();
        throw new Error('the server started');
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ScenarioError);
    return { err: err as ScenarioError, dir };
  }

  it('YAML that does not parse', async () => {
    const { err, dir } = await refusal({ 'xai/broken.yaml': 'rules: [\n  - respond: {status: 404\n' });
    expect(err).toMatchObject({ file: path.join(dir, 'xai/broken.yaml'), rule: null, field: '' });
    expect(err.message).toMatch(/^.*xai\/broken\.yaml: not valid YAML/);
  });

  it('a field of the wrong type, an unknown field, a fault that does not exist, no rules', async () => {
    const wrongType = await refusal({ 'xai/a.yaml': 'rules:\n  - respond: {status: 200}\n  - respond: {status: "four-oh-four"}\n' });
    expect(wrongType.err).toMatchObject({ file: path.join(wrongType.dir, 'xai/a.yaml'), rule: 1, field: 'respond.status' });
    expect(wrongType.err.message).toContain('a.yaml: rule 2, respond.status: must be integer');

    const unknown = await refusal({ 'xai/b.yaml': 'rules:\n  - respnd: {status: 404}\n' });
    expect(unknown.err).toMatchObject({ rule: 0, field: 'respnd', reason: 'is not a known field' });
    const deeper = await refusal({ 'xai/b2.yaml': 'rules:\n  - match: {operation: listCollections, methd: GET}\n    respond: {status: 500}\n' });
    expect(deeper.err).toMatchObject({ rule: 0, field: 'match.methd', reason: 'is not a known field' });
    expect(deeper.err.message).toContain('b2.yaml: rule 1, match.methd: is not a known field');
    const nothing = await refusal({ 'xai/b3.yaml': 'rules:\n  - match: {operation: listCollections}\n' });
    expect(nothing.err).toMatchObject({ rule: 0, field: '', reason: 'needs one of respond, delay, fault, stream' });

    const fault = await refusal({ 'xai/c.yaml': 'rules:\n  - fault: explode\n' });
    expect(fault.err).toMatchObject({ rule: 0, field: 'fault' });
    expect(fault.err.reason).toContain('connection_reset, empty_response, malformed_json, timeout');

    const halfRange = await refusal({ 'xai/e.yaml': 'rules:\n  - delay: {min: 5}\n' });
    expect(halfRange.err).toMatchObject({ rule: 0, field: 'delay', reason: "must have required property 'max'" });
    const badDelay = await refusal({ 'xai/f.yaml': 'rules:\n  - delay: soon\n' });
    expect(badDelay.err).toMatchObject({ rule: 0, field: 'delay', reason: 'must be integer' });

    const empty = await refusal({ 'xai/d.yaml': 'description: nothing\nrules: []\n' });
    expect(empty.err).toMatchObject({ rule: null, field: 'rules' });
  });

  it('an operation the spec does not have', async () => {
    const { err } = await refusal({
      'xai/a.yaml': 'rules:\n  - respond: {status: 500}\n  - match: {operation: [listCollections, listWidgets]}\n    respond: {status: 500}\n',
    });
    expect(err).toMatchObject({ rule: 1, field: 'match.operation', reason: 'listWidgets is not an operation of the xai spec' });
  });

  it('a status the named operation does not document, or that no operation documents', async () => {
    const named = await refusal({ 'xai/a.yaml': 'rules:\n  - match: {operation: listCollections}\n    respond: {status: 404}\n' });
    expect(named.err).toMatchObject({ rule: 0, field: 'respond.status', reason: 'listCollections does not document status 404' });
    const anywhere = await refusal({ 'xai/b.yaml': 'rules:\n  - respond: {status: 418}\n' });
    expect(anywhere.err).toMatchObject({ rule: 0, field: 'respond.status', reason: 'no operation of the xai spec documents status 418' });
  });

  it('an example the operation does not have for that status', async () => {
    const { err } = await refusal({ 'xai/a.yaml': 'rules:\n  - match: {operation: getCollectionMetadata}\n    respond: {status: 404, example: nope}\n' });
    expect(err).toMatchObject({ rule: 0, field: 'respond.example', reason: 'getCollectionMetadata has no example "nope" for status 404' });
  });

  it('the same name twice for a provider, across directories or with the shipped library', async () => {
    const first = scenarioDir({ 'xai/twice.yaml': 'rules:\n  - respond: {status: 500}\n' });
    const { err, dir } = await refusal({ 'xai/twice.yaml': 'rules:\n  - respond: {status: 404}\n' }, [first]);
    expect(err).toMatchObject({ file: path.join(dir, 'xai/twice.yaml'), rule: null, field: 'name' });
    expect(err.reason).toBe(`"twice" is already defined for xai in ${path.join(first, 'xai/twice.yaml')}`);

    const shipped = await refusal({ 'xai/mine.yaml': 'name: outage\nrules:\n  - respond: {status: 500}\n' }, [], true);
    expect(shipped.err).toMatchObject({ field: 'name' });
    expect(shipped.err.reason).toMatch(/"outage" is already defined for xai in .*scenarios\/xai\/outage\.yaml/);
  });

  it('a delay range whose min is above its max', async () => {
    const { err } = await refusal({ 'xai/a.yaml': 'rules:\n  - delay: {min: 50, max: 10}\n' });
    expect(err).toMatchObject({ rule: 0, field: 'delay', reason: 'min is above max' });
  });

  it('a file outside a provider folder must name its provider, and one inside must agree with it', async () => {
    const outside = await refusal({ 'loose.yaml': 'rules:\n  - respond: {status: 500}\n' });
    expect(outside.err).toMatchObject({ file: path.join(outside.dir, 'loose.yaml'), field: 'provider' });
    const disagree = await refusal({ 'xai/a.yaml': 'provider: mixpeek\nrules:\n  - respond: {status: 500}\n' });
    expect(disagree.err.reason).toBe('says mixpeek but the file is in the xai folder');
  });

  it('a directory that cannot be read', async () => {
    const missing = path.join(tmp, 'no-such-dir');
    await expect(startServer({ shippedScenarios: false, scenarios: [missing] })).rejects.toMatchObject({ name: 'ScenarioError', file: missing });
  });

  it('a good file outside a provider folder is loaded for the provider it names; one for a provider not mounted is skipped', async () => {
    const dir = scenarioDir({
      'top.yaml': 'provider: xai\nname: from-top\nrules:\n  - respond: {status: 500}\n',
      'other.yaml': 'provider: mixpeek\nrules:\n  - respond: {status: 500}\n',
    });
    const s = await startServer({ shippedScenarios: false, scenarios: [dir] });
    try {
      expect(s.scenarios.list().map((x) => `${x.provider}/${x.name}`)).toEqual(['xai/from-top']);
    } finally {
      await s.close();
    }
  });
});

// ---------------------------------------------------------------- one server for the behaviours

const library = scenarioDir({
  'xai/by-operation.yaml': 'rules:\n  - match: {operation: getCollectionMetadata}\n    respond: {status: 403, message: by operation}\n',
  'xai/by-method.yaml': "rules:\n  - match: {operation: '*', method: DELETE}\n    respond: {status: 403, message: no deleting}\n",
  'xai/by-path.yaml': 'rules:\n  - match: {operation: getCollectionMetadata, path: {collection_id: col_gone}}\n    respond: {status: 404, message: gone}\n',
  'xai/by-query.yaml':
    'rules:\n  - match: {operation: listCollections, query: {limit: 5, order: ORDERING_DESCENDING}}\n    respond: {status: 403, message: five}\n',
  'xai/by-body.yaml': [
    'rules:',
    '  - match: {operation: createCollection, body: {index_configuration.model_name: broken-model}}',
    '    respond: {status: 400, message: dotted}',
    '  - match: {operation: createCollection, body: {field_definitions.0: {key: type, required: true}}}',
    '    respond: {status: 400, message: array item}',
    '  - match: {operation: createCollection, body: {collection_name: boom}}',
    '    respond: {status: 400, message: top level}',
    '',
  ].join('\n'),
  'xai/twice.yaml': 'rules:\n  - match: {operation: createCollection}\n    times: 2\n    respond: {status: 500}\n',
  'xai/steps.yaml': [
    'rules:',
    '  - match: {operation: listCollections}',
    '    times: 1',
    '    respond: {status: 429, message: step one}',
    '  - match: {operation: listCollections}',
    '    times: 1',
    '    respond: {status: 500, message: step two}',
    '',
  ].join('\n'),
  'xai/first.yaml': 'rules:\n  - match: {operation: getCollectionMetadata}\n    respond: {status: 404, message: first}\n',
  'xai/second.yaml': 'rules:\n  - respond: {status: 403, message: second}\n',
  'xai/documented-only.yaml': 'rules:\n  - respond: {status: 409}\n',
  'xai/once.yaml': 'rules:\n  - match: {operation: listCollections}\n    times: 1\n    respond: {status: 500}\n',
  'xai/custom.yaml': [
    'rules:',
    '  - match: {operation: getCollectionMetadata, path: {collection_id: col_example}}',
    '    respond: {status: 404, example: file}',
    '  - match: {operation: getCollectionMetadata, path: {collection_id: col_success}}',
    '    respond: {status: 200}',
    '  - match: {operation: getCollectionMetadata}',
    '    respond:',
    '      status: 404',
    '      headers: {X-Trace: abc, Retry-After: 7}',
    '      body: {code: Some requested entity was not found, error: written by hand}',
    '',
  ].join('\n'),
  'xai/delay-fixed.yaml': 'rules:\n  - match: {operation: listCollections}\n    delay: 150\n',
  'xai/delay-range.yaml': 'rules:\n  - match: {operation: listCollections}\n    delay: {min: 40, max: 80}\n    respond: {status: 500}\n',
  'xai/reset.yaml': 'rules:\n  - fault: connection_reset\n',
  'xai/empty.yaml': 'rules:\n  - fault: empty_response\n',
  'xai/malformed.yaml': 'rules:\n  - fault: malformed_json\n  - fault: malformed_json\n    respond: {status: 503}\n',
  'xai/malformed-503.yaml': 'rules:\n  - fault: malformed_json\n    respond: {status: 503}\n',
  'xai/hang.yaml': 'rules:\n  - fault: timeout\n',
});

const ctx = useServer({ providers: ['xai'], shippedScenarios: false, scenarios: [library] });
let keys = 0;
const freshKey = () => `xai-scn-${++keys}`;

async function xai(p: string, init: { method?: string; key?: string; scenario?: string; prefer?: string; json?: unknown; signal?: AbortSignal } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${init.key ?? freshKey()}` };
  if (init.scenario !== undefined) headers['x-mock-scenario'] = init.scenario;
  if (init.prefer !== undefined) headers.prefer = init.prefer;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${ctx.url}/xai${p}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? null : JSON.stringify(init.json),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  return readReply(res);
}

/** The journal entry of the latest request to this URL (entries are recorded when the connection closes). */
async function journalFor(server: MockServer, url: string) {
  return vi.waitFor(() => {
    const e = server.journal.list().find((x) => x.url === url);
    if (!e) throw new Error(`no journal entry for ${url}`);
    return e;
  });
}

describe('matching', () => {
  it('on operation: only that operation answers', async () => {
    const hit = await xai('/v1/collections/col_1', { scenario: 'by-operation' });
    expect(hit).toMatchObject({ status: 403, json: { code: XAI_CODES[403], error: 'by operation' } });
    expect((await xai('/v1/collections', { scenario: 'by-operation' })).status).toBe(200);
  });

  it('on method', async () => {
    expect((await xai('/v1/collections/col_1', { method: 'DELETE', scenario: 'by-method' })).json).toEqual({ code: XAI_CODES[403], error: 'no deleting' });
    expect((await xai('/v1/files/file_1', { method: 'DELETE', scenario: 'by-method' })).status).toBe(403);
    expect((await xai('/v1/collections/col_1', { scenario: 'by-method' })).status).toBe(404);
  });

  it('on path parameters', async () => {
    expect((await xai('/v1/collections/col_gone', { scenario: 'by-path' })).json).toEqual({ code: XAI_CODES[404], error: 'gone' });
    expect((await xai('/v1/collections/col_other', { scenario: 'by-path' })).json.error).toBe('Collection col_other not found.');
  });

  it('on query parameters, compared as strings, all of them', async () => {
    expect((await xai('/v1/collections?limit=5&order=ORDERING_DESCENDING', { scenario: 'by-query' })).json.error).toBe('five');
    expect((await xai('/v1/collections?order=ORDERING_DESCENDING&limit=5&sort_by=name', { scenario: 'by-query' })).status).toBe(403);
    expect((await xai('/v1/collections?limit=5', { scenario: 'by-query' })).status).toBe(200);
    expect((await xai('/v1/collections?limit=6&order=ORDERING_DESCENDING', { scenario: 'by-query' })).status).toBe(200);
  });

  it('on body fields by dotted path, objects compared whole; before the body is validated', async () => {
    const create = (json: unknown) => xai('/v1/collections', { method: 'POST', scenario: 'by-body', json });
    expect((await create({ collection_name: 'a', index_configuration: { model_name: 'broken-model' } })).json.error).toBe('dotted');
    expect((await create({ collection_name: 'a', field_definitions: [{ key: 'type', required: true }] })).json.error).toBe('array item');
    // An item with one more field is not the same object.
    expect((await create({ collection_name: 'a', field_definitions: [{ key: 'type', required: true, unique: false }] })).status).toBe(200);
    expect((await create({ collection_name: 'boom' })).json.error).toBe('top level');
    // A body the handler would refuse still gets the scenario's answer: scenarios run before validation.
    expect((await create({ collection_name: 'boom', no_such_field: [1, 2, 3] })).json.error).toBe('top level');
    expect((await create({ collection_name: 'fine' })).status).toBe(200);
  });

  it('a status an operation does not document leaves it to the handler (a catch-all rule applies where documented)', async () => {
    // Only uploadDocumentToCollection and addDocumentToCollection document 409.
    expect((await xai('/v1/collections', { scenario: 'documented-only' })).status).toBe(200);
    const key = freshKey();
    const made = await xai('/v1/collections', { method: 'POST', key, json: { collection_name: 'docs' } });
    const res = await xai(`/v1/collections/${made.json.collection_id}/documents/file_1`, { method: 'POST', key, scenario: 'documented-only', json: {} });
    expect(res).toMatchObject({ status: 409, json: { code: XAI_CODES[409] } });
  });
});

describe('times, then the stateful handler', () => {
  it('fires N times, then falls through; state changes only on the handler’s turn', async () => {
    const key = freshKey();
    const create = () => xai('/v1/collections', { method: 'POST', key, scenario: 'twice', json: { collection_name: 'once only' } });
    expect((await create()).status).toBe(500);
    expect((await create()).status).toBe(500);
    expect((await xai('/v1/collections', { key })).json.collections).toEqual([]);
    const third = await create();
    expect(third.status).toBe(200);
    const listed = (await xai('/v1/collections', { key })).json.collections;
    expect(listed.map((c: { collection_id: string }) => c.collection_id)).toEqual([third.json.collection_id]);
  });

  it('spent rules fall through to the next rule, in order', async () => {
    const key = freshKey();
    const get = () => xai('/v1/collections', { key, scenario: 'steps' });
    expect((await get()).json.error).toBe('step one');
    expect((await get()).json.error).toBe('step two');
    expect((await get()).status).toBe(200);
  });

  it('header activations count per tenant', async () => {
    const a = freshKey();
    const b = freshKey();
    expect((await xai('/v1/collections', { key: a, scenario: 'once' })).status).toBe(500);
    expect((await xai('/v1/collections', { key: a, scenario: 'once' })).status).toBe(200);
    expect((await xai('/v1/collections', { key: b, scenario: 'once' })).status).toBe(500);
    expect((await xai('/v1/collections', { key: b, scenario: 'once' })).status).toBe(200);
    const counted = ctx.server.scenarios.active('xai').filter((x) => x.scenario.name === 'once');
    expect(counted.map((x) => [x.tenant, x.via, x.hits])).toEqual(
      expect.arrayContaining([
        [`key:${a}`, 'header', [1]],
        [`key:${b}`, 'header', [1]],
      ]),
    );
  });
});

describe('activation', () => {
  it('several names in one header: the first that has a matching rule answers, in the header’s order', async () => {
    expect((await xai('/v1/collections/col_1', { scenario: 'first, second' })).json.error).toBe('first');
    expect((await xai('/v1/collections/col_1', { scenario: 'second,first' })).json.error).toBe('second');
    expect((await xai('/v1/collections', { scenario: 'first,second' })).json.error).toBe('second');
  });

  it('an unknown name is a 400 about the mock, naming it and the known ones', async () => {
    const res = await xai('/v1/collections', { scenario: 'first, nope' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-mock-error')).toBe('scenario');
    expect(res.json.error).toMatch(/^collections-mock: unknown scenario nope for xai; known: .*\bfirst\b/);
  });

  it('for one tenant or for everyone through the registry (the admin API’s), until deactivated', async () => {
    const a = freshKey();
    const b = freshKey();
    const second = ctx.server.scenarios.get('xai', 'second')!;
    const mine = ctx.server.scenarios.activate(second, `key:${a}`);
    try {
      expect((await xai('/v1/collections', { key: a })).json.error).toBe('second');
      expect((await xai('/v1/collections', { key: b })).status).toBe(200);
      // A header activation goes first.
      expect((await xai('/v1/collections/col_1', { key: a, scenario: 'first' })).json.error).toBe('first');
      expect(mine.hits).toEqual([1]);
    } finally {
      ctx.server.scenarios.deactivate(mine.id);
    }
    expect((await xai('/v1/collections', { key: a })).status).toBe(200);
    const everyone = ctx.server.scenarios.activate(second);
    try {
      expect((await xai('/v1/collections', { key: b })).status).toBe(403);
    } finally {
      ctx.server.scenarios.deactivate(everyone.id);
    }
    expect((await xai('/v1/collections', { key: b })).status).toBe(200);
  });
});

describe('respond', () => {
  it('a named example, the spec’s example for a success, or a body and headers as written', async () => {
    const example = await xai('/v1/collections/col_example', { scenario: 'custom' });
    expect(example).toMatchObject({ status: 404, json: specExample('getCollectionMetadata', '404', 'file') });
    const success = await xai('/v1/collections/col_success', { scenario: 'custom' });
    expect(success.status).toBe(200);
    expect(success.json).toEqual(xaiSpec.operations.get('getCollectionMetadata')!.responses['200']!.content['application/json']!.example);
    const custom = await xai('/v1/collections/col_x', { scenario: 'custom' });
    expect(custom).toMatchObject({ status: 404, json: { code: XAI_CODES[404], error: 'written by hand' } });
    expect(custom.headers.get('x-trace')).toBe('abc');
    expect(custom.headers.get('retry-after')).toBe('7');
  });
});

describe('delay', () => {
  it('fixed: waits, then the handler answers', async () => {
    const started = performance.now();
    const res = await xai('/v1/collections', { scenario: 'delay-fixed' });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('a range, with a reply after it', async () => {
    const started = performance.now();
    const res = await xai('/v1/collections', { scenario: 'delay-range' });
    const took = performance.now() - started;
    expect(res.status).toBe(500);
    expect(took).toBeGreaterThanOrEqual(38);
  });

  it('a delay-only rule adds its wait and lets a later scenario answer (slow composes with flaky)', async () => {
    const started = performance.now();
    const res = await xai('/v1/collections', { scenario: 'delay-fixed, delay-range' });
    expect(res.status).toBe(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150 + 38);
  });
});

describe('faults, as a real client sees them', () => {
  it('connection_reset: fetch rejects; a raw socket sees ECONNRESET and not a byte', async () => {
    await expect(xai('/v1/collections?fault=reset', { scenario: 'reset' })).rejects.toThrow(TypeError);
    const seen = await rawExchange('reset');
    expect(seen.bytes).toBe(0);
    expect(seen.error).toBe('ECONNRESET');
    const entry = await journalFor(ctx.server, '/xai/v1/collections?fault=reset');
    expect(entry).toMatchObject({ status: 0, fault: 'connection_reset', scenario: { name: 'reset', rule: 1 } });
  });

  it('empty_response: fetch rejects; the connection closes cleanly without a byte', async () => {
    await expect(xai('/v1/collections?fault=empty', { scenario: 'empty' })).rejects.toThrow(TypeError);
    const seen = await rawExchange('empty');
    expect(seen).toEqual({ bytes: 0, error: null });
    expect(await journalFor(ctx.server, '/xai/v1/collections?fault=empty')).toMatchObject({ status: 0, fault: 'empty_response' });
  });

  it('malformed_json: a JSON content type whose body does not parse, with 200 or the rule’s status', async () => {
    const res = await fetch(`${ctx.url}/xai/v1/collections`, { headers: { authorization: `Bearer ${freshKey()}`, 'x-mock-scenario': 'malformed' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    await expect(res.json()).rejects.toThrow(SyntaxError);
    const other = await fetch(`${ctx.url}/xai/v1/collections?fault=malformed`, {
      headers: { authorization: `Bearer ${freshKey()}`, 'x-mock-scenario': 'malformed-503' },
    });
    expect(other.status).toBe(503);
    await expect(other.json()).rejects.toThrow(SyntaxError);
    expect(await journalFor(ctx.server, '/xai/v1/collections?fault=malformed')).toMatchObject({ status: 503, fault: 'malformed_json' });
  });

  it('timeout: no answer until the client gives up; close() still returns at once', async () => {
    const server = await startServer({ shippedScenarios: false, scenarios: [library] });
    try {
      const aborter = new AbortController();
      let settled = false;
      const pending = fetch(`${server.url}/xai/v1/collections?fault=hang`, {
        headers: { authorization: 'Bearer xai-hang', 'x-mock-scenario': 'hang' },
        signal: aborter.signal,
      }).finally(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 150));
      expect(settled).toBe(false);
      aborter.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      expect(await journalFor(server, '/xai/v1/collections?fault=hang')).toMatchObject({ status: 0, fault: 'timeout', scenario: { name: 'hang' } });
      // A second one still hanging when the server shuts down is dropped, not waited for.
      const hanging = fetch(`${server.url}/xai/v1/collections`, { headers: { authorization: 'Bearer xai-hang', 'x-mock-scenario': 'hang' } });
      hanging.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
      const started = performance.now();
      await server.close();
      expect(performance.now() - started).toBeLessThan(1000);
      await expect(hanging).rejects.toThrow(TypeError);
    } finally {
      await server.close();
    }
  });
});

/** Sends a raw request with this scenario and reports what came back: how many bytes, and the socket error code. */
function rawExchange(scenario: string): Promise<{ bytes: number; error: string | null }> {
  const { port } = new URL(ctx.url);
  return new Promise((resolve) => {
    let bytes = 0;
    let error: string | null = null;
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET /xai/v1/collections HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${freshKey()}\r\nX-Mock-Scenario: ${scenario}\r\n\r\n`);
    });
    socket.on('data', (d) => (bytes += d.length));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => resolve({ bytes, error }));
  });
}

describe('Prism’s Prefer header', () => {
  it('code=N answers that documented status: the envelope for an error, the example for a success', async () => {
    const notFound = await xai('/v1/collections/col_1', { prefer: 'code=404' });
    expect(notFound).toMatchObject({ status: 404, json: { code: XAI_CODES[404] } });
    const ok = await xai('/v1/collections', { prefer: 'code=200' });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual(specExample('listCollections', '200', 'lastPage'));
  });

  it('example=name picks a named example, of the lowest 2xx unless code says otherwise', async () => {
    expect((await xai('/v1/collections', { prefer: 'example=morePages' })).json).toEqual(specExample('listCollections', '200', 'morePages'));
    const res = await xai('/v1/collections/col_1', { prefer: 'code=404, example=file' });
    expect(res).toMatchObject({ status: 404, json: specExample('getCollectionMetadata', '404', 'file') });
  });

  it('dynamic=true generates a body from the response schema, valid against it, repeatable with the same seed', async () => {
    const bodies: unknown[] = [];
    for (const seed of ['s1', 's1', 's2']) {
      const server = await startServer({ providers: ['xai'], shippedScenarios: false, seed });
      try {
        const res = await fetch(`${server.url}/xai/v1/collections`, { headers: { authorization: 'Bearer k', prefer: 'dynamic=true' } });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { collections: unknown[] };
        expect(Array.isArray(body.collections)).toBe(true);
        expect(server.selfCheckFailures).toEqual([]);
        bodies.push(body);
      } finally {
        await server.close();
      }
    }
    expect(bodies[0]).not.toEqual(specExample('listCollections', '200', 'lastPage'));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).not.toEqual(bodies[0]);
  });

  it('an undocumented code or an unknown example is a 422 about the mock', async () => {
    const code = await xai('/v1/collections', { prefer: 'code=404' });
    expect(code.status).toBe(422);
    expect(code.headers.get('x-mock-error')).toBe('scenario');
    expect(code.json.error).toBe('collections-mock: listCollections documents no response 404 (Prefer: code=404)');
    const example = await xai('/v1/collections/col_1', { prefer: 'code=404, example=nope' });
    expect(example.status).toBe(422);
    expect(example.json.error).toBe('collections-mock: getCollectionMetadata has no example "nope" for status 404');
    const noSuccessExample = await xai('/v1/collections/col_1', { prefer: 'example=file' });
    expect(noSuccessExample.status).toBe(422);
  });

  it('is answered without touching state, and recorded in the journal', async () => {
    const key = freshKey();
    expect((await xai('/v1/collections?via=prefer', { method: 'POST', key, prefer: 'code=200', json: { collection_name: 'never made' } })).status).toBe(200);
    expect((await xai('/v1/collections', { key })).json.collections).toEqual([]);
    expect(await journalFor(ctx.server, '/xai/v1/collections?via=prefer')).toMatchObject({ status: 200, prefer: 'code=200' });
  });
});

describe('the journal', () => {
  it('names the scenario, the rule (from 1) and the activation that answered', async () => {
    const key = freshKey();
    await xai('/v1/collections?journal=1', { key, scenario: 'steps' });
    await xai('/v1/collections?journal=2', { key, scenario: 'steps' });
    await xai('/v1/collections?journal=3', { key, scenario: 'steps' });
    const first = await journalFor(ctx.server, '/xai/v1/collections?journal=1');
    expect(first).toMatchObject({
      status: 429,
      tenant: `key:${key}`,
      operationId: 'listCollections',
      scenario: { name: 'steps', rule: 1, activation: expect.stringMatching(/^act_/) },
    });
    expect(await journalFor(ctx.server, '/xai/v1/collections?journal=2')).toMatchObject({
      status: 500,
      scenario: { name: 'steps', rule: 2, activation: first.scenario!.activation },
    });
    const third = await journalFor(ctx.server, '/xai/v1/collections?journal=3');
    expect(third.status).toBe(200);
    expect(third.scenario).toBeUndefined();
    expect(third.fault).toBeUndefined();
  });
});
