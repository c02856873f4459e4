/**
 * autocannon as a library, with latencies kept exactly: autocannon's own
 * histogram rounds to whole milliseconds, so every response time is also
 * recorded here (from its `response` event) and percentiles are computed from
 * those. Several runs of the same target are merged into one figure.
 */
import autocannon from 'autocannon';

/**
 * @typedef {object} Target
 * @property {string} url
 * @property {string} [method]
 * @property {Record<string, string>} [headers]
 * @property {string | Buffer} [body]
 * @property {autocannon.Request[]} [requests]
 * @typedef {object} Run The raw counts of one run.
 * @property {number} responses
 * @property {number} durationS
 * @property {number} errors
 * @property {number} timeouts
 * @property {number} non2xx
 * @property {Record<string, number>} statuses Responses by status.
 * @property {number[]} latencies Every response time, in ms.
 * @typedef {object} Merged
 * @property {number} runs
 * @property {number} responses
 * @property {number} durationS
 * @property {number} rps
 * @property {number} mean Latency, ms.
 * @property {number} p50
 * @property {number} p99
 * @property {number} errors
 * @property {number} timeouts
 * @property {number} non2xx
 * @property {Record<string, number>} statuses
 */

/**
 * One autocannon run. `target` is `{ url, method, headers, body }`, and may
 * add `requests`: `{ method, path, headers, body }` objects sent in turn,
 * one after the other across all connections (every connection starts the
 * list from the top otherwise, so 50 connections would send the same request
 * at once). The run lasts `durationS` seconds, or `amount` requests when given.
 * Resolves with the raw counts of the run.
 * @param {Target} target
 * @param {{ connections: number, durationS?: number, amount?: number }} options
 * @returns {Promise<Run>}
 */
export async function cannon(target, { connections, durationS, amount }) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {Record<string, number>} */
  const statuses = {};
  let next = 0;
  const rotation = target.requests;
  const instance = autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers ?? {},
    body: target.body,
    ...(rotation?.length ? { requests: [{ setupRequest: (req) => ({ ...req, ...rotation[next++ % rotation.length] }) }] } : {}),
    connections,
    pipelining: 1,
    ...(amount ? { amount } : { duration: durationS }),
    // autocannon checks for the end of the run once per sample: 100 ms samples make
    // durations exact to 0.1 s instead of whole seconds.
    sampleInt: 100,
    timeout: 10,
  });
  const started = performance.now();
  let last = started;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    last = performance.now();
  });
  const result = await instance;
  return {
    responses: latencies.length,
    // A run of `amount` requests lasts until its last response: autocannon notices its end only at its next sample (up to 100 ms later), much of a run of a few hundred ms.
    durationS: amount ? (last - started) / 1000 : result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
    latencies,
  };
}

/**
 * @param {Float64Array} sorted
 * @param {number} p
 */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? NaN;
}

/**
 * Merges runs: req/s over their total time, latency percentiles over all their responses.
 * @param {Run[]} runs
 * @returns {Merged}
 */
export function merge(runs) {
  const all = new Float64Array(runs.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const r of runs) {
    all.set(r.latencies, at);
    at += r.latencies.length;
  }
  all.sort();
  /** @type {Record<string, number>} */
  const statuses = {};
  for (const r of runs) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  const durationS = runs.reduce((s, r) => s + r.durationS, 0);
  const responses = runs.reduce((s, r) => s + r.responses, 0);
  return {
    runs: runs.length,
    responses,
    durationS,
    rps: responses / durationS,
    mean: all.length ? all.reduce((a, b) => a + b, 0) / all.length : NaN,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    timeouts: runs.reduce((s, r) => s + r.timeouts, 0),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    statuses,
  };
}
