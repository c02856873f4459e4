/**
 * The search routes that bench/search-http.mjs measures over HTTP, one entry
 * per vendor. Each says how to put `items` searchable things into a fresh
 * mock through the vendor's own API, and what a search request of each mode
 * looks like; the runner times, measures and reports the same way for all.
 *
 * An entry:
 *
 *   name, route       how the report names it ("xAI", "POST /v1/documents/search")
 *   unit              what `items` counts ("chunks")
 *   mockArgs          flags for `collections-mock serve`
 *   modes             the retrieval modes timed, by the names the report uses
 *   storeStep         how the report names the store step: { label, rate? } (rate: what
 *                     it counts a second, e.g. "files")
 *   holds             what the server holds once built (the memory figure's parts)
 *   plan({ items })   client-side preparation (no server yet): the data to load
 *   store(ctx)        puts the data at rest on the server (uploads); not timed
 *   build(ctx)        makes it searchable; timed from its start until every item
 *                     is searchable, so it resolves only then
 *   verify(ctx)       throws unless exactly `items` items are searchable
 *   request(ctx, mode, query)  one search: { method, path, headers, body }
 *   hits(body)        how many results a reply's body holds
 *
 * `ctx` carries `url` (the mock), `plan`, `agent` (keep-alive), `concurrency`,
 * `log`, and whatever `store` returned as `stored`.
 */
import { json, multipart, pool, request } from './lib/http.mjs';
import { planDocuments } from './lib/documents.mjs';
import { generateCorpus } from './lib/corpus.mjs';

/**
 * @typedef {import('../dist/generated/xai.js').components['schemas']} Xai
 * @typedef {import('../dist/generated/airweave.js').components['schemas']} Airweave
 * @typedef {import('../dist/generated/mixpeek.js').components['schemas']} Mixpeek
 * @typedef {import('../dist/generated/admin.js').components['schemas']} Admin
 * @typedef {'keyword' | 'semantic' | 'hybrid'} Mode
 * @typedef {object} Plan
 * @property {{ text: string }[]} documents What is uploaded or written, one a request.
 * @property {import('./lib/corpus.mjs').Chunk[]} paragraphs The text the queries are drawn from.
 * @property {() => string} draw A word of the vocabulary, by its law.
 * @property {string} describe The data, for the report.
 * @typedef {object} Context
 * @property {string} url The mock.
 * @property {Plan} plan
 * @property {import('node:http').Agent} agent Keep-alive.
 * @property {number} concurrency
 * @property {number} items
 * @property {import('./run.mjs').Log} log
 * @typedef {{ method: string, path: string, headers: Record<string, string>, body: string }} SearchCall
 */

/**
 * An entry (see above). `S` is what its `store` returns, handed to the steps after it as `ctx.stored`.
 * @template S
 * @typedef {{
 *   name: string,
 *   route: string,
 *   unit: string,
 *   storeStep: { label: string, rate?: string },
 *   holds: string,
 *   mockArgs: string[],
 *   modes: Mode[],
 *   plan(options: { items: number }): Plan | Promise<Plan>,
 *   store(ctx: Context): Promise<S>,
 *   build(ctx: Context & { stored: S }): Promise<void>,
 *   verify(ctx: Context & { stored: S }): Promise<void>,
 *   request(ctx: { stored: S }, mode: Mode, query: string): SearchCall,
 *   hits(body: string): number,
 * }} SearchTarget
 */

const XAI_AUTH = { authorization: 'Bearer xai-bench-search' };
/** Small chunks, so that a document of a few pages makes about twenty: tokens as the vendor counts them, with an overlap. */
const XAI_CHUNKING = { max_chunk_size_tokens: 128, chunk_overlap_tokens: 16, encoding_name: 'o200k_base' };

/**
 * Throws with the first failures when a pool of requests did not all answer `expected`.
 * @param {string} what
 * @param {import('./lib/http.mjs').PoolResult} result
 */
function allOk(what, result) {
  if (result.failed) {
    throw new Error(
      `${what}: ${result.failed} of ${result.n} requests failed (statuses ${JSON.stringify(result.byStatus)}); first: ${result.failures.join(' | ')}`,
    );
  }
}

/** @type {SearchTarget<{ collectionId: string, fileIds: string[] }>} */
export const xai = {
  name: 'xAI',
  route: 'POST /v1/documents/search',
  unit: 'chunks',
  storeStep: { label: 'Upload', rate: 'files' },
  holds: "the stored files, the documents, chunk texts and ids, vectors, postings, the tokenizer's tables",
  mockArgs: ['--fixtures', 'none', '--processing-ms', '0'],
  modes: ['keyword', 'semantic', 'hybrid'],

  async plan({ items }) {
    const plan = await planDocuments({
      chunks: items,
      options: {
        maxTokens: XAI_CHUNKING.max_chunk_size_tokens,
        overlapTokens: XAI_CHUNKING.chunk_overlap_tokens,
        encoding: XAI_CHUNKING.encoding_name,
        stripWhitespace: true,
      },
      // About 17 paragraphs of ~130 tokens make about 20 chunks of 112 new tokens each.
      paragraphsPerDocument: [12, 22],
    });
    return {
      ...plan,
      describe:
        `${plan.documents.length.toLocaleString('en-US')} text files (${(plan.documents.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6).toFixed(1)} MB, ` +
        `${(items / plan.documents.length).toFixed(1)} chunks a document) in one collection, \`chunk_configuration\` ` +
        `${XAI_CHUNKING.max_chunk_size_tokens} tokens with ${XAI_CHUNKING.chunk_overlap_tokens} of overlap (${XAI_CHUNKING.encoding_name})`,
    };
  },

  /** Creates the collection and uploads every file through the Files API (POST /v1/files). */
  async store({ url, plan, agent, concurrency }) {
    const collection = /** @type {Xai['CollectionMetadata']} */ (
      await json(`${url}/xai/v1/collections`, {
        method: 'POST',
        agent,
        headers: XAI_AUTH,
        body: { collection_name: 'Bench search', chunk_configuration: { tokens_configuration: XAI_CHUNKING, strip_whitespace: true } },
      })
    );
    /** @type {string[]} */
    const fileIds = new Array(plan.documents.length);
    const uploaded = await pool(plan.documents.length, concurrency, async (i) => {
      const filename = `bench-${String(i).padStart(6, '0')}.txt`;
      const { text } = /** @type {{ text: string }} */ (plan.documents[i]);
      const { body, contentType } = multipart({}, { field: 'file', filename, contentType: 'text/plain', content: text });
      const res = await request(`${url}/xai/v1/files`, { method: 'POST', agent, headers: { ...XAI_AUTH, 'content-type': contentType }, body });
      if (res.status === 200) fileIds[i] = /** @type {Xai['File']} */ (JSON.parse(res.body)).id;
      return res;
    });
    allOk('uploading the files', uploaded);
    return { collectionId: collection.collection_id, fileIds };
  },

  /**
   * Adds every file as a document. With --processing-ms 0 an add answers once
   * its document is extracted, chunked, embedded and indexed (PROCESSED), so
   * the last answer marks the end of the build; verify checks it.
   */
  async build({ url, stored, agent, concurrency }) {
    const added = await pool(stored.fileIds.length, concurrency, (i) =>
      request(`${url}/xai/v1/collections/${stored.collectionId}/documents/${stored.fileIds[i]}`, {
        method: 'POST',
        agent,
        headers: { ...XAI_AUTH, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    allOk('adding the documents', added);
  },

  async verify({ url, stored, agent, items }) {
    /** @type {string | undefined} */
    let token;
    let documents = 0;
    let chunks = 0;
    /** @type {Record<string, number>} */
    const other = {};
    do {
      const page = /** @type {Xai['ListDocumentsResponse']} */ (
        await json(`${url}/xai/v1/collections/${stored.collectionId}/documents?limit=100${token ? `&pagination_token=${encodeURIComponent(token)}` : ''}`, {
          headers: XAI_AUTH,
          agent,
        })
      );
      for (const d of page.documents) {
        documents++;
        // A PROCESSED document has its chunk count.
        if (d.status === 'DOCUMENT_STATUS_PROCESSED') chunks += /** @type {number} */ (d.chunk_count);
        else other[d.status] = (other[d.status] ?? 0) + 1;
      }
      token = page.pagination_token;
    } while (token);
    if (Object.keys(other).length) throw new Error(`after the build, documents not PROCESSED: ${JSON.stringify(other)}`);
    if (documents !== stored.fileIds.length || chunks !== items) {
      throw new Error(`after the build, ${documents} documents with ${chunks} chunks; expected ${stored.fileIds.length} with ${items}`);
    }
  },

  request({ stored }, mode, query) {
    return {
      method: 'POST',
      path: '/xai/v1/documents/search',
      headers: { ...XAI_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ query, source: { collection_ids: [stored.collectionId] }, retrieval_mode: { type: mode }, limit: 10 }),
    };
  },

  hits: (body) => /** @type {Xai['SearchResponse']} */ (JSON.parse(body)).matches.length,
};

/**
 * `items` paragraphs of corpus text (45 to 150 words each), one searchable
 * item each: an Airweave entity or a Mixpeek document. The queries are drawn
 * from them as for xAI.
 * @param {number} items
 * @param {string} what
 * @returns {Plan}
 */
function planParagraphs(items, what) {
  const corpus = generateCorpus({ count: items, chunksPerDocument: [1, 1] });
  return {
    documents: corpus.chunks,
    paragraphs: corpus.chunks,
    draw: corpus.draw,
    describe: `${items.toLocaleString('en-US')} ${what} of one paragraph each (45 to 150 words, ${(corpus.chunks.reduce((n, c) => n + Buffer.byteLength(c.text), 0) / 1e6).toFixed(1)} MB) in one collection`,
  };
}

/**
 * Sends `items` in batches of `size`, `concurrency` batches at a time; throws unless every batch answered 200.
 * @param {string} what
 * @param {number} items
 * @param {number} size
 * @param {number} concurrency
 * @param {(from: number, to: number) => Promise<import('./lib/http.mjs').Response>} send
 */
async function inBatches(what, items, size, concurrency, send) {
  const batches = Math.ceil(items / size);
  allOk(what, await pool(batches, concurrency, (b) => send(b * size, Math.min(items, (b + 1) * size))));
}

const AIRWEAVE_AUTH = { 'x-api-key': 'aw-bench-search' };

/** @type {SearchTarget<{ readableId: string }>} */
export const airweave = {
  name: 'Airweave',
  route: 'POST /collections/{readable_id}/search/instant',
  unit: 'entities',
  storeStep: { label: 'Collection created' },
  holds: "the entities, chunk texts and ids, vectors, postings, the tokenizer's tables",
  mockArgs: ['--fixtures', 'none', '--processing-ms', '0'],
  modes: ['keyword', 'semantic', 'hybrid'],

  plan: ({ items }) => planParagraphs(items, 'entities'),

  /** A collection; its entities come in the build. */
  async store({ url, agent }) {
    const collection = /** @type {Airweave['Collection']} */ (
      await json(`${url}/airweave/collections`, { method: 'POST', agent, headers: AIRWEAVE_AUTH, body: { name: 'Bench search' } })
    );
    return { readableId: collection.readable_id };
  },

  /**
   * Loads the entities through the admin API (a collection's entities
   * otherwise come from a source's sync), 1,000 a request; each reply comes
   * once its entities are chunked, embedded and indexed.
   */
  async build({ url, plan, stored, agent, concurrency }) {
    await inBatches('loading the entities', plan.paragraphs.length, 1000, Math.min(concurrency, 4), (from, to) =>
      request(`${url}/__mock/airweave/collections/${stored.readableId}/entities`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          entities: plan.paragraphs.slice(from, to).map((p, i) => ({
            entity_id: `bench-${from + i}`,
            name: `Page ${from + i}`,
            entity_type: 'NotionPageEntity',
            source_name: 'notion',
            content: p.text,
          })),
        }),
      }),
    );
  },

  async verify({ url, stored, agent, items }) {
    const counts = /** @type {Admin['AirweaveEntitiesSummary']} */ (await json(`${url}/__mock/airweave/collections/${stored.readableId}/entities`, { agent }));
    if (counts.loaded !== items || counts.chunks < items)
      throw new Error(`after the build, ${counts.loaded} entities in ${counts.chunks} chunks; expected ${items} entities`);
  },

  request({ stored }, mode, query) {
    return {
      method: 'POST',
      path: `/airweave/collections/${stored.readableId}/search/instant`,
      headers: { ...AIRWEAVE_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ query, retrieval_strategy: mode, limit: 10 }),
    };
  },

  hits: (body) => /** @type {Airweave['SearchResponse']} */ (JSON.parse(body)).results.length,
};

const MIXPEEK_AUTH = { authorization: 'Bearer sk_bench_search', 'x-namespace': 'bench' };
const MIXPEEK_URI = {
  semantic: 'mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1',
  keyword: 'mixpeek://text_extractor@v1/bm25_sparse',
};

/** @type {SearchTarget<{ collectionId: string, retrievers: Partial<Record<Mode, string>> }>} */
export const mixpeek = {
  name: 'Mixpeek',
  route: 'POST /v1/retrievers/{retriever_id}/execute',
  unit: 'documents',
  storeStep: { label: 'Namespace, bucket, collection and retrievers created' },
  holds: 'the documents, their texts and ids, vectors, postings',
  mockArgs: ['--fixtures', 'none', '--processing-ms', '0'],
  modes: ['keyword', 'semantic', 'hybrid'],

  plan: ({ items }) => planParagraphs(items, 'documents'),

  /** A namespace with the text extractor, a bucket, a text collection, and one saved retriever per mode (a feature search, top 10). */
  async store({ url, agent }) {
    /**
     * @param {string} path
     * @param {unknown} body
     * @param {Record<string, string>} [headers]
     */
    const call = (path, body, headers = MIXPEEK_AUTH) => json(`${url}/mixpeek${path}`, { method: 'POST', agent, headers, body });
    await call(
      '/v1/namespaces',
      { namespace_name: 'bench', feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }] },
      { authorization: MIXPEEK_AUTH.authorization },
    );
    const bucket = /** @type {Mixpeek['BucketResponse']} */ (
      await call('/v1/buckets', { bucket_name: 'pages', bucket_schema: { properties: { body: { type: 'text' } } } })
    );
    const collection = /** @type {Mixpeek['CollectionResponse']} */ (
      await call('/v1/collections', {
        collection_name: 'pages',
        source: { type: 'bucket', bucket_ids: [bucket.bucket_id] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', input_mappings: { text: 'body' } },
      })
    );
    /** @type {Partial<Record<Mode, string>>} */
    const retrievers = {};
    for (const mode of this.modes) {
      const searches = mode === 'hybrid' ? [MIXPEEK_URI.semantic, MIXPEEK_URI.keyword] : [MIXPEEK_URI[mode]];
      const { retriever } = /** @type {Mixpeek['CreateRetrieverResponse']} */ (
        await call('/v1/retrievers', {
          retriever_name: `bench-${mode}`,
          collection_identifiers: [collection.collection_id],
          input_schema: { query: { type: 'text', required: true } },
          stages: [
            {
              stage_name: 'search',
              config: {
                stage_id: 'feature_search',
                parameters: { searches: searches.map((feature_uri) => ({ feature_uri, query: '{{INPUT.query}}' })), final_top_k: 10 },
              },
            },
          ],
        })
      );
      retrievers[mode] = retriever.retriever_id;
    }
    // A created collection has its id.
    return { collectionId: /** @type {string} */ (collection.collection_id), retrievers };
  },

  /** Writes every document through the documents API (its text embedded and indexed before each reply). */
  async build({ url, plan, stored, agent, concurrency }) {
    const added = await pool(plan.paragraphs.length, concurrency, (i) =>
      request(`${url}/mixpeek/v1/collections/${stored.collectionId}/documents`, {
        method: 'POST',
        agent,
        headers: { ...MIXPEEK_AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ collection_id: stored.collectionId, text: /** @type {{ text: string }} */ (plan.paragraphs[i]).text, page: i }),
      }),
    );
    allOk('writing the documents', added);
  },

  async verify({ url, stored, agent, items }) {
    const collection = /** @type {Mixpeek['CollectionResponse']} */ (
      await json(`${url}/mixpeek/v1/collections/${stored.collectionId}`, { agent, headers: MIXPEEK_AUTH })
    );
    if (collection.document_count !== items) throw new Error(`after the build, ${collection.document_count} documents; expected ${items}`);
  },

  request({ stored }, mode, query) {
    return {
      method: 'POST',
      path: `/mixpeek/v1/retrievers/${stored.retrievers[mode]}/execute`,
      headers: { ...MIXPEEK_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: { query } }),
    };
  },

  hits: (body) => /** @type {Mixpeek['ExecuteRetrieverResponse']} */ (JSON.parse(body)).documents.length,
};

/**
 * Every route measured, in order.
 * @type {SearchTarget<unknown>[]}
 */
export const SEARCH_TARGETS = [xai, airweave, mixpeek];
