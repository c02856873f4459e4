import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { xaiClient } from './support/client.js';

describe('smoke', () => {
  const ctx = useServer();
  it('creates and reads a collection', async () => {
    const client = xaiClient(ctx.url);
    const created = await client.POST('/v1/collections', { body: { collection_name: 'smoke' } });
    expect(created.response.status).toBe(200);
    const id = created.data!.collection_id;
    const got = await client.GET('/v1/collections/{collection_id}', { params: { path: { collection_id: id } } });
    expect(got.data?.collection_name).toBe('smoke');
  });
});
