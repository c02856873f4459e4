/**
 * Throughput: the mock and Prism 5.14 on the same specs, the same requests, in
 * the same run, alternating so that machine drift hits both.
 */
import { json, keepAliveAgent, request } from './lib/http.mjs';
import { cannon, merge } from './lib/load.mjs';
import { startMock, startPrism } from './lib/proc.mjs';

const XAI_AUTH = { authorization: 'Bearer xai-bench-list' };
const XAI_CREATE_AUTH = { authorization: 'Bearer xai-bench-create' };
const AIRWEAVE_AUTH = { 'x-api-key': 'aw-bench' };
const LIST_COLLECTIONS = 100;

/**
 * The routes. `path` is the same on both targets (Prism serves a spec at the
 * root, ignoring its `servers` URL; the mock mounts each provider at /<name>).
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
      setup: '2 stored collections (as many as Prism\'s example)',
    },
  ];
}

/** Mock's state for the routes: 100 xAI collections for the list key, 2 Airweave collections. */
async function populate(mockUrl) {
  const agent = keepAliveAgent(8);
  let first;
  for (let i = 0; i < LIST_COLLECTIONS; i++) {
    const c = await json(`${mockUrl}/xai/v1/collections`, {
      method: 'POST',
      agent,
      headers: XAI_AUTH,
      body: { collection_name: `Bench ${String(i).padStart(3, '0')}`, collection_description: 'Created by npm run bench' },
    });
    first ??= c.collection_id;
  }
  for (const name of ['Finance Data', 'Support Tickets']) {
    await json(`${mockUrl}/airweave/collections`, { method: 'POST', agent, headers: AIRWEAVE_AUTH, body: { name } });
  }
  agent.destroy();
  return first;
}

/** One request of the route on each target before the load: anything but a 2xx is a broken bench. */
async function preflight(route, targets) {
  const problems = [];
  for (const [who, base] of targets) {
    try {
      const res = await request(`${base}${route.path}`, { method: route.method, headers: route.headers, body: route.body });
      if (res.status < 200 || res.status > 299) problems.push(`${who}: ${route.method} ${route.path} → ${res.status} ${res.body.slice(0, 300)}`);
    } catch (err) {
      problems.push(`${who}: ${route.method} ${route.path} → ${err.message}`);
    }
  }
  return problems;
}

/**
 * Runs the section; `log` prints progress. Returns `{ rows, broken, params }`;
 * the servers it starts are stopped before it returns.
 */
export async function throughput({ connections, durationS, warmupS, rounds, log }) {
  log(`throughput: starting the mock and Prism (xai.yaml, airweave.yaml)`);
  const [mock, prismXai, prismAirweave] = await Promise.all([
    startMock(['--fixtures', 'none']),
    startPrism('xai', '/v1/collections', XAI_AUTH),
    startPrism('airweave', '/collections', AIRWEAVE_AUTH),
  ]);
  const prismBySpec = { xai: prismXai, airweave: prismAirweave };
  try {
    const collectionId = await populate(mock.url);
    const rows = [];
    const broken = [];
    for (const route of routes(collectionId)) {
      const prism = prismBySpec[route.spec];
      const mockBase = `${mock.url}/${route.spec}`;
      const problems = await preflight(route, [
        ['mock', mockBase],
        ['Prism', prism.url],
      ]);
      if (problems.length) {
        broken.push(...problems.map((p) => `${route.name}: ${p}`));
        rows.push({ route, mock: null, prism: null });
        log(`throughput: ${route.name}: BROKEN, skipped:\n  ${problems.join('\n  ')}`);
        continue;
      }
      const target = (base) => ({ url: `${base}${route.path}`, method: route.method, headers: route.headers, body: route.body });
      const targets = { mock: target(mockBase), prism: target(prism.url) };
      log(`throughput: ${route.name}: warm-up ${warmupS} s each`);
      await cannon(targets.mock, { connections, durationS: warmupS });
      await cannon(targets.prism, { connections, durationS: warmupS });
      const runs = { mock: [], prism: [] };
      for (let round = 0; round < rounds; round++) {
        // ABBA: the first of a round alternates, so neither target always runs on a warmer machine.
        const order = round % 2 === 0 ? ['mock', 'prism'] : ['prism', 'mock'];
        for (const who of order) {
          const run = await cannon(targets[who], { connections, durationS });
          runs[who].push(run);
          log(
            `throughput: ${route.name}: round ${round + 1}/${rounds} ${who.padEnd(5)} ` +
              `${Math.round(run.responses / run.durationS)} req/s, errors ${run.errors}, non-2xx ${run.non2xx}`,
          );
        }
      }
      const row = { route, mock: merge(runs.mock), prism: merge(runs.prism) };
      for (const who of ['mock', 'prism']) {
        const m = row[who];
        if (m.errors || m.non2xx || m.timeouts) {
          broken.push(
            `${route.name}: ${who === 'mock' ? 'mock' : 'Prism'} answered with errors under load: ` +
              `${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx (statuses ${JSON.stringify(m.statuses)})`,
          );
        }
      }
      rows.push(row);
    }
    return {
      rows,
      broken,
      mockArgs: '--fixtures none (otherwise CLI defaults: validation on, self-check logging, request logs to /dev/null)',
    };
  } finally {
    await Promise.all([mock.stop(), prismXai.stop(), prismAirweave.stop()]);
  }
}
