/**
 * xAI: collection (read, list, update) → a file through the Files API →
 * attached as a document (read, list, batch get, re-index, remove) → delete
 * the collection and the file, with the negative cases around them.
 *
 * Collections want a management key and the Files API an API key; the mock
 * without --api-keys takes any key for both, so one generated key serves.
 */
import type { ProviderFlow } from '../flow.js';

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
  // The vendor serves files at https://api.x.ai and collections at https://management-api.x.ai.
  onApiHost: (op) => op.path === '/v1/files' || op.path.startsWith('/v1/files/'),

  async run(ctx) {
    const p = ctx.prefix;
    await ctx.call({ step: 'list collections without credentials', operationId: 'listCollections', auth: { none: true }, intent: { kind: 'no_auth' } });
    await ctx.call({ step: 'list collections with a malformed credential', operationId: 'listCollections', auth: { malformed: true }, intent: { kind: 'bad_auth' } });
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
      await ctx.must({ step: 'create collection', operationId: 'createCollection', json: { collection_name: `${p}-collection`, collection_description: 'collections-mock contract suite' } })
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
    await ctx.must({ step: 'update collection', operationId: 'updateCollection', path: { collection_id: collectionId }, json: { collection_description: 'renamed by the contract suite' } });
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
    await ctx.call({ step: 'upload file without the file part', operationId: 'uploadFile', auth: 'files', form: { purpose: 'assistants' }, intent: { kind: 'invalid_input', what: 'file part missing' } });
    const file = (
      await ctx.must({
        step: 'upload file',
        operationId: 'uploadFile',
        auth: 'files',
        form: { file: { filename: `${p}.txt`, type: 'text/plain', content: 'collections-mock contract suite: a short text document.' } },
      })
    ).response.json;
    const fileId = String(file.id);
    const dropFile = ctx.defer(`file ${fileId}`, { operationId: 'deleteFile', path: { file_id: fileId }, auth: 'files' });
    await ctx.call({ step: 'read file after upload', operationId: 'retrieveFile', auth: 'files', path: { file_id: fileId }, intent: { kind: 'read_after_create', createdBy: 'upload file' } });
    await ctx.call({ step: 'list files', operationId: 'listFiles', auth: 'files' });

    const doc = { collection_id: collectionId, file_id: fileId };
    await ctx.must({ step: 'add document', operationId: 'addDocumentToCollection', path: doc, json: { fields: { source: p } } });
    const dropDocument = ctx.defer(`document ${fileId} in ${collectionId}`, { operationId: 'removeDocumentFromCollection', path: doc });
    await ctx.call({ step: 'read document after add', operationId: 'getDocumentMetadata', path: doc, intent: { kind: 'read_after_create', createdBy: 'add document' } });
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

    // Everything the flow made exists: --fuzz sends its requests here.
    await ctx.checkpoint();
    await ctx.must({ step: 'remove document', operationId: 'removeDocumentFromCollection', path: doc });
    dropDocument();
    await ctx.call({ step: 'read document after remove', operationId: 'getDocumentMetadata', path: doc, intent: { kind: 'read_after_delete', deletedBy: 'remove document' } });

    await ctx.must({ step: 'delete collection', operationId: 'deleteCollection', path: { collection_id: collectionId } });
    dropCollection();
    await ctx.call({
      step: 'read collection after delete',
      operationId: 'getCollectionMetadata',
      path: { collection_id: collectionId },
      intent: { kind: 'read_after_delete', deletedBy: 'delete collection' },
    });

    await ctx.must({ step: 'delete file', operationId: 'deleteFile', auth: 'files', path: { file_id: fileId } });
    dropFile();
    await ctx.call({ step: 'read file after delete', operationId: 'retrieveFile', auth: 'files', path: { file_id: fileId }, intent: { kind: 'read_after_delete', deletedBy: 'delete file' } });
  },
};
