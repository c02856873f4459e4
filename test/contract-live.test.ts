/**
 * `npm run contract:live` (scripts/contract-live.mjs, on the built package):
 * without keys it names the missing variables and exits 0; with a key and a
 * base URL pointing at the mock it runs end to end and does not send the
 * operations the vendor does not serve. Also the runner's `live` and
 * `apiBaseUrl` options directly.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { startServer } from './support/server.js';
import type { MockServer } from '../src/server.js';
import { MOCK_ONLY_REASON, LEGACY_ONLY_REASON, liveSkipReason, runContract, FLOWS } from '../src/contract/runner.js';
import { loadSpec } from '../src/core/spec.js';

const root = path.resolve(import.meta.dirname, '..');
const script = path.join(root, 'scripts', 'contract-live.mjs');

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // A clean environment: only PATH, and what the test sets.
    const child = spawn(process.execPath, [script], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('contract:live', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'contract', 'runner.js'))) throw new Error('dist/contract is missing: run `npm run build` first (npm test does)');
  });

  it('without keys names each missing variable, runs nothing and exits 0', async () => {
    const { code, stdout, stderr } = await run({});
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('xai: skipped, XAI_MANAGEMENT_API_KEY and XAI_API_KEY are not set');
    expect(stdout).toContain('airweave: skipped, AIRWEAVE_API_KEY is not set');
    expect(stdout).toContain('mixpeek: skipped, MIXPEEK_API_KEY is not set');
    expect(stdout).toContain('ctxfy: skipped, CTXFY_API_KEY is not set');
    expect(stdout).toContain('nothing ran');
  });

  it('names only the missing one of two xAI keys', async () => {
    const { code, stdout } = await run({ XAI_API_KEY: 'xai-only-half', XAI_BASE_URL: 'http://127.0.0.1:9' });
    expect(code).toBe(0);
    expect(stdout).toContain('xai: skipped, XAI_MANAGEMENT_API_KEY is not set');
  });

  describe('with CTXFY_API_KEY and CTXFY_BASE_URL at the mock', () => {
    let server: MockServer;
    let result: Awaited<ReturnType<typeof run>>;
    const junitDir = mkdtempSync(path.join(tmpdir(), 'cm-contract-live-'));
    beforeAll(async () => {
      server = await startServer({ providers: ['ctxfy'], processingMs: 0 });
      result = await run({ CTXFY_API_KEY: 'ctx-live-test', CTXFY_BASE_URL: `${server.url}/ctxfy`, CONTRACT_JUNIT_DIR: junitDir });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    it('runs the flow end to end and passes', () => {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`ctxfy: running against ${server.url}/ctxfy`);
      expect(result.stdout).toContain('live: against the vendor');
      expect(result.stdout).toMatch(/\n[1-9]\d* passed, 0 failed\n/);
      for (const other of ['xai', 'airweave', 'mixpeek']) expect(result.stdout).toMatch(new RegExp(`^${other}: skipped, `, 'm'));
      expect(server.selfCheckFailures).toEqual([]);
    });

    it('does not send the mock-only operation, and says why', () => {
      expect(result.stdout).toContain(`not sent: listSpaceSources (list space sources): ${MOCK_ONLY_REASON}`);
      const sent = server.journal.list().map((e) => e.operationId);
      expect(sent).toContain('createSpace');
      expect(sent).not.toContain('listSpaceSources');
    });

    it('writes JUnit XML per provider, the mock-only steps as skipped with the reason', () => {
      const file = path.join(junitDir, 'ctxfy.xml');
      expect(result.stdout).toContain(`ctxfy: JUnit XML in ${file}`);
      const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(file, 'utf8'));
      const suite = xml.testsuites.testsuite;
      expect(suite['@_name']).toBe('ctxfy');
      expect(suite['@_failures']).toBe('0');
      const cases = ([] as any[]).concat(suite.testcase);
      const skipped = cases.filter((c) => String(c['@_name']).startsWith('listSpaceSources:'));
      expect(skipped.length).toBeGreaterThan(0);
      for (const c of skipped) expect(c.skipped['@_message']).toBe(MOCK_ONLY_REASON);
      expect(existsSync(path.join(junitDir, 'xai.xml'))).toBe(false);
    });
  });

  it('exits 1 when a run has failures', async () => {
    // Nothing listens on port 9: every request fails, the flow stops, the run reports it.
    const { code, stdout } = await run({ AIRWEAVE_API_KEY: 'aw-unreachable', AIRWEAVE_BASE_URL: 'http://127.0.0.1:9' });
    expect(code).toBe(1);
    expect(stdout).toMatch(/airweave: running against http:\/\/127\.0\.0\.1:9/);
  }, 30_000);
});

describe('runner options for the vendor', () => {
  it('marks the mock-only and legacy operations of each spec', () => {
    const reasons = (provider: string) => {
      const spec = loadSpec(path.join(root, 'specs', `${provider}.yaml`), provider);
      const out: Record<string, string> = {};
      for (const op of spec.operations.values()) {
        const why = liveSkipReason(FLOWS[provider]!, op);
        if (why) out[op.id] = why;
      }
      return out;
    };
    expect(reasons('ctxfy')).toEqual({ listSpaceSources: MOCK_ONLY_REASON, putUpload: MOCK_ONLY_REASON, getUpload: MOCK_ONLY_REASON });
    expect(reasons('airweave')).toEqual({ authorizeSourceConnection: MOCK_ONLY_REASON });
    expect(reasons('mixpeek')).toEqual({ createCollectionLegacy: LEGACY_ONLY_REASON });
    expect(reasons('xai')).toEqual({});
  });

  it('sends xAI files and search to apiBaseUrl and collections to baseUrl', async () => {
    const server = await startServer({ providers: ['xai'], processingMs: 0 });
    try {
      const hosts = new Map<string, Set<string>>();
      const fake = 'http://files.example.invalid';
      const report = await runContract({
        provider: 'xai',
        baseUrl: `${server.url}/xai`,
        apiBaseUrl: `${fake}/xai`,
        live: true,
        fetch: (input, init) => {
          const url = String(input);
          const host = url.startsWith(fake) ? 'api' : 'management';
          const path = new URL(url).pathname
            .replace(/^\/xai/, '')
            .split('/')
            .slice(0, 3)
            .join('/');
          if (!hosts.has(host)) hosts.set(host, new Set());
          hosts.get(host)!.add(path);
          return fetch(url.startsWith(fake) ? server.url + url.slice(fake.length) : url, init);
        },
      });
      expect(report.results.filter((r) => r.outcome === 'failed')).toEqual([]);
      expect(report.apiBaseUrl).toBe(`${fake}/xai`);
      expect([...hosts.get('api')!]).toEqual(['/v1/files', '/v1/documents']);
      expect([...hosts.get('management')!]).toEqual(['/v1/collections']);
    } finally {
      await server.close();
    }
  });

  it('fuzzes no mock-only operation against the vendor', async () => {
    const server = await startServer({ providers: ['ctxfy'], processingMs: 0 });
    try {
      const fuzzed = new Set<string>();
      const report = await runContract({
        provider: 'ctxfy',
        baseUrl: `${server.url}/ctxfy`,
        live: true,
        fuzz: 1,
        seed: 'live',
        onFuzzPlan: (requests) => requests.forEach((r) => fuzzed.add(r.operationId)),
      });
      for (const id of ['listSpaceSources', 'putUpload', 'getUpload']) {
        expect(fuzzed.has(id)).toBe(false);
        expect(report.fuzz!.skipped).toContainEqual({ operationId: id, reason: MOCK_ONLY_REASON });
      }
      expect(fuzzed.has('createSpace')).toBe(true);
    } finally {
      await server.close();
    }
  });
});
