/**
 * xAI document search (POST /v1/documents/search) as state across calls: a
 * document is found exactly once it is PROCESSED; re-indexing, field changes,
 * removal and file or collection deletion show at once; a restart with
 * --persist or a state load gives the same matches, scores and chunk ids;
 * another team never sees a hit; and every bad request gets the vendor's
 * envelope.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer, useServer } from './support/server.js';
import { raw } from './support/client.js';
import { expectXaiError, freshKey, uploadFile } from './support/xai.js';
import type { MockServer } from '../src/server.js';

const PROCESSING_MS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const TEXTS = {
  bees: 'Honeybees live in a hive with one queen, thousands of workers and a few drones. Foragers dance to show where the flowers are.',
  rome: 'Roman engineers built aqueducts that carried water into the city by gravity, across valleys on stone arches.',
  coffee: 'An espresso machine forces hot water through finely ground coffee at nine bar of pressure.',
};

interface Match {
  file_id: string;
  chunk_id: string;
  chunk_content: string;
  score: number;
  collection_ids: string[];
  fields: Record<string, string>;
  page_number: number;
}

/** A team's view of one server: its key and the calls the tests make. */
function team(base: () => string, key = freshKey('search')) {
  const json = (method: string, p: string, body?: unknown) =>
    raw(base(), `/xai${p}`, { key, method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  return {
    key,
    json,
    async collection(body: Record<string, unknown> = {}): Promise<string> {
      const r = await json('POST', '/v1/collections', { collection_name: 'search', ...body });
      expect(r.status, r.text).toBe(200);
      return r.json.collection_id as string;
    },
    async file(name: string, text: string | Uint8Array, type = 'text/plain'): Promise<string> {
      return uploadFile(base(), key, name, text, type);
    },
    async add(collectionId: string, fileId: string, fields?: Record<string, string>): Promise<void> {
      const r = await json('POST', `/v1/collections/${collectionId}/documents/${fileId}`, fields ? { fields } : undefined);
      expect(r.status, r.text).toBe(200);
    },
    async doc(collectionId: string, fileId: string) {
      const r = await json('GET', `/v1/collections/${collectionId}/documents/${fileId}`);
      expect(r.status, r.text).toBe(200);
      return r.json;
    },
    search: (body: Record<string, unknown>) => json('POST', '/v1/documents/search', body),
    async matches(collectionIds: string[], query: string, extra: Record<string, unknown> = {}): Promise<Match[]> {
      const r = await json('POST', '/v1/documents/search', { query, source: { collection_ids: collectionIds }, ...extra });
      expect(r.status, r.text).toBe(200);
      return r.json.matches as Match[];
    },
  };
}
type Team = ReturnType<typeof team>;

/**
 * Waits for a document resumed after a load to be processed: its work takes no
 * time of the mock's clock but runs beside it (a request that starts the work
 * on a manual clock answers only once it is done, a load does not wait).
 */
async function settle(t: Team, collectionId: string, fileIds: string[]): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const statuses = await Promise.all(fileIds.map(async (id) => (await t.doc(collectionId, id)).status));
    if (statuses.every((s) => s !== 'DOCUMENT_STATUS_PROCESSING')) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('documents still PROCESSING');
}

const fileIds = (ms: Match[]) => ms.map((m) => m.file_id);

describe('xAI search', () => {
  const ctx = useServer({ processingMs: PROCESSING_MS });
  const base = () => ctx.url;
  const advance = (ms = PROCESSING_MS) => ctx.server.clock.advance(ms);

  /** A team with one collection holding the three texts, processed. */
  async function corpus(
    fields: Record<keyof typeof TEXTS, Record<string, string>> = {
      bees: { topic: 'nature', year: '2021' },
      rome: { topic: 'history', year: '2019' },
      coffee: { topic: 'food', year: '2024' },
    },
  ) {
    const t = team(base);
    const cid = await t.collection();
    const ids = {} as Record<keyof typeof TEXTS, string>;
    for (const [name, text] of Object.entries(TEXTS) as [keyof typeof TEXTS, string][]) {
      ids[name] = await t.file(`${name}.txt`, text);
      await t.add(cid, ids[name], fields[name]);
    }
    advance();
    return { t, cid, ids };
  }

  describe('the lifecycle', () => {
    it('finds a document only once it is PROCESSED, with real chunk counts', async () => {
      const t = team(base);
      const cid = await t.collection();
      const id = await t.file('bees.txt', TEXTS.bees);
      await t.add(cid, id, { topic: 'nature' });
      expect(await t.matches([cid], 'queen and workers in the hive')).toEqual([]);
      advance(PROCESSING_MS - 1);
      expect((await t.doc(cid, id)).status).toBe('DOCUMENT_STATUS_PROCESSING');
      expect(await t.matches([cid], 'queen and workers in the hive')).toEqual([]);
      advance(1);
      const doc = await t.doc(cid, id);
      expect(doc.status).toBe('DOCUMENT_STATUS_PROCESSED');
      expect(doc.chunk_count).toBe(1);
      expect(doc.chunks_processed_count).toBe('1');
      const [m, ...rest] = await t.matches([cid], 'queen and workers in the hive');
      expect(rest).toEqual([]);
      expect(m).toStrictEqual({
        file_id: id,
        chunk_id: expect.stringMatching(UUID),
        chunk_content: TEXTS.bees,
        score: expect.any(Number),
        collection_ids: [cid],
        fields: { topic: 'nature' },
        page_number: 0,
      });
    });

    it("cuts a document with its collection's chunk configuration: more, smaller chunks, each found on its own", async () => {
      const t = team(base);
      const cid = await t.collection({
        chunk_configuration: { tokens_configuration: { max_chunk_size_tokens: 12, chunk_overlap_tokens: 0 }, strip_whitespace: true },
      });
      const id = await t.file('long.txt', `${TEXTS.bees} ${TEXTS.rome} ${TEXTS.coffee}`);
      await t.add(cid, id);
      advance();
      const doc = await t.doc(cid, id);
      expect(doc.chunk_count).toBeGreaterThan(3);
      const all = await t.matches([cid], 'water', { limit: 100 });
      expect(all).toHaveLength(doc.chunk_count);
      expect(new Set(all.map((m) => m.chunk_id)).size).toBe(doc.chunk_count);
      const [best] = await t.matches([cid], 'aqueducts arches valleys', { retrieval_mode: { type: 'keyword' } });
      expect(best!.chunk_content).toMatch(/aqueducts|arches|valleys/);
      expect(best!.chunk_content.length).toBeLessThan(TEXTS.rome.length + TEXTS.bees.length);
    });

    it('drops a re-indexed document at once and finds it again, with the same chunk ids, once processed', async () => {
      const { t, cid, ids } = await corpus();
      const before = await t.matches([cid], 'espresso pressure');
      expect(fileIds(before)).toContain(ids.coffee);
      const r = await t.json('PATCH', `/v1/collections/${cid}/documents/${ids.coffee}`);
      expect(r.status).toBe(200);
      expect(fileIds(await t.matches([cid], 'espresso pressure'))).not.toContain(ids.coffee);
      advance();
      expect(await t.matches([cid], 'espresso pressure')).toStrictEqual(before);
    });

    it('fails the documents of a collection whose encoding the chunker does not have, saying which it has', async () => {
      const t = team(base);
      const cid = await t.collection({ chunk_configuration: { tokens_configuration: { max_chunk_size_tokens: 100, encoding_name: 'p50k_base' } } });
      const id = await t.file('bees.txt', TEXTS.bees);
      await t.add(cid, id);
      advance();
      expect(await t.doc(cid, id)).toMatchObject({
        status: 'DOCUMENT_STATUS_FAILED',
        error_message: expect.stringMatching(/p50k_base.*o200k_base, cl100k_base/),
      });
      expect(await t.matches([cid], 'hive')).toEqual([]);
    });

    it('processes a type it cannot read with no chunks, and fails undecodable bytes as before: neither is found', async () => {
      const t = team(base);
      const cid = await t.collection();
      const docx = await t.file(
        'notes.docx',
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const bin = await t.file('blob.bin', new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]), 'application/octet-stream');
      await t.add(cid, docx);
      await t.add(cid, bin);
      advance();
      expect(await t.doc(cid, docx)).toMatchObject({ status: 'DOCUMENT_STATUS_PROCESSED', chunk_count: 0, chunks_processed_count: '0', error_message: '' });
      expect(await t.doc(cid, bin)).toMatchObject({ status: 'DOCUMENT_STATUS_FAILED', error_message: expect.stringMatching(/could not be decoded/) });
      expect(await t.matches([cid], 'notes')).toEqual([]);
    });
  });

  describe('filters', () => {
    it("filter the documents' fields by bare key or fields.<key>, numbers as numbers, before ranking", async () => {
      const { t, cid, ids } = await corpus();
      const q = (filter: string) => t.matches([cid], 'water', { filter, limit: 10 }).then((ms) => fileIds(ms).sort());
      expect(await q('topic = "history"')).toEqual([ids.rome]);
      expect(await q('fields.topic = "history"')).toEqual([ids.rome]);
      expect(await q('year > 2020')).toEqual([ids.bees, ids.coffee].sort());
      expect(await q('year:2019..2021 AND topic != "history"')).toEqual([ids.bees]);
      expect(await q('topic = "food" OR topic = "nature"')).toEqual([ids.bees, ids.coffee].sort());
      expect(await q('NOT topic = "food"')).toEqual([ids.bees, ids.rome].sort());
      expect(await q('author = "nobody"')).toEqual([]);
      expect(await q('')).toHaveLength(3);
    });

    it("see a field definition's removal at once", async () => {
      const t = team(base);
      const cid = await t.collection({ field_definitions: [{ key: 'topic' }] });
      const id = await t.file('bees.txt', TEXTS.bees);
      await t.add(cid, id, { topic: 'nature', year: '2021' });
      advance();
      expect(fileIds(await t.matches([cid], 'hive', { filter: 'topic = "nature"' }))).toEqual([id]);
      const r = await t.json('PUT', `/v1/collections/${cid}`, {
        field_definition_updates: [{ field_definition: { key: 'topic' }, operation: 'FIELD_DEFINITION_DELETE' }],
      });
      expect(r.status, r.text).toBe(200);
      expect(await t.matches([cid], 'hive', { filter: 'topic = "nature"' })).toEqual([]);
      const [m] = await t.matches([cid], 'hive');
      expect(m!.fields).toStrictEqual({ year: '2021' });
    });

    it('refuse a filter that does not parse with 400', async () => {
      const { t, cid } = await corpus();
      for (const filter of ['topic = ', 'topic = "x" AND', '(topic = "x"', 'topic ~ 1']) {
        expectXaiError(await t.search({ query: 'water', source: { collection_ids: [cid] }, filter }), 400, /Invalid filter/);
      }
    });
  });

  describe('what leaves', () => {
    it('a removed document, a deleted file and a deleted collection are gone from the results at once', async () => {
      const { t, cid, ids } = await corpus();
      const other = await t.collection();
      await t.add(other, ids.rome);
      advance();
      expect(fileIds(await t.matches([cid], 'water'))).toHaveLength(3);

      expect((await t.json('DELETE', `/v1/collections/${cid}/documents/${ids.bees}`)).status).toBe(200);
      expect(fileIds(await t.matches([cid], 'water')).sort()).toEqual([ids.rome, ids.coffee].sort());

      expect((await t.json('DELETE', `/v1/files/${ids.coffee}`)).status).toBe(200);
      expect(fileIds(await t.matches([cid], 'water'))).toEqual([ids.rome]);

      expect((await t.json('DELETE', `/v1/collections/${cid}`)).status).toBe(200);
      expectXaiError(await t.search({ query: 'water', source: { collection_ids: [cid] } }), 404, new RegExp(cid));
      expectXaiError(await t.search({ query: 'water', source: { collection_ids: [other, cid] } }), 404, new RegExp(cid));
      // The file lives on in the other collection.
      expect(fileIds(await t.matches([other], 'water'))).toEqual([ids.rome]);
    });
  });

  describe('several collections', () => {
    it('searches them together; a file in two of them is one match naming both', async () => {
      const { t, cid, ids } = await corpus();
      const other = await t.collection();
      const extra = await t.file('arches.txt', 'Stone arches carried the Roman roads over rivers.');
      await t.add(other, ids.rome, { topic: 'history' });
      await t.add(other, extra);
      advance();
      const ms = await t.matches([cid, other], 'Roman aqueducts and arches', { limit: 10 });
      expect(fileIds(ms).sort()).toEqual([ids.bees, ids.rome, ids.coffee, extra].sort());
      const rome = ms.filter((m) => m.file_id === ids.rome);
      expect(rome).toHaveLength(1);
      expect(rome[0]!.collection_ids.sort()).toEqual([cid, other].sort());
      expect(ms.find((m) => m.file_id === extra)!.collection_ids).toEqual([other]);
      // A collection named twice is searched once.
      expect(await t.matches([cid, cid], 'water')).toStrictEqual(await t.matches([cid], 'water'));
    });
  });

  describe('retrieval modes and limits', () => {
    it("keyword, semantic and hybrid in both of the vendor's forms, and limit", async () => {
      const { t, cid, ids } = await corpus();
      const forms: Record<string, Record<string, unknown>> = {
        keyword: { retrieval_mode: { type: 'keyword' } },
        keywordProto: { keyword_retrieval: { reranker: { model: 'reranker-default' } } },
        semantic: { retrieval_mode: { type: 'semantic', reranker: null } },
        semanticProto: { semantic_retrieval: {} },
        hybrid: { retrieval_mode: { type: 'hybrid' } },
        hybridProto: { hybrid_retrieval: { search_multiplier: 5, reciprocal_rank_fusion: { k: 10, embedding_weight: 0.3, text_weight: 0.7 } } },
        hybridReranker: { hybrid_retrieval: { reranker_model: { model: 'reranker-default', instructions: 'prefer precise answers' } } },
        inert: {
          instructions: 'be brief',
          ranking_metric: 'RANKING_METRIC_COSINE_SIMILARITY',
          group_by: { keys: ['topic'], aggregate: {} },
          source: { collection_ids: [cid], rag_pipeline: 'es' },
        },
      };
      for (const [name, extra] of Object.entries(forms)) {
        const ms = await t.matches([cid], 'espresso machine', extra);
        expect(ms[0]?.file_id, name).toBe(ids.coffee);
        for (let i = 1; i < ms.length; i++) expect(ms[i - 1]!.score, name).toBeGreaterThanOrEqual(ms[i]!.score);
      }
      expect(await t.matches([cid], 'espresso machine', forms.keyword!)).toStrictEqual(await t.matches([cid], 'espresso machine', forms.keywordProto!));
      expect(await t.matches([cid], 'espresso machine', forms.semantic!)).toStrictEqual(await t.matches([cid], 'espresso machine', forms.semanticProto!));
      // Hybrid without settings, its REST form, and weights of 0 (proto3: unset, so 0.5) are one ranking.
      const hybrid = await t.matches([cid], 'espresso machine');
      expect(await t.matches([cid], 'espresso machine', forms.hybrid!)).toStrictEqual(hybrid);
      expect(
        await t.matches([cid], 'espresso machine', { hybrid_retrieval: { reciprocal_rank_fusion: { embedding_weight: 0, text_weight: 0 } } }),
      ).toStrictEqual(hybrid);
      expect(
        await t.matches([cid], 'espresso machine', { hybrid_retrieval: { reciprocal_rank_fusion: { k: 10, embedding_weight: 0.9, text_weight: 0.1 } } }),
      ).not.toStrictEqual(hybrid);
      // Keyword retrieval finds only what shares a word with the query.
      expect(fileIds(await t.matches([cid], 'espresso machine', forms.keyword!))).toEqual([ids.coffee]);
      expect(await t.matches([cid], 'water', { limit: 2 })).toHaveLength(2);
      expect(await t.matches([cid], 'water', { limit: '1' })).toHaveLength(1);
      expect(await t.matches([cid], 'water', { limit: null })).toHaveLength(3);
    });

    it('defaults to 10 matches', async () => {
      const t = team(base);
      const cid = await t.collection();
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        ids.push(await t.file(`note-${i}.txt`, `Note ${i}: water, light and soil for the garden.`));
        await t.add(cid, ids[i]!);
      }
      advance();
      expect(await t.matches([cid], 'garden')).toHaveLength(10);
      expect(await t.matches([cid], 'garden', { limit: 50 })).toHaveLength(12);
    });

    it('gives the same scores and order on every call', async () => {
      const { t, cid } = await corpus();
      for (const mode of ['keyword', 'semantic', 'hybrid']) {
        const body = { retrieval_mode: { type: mode } };
        expect(await t.matches([cid], 'water under pressure', body)).toStrictEqual(await t.matches([cid], 'water under pressure', body));
      }
    });

    it('takes lowerCamelCase field names, and refuses both spellings of one field', async () => {
      const { t, cid, ids } = await corpus();
      const snake = await t.matches([cid], 'espresso', { hybrid_retrieval: { reciprocal_rank_fusion: { k: 5, text_weight: 0.8 } } });
      const r = await t.json('POST', '/v1/documents/search', {
        query: 'espresso',
        source: { collectionIds: [cid] },
        hybridRetrieval: { reciprocalRankFusion: { k: 5, textWeight: 0.8 } },
      });
      expect(r.status, r.text).toBe(200);
      expect(r.json.matches).toStrictEqual(snake);
      expect(r.json.matches[0].file_id).toBe(ids.coffee);
      const mode = await t.json('POST', '/v1/documents/search', { query: 'espresso', source: { collectionIds: [cid] }, retrievalMode: { type: 'keyword' } });
      expect(fileIds(mode.json.matches)).toEqual([ids.coffee]);
      expectXaiError(
        await t.json('POST', '/v1/documents/search', { query: 'x', source: { collection_ids: [cid], collectionIds: [cid] } }),
        400,
        /collection_ids and collectionIds/,
      );
    });
  });

  describe('teams', () => {
    it('another team never sees a hit: its search of the collection is a 404, and its own searches find only its own', async () => {
      const { cid } = await corpus();
      const other = team(base);
      expectXaiError(await other.search({ query: 'water', source: { collection_ids: [cid] } }), 404, /not found/);
      const own = await other.collection();
      const id = await other.file('own.txt', 'Water for the other team.');
      await other.add(own, id);
      advance();
      expect(fileIds(await other.matches([own], 'water', { limit: 100 }))).toEqual([id]);
      expectXaiError(await other.search({ query: 'water', source: { collection_ids: [own, cid] } }), 404, new RegExp(cid));
    });
  });

  describe('bad requests', () => {
    it("answer in the vendor's envelope, and never search", async () => {
      const { t, cid } = await corpus();
      const src = { collection_ids: [cid] };
      const bad: [unknown, number, RegExp?][] = [
        [{ source: src }, 400, /query/],
        [{ query: '', source: src }, 400, /query/],
        [{ query: '   ', source: src }, 400, /query must not be empty/],
        [{ query: 'x' }, 400, /source/],
        [{ query: 'x', source: {} }, 400, /collection_ids/],
        [{ query: 'x', source: { collection_ids: [] } }, 400, /collection_ids/],
        [{ query: 42, source: src }, 400, /query/],
        [{ query: 'x', source: { collection_ids: 'abc' } }, 400, /collection_ids/],
        [{ query: 'x', source: src, limit: 0 }, 400, /limit/],
        [{ query: 'x', source: src, limit: -3 }, 400, /limit/],
        [{ query: 'x', source: src, limit: 'ten' }, 400, /limit/],
        [{ query: 'x', source: src, limit: '99999999999' }, 400, /limit/],
        [{ query: 'x', source: src, retrieval_mode: { type: 'fuzzy' } }, 400, /type/],
        [{ query: 'x', source: src, retrieval_mode: {} }, 400, /type/],
        [{ query: 'x', source: src, retrieval_mode: { type: 'hybrid' }, keyword_retrieval: {} }, 400, /one retrieval mode/],
        [{ query: 'x', source: src, semantic_retrieval: {}, keyword_retrieval: {} }, 400, /one retrieval mode/],
        [{ query: 'x', source: src, hybrid_retrieval: { search_multiplier: 0 } }, 400, /search_multiplier/],
        [{ query: 'x', source: src, hybrid_retrieval: { search_multiplier: 101 } }, 400, /search_multiplier/],
        [{ query: 'x', source: src, hybrid_retrieval: { reranker_model: {}, reciprocal_rank_fusion: {} } }, 400, /not both/],
        [{ query: 'x', source: src, hybrid_retrieval: { reciprocal_rank_fusion: { text_weight: 1.5 } } }, 400, /text_weight/],
        [{ query: 'x', source: src, hybrid_retrieval: { reciprocal_rank_fusion: { k: -1 } } }, 400, /k/],
        [{ query: 'x', source: src, ranking_metric: 'RANKING_METRIC_HAMMING' }, 400, /ranking_metric/],
        [{ query: 'x', source: src, group_by: { keys: [] } }, 400, /keys/],
        [{ query: 'x', source: { collection_ids: [cid], rag_pipeline: 'faiss' } }, 400, /rag_pipeline/],
        [{ query: 'x', source: src, filter: 42 }, 400, /filter/],
        [{ query: 'x', source: { collection_ids: ['collection_00000000-0000-4000-8000-000000000000'] } }, 404, /not found/],
      ];
      for (const [body, status, message] of bad) {
        const r = await t.search(body as Record<string, unknown>);
        expectXaiError(r, status as 400 | 404, message);
      }
      const notJson = await raw(base(), '/xai/v1/documents/search', {
        key: t.key,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": ',
      });
      expectXaiError(notJson, 400);
      const form = await raw(base(), '/xai/v1/documents/search', { key: t.key, method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'query' });
      expect(form.status).toBe(415);
      expect(form.json).toStrictEqual({ code: 'Client specified an invalid argument', error: expect.stringMatching(/Content-Type/) });
    });

    it('need an API key: none is 401, a management key 403', async () => {
      const { cid } = await corpus();
      const body = JSON.stringify({ query: 'water', source: { collection_ids: [cid] } });
      const headers = { 'content-type': 'application/json' };
      expectXaiError(await raw(base(), '/xai/v1/documents/search', { key: null, method: 'POST', headers, body }), 401);
      expectXaiError(await raw(base(), '/xai/v1/documents/search', { key: 'xai-token-management', method: 'POST', headers, body }), 403, /API key/);
    });
  });

  it('is in the journal as searchDocuments', async () => {
    const { t, cid } = await corpus();
    await t.matches([cid], 'journal me');
    const journal = await (await fetch(`${base()}/__mock/journal?operationId=searchDocuments`)).json();
    expect(JSON.stringify(journal)).toContain('searchDocuments');
  });
});

describe('xAI search after a restart or a state load', () => {
  /** Makes a corpus on `server`, returns what three searches answer. */
  async function fill(server: MockServer, key: string) {
    const t = team(() => server.url, key);
    const cid = await t.collection({
      chunk_configuration: { tokens_configuration: { max_chunk_size_tokens: 10, chunk_overlap_tokens: 2 }, strip_whitespace: true },
    });
    const ids: string[] = [];
    for (const [name, text] of Object.entries(TEXTS)) {
      ids.push(await t.file(`${name}.txt`, text));
      await t.add(cid, ids.at(-1)!, { topic: name });
    }
    server.clock.advance(PROCESSING_MS);
    // One more, still PROCESSING when the state is saved.
    const late = await t.file('late.txt', 'A late document about water mills and river power.');
    await t.add(cid, late, { topic: 'late' });
    return { t, cid, late };
  }
  const QUERIES = [
    { query: 'water pressure', retrieval_mode: { type: 'hybrid' } },
    { query: 'queen', retrieval_mode: { type: 'keyword' } },
    { query: 'arches', retrieval_mode: { type: 'semantic' }, filter: 'topic != "coffee"' },
  ];
  const answers = async (t: Team, cid: string) => Promise.all(QUERIES.map((q) => t.matches([cid], q.query, { ...q, limit: 50 })));

  it('--persist: the same matches, scores and chunk ids after a restart; a document saved PROCESSING is processed again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xai-search-persist-'));
    const file = path.join(dir, 'state.json');
    const key = freshKey('persist');
    let server = await startServer({ persist: file });
    try {
      const { t, cid, late } = await fill(server, key);
      const before = await answers(t, cid);
      expect(before.every((ms) => ms.length > 0)).toBe(true);
      await server.close();
      server = await startServer({ persist: file });
      const again = team(() => server.url, key);
      expect(await answers(again, cid)).toStrictEqual(before);
      expect((await again.doc(cid, late)).status).toBe('DOCUMENT_STATUS_PROCESSING');
      server.clock.advance(PROCESSING_MS);
      await settle(again, cid, [late]);
      expect(fileIds(await again.matches([cid], 'water mills'))).toContain(late);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PUT /__mock/state: the same matches, scores and chunk ids; the saved state holds no index', async () => {
    const key = freshKey('load');
    const first = await startServer();
    const second = await startServer();
    try {
      const { t, cid } = await fill(first, key);
      const before = await answers(t, cid);
      const saved = await (await fetch(`${first.url}/__mock/state`)).text();
      expect(saved).not.toMatch(/vector|chunk_content|"chunks"/);
      const put = await fetch(`${second.url}/__mock/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: saved });
      expect(put.status, await put.text()).toBe(200);
      expect(
        await answers(
          team(() => second.url, key),
          cid,
        ),
      ).toStrictEqual(before);
      // Loading again over live data replaces the indexes too: nothing doubles.
      const again = await fetch(`${second.url}/__mock/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: saved });
      expect(again.status).toBe(200);
      expect(
        await answers(
          team(() => second.url, key),
          cid,
        ),
      ).toStrictEqual(before);
      expect(second.selfCheckFailures).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
