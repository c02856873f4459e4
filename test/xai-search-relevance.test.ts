/**
 * xAI search on a small real corpus (test/corpus: a dozen short documents on
 * distinct topics, one a three-page PDF), with the queries of
 * test/corpus/queries.json run in each retrieval mode:
 * - keyword retrieval ranks the expected document first for every keyword query;
 * - semantic retrieval finds (ranks first) at least three documents keyword
 *   retrieval misses (inflections and partial words no document contains);
 * - hybrid retrieval is never worse than both other modes on a query, and its
 *   mean reciprocal rank over the whole set is at least that of each;
 * - the best chunk of a PDF query starts on the page its words are on.
 * The mean reciprocal rank of each mode is printed (docs/providers/xai.md
 * quotes it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { raw } from './support/client.js';
import { freshKey, uploadFile } from './support/xai.js';

const CORPUS = path.join(import.meta.dirname, 'corpus');
const PROCESSING_MS = 1000;
const MODES = ['keyword', 'semantic', 'hybrid'] as const;
type Mode = (typeof MODES)[number];

interface Query {
  query: string;
  expect: string;
  page?: number;
}
const queries = JSON.parse(readFileSync(path.join(CORPUS, 'queries.json'), 'utf8')) as { keyword: Query[]; semantic: Query[] };
const all = [...queries.keyword.map((q) => ({ ...q, kind: 'keyword' as const })), ...queries.semantic.map((q) => ({ ...q, kind: 'semantic' as const }))];

const TYPES: Record<string, string> = { '.txt': 'text/plain', '.md': 'text/markdown', '.pdf': 'application/pdf' };

interface Match {
  file_id: string;
  chunk_id: string;
  chunk_content: string;
  score: number;
  page_number: number;
}

describe('xAI search relevance on a small corpus', () => {
  const ctx = useServer({ processingMs: PROCESSING_MS });
  const key = freshKey('relevance');
  let collectionId = '';
  const fileOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  /** Per query and mode: the rank of the expected document among the distinct files matched (0 when absent), and the best match. */
  const results = new Map<string, Record<Mode, { rank: number; top?: Match }>>();

  async function search(query: string, mode: Mode): Promise<Match[]> {
    const res = await raw(ctx.url, '/xai/v1/documents/search', {
      key,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, source: { collection_ids: [collectionId] }, limit: 20, retrieval_mode: { type: mode } }),
    });
    expect(res.status, res.text).toBe(200);
    return res.json.matches as Match[];
  }

  beforeAll(async () => {
    const created = await raw(ctx.url, '/xai/v1/collections', {
      key,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Small chunks, so the PDF's pages are chunks of their own and longer documents several chunks.
      body: JSON.stringify({
        collection_name: 'Corpus',
        chunk_configuration: { tokens_configuration: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 10 }, strip_whitespace: true },
      }),
    });
    expect(created.status, created.text).toBe(200);
    collectionId = created.json.collection_id;
    for (const name of readdirSync(CORPUS)
      .filter((n) => TYPES[path.extname(n)])
      .sort()) {
      const id = await uploadFile(ctx.url, key, name, readFileSync(path.join(CORPUS, name)), TYPES[path.extname(name)]);
      fileOf.set(name, id);
      nameOf.set(id, name);
      const added = await raw(ctx.url, `/xai/v1/collections/${collectionId}/documents/${id}`, {
        key,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { format: path.extname(name).slice(1) } }),
      });
      expect(added.status, added.text).toBe(200);
    }
    ctx.server.clock.advance(PROCESSING_MS);
    for (const [name, id] of fileOf) {
      const doc = await raw(ctx.url, `/xai/v1/collections/${collectionId}/documents/${id}`, { key });
      expect(doc.json.status, `${name}: ${doc.json.error_message}`).toBe('DOCUMENT_STATUS_PROCESSED');
      expect(doc.json.chunk_count, name).toBeGreaterThan(0);
    }
    for (const q of all) {
      const row = {} as Record<Mode, { rank: number; top?: Match }>;
      for (const mode of MODES) {
        const matches = await search(q.query, mode);
        const files = [...new Set(matches.map((m) => m.file_id))];
        const at = files.indexOf(fileOf.get(q.expect)!);
        row[mode] = { rank: at + 1, ...(matches[0] ? { top: matches[0] } : {}) };
      }
      results.set(q.query, row);
    }
    const line = (label: string, set: typeof all) => `MRR ${label.padEnd(19)} ${MODES.map((m) => `${m} ${mrr(m, set).toFixed(3)}`).join('  ')}`;
    const lines = all.map((q) => {
      const r = results.get(q.query)!;
      return `${q.kind.padEnd(8)} ${JSON.stringify(q.query).padEnd(42)} ${MODES.map((m) => String(r[m].rank || '-').padStart(3)).join('  ')}   ${q.expect}`;
    });
    console.log(
      [
        `xAI search relevance, ${fileOf.size} documents, ${all.length} queries (rank of the expected document: keyword, semantic, hybrid)`,
        ...lines,
        line(`all ${all.length} queries`, all),
        line(
          `${queries.keyword.length} keyword queries`,
          all.filter((q) => q.kind === 'keyword'),
        ),
        line(
          `${queries.semantic.length} semantic queries`,
          all.filter((q) => q.kind === 'semantic'),
        ),
      ].join('\n'),
    );
  });

  const rr = (rank: number): number => (rank ? 1 / rank : 0);
  const mrr = (mode: Mode, set = all): number => set.reduce((n, q) => n + rr(results.get(q.query)![mode].rank), 0) / set.length;

  it('has at least 15 keyword queries and a document per topic', () => {
    expect(queries.keyword.length).toBeGreaterThanOrEqual(15);
    expect(fileOf.size).toBeGreaterThanOrEqual(12);
    for (const q of all) expect(fileOf.has(q.expect), q.expect).toBe(true);
  });

  it.each(queries.keyword)('keyword retrieval ranks the expected document first: $query', (q) => {
    expect(results.get(q.query)!.keyword.rank).toBe(1);
  });

  it('semantic retrieval finds at least three documents keyword retrieval misses', () => {
    const found = queries.semantic.filter((q) => results.get(q.query)!.semantic.rank === 1 && results.get(q.query)!.keyword.rank === 0);
    expect(found.map((q) => q.query).length, JSON.stringify(queries.semantic.map((q) => [q.query, results.get(q.query)]))).toBeGreaterThanOrEqual(3);
  });

  it.each(all)('hybrid retrieval is never worse than both other modes: $query', (q) => {
    const r = results.get(q.query)!;
    expect(rr(r.hybrid.rank)).toBeGreaterThanOrEqual(Math.min(rr(r.keyword.rank), rr(r.semantic.rank)));
  });

  it('hybrid retrieval has the best mean reciprocal rank over the whole set', () => {
    expect(mrr('hybrid')).toBeGreaterThanOrEqual(mrr('keyword'));
    expect(mrr('hybrid')).toBeGreaterThanOrEqual(mrr('semantic'));
  });

  it.each(queries.keyword.filter((q) => q.page !== undefined))('the best chunk of a PDF query starts on its page: $query', (q) => {
    for (const mode of ['keyword', 'hybrid'] as const) {
      const top = results.get(q.query)![mode].top!;
      expect(nameOf.get(top.file_id)).toBe(q.expect);
      expect(top.page_number, `${mode}: ${top.chunk_content}`).toBe(q.page);
    }
  });

  it("scores come highest first, in each mode's range, and single-page documents have page_number 0", async () => {
    for (const mode of MODES) {
      const matches = await search('water and light', mode);
      expect(matches.length).toBeGreaterThan(0);
      for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
      for (const m of matches) if (nameOf.get(m.file_id) !== 'espresso-guide.pdf') expect(m.page_number).toBe(0);
      // Cosines as the vendor documents them, in [0, 1]; fused scores at most Σ weight / (k + 1).
      if (mode === 'semantic') for (const m of matches) expect(m.score >= 0 && m.score <= 1, String(m.score)).toBe(true);
      if (mode === 'hybrid') for (const m of matches) expect(m.score).toBeLessThanOrEqual(1 / 61 + 1e-12);
    }
  });
});
