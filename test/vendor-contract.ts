/**
 * Shared by the fidelity tests: the vendors' published OpenAPI documents
 * (shared/vendor-specs/ beside the clone, or VENDOR_SPECS_DIR), loaded as
 * references to validate the mock's replies against.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module namespace.
export const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = any;

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const repoRoot = path.resolve(import.meta.dirname, '..');
const vendorSpecsDir = process.env.VENDOR_SPECS_DIR ? path.resolve(process.env.VENDOR_SPECS_DIR) : path.resolve(repoRoot, '..', 'shared', 'vendor-specs');

/**
 * The document is required: in CI the shared/ folder sits beside the clone.
 * A missing file is a failure with a clear message, never a skip: a skipped
 * fidelity check looks the same as a passing one in a summary.
 */
export function loadVendorDoc(vendor: string, file: string): Json {
  const vendorFile = path.join(vendorSpecsDir, file);
  if (!existsSync(vendorFile)) {
    throw new Error(
      `${vendor} vendor OpenAPI document not found at ${vendorFile}. ` +
        `Expected shared/vendor-specs/${file} beside the repository clone, or set VENDOR_SPECS_DIR to the folder that holds it.`,
    );
  }
  try {
    return JSON.parse(readFileSync(vendorFile, 'utf8'));
  } catch (err) {
    throw new Error(`${vendor} vendor OpenAPI document at ${vendorFile} is not valid JSON: ${(err as Error).message}`);
  }
}

/** `#/components/...` refs point into the vendor document, registered once under `id`. */
export function rewriteRefs(node: Json, id: string): Json {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, id));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries<Json>(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${id}${v}` : rewriteRefs(v, id);
  return out;
}
