/**
 * `--fuzz`: 200 generated requests per operation against the mock (strict, so
 * a reply that breaks the spec is a loud 500) find nothing; the same seed
 * plans the same requests; invalid requests truly break the request schema;
 * and a mock broken on purpose is caught by the fuzzed requests alone.
 *
 * The runs go through a proxy that closes connections left idle after a reply
 * for IDLE_MS, as the mock's own keep-alive timeout does after 5 s: the
 * runner's fetch keeps connections alive, as browsers and SDKs do, and must
 * never send on one the server has closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSync } from 'json-schema-faker';
import { startServer } from './support/server.js';
import { startIdleProxy, type IdleProxy } from './support/idle-proxy.js';
import type { MockServer } from '../src/server.js';
import { checkScenario, type Activation } from '../src/core/scenarios.js';
import { loadSpec } from '../src/core/spec.js';
import { SpecValidators } from '../src/core/validation.js';
import { formValue, planFuzz, type FuzzPools, type FuzzRequest } from '../src/contract/fuzz.js';
import { runContract, type Report } from '../src/contract/runner.js';
import { summary } from '../src/contract/report.js';

const PROVIDERS = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;
const N = 200;
/**
 * Longer than this process may go without turning its event loop on a busy CI
 * machine (the proxy runs in a process of its own, so a second this one is
 * not scheduled looks idle to it), shorter than planning a whole run up front
 * took (about half a millisecond a request: some 5 s for Mixpeek's 9,600).
 */
const IDLE_MS = 2000;
const generate = generateSync as (s: unknown, o: Record<string, unknown>) => unknown;
const specOf = (provider: string) => loadSpec(new URL(`../specs/${provider}.yaml`, import.meta.url).pathname, provider);

describe(`--fuzz ${N} against the mock`, () => {
  let server: MockServer;
  let proxy: IdleProxy;
  const reports = new Map<string, Report>();
  const plans = new Map<string, { requests: readonly FuzzRequest[]; seed: string; pools: FuzzPools }>();
  const timings: string[] = [];
  beforeAll(async () => {
    server = await startServer({ providers: [...PROVIDERS], processingMs: 0 });
    proxy = await startIdleProxy({ port: server.port }, IDLE_MS);
    for (const provider of PROVIDERS) {
      const started = performance.now();
      const report = await runContract({
        provider,
        baseUrl: `${proxy.url}/${provider}`,
        fuzz: N,
        seed: 'fuzz-ci',
        onFuzzPlan: (requests, inputs) => plans.set(provider, { requests, ...inputs }),
      });
      reports.set(provider, report);
      timings.push(`${provider}: ${report.fuzz?.requests} requests, fuzz ${report.fuzz?.ms} ms, whole run ${Math.round(performance.now() - started)} ms`);
    }
    console.log(`fuzz timings\n  ${timings.join('\n  ')}\n  ${proxy.connections} connections, ${proxy.idleCloses} closed idle`);
  }, 300_000);
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  for (const provider of PROVIDERS) {
    it(`${provider}: finds nothing, and covers every operation (JSON, multipart and raw bodies, none) with valid and invalid requests`, () => {
      const report = reports.get(provider)!;
      const text = summary(report);
      expect(
        report.results.filter((r) => r.outcome === 'failed'),
        text,
      ).toEqual([]);
      expect(server.selfCheckFailures, 'replies that break the spec').toEqual([]);
      expect(report.cleanupFailures).toEqual([]);
      const fz = report.fuzz!;
      expect(fz.seed).toBe('fuzz-ci');
      expect(fz.failedRequests).toBe(0);
      const spec = specOf(provider);
      const covered = new Set(report.results.filter((r) => r.step === 'fuzz').map((r) => r.operationId));
      expect(fz.skipped).toEqual([]);
      for (const op of spec.operations.values()) expect(covered.has(op.id), `${op.id} fuzzed`).toBe(true);
      // Every covered operation got (about) N requests; invalid ones wherever a schema gives something to break.
      const plan = plans.get(provider)!.requests;
      for (const id of covered) expect(plan.filter((r) => r.operationId === id).length, id).toBeGreaterThan(N * 0.9);
      expect(fz.invalid).toBeGreaterThan(N * 3);
      for (const op of spec.operations.values()) {
        const media = Object.keys(op.requestBody?.content ?? {});
        if (media.includes('application/json') || media.includes('multipart/form-data'))
          expect(
            plan.some((r) => r.operationId === op.id && r.kind === 'invalid'),
            `${op.id} has invalid requests`,
          ).toBe(true);
        // A form is sent as parts, with a file where the schema has one; raw bytes as they are.
        if (media.includes('multipart/form-data'))
          expect(
            plan.some((r) => r.operationId === op.id && r.kind === 'valid' && Object.values(r.call.form ?? {}).some((p) => typeof p !== 'string')),
            `${op.id} gets files`,
          ).toBe(true);
        else if (media.length && !media.includes('application/json'))
          expect(
            plan.some((r) => r.operationId === op.id && r.call.raw !== undefined),
            `${op.id} gets bytes`,
          ).toBe(true);
      }
      // One result per operation and check: the summary stays short.
      expect(report.results.filter((r) => r.step === 'fuzz').length).toBeLessThanOrEqual(covered.size * 4);
      expect(text.split('\n').length).toBeLessThan(60);
      expect(text).toMatch(
        new RegExp(
          `fuzz: ${fz.requests} requests \\(${fz.valid} valid, ${fz.invalid} invalid\\) to ${fz.operations} operations in [\\d.]+ s, seed fuzz-ci; 0 failed`,
        ),
      );
    });
  }

  // Eight plans, each generating hundreds of bodies from the schemas: about 17 s of CPU on a quiet 2-core machine, so more than the default limit on a busy one.
  it('the same seed plans the same requests; another seed, other ones', { timeout: 90_000 }, () => {
    for (const provider of PROVIDERS) {
      const { requests, seed, pools } = plans.get(provider)!;
      const spec = specOf(provider);
      const again = planFuzz({ spec, n: N, seed, pools, generate });
      expect(again.requests).toEqual(requests);
      const other = planFuzz({ spec, n: N, seed: `${seed}-other`, pools, generate });
      expect(other.requests.length).toBeGreaterThan(0);
      expect(other.requests).not.toEqual(requests);
    }
  });

  it('valid requests carry bodies our validator accepts; invalid ones break the schema, each in the way it says', () => {
    for (const provider of PROVIDERS) {
      const spec = specOf(provider);
      const validators = SpecValidators.of(spec);
      const kinds = new Set<string>();
      for (const r of plans.get(provider)!.requests) {
        const op = spec.operations.get(r.operationId)!;
        const form = op.requestBody?.content['multipart/form-data'] !== undefined;
        const body = r.call.form ? formValue(r.call.form) : r.call.json === undefined ? undefined : structuredClone(r.call.json);
        const check = validators.for(op).body(form ? 'multipart/form-data' : 'application/json');
        if (r.kind === 'valid') {
          expect(r.call.intent).toBeUndefined();
          if (body !== undefined) expect(check!(body), `${r.operationId} ${r.call.step}`).toEqual([]);
          continue;
        }
        expect(r.call.intent).toEqual({ kind: 'invalid_input', what: r.what });
        kinds.add(
          r.what!.replace(
            /^.*(wrong type|enum|maxLength|minLength|maximum|minimum|missing|extra field|malformed JSON|malformed multipart|maxItems|minItems|not a number|not a boolean|const).*$/,
            '$1',
          ),
        );
        if (r.what === 'malformed multipart') expect(r.call.raw!.contentType).toMatch(/^multipart\/form-data; boundary=/);
        else if (r.call.raw) expect(() => JSON.parse(r.call.raw!.text)).toThrow();
        else if (body !== undefined && !r.what!.startsWith('query ')) expect(check!(body).length, `${r.operationId} ${r.what}`).toBeGreaterThan(0);
      }
      const expected = provider === 'xai' ? ['malformed JSON', 'malformed multipart', 'missing', 'wrong type'] : ['malformed JSON', 'missing', 'wrong type'];
      expect([...kinds].filter((k) => ['wrong type', 'missing', 'malformed JSON', 'malformed multipart'].includes(k)).sort(), provider).toEqual(expected);
    }
  });
});

describe('fuzzing against a mock broken on purpose', () => {
  let server: MockServer;
  // Scenario replies are self-checked in strict mode; the broken replies must reach the suite.
  beforeAll(async () => {
    server = await startServer({ providers: ['ctxfy'], strict: false, processingMs: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });
  const activate = (name: string, rules: unknown[]): Activation => {
    const specs = new Map(server.providers.map((m) => [m.provider.name, m.spec]));
    return server.scenarios.activate(checkScenario({ name, provider: 'ctxfy', rules }, 'inline', specs));
  };

  it('a 500 on one operation, a reply of the wrong type on another and invalid input accepted on a third are each caught, with curl lines', async () => {
    const acts = [
      activate('tree-crashes', [
        { match: { operation: 'getCollectionTree' }, respond: { status: 500, body: { error: 'Internal Server Error', message: 'boom', code: 500 } } },
      ]),
      activate('health-wrong-type', [{ match: { operation: 'getHealth' }, respond: { status: 200, body: ['not', 'an', 'object'] } }]),
      activate('keys-accept-anything', [{ match: { operation: 'createApiKey' }, respond: { status: 201, body: { id: 'k', name: 'k', key: 'ctx_x' } } }]),
    ];
    let report: Report;
    try {
      report = await runContract({ provider: 'ctxfy', baseUrl: `${server.url}/ctxfy`, fuzz: 20, seed: 'broken' });
    } finally {
      for (const a of acts) server.scenarios.deactivate(a.id);
    }
    const fuzzFailed = report.results.filter((r) => r.step === 'fuzz' && r.outcome === 'failed');
    const failedPairs = new Set(fuzzFailed.map((r) => `${r.check} ${r.operationId}`));
    expect(failedPairs).toContain('not_a_server_error getCollectionTree');
    expect(failedPairs).toContain('response_schema_conformance getHealth');
    expect(failedPairs).toContain('negative_data_rejection createApiKey');
    // Nothing else is blamed.
    expect(
      [...failedPairs].every((p) => /getCollectionTree|getHealth|createApiKey/.test(p)),
      [...failedPairs].join('\n'),
    ).toBe(true);
    const crash = fuzzFailed.find((r) => r.check === 'not_a_server_error' && r.operationId === 'getCollectionTree')!;
    expect(crash.received).toMatch(/^20 of 20 fuzzed requests; first, fuzz #0 \(valid\): 500/);
    expect(crash.curl).toMatch(
      /^curl -sS -X GET 'http:\/\/127\.0\.0\.1:\d+\/ctxfy\/v1\/spaces\/[^']+\/collections' -H "Authorization: Bearer \$CTXFY_API_KEY"/,
    );
    const accepted = fuzzFailed.find((r) => r.check === 'negative_data_rejection')!;
    expect(accepted.expected).toMatch(/^a 4xx for input that breaks the request schema \(/);
    expect(accepted.curl).toMatch(/^curl -sS -X POST '.*\/ctxfy\/v1\/api-keys'/);
    const text = summary(report);
    expect(text).toContain('✗ not_a_server_error — getCollectionTree (fuzz)');
    expect(text).toMatch(/also fuzz #1 \(/);
    expect(text.split('\n').at(-1)).toBe(`${report.passed} passed, ${report.failed} failed`);
    expect(report.fuzz!.failedRequests).toBeGreaterThan(0);
  });

  it('every failure says how to reproduce it: a request without a reply its curl line, a failure of the run itself the command that repeats it', async () => {
    const act = activate('health-resets', [{ match: { operation: 'getHealth' }, fault: 'connection_reset' }]);
    let report: Report;
    try {
      report = await runContract({
        provider: 'ctxfy',
        baseUrl: `${server.url}/ctxfy`,
        fuzz: 4,
        seed: 'reproduce',
        onFuzzPlan: () => {
          throw new Error('the plan could not be kept');
        },
      });
    } finally {
      server.scenarios.deactivate(act.id);
    }
    const failures = report.results.filter((r) => r.outcome === 'failed');
    for (const f of failures) expect(f.curl, `${f.check} ${f.operationId} ${f.step}`).not.toBe('');
    const run = failures.find((r) => r.check === 'flow' && r.step === 'fuzz')!;
    expect(run.received).toBe('the plan could not be kept');
    expect(run.curl).toBe(`collections-mock contract --provider ctxfy --base-url '${server.url}/ctxfy' --fuzz 4 --seed 'reproduce'`);
    const reset = failures.find((r) => r.check === 'not_a_server_error' && r.operationId === 'getHealth')!;
    expect(reset.received).toMatch(/^4 of 4 fuzzed requests; first, fuzz #\d \(valid\): no reply: connection closed before the reply/);
    expect(reset.curl).toMatch(/^curl -sS -X GET 'http:\/\/127\.0\.0\.1:\d+\/ctxfy\/health'/);
    expect(summary(report)).not.toMatch(/reproduce: *$/m);
  });
});
