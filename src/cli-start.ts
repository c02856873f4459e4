#!/usr/bin/env node
/**
 * The command's entry point, as the build makes it (dist/cli.js, see
 * scripts/build-cli.mjs): runs the command bundled into one script
 * (dist/cli-main.cjs) compiled with the V8 code cache the build made by a start
 * of the server, so that most of what a start runs is neither parsed nor
 * compiled again.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileScript } from './core/script.js';

/** Set by the build's start: where to write the code cache when the process exits. */
const CODE_CACHE_OUT = 'COLLECTIONS_MOCK_WRITE_CODE_CACHE';

const file = fileURLToPath(new URL('./cli-main.cjs', import.meta.url));
const { script } = compileScript(file);
const out = process.env[CODE_CACHE_OUT];
if (out !== undefined) {
  delete process.env[CODE_CACHE_OUT];
  // V8 refuses a code cache made under other flags than its own: this start keeps the heap flags as they are (heap.ts).
  (globalThis as Record<symbol, unknown>)[Symbol.for('collections-mock.writingCodeCache')] = true;
  process.on('exit', () => writeFileSync(out, script.createCachedData()));
}
const module = { exports: {} };
// The script's import() expressions, rewritten by the build: a script compiled from a code cache cannot make its own.
const importModule = (specifier: string): Promise<unknown> => import(specifier);
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file), importModule);
