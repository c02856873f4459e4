/**
 * Every spec in specs/: loads, compiles every validator, has an example for
 * every response, and every example validates against its own schema through
 * the same validators the server uses. Every operation has a handler.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec, type SpecMedia } from '../src/core/spec.js';
import { SpecValidators } from '../src/core/validation.js';
import { checkHandlers } from '../src/core/mount.js';
import { PROVIDER_NAMES, createProvider } from '../src/providers/index.js';
import { createAdminProvider, type AdminContext } from '../src/admin/index.js';

const specsDir = path.resolve(import.meta.dirname, '..', 'specs');
const specFiles = readdirSync(specsDir).filter((f) => f.endsWith('.yaml'));

function examplesOf(media: SpecMedia): unknown[] {
  const out: unknown[] = [];
  if (media.example !== undefined) out.push(media.example);
  for (const e of Object.values(media.examples ?? {})) if (e.value !== undefined) out.push(e.value);
  return out;
}

describe.each(specFiles)('specs/%s', (file) => {
  const spec = loadSpec(path.join(specsDir, file), file.replace(/\.yaml$/, ''));
  const validators = new SpecValidators(spec);

  it('compiles every request and response validator', () => {
    expect(spec.operations.size).toBeGreaterThan(0);
    expect(() => validators.compileAll()).not.toThrow();
  });

  it('has an example for every response with content, and each validates', () => {
    const problems: string[] = [];
    for (const op of spec.operations.values()) {
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [media, m] of Object.entries(response.content)) {
          const examples = examplesOf(m);
          if (!examples.length) problems.push(`${op.id} ${status} ${media}: no example`);
          if (media === 'application/octet-stream') continue;
          const validate = validators.for(op).response(status, media)!;
          for (const ex of examples) {
            const issues = validate(ex);
            if (issues.length) problems.push(`${op.id} ${status} ${media}: ${JSON.stringify(issues)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('request body examples validate', () => {
    const problems: string[] = [];
    for (const op of spec.operations.values()) {
      for (const [media, m] of Object.entries(op.requestBody?.content ?? {})) {
        if (media === 'multipart/form-data') continue; // binary parts are not JSON values
        for (const ex of examplesOf(m)) {
          const issues = validators.for(op).body(media)!(structuredClone(ex));
          if (issues.length) problems.push(`${op.id} ${media}: ${JSON.stringify(issues)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents at least one error status with a body for every operation', () => {
    for (const op of spec.operations.values()) {
      const errors = Object.keys(op.responses).filter((s) => /^[45]/.test(s));
      expect(errors.length, op.id).toBeGreaterThan(0);
    }
  });
});

describe('providers match their specs', () => {
  it.each(PROVIDER_NAMES)('%s: every operationId has a handler and every handler an operation', (name) => {
    const provider = createProvider(name);
    const spec = loadSpec(provider.specFile, name);
    expect(() => checkHandlers(provider, spec)).not.toThrow();
  });

  it('admin (specs/admin.yaml, not a vendor): every operationId has a handler and every handler an operation', () => {
    const provider = createAdminProvider({} as AdminContext);
    expect(() => checkHandlers(provider as never, loadSpec(provider.specFile, 'admin'))).not.toThrow();
  });

  it('refuses a provider with a missing or an extra handler, naming them', () => {
    const provider = createProvider('xai');
    const spec = loadSpec(provider.specFile, 'xai');
    const { listFiles: _dropped, ...rest } = provider.handlers;
    const broken = { ...provider, handlers: { ...rest, notInSpec: (() => ({ status: 200, body: {} })) as never } };
    expect(() => checkHandlers(broken, spec)).toThrow(/operations without a handler: listFiles; handlers without an operation: notInSpec/);
  });
});
