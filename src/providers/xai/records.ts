/** The xAI operations that read each table of the saved state (GET /__mock/records/xai). */
import type { RecordViews } from '../../core/records.js';

export const xaiRecords: RecordViews = {
  views: [
    { tables: ['collections'], operationId: 'getCollectionMetadata', params: { collection_id: 'collections.id' } },
    { tables: ['collections', 'documents'], operationId: 'getDocumentMetadata', params: { collection_id: 'collections.id', file_id: 'documents.fileId' } },
    { tables: ['files'], operationId: 'retrieveFile', params: { file_id: 'files.id' } },
  ],
  // A caller of the team, as authenticate names it without a key file.
  auth: (tenant) => ({ tenant, principal: { team: tenant, kind: 'api', known: false } }),
};
