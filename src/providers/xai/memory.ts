/**
 * What an xAI provider keeps beside its records and never saves: running
 * totals and field indexes per collection, the collections' search indexes,
 * the slab that holds small files' bytes and the interned strings. One per
 * provider instance (so per server): two servers in one process share none of
 * it. States carry it as a non-enumerable `memory`, so a saved state holds
 * records only.
 */
import type { Table } from '../../core/store.js';
import type { DocumentRecord } from './model.js';
import type { CollectionIndex } from './retrieval.js';

export interface XaiMemory {
  /** Bytes of the files in each collection, kept as documents come and go (rendering a collection must not sum 100,000 files). */
  totals: WeakMap<Table<DocumentRecord>, { count: number; bytes: number }>;
  /** How many documents carry each value of a field, for the fields whose uniqueness has been checked. */
  fieldIndexes: WeakMap<Table<DocumentRecord>, { count: number; byField: Map<string, Map<string, number>> }>;
  /** Each collection's search index, made from its documents' chunks. */
  searchIndexes: WeakMap<Table<DocumentRecord>, CollectionIndex>;
  /** The slab small files' bytes are copied into, and how much of it is used. */
  slab: { buffer: Buffer | undefined; used: number };
  /** One copy of each short metadata value. */
  fieldValues: Map<string, string>;
  /** One copy of each media type string. */
  mediaTypes: Map<string, string>;
}

export function createXaiMemory(): XaiMemory {
  return {
    totals: new WeakMap(),
    fieldIndexes: new WeakMap(),
    searchIndexes: new WeakMap(),
    slab: { buffer: undefined, used: 0 },
    fieldValues: new Map(),
    mediaTypes: new Map(),
  };
}
