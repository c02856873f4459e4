/**
 * The contract suite against the mock over real HTTP: it passes on the mock,
 * it catches a mock broken on purpose (a scenario answering a wrong body or
 * status), it cleans up when a flow stops midway, and its JUnit XML parses.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startServer } from './support/server.js';
import { runCli } from './support/cli.js';
import type { MockServer } from '../src/server.js';
import { checkScenario, type Activation } from '../src/core/scenarios.js';
import { BEHAVIOURAL_CHECKS, CHECK_NAMES, CONFORMANCE_CHECKS, STATELESS_BEHAVIOURAL_REASON } from '../src/contract/checks.js';
import { runContract, FLOW_PROVIDERS, type Report } from '../src/contract/runner.js';
import { junit, summary } from '../src/contract/report.js';

const DONE = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;

/** Checks each provider's flow must exercise at least once (xAI documents no response headers). */
const EXERCISED: Record<(typeof DONE)[number], readonly string[]> = {
  ctxfy: CHECK_NAMES,
  airweave: CHECK_NAMES.filter((c) => c !== 'response_headers_conformance'),
  mixpeek: CHECK_NAMES.filter((c) => c !== 'response_headers_conformance'),
  xai: CHECK_NAMES.filter((c) => c !== 'response_headers_conformance'),
};

describe('against the mock', () => {
  let server: MockServer;
  const reports = new Map<string, Report>();
  beforeAll(async () => {
    // Lifecycle steps at once: Mixpeek's asynchronous deletes complete before the flow reads again.
    server = await startServer({ providers: [...DONE], processingMs: 0 });
    for (const provider of DONE) reports.set(provider, await runContract({ provider, baseUrl: `${server.url}/${provider}` }));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has a flow for every provider listed as done', () => {
    expect([...FLOW_PROVIDERS].sort()).toEqual([...DONE].sort());
  });

  for (const provider of DONE) {
    it(`${provider}: every check passes, each applicable one at least once, and nothing is left behind`, () => {
      const report = reports.get(provider)!;
      const failures = report.results.filter((r) => r.outcome === 'failed');
      expect(failures, summary(report)).toEqual([]);
      expect(report.failed).toBe(0);
      for (const check of EXERCISED[provider]) {
        expect(report.results.filter((r) => r.check === check && r.outcome === 'passed').length, `${check} passed at least once`).toBeGreaterThan(0);
      }
      // Every read after a delete was judged (Mixpeek's asynchronous deletes included: their task completed first).
      const afterDelete = report.results.filter((r) => r.check === 'use_after_free' && / after (delete|remove)$/.test(r.step));
      expect(afterDelete.length).toBeGreaterThan(0);
      expect(afterDelete.every((r) => r.outcome === 'passed')).toBe(true);
      expect(report.passed + report.failed + report.notApplicable).toBe(report.results.length);
      expect(report.runPrefix).toMatch(/^cm-contract-[a-z0-9]+$/);
      expect(report.cleanupFailures).toEqual([]);
      expect(summary(report).split('\n').at(-1)).toBe(`${report.passed} passed, 0 failed`);
      expect(server.selfCheckFailures).toEqual([]);
    });
  }

  it('curl lines name the key by environment variable, never by value', () => {
    const report = reports.get('ctxfy')!;
    for (const r of report.results) expect(r.curl).not.toContain(`ctx-${report.runPrefix}`);
    expect(report.results.find((r) => r.step === 'create space')!.curl).toMatch(
      /^curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/ctxfy\/v1\/spaces' -H "Authorization: Bearer \$CTXFY_API_KEY" -H 'content-type: application\/json' --data-raw '\{"name":"cm-contract-/,
    );
    const upload = reports.get('xai')!.results.find((r) => r.step === 'upload file')!;
    expect(upload.curl).toMatch(/^printf %s '.*' \| curl .* -F 'file=@-;filename=cm-contract-[a-z0-9]+\.txt;type=text\/plain'$/);
  });

  it('--checks narrows the run to the named checks', async () => {
    const report = await runContract({ provider: 'ctxfy', baseUrl: `${server.url}/ctxfy`, checks: ['use_after_free'] });
    expect(new Set(report.results.map((r) => r.check))).toEqual(new Set(['use_after_free']));
    expect(report.passed).toBe(2);
  });

  it('JUnit XML is well-formed and its counts match the report', () => {
    const list = DONE.map((p) => reports.get(p)!);
    const xml = junit(list);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const suites = doc.testsuites.testsuite as any[];
    expect(suites.map((s) => s.name)).toEqual([...DONE]);
    for (const [i, suite] of suites.entries()) {
      const report = list[i]!;
      expect(Number(suite.tests)).toBe(report.results.length);
      expect(suite.testcase).toHaveLength(report.results.length);
      expect(Number(suite.failures)).toBe(0);
      expect(Number(suite.skipped)).toBe(report.notApplicable);
      expect((suite.testcase as any[]).filter((t) => 'skipped' in t)).toHaveLength(report.notApplicable);
    }
  });
});

describe('against a mock broken on purpose', () => {
  let server: MockServer;
  // Scenario replies are self-checked in strict mode; the broken replies must reach the suite.
  beforeAll(async () => {
    // Lifecycle steps at once, as the flows expect of the mock (xAI's search waits for its document to be processed).
    server = await startServer({ providers: ['ctxfy', 'xai'], strict: false, processingMs: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  const activate = (provider: string, name: string, rules: unknown[]): Activation => {
    const specs = new Map(server.providers.map((m) => [m.provider.name, m.spec]));
    return server.scenarios.activate(checkScenario({ name, provider, rules }, 'inline', specs));
  };

  it('a read answering a body of the wrong shape fails response_schema_conformance for that operation, with a curl line', async () => {
    const act = activate('ctxfy', 'wrong-space-body', [{ match: { operation: 'getSpace' }, respond: { status: 200, body: { wrong: true } } }]);
    try {
      const report = await runContract({ provider: 'ctxfy', baseUrl: `${server.url}/ctxfy` });
      const failed = report.results.filter((r) => r.outcome === 'failed');
      const schema = failed.filter((r) => r.check === 'response_schema_conformance');
      expect(schema.length).toBeGreaterThan(0);
      expect(new Set(schema.map((r) => r.operationId))).toEqual(new Set(['getSpace']));
      expect(schema[0]!.expected).toMatch(/200 application\/json schema of getSpace/);
      expect(schema[0]!.received).toMatch(/\/id must have required property|wrong/);
      expect(schema[0]!.curl).toMatch(/^curl -sS -X GET 'http:\/\/127\.0\.0\.1:\d+\/ctxfy\/v1\/spaces\/[^']+'/);
      // The space is still there after its delete, by the broken read: use_after_free says so too.
      expect(failed.some((r) => r.check === 'use_after_free' && r.operationId === 'getSpace')).toBe(true);
      // Everything else about other operations still passes.
      expect(failed.every((r) => r.operationId === 'getSpace')).toBe(true);
      const text = summary(report);
      expect(text).toContain('✗ response_schema_conformance — getSpace (read space after create)');
      expect(text.split('\n').at(-1)).toBe(`${report.passed} passed, ${report.failed} failed`);
      expect(report.failed).toBeGreaterThan(0);
    } finally {
      server.scenarios.deactivate(act.id);
    }
  });

  it('with stateless: true, a wrong body to a valid request still fails, and a 5xx to an invalid one too', async () => {
    const act = activate('ctxfy', 'wrong-space-body-stateless', [{ match: { operation: 'getSpace' }, respond: { status: 200, body: { wrong: true } } }]);
    // The mock validates bodies itself; a 500 to the numeric name stands for a server that crashes on bad input.
    const crashing: typeof fetch = async (input, init) => {
      if (init?.method === 'POST' && init.body === JSON.stringify({ name: 42 }))
        return new Response('{"oops":true}', { status: 500, headers: { 'content-type': 'application/json' } });
      return fetch(input, init);
    };
    try {
      const report = await runContract({ provider: 'ctxfy', baseUrl: `${server.url}/ctxfy`, stateless: true, fetch: crashing });
      const failed = report.results.filter((r) => r.outcome === 'failed');
      expect(new Set(failed.map((r) => `${r.check} ${r.step}`))).toEqual(
        new Set([
          'not_a_server_error create space with a numeric name',
          // Valid reads of getSpace, the ones after the delete included; the one without credentials is not judged.
          'response_schema_conformance read space after create',
          'response_schema_conformance read unknown space',
          'response_schema_conformance read space after delete',
        ]),
      );
      // Behavioural checks do not apply, even where the broken read would break use_after_free.
      const behavioural = report.results.filter((r) => (BEHAVIOURAL_CHECKS as readonly string[]).includes(r.check));
      expect(behavioural.every((r) => r.outcome === 'not_applicable' && r.reason === STATELESS_BEHAVIOURAL_REASON)).toBe(true);
      // The invalid request's other conformance checks say why they did not apply.
      const invalid = report.results.filter(
        (r) => r.step === 'create space with a numeric name' && (CONFORMANCE_CHECKS as readonly string[]).includes(r.check) && r.check !== 'not_a_server_error',
      );
      expect(invalid.map((r) => r.outcome)).toEqual(['not_applicable', 'not_applicable', 'not_applicable', 'not_applicable']);
      expect(invalid[0]!.reason).toMatch(/^stateless server: a purposely invalid request \(name is a number\)/);
      expect(summary(report).split('\n')[0]).toContain('stateless: behavioural checks do not apply');
      expect(junit(report)).toContain(`<skipped message="${STATELESS_BEHAVIOURAL_REASON}"/>`);
    } finally {
      server.scenarios.deactivate(act.id);
    }
  });

  it('a read answering 404 right after the create fails ensure_resource_availability', async () => {
    const act = activate('xai', 'lost-collection', [
      { match: { operation: 'getCollectionMetadata' }, respond: { status: 404, body: { code: 'Some requested entity was not found', error: 'gone' } } },
    ]);
    try {
      const report = await runContract({ provider: 'xai', baseUrl: `${server.url}/xai` });
      const failed = report.results.filter((r) => r.outcome === 'failed');
      expect(failed.map((r) => `${r.check} ${r.operationId} ${r.step}`)).toEqual([
        'ensure_resource_availability getCollectionMetadata read collection after create',
      ]);
      expect(failed[0]!.received).toMatch(/^404/);
    } finally {
      server.scenarios.deactivate(act.id);
    }
  });

  it("a search that does not find the processed document fails the flow there, with the search's curl line, and cleans up", async () => {
    const act = activate('xai', 'finds-nothing', [{ match: { operation: 'searchDocuments' }, respond: { status: 200, body: { matches: [] } } }]);
    let report: Report;
    try {
      report = await runContract({ provider: 'xai', baseUrl: `${server.url}/xai` });
    } finally {
      server.scenarios.deactivate(act.id);
    }
    const failed = report.results.filter((r) => r.outcome === 'failed');
    // The broken search also answers 200 to the flow's invalid searches before it.
    expect(failed.filter((r) => r.check !== 'flow').map((r) => `${r.check} ${r.step}`)).toEqual([
      'negative_data_rejection search without a query',
      'negative_data_rejection search with a limit that is not a number',
    ]);
    const flow = failed.filter((r) => r.check === 'flow');
    expect(flow).toHaveLength(1);
    expect(flow[0]).toMatchObject({ operationId: 'searchDocuments', step: 'search after processing', received: '200: {"matches":[]}' });
    expect(flow[0]!.expected).toMatch(/^the added document file_\S+ among the matches$/);
    expect(flow[0]!.curl).toMatch(/^curl -sS -X POST '.*\/xai\/v1\/documents\/search' -H "Authorization: Bearer \$XAI_API_KEY"/);
    expect(report.cleanupFailures).toEqual([]);
  });

  it('a flow that cannot go on is reported and still cleans up what it made', async () => {
    const act = activate('ctxfy', 'refuse-sources', [
      { match: { operation: 'createSource' }, respond: { status: 400, body: { error: 'Bad Request', message: 'no', code: 400, details: [] } } },
    ]);
    let report: Report;
    try {
      report = await runContract({ provider: 'ctxfy', baseUrl: `${server.url}/ctxfy`, seed: 'abort' });
    } finally {
      server.scenarios.deactivate(act.id);
    }
    const flow = report.results.filter((r) => r.check === 'flow');
    expect(flow).toHaveLength(1);
    expect(flow[0]).toMatchObject({ operationId: 'createSource', step: 'create source', outcome: 'failed' });
    expect(flow[0]!.curl).toContain('/ctxfy/v1/spaces/');
    expect(report.cleanupFailures).toEqual([]);
    const res = await fetch(`${server.url}/ctxfy/v1/spaces`, { headers: { authorization: `Bearer ctx-${report.runPrefix}` } });
    const body = (await res.json()) as { data?: unknown[]; spaces?: unknown[] };
    expect(res.status).toBe(200);
    expect(JSON.stringify(body)).not.toContain(report.runPrefix);
  });
});

describe('the contract command', () => {
  const run = (args: string[]) => runCli(['contract', ...args]);
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ providers: ['ctxfy'], strict: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('exits 2 on bad flags', async () => {
    expect((await run(['--base-url', server.url])).code).toBe(2);
    expect((await run(['--provider', 'nope', '--base-url', server.url])).code).toBe(2);
    expect((await run(['--provider', 'ctxfy', '--base-url', `${server.url}/ctxfy`, '--checks', 'not_a_check'])).code).toBe(2);
    expect((await run(['--provider', 'ctxfy', '--base-url', 'ftp://x'])).code).toBe(2);
  });

  it('exits 0 when every check passes, 1 when one fails, and writes JUnit XML', async () => {
    const ok = await run(['--provider', 'ctxfy', '--base-url', `${server.url}/ctxfy`, '--seed', 's1']);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);

    const specs = new Map(server.providers.map((m) => [m.provider.name, m.spec]));
    const act = server.scenarios.activate(
      checkScenario(
        { name: 'wrong-source', provider: 'ctxfy', rules: [{ match: { operation: 'getSource' }, respond: { status: 200, body: [] } }] },
        'inline',
        specs,
      ),
    );
    try {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'cm-contract-')), 'junit.xml');
      const bad = await run(['--provider', 'ctxfy', '--base-url', `${server.url}/ctxfy`, '--junit', file]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('✗ response_schema_conformance — getSource');
      expect(bad.stdout).toMatch(/reproduce: curl -sS -X GET '.*\/ctxfy\/v1\/sources\//);
      expect(bad.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
      const xml = readFileSync(file, 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toMatch(/<testsuite name="ctxfy" tests="\d+" failures="[1-9]/);
    } finally {
      server.scenarios.deactivate(act.id);
    }
  });
});
