/**
 * What a Mixpeek provider keeps beside its records and never saves: each
 * collection's search index and each namespace's scroll contexts. One per
 * provider instance (so per server): two servers in one process share none of
 * it. States carry it as a non-enumerable `memory`, so a saved state holds
 * records only.
 */
import type { Table } from '../../core/store.js';
import type { DocumentRecord } from './model.js';
import type { CollectionIndex } from './retrieval.js';
import type { ExecutionRecord, ScrollSnapshot } from './retrievers.js';

export interface MixpeekMemory {
  /** Each collection's search index, by its documents' table. */
  searchIndexes: WeakMap<Table<DocumentRecord>, CollectionIndex>;
  /** Point-in-time snapshots of a run's results, per namespace (by its executions' table), kept for their TTL. */
  scrolls: WeakMap<Table<ExecutionRecord>, Map<string, ScrollSnapshot>>;
}

export function createMixpeekMemory(): MixpeekMemory {
  return { searchIndexes: new WeakMap(), scrolls: new WeakMap() };
}
