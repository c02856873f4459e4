/** The Ctxfy operations that read each table of the saved state (GET /__mock/records/ctxfy). */
import type { RecordViews } from '../../core/records.js';

export const ctxfyRecords: RecordViews = {
  views: [
    { tables: ['spaces'], operationId: 'getSpace', params: { spaceId: 'spaces.id' } },
    // The vendor has no GET of one collection: the space's tree, the collection's node of it.
    { tables: ['collections'], operationId: 'getCollectionTree', params: { spaceId: 'collections.spaceId' }, pick: { field: 'id', equals: 'collections.id' } },
    { tables: ['sources'], operationId: 'getSource', params: { sourceId: 'sources.id' } },
  ],
  auth: (tenant) => ({ tenant, principal: { userId: tenant } }),
};
