/**
 * The string formats every validator knows: ajv-formats' full set, with
 * OpenAPI's numeric and binary formats as OpenAPI defines them. One table for
 * the validators compiled at run time and those compiled at build time.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Format } from 'ajv';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export const FORMATS: Record<string, Format> = {
  ...fullFormats,
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX },
  int64: { type: 'number', validate: (n: number) => Number.isSafeInteger(n) },
  float: { type: 'number', validate: (n: number) => Number.isFinite(n) },
  double: { type: 'number', validate: (n: number) => Number.isFinite(n) },
  binary: true,
  password: true,
};
