/**
 * Throughput: the mock, Prism 5.14 on the same specs, and a bare node:http
 * server answering the mock's own bytes (the physical limit on this machine),
 * the same requests in the same run, taking turns so that machine drift hits
 * all three. Then the mock and the bare server on one connection, where the
 * latency is the time a request takes without queueing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { json, keepAliveAgent, request } from './lib/http.mjs';
import { cannon, merge } from './lib/load.mjs';
import { ROOT, freePort, spawnNode, startMock, startPrism, waitUntilAnswers } from './lib/proc.mjs';

/**
 * @typedef {import('./lib/load.mjs').Target} Target
 * @typedef {import('./lib/load.mjs').Run} Run
 * @typedef {import('./lib/load.mjs').Merged} Merged
 * @typedef {import('./run.mjs').Log} Log
 * @typedef {object} Route
 * @property {string} name
 * @property {'xai' | 'airweave'} spec
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} headers
 * @property {string} [body]
 * @property {string} setup The state it runs against.
 * @typedef {'mock' | 'bare' | 'prism'} Who
 * @typedef {object} Row A route's figures; null when it was broken before the load.
 * @property {Route} route
 * @property {Merged | null} mock
 * @property {Merged | null} bare
 * @property {Merged | null} prism
 * @property {Record<'mock' | 'bare', Merged>} [single] On one connection.
 */

const BARE = path.join(ROOT, 'bench', 'lib', 'bare.mjs');
/** Headers of the mock's reply the bare server does not copy: Node writes its own. */
const NODE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

const XAI_AUTH = { authorization: 'Bearer xai-bench-list' };
const XAI_CREATE_AUTH = { authorization: 'Bearer xai-bench-create' };
const AIRWEAVE_AUTH = { 'x-api-key': 'aw-bench' };
const LIST_COLLECTIONS = 100;

/**
 * The routes. `path` is the same on both targets (Prism serves a spec at the
 * root, ignoring its `servers` URL; the mock mounts each provider at /<name>).
 * @param {string} collectionId
 * @returns {Route[]}
 */
function routes(collectionId) {
  return [
    {
      name: 'xAI GET /v1/collections?limit=20',
      spec: 'xai',
      method: 'GET',
      path: '/v1/collections?limit=20',
      headers: XAI_AUTH,
      setup: `${LIST_COLLECTIONS} stored collections`,
    },
    {
      name: 'xAI GET /v1/collections/{id}',
      spec: 'xai',
      method: 'GET',
      path: `/v1/collections/${collectionId}`,
      headers: XAI_AUTH,
      setup: 'one of them',
    },
    {
      name: 'xAI POST /v1/collections',
      spec: 'xai',
      method: 'POST',
      path: '/v1/collections',
      headers: { ...XAI_CREATE_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ collection_name: 'Bench collection', collection_description: 'Created by npm run bench' }),
      setup: 'a key of its own; every request creates a collection',
    },
    {
      name: 'Airweave GET /collections',
      spec: 'airweave',
      method: 'GET',
      path: '/collections',
      headers: AIRWEAVE_AUTH,
      setup: "2 stored collections (as many as Prism's example)",
    },
  ];
}

/**
 * Mock's state for the routes: 100 xAI collections for the list key, 2 Airweave collections.
 * @param {string} mockUrl
 * @returns {Promise<string>} The id of the first xAI collection.
 */
async function populate(mockUrl) {
  const agent = keepAliveAgent(8);
  /** @type {string | undefined} */
  let first;
  for (let i = 0; i < LIST_COLLECTIONS; i++) {
    const c = /** @type {import('../dist/generated/xai.js').components['schemas']['CollectionMetadata']} */ (
      await json(`${mockUrl}/xai/v1/collections`, {
        method: 'POST',
        agent,
        headers: XAI_AUTH,
        body: { collection_name: `Bench ${String(i).padStart(3, '0')}`, collection_description: 'Created by npm run bench' },
      })
    );
    first ??= c.collection_id;
  }
  for (const name of ['Finance Data', 'Support Tickets']) {
    await json(`${mockUrl}/airweave/collections`, { method: 'POST', agent, headers: AIRWEAVE_AUTH, body: { name } });
  }
  agent.destroy();
  return /** @type {string} */ (first);
}

/**
 * One request of the route on each target before the load: anything but a 2xx is a broken bench.
 * @param {Route} route
 * @param {[who: string, base: string][]} targets
 */
async function preflight(route, targets) {
  /** @type {string[]} */
  const problems = [];
  for (const [who, base] of targets) {
    try {
      const res = await request(`${base}${route.path}`, { method: route.method, headers: route.headers, body: route.body });
      if (res.status < 200 || res.status > 299) problems.push(`${who}: ${route.method} ${route.path} → ${res.status} ${res.body.slice(0, 300)}`);
    } catch (err) {
      problems.push(`${who}: ${route.method} ${route.path} → ${/** @type {Error} */ (err).message}`);
    }
  }
  return problems;
}

/**
 * The bare server, answering each route with the bytes the mock sent for it
 * (recorded once, after the mock's state is set up).
 * @param {string} mockUrl
 * @param {Route[]} list
 * @returns {Promise<import('./lib/proc.mjs').Spawned & { url: string }>}
 */
async function startBare(mockUrl, list) {
  /** @type {Record<string, import('./lib/bare.mjs').RecordedRoute>} */
  const recorded = {};
  for (const route of list) {
    const res = await request(`${mockUrl}/${route.spec}${route.path}`, { method: route.method, headers: route.headers, body: route.body });
    const headers = /** @type {Record<string, string>} */ (Object.fromEntries(Object.entries(res.headers).filter(([k]) => !NODE_HEADERS.has(k))));
    recorded[`${route.method} ${route.path}`] = { status: res.status, headers, body: res.bytes.toString('base64') };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'collections-mock-bench-'));
  const file = path.join(dir, 'routes.json');
  writeFileSync(file, JSON.stringify(recorded));
  const port = await freePort();
  const proc = spawnNode([BARE, String(port), file], { label: `bare node:http (bench/lib/bare.mjs ${port})` });
  const url = `http://127.0.0.1:${port}`;
  const [first] = /** @type {[Route, ...Route[]]} */ (list);
  try {
    await waitUntilAnswers(proc, `${url}${first.path}`, { headers: first.headers });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    ...proc,
    url,
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** @type {Record<Who, string>} */
const WHO = { mock: 'mock', bare: 'bare Node', prism: 'Prism' };

/**
 * Runs of each target in turn (the first of a round rotates, so none always runs on a warmer machine); merged per target.
 * @template {Who} K
 * @param {Record<K, Target>} targets
 * @param {{ connections: number, durationS: number, rounds: number, log: Log, label: string }} options
 * @returns {Promise<Record<K, Merged>>}
 */
async function rotate(targets, { connections, durationS, rounds, log, label }) {
  const names = /** @type {K[]} */ (Object.keys(targets));
  const runs = /** @type {Record<K, Run[]>} */ (Object.fromEntries(names.map((n) => [n, /** @type {Run[]} */ ([])])));
  for (let round = 0; round < rounds; round++) {
    const first = round % names.length;
    const order = [...names.slice(first), ...names.slice(0, first)];
    for (const who of order) {
      const run = await cannon(targets[who], { connections, durationS });
      runs[who].push(run);
      log(
        `${label}: round ${round + 1}/${rounds} ${WHO[who].padEnd(9)} ${Math.round(run.responses / run.durationS)} req/s, errors ${run.errors}, non-2xx ${run.non2xx}`,
      );
    }
  }
  return /** @type {Record<K, Merged>} */ (Object.fromEntries(names.map((n) => [n, merge(runs[n])])));
}

/**
 * @param {Route} route
 * @param {Who} who
 * @param {Merged} m
 * @param {number} connections
 */
function loadProblems(route, who, m, connections) {
  if (!m.errors && !m.non2xx && !m.timeouts) return [];
  return [
    `${route.name}: ${WHO[who]} answered with errors under load (${connections} connection${connections === 1 ? '' : 's'}): ` +
      `${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx (statuses ${JSON.stringify(m.statuses)})`,
  ];
}

/** Open web consoles during the load: each one a reader of the live journal (`GET /__mock/events`), as the console's requests view is. */
export const CONSOLES = 100;

/** The readers, in a process of their own (as browsers are): prints "ready" once all are subscribed, and the bytes read when told to stop. */
const READERS = `
const http = require('node:http');
const [url, n] = process.argv.slice(1);
let bytes = 0, open = 0;
for (let i = 0; i < Number(n); i++) {
  http.get(url + '/__mock/events', { agent: false }, (res) => {
    if (res.statusCode !== 200) { console.error('GET /__mock/events -> ' + res.statusCode); process.exit(1); }
    res.on('data', (c) => (bytes += c.length));
    res.on('error', () => {});
    if (++open === Number(n)) console.log('ready');
  }).on('error', (e) => { console.error(e.message); process.exit(1); });
}
process.stdin.on('data', () => { console.log(String(bytes)); process.exit(0); });
`;

/**
 * Opens `n` readers of the events stream in another process; resolves once all are subscribed.
 * @param {string} mockUrl
 * @param {number} n
 * @returns {Promise<{ close(): Promise<number> }>} `close()` resolves with the bytes they read.
 */
async function openConsoles(mockUrl, n) {
  const child = spawn(process.execPath, ['-e', READERS, mockUrl, String(n)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', () => out.includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the console readers exited with ${code}`)));
  });
  await ready;
  return {
    async close() {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.stdin.write('stop\n');
      await exited;
      return Number(out.trim().split('\n').pop()) || 0;
    },
  };
}

/**
 * The same route's latency with no console open and with CONSOLES open
 * (each reading the live journal), in alternating rounds (ABBA).
 * @param {string} mockUrl
 * @param {Route} route
 * @param {{ connections: number, durationS: number, warmupS: number, rounds: number, log: Log }} options
 */
async function withConsoles(mockUrl, route, { connections, durationS, warmupS, rounds, log }) {
  /** @type {Target} */
  const target = { url: `${mockUrl}/${route.spec}${route.path}`, method: route.method, headers: route.headers, body: route.body };
  /** @type {{ without: Run[], with: Run[] }} */
  const runs = { without: [], with: [] };
  let delivered = 0;
  await cannon(target, { connections, durationS: warmupS });
  for (let round = 0; round < rounds; round++) {
    /** @type {('without' | 'with')[]} */
    const order = round % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
    for (const who of order) {
      const open = who === 'with' ? await openConsoles(mockUrl, CONSOLES) : undefined;
      try {
        const run = await cannon(target, { connections, durationS });
        runs[who].push(run);
        log(
          `throughput: ${route.name}: ${who === 'with' ? `${CONSOLES} consoles open` : 'no console open'}: p99 ${merge([run]).p99.toFixed(2)} ms, ${Math.round(run.responses / run.durationS)} req/s`,
        );
      } finally {
        if (open) delivered += await open.close();
      }
    }
  }
  /** @type {{ route: Route, consoles: number, without: Merged, with: Merged, delivered: number, broken?: string }} */
  const result = { route, consoles: CONSOLES, without: merge(runs.without), with: merge(runs.with), delivered };
  const bad = [result.without, result.with].find((m) => m.errors || m.non2xx || m.timeouts);
  if (bad) result.broken = `${route.name} with consoles: errors under load (${bad.errors} errors, ${bad.timeouts} timeouts, ${bad.non2xx} non-2xx)`;
  else if (delivered === 0) result.broken = `${route.name} with consoles: the consoles received nothing`;
  return result;
}

/**
 * Runs the section; `log` prints progress. Returns `{ rows, broken, params }`;
 * the servers it starts are stopped before it returns.
 * @param {Pick<import('./run.mjs').Options, 'connections' | 'durationS' | 'warmupS' | 'rounds' | 'oneConnectionS'> & { log: Log }} options
 */
export async function throughput({ connections, durationS, warmupS, rounds, oneConnectionS, log }) {
  log(`throughput: starting the mock and Prism (xai.yaml, airweave.yaml)`);
  const [mock, prismXai, prismAirweave] = await Promise.all([
    startMock(['--fixtures', 'none']),
    startPrism('xai', '/v1/collections', XAI_AUTH),
    startPrism('airweave', '/collections', AIRWEAVE_AUTH),
  ]);
  const prismBySpec = { xai: prismXai, airweave: prismAirweave };
  /** @type {Awaited<ReturnType<typeof startBare>> | undefined} */
  let bare;
  try {
    const collectionId = await populate(mock.url);
    const list = routes(collectionId);
    bare = await startBare(mock.url, list);
    log(`throughput: a bare node:http server answers each route with the mock's bytes`);
    /** @type {Row[]} */
    const rows = [];
    /** @type {string[]} */
    const broken = [];
    for (const route of list) {
      const prism = prismBySpec[route.spec];
      const mockBase = `${mock.url}/${route.spec}`;
      const problems = await preflight(route, [
        ['mock', mockBase],
        ['bare Node', bare.url],
        ['Prism', prism.url],
      ]);
      if (problems.length) {
        broken.push(...problems.map((p) => `${route.name}: ${p}`));
        rows.push({ route, mock: null, prism: null, bare: null });
        log(`throughput: ${route.name}: BROKEN, skipped:\n  ${problems.join('\n  ')}`);
        continue;
      }
      /** @type {(base: string) => Target} */
      const target = (base) => ({ url: `${base}${route.path}`, method: route.method, headers: route.headers, body: route.body });
      const targets = { mock: target(mockBase), bare: target(bare.url), prism: target(prism.url) };
      log(`throughput: ${route.name}: warm-up ${warmupS} s each`);
      for (const t of Object.values(targets)) await cannon(t, { connections, durationS: warmupS });
      const loaded = await rotate(targets, { connections, durationS, rounds, log, label: `throughput: ${route.name}` });
      // One connection: the time a request takes, without queueing; the mock against the bare server only.
      const single = await rotate(
        { mock: targets.mock, bare: targets.bare },
        { connections: 1, durationS: oneConnectionS, rounds, log, label: `throughput: ${route.name}, 1 connection` },
      );
      const row = { route, ...loaded, single };
      for (const who of /** @type {const} */ (['mock', 'bare', 'prism'])) broken.push(...loadProblems(route, who, row[who], connections));
      for (const who of /** @type {const} */ (['mock', 'bare'])) broken.push(...loadProblems(route, who, single[who], 1));
      rows.push(row);
    }
    const consoles = await withConsoles(mock.url, /** @type {Route} */ (list[1]), { connections, durationS, warmupS, rounds, log });
    if (consoles.broken) broken.push(consoles.broken);
    return {
      rows,
      consoles,
      broken,
      mockArgs: '--fixtures none (otherwise CLI defaults: validation on, self-check logging, request logs to /dev/null)',
    };
  } finally {
    await Promise.all([mock.stop(), prismXai.stop(), prismAirweave.stop(), bare?.stop()]);
  }
}
