#!/usr/bin/env node
/**
 * collections-mock serve [--port 4010] [--host 127.0.0.1] [--providers xai,airweave,…]
 *   [--root NAME] [--processing-ms N] [--api-keys FILE] [--rate-limit free|pro|N] [--scenarios DIR]…
 *   [--no-shipped-scenarios] [--journal-size N] [--fixtures none|default|DIR] [--fake N] [--seed S]
 *   [--persist FILE] [--admin-token T] [--strict] [--quiet]
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createMockServer, PROVIDER_NAMES, type ProviderName, type RateLimitSetting } from './server.js';
import { createLogger } from './core/log.js';
import { exitAfterLogs, exitNow } from './core/exit.js';
import { writeFileSync } from 'node:fs';
// The contract suite and the recorder are loaded by their commands only: `serve` starts without them.
import { CHECK_NAMES, FLOW_PROVIDERS, type CheckName } from './contract/names.js';

const USAGE = `collections-mock: a local, stateful, vendor-faithful mock of collections APIs (${PROVIDER_NAMES.join(', ')})

Usage:
  collections-mock serve [options]     start the mock (the default command)
  collections-mock contract [options]  run the contract checks against a running server
  collections-mock record [options]    proxy to a vendor, check every exchange against the spec,
                                       and write the exchanges as a scenario file
  collections-mock help                show this text

Options for serve:
  --port N             TCP port (default 4010; 0 picks a free one)
  --host ADDR          interface to listen on (default 127.0.0.1)
  --providers LIST     comma-separated providers to mount (default: all: ${PROVIDER_NAMES.join(', ')})
  --root NAME          also serve provider NAME at / (for clients that cannot take a path prefix)
  --processing-ms N    duration of every simulated lifecycle step, ms (default 1000; 0 = at once)
  --api-keys FILE      YAML/JSON file mapping keys to teams; unknown keys are then refused
  --rate-limit PLAN    enforce Ctxfy's per-user limit: free (10/min), pro (100/min) or N per minute;
                       over it, 429 with Retry-After (default: off, X-RateLimit-* headers still sent)
  --scenarios DIR      also load scenarios from DIR (DIR/<provider>/*.yaml); repeatable
  --no-shipped-scenarios  do not load the scenario library shipped in scenarios/
  --journal-size N     requests kept in the journal (default 1000; 0 keeps none)
  --fixtures WHAT      demo data loaded at start, for the key "demo": default (fixtures/<provider>/*.yaml),
                       none, or a directory of the same shape (default: default)
  --fake N             also generate N records per provider (json-schema-faker; reproducible with --seed)
  --seed S             make generated ids reproducible
  --persist FILE       keep the data in FILE: loaded at start (then no fixtures), saved atomically after
                       changes and at shutdown; a file that cannot be read stops the start, untouched
  --admin-token T      require "Authorization: Bearer T" (or "X-Mock-Admin-Token: T") on the admin API
                       under /__mock; without it the admin API answers only loopback clients
  --strict             answer 500 when a reply does not match the spec (default: log it)
  --quiet              no request logs
  -h, --help           show this text

Options for contract (exit code 1 when a check failed, 2 on bad flags):
  --provider P         the provider whose flow to run (${FLOW_PROVIDERS.join(', ')})
  --base-url URL       the provider's base, e.g. http://127.0.0.1:4010/ctxfy or https://api.ctxfy.com
  --api-key K          the key to use (default: a fresh key per run, which the mock accepts)
  --management-key K   xAI's management key for collections (the API key then serves files)
  --api-base-url URL   xAI's api host for the Files API, when it is not --base-url (e.g. https://api.x.ai)
  --live               the target is the real vendor: operations only the mock or the seed has are not sent
  --namespace N        Mixpeek's X-Namespace
  --checks LIST        comma-separated checks to apply (default: all: ${CHECK_NAMES.join(', ')})
  --junit FILE         also write JUnit XML to FILE
  --seed S             make generated names and ids reproducible, and the fuzzed requests
  --fuzz N             also send N generated requests per operation (valid ones from the spec's
                       schemas, invalid ones mutated to break them), one result per operation and check
  --stateless          the server keeps no state (e.g. Prism): behavioural checks are reported not
                       applicable, purposely invalid requests are judged by not_a_server_error only
                       (the server answers them with its own validation errors), flows do not wait
                       for state to change

Options for record (exit code 2 on bad flags):
  --provider P         the provider whose spec judges the exchanges (${PROVIDER_NAMES.join(', ')})
  --upstream URL       the provider's base to forward to, e.g. https://api.ctxfy.com
  --port N             local port to listen on (default 4011; 0 picks a free one)
  --host ADDR          interface to listen on (default 127.0.0.1)
  --out FILE           the scenario file, written as exchanges come and once more at Ctrl-C/SIGTERM
                       (default recorded-<provider>-<timestamp>.yaml); credentials and secret-looking
                       fields are redacted
  --name NAME          the scenario's name (default: the file name without .yaml)
  --quiet              no log lines (violations included)
`;

function fail(message: string): never {
  process.stderr.write(`collections-mock: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) fail(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** The command's flags, or exit 2 with the usage; `--help` prints the usage and returns undefined. */
function flags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>>['values'] | undefined {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return undefined;
  }
  return values as never;
}

async function serve(argv: string[]): Promise<void> {
  const v = flags(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    providers: { type: 'string' },
    root: { type: 'string' },
    'processing-ms': { type: 'string' },
    'api-keys': { type: 'string' },
    'rate-limit': { type: 'string' },
    scenarios: { type: 'string', multiple: true },
    'no-shipped-scenarios': { type: 'boolean' },
    'journal-size': { type: 'string' },
    fixtures: { type: 'string' },
    fake: { type: 'string' },
    'admin-token': { type: 'string' },
    persist: { type: 'string' },
    seed: { type: 'string' },
    strict: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!v) return;
  const providers = v.providers
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of providers ?? []) {
    if (!(PROVIDER_NAMES as readonly string[]).includes(p)) fail(`unknown provider "${p}"; available: ${PROVIDER_NAMES.join(', ')}`);
  }
  if (v.root !== undefined && !(PROVIDER_NAMES as readonly string[]).includes(v.root)) fail(`unknown provider "${v.root}" for --root`);
  let rateLimit: RateLimitSetting | undefined;
  const rl = v['rate-limit'];
  if (rl !== undefined) {
    if (rl !== 'free' && rl !== 'pro' && !/^\d+$/.test(rl)) fail(`--rate-limit must be free, pro or a whole number of requests per minute, got "${rl}"`);
    rateLimit = rl === 'free' || rl === 'pro' ? rl : intOption('rate-limit', rl, 1, 1_000_000);
  }
  const log = createLogger({ quiet: v.quiet ?? false });
  let server;
  try {
    server = await createMockServer({
      port: intOption('port', v.port, 0, 65535) ?? 4010,
      host: v.host ?? '127.0.0.1',
      ...(providers ? { providers: providers as ProviderName[] } : {}),
      ...(v.root ? { root: v.root as ProviderName } : {}),
      processingMs: intOption('processing-ms', v['processing-ms'], 0, 86_400_000) ?? 1000,
      ...(v['api-keys'] ? { apiKeys: v['api-keys'] } : {}),
      ...(rateLimit !== undefined ? { rateLimit } : {}),
      ...(v.scenarios ? { scenarios: v.scenarios } : {}),
      ...(v['no-shipped-scenarios'] ? { shippedScenarios: false } : {}),
      ...(v['journal-size'] !== undefined ? { journalSize: intOption('journal-size', v['journal-size'], 0, 1_000_000) } : {}),
      fixtures: v.fixtures ?? 'default',
      ...(v['admin-token'] !== undefined ? { adminToken: v['admin-token'] } : {}),
      ...(v.persist !== undefined ? { persist: v.persist } : {}),
      ...(v.fake !== undefined ? { fake: intOption('fake', v.fake, 0, 10_000) } : {}),
      ...(v.seed !== undefined ? { seed: v.seed } : {}),
      strict: v.strict ?? false,
      logger: log,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    fail(e.code === 'EADDRINUSE' ? `port ${v.port ?? 4010} is already in use` : e.message);
  }
  const mountedList = server.providers.map((m) => `${server.url}${m.provider.prefix}`).join(', ');
  process.stderr.write(`collections-mock listening on ${server.url} (${mountedList})\n`);

  let stopping = false;
  // Once the shutdown is done, its exit code stands while the last log lines go out.
  let done: number | undefined;
  const stop = (signal: string) => {
    if (stopping) exitNow(log, done ?? 1); // a second signal forces the exit
    stopping = true;
    log.info({ signal }, 'shutting down');
    // The exit does not wait on log lines nobody reads (see core/exit.ts): a signal always ends the process.
    server.close().then(
      () => exitAfterLogs(log, (done = 0)),
      () => exitAfterLogs(log, (done = 1)),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function contract(argv: string[]): Promise<void> {
  const v = flags(argv, {
    provider: { type: 'string' },
    'base-url': { type: 'string' },
    'api-key': { type: 'string' },
    'management-key': { type: 'string' },
    'api-base-url': { type: 'string' },
    live: { type: 'boolean' },
    namespace: { type: 'string' },
    checks: { type: 'string' },
    junit: { type: 'string' },
    seed: { type: 'string' },
    fuzz: { type: 'string' },
    stateless: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!v) return;
  if (!v.provider) fail('contract needs --provider');
  if (!(FLOW_PROVIDERS as readonly string[]).includes(v.provider)) fail(`no contract flow for provider "${v.provider}"; available: ${FLOW_PROVIDERS.join(', ')}`);
  const baseUrl = v['base-url'];
  if (!baseUrl) fail('contract needs --base-url');
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
  } catch {
    fail(`--base-url must be an http(s) URL, got "${baseUrl}"`);
  }
  const checks = v.checks
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of checks ?? []) {
    if (!(CHECK_NAMES as readonly string[]).includes(c)) fail(`unknown check "${c}"; available: ${CHECK_NAMES.join(', ')}`);
  }
  const [{ runContract }, { junit, summary }] = await Promise.all([import('./contract/runner.js'), import('./contract/report.js')]);
  let report;
  try {
    report = await runContract({
      provider: v.provider,
      baseUrl,
      ...(v['api-key'] !== undefined ? { apiKey: v['api-key'] } : {}),
      ...(v['management-key'] !== undefined ? { managementKey: v['management-key'] } : {}),
      ...(v['api-base-url'] !== undefined ? { apiBaseUrl: v['api-base-url'] } : {}),
      ...(v.live ? { live: true } : {}),
      ...(v.namespace !== undefined ? { namespace: v.namespace } : {}),
      ...(checks ? { checks: checks as CheckName[] } : {}),
      ...(v.seed !== undefined ? { seed: v.seed } : {}),
      ...(v.stateless ? { stateless: true } : {}),
      ...(v.fuzz !== undefined ? { fuzz: intOption('fuzz', v.fuzz, 0, 100_000) } : {}),
    });
  } catch (err) {
    process.stderr.write(`collections-mock contract: ${(err as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${summary(report)}\n`);
  if (v.junit) writeFileSync(v.junit, junit(report));
  process.exitCode = report.failed > 0 ? 1 : 0;
}

async function record(argv: string[]): Promise<void> {
  const v = flags(argv, {
    provider: { type: 'string' },
    upstream: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!v) return;
  if (!v.provider) fail('record needs --provider');
  if (!(PROVIDER_NAMES as readonly string[]).includes(v.provider)) fail(`unknown provider "${v.provider}"; available: ${PROVIDER_NAMES.join(', ')}`);
  const upstream = v.upstream;
  if (!upstream) fail('record needs --upstream');
  try {
    const u = new URL(upstream);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
  } catch {
    fail(`--upstream must be an http(s) URL, got "${upstream}"`);
  }
  const port = intOption('port', v.port, 0, 65535) ?? 4011;
  const log = createLogger({ quiet: v.quiet ?? false });
  const { startRecorder } = await import('./contract/record.js');
  let recorder;
  try {
    recorder = await startRecorder({
      provider: v.provider,
      upstream,
      port,
      host: v.host ?? '127.0.0.1',
      ...(v.out !== undefined ? { out: v.out } : {}),
      ...(v.name !== undefined ? { name: v.name } : {}),
      log,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    fail(e.code === 'EADDRINUSE' ? `port ${port} is already in use` : e.message);
  }
  process.stderr.write(`collections-mock recording ${v.provider} on ${recorder.url} → ${upstream}; the scenario file is written as exchanges come, and once more at Ctrl-C/SIGTERM\n`);
  let stopping = false;
  // Once the shutdown is done, its exit code stands while the last log lines go out.
  let done: number | undefined;
  const stop = (signal: string) => {
    if (stopping) exitNow(log, done ?? 1); // a second signal forces the exit
    stopping = true;
    log.info({ signal }, 'stopping the recorder');
    recorder.close().then(
      ({ file, exchanges }) => {
        process.stderr.write(file ? `collections-mock record: wrote ${file} (${exchanges} exchanges)\n` : `collections-mock record: ${exchanges} exchanges, nothing to write\n`);
        return exitAfterLogs(log, (done = 0));
      },
      (err: unknown) => {
        process.stderr.write(`collections-mock record: ${(err as Error).message}\n`);
        return exitAfterLogs(log, (done = 1));
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const [command = 'serve', ...rest] = process.argv.slice(2);
switch (command) {
  case 'serve':
    await serve(rest);
    break;
  case 'contract':
    await contract(rest);
    break;
  case 'record':
    await record(rest);
    break;
  case 'help':
  case '--help':
  case '-h':
    process.stdout.write(USAGE);
    break;
  default:
    if (command.startsWith('-')) await serve([command, ...rest]);
    else fail(`unknown command "${command}"`);
}
