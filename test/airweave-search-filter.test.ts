/**
 * Airweave's filters, each operator on each kind of field, over entities of
 * known fields (loaded through the admin API, plus a synced GitHub source for
 * the sync ids): v2's FilterGroup (instant search) and legacy search's
 * Qdrant-style filter, both evaluated by the core condition tree before
 * ranking. Semantic search ranks every chunk, so a filter's result is exactly
 * the chunks it keeps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { awRaw } from './support/airweave.js';

type Json = any;

const KEY = `aw-filter-${Math.random().toString(36).slice(2, 8)}`;

/** Long enough for two chunks (chunk_index 0 and 1). */
const LONG = Array.from({ length: 30 }, (_, i) => `Section ${i + 1} of the data retention handbook explains how long each kind of record is kept.`).join(' ');

const ENTITIES = [
  {
    entity_id: 'e1',
    name: 'Alpha report',
    source_name: 'notion',
    entity_type: 'NotionPageEntity',
    content: 'Quarterly alpha report.',
    created_at: '2024-01-10T09:00:00Z',
    updated_at: '2024-06-01T09:00:00Z',
    breadcrumbs: [
      { entity_id: 'ws', name: 'Acme', entity_type: 'NotionWorkspaceEntity' },
      { entity_id: 'db-eng', name: 'Engineering', entity_type: 'NotionDatabaseEntity' },
    ],
    raw_source_fields: { status: 'Published', pages: 4, tags: ['q1', 'finance'], owner: null },
  },
  {
    entity_id: 'e2',
    name: 'Beta notes',
    source_name: 'notion',
    entity_type: 'NotionPageEntity',
    content: 'Notes from the beta program.',
    created_at: '2025-02-01T09:00:00Z',
    updated_at: '2025-03-01T09:00:00Z',
    breadcrumbs: [
      { entity_id: 'ws', name: 'Acme', entity_type: 'NotionWorkspaceEntity' },
      { entity_id: 'db-mkt', name: 'Marketing', entity_type: 'NotionDatabaseEntity' },
    ],
    raw_source_fields: { status: 'Draft', pages: 12, tags: [] },
  },
  {
    entity_id: 'e3',
    name: 'Gamma ticket',
    source_name: 'jira',
    entity_type: 'JiraIssueEntity',
    content: 'A ticket about gamma rays.',
    created_at: '2025-03-15T00:00:00Z',
    updated_at: '2025-03-20T00:00:00Z',
    breadcrumbs: [{ entity_id: 'p-sec', name: 'Security', entity_type: 'JiraProjectEntity' }],
    raw_source_fields: { status: 'Done', pages: 1, tags: ['security'], owner: 'priya' },
  },
  {
    entity_id: 'e4',
    name: 'Delta handbook',
    source_name: 'google_drive',
    entity_type: 'GoogleDriveFileEntity',
    content: LONG,
    breadcrumbs: [],
    raw_source_fields: { pages: 40 },
  },
  {
    entity_id: 'e5',
    name: 'alpha channel',
    source_name: 'slack',
    entity_type: 'SlackMessageEntity',
    content: 'Lowercase alpha in the channel.',
    created_at: '2024-12-31T23:59:59Z',
    updated_at: '2024-12-31T23:59:59Z',
    breadcrumbs: [{ entity_id: 'ws', name: 'Acme', entity_type: 'SlackWorkspaceEntity' }],
  },
];

describe('Airweave filters', () => {
  const ctx = useServer({ providers: ['airweave'] });
  let rid: string;
  let github: Json;

  beforeAll(async () => {
    const col = await awRaw(ctx.url, '/collections', { key: KEY, method: 'POST', json: { name: 'Filter Checks' } });
    rid = col.json.readable_id;
    github = (
      await awRaw(ctx.url, '/source-connections', {
        key: KEY,
        method: 'POST',
        json: {
          short_name: 'github',
          readable_collection_id: rid,
          authentication: { credentials: { personal_access_token: 'ghp_filters' } },
          config: { repo_name: 'acme/pulse' },
        },
      })
    ).json;
    ctx.server.clock.advance(2000);
    const load = await fetch(`${ctx.url}/__mock/airweave/collections/${rid}/entities`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entities: ENTITIES }),
    });
    expect(await load.json()).toMatchObject({ loaded: 5, synced: 10, chunks: 16 });
  });

  /** v2: the ids of the chunks an instant search keeps, as `entity_id#chunk_index`, sorted. */
  async function v2(filter: unknown): Promise<string[]> {
    const r = await awRaw(ctx.url, `/collections/${rid}/search/instant`, {
      key: KEY,
      method: 'POST',
      json: { query: 'report', retrieval_strategy: 'semantic', limit: 1000, filter },
    });
    expect(r.status, r.text).toBe(200);
    return r.json.results.map((x: Json) => `${x.entity_id}#${x.airweave_system_metadata.chunk_index}`).sort();
  }
  const only = (field: string, operator: string, value: unknown) => v2([{ conditions: [{ field, operator, value }] }]);
  const loaded = (ids: string[]) => ids.filter((id) => /^e\d#/.test(id));
  const entities = (ids: string[]) => [...new Set(ids.map((id) => id.split('#')[0]))].sort();

  describe('v2 FilterGroup, by operator', () => {
    it('equals: exact (case-sensitive) on text, by instant on times, on breadcrumbs when any breadcrumb matches', async () => {
      expect(await only('airweave_system_metadata.source_name', 'equals', 'jira')).toEqual(['e3#0']);
      expect(await only('name', 'equals', 'Alpha report')).toEqual(['e1#0']);
      expect(await only('name', 'equals', 'alpha report')).toEqual([]);
      expect(await only('entity_id', 'equals', 'e2')).toEqual(['e2#0']);
      expect(await only('created_at', 'equals', '2025-03-15T01:00:00+01:00')).toEqual(['e3#0']);
      expect(await only('breadcrumbs.name', 'equals', 'Acme')).toEqual(['e1#0', 'e2#0', 'e5#0']);
      expect(await only('breadcrumbs.entity_type', 'equals', 'JiraProjectEntity')).toEqual(['e3#0']);
      expect(await only('airweave_system_metadata.original_entity_id', 'equals', 'e4')).toEqual(['e4#0', 'e4#1']);
      expect(await only('airweave_system_metadata.chunk_index', 'equals', 1)).toEqual(['e4#1']);
    });

    it('not_equals: every chunk but the equal ones; on breadcrumbs, none may match', async () => {
      expect(loaded(await only('airweave_system_metadata.source_name', 'not_equals', 'notion'))).toEqual(['e3#0', 'e4#0', 'e4#1', 'e5#0']);
      expect(loaded(await only('breadcrumbs.entity_id', 'not_equals', 'ws'))).toEqual(['e3#0', 'e4#0', 'e4#1']);
      expect(entities(await only('airweave_system_metadata.entity_type', 'not_equals', 'GitHubCodeFileEntity'))).not.toContain('file:README.md');
    });

    it('contains: a case-insensitive substring of text fields', async () => {
      expect(loaded(await only('name', 'contains', 'ALPHA'))).toEqual(['e1#0', 'e5#0']);
      expect(await only('breadcrumbs.name', 'contains', 'engin')).toEqual(['e1#0']);
      expect(loaded(await only('airweave_system_metadata.entity_type', 'contains', 'notion'))).toEqual(['e1#0', 'e2#0']);
    });

    it('greater_than, less_than and their or-equal forms: times as instants, chunk_index as numbers; no time, no match', async () => {
      expect(loaded(await only('created_at', 'greater_than', '2025-01-01T00:00:00Z'))).toEqual(['e2#0', 'e3#0']);
      expect(loaded(await only('created_at', 'greater_than', '2025-03-15T00:00:00Z'))).toEqual([]);
      expect(loaded(await only('created_at', 'greater_than_or_equal', '2025-03-15T00:00:00Z'))).toEqual(['e3#0']);
      expect(loaded(await only('updated_at', 'less_than', '2025-01-01'))).toEqual(['e1#0', 'e5#0']);
      expect(loaded(await only('updated_at', 'less_than_or_equal', '2024-12-31T23:59:59Z'))).toEqual(['e1#0', 'e5#0']);
      expect(loaded(await only('updated_at', 'less_than', '2024-12-31T23:59:59Z'))).toEqual(['e1#0']);
      expect(await only('airweave_system_metadata.chunk_index', 'greater_than', 0)).toEqual(['e4#1']);
      expect((await only('airweave_system_metadata.chunk_index', 'less_than_or_equal', 0)).length).toBe(15);
    });

    it('in and not_in: lists of values', async () => {
      expect(await only('airweave_system_metadata.source_name', 'in', ['jira', 'slack'])).toEqual(['e3#0', 'e5#0']);
      expect(await only('entity_id', 'in', ['e1', 'e4', 'nope'])).toEqual(['e1#0', 'e4#0', 'e4#1']);
      expect(loaded(await only('airweave_system_metadata.source_name', 'not_in', ['notion', 'jira']))).toEqual(['e4#0', 'e4#1', 'e5#0']);
      expect(await only('breadcrumbs.name', 'in', ['Security', 'Marketing'])).toEqual(['e2#0', 'e3#0']);
      expect(await only('airweave_system_metadata.chunk_index', 'in', [1])).toEqual(['e4#1']);
      expect(loaded(await only('created_at', 'not_in', ['2024-01-10T09:00:00Z', '2025-02-01T09:00:00.000Z']))).toEqual(['e3#0', 'e4#0', 'e4#1', 'e5#0']);
    });

    it("sync_id and sync_job_id: synced entities carry their connection's, loaded ones none", async () => {
      const job = (await awRaw(ctx.url, `/source-connections/${github.id}/jobs`, { key: KEY })).json[0];
      const synced = await only('airweave_system_metadata.sync_id', 'equals', github.sync_id);
      expect(synced).toHaveLength(10);
      expect(loaded(synced)).toEqual([]);
      expect(await only('airweave_system_metadata.sync_job_id', 'equals', job.id)).toEqual(synced);
      expect(await only('airweave_system_metadata.sync_id', 'not_equals', github.sync_id)).toEqual(['e1#0', 'e2#0', 'e3#0', 'e4#0', 'e4#1', 'e5#0']);
    });

    it('groups: conditions of a group AND-ed, groups OR-ed', async () => {
      const and = await v2([
        {
          conditions: [
            { field: 'airweave_system_metadata.source_name', operator: 'equals', value: 'notion' },
            { field: 'created_at', operator: 'greater_than', value: '2025-01-01T00:00:00Z' },
          ],
        },
      ]);
      expect(and).toEqual(['e2#0']);
      const or = await v2([
        { conditions: [{ field: 'entity_id', operator: 'equals', value: 'e1' }] },
        { conditions: [{ field: 'airweave_system_metadata.source_name', operator: 'equals', value: 'slack' }] },
      ]);
      expect(or).toEqual(['e1#0', 'e5#0']);
      // No filter, null or an empty list: everything.
      expect(await v2(null)).toHaveLength(16);
      expect(await v2([])).toHaveLength(16);
    });

    it('a filter applies before ranking: limit counts the kept chunks', async () => {
      const r = await awRaw(ctx.url, `/collections/${rid}/search/instant`, {
        key: KEY,
        method: 'POST',
        json: {
          query: 'token bucket rate limiter',
          limit: 2,
          filter: [{ conditions: [{ field: 'airweave_system_metadata.source_name', operator: 'in', value: ['notion', 'jira'] }] }],
        },
      });
      expect(r.json.results).toHaveLength(2);
      expect(r.json.results.every((x: Json) => ['notion', 'jira'].includes(x.airweave_system_metadata.source_name))).toBe(true);
    });

    it('refuses, with 422 at the condition, what does not fit its field', async () => {
      const refused = async (condition: object, message: string) => {
        const r = await awRaw(ctx.url, `/collections/${rid}/search/instant`, {
          key: KEY,
          method: 'POST',
          json: { query: 'x', filter: [{ conditions: [{ field: 'name', operator: 'equals', value: 'x' }] }, { conditions: [condition] }] },
        });
        expect(r.status).toBe(422);
        expect(r.json).toEqual({ errors: [{ 'body.filter.1.conditions.0': `Value error, ${message}` }] });
      };
      await refused({ field: 'entity_id', operator: 'in', value: 'e1' }, "Operator 'in' requires a list value");
      await refused({ field: 'entity_id', operator: 'equals', value: ['e1'] }, "Operator 'equals' requires a single value, not a list");
      await refused({ field: 'created_at', operator: 'contains', value: '2025' }, "Operator 'contains' is not supported for field 'created_at'");
      await refused({ field: 'updated_at', operator: 'greater_than', value: 'yesterday' }, "Field 'updated_at' takes ISO 8601 datetime values");
      await refused(
        { field: 'name', operator: 'greater_than', value: 'm' },
        "Operator 'greater_than' is not supported for field 'name': it compares numbers and datetimes",
      );
      await refused({ field: 'name', operator: 'equals', value: true }, "Field 'name' takes string values");
      await refused(
        { field: 'airweave_system_metadata.chunk_index', operator: 'equals', value: '1' },
        "Field 'airweave_system_metadata.chunk_index' takes integer values",
      );
      // The schema's own checks: unknown field or operator, an empty group.
      const unknown = await awRaw(ctx.url, `/collections/${rid}/search/instant`, {
        key: KEY,
        method: 'POST',
        json: { query: 'x', filter: [{ conditions: [{ field: 'raw_source_fields.status', operator: 'equals', value: 'x' }] }] },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.json.errors[0]).toEqual({ 'body.filter.0.conditions.0.field': expect.stringMatching(/^Input should be 'entity_id', 'name', /) });
      const empty = await awRaw(ctx.url, `/collections/${rid}/search/instant`, {
        key: KEY,
        method: 'POST',
        json: { query: 'x', filter: [{ conditions: [] }] },
      });
      // A union's failure lists each member's reason, as pydantic does.
      expect(empty.json).toEqual({
        errors: [{ 'body.filter.0.conditions': 'List should have at least 1 item after validation, not 0' }, { 'body.filter': 'Input should be a valid null' }],
      });
    });
  });

  describe('legacy Qdrant-style filter', () => {
    async function legacy(filter: unknown): Promise<string[]> {
      const r = await awRaw(ctx.url, `/collections/${rid}/search`, {
        key: KEY,
        method: 'POST',
        json: { query: 'report', retrieval_strategy: 'neural', limit: 1000, generate_answer: false, filter },
      });
      expect(r.status, r.text).toBe(200);
      return r.json.results.map((x: Json) => `${x.entity_id}#${x.system_metadata.chunk_index}`).sort();
    }

    it('must, should, must_not and min_should; a single condition or a list; nested filters', async () => {
      expect(await legacy({ must: [{ key: 'source_name', match: { value: 'notion' } }] })).toEqual(['e1#0', 'e2#0']);
      expect(await legacy({ must: { key: 'airweave_system_metadata.source_name', match: { value: 'jira' } } })).toEqual(['e3#0']);
      expect(
        await legacy({
          should: [
            { key: 'entity_id', match: { value: 'e1' } },
            { key: 'entity_id', match: { value: 'e3' } },
          ],
        }),
      ).toEqual(['e1#0', 'e3#0']);
      expect(loaded(await legacy({ must_not: [{ key: 'system_metadata.source_name', match: { any: ['notion', 'google_drive'] } }] }))).toEqual([
        'e3#0',
        'e5#0',
      ]);
      const two = [
        { key: 'source_name', match: { value: 'notion' } },
        { key: 'created_at', range: { gte: '2025-01-01T00:00:00Z' } },
        { key: 'source_fields.status', match: { value: 'Draft' } },
      ];
      expect(await legacy({ min_should: { conditions: two, min_count: 2 } })).toEqual(['e2#0']);
      expect(await legacy({ min_should: { conditions: two, min_count: 3 } })).toEqual(['e2#0']);
      expect(loaded(await legacy({ min_should: { conditions: two, min_count: 1 } }))).toEqual(['e1#0', 'e2#0', 'e3#0']);
      expect(
        await legacy({
          must: [
            {
              should: [
                { key: 'entity_id', match: { value: 'e1' } },
                { key: 'entity_id', match: { value: 'e2' } },
              ],
            },
            { must_not: { key: 'entity_id', match: { value: 'e1' } } },
          ],
        }),
      ).toEqual(['e2#0']);
    });

    it('match: value, any, except, text (every word), phrase (a substring); range on numbers and times', async () => {
      expect(await legacy({ must: [{ key: 'source_fields.pages', match: { value: 12 } }] })).toEqual(['e2#0']);
      expect(loaded(await legacy({ must: [{ key: 'entity_id', match: { except: ['e1', 'e2', 'e3'] } }] }))).toEqual(['e4#0', 'e4#1', 'e5#0']);
      expect(await legacy({ must: [{ key: 'source_fields.tags', match: { any: ['finance', 'security'] } }] })).toEqual(['e1#0', 'e3#0']);
      expect(await legacy({ must: [{ key: 'name', match: { text: 'report alpha' } }] })).toEqual(['e1#0']);
      expect(loaded(await legacy({ must: [{ key: 'name', match: { phrase: 'alpha' } }] }))).toEqual(['e1#0', 'e5#0']);
      expect(await legacy({ must: [{ key: 'source_fields.pages', range: { gt: 4, lte: 40 } }] })).toEqual(['e2#0', 'e4#0', 'e4#1']);
      expect(loaded(await legacy({ must: [{ key: 'updated_at', range: { lt: '2025-01-01T00:00:00Z' } }] }))).toEqual(['e1#0', 'e5#0']);
      // Epoch seconds on a time field.
      expect(loaded(await legacy({ must: [{ key: 'created_at', range: { gte: Date.parse('2025-03-15T00:00:00Z') / 1000 } }] }))).toEqual(['e3#0']);
      expect(await legacy({ must: [{ key: 'chunk_index', range: { gte: 1 } }] })).toEqual(['e4#1']);
    });

    it('is_empty, is_null, has_id, nested, has_vector', async () => {
      // Missing, null or []: e1's owner is null, e2 has no owner, e4 and e5 have no tags field, e2's tags are [].
      expect(loaded(await legacy({ must: [{ is_empty: { key: 'source_fields.owner' } }] }))).toEqual(['e1#0', 'e2#0', 'e4#0', 'e4#1', 'e5#0']);
      expect(loaded(await legacy({ must: [{ is_empty: { key: 'source_fields.tags' } }] }))).toEqual(['e2#0', 'e4#0', 'e4#1', 'e5#0']);
      expect(await legacy({ must: [{ is_null: { key: 'source_fields.owner' } }] })).toEqual(['e1#0']);
      expect(await legacy({ must: [{ key: 'source_fields.owner', is_null: true }] })).toEqual(['e1#0']);
      expect(await legacy({ must: [{ has_id: ['e3', 'e5'] }] })).toEqual(['e3#0', 'e5#0']);
      // nested: one breadcrumb must meet both conditions (Acme the workspace AND a Slack workspace): only e5.
      const nested = {
        nested: {
          key: 'breadcrumbs',
          filter: {
            must: [
              { key: 'name', match: { value: 'Acme' } },
              { key: 'entity_type', match: { value: 'SlackWorkspaceEntity' } },
            ],
          },
        },
      };
      expect(await legacy({ must: [nested] })).toEqual(['e5#0']);
      // The same two conditions on the flattened field match any breadcrumb for each: Notion pages too.
      expect(
        loaded(
          await legacy({
            must: [
              { key: 'breadcrumbs.name', match: { value: 'Acme' } },
              { key: 'breadcrumbs.entity_type', match: { value: 'SlackWorkspaceEntity' } },
            ],
          }),
        ),
      ).toEqual(['e5#0']);
      expect(
        loaded(
          await legacy({
            must: [
              { key: 'breadcrumbs.name', match: { value: 'Acme' } },
              { key: 'breadcrumbs.entity_type', match: { value: 'NotionDatabaseEntity' } },
            ],
          }),
        ),
      ).toEqual(['e1#0', 'e2#0']);
      expect(await legacy({ must: [{ has_vector: 'dense' }, { key: 'entity_id', match: { value: 'e2' } }] })).toEqual(['e2#0']);
    });

    it('refuses, with 422 at the place, a filter that does not parse', async () => {
      const refused = async (filter: unknown, loc: string, message: string) => {
        const r = await awRaw(ctx.url, `/collections/${rid}/search`, { key: KEY, method: 'POST', json: { query: 'x', filter } });
        expect(r.status).toBe(422);
        expect(r.json).toEqual({ errors: [{ [loc]: `Value error, ${message}` }] });
      };
      await refused({ musts: [] }, 'body.filter.musts', "Unknown filter clause 'musts'; expected must, should, must_not or min_should");
      await refused({ must: ['x'] }, 'body.filter.must.0', 'Condition must be an object, got a string');
      await refused({ must: [{ key: 'name' }] }, 'body.filter.must.0', "Condition on 'name' needs match, range, is_empty or is_null");
      await refused({ must: [{ key: 'created_at', range: { gt: 'soon' } }] }, 'body.filter.must.0.range.gt', '"soon" is not a datetime');
      await refused({ must: [{ key: 'pages', range: { gt: '3' } }] }, 'body.filter.must.0.range.gt', 'gt must be a number');
      await refused({ min_should: { conditions: 'x' } }, 'body.filter.min_should', 'min_should needs conditions (a list) and min_count (an integer)');
      await refused(
        { must: [{ key: 'location', geo_radius: { center: { lat: 0, lon: 0 }, radius: 1 } }] },
        'body.filter.must.0.geo_radius',
        'geo_radius conditions are not supported: entities have no such fields',
      );
      let deep: Json = { key: 'name', match: { value: 'x' } };
      for (let i = 0; i < 40; i++) deep = { must: [deep] };
      const r = await awRaw(ctx.url, `/collections/${rid}/search`, { key: KEY, method: 'POST', json: { query: 'x', filter: deep } });
      expect(r.status).toBe(422);
      expect(Object.values(r.json.errors[0])[0]).toBe('Value error, Filter is nested deeper than 32 levels');
    });
  });
});
