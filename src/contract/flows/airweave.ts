/**
 * Airweave: collection (read, list, update) → a source connection in it
 * (read, list, update, delete) → search it (v2 tiers, the stream, legacy) →
 * delete the collection, with the negative cases around them. `x-api-key`.
 */
import { deleteAndReread, type ProviderFlow } from '../flow.js';

export const airweaveFlow: ProviderFlow = {
  provider: 'airweave',
  credentials: ({ apiKey, prefix }) => ({
    // Against the mock without --api-keys any key is an organisation of its own.
    default: { header: 'x-api-key', value: apiKey ?? `aw-${prefix}`, curl: '$AIRWEAVE_API_KEY' },
  }),
  malformed: { header: 'x-api-key', value: '' },
  // The stand-in for the OAuth consent screen (tag Mock; the spec gives it no x-mock-extension).
  mockOnly: ['authorizeSourceConnection'],

  async run(ctx) {
    const p = ctx.prefix;
    await ctx.call({ step: 'list collections without credentials', operationId: 'listCollections', auth: { none: true }, intent: { kind: 'no_auth' } });
    await ctx.call({ step: 'list collections with an empty key', operationId: 'listCollections', auth: { malformed: true }, intent: { kind: 'bad_auth' } });
    await ctx.call({
      step: 'create collection without a name',
      operationId: 'createCollection',
      json: { readable_id: `${p}-nameless` },
      intent: { kind: 'invalid_input', what: 'name missing' },
    });
    await ctx.call({
      step: 'create collection with a short name',
      operationId: 'createCollection',
      json: { name: 'ab' },
      intent: { kind: 'invalid_input', what: 'name under 4 characters' },
    });
    await ctx.call({
      step: 'create collection with a bad readable_id',
      operationId: 'createCollection',
      json: { name: `${p} bad id`, readable_id: 'Not Valid!' },
      intent: { kind: 'invalid_input', what: 'readable_id breaks its pattern' },
    });

    const readableId = `${p}-collection`;
    await ctx.must({ step: 'create collection', operationId: 'createCollection', json: { name: `${p} collection`.slice(0, 64), readable_id: readableId } });
    const dropCollection = ctx.defer(`collection ${readableId}`, { operationId: 'deleteCollection', path: { readable_id: readableId } });
    await ctx.call({
      step: 'read collection after create',
      operationId: 'getCollection',
      path: { readable_id: readableId },
      intent: { kind: 'read_after_create', createdBy: 'create collection' },
    });
    await ctx.call({
      step: 'read collection without credentials',
      operationId: 'getCollection',
      path: { readable_id: readableId },
      auth: { none: true },
      intent: { kind: 'no_auth' },
    });
    await ctx.call({ step: 'list collections', operationId: 'listCollections' });
    await ctx.must({
      step: 'update collection',
      operationId: 'updateCollection',
      path: { readable_id: readableId },
      json: { name: `${p} renamed`.slice(0, 64) },
    });
    await ctx.call({
      step: 'update collection with a numeric name',
      operationId: 'updateCollection',
      path: { readable_id: readableId },
      json: { name: 1234 },
      intent: { kind: 'invalid_input', what: 'name is a number' },
    });
    await ctx.call({
      step: 'read unknown collection',
      operationId: 'getCollection',
      path: { readable_id: `${p}-never-created` },
      intent: { kind: 'unknown_id' },
    });

    await ctx.call({
      step: 'create source connection without short_name',
      operationId: 'createSourceConnection',
      json: { readable_collection_id: readableId },
      intent: { kind: 'invalid_input', what: 'short_name missing' },
    });
    const connection = (
      await ctx.must({
        step: 'create source connection',
        operationId: 'createSourceConnection',
        json: {
          name: `${p}-conn`.slice(0, 42),
          short_name: 'stripe',
          readable_collection_id: readableId,
          authentication: { credentials: { api_key: 'sk_test_collectionsmockcontract00' } },
          sync_immediately: false,
        },
      })
    ).response.json;
    const id = String(connection.id);
    const dropConnection = ctx.defer(`source connection ${id}`, { operationId: 'deleteSourceConnection', path: { source_connection_id: id } });
    await ctx.call({
      step: 'read source connection after create',
      operationId: 'getSourceConnection',
      path: { source_connection_id: id },
      intent: { kind: 'read_after_create', createdBy: 'create source connection' },
    });
    await ctx.call({ step: 'list source connections', operationId: 'listSourceConnections', query: { collection: readableId } });
    await ctx.must({
      step: 'update source connection',
      operationId: 'updateSourceConnection',
      path: { source_connection_id: id },
      json: { description: 'updated by the contract suite' },
    });
    await ctx.call({
      step: 'update source connection with a long description',
      operationId: 'updateSourceConnection',
      path: { source_connection_id: id },
      json: { description: 'x'.repeat(300) },
      intent: { kind: 'invalid_input', what: 'description over 255 characters' },
    });
    await ctx.call({ step: 'list jobs', operationId: 'getSourceConnectionJobs', path: { source_connection_id: id } });

    // Search: the connection has not synced, so every tier answers an empty list (not an error).
    const searched = { readable_id: readableId };
    await ctx.call({
      step: 'instant search',
      operationId: 'instantSearch',
      path: searched,
      json: { query: 'invoices due this quarter', retrieval_strategy: 'hybrid', limit: 5 },
    });
    await ctx.call({
      step: 'instant search with a filter',
      operationId: 'instantSearch',
      path: searched,
      json: { query: 'invoices', filter: [{ conditions: [{ field: 'airweave_system_metadata.source_name', operator: 'equals', value: 'stripe' }] }] },
    });
    await ctx.call({
      step: 'instant search with a blank query',
      operationId: 'instantSearch',
      path: searched,
      json: { query: '  ' },
      intent: { kind: 'invalid_input', what: 'blank query' },
    });
    await ctx.call({
      step: 'instant search of an unknown collection',
      operationId: 'instantSearch',
      path: { readable_id: `${p}-never-created` },
      json: { query: 'invoices' },
      intent: { kind: 'unknown_id' },
    });
    await ctx.call({ step: 'classic search', operationId: 'classicSearch', path: searched, json: { query: 'invoices due this quarter', limit: 5 } });
    await ctx.call({ step: 'agentic search', operationId: 'agenticSearch', path: searched, json: { query: 'which invoices are overdue', limit: 3 } });
    await ctx.call({ step: 'agentic search, streamed', operationId: 'streamAgenticSearch', path: searched, json: { query: 'which invoices are overdue' } });
    await ctx.call({ step: 'legacy search (GET)', operationId: 'searchCollectionLegacy', path: searched, query: { query: 'invoices', limit: '5' } });
    await ctx.call({
      step: 'legacy search (POST)',
      operationId: 'searchCollection',
      path: searched,
      json: { query: 'invoices', response_type: 'raw', limit: 5 },
    });
    await ctx.call({
      step: 'read unknown source connection',
      operationId: 'getSourceConnection',
      path: { source_connection_id: '00000000-0000-4000-8000-000000000000' },
      intent: { kind: 'unknown_id' },
    });

    // Everything the flow made exists: --fuzz sends its requests here.
    await ctx.checkpoint();
    await deleteAndReread(
      ctx,
      'source connection',
      { delete: 'deleteSourceConnection', read: 'getSourceConnection', path: { source_connection_id: id } },
      dropConnection,
    );
    await deleteAndReread(ctx, 'collection', { delete: 'deleteCollection', read: 'getCollection', path: { readable_id: readableId } }, dropCollection);
  },
};
