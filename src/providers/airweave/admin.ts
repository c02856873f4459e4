/**
 * Airweave's part of the admin API (`/__mock/airweave/collections/{readable_id}/entities`):
 * a collection's own entities, loaded by a user (a frontend showing its own
 * data) or generated in bulk (a benchmark). The vendor's API has no way to
 * create entities: they come from its sources' syncs.
 */
import type { components } from '../../generated/admin.js';
import { MockError } from '../../core/errors.js';
import type { AdminOperation } from '../../core/provider.js';
import type { Tenants } from '../../core/store.js';
import { generatedEntity, loadedKey, recordOf, seededRandom, type EntityInput, type EntityRecord } from './entities.js';
import type { AirweaveMemory } from './memory.js';
import { className, nextSeq, type AirweaveState, type Catalog } from './model.js';
import { chunkCount, indexLater, prepareChunks, putEntity, removeEntity, settled, track } from './retrieval.js';

type Schemas = components['schemas'];
type Load = Schemas['AirweaveEntitiesLoad'];

const DEFAULT_SOURCE = 'custom';
const DEFAULT_TYPE = 'CustomEntity';

export function createAdminOperations(catalog: Catalog, memory: AirweaveMemory): Record<string, AdminOperation<AirweaveState>> {
  const find = (tenants: Tenants<AirweaveState>, readableId: string): AirweaveState => {
    const organization = memory.readableIds.get(readableId);
    const state = organization === undefined ? undefined : tenants.peek(organization);
    if (!state?.collections.get(readableId)) throw new MockError('not_found', `No Airweave collection ${readableId}.`);
    return state;
  };

  const summary = (state: AirweaveState, readableId: string): Schemas['AirweaveEntitiesSummary'] => {
    let loaded = 0;
    let synced = 0;
    for (const e of state.entities.values()) {
      if (e.collection !== readableId) continue;
      if (e.connectionId === null) loaded++;
      else synced++;
    }
    return { readable_id: readableId, organization_id: state.organizationId, loaded, synced, chunks: chunkCount(state, readableId) };
  };

  /** The inputs of a load: as given (ids checked unique), or generated. */
  const inputsOf = (body: Load, readableId: string): EntityInput[] => {
    if (body.generate) {
      const { count, source_name: sourceName = DEFAULT_SOURCE, seed = readableId } = body.generate;
      const known = catalog.byName.get(sourceName);
      const types = known ? known.output_entity_definitions.map(className) : [DEFAULT_TYPE];
      const rnd = seededRandom(`admin:${seed}`);
      const out: EntityInput[] = [];
      for (let n = 1; n <= count; n++) {
        const e = generatedEntity(rnd, sourceName, types[(n - 1) % types.length]!, n);
        // The id carries the entity's number, so a million of them never collide.
        out.push({ ...e, entity_id: `${e.entity_id}-${n}`, source_name: sourceName });
      }
      return out;
    }
    const seen = new Map<string, number>();
    return (body.entities ?? []).map((e, i) => {
      const first = seen.get(e.entity_id);
      if (first !== undefined) {
        throw new MockError('bad_request', `entities[${i}].entity_id ${JSON.stringify(e.entity_id)} is also entities[${first}]'s.`, {
          details: { field: `entities[${i}].entity_id` },
        });
      }
      seen.set(e.entity_id, i);
      return {
        entity_id: e.entity_id,
        entity_type: e.entity_type ?? DEFAULT_TYPE,
        name: e.name,
        source_name: e.source_name ?? DEFAULT_SOURCE,
        created_at: e.created_at ?? null,
        updated_at: e.updated_at ?? null,
        web_url: e.web_url ?? '',
        url: e.url ?? null,
        breadcrumbs: e.breadcrumbs ?? [],
        ...(e.content !== undefined ? { content: e.content } : {}),
        ...(e.textual_representation !== undefined ? { textual_representation: e.textual_representation } : {}),
        fields: e.raw_source_fields ?? {},
        access: e.access ?? null,
      };
    });
  };

  /**
   * Loads entities into a collection; with `replace`, the loaded entities it
   * does not name go. Answers once they are searchable; with `wait=false`, at
   * once (202): the entities are stored at once (listed, saved with the
   * state) and indexed shortly after in the background, or as soon as a
   * search or count needs them (which waits for it); a failure to index them
   * is logged. A fixture file's way to load entities without making start-up
   * wait for the tokenizer and embedder.
   */
  const load = async (tenants: Tenants<AirweaveState>, readableId: string, body: Load, replace: boolean, query: Record<string, unknown>) => {
    const state = find(tenants, readableId);
    const inputs = inputsOf(body, readableId);
    const records = inputs.map((e) =>
      recordOf(e, {
        key: loadedKey(readableId, e.entity_id),
        seq: 0,
        collection: readableId,
        connectionId: null,
        sourceName: e.source_name ?? DEFAULT_SOURCE,
        syncId: null,
        jobId: null,
      }),
    );
    if (query.wait === false) {
      // Stored now (listed, counted, saved with the state); indexed in the background.
      const stored = commit(state, readableId, records, replace);
      indexLater(state, state.env, readableId, stored, (r) => state.entities.get(r.key) === r);
      return { status: 202, body: { readable_id: readableId, organization_id: state.organizationId, accepted: records.length } };
    }
    const work = store(tenants, state, readableId, records, replace);
    track(
      state,
      readableId,
      work.then(
        () => undefined,
        () => undefined,
      ),
    );
    await work;
    return { status: 200, body: summary(state, readableId) };
  };

  /** Chunks, embeds and indexes the records, then puts them in the collection (all or none). */
  const store = async (tenants: Tenants<AirweaveState>, state: AirweaveState, readableId: string, records: EntityRecord[], replace: boolean): Promise<void> => {
    let chunks;
    try {
      chunks = await prepareChunks(state.env, records);
    } catch (err) {
      throw new MockError('internal', `The entities could not be embedded: ${err instanceof Error ? err.message : String(err)}`);
    }
    // The collection may have gone meanwhile, or its organisation's data been replaced.
    const current = find(tenants, readableId);
    if (current !== state) throw new MockError('not_found', `No Airweave collection ${readableId}.`);
    for (const stored of commit(state, readableId, records, replace)) {
      try {
        putEntity(state, stored, chunks.get(stored.key)!);
      } catch (err) {
        // Vectors the index cannot take (a model server that changed its dimension): the entity is not kept half-indexed.
        state.entities.delete(stored.key);
        removeEntity(state, stored);
        throw new MockError('internal', `The entities could not be indexed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };

  /** Puts the records in the collection (with `replace`, the loaded entities they do not name go): the records as stored. */
  const commit = (state: AirweaveState, readableId: string, records: EntityRecord[], replace: boolean): EntityRecord[] => {
    const keep = new Set(records.map((r) => r.key));
    if (replace) {
      for (const e of [...state.entities.values()]) {
        if (e.collection === readableId && e.connectionId === null && !keep.has(e.key)) {
          state.entities.delete(e.key);
          removeEntity(state, e);
        }
      }
    }
    return records.map((r) => {
      const before = state.entities.get(r.key);
      const stored: EntityRecord = { ...r, seq: before?.seq ?? nextSeq(state) };
      if (before) {
        state.entities.delete(r.key);
        removeEntity(state, before);
      }
      state.entities.insert(stored);
      return stored;
    });
  };

  return {
    getAirweaveEntities: async ({ path, tenants }) => {
      const state = find(tenants, path.readable_id!);
      await settled(state, path.readable_id!);
      return { status: 200, body: summary(find(tenants, path.readable_id!), path.readable_id!) };
    },
    putAirweaveEntities: ({ path, query, body, tenants }) => load(tenants, path.readable_id!, body as Load, true, query),
    addAirweaveEntities: ({ path, query, body, tenants }) => load(tenants, path.readable_id!, body as Load, false, query),
    deleteAirweaveEntities: ({ path, tenants }) => {
      const readableId = path.readable_id!;
      const state = find(tenants, readableId);
      for (const e of [...state.entities.values()]) {
        if (e.collection === readableId && e.connectionId === null) {
          state.entities.delete(e.key);
          removeEntity(state, e);
        }
      }
      return { status: 200, body: summary(state, readableId) };
    },
  };
}
