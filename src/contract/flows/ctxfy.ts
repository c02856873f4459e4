/**
 * Ctxfy: space → collection → source (read, list, update, delete) → delete
 * the space, with the negative cases around them. Bearer key.
 */
import { deleteAndReread, type ProviderFlow } from '../flow.js';

const uuidLike = (token: (n?: number) => string) => {
  const hex = token(32).replace(/[^0-9a-f]/g, 'a');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const ctxfyFlow: ProviderFlow = {
  provider: 'ctxfy',
  credentials: ({ apiKey, prefix }) => ({
    // Against the mock any token is a fresh, empty user of its own.
    default: { header: 'Authorization', value: `Bearer ${apiKey ?? `ctx-${prefix}`}`, curl: 'Bearer $CTXFY_API_KEY' },
  }),
  malformed: { header: 'Authorization', value: 'Basic Y20tY29udHJhY3Q6bm9wZQ==' },

  async run(ctx) {
    const p = ctx.prefix;
    await ctx.call({ step: 'list spaces without credentials', operationId: 'listSpaces', auth: { none: true }, intent: { kind: 'no_auth' } });
    await ctx.call({ step: 'list spaces with a malformed credential', operationId: 'listSpaces', auth: { malformed: true }, intent: { kind: 'bad_auth' } });
    await ctx.call({
      step: 'create space without credentials',
      operationId: 'createSpace',
      auth: { none: true },
      json: { name: `${p}-unauthorised` },
      intent: { kind: 'no_auth' },
    });
    await ctx.call({
      step: 'create space without a name',
      operationId: 'createSpace',
      json: { description: p },
      intent: { kind: 'invalid_input', what: 'name missing' },
    });
    await ctx.call({
      step: 'create space with a numeric name',
      operationId: 'createSpace',
      json: { name: 42 },
      intent: { kind: 'invalid_input', what: 'name is a number' },
    });
    await ctx.call({
      step: 'create space with malformed JSON',
      operationId: 'createSpace',
      raw: { text: '{"name": ', contentType: 'application/json' },
      intent: { kind: 'invalid_input', what: 'malformed JSON' },
    });

    const space = (
      await ctx.must({ step: 'create space', operationId: 'createSpace', json: { name: `${p}-space`, description: 'collections-mock contract suite' } })
    ).response.json;
    const spaceId = String(space.id);
    const dropSpace = ctx.defer(`space ${spaceId}`, { operationId: 'deleteSpace', path: { spaceId } });

    await ctx.call({
      step: 'read space after create',
      operationId: 'getSpace',
      path: { spaceId },
      intent: { kind: 'read_after_create', createdBy: 'create space' },
    });
    await ctx.call({ step: 'read space without credentials', operationId: 'getSpace', path: { spaceId }, auth: { none: true }, intent: { kind: 'no_auth' } });
    await ctx.call({ step: 'list spaces', operationId: 'listSpaces' });
    await ctx.must({ step: 'update space', operationId: 'updateSpace', path: { spaceId }, json: { name: `${p}-space-renamed` } });
    await ctx.call({
      step: 'update space with a numeric name',
      operationId: 'updateSpace',
      path: { spaceId },
      json: { name: 7 },
      intent: { kind: 'invalid_input', what: 'name is a number' },
    });
    await ctx.call({ step: 'read unknown space', operationId: 'getSpace', path: { spaceId: uuidLike(ctx.token) }, intent: { kind: 'unknown_id' } });

    const collection = (await ctx.must({ step: 'create collection', operationId: 'createCollection', path: { spaceId }, json: { name: `${p}-collection` } }))
      .response.json;
    await ctx.call({
      step: 'read collection tree after create',
      operationId: 'getCollectionTree',
      path: { spaceId },
      intent: { kind: 'read_after_create', createdBy: 'create collection' },
    });
    await ctx.call({
      step: 'create collection without a name',
      operationId: 'createCollection',
      path: { spaceId },
      json: { parentId: null },
      intent: { kind: 'invalid_input', what: 'name missing' },
    });

    await ctx.call({
      step: 'create source with an unknown type',
      operationId: 'createSource',
      path: { spaceId },
      json: { type: 'NOT_A_TYPE', initial_data: { url: 'https://example.com/' }, instructions: {} },
      intent: { kind: 'invalid_input', what: 'type outside the enum' },
    });
    const source = (
      await ctx.must({
        step: 'create source',
        operationId: 'createSource',
        path: { spaceId },
        json: {
          type: 'CONTENT',
          name: `${p}-source`,
          initial_data: { data: 'collections-mock contract suite: a short inline text.' },
          collectionId: collection.id ?? null,
          instructions: {},
        },
      })
    ).response.json;
    const sourceId = String(source.id);
    const dropSource = ctx.defer(`source ${sourceId}`, { operationId: 'deleteSource', path: { sourceId } });
    await ctx.call({
      step: 'read source after create',
      operationId: 'getSource',
      path: { sourceId },
      intent: { kind: 'read_after_create', createdBy: 'create source' },
    });
    await ctx.call({ step: 'list space sources', operationId: 'listSpaceSources', path: { spaceId } });
    await ctx.must({ step: 'update source', operationId: 'updateSource', path: { sourceId }, json: { name: `${p}-source-renamed`, description: 'renamed' } });
    await ctx.call({
      step: 'update source with a numeric name',
      operationId: 'updateSource',
      path: { sourceId },
      json: { name: 5 },
      intent: { kind: 'invalid_input', what: 'name is a number' },
    });
    await ctx.call({ step: 'read unknown source', operationId: 'getSource', path: { sourceId: uuidLike(ctx.token) }, intent: { kind: 'unknown_id' } });
    await ctx.call({
      step: 'read source without credentials',
      operationId: 'getSource',
      path: { sourceId },
      auth: { none: true },
      intent: { kind: 'no_auth' },
    });

    // Everything the flow made exists: --fuzz sends its requests here.
    await ctx.checkpoint();
    await deleteAndReread(ctx, 'source', { delete: 'deleteSource', read: 'getSource', path: { sourceId } }, dropSource);
    await deleteAndReread(ctx, 'space', { delete: 'deleteSpace', read: 'getSpace', path: { spaceId } }, dropSpace);
  },
};
