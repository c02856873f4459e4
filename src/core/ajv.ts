/**
 * Ajv, loaded on first use: with the validators compiled at build time
 * (scripts/build-validators.mjs) a server usually never needs it, and loading
 * it is a good part of a cold start.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import { FORMATS } from './formats.js';

const require = createRequire(import.meta.url);

export type { Ajv2020 };

/** A 2020-12 Ajv with the shared formats; `strict: false` because OpenAPI documents carry keywords Ajv does not know. */
export function createAjv(options: Options = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new AjvClass({ strict: false, ...options });
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  return ajv;
}
