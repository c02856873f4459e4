/** The Mixpeek operations that read each table of the saved state (GET /__mock/records/mixpeek), in the record's namespace (X-Namespace). */
import type { RecordViews } from '../../core/records.js';

const ns = { 'x-namespace': 'namespaces.id' } as const;

export const mixpeekRecords: RecordViews = {
  views: [
    { tables: ['namespaces'], operationId: 'getNamespace', params: { namespace_identifier: 'namespaces.id' } },
    { tables: ['namespaces', 'buckets'], operationId: 'getBucket', params: { bucket_identifier: 'buckets.id' }, headers: ns },
    {
      tables: ['namespaces', 'buckets', 'objects'],
      operationId: 'getObject',
      params: { bucket_identifier: 'buckets.id', object_identifier: 'objects.id' },
      headers: ns,
    },
    { tables: ['namespaces', 'collections'], operationId: 'getCollection', params: { collection_identifier: 'collections.id' }, headers: ns },
    {
      tables: ['namespaces', 'collections', 'documents'],
      operationId: 'getDocument',
      params: { collection_identifier: 'collections.id', document_id: 'documents.id' },
      headers: ns,
    },
    { tables: ['namespaces', 'retrievers'], operationId: 'getRetriever', params: { retriever_id: 'retrievers.id' }, headers: ns },
  ],
  auth: (tenant) => ({ tenant, principal: { organization: tenant } }),
};
