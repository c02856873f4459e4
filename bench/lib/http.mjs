/**
 * Plain HTTP for setting up state: a keep-alive agent, JSON and multipart
 * requests, and a pool that runs N requests at a time and accounts for every
 * answer (nothing is retried).
 */
import http from 'node:http';

/**
 * @typedef {object} RequestOptions
 * @property {string} [method]
 * @property {http.OutgoingHttpHeaders} [headers]
 * @property {string | Buffer} [body]
 * @property {http.Agent} [agent]
 * @typedef {{ status: number, headers: http.IncomingHttpHeaders, body: string, bytes: Buffer }} Response
 * @typedef {object} PoolResult
 * @property {number} n
 * @property {number} ok Answered with the expected status.
 * @property {number} failed
 * @property {{ [status: number]: number, error?: number }} byStatus Answers by status; `error`: network errors.
 * @property {string[]} failures The first few.
 * @property {number} ms
 * @property {Float64Array} doneAt
 */

/** @param {number} [maxSockets] */
export function keepAliveAgent(maxSockets = 64) {
  return new http.Agent({ keepAlive: true, maxSockets });
}

/**
 * One request; resolves with `{ status, headers, body, bytes }` (body as text, bytes as received). Network errors reject.
 * @param {string} url
 * @param {RequestOptions} [options]
 * @returns {Promise<Response>}
 */
export function request(url, { method = 'GET', headers = {}, body, agent } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: payload ? { ...headers, 'content-length': payload.length } : headers,
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: /** @type {number} */ (res.statusCode), headers: res.headers, body: bytes.toString('utf8'), bytes });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * A request with a JSON body (when given), answered with `expect`: resolves with the
 * parsed reply, whose type the caller states. Any other status rejects.
 * @param {string} url
 * @param {{ method?: string, headers?: http.OutgoingHttpHeaders, body?: unknown, agent?: http.Agent, expect?: number }} [options]
 * @returns {Promise<unknown>}
 */
export async function json(url, { method = 'GET', headers = {}, body, agent, expect = 200 } = {}) {
  const res = await request(url, {
    method,
    agent,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== expect) throw new Error(`${method} ${url} → ${res.status} (expected ${expect}): ${res.body.slice(0, 500)}`);
  return JSON.parse(res.body);
}

const BOUNDARY = '----collections-mock-bench-7f3a9c';

/**
 * A multipart/form-data body: string fields, then one file.
 * @param {Record<string, string | number>} fields
 * @param {{ field: string, filename: string, contentType: string, content: string }} file
 * @returns {{ body: Buffer, contentType: string }}
 */
export function multipart(fields, file) {
  const parts = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  }
  parts.push(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n${file.content}\r\n`,
  );
  parts.push(`--${BOUNDARY}--\r\n`);
  return { body: Buffer.from(parts.join(''), 'utf8'), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/**
 * Runs `make(i)` for i in [0, n) with at most `concurrency` in flight. `make`
 * returns the request's `{ status, body }`; a status other than `expect`, or a
 * network error, is a failure: counted, the first few kept, never retried.
 * `onProgress(done)` is called now and then. `doneAt` is when each request
 * came back, in ms since the start, in the order they came back (the rate of
 * the first and the last of them tells whether the server slows as it fills).
 * @param {number} n
 * @param {number} concurrency
 * @param {(i: number) => Promise<{ status: number, body: string }>} make
 * @param {{ expect?: number, onProgress?: (done: number) => void }} [options]
 * @returns {Promise<PoolResult>}
 */
export async function pool(n, concurrency, make, { expect = 200, onProgress } = {}) {
  let next = 0;
  let done = 0;
  /** @type {string[]} */
  const failures = [];
  /** @type {PoolResult['byStatus']} */
  const byStatus = {};
  const started = performance.now();
  const doneAt = new Float64Array(n);
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      try {
        const res = await make(i);
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        if (res.status !== expect && failures.length < 5) failures.push(`#${i}: ${res.status} ${res.body.slice(0, 300)}`);
      } catch (err) {
        byStatus.error = (byStatus.error ?? 0) + 1;
        if (failures.length < 5) failures.push(`#${i}: ${/** @type {Error} */ (err).message}`);
      }
      doneAt[done++] = performance.now() - started;
      if (onProgress && done % 5000 === 0) onProgress(done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  const ok = byStatus[expect] ?? 0;
  return { n, ok, failed: n - ok, byStatus, failures, ms: performance.now() - started, doneAt };
}
