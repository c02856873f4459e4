/**
 * Mixpeek: namespace → bucket → object → collection over the bucket (read,
 * list, update each) → a document written into it → a retriever over the
 * collection (read, list, update, execute, explain, its executions; an
 * ad-hoc run) → delete them in reverse, with the negative cases around them. `Authorization: Bearer`; every call below the namespace names it in
 * `X-Namespace`.
 */
import { deleteAndReread, type FlowContext, type ProviderFlow } from '../flow.js';

/**
 * Polls a task with growing pauses (about 16 s in all); true once it is COMPLETED.
 * A stateless server answers the same example task every time: one poll, judged by conformance.
 */
async function awaitTask(ctx: FlowContext, taskId: string, what: string): Promise<boolean> {
  const pauses = ctx.stateless ? [0] : [0, 250, 500, 1000, 2000, 4000, 8000];
  for (const [i, pause] of pauses.entries()) {
    if (pause) await ctx.sleep(pause);
    const ex = await ctx.call({ step: `${what}: task poll ${i + 1}`, operationId: 'getTask', path: { task_id: taskId } });
    const status = (ex.response.json as { status?: unknown } | undefined)?.status;
    if (status === 'COMPLETED') return true;
    if (ex.response.status !== 200 || status === 'FAILED') return false;
  }
  return false;
}

export const mixpeekFlow: ProviderFlow = {
  provider: 'mixpeek',
  credentials: ({ apiKey, prefix }) => ({
    // Against the mock any non-empty token is an organisation of its own.
    default: { header: 'Authorization', value: `Bearer ${apiKey ?? `sk_${prefix}`}`, curl: 'Bearer $MIXPEEK_API_KEY' },
  }),
  malformed: { header: 'Authorization', value: 'Basic Y20tY29udHJhY3Q6bm9wZQ==' },
  // POST /v1/collections/create: the legacy create path of Mixpeek's earlier (2025) API,
  // gone from the vendor's current API (which creates with POST /v1/collections).
  legacyOnly: ['createCollectionLegacy'],

  async run(ctx) {
    const p = ctx.prefix;
    await ctx.call({ step: 'list namespaces without credentials', operationId: 'listNamespaces', auth: { none: true }, json: {}, intent: { kind: 'no_auth' } });
    await ctx.call({
      step: 'list namespaces with a malformed credential',
      operationId: 'listNamespaces',
      auth: { malformed: true },
      json: {},
      intent: { kind: 'bad_auth' },
    });
    await ctx.call({
      step: 'create namespace without feature extractors',
      operationId: 'createNamespace',
      json: { namespace_name: `${p}-no-extractors` },
      intent: { kind: 'invalid_input', what: 'feature_extractors missing' },
    });

    const namespace = (
      await ctx.must({
        step: 'create namespace',
        operationId: 'createNamespace',
        json: {
          namespace_name: `${p}-ns`,
          description: 'collections-mock contract suite',
          feature_extractors: [{ feature_extractor_name: 'text_extractor', version: 'v1' }],
        },
      })
    ).response.json;
    const nsId = String(namespace.namespace_id ?? namespace.id);
    const dropNamespace = ctx.defer(`namespace ${nsId}`, { operationId: 'deleteNamespace', path: { namespace_identifier: nsId } });
    const ns = { 'X-Namespace': nsId };
    await ctx.call({
      step: 'read namespace after create',
      operationId: 'getNamespace',
      path: { namespace_identifier: nsId },
      intent: { kind: 'read_after_create', createdBy: 'create namespace' },
    });
    await ctx.call({ step: 'list namespaces', operationId: 'listNamespaces', json: {} });
    await ctx.must({
      step: 'update namespace',
      operationId: 'updateNamespace',
      path: { namespace_identifier: nsId },
      json: { description: 'updated by the contract suite' },
    });
    await ctx.call({
      step: 'read unknown namespace',
      operationId: 'getNamespace',
      path: { namespace_identifier: `ns_${ctx.token(10)}` },
      intent: { kind: 'unknown_id' },
    });

    await ctx.call({
      step: 'create bucket without a schema',
      operationId: 'createBucket',
      headers: ns,
      json: { bucket_name: `${p}-schemaless` },
      intent: { kind: 'invalid_input', what: 'bucket_schema missing' },
    });
    const bucket = (
      await ctx.must({
        step: 'create bucket',
        operationId: 'createBucket',
        headers: ns,
        json: { bucket_name: `${p}-bucket`, bucket_schema: { properties: { title: { type: 'string' }, description: { type: 'text' } } } },
      })
    ).response.json;
    const bucketId = String(bucket.bucket_id ?? bucket.id);
    const dropBucket = ctx.defer(`bucket ${bucketId}`, { operationId: 'deleteBucket', path: { bucket_identifier: bucketId }, headers: ns });
    await ctx.call({
      step: 'read bucket after create',
      operationId: 'getBucket',
      path: { bucket_identifier: bucketId },
      headers: ns,
      intent: { kind: 'read_after_create', createdBy: 'create bucket' },
    });
    await ctx.call({
      step: 'read bucket without credentials',
      operationId: 'getBucket',
      path: { bucket_identifier: bucketId },
      headers: ns,
      auth: { none: true },
      intent: { kind: 'no_auth' },
    });
    await ctx.call({ step: 'list buckets', operationId: 'listBuckets', headers: ns, json: {} });
    await ctx.must({
      step: 'update bucket',
      operationId: 'updateBucket',
      path: { bucket_identifier: bucketId },
      headers: ns,
      json: { description: 'updated by the contract suite' },
    });
    await ctx.call({
      step: 'read unknown bucket',
      operationId: 'getBucket',
      path: { bucket_identifier: `bkt_${ctx.token(8)}` },
      headers: ns,
      intent: { kind: 'unknown_id' },
    });

    await ctx.call({
      step: 'create object with a blob of no property',
      operationId: 'createObject',
      path: { bucket_identifier: bucketId },
      headers: ns,
      json: { blobs: [{ type: 'text', data: 'x' }] },
      intent: { kind: 'invalid_input', what: 'blob property missing' },
    });
    const object = (
      await ctx.must({
        step: 'create object',
        operationId: 'createObject',
        path: { bucket_identifier: bucketId },
        headers: ns,
        json: {
          metadata: { run: p },
          blobs: [
            { property: 'title', type: 'string', data: `${p} object` },
            { property: 'description', type: 'text', data: 'collections-mock contract suite: a short text.' },
          ],
        },
      })
    ).response.json;
    const objectId = String(object.object_id ?? object.id);
    const obj = { bucket_identifier: bucketId, object_identifier: objectId };
    const dropObject = ctx.defer(`object ${objectId}`, { operationId: 'deleteObject', path: obj, headers: ns });
    await ctx.call({
      step: 'read object after create',
      operationId: 'getObject',
      path: obj,
      headers: ns,
      intent: { kind: 'read_after_create', createdBy: 'create object' },
    });
    await ctx.call({ step: 'list objects', operationId: 'listObjects', path: { bucket_identifier: bucketId }, headers: ns, json: {} });

    await ctx.call({
      step: 'create collection with a short name',
      operationId: 'createCollection',
      headers: ns,
      json: {
        collection_name: 'ab',
        source: { type: 'bucket', bucket_ids: [bucketId] },
        feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1' },
      },
      intent: { kind: 'invalid_input', what: 'collection_name under 3 characters' },
    });
    const collection = (
      await ctx.must({
        step: 'create collection',
        operationId: 'createCollection',
        headers: ns,
        json: {
          collection_name: `${p}-collection`,
          source: { type: 'bucket', bucket_ids: [bucketId] },
          feature_extractor: { feature_extractor_name: 'text_extractor', version: 'v1', input_mappings: { text: 'description' } },
        },
      })
    ).response.json;
    const collectionId = String(collection.collection_id ?? collection.id);
    const dropCollection = ctx.defer(`collection ${collectionId}`, {
      operationId: 'deleteCollection',
      path: { collection_identifier: collectionId },
      headers: ns,
    });
    const col = { collection_identifier: collectionId };
    await ctx.call({
      step: 'read collection after create',
      operationId: 'getCollection',
      path: col,
      headers: ns,
      intent: { kind: 'read_after_create', createdBy: 'create collection' },
    });
    await ctx.call({ step: 'list collections', operationId: 'listCollections', headers: ns, json: {} });
    await ctx.call({ step: 'list documents', operationId: 'listDocuments', path: col, headers: ns, json: {} });
    await ctx.call({
      step: 'create document without collection_id',
      operationId: 'createDocument',
      path: col,
      headers: ns,
      json: { text: 'no collection id' },
      intent: { kind: 'invalid_input', what: 'collection_id missing' },
    });
    const document = (
      await ctx.must({
        step: 'create document',
        operationId: 'createDocument',
        path: col,
        headers: ns,
        json: { collection_id: collectionId, text: 'collections-mock contract suite: a document written directly.', metadata: { run: p } },
      })
    ).response.json;
    const doc = { ...col, document_id: String(document.document_id ?? document.id) };
    await ctx.call({
      step: 'read document after create',
      operationId: 'getDocument',
      path: doc,
      headers: ns,
      intent: { kind: 'read_after_create', createdBy: 'create document' },
    });
    await ctx.must({ step: 'patch document', operationId: 'patchDocument', path: doc, headers: ns, json: { 'metadata.status': 'reviewed' } });
    await ctx.must({
      step: 'replace document',
      operationId: 'updateDocument',
      path: doc,
      headers: ns,
      json: { text: 'collections-mock contract suite: the document, rewritten.', metadata: { run: p } },
    });
    await ctx.call({ step: 'read document lineage', operationId: 'getDocumentLineage', path: doc, headers: ns });
    await ctx.call({
      step: 'read lineage of an unknown document',
      operationId: 'getDocumentLineage',
      path: { ...col, document_id: `doc_${ctx.token(24)}` },
      headers: ns,
      intent: { kind: 'unknown_id' },
    });
    await ctx.call({ step: 'list documents made from the object', operationId: 'getObjectDocuments', path: { object_id: objectId }, headers: ns });
    await ctx.call({ step: 'list retriever stages', operationId: 'listRetrieverStages' });
    const stages = [
      {
        stage_name: 'search',
        stage_type: 'filter',
        config: {
          stage_id: 'feature_search',
          parameters: {
            searches: [
              { feature_uri: 'mixpeek://text_extractor@v1/multilingual_e5_large_instruct_v1', query: { input_mode: 'text', value: '{{INPUT.query}}' } },
            ],
            final_top_k: 10,
          },
        },
      },
    ];
    await ctx.call({
      step: 'create retriever with an unknown stage',
      operationId: 'createRetriever',
      headers: ns,
      json: {
        retriever_name: `${p}-bad-retriever`,
        collection_identifiers: [collectionId],
        stages: [{ stage_name: 'x', config: { stage_id: `${p}_no_such_stage` } }],
      },
      intent: { kind: 'invalid_input', what: 'stage_id not in the registry' },
    });
    const retriever = (
      await ctx.must({
        step: 'create retriever',
        operationId: 'createRetriever',
        headers: ns,
        json: { retriever_name: `${p}-retriever`, collection_identifiers: [collectionId], input_schema: { query: { type: 'text', required: true } }, stages },
      })
    ).response.json;
    const retrieverId = String(retriever?.retriever?.retriever_id ?? retriever?.retriever_id);
    const ret = { retriever_id: retrieverId };
    const dropRetriever = ctx.defer(`retriever ${retrieverId}`, { operationId: 'deleteRetriever', path: ret, headers: ns });
    await ctx.call({
      step: 'read retriever after create',
      operationId: 'getRetriever',
      path: ret,
      headers: ns,
      intent: { kind: 'read_after_create', createdBy: 'create retriever' },
    });
    await ctx.call({ step: 'list retrievers', operationId: 'listRetrievers', headers: ns, json: {} });
    await ctx.must({ step: 'update retriever', operationId: 'patchRetriever', path: ret, headers: ns, json: { description: 'updated by the contract suite' } });
    await ctx.call({
      step: 'execute retriever without its required input',
      operationId: 'executeRetriever',
      path: ret,
      headers: ns,
      json: { inputs: {} },
      intent: { kind: 'invalid_input', what: 'inputs.query missing' },
    });
    await ctx.must({
      step: 'execute retriever',
      operationId: 'executeRetriever',
      path: ret,
      headers: ns,
      json: { inputs: { query: 'a document written directly' } },
    });
    await ctx.call({ step: 'explain retriever', operationId: 'explainRetriever', path: ret, headers: ns, json: { inputs: { query: 'contract suite' } } });
    await ctx.call({ step: 'list retriever executions', operationId: 'listRetrieverExecutions', path: ret, headers: ns, json: {} });
    await ctx.call({
      step: 'execute an ad-hoc retriever',
      operationId: 'executeAdhocRetriever',
      headers: ns,
      json: { collection_identifiers: [collectionId], input_schema: { query: { type: 'text', required: true } }, stages, inputs: { query: 'contract suite' } },
    });
    await ctx.call({ step: 'list ad-hoc executions', operationId: 'listAdhocExecutions', headers: ns, json: {} });
    await ctx.call({
      step: 'read unknown retriever',
      operationId: 'getRetriever',
      path: { retriever_id: `ret_${ctx.token(16)}` },
      headers: ns,
      intent: { kind: 'unknown_id' },
    });
    await deleteAndReread(ctx, 'retriever', { delete: 'deleteRetriever', read: 'getRetriever', path: ret, headers: ns }, dropRetriever);

    await deleteAndReread(ctx, 'document', { delete: 'deleteDocument', read: 'getDocument', path: doc, headers: ns });
    await ctx.must({
      step: 'update collection',
      operationId: 'updateCollection',
      path: col,
      headers: ns,
      json: { description: 'updated by the contract suite' },
    });
    await ctx.call({
      step: 'update collection with a numeric name',
      operationId: 'updateCollection',
      path: col,
      headers: ns,
      json: { collection_name: 12345 },
      intent: { kind: 'invalid_input', what: 'collection_name is a number' },
    });

    // Everything the flow made exists: --fuzz sends its requests here.
    await ctx.checkpoint();
    await deleteAndReread(ctx, 'collection', { delete: 'deleteCollection', read: 'getCollection', path: col, headers: ns }, dropCollection);
    await deleteAndReread(ctx, 'object', { delete: 'deleteObject', read: 'getObject', path: obj, headers: ns }, dropObject);

    // A bucket's delete is a task: the bucket reads as IN_PROGRESS until it completes, then 404.
    const receipt = (await ctx.must({ step: 'delete bucket', operationId: 'deleteBucket', path: { bucket_identifier: bucketId }, headers: ns })).response.json;
    dropBucket();
    const done = typeof receipt?.task_id === 'string' ? await awaitTask(ctx, receipt.task_id, 'delete bucket') : true;
    await ctx.call({
      step: 'read bucket after delete',
      operationId: 'getBucket',
      path: { bucket_identifier: bucketId },
      headers: ns,
      // Only once the task is done must the bucket be gone; before, a read is judged by conformance alone.
      intent: done ? { kind: 'read_after_delete', deletedBy: 'delete bucket' } : { kind: 'normal' },
    });

    await deleteAndReread(ctx, 'namespace', { delete: 'deleteNamespace', read: 'getNamespace', path: { namespace_identifier: nsId } }, dropNamespace);
  },
};
