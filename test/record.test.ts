/**
 * `collections-mock record`: a validating proxy in front of a local upstream
 * (the mock itself), whose recording the mock then replays.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startServer } from './support/server.js';
import { send, type Res } from './support/client.js';
import { cx, freshKey } from './support/ctxfy.js';
import { startRecorder, isSecretName, type RecorderLog } from '../src/contract/record.js';
import { checkScenario } from '../src/core/scenarios.js';
import type { MockServer } from '../src/server.js';

function collector(): RecorderLog & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { warnings, infos, warn: (_f, m) => void warnings.push(m), info: (_f, m) => void infos.push(m) };
}

const specsOf = (server: MockServer) => new Map(server.providers.map((m) => [m.provider.name, m.spec]));

describe('record: a validating proxy that writes a replayable scenario', () => {
  let upstream: MockServer;
  let dir: string;
  beforeAll(async () => {
    upstream = await startServer({ providers: ['ctxfy'], strict: false });
    dir = mkdtempSync(path.join(os.tmpdir(), 'record-'));
  });
  afterAll(async () => {
    await upstream?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('relays a Ctxfy flow unchanged, writes it redacted as a scenario, and the mock replays it', async () => {
    const log = collector();
    const out = path.join(dir, 'scenarios', 'ctxfy', 'recorded.yaml');
    mkdirSync(path.dirname(out), { recursive: true });
    const recorder = await startRecorder({ provider: 'ctxfy', upstream: `${upstream.url}/ctxfy`, port: 0, out, log });
    const key = freshKey('rec');
    // The recorder serves the provider's paths at its root, like the vendor's host.
    const via = (p: string, init: Parameters<typeof fetchVia>[2] = {}) => fetchVia(recorder.url, p, { key, ...init });

    const space = await via('/v1/spaces', { method: 'POST', json: { name: 'Recorded space', description: 'through the proxy' } });
    expect(space.status, space.text).toBe(201);
    expect(space.headers.get('x-ratelimit-limit')).not.toBeNull();
    const spaceId = space.json.id as string;
    const collection = await via(`/v1/spaces/${spaceId}/collections`, { method: 'POST', json: { name: 'Papers' } });
    expect(collection.status, collection.text).toBe(201);
    const minted = await via('/v1/api-keys', { method: 'POST', json: { name: 'CI key' } });
    expect(minted.status, minted.text).toBe(201);
    const secret = minted.json.api_key as string;
    expect(secret).toMatch(/^ctx_/);
    const got = await via(`/v1/spaces/${spaceId}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(space.json);
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const missing = await via(`/v1/spaces/${unknownId}`);
    expect(missing.status).toBe(404);

    // The client saw what the upstream sent, byte for byte.
    const direct = await cx(upstream.url, `/v1/spaces/${spaceId}`, { key });
    expect(got.text).toBe(direct.text);

    const { file, exchanges } = await recorder.close();
    expect(file).toBe(out);
    expect(exchanges).toBe(5);
    expect(log.warnings, 'a conforming upstream breaks nothing').toEqual([]);

    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(key);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization/i);
    const doc = parseYaml(text) as { name: string; rules: any[] };
    expect(doc.name).toBe('recorded');
    expect(doc.rules).toHaveLength(5);
    expect(doc.rules.map((r) => r.match.operation)).toEqual(['createSpace', 'createCollection', 'createApiKey', 'getSpace', 'getSpace']);
    expect(doc.rules.every((r) => r.times === 1)).toBe(true);
    expect(doc.rules[0].match).toEqual({ operation: 'createSpace', method: 'POST', body: { name: 'Recorded space', description: 'through the proxy' } });
    expect(doc.rules[1].match.path).toEqual({ spaceId });
    expect(doc.rules[2].respond.body.api_key).toBe('<redacted>');
    expect(doc.rules[4].respond.status).toBe(404);
    for (const r of doc.rules) {
      expect(Object.keys(r.respond.headers ?? {}).every((h) => h === 'content-type' || h.startsWith('x-ratelimit-') || h === 'retry-after')).toBe(true);
    }
    // Loadable by the mock: the same checks as a file in scenarios/ctxfy.
    const scenario = checkScenario(parseYaml(text), out, specsOf(upstream), 'ctxfy');
    expect(scenario.rules).toHaveLength(5);

    // A fresh mock replays the recording: same requests, same statuses and bodies, although it never saw the data.
    const replay = await startServer({ providers: ['ctxfy'], scenarios: [path.join(dir, 'scenarios')], shippedScenarios: false });
    try {
      const headers = { 'x-mock-scenario': 'recorded' };
      const again = (p: string, init: Parameters<typeof cx>[2] = {}) => cx(replay.url, p, { key, headers, ...init });
      const r1 = await again('/v1/spaces', { method: 'POST', json: { name: 'Recorded space', description: 'through the proxy' } });
      expect([r1.status, r1.json]).toEqual([201, space.json]);
      const r2 = await again(`/v1/spaces/${spaceId}/collections`, { method: 'POST', json: { name: 'Papers' } });
      expect([r2.status, r2.json]).toEqual([201, collection.json]);
      const r3 = await again('/v1/api-keys', { method: 'POST', json: { name: 'CI key' } });
      expect(r3.status).toBe(201);
      expect(r3.json).toEqual({ ...minted.json, api_key: '<redacted>' });
      const r4 = await again(`/v1/spaces/${spaceId}`);
      expect([r4.status, r4.json]).toEqual([200, got.json]);
      const r5 = await again(`/v1/spaces/${unknownId}`);
      expect([r5.status, r5.json]).toEqual([404, missing.json]);
      expect(replay.selfCheckFailures).toEqual([]);
    } finally {
      await replay.close();
    }
  });

  it('logs a reply that breaks the spec as a violation, still relays it, and leaves an undocumented status out of the file', async () => {
    const raw = {
      rules: [
        { match: { operation: 'getSpace' }, times: 1, respond: { status: 200, body: { bogus: true } } },
        { match: { operation: 'getSpace' }, times: 1, respond: { status: 200, body: { bogus: true } } },
      ],
    };
    const activation = upstream.scenarios.activate(checkScenario(raw, 'inline', specsOf(upstream), 'ctxfy'));
    const log = collector();
    const out = path.join(dir, 'bad.yaml');
    const recorder = await startRecorder({ provider: 'ctxfy', upstream: `${upstream.url}/ctxfy`, port: 0, out, log });
    try {
      const key = freshKey('bad');
      const spaceId = '11111111-1111-4111-8111-111111111111';
      const bad = await fetchVia(recorder.url, `/v1/spaces/${spaceId}`, { key });
      expect(bad.status).toBe(200);
      expect(bad.json).toEqual({ bogus: true });
      expect(log.warnings, log.warnings.join('\n')).toContain('spec violation: getSpace → 200: response body.bogus: is not a known field');
      expect(log.warnings).toContain('spec violation: getSpace → 200: response body.id: is required');
      // A path the spec does not know: logged, relayed, left out of the file with a comment.
      const unknown = await fetchVia(recorder.url, '/v1/nowhere', { key });
      expect(unknown.status).toBe(404);
      expect(log.warnings.some((w) => w.includes('/v1/nowhere'))).toBe(true);
      // A secret in a request body is never written.
      await fetchVia(recorder.url, '/v1/spaces', { key, method: 'POST', json: { name: 'with secret', password: 'hunter2-very-secret' } });
    } finally {
      upstream.scenarios.deactivate(activation.id);
      upstream.selfCheckFailures.splice(0);
    }
    const { file } = await recorder.close();
    expect(file).toBe(out);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/# left out: GET \/v1\/nowhere → 404/);
    expect(text).not.toContain('hunter2-very-secret');
    expect(() => checkScenario(parseYaml(text), out, specsOf(upstream), 'ctxfy')).not.toThrow();
  });

  it('names secret-looking fields', () => {
    for (const n of [
      'api_key',
      'apiKey',
      'token',
      'secret',
      'password',
      'personal_access_token',
      'client_secret',
      'authorization',
      'credentials',
      'refresh_token',
      'X-Api-Key',
    ])
      expect(isSecretName(n), n).toBe(true);
    for (const n of ['key_prefix', 'name', 'max_tokens', 'token_count', 'tokens', 'id', 'description']) expect(isSecretName(n), n).toBe(false);
  });

  it('leaves a status the operation does not document out of the file, with a comment naming it', async () => {
    // An upstream that answers what our spec does not allow (the mock's own scenarios cannot: their loader refuses it).
    const teapot = http.createServer((req, res) => {
      const [status, body] =
        req.url === '/base/v1/spaces'
          ? [418, { error: "I'm a teapot" }]
          : [404, { error: 'Not Found', message: 'The requested resource was not found', code: 404 }];
      res.writeHead(status, { 'content-type': 'application/json', 'x-secret-thing': 'nope' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => teapot.listen(0, '127.0.0.1', resolve));
    const log = collector();
    const out = path.join(dir, 'teapot.yaml');
    const recorder = await startRecorder({
      provider: 'ctxfy',
      upstream: `http://127.0.0.1:${(teapot.address() as AddressInfo).port}/base/`,
      port: 0,
      out,
      log,
    });
    try {
      const key = freshKey('tea');
      const a = await fetchVia(recorder.url, '/v1/spaces', { key });
      expect([a.status, a.json]).toEqual([418, { error: "I'm a teapot" }]);
      expect(a.headers.get('x-secret-thing')).toBe('nope');
      expect(log.warnings.some((w) => w.includes('listSpaces') && w.includes('status 418 is not documented'))).toBe(true);
      const b = await fetchVia(recorder.url, '/v1/spaces/nope', { key });
      expect(b.status).toBe(404);
    } finally {
      await recorder.close();
      await new Promise<void>((resolve) => teapot.close(() => resolve()));
    }
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/# left out: GET \/v1\/spaces → 418 \(listSpaces\): status 418 is not documented for listSpaces\n/);
    expect(text).not.toContain('x-secret-thing');
    const scenario = checkScenario(parseYaml(text), out, specsOf(upstream), 'ctxfy');
    expect(scenario.rules.map((r) => [r.match?.operation, r.respond?.status])).toEqual([['getSpace', 404]]);
  });

  it('writes the file as exchanges come, so a recorder that dies loses nothing', async () => {
    const log = collector();
    const out = path.join(dir, 'progressive.yaml');
    const recorder = await startRecorder({ provider: 'ctxfy', upstream: `${upstream.url}/ctxfy`, port: 0, out, log });
    try {
      const key = freshKey('prog');
      expect((await fetchVia(recorder.url, '/v1/spaces', { key, method: 'POST', json: { name: 'First' } })).status).toBe(201);
      // On disk before any close: complete, loadable, redacted.
      const first = readFileSync(out, 'utf8');
      expect(first).not.toContain(key);
      expect(checkScenario(parseYaml(first), out, specsOf(upstream), 'ctxfy').rules.map((r) => r.match?.operation)).toEqual(['createSpace']);
      expect((await fetchVia(recorder.url, '/v1/spaces', { key })).status).toBe(200);
      const second = checkScenario(parseYaml(readFileSync(out, 'utf8')), out, specsOf(upstream), 'ctxfy');
      expect(second.rules.map((r) => r.match?.operation)).toEqual(['createSpace', 'listSpaces']);
    } finally {
      await recorder.close();
    }
  });

  it('closes while an exchange hangs: the one under way is cut off, the rest is written', async () => {
    // An upstream that answers listSpaces at once and never answers anything else.
    const hanging = http.createServer((req, res) => {
      if (req.url !== '/v1/spaces') return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ spaces: [], pagination: { page: 1, per_page: 20, total: 0, pages: 0 } }));
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const log = collector();
    const out = path.join(dir, 'hanging.yaml');
    const recorder = await startRecorder({ provider: 'ctxfy', upstream: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, port: 0, out, log });
    try {
      const key = freshKey('hang');
      expect((await fetchVia(recorder.url, '/v1/spaces', { key })).status).toBe(200);
      const stuck = fetchVia(recorder.url, '/v1/spaces/11111111-1111-4111-8111-111111111111', { key }).catch((err: Error) => err);
      // The stuck request has reached the upstream.
      await new Promise<void>((resolve) => hanging.once('request', () => resolve()));
      const { file, exchanges } = await recorder.close();
      expect([file, exchanges]).toEqual([out, 1]);
      expect(await stuck).toBeInstanceOf(Error);
      expect(log.warnings).toContain('1 exchange still under way is cut off and not recorded');
      const scenario = checkScenario(parseYaml(readFileSync(out, 'utf8')), out, specsOf(upstream), 'ctxfy');
      expect(scenario.rules.map((r) => r.match?.operation)).toEqual(['listSpaces']);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it('refuses to start when the scenario file cannot be written', async () => {
    const out = path.join(dir, 'no-such-folder', 'x.yaml');
    await expect(startRecorder({ provider: 'ctxfy', upstream: `${upstream.url}/ctxfy`, port: 0, out, log: collector() })).rejects.toThrow(
      `cannot write the scenario file ${out}: the folder ${path.dirname(out)} does not exist`,
    );
  });

  it('writes nothing when no exchange can be a rule', async () => {
    const log = collector();
    const cwd = process.cwd();
    const recorder = await startRecorder({ provider: 'ctxfy', upstream: `${upstream.url}/ctxfy`, port: 0, log });
    await fetchVia(recorder.url, '/nowhere', { key: freshKey('none') });
    const result = await recorder.close();
    expect(result).toEqual({ file: null, exchanges: 1 });
    expect(readdirSync(cwd).filter((f) => f.startsWith('recorded-ctxfy-'))).toEqual([]);
    expect(log.warnings.some((w) => w.startsWith('nothing to write'))).toBe(true);
  });
});

describe('collections-mock record (the built CLI)', () => {
  const cli = path.resolve(import.meta.dirname, '..', 'dist', 'cli.js');
  let upstream: http.Server;
  let base: string;
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'record-cli-'));
    // Answers listSpaces at once; never answers /v1/spaces/<id>.
    upstream = http.createServer((req, res) => {
      if (req.url !== '/v1/spaces') return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ spaces: [], pagination: { page: 1, per_page: 20, total: 0, pages: 0 } }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    upstream.closeAllConnections();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (out: string): Promise<{ child: ChildProcess; url: string; output: () => string }> => {
    const child = spawn(process.execPath, [cli, 'record', '--provider', 'ctxfy', '--upstream', base, '--port', '0', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    return new Promise((resolve, reject) => {
      child.stderr!.on('data', (d) => {
        output += d;
        const m = /recording ctxfy on (http:\/\/\S+)/.exec(output);
        if (m) resolve({ child, url: m[1]!, output: () => output });
      });
      child.on('exit', (code) => reject(new Error(`record exited with ${code}:\n${output}`)));
    });
  };
  const exited = (child: ChildProcess) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`writes what was recorded at ${signal}, although an exchange is still under way`, async () => {
      const out = path.join(dir, `${signal}.yaml`);
      const { child, url, output } = await start(out);
      const key = freshKey('cli');
      expect((await fetchVia(url, '/v1/spaces', { key })).status).toBe(200);
      const stuck = fetchVia(url, '/v1/spaces/11111111-1111-4111-8111-111111111111', { key }).catch((err: Error) => err);
      await new Promise<void>((resolve) => upstream.once('request', () => resolve()));
      const done = exited(child);
      child.kill(signal);
      expect(await done, output()).toEqual({ code: 0, signal: null });
      expect(await stuck).toBeInstanceOf(Error);
      expect(output()).toContain(`collections-mock record: wrote ${out} (1 exchange)`);
      const doc = parseYaml(readFileSync(out, 'utf8')) as { rules: { match: { operation: string } }[] };
      expect(doc.rules.map((r) => r.match.operation)).toEqual(['listSpaces']);
    });
  }

  it('leaves every finished exchange on disk when killed outright', async () => {
    const out = path.join(dir, 'killed.yaml');
    const { child, url } = await start(out);
    const key = freshKey('kill');
    for (let i = 0; i < 3; i++) expect((await fetchVia(url, '/v1/spaces', { key })).status).toBe(200);
    const done = exited(child);
    child.kill('SIGKILL');
    await done;
    expect(existsSync(out)).toBe(true);
    const doc = parseYaml(readFileSync(out, 'utf8')) as { rules: unknown[] };
    expect(doc.rules).toHaveLength(3);
  });
});

/** A Ctxfy request sent to a base that serves the provider's paths at its root (the recorder). */
async function fetchVia(base: string, p: string, init: { method?: string; key?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
  const { key, ...rest } = init;
  const headers = new Headers(init.headers);
  if (key) headers.set('authorization', `Bearer ${key}`);
  return send(`${base}${p}`, { ...rest, headers });
}
