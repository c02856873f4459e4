// Types for scripts/vendor-extract.mjs, so the contract test can run the extractor's pure functions.
// The script declares its functions with these (npm run typecheck checks it against them).
/** Parsed JSON: OpenAPI documents, walked key by key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI documents of any shape
export type Json = any;

export interface IndexEntry {
  /** Upper case. */
  method: string;
  path: string;
  operationId: string | null;
}
export interface ContractOperation {
  operationId: string | null;
  method: string;
  path: string;
  parameters?: Json[];
  requestBody?: Json;
  /** Status → `{ content?: { <media type>: { schema } } }` (or a `$ref`). */
  responses: Record<string, Json>;
}
export interface Contract {
  about: string;
  provenance: Record<string, Json>;
  index: IndexEntry[];
  /** Keyed "<METHOD> <vendor path template>". */
  operations: Record<string, ContractOperation>;
  components: Record<string, Record<string, Json>>;
}

export const ROOT: string;
export const SCRIPT: string;
export const METHODS: string[];
export const ABOUT: string;
export const KNOWN_SOURCES: Record<string, Record<string, string>>;
export function shape(template: string): string;
export function canonical<T>(value: T): T;
export function operationsOf(paths: Json): { method: string; path: string; operationId: string | null; op: Json; item: Json }[];
export function refsIn(node: Json, out?: string[]): string[];
export function componentOf(ref: string): [string, string] | undefined;
export function extract(vendorDoc: Json, ourSpec: Json, provenance: Record<string, Json>): Contract;
export function serialize(contract: Contract): string;
export function sha256(bytes: string | Uint8Array): string;
export function gitBlobId(bytes: string | Uint8Array): string;
