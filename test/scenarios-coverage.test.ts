/**
 * The shipped scenario library covers every documented non-2xx status of every
 * operation of the four specs, and each way the coverage table names really
 * gets that status: the request is made, the status checked, and the reply
 * passes the strict self-check against the spec. The table itself
 * (docs/scenario-coverage.md) is generated from the same data and must be
 * up to date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { readReply } from './support/client.js';
import { coverage, markdown, pageWithSummary, SUMMARY_FILE, TABLE_FILE } from '../scripts/scenario-coverage.mjs';
import { resolvePointer, type Operation, type Spec } from '../src/core/spec.js';
import type { MountedProvider } from '../src/core/mount.js';

const PROVIDERS = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;
type Name = (typeof PROVIDERS)[number];
const ctx = useServer({ providers: PROVIDERS });
const cov = coverage();

let counter = 0;
/** A key of its own per request, so counts (`times`) and state never leak between proofs. */
const AUTH: Record<Name, () => Record<string, string>> = {
  xai: () => ({ authorization: `Bearer xai-cov-${++counter}` }),
  airweave: () => ({ 'x-api-key': `aw-cov-${++counter}` }),
  mixpeek: () => ({ authorization: `Bearer sk_cov_${++counter}` }),
  ctxfy: () => ({ authorization: `Bearer ctx-cov-${++counter}` }),
};

const mounted = (name: string): MountedProvider<unknown> => ctx.server.providers.find((m) => m.provider.name === name)!;

interface RawParam {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  schema?: { example?: unknown; format?: string; $ref?: string };
}

/** The operation's parameters as written (path-level ones too), with their examples. */
function rawParams(spec: Spec, op: Operation): RawParam[] {
  const deref = (p: unknown) => ((p as { $ref?: string }).$ref ? resolvePointer(spec.doc, (p as { $ref: string }).$ref) : p) as RawParam;
  const item = spec.doc.paths?.[op.path] ?? {};
  const own = ((op.raw.parameters as unknown[]) ?? []).map(deref);
  const shared = ((item.parameters as unknown[]) ?? []).map(deref).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
  return [...own, ...shared];
}

/** A value for a parameter: its example, else one of the right shape that names nothing stored. */
function valueFor(p: RawParam): string {
  const example = p.example ?? p.schema?.example ?? Object.values(p.examples ?? {})[0]?.value;
  if (example !== undefined) return Array.isArray(example) ? example.map(String).join(',') : String(example);
  return p.schema?.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : `unknown_${p.name}`;
}

/** The request's body from the spec's request example (none for multipart: a scenario answers before the body is needed). */
function bodyFor(op: Operation): { body?: string | Buffer; type?: string } {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json'];
  if (json) {
    const example = json.example ?? Object.values(json.examples ?? {}).find((e) => e && 'value' in e)?.value ?? {};
    return { body: JSON.stringify(example), type: 'application/json' };
  }
  const raw = Object.keys(content).find((t) => t === 'application/octet-stream' || t.includes('*'));
  return raw ? { body: Buffer.from('coverage'), type: 'application/octet-stream' } : {};
}

interface Call {
  key?: boolean;
  body?: boolean;
  scenario?: string;
  path?: string;
}

async function call(name: Name, op: Operation, options: Call = {}) {
  const m = mounted(name);
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of rawParams(m.spec, op)) {
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(valueFor(p)));
    else if (p.in === 'query' && p.required) query.set(p.name, valueFor(p));
  }
  const headers: Record<string, string> = options.key === false ? {} : AUTH[name]();
  if (options.scenario) headers['x-mock-scenario'] = options.scenario;
  const { body, type } = options.body === false ? {} : bodyFor(op);
  if (type) headers['content-type'] = type;
  const url = `${ctx.url}${m.provider.prefix}${options.path ?? path}${query.size ? `?${query}` : ''}`;
  return readReply(await fetch(url, { method: op.method, headers, body: body ?? null, redirect: 'manual' }));
}

/** Airweave's OAuth callback needs a pending code (an unknown one is 404 before any scenario): a browser-OAuth connection of a fresh organization. */
async function pendingCode(redirect?: string): Promise<{ path: string; authUrl: string; id: string }> {
  const headers = { ...AUTH.airweave(), 'content-type': 'application/json' };
  const base = `${ctx.url}/airweave`;
  const col = await readReply(await fetch(`${base}/collections`, { method: 'POST', headers, body: JSON.stringify({ name: 'Coverage OAuth' }) }));
  expect(col.status, col.text).toBe(200);
  const conn = await readReply(
    await fetch(`${base}/source-connections`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ short_name: 'notion', readable_collection_id: col.json.readable_id, ...(redirect ? { redirect_url: redirect } : {}) }),
    }),
  );
  expect(conn.status, conn.text).toBe(200);
  const authUrl = conn.json.auth.auth_url as string;
  return { path: new URL(authUrl).pathname.replace(/^\/airweave/, ''), authUrl, id: conn.json.id as string };
}

function expectValid(res: { status: number; text: string; headers: Headers }, status: number): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('x-mock-error'), res.text).toBeNull();
  expect(res.headers.get('x-mock-self-check'), res.text).toBeNull();
  expect(ctx.server.selfCheckFailures, 'replies that break the spec').toEqual([]);
}

describe('the coverage table', () => {
  it('leaves no documented (operation, status) pair of any spec uncovered', () => {
    const uncovered: string[] = [];
    let pairs = 0;
    for (const name of PROVIDERS) {
      const table = cov.providers.find((p) => p.name === name)!;
      for (const op of mounted(name).spec.operations.values()) {
        for (const status of Object.keys(op.responses).filter((s) => !s.startsWith('2'))) {
          pairs++;
          const c = table.operations.find((o) => o.id === op.id)?.statuses.find((s) => s.status === Number(status));
          if (!c || (!c.scenarios.length && !c.natural.length)) uncovered.push(`${name} ${op.id} ${status}`);
        }
      }
    }
    expect(uncovered, 'uncovered (operation, status) pairs').toEqual([]);
    expect(cov.uncovered).toEqual([]);
    expect(pairs).toBe(cov.providers.flatMap((p) => p.operations.flatMap((o) => o.statuses)).length);
  });

  it('names only scenarios the server loaded', () => {
    for (const p of cov.providers) for (const s of p.scenarios) expect(ctx.server.scenarios.get(p.name, s.name), `${p.name}/${s.name}`).toBeDefined();
    for (const name of PROVIDERS) {
      expect(
        ctx.server.scenarios
          .list(name)
          .map((s) => s.name)
          .sort(),
      ).toEqual(
        cov.providers
          .find((p) => p.name === name)!
          .scenarios.map((s) => s.name)
          .sort(),
      );
    }
  });

  it('every shipped scenario has a description, and every provider the cross-cutting four', () => {
    for (const name of PROVIDERS) {
      const list = ctx.server.scenarios.list(name);
      for (const s of list) expect(s.description?.trim(), `${name}/${s.name}`).toBeTruthy();
      expect(list.map((s) => s.name)).toEqual(expect.arrayContaining(['rate-limited', 'flaky', 'slow', 'outage']));
    }
  });

  it('docs/scenario-coverage.md is what scripts/scenario-coverage.mjs generates', () => {
    const committed = readFileSync(TABLE_FILE, 'utf8');
    expect(committed === markdown(cov), 'docs/scenario-coverage.md is out of date: run `node scripts/scenario-coverage.mjs --write`').toBe(true);
  });

  it('the summary in docs/scenarios.md is what scripts/scenario-coverage.mjs generates', () => {
    const page = readFileSync(SUMMARY_FILE, 'utf8');
    expect(
      page === pageWithSummary(page, cov),
      'the coverage summary in docs/scenarios.md is out of date: run `node scripts/scenario-coverage.mjs --write`',
    ).toBe(true);
  });
});

/** What one proof found wrong, or nothing. */
async function prove(name: Name, op: Operation, status: number, via: string, natural: boolean): Promise<string | undefined> {
  let res: Awaited<ReturnType<typeof call>>;
  let location: string | undefined;
  if (!natural) {
    // A rule with `times` counts per tenant, and the public operations share one: start its count afresh.
    ctx.server.scenarios.clear(name);
    // The callback authenticates by its code, so the code must be pending; the scenario then answers instead of the handler.
    const path = name === 'airweave' && op.id === 'authorizeSourceConnection' ? (await pendingCode()).path : undefined;
    res = await call(name, op, { scenario: via, ...(path ? { path } : {}) });
  } else if (via === 'no-key') {
    res = await call(name, op, { key: false });
  } else if (via === 'unknown-id') {
    res = await call(name, op, { body: false });
  } else if (via === 'unknown-id-in-body') {
    res = await call(name, op);
  } else if (via === 'oauth-redirect') {
    const pending = await pendingCode('https://app.example.com/done');
    res = await readReply(await fetch(pending.authUrl, { redirect: 'manual' }));
    location = `https://app.example.com/done?status=success&source_connection_id=${pending.id}`;
  } else {
    return `test/scenario-natural.json names a way this test cannot make: ${via}`;
  }
  const failures = ctx.server.selfCheckFailures.splice(0);
  const problems: string[] = [];
  if (res.status !== status) problems.push(`got ${res.status} ${res.text.slice(0, 200)}`);
  if (res.headers.get('x-mock-error')) problems.push(`a reply about the mock: ${res.text}`);
  if (failures.length) problems.push(`the reply breaks the spec: ${JSON.stringify(failures.map((f) => f.issues))}`);
  if (status === 303 && !res.headers.get('location')) problems.push('no Location header');
  if (location !== undefined && res.headers.get('location') !== location) problems.push(`Location ${res.headers.get('location')}, expected ${location}`);
  return problems.length ? problems.join('; ') : undefined;
}

for (const p of cov.providers) {
  const name = p.name as Name;
  describe(`${p.title}: every way the table names gets its status, with a reply that matches the spec`, () => {
    it.each(p.operations.map((op) => [op.id, op] as const))('%s', async (_id, op) => {
      const specOp = mounted(name).spec.operations.get(op.id)!;
      const failed: string[] = [];
      let made = 0;
      for (const s of op.statuses) {
        const ways = [...s.scenarios.map((v) => ({ via: v.name, natural: false })), ...s.natural.map((n) => ({ via: n.way, natural: true }))];
        for (const w of ways) {
          made++;
          const problem = await prove(name, specOp, s.status, w.via, w.natural);
          if (problem) failed.push(`${name} ${op.id} ${s.status} via ${w.natural ? 'natural request' : 'scenario'} ${w.via}: ${problem}`);
        }
      }
      expect(failed, 'pairs not reached as the table says').toEqual([]);
      expect(made).toBeGreaterThanOrEqual(op.statuses.length);
    });
  });
}

/** Per provider: an operation that lists (answers 200 with the tenant's records) and one that creates. */
const LIST_AND_CREATE: Record<Name, { list: string; create: string; count: (json: any) => number }> = {
  xai: { list: 'listCollections', create: 'createCollection', count: (j) => j.collections.length },
  airweave: { list: 'listCollections', create: 'createCollection', count: (j) => j.length },
  mixpeek: { list: 'listNamespaces', create: 'createNamespace', count: (j) => j.results.length },
  ctxfy: { list: 'listSpaces', create: 'createSpace', count: (j) => j.spaces.length },
};

describe('the cross-cutting scenarios', () => {
  describe.each(PROVIDERS)('%s', (name) => {
    const { list, create, count } = LIST_AND_CREATE[name];
    const op = (id: string) => mounted(name).spec.operations.get(id)!;
    const as = (key: Record<string, string>, id: string, scenario?: string) => {
      const o = op(id);
      const m = mounted(name);
      const { body, type } = bodyFor(o);
      return fetch(`${ctx.url}${m.provider.prefix}${o.path}`, {
        method: o.method,
        headers: { ...key, ...(type ? { 'content-type': type } : {}), ...(scenario ? { 'x-mock-scenario': scenario } : {}) },
        body: body ?? null,
      }).then(readReply);
    };

    it('rate-limited: 429 in the envelope with a Retry-After, and the rate-limit headers the spec declares', async () => {
      const res = await as(AUTH[name](), list, 'rate-limited');
      expectValid(res, 429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(1);
      const declared = Object.keys(op(list).responses['429']!.headers);
      expect(declared.length > 0).toBe(name !== 'xai');
      for (const h of declared) expect(res.headers.get(h), h).toMatch(/^\d+$/);
      const remaining = declared.find((h) => /ratelimit-remaining$/.test(h));
      if (remaining) expect(res.headers.get(remaining)).toBe('0');
    });

    it('flaky: the first two requests fail with 500, then the handler answers; a new key fails twice again', async () => {
      const key = AUTH[name]();
      expectValid(await as(key, list, 'flaky'), 500);
      expectValid(await as(key, list, 'flaky'), 500);
      const third = await as(key, list, 'flaky');
      expectValid(third, 200);
      expect(count(third.json)).toBe(0);
      expectValid(await as(AUTH[name](), list, 'flaky'), 500);
    });

    it('outage: 500 everywhere, and nothing reaches the handler', async () => {
      const key = AUTH[name]();
      expectValid(await as(key, create, 'outage'), 500);
      expectValid(await as(key, list, 'outage'), 500);
      const after = await as(key, list);
      expectValid(after, 200);
      expect(count(after.json)).toBe(0);
    });

    it('slow: a delay range of 800–1500 ms and then the handler (the delay itself is tested in core-scenarios)', () => {
      const slow = ctx.server.scenarios.get(name, 'slow')!;
      expect(slow.rules).toEqual([{ delay: { min: 800, max: 1500 } }]);
    });
  });
});
