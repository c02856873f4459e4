/** The Airweave operations that read each table of the saved state (GET /__mock/records/airweave); entities are read only through search. */
import type { RecordViews } from '../../core/records.js';

export const airweaveRecords: RecordViews = {
  views: [
    { tables: ['collections'], operationId: 'getCollection', params: { readable_id: 'collections.readableId' } },
    { tables: ['connections'], operationId: 'getSourceConnection', params: { source_connection_id: 'connections.id' } },
    // The vendor has no GET of one job: the connection's job list, the job's item of it.
    {
      tables: ['jobs'],
      operationId: 'getSourceConnectionJobs',
      params: { source_connection_id: 'jobs.connectionId' },
      pick: { field: 'id', equals: 'jobs.id' },
    },
  ],
  auth: (tenant) => ({ tenant, principal: { organization: tenant } }),
};
