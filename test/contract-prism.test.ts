/**
 * The conformance checks against an implementation they were not written
 * against: Prism 5.14 (`prism mock`, static examples, from node_modules)
 * serving each of our vendor specs. Run with `stateless: true`, every
 * behavioural check is reported not applicable (Prism keeps no state), and
 * the purposely invalid requests are judged by not_a_server_error alone (Prism
 * answers them with its own validation errors); every other exchange is
 * judged by all five conformance checks and must pass.
 *
 * Where Prism deviates from our spec, the result is a named entry in
 * EXCEPTIONS with the reason; an entry that no longer fails fails the test,
 * so stale ones do not pile up.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEHAVIOURAL_CHECKS, CONFORMANCE_CHECKS, STATELESS_BEHAVIOURAL_REASON } from '../src/contract/checks.js';
import { runContract, type Report, type Result } from '../src/contract/runner.js';
import { summary } from '../src/contract/report.js';
import { livePrismCount, prismVersion, startPrism, type PrismServer } from './support/prism.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROVIDERS = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;
type Provider = (typeof PROVIDERS)[number];

/** Checks each flow exercises against Prism (only Ctxfy documents response headers). */
const EXERCISED: Record<Provider, readonly string[]> = {
  ctxfy: CONFORMANCE_CHECKS,
  airweave: CONFORMANCE_CHECKS.filter((c) => c !== 'response_headers_conformance'),
  mixpeek: CONFORMANCE_CHECKS.filter((c) => c !== 'response_headers_conformance'),
  xai: CONFORMANCE_CHECKS.filter((c) => c !== 'response_headers_conformance'),
};

/**
 * Failed results where Prism deviates from our spec, keyed
 * `provider:check:step`, each with the reason.
 */
const EXCEPTIONS: Record<string, string> = {};

const keyOf = (provider: string, r: Result) => `${provider}:${r.check}:${r.step}`;

describe(`contract suite against Prism ${prismVersion()} (stateless)`, () => {
  const reports = new Map<Provider, Report>();
  const servers: PrismServer[] = [];
  beforeAll(async () => {
    // One Prism per spec, started together; each flow runs against its own.
    const started = await Promise.allSettled(PROVIDERS.map((p) => startPrism(path.join(ROOT, 'specs', `${p}.yaml`))));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failure = started.find((s) => s.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;
    await Promise.all(
      PROVIDERS.map(async (provider, i) => {
        reports.set(provider, await runContract({ provider, baseUrl: servers[i]!.url, stateless: true, seed: `prism-${provider}` }));
      }),
    );
  }, 50_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    expect(livePrismCount(), 'Prism processes still running at the end of the file').toBe(0);
  });

  it('the contract command takes --stateless (dist/cli.js; npm test builds it first)', async () => {
    const ctxfy = servers[PROVIDERS.indexOf('ctxfy')]!;
    const args = [path.join(ROOT, 'dist', 'cli.js'), 'contract', '--provider', 'ctxfy', '--base-url', ctxfy.url, '--stateless'];
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve({ code, out }));
    });
    expect(code, out).toBe(0);
    expect(out).toContain('stateless: behavioural checks do not apply');
    expect(out).toMatch(/use_after_free +0 passed, 0 failed, \d+ not applicable/);
    expect(out.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/);
  });

  for (const provider of PROVIDERS) {
    it(`${provider}: no conformance failure, each conformance check passes at least once, every behavioural check not applicable`, () => {
      const report = reports.get(provider)!;
      expect(report.stateless).toBe(true);
      const failures = report.results.filter((r) => r.outcome === 'failed');
      const unexpected = failures.filter((r) => EXCEPTIONS[keyOf(provider, r)] === undefined);
      expect(unexpected, summary(report)).toEqual([]);
      for (const [key, reason] of Object.entries(EXCEPTIONS).filter(([k]) => k.startsWith(`${provider}:`))) {
        expect(
          failures.some((r) => keyOf(provider, r) === key),
          `${key} (${reason}) now passes against Prism: remove it from EXCEPTIONS`,
        ).toBe(true);
      }
      // The flow ran to its end: a stateless server's example ids and bodies do not stop it.
      expect(report.results.filter((r) => r.check === 'flow')).toEqual([]);
      for (const check of EXERCISED[provider]) {
        expect(report.results.filter((r) => r.check === check && r.outcome === 'passed').length, `${check} passed at least once`).toBeGreaterThan(0);
      }
      const behavioural = report.results.filter((r) => (BEHAVIOURAL_CHECKS as readonly string[]).includes(r.check));
      expect(behavioural.length).toBeGreaterThan(0);
      expect(behavioural.filter((r) => r.outcome !== 'not_applicable' || r.reason !== STATELESS_BEHAVIOURAL_REASON)).toEqual([]);
      // Purposely invalid requests are still sent, and judged only by not_a_server_error.
      const invalid = report.results.filter(
        (r) => r.check === 'status_code_conformance' && r.reason?.startsWith('stateless server: a purposely invalid request'),
      );
      expect(invalid.length).toBeGreaterThan(0);
      expect(summary(report).split('\n').at(-1)).toBe(`${report.passed} passed, ${report.failed} failed`);
    });
  }
});
