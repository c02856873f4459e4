/**
 * For the fidelity tests: the facts of the vendors' published OpenAPI
 * documents that the tests check the mock's replies against, extracted into
 * vendor/<vendor>/contract.json by scripts/vendor-extract.mjs (see
 * vendor/README.md). They sit in the repository, so the tests need nothing
 * from outside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Contract, ContractOperation } from '../../scripts/vendor-extract.mjs';

export type { Contract, ContractOperation, IndexEntry } from '../../scripts/vendor-extract.mjs';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module namespace.
export const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = any;

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const contractFile = (vendor: string): string => path.join(REPO_ROOT, 'vendor', vendor, 'contract.json');

/**
 * A missing or unreadable contract is a failure with a clear message, never a
 * skip: a skipped fidelity check looks the same as a passing one in a summary.
 */
export function loadVendorContract(vendor: string): Contract {
  const file = contractFile(vendor);
  if (!existsSync(file)) {
    throw new Error(`${vendor}: ${path.relative(REPO_ROOT, file)} is missing. Extract it from the vendor's published OpenAPI document: npm run vendor:extract -- --vendor ${vendor} --from <document>`);
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Contract;
  } catch (err) {
    throw new Error(`${vendor}: ${path.relative(REPO_ROOT, file)} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * The published operation's extracted facts. The contract holds them for every
 * operation our spec serves; one missing means our spec gained an operation
 * since the extraction (test/vendor-contract.test.ts names it).
 */
export function contractOperation(contract: Contract, method: string, template: string): ContractOperation {
  const op = contract.operations[`${method.toUpperCase()} ${template}`];
  if (!op) throw new Error(`${method.toUpperCase()} ${template} is published by the vendor but not in the contract: re-extract it (vendor/README.md)`);
  return op;
}

/** `#/components/...` refs point into the contract, registered once under `id`. */
export function rewriteRefs(node: Json, id: string): Json {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, id));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries<Json>(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${id}${v}` : rewriteRefs(v, id);
  return out;
}
