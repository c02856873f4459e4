/**
 * xAI: collection (read, list, update) → a file through the Files API →
 * attached as a document (read, list, batch get, re-index) → searched once
 * it is processed, where it must be among the matches → removed → delete the
 * collection and the file, with the negative cases around them.
 *
 * Collections want a management key, the Files API and search an API key;
 * the mock without --api-keys takes any key for both, so one generated key
 * serves.
 */
import { deleteAndReread, FlowAborted, type FlowContext, type ProviderFlow } from '../flow.js';

const CONTENT = 'collections-mock contract suite: a short text document.';

/**
 * Polls the document with growing pauses (about 30 s in all) until it is
 * PROCESSED; its last status. A stateless server answers the same example
 * every time: one read.
 */
async function awaitProcessed(ctx: FlowContext, doc: Record<string, string>): Promise<string> {
  const pauses = ctx.stateless ? [0] : [0, 250, 500, 1000, 2000, 4000, 8000, 16000];
  let status = 'unknown';
  for (const [i, pause] of pauses.entries()) {
    if (pause) await ctx.sleep(pause);
    const ex = await ctx.call({ step: `document processing: poll ${i + 1}`, operationId: 'getDocumentMetadata', path: doc });
    status = String((ex.response.json as { status?: unknown } | undefined)?.status ?? `${ex.response.status} ${ex.response.text.slice(0, 80)}`);
    if (status !== 'DOCUMENT_STATUS_PROCESSING') return status;
  }
  return status;
}

export const xaiFlow: ProviderFlow = {
  provider: 'xai',
  credentials: ({ apiKey, managementKey, prefix }) => {
    const api = apiKey ?? `xai-${prefix}`;
    return {
      default: {
        header: 'Authorization',
        value: `Bearer ${managementKey ?? api}`,
        curl: managementKey !== undefined ? 'Bearer $XAI_MANAGEMENT_API_KEY' : 'Bearer $XAI_API_KEY',
      },
      files: { header: 'Authorization', value: `Bearer ${api}`, curl: 'Bearer $XAI_API_KEY' },
    };
  },
  malformed: { header: 'Authorization', value: 'Basic Y20tY29udHJhY3Q6bm9wZQ==' },
  // The vendor serves files and search at https://api.x.ai and collections at https://management-api.x.ai.
  onApiHost: (op) => op.path === '/v1/files' || op.path.startsWith('/v1/files/') || op.path === '/v1/documents/search',

  async run(ctx) {
    const p = ctx.prefix;
    await ctx.call({ step: 'list collections without credentials', operationId: 'listCollections', auth: { none: true }, intent: { kind: 'no_auth' } });
    await ctx.call({
      step: 'list collections with a malformed credential',
      operationId: 'listCollections',
      auth: { malformed: true },
      intent: { kind: 'bad_auth' },
    });
    await ctx.call({ step: 'list files without credentials', operationId: 'listFiles', auth: { none: true }, intent: { kind: 'no_auth' } });
    await ctx.call({
      step: 'create collection without a name',
      operationId: 'createCollection',
      json: { collection_description: p },
      intent: { kind: 'invalid_input', what: 'collection_name missing' },
    });
    await ctx.call({
      step: 'create collection with a numeric name',
      operationId: 'createCollection',
      json: { collection_name: 42 },
      intent: { kind: 'invalid_input', what: 'collection_name is a number' },
    });

    const collection = (
      await ctx.must({
        step: 'create collection',
        operationId: 'createCollection',
        json: { collection_name: `${p}-collection`, collection_description: 'collections-mock contract suite' },
      })
    ).response.json;
    const collectionId = String(collection.collection_id);
    const dropCollection = ctx.defer(`collection ${collectionId}`, { operationId: 'deleteCollection', path: { collection_id: collectionId } });

    await ctx.call({
      step: 'read collection after create',
      operationId: 'getCollectionMetadata',
      path: { collection_id: collectionId },
      intent: { kind: 'read_after_create', createdBy: 'create collection' },
    });
    await ctx.call({
      step: 'read collection without credentials',
      operationId: 'getCollectionMetadata',
      path: { collection_id: collectionId },
      auth: { none: true },
      intent: { kind: 'no_auth' },
    });
    await ctx.call({ step: 'list collections', operationId: 'listCollections' });
    await ctx.must({
      step: 'update collection',
      operationId: 'updateCollection',
      path: { collection_id: collectionId },
      json: { collection_description: 'renamed by the contract suite' },
    });
    await ctx.call({
      step: 'update collection with an empty name',
      operationId: 'updateCollection',
      path: { collection_id: collectionId },
      json: { collection_name: '' },
      intent: { kind: 'invalid_input', what: 'collection_name is empty' },
    });
    await ctx.call({
      step: 'read unknown collection',
      operationId: 'getCollectionMetadata',
      path: { collection_id: `collection_00000000-0000-4000-8000-${ctx.token(12).replace(/[^0-9a-f]/g, '0')}` },
      intent: { kind: 'unknown_id' },
    });

    // A document is a file of the Files API attached to the collection.
    await ctx.call({
      step: 'upload file without the file part',
      operationId: 'uploadFile',
      auth: 'files',
      form: { purpose: 'assistants' },
      intent: { kind: 'invalid_input', what: 'file part missing' },
    });
    const file = (
      await ctx.must({
        step: 'upload file',
        operationId: 'uploadFile',
        auth: 'files',
        form: { file: { filename: `${p}.txt`, type: 'text/plain', content: CONTENT } },
      })
    ).response.json;
    const fileId = String(file.id);
    const dropFile = ctx.defer(`file ${fileId}`, { operationId: 'deleteFile', path: { file_id: fileId }, auth: 'files' });
    await ctx.call({
      step: 'read file after upload',
      operationId: 'retrieveFile',
      auth: 'files',
      path: { file_id: fileId },
      intent: { kind: 'read_after_create', createdBy: 'upload file' },
    });
    await ctx.call({ step: 'list files', operationId: 'listFiles', auth: 'files' });

    const doc = { collection_id: collectionId, file_id: fileId };
    await ctx.must({ step: 'add document', operationId: 'addDocumentToCollection', path: doc, json: { fields: { source: p } } });
    const dropDocument = ctx.defer(`document ${fileId} in ${collectionId}`, { operationId: 'removeDocumentFromCollection', path: doc });
    await ctx.call({
      step: 'read document after add',
      operationId: 'getDocumentMetadata',
      path: doc,
      intent: { kind: 'read_after_create', createdBy: 'add document' },
    });
    await ctx.call({ step: 'list documents', operationId: 'listDocuments', path: { collection_id: collectionId } });
    await ctx.call({ step: 'batch get documents', operationId: 'batchGetDocuments', path: { collection_id: collectionId }, query: { file_ids: fileId } });
    await ctx.call({
      step: 'add document with non-object fields',
      operationId: 'addDocumentToCollection',
      path: doc,
      json: { fields: 'not-an-object' },
      intent: { kind: 'invalid_input', what: 'fields is a string' },
    });
    await ctx.call({ step: 're-index document', operationId: 'reIndexDocument', path: doc });

    // Search (api.x.ai): once the document is processed, its own words find it.
    const status = await awaitProcessed(ctx, doc);
    const search = (query: string, extra: Record<string, unknown> = {}) => ({ query, source: { collection_ids: [collectionId] }, ...extra });
    await ctx.call({
      step: 'search without credentials',
      operationId: 'searchDocuments',
      auth: { none: true },
      json: search('contract suite'),
      intent: { kind: 'no_auth' },
    });
    await ctx.call({
      step: 'search without a query',
      operationId: 'searchDocuments',
      auth: 'files',
      json: { source: { collection_ids: [collectionId] } },
      intent: { kind: 'invalid_input', what: 'query missing' },
    });
    await ctx.call({
      step: 'search with a limit that is not a number',
      operationId: 'searchDocuments',
      auth: 'files',
      json: search('contract suite', { limit: 'ten' }),
      intent: { kind: 'invalid_input', what: 'limit is not a number' },
    });
    await ctx.call({
      step: 'search an unknown collection',
      operationId: 'searchDocuments',
      auth: 'files',
      json: { query: 'contract suite', source: { collection_ids: [`collection_00000000-0000-4000-8000-${ctx.token(12).replace(/[^0-9a-f]/g, '0')}`] } },
      intent: { kind: 'unknown_id' },
    });
    for (const [step, body] of [
      ['search after processing', search('contract suite short text document')],
      [
        'search by keyword with a filter on the document fields',
        search('contract suite document', { retrieval_mode: { type: 'keyword' }, filter: `source = "${p}"` }),
      ],
    ] as const) {
      const ex = await ctx.call({ step, operationId: 'searchDocuments', auth: 'files', json: body });
      if (ctx.stateless) continue;
      if (status !== 'DOCUMENT_STATUS_PROCESSED') {
        throw new FlowAborted(step, 'searchDocuments', 'the added document processed (DOCUMENT_STATUS_PROCESSED) within about 30 s, to search it', status);
      }
      const matches = (ex.response.json as { matches?: { file_id?: unknown }[] } | undefined)?.matches;
      if (ex.response.status !== 200 || !matches?.some((m) => m.file_id === fileId)) {
        throw new FlowAborted(
          step,
          'searchDocuments',
          `the added document ${fileId} among the matches`,
          `${ex.response.status}: ${ex.response.text.slice(0, 200)}`,
        );
      }
    }

    // Everything the flow made exists: --fuzz sends its requests here.
    await ctx.checkpoint();
    await deleteAndReread(ctx, 'document', { verb: 'remove', delete: 'removeDocumentFromCollection', read: 'getDocumentMetadata', path: doc }, dropDocument);
    await deleteAndReread(
      ctx,
      'collection',
      { delete: 'deleteCollection', read: 'getCollectionMetadata', path: { collection_id: collectionId } },
      dropCollection,
    );
    await deleteAndReread(ctx, 'file', { delete: 'deleteFile', read: 'retrieveFile', auth: 'files', path: { file_id: fileId } }, dropFile);
  },
};
