/**
 * xAI processing and search with an embedder that fails (a model server that
 * is down): the document turns FAILED with the embedder's message, a document
 * loaded PROCESSED whose file can no longer be embedded turns FAILED too (the
 * index and the store never disagree), and a search that needs the query
 * embedded is a 500 in the vendor's envelope while keyword search still works.
 */
import { describe, expect, it } from 'vitest';
import { testEnv } from './support/server.js';
import { Table } from '../src/core/store.js';
import { MockError } from '../src/core/errors.js';
import type { Embedder } from '../src/core/retrieval/types.js';
import {
  addDocument,
  createXaiState,
  DEFAULT_CHUNK_CONFIGURATION,
  newDocument,
  rebuildIndex,
  startIndexing,
  type CollectionRecord,
  type DocumentRecord,
  type XaiState,
} from '../src/providers/xai/model.js';
import { indexOf } from '../src/providers/xai/retrieval.js';
import { searchDocuments } from '../src/providers/xai/search.js';

const failing: Embedder = {
  id: 'failing',
  dimension: 8,
  embed: async () => {
    throw new Error('The embeddings server at http://127.0.0.1:9/embeddings answered 503 Service Unavailable.');
  },
};

function setup(embedder?: Embedder): { state: XaiState; collection: CollectionRecord; add(text: string): DocumentRecord } {
  const state = createXaiState({ ...testEnv(), ...(embedder ? { embedder } : {}) });
  const collection: CollectionRecord = {
    id: 'collection_00000000-0000-4000-8000-000000000001',
    name: 'c',
    createdAt: 0,
    modelName: 'grok-embedding-small',
    chunkConfiguration: DEFAULT_CHUNK_CONFIGURATION,
    fieldDefinitions: [],
    documents: new Table<DocumentRecord>('fileId'),
  };
  state.collections.insert(collection);
  let n = 0;
  return {
    state,
    collection,
    add(text) {
      const id = `file_00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
      state.files.insert({ id, filename: `${n}.txt`, data: Buffer.from(text), contentType: 'text/plain', createdAt: 0, expiresAt: null, hash: '0'.repeat(64) });
      const doc = newDocument(id, {});
      addDocument(state, collection, doc);
      return doc;
    },
  };
}

/** The processing work takes no time on the mock's clock (processingMs 0 here), but is asynchronous: wait until it has settled the document. */
async function processed(doc: DocumentRecord): Promise<void> {
  for (let i = 0; i < 1000 && doc.status === 'DOCUMENT_STATUS_PROCESSING'; i++) await new Promise((r) => setTimeout(r, 5));
}

describe('xAI with a failing embedder', () => {
  it("fails a document with the embedder's message, and keeps it out of the index", async () => {
    const { state, collection, add } = setup(failing);
    const doc = add('Water under pressure.');
    startIndexing(state, collection, doc);
    await processed(doc);
    expect(doc.status).toBe('DOCUMENT_STATUS_FAILED');
    expect(doc.errorMessage).toBe('The embeddings server at http://127.0.0.1:9/embeddings answered 503 Service Unavailable.');
    expect(doc.lastIndexedAt).toBeNull();
    expect(indexOf(state, collection).index?.has(doc.fileId) ?? false).toBe(false);
  });

  it('fails a document loaded PROCESSED that can no longer be embedded', async () => {
    const { state, collection, add } = setup(failing);
    const doc = add('Water under pressure.');
    Object.assign(doc, { status: 'DOCUMENT_STATUS_PROCESSED', chunkCount: 1, chunksProcessed: 1, lastIndexedAt: 1 });
    rebuildIndex(state, collection, doc);
    await Promise.all(indexOf(state, collection).rebuilding);
    expect(doc.status).toBe('DOCUMENT_STATUS_FAILED');
    expect(doc.errorMessage).toMatch(/answered 503/);
    expect(indexOf(state, collection).index?.has(doc.fileId) ?? false).toBe(false);
  });

  it('answers a search that needs the query embedded with 500, and a keyword search as usual', async () => {
    const { state, collection, add } = setup();
    const doc = add('Water under pressure.');
    startIndexing(state, collection, doc);
    await processed(doc);
    expect(doc.status).toBe('DOCUMENT_STATUS_PROCESSED');
    state.env = { ...state.env, embedder: failing };
    const body = { query: 'water', source: { collection_ids: [collection.id] } };
    const err = await searchDocuments(state, body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MockError);
    expect(err).toMatchObject({ kind: 'internal', message: expect.stringMatching(/^The query could not be embedded: .*503/) });
    const keyword = await searchDocuments(state, { ...body, retrieval_mode: { type: 'keyword' } });
    expect(keyword.matches.map((m) => m.file_id)).toEqual([doc.fileId]);
  });
});
