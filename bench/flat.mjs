/**
 * Flat: does the mock stay as fast as its store grows? One mock, one xAI key:
 * at each store size (0 → 100,000 collections on that key) a fixed number of
 * `POST /v1/collections` at 50 connections (each adds a collection, so a
 * level's figure covers that size up to that size plus the requests), then
 * `GET /v1/collections?limit=20` on the same key for a few seconds; the store
 * is filled to the next size in between, through the same API.
 */
import { cannon, merge } from './lib/load.mjs';
import { startMock } from './lib/proc.mjs';

/**
 * @typedef {import('./lib/load.mjs').Target} Target
 * @typedef {import('./lib/load.mjs').Merged} Merged
 */

const AUTH = { authorization: 'Bearer xai-bench-flat' };
const CREATE_BODY = JSON.stringify({ collection_name: 'Flat collection', collection_description: 'Created by npm run bench' });

/**
 * The sizes measured: 0, a quarter, a half and all of `collections`.
 * @param {number} collections
 */
export const flatSizes = (collections) => [0, Math.round(collections / 4), Math.round(collections / 2), collections];

/**
 * @param {Pick<import('./run.mjs').Options, 'flatCollections' | 'flatRequests' | 'listDurationS' | 'connections'> & { log: import('./run.mjs').Log }} options
 */
export async function flat({ flatCollections, flatRequests, listDurationS, connections, log }) {
  const mock = await startMock(['--fixtures', 'none', '--processing-ms', '0']);
  /** @type {string[]} */
  const broken = [];
  /** @type {{ size: number, at: number, post: Merged, list: Merged }[]} */
  const levels = [];
  /** @type {Target} */
  const create = { url: `${mock.url}/xai/v1/collections`, method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: CREATE_BODY };
  const list = { url: `${mock.url}/xai/v1/collections?limit=20`, headers: AUTH };
  let stored = 0;
  /**
   * @param {string} what
   * @param {Merged} m
   */
  const check = (what, m) => {
    if (m.errors || m.non2xx || m.timeouts)
      broken.push(`flat: ${what}: ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx (statuses ${JSON.stringify(m.statuses)})`);
  };
  try {
    // A warm-up on another key, so the first level is not the JIT's.
    await cannon({ ...create, headers: { ...create.headers, authorization: 'Bearer xai-bench-flat-warmup' } }, { connections, amount: flatRequests });
    for (const size of flatSizes(flatCollections)) {
      if (size > stored) {
        log(`flat: filling the store to ${size.toLocaleString('en-US')} collections`);
        const fill = await cannon(create, { connections, amount: size - stored });
        check(`filling to ${size}`, merge([fill]));
        stored += fill.responses;
      }
      const posted = merge([await cannon(create, { connections, amount: flatRequests })]);
      check(`POST at ${size}`, posted);
      const at = stored;
      stored += posted.responses;
      const listed = merge([await cannon(list, { connections, durationS: listDurationS })]);
      check(`GET list at ${size}`, listed);
      levels.push({ size, at, post: posted, list: listed });
      log(
        `flat: at ${at.toLocaleString('en-US')} collections: POST ${Math.round(posted.rps)} req/s (p99 ${posted.p99.toFixed(1)} ms), ` +
          `GET list ${Math.round(listed.rps)} req/s (p99 ${listed.p99.toFixed(1)} ms)`,
      );
    }
  } finally {
    await mock.stop();
  }
  return { levels, broken, requests: flatRequests, collections: flatCollections, connections };
}
