/**
 * Scale: resident memory of the mock after loading many documents into one
 * xAI collection, and many collections across many tenants, all through the
 * mock's own HTTP API; and the latency of a document list page at 1,000 vs
 * many documents.
 *
 * xAI indexes a text document for search as it turns PROCESSED. The
 * documents' own memory (the store: records and files) is measured apart
 * from their search index, which has figures of its own: the documents are
 * loaded once as Word files, which the mock stores without reading (no
 * chunks), and once, in another process, as the same text, indexed.
 */
import { json, keepAliveAgent, multipart, pool, request } from './lib/http.mjs';
import { cannon, merge } from './lib/load.mjs';
import { rssAfterGc, settledRss, startMeasuredMock } from './lib/memory.mjs';

/**
 * @typedef {import('../dist/generated/xai.js').components['schemas']} Xai
 * @typedef {import('./lib/load.mjs').Run} Run
 * @typedef {import('./lib/load.mjs').Merged} Merged
 * @typedef {import('./lib/http.mjs').PoolResult & { counted?: number, unexpected?: number }} LoadResult
 *   `counted`: the documents the collection reports; `unexpected`: how many of the first page are not as intended.
 * @typedef {{ n: number, p50: number, p99: number }} Timings
 * @typedef {{ window: number, first: number, last: number }} Rates
 * @typedef {{ ms: number, perS: number, failed: number }} Load
 * @typedef {object} ScaleFigures Bytes for RSS, ms for times.
 * @property {number} documents
 * @property {number} collections
 * @property {number} tenants
 * @property {number} concurrency
 * @property {string} listQuery
 * @property {number} small Documents in the small collection.
 * @property {number} baseRss
 * @property {Load & { rates: Rates | undefined }} docsLoad
 * @property {number} docsRss
 * @property {number} docsRssGc
 * @property {Merged} [listSmall]
 * @property {Merged} [listBig]
 * @property {Timings} [afterWriteSmall]
 * @property {Timings} [afterWriteBig]
 * @property {number} indexedBaseRss
 * @property {Load} [indexedLoad]
 * @property {number} indexedRss
 * @property {number} indexedRssGc
 * @property {Load} collectionsLoad
 * @property {number} collectionsBaseRss
 * @property {number} collectionsRss
 * @property {number} collectionsRssGc
 */

const MOCK_ARGS = ['--fixtures', 'none', '--processing-ms', '0'];
const AUTH = { authorization: 'Bearer xai-bench-scale' };
export const LIST_QUERY = 'limit=20';
const SMALL = 1000;

/**
 * How a document's file is sent: `stored` as a Word file, which the mock keeps
 * and lists but does not read (PROCESSED with no chunks, in no search index);
 * `indexed` as plain text, which it extracts, chunks, embeds and indexes.
 * The bytes are the same.
 */
const KINDS = {
  stored: { extension: 'doc', contentType: 'application/msword', chunks: 0 },
  indexed: { extension: 'txt', contentType: 'text/plain', chunks: 1 },
};

/**
 * @param {string} name
 * @param {keyof KINDS} kind
 * @param {string} content
 */
const documentFile = (name, kind, content) => ({ field: 'data', filename: name, contentType: KINDS[kind].contentType, content });

/**
 * Adds `n` documents to a collection, one request each: the collection upload
 * endpoint (POST /v1/collections/{id}/documents, multipart `name` + `data`) is
 * the one call that both stores the file and adds it.
 * @param {string} base
 * @param {string} collectionId
 * @param {number} n
 * @param {{ concurrency: number, agent: import('node:http').Agent, prefix: string, kind: keyof KINDS, log: import('./run.mjs').Log }} options
 */
async function loadDocuments(base, collectionId, n, { concurrency, agent, prefix, kind, log }) {
  const url = `${base}/xai/v1/collections/${collectionId}/documents`;
  /** @type {LoadResult} */
  const result = await pool(
    n,
    concurrency,
    (i) => {
      const name = `${prefix}-${String(i).padStart(6, '0')}.${KINDS[kind].extension}`;
      const { body, contentType } = multipart({ name }, documentFile(name, kind, `Bench document ${i}. Quarterly revenue was $${i} million.\n`));
      return request(url, { method: 'POST', agent, headers: { ...AUTH, 'content-type': contentType }, body });
    },
    { onProgress: (done) => log(`scale: ${prefix}: ${done}/${n} documents`) },
  );
  const collection = /** @type {Xai['CollectionMetadata']} */ (await json(`${base}/xai/v1/collections/${collectionId}`, { headers: AUTH, agent }));
  result.counted = Number(collection.documents_count);
  // The first page shows whether the documents were indexed as intended (a Word reader in the mock would change what is measured).
  const page = /** @type {Xai['ListDocumentsResponse']} */ (
    await json(`${base}/xai/v1/collections/${collectionId}/documents?limit=20`, { headers: AUTH, agent })
  );
  result.unexpected = page.documents.filter((d) => d.status !== 'DOCUMENT_STATUS_PROCESSED' || d.chunk_count !== KINDS[kind].chunks).length;
  return result;
}

/**
 * @param {string} what
 * @param {LoadResult} result
 * @param {number} [expected] Documents the collection should report.
 */
function loadProblems(what, result, expected) {
  /** @type {string[]} */
  const problems = [];
  if (result.failed) {
    problems.push(
      `${what}: ${result.failed} of ${result.n} requests failed (statuses ${JSON.stringify(result.byStatus)}); first: ${result.failures.join(' | ')}`,
    );
  }
  if (result.counted !== undefined && result.counted !== expected) {
    problems.push(`${what}: the collection reports ${result.counted} documents, expected ${expected}`);
  }
  if (result.unexpected) problems.push(`${what}: ${result.unexpected} of the first 20 documents are not PROCESSED with the chunks expected`);
  return problems;
}

/**
 * p50 and p99 of sequential timings, in ms.
 * @param {number[]} values
 * @returns {Timings}
 */
function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  /** @param {number} p */
  const at = (p) => (sorted.length ? (sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? NaN) : NaN);
  return { n: sorted.length, p50: at(50), p99: at(99) };
}

/** The scale section's mock: CLI flags as documented, plus a SIGUSR2 → gc() hook for rssAfterGc. */
const startScaleMock = () => startMeasuredMock(MOCK_ARGS);

/**
 * Requests per second over the first and the last `window` requests of a load
 * (from when the one before the window came back to when its last did).
 * @param {Float64Array} doneAt
 * @param {number} window
 * @returns {Rates | undefined}
 */
function windowRates(doneAt, window) {
  const n = doneAt.length;
  const w = Math.min(window, Math.floor(n / 2));
  if (w < 1) return undefined;
  /** @param {number} i */
  const at = (i) => /** @type {number} */ (doneAt[i]);
  const first = w / (at(w - 1) / 1000);
  const last = w / ((at(n - 1) - at(n - 1 - w)) / 1000);
  return { window: w, first, last };
}

/**
 * @param {Pick<
 *   import('./run.mjs').Options,
 *   | 'documents' | 'documentsWindow' | 'collections' | 'tenants' | 'concurrency' | 'settleMs'
 *   | 'listDurationS' | 'listWarmupS' | 'listRounds' | 'afterWriteIterations' | 'afterWriteBudgetMs'
 * > & { log: import('./run.mjs').Log }} options
 */
export async function scale({
  documents,
  documentsWindow,
  collections,
  tenants,
  concurrency,
  listDurationS,
  listWarmupS,
  listRounds,
  afterWriteIterations,
  afterWriteBudgetMs,
  settleMs,
  log,
}) {
  /** @type {string[]} */
  const broken = [];
  // The rest of the figures are added as they are measured.
  const out = /** @type {ScaleFigures} */ ({ documents, collections, tenants, concurrency, listQuery: LIST_QUERY, small: SMALL });

  // 1. Documents in one collection, and the list latency at SMALL vs `documents`.
  {
    const mock = await startScaleMock();
    const agent = keepAliveAgent(concurrency);
    try {
      out.baseRss = await settledRss(mock.pid, settleMs);
      const big = /** @type {Xai['CollectionMetadata']} */ (
        await json(`${mock.url}/xai/v1/collections`, { method: 'POST', headers: AUTH, agent, body: { collection_name: 'Bench big' } })
      );
      log(`scale: loading ${documents} documents into one collection (${concurrency} at a time), stored without a search index`);
      const loaded = await loadDocuments(mock.url, big.collection_id, documents, { concurrency, agent, prefix: 'big', kind: 'stored', log });
      broken.push(...loadProblems(`loading ${documents} documents`, loaded, documents));
      out.docsLoad = { ms: loaded.ms, perS: documents / (loaded.ms / 1000), failed: loaded.failed, rates: windowRates(loaded.doneAt, documentsWindow) };
      out.docsRss = await settledRss(mock.pid, settleMs);
      out.docsRssGc = await rssAfterGc(mock, settleMs);
      log(
        `scale: ${documents} documents in ${(loaded.ms / 1000).toFixed(1)} s; RSS ${(out.docsRss / 1e6).toFixed(1)} MB, ${(out.docsRssGc / 1e6).toFixed(1)} MB after gc`,
      );

      const small = /** @type {Xai['CollectionMetadata']} */ (
        await json(`${mock.url}/xai/v1/collections`, { method: 'POST', headers: AUTH, agent, body: { collection_name: 'Bench small' } })
      );
      const smallLoaded = await loadDocuments(mock.url, small.collection_id, SMALL, { concurrency, agent, prefix: 'small', kind: 'stored', log });
      broken.push(...loadProblems(`loading ${SMALL} documents`, smallLoaded, SMALL));

      // One connection: the latency is the server's time for the page, with no queueing.
      /** @type {(id: string) => import('./lib/load.mjs').Target} */
      const target = (id) => ({ url: `${mock.url}/xai/v1/collections/${id}/documents?${LIST_QUERY}`, headers: AUTH });
      const targets = { small: target(small.collection_id), big: target(big.collection_id) };
      for (const [who, t] of Object.entries(targets)) {
        const res = await request(t.url, { headers: t.headers, agent });
        /** @type {Xai['ListDocumentsResponse'] | null} */
        const page = res.status === 200 ? JSON.parse(res.body) : null;
        if (!page || !Array.isArray(page.documents) || page.documents.length !== 20) {
          broken.push(`list ${who}: GET ${t.url} → ${res.status} ${res.body.slice(0, 300)}`);
        }
      }
      /** @type {{ small: Run[], big: Run[] }} */
      const runs = { small: [], big: [] };
      if (!broken.length) {
        log(`scale: list latency, warm-up ${listWarmupS} s each`);
        await cannon(targets.small, { connections: 1, durationS: listWarmupS });
        await cannon(targets.big, { connections: 1, durationS: listWarmupS });
        for (let round = 0; round < listRounds; round++) {
          /** @type {('small' | 'big')[]} */
          const order = round % 2 === 0 ? ['small', 'big'] : ['big', 'small'];
          for (const who of order) runs[who].push(await cannon(targets[who], { connections: 1, durationS: listDurationS }));
        }
        const listSmall = (out.listSmall = merge(runs.small));
        const listBig = (out.listBig = merge(runs.big));
        for (const [who, m] of /** @type {const} */ ([
          ['small', listSmall],
          ['big', listBig],
        ])) {
          if (m.errors || m.non2xx || m.timeouts) broken.push(`list ${who}: ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx`);
        }
        log(`scale: list p50 ${listSmall.p50.toFixed(2)} ms at ${SMALL}, ${listBig.p50.toFixed(2)} ms at ${documents}`);

        // The same page right after a write to the collection (a client adds a document, then shows the list):
        // a store that keeps its order only between writes pays for it here.
        const ids = { small: small.collection_id, big: big.collection_id };
        /** @type {{ small: number[], big: number[] }} */
        const after = { small: [], big: [] };
        const started = performance.now();
        for (let i = 0; i < afterWriteIterations; i++) {
          for (const who of /** @type {('small' | 'big')[]} */ (i % 2 === 0 ? ['small', 'big'] : ['big', 'small'])) {
            const name = `after-write-${who}-${String(i).padStart(4, '0')}.${KINDS.stored.extension}`;
            const { body, contentType } = multipart({ name }, documentFile(name, 'stored', `Written before a list, ${i}.\n`));
            const added = await request(`${mock.url}/xai/v1/collections/${ids[who]}/documents`, {
              method: 'POST',
              agent,
              headers: { ...AUTH, 'content-type': contentType },
              body,
            });
            if (added.status !== 200) {
              broken.push(`list after a write (${who}): the write → ${added.status} ${added.body.slice(0, 300)}`);
              break;
            }
            const t = performance.now();
            const res = await request(targets[who].url, { headers: AUTH, agent });
            after[who].push(performance.now() - t);
            if (res.status !== 200) {
              broken.push(`list after a write (${who}): → ${res.status} ${res.body.slice(0, 300)}`);
              break;
            }
          }
          // Bounded in time: a slow store must not turn the benchmark into an hour.
          if (broken.length || (i >= 9 && performance.now() - started > afterWriteBudgetMs)) break;
        }
        const afterWriteSmall = (out.afterWriteSmall = summarize(after.small));
        const afterWriteBig = (out.afterWriteBig = summarize(after.big));
        log(
          `scale: list after a write p50 ${afterWriteSmall.p50.toFixed(2)} ms at ${SMALL}, ` +
            `${afterWriteBig.p50.toFixed(2)} ms at ${documents} (${after.big.length} writes each)`,
        );
      }
    } finally {
      agent.destroy();
      await mock.stop();
    }
  }

  // 2. The same documents as text, in a process of their own: each is indexed for search (one chunk), and the
  // difference to the stored documents' RSS is their search index, with what indexing loads (the tokenizer's tables).
  {
    const mock = await startScaleMock();
    const agent = keepAliveAgent(concurrency);
    try {
      out.indexedBaseRss = await settledRss(mock.pid, settleMs);
      const c = /** @type {Xai['CollectionMetadata']} */ (
        await json(`${mock.url}/xai/v1/collections`, { method: 'POST', headers: AUTH, agent, body: { collection_name: 'Bench indexed' } })
      );
      log(`scale: loading ${documents} text documents into one collection, indexed for search`);
      const loaded = await loadDocuments(mock.url, c.collection_id, documents, { concurrency, agent, prefix: 'indexed', kind: 'indexed', log });
      broken.push(...loadProblems(`loading ${documents} text documents`, loaded, documents));
      out.indexedLoad = { ms: loaded.ms, perS: documents / (loaded.ms / 1000), failed: loaded.failed };
      out.indexedRss = await settledRss(mock.pid, settleMs);
      out.indexedRssGc = await rssAfterGc(mock, settleMs);
      log(
        `scale: ${documents} indexed documents in ${(loaded.ms / 1000).toFixed(1)} s; RSS ${(out.indexedRss / 1e6).toFixed(1)} MB, ${(out.indexedRssGc / 1e6).toFixed(1)} MB after gc`,
      );
    } finally {
      agent.destroy();
      await mock.stop();
    }
  }

  // 3. Collections across tenants (without --api-keys every key is its own tenant).
  {
    const mock = await startScaleMock();
    const agent = keepAliveAgent(concurrency);
    try {
      const base = await settledRss(mock.pid, settleMs);
      log(`scale: creating ${collections} collections across ${tenants} tenants`);
      const created = await pool(collections, concurrency, (i) =>
        request(`${mock.url}/xai/v1/collections`, {
          method: 'POST',
          agent,
          headers: { authorization: `Bearer xai-bench-tenant-${String(i % tenants).padStart(3, '0')}`, 'content-type': 'application/json' },
          body: JSON.stringify({ collection_name: `Tenant collection ${i}` }),
        }),
      );
      broken.push(...loadProblems(`creating ${collections} collections`, created));
      // Every tenant lists exactly its share.
      const perTenant = Math.floor(collections / tenants);
      for (const t of [0, tenants - 1]) {
        const key = `xai-bench-tenant-${String(t).padStart(3, '0')}`;
        let count = 0;
        /** @type {string | undefined} */
        let token;
        do {
          const page = /** @type {Xai['ListCollectionsResponse']} */ (
            await json(`${mock.url}/xai/v1/collections?limit=100${token ? `&pagination_token=${encodeURIComponent(token)}` : ''}`, {
              headers: { authorization: `Bearer ${key}` },
              agent,
            })
          );
          count += page.collections.length;
          token = page.pagination_token;
        } while (token);
        const expected = perTenant + (t < collections % tenants ? 1 : 0);
        if (count !== expected) broken.push(`tenant ${key} lists ${count} collections, expected ${expected}`);
      }
      out.collectionsLoad = { ms: created.ms, perS: collections / (created.ms / 1000), failed: created.failed };
      out.collectionsBaseRss = base;
      out.collectionsRss = await settledRss(mock.pid, settleMs);
      out.collectionsRssGc = await rssAfterGc(mock, settleMs);
      log(
        `scale: ${collections} collections in ${(created.ms / 1000).toFixed(1)} s; RSS ${(out.collectionsRss / 1e6).toFixed(1)} MB, ${(out.collectionsRssGc / 1e6).toFixed(1)} MB after gc`,
      );
    } finally {
      agent.destroy();
      await mock.stop();
    }
  }
  return { ...out, broken };
}
