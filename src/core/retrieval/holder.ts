/**
 * A collection's search index as a provider keeps it in its memory (never
 * saved): made with the first chunks, for vectors of their dimension (a model
 * server's is known only once it has answered), and the rebuilds under way
 * after a load, which a search of the collection waits for.
 */
import type { SearchIndex } from './types.js';

export interface CollectionIndex<Doc> {
  index?: SearchIndex<Doc>;
  rebuilding: Set<Promise<void>>;
}

/** The collection's entry in `indexes`, made empty on first use. */
export function collectionIndex<K extends object, Doc>(indexes: WeakMap<K, CollectionIndex<Doc>>, key: K): CollectionIndex<Doc> {
  let ci = indexes.get(key);
  if (!ci) {
    ci = { rebuilding: new Set() };
    indexes.set(key, ci);
  }
  return ci;
}
