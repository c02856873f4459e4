// The search libraries bench/search-libraries.mjs compares the engine with: not
// dependencies of the project (installed for a run with npm install --no-save),
// so declared here as far as it uses them.

declare module 'minisearch' {
  export interface Options {
    fields: string[];
    tokenize?: (text: string) => string[];
    processTerm?: (term: string) => string;
    searchOptions?: { combineWith?: 'OR' | 'AND'; prefix?: boolean; fuzzy?: boolean };
  }
  export default class MiniSearch {
    constructor(options: Options);
    add(document: { id: string; text: string }): void;
    search(query: string): { id: string; score: number }[];
  }
}

declare module '@orama/orama' {
  /** A database, as `create` returns it. */
  export type Orama = object;
  export function create(options: {
    schema: Record<string, 'string'>;
    components?: { tokenizer?: { language: string; normalizationCache: Map<string, string>; tokenize: (raw: string) => string[] } };
  }): Orama;
  export function insert(db: Orama, document: { id: string; text: string }): string;
  export function search(db: Orama, params: { term: string; limit?: number; threshold?: number }): { hits: { id: string; score: number }[] };
}

declare module 'flexsearch' {
  export class Index {
    constructor(options?: { tokenize?: 'strict' | 'forward' | 'reverse' | 'full' });
    add(id: number, text: string): this;
    search(query: string, options?: { limit?: number; suggest?: boolean }): number[];
  }
  /** Missing in some of its builds (the bench then takes the named export). */
  const flexsearch: { Index: typeof Index } | undefined;
  export default flexsearch;
}

declare module 'hnswlib-node' {
  class HierarchicalNSW {
    constructor(space: 'l2' | 'ip' | 'cosine', dimension: number);
    initIndex(maxElements: number, m?: number, efConstruction?: number, randomSeed?: number): void;
    addPoint(point: number[], label: number): void;
    setEf(ef: number): void;
    searchKnn(query: number[], k: number): { distances: number[]; neighbors: number[] };
  }
  const hnswlib: { HierarchicalNSW: typeof HierarchicalNSW };
  export default hnswlib;
}

declare module 'hnsw' {
  export class HNSW {
    constructor(m: number, efConstruction: number, dimension: number, metric: 'cosine' | 'euclidean', efSearch?: number);
    addPoint(id: number, vector: number[]): Promise<void>;
    searchKNN(query: number[], k: number): { id: number; score: number }[];
  }
}
