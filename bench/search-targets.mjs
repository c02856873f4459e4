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

const XAI_AUTH = { authorization: 'Bearer xai-bench-search' };
/** Small chunks, so that a document of a few pages makes about twenty: tokens as the vendor counts them, with an overlap. */
const XAI_CHUNKING = { max_chunk_size_tokens: 128, chunk_overlap_tokens: 16, encoding_name: 'o200k_base' };

/** Throws with the first failures when a pool of requests did not all answer `expected`. */
function allOk(what, result) {
  if (result.failed) {
    throw new Error(`${what}: ${result.failed} of ${result.n} requests failed (statuses ${JSON.stringify(result.byStatus)}); first: ${result.failures.join(' | ')}`);
  }
}

export const xai = {
  name: 'xAI',
  route: 'POST /v1/documents/search',
  unit: 'chunks',
  mockArgs: ['--fixtures', 'none', '--processing-ms', '0'],
  modes: ['keyword', 'semantic', 'hybrid'],

  async plan({ items }) {
    const plan = await planDocuments({
      chunks: items,
      options: { maxTokens: XAI_CHUNKING.max_chunk_size_tokens, overlapTokens: XAI_CHUNKING.chunk_overlap_tokens, encoding: XAI_CHUNKING.encoding_name, stripWhitespace: true },
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
    const collection = await json(`${url}/xai/v1/collections`, {
      method: 'POST',
      agent,
      headers: XAI_AUTH,
      body: { collection_name: 'Bench search', chunk_configuration: { tokens_configuration: XAI_CHUNKING, strip_whitespace: true } },
    });
    const fileIds = new Array(plan.documents.length);
    const uploaded = await pool(plan.documents.length, concurrency, async (i) => {
      const filename = `bench-${String(i).padStart(6, '0')}.txt`;
      const { body, contentType } = multipart({}, { field: 'file', filename, contentType: 'text/plain', content: plan.documents[i].text });
      const res = await request(`${url}/xai/v1/files`, { method: 'POST', agent, headers: { ...XAI_AUTH, 'content-type': contentType }, body });
      if (res.status === 200) fileIds[i] = JSON.parse(res.body).id;
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
    let token;
    let documents = 0;
    let chunks = 0;
    const other = {};
    do {
      const page = await json(
        `${url}/xai/v1/collections/${stored.collectionId}/documents?limit=100${token ? `&pagination_token=${encodeURIComponent(token)}` : ''}`,
        { headers: XAI_AUTH, agent },
      );
      for (const d of page.documents) {
        documents++;
        if (d.status === 'DOCUMENT_STATUS_PROCESSED') chunks += d.chunk_count;
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

  hits: (body) => JSON.parse(body).matches.length,
};

/** Every route measured, in order. */
export const SEARCH_TARGETS = [xai];
