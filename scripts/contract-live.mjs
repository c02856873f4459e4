#!/usr/bin/env node
/**
 * `npm run contract:live`: the contract suite against the real vendors, for
 * each provider whose key is in the environment. Uses the built package
 * (dist/contract), so `npm run build` first (the npm script does).
 *
 *   XAI_MANAGEMENT_API_KEY + XAI_API_KEY   xAI (collections on the management host, files on the API host)
 *   AIRWEAVE_API_KEY                       Airweave
 *   MIXPEEK_API_KEY [+ MIXPEEK_NAMESPACE]  Mixpeek (the namespace goes out as X-Namespace)
 *   CTXFY_API_KEY                          Ctxfy
 *
 * Base URLs default to the vendors' production hosts; override them with
 * XAI_BASE_URL, XAI_API_BASE_URL, AIRWEAVE_BASE_URL, MIXPEEK_BASE_URL and
 * CTXFY_BASE_URL. With CONTRACT_JUNIT_DIR set, writes <dir>/<provider>.xml.
 *
 * A provider without its key is skipped with the name of the missing variable:
 * lack of keys never fails (exit 0 when nothing ran). Exit 1 when a run had a
 * failed check (or could not run at all).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runContract } from '../dist/contract/runner.js';
import { junit, summary } from '../dist/contract/report.js';

const env = process.env;
/** @param {string} name */
const set = (name) => typeof env[name] === 'string' && env[name].trim() !== '';
/** @param {string} name A variable that is `set`. */
const value = (name) => /** @type {string} */ (env[name]).trim();
/**
 * @param {string} name
 * @param {string} fallback
 */
const url = (name, fallback) => (set(name) ? value(name) : fallback);

/**
 * Each provider: the variables it needs, and its run options from the environment.
 * @type {{ provider: string, required: string[], options: () => Omit<import('../dist/contract/runner.js').ContractOptions, 'provider'> }[]}
 */
const PROVIDERS = [
  {
    provider: 'xai',
    required: ['XAI_MANAGEMENT_API_KEY', 'XAI_API_KEY'],
    options: () => ({
      baseUrl: url('XAI_BASE_URL', 'https://management-api.x.ai'),
      apiBaseUrl: url('XAI_API_BASE_URL', 'https://api.x.ai'),
      managementKey: value('XAI_MANAGEMENT_API_KEY'),
      apiKey: value('XAI_API_KEY'),
    }),
  },
  {
    provider: 'airweave',
    required: ['AIRWEAVE_API_KEY'],
    options: () => ({ baseUrl: url('AIRWEAVE_BASE_URL', 'https://api.airweave.ai'), apiKey: value('AIRWEAVE_API_KEY') }),
  },
  {
    provider: 'mixpeek',
    required: ['MIXPEEK_API_KEY'],
    options: () => ({
      baseUrl: url('MIXPEEK_BASE_URL', 'https://api.mixpeek.com'),
      apiKey: value('MIXPEEK_API_KEY'),
      ...(set('MIXPEEK_NAMESPACE') ? { namespace: value('MIXPEEK_NAMESPACE') } : {}),
    }),
  },
  {
    provider: 'ctxfy',
    required: ['CTXFY_API_KEY'],
    options: () => ({ baseUrl: url('CTXFY_BASE_URL', 'https://api.ctxfy.com'), apiKey: value('CTXFY_API_KEY') }),
  },
];

const junitDir = set('CONTRACT_JUNIT_DIR') ? path.resolve(value('CONTRACT_JUNIT_DIR')) : undefined;
let ran = 0;
let failed = false;

for (const p of PROVIDERS) {
  const missing = p.required.filter((name) => !set(name));
  if (missing.length) {
    console.log(`${p.provider}: skipped, ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`);
    continue;
  }
  ran++;
  const options = { provider: p.provider, live: true, ...p.options() };
  console.log(`${p.provider}: running against ${options.baseUrl}${options.apiBaseUrl ? ` and ${options.apiBaseUrl}` : ''}`);
  let report;
  try {
    report = await runContract(options);
  } catch (err) {
    console.error(`${p.provider}: the run did not complete: ${err instanceof Error ? err.message : String(err)}`);
    failed = true;
    continue;
  }
  console.log(summary(report));
  if (report.cleanupFailures.length) console.log(`${p.provider}: resources prefixed ${report.runPrefix} may remain; delete them by hand`);
  if (junitDir) {
    mkdirSync(junitDir, { recursive: true });
    const file = path.join(junitDir, `${p.provider}.xml`);
    writeFileSync(file, junit(report));
    console.log(`${p.provider}: JUnit XML in ${file}`);
  }
  if (report.failed > 0) failed = true;
}

if (ran === 0) console.log('contract:live: no provider key is set; nothing ran');
process.exitCode = failed ? 1 : 0;
