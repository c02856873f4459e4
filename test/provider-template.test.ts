/**
 * Every vendor folder under src/providers/ has the same shape (CONTRIBUTING.md,
 * "Adding a vendor"): the same files with the same roles and exports, the
 * provider declared with defineProvider, its handlers handed over as
 * createHandlers makes them, and time and ids only from the env it is given.
 * Each folder found is checked, so a new vendor that drifts fails here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROVIDER_NAMES } from '../src/providers/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROVIDERS = path.join(ROOT, 'src', 'providers');
const VENDORS = readdirSync(PROVIDERS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The files every vendor has, by role. */
const TEMPLATE = {
  'index.ts': 'the Provider: spec, authentication, error envelope (create<Vendor>Provider, through defineProvider)',
  'handlers.ts': 'createHandlers(deps): one function per operationId',
  'model.ts': 'records and their transitions (create<Vendor>State)',
  'errors.ts': "the vendor's wording of errors (render<Vendor>Error)",
  'state.ts': 'checks on saved state (check<Vendor>State)',
  'records.ts': 'which GET renders which saved table (<vendor>Records)',
} as const;

/** The export each template file must have, named after the vendor. */
const EXPORTS: Record<string, (vendor: string) => string> = {
  'index.ts': (v) => `create${pascal(v)}Provider`,
  'handlers.ts': () => 'createHandlers',
  'model.ts': (v) => `create${pascal(v)}State`,
  'errors.ts': (v) => `render${pascal(v)}Error`,
  'state.ts': (v) => `check${pascal(v)}State`,
  'records.ts': (v) => `${v}Records`,
  'memory.ts': (v) => `create${pascal(v)}Memory`,
};

/** Where time or randomness would come from anywhere but the provider's env (its clock and id source). */
const OWN_TIME_OR_IDS =
  /\bcreateClock\(|\bcreateIdSource\(|\bDate\.now\(|\bMath\.random\(|\bnew Date\(\s*\)|\bperformance\.now\(|\brandomUUID\(|\brandomBytes\(|\bprocess\.hrtime\b/;

function pascal(vendor: string): string {
  return vendor.charAt(0).toUpperCase() + vendor.slice(1);
}

const source = (vendor: string, file: string): string => readFileSync(path.join(PROVIDERS, vendor, file), 'utf8');
const load = (vendor: string, file: string): Promise<Record<string, unknown>> => import(pathToFileURL(path.join(PROVIDERS, vendor, file)).href);

describe('the provider template', () => {
  it('finds the vendor folders, each one registered, and every registered name a folder', () => {
    expect(VENDORS.length).toBeGreaterThan(0);
    expect(VENDORS).toEqual([...PROVIDER_NAMES].sort());
  });

  describe.each(VENDORS)('%s', (vendor) => {
    it('has every file of the template', () => {
      const missing = Object.keys(TEMPLATE).filter((file) => !existsSync(path.join(PROVIDERS, vendor, file)));
      expect(missing, `src/providers/${vendor} lacks ${missing.map((f) => `${f} (${TEMPLATE[f as keyof typeof TEMPLATE]})`).join(', ')}`).toEqual([]);
    });

    it('exports what each file is for, named after the vendor (memory.ts, where the vendor keeps something across tenants, too)', async () => {
      const files = Object.keys(EXPORTS).filter((file) => file !== 'memory.ts' || existsSync(path.join(PROVIDERS, vendor, file)));
      for (const file of files) {
        const name = EXPORTS[file]!(vendor);
        const mod = await load(vendor, file);
        expect(mod[name] !== undefined && mod[name] !== null, `src/providers/${vendor}/${file} exports ${name}`).toBe(true);
        if (file !== 'records.ts') expect(typeof mod[name], `${name} of ${file}`).toBe('function');
      }
    });

    it('makes a provider named after the folder, at /<vendor>, on specs/<vendor>.yaml', async () => {
      const factory = (await load(vendor, 'index.ts'))[EXPORTS['index.ts']!(vendor)] as (options?: unknown) => Record<string, unknown>;
      const provider = factory();
      expect(provider).toMatchObject({ name: vendor, prefix: `/${vendor}`, specFile: path.join(ROOT, 'specs', `${vendor}.yaml`) });
      expect(typeof provider.authenticate).toBe('function');
      expect(typeof provider.renderError).toBe('function');
      expect(typeof provider.createState).toBe('function');
      expect(Object.keys(provider.handlers as object).length).toBeGreaterThan(0);
    });

    it('declares the provider with defineProvider and hands over its handlers as createHandlers makes them, with no cast', () => {
      const index = source(vendor, 'index.ts');
      expect(index).toMatch(/\bdefineProvider</);
      expect(index).toMatch(/\bhandlers: createHandlers\(/);
      for (const file of ['index.ts', 'handlers.ts', 'errors.ts']) expect(source(vendor, file), `${file} of ${vendor}`).not.toMatch(/as unknown as/);
    });

    it('reads time and ids only from its env: no clock, id source, Date.now or Math.random of its own', () => {
      const offending = readdirSync(path.join(PROVIDERS, vendor))
        .filter((file) => file.endsWith('.ts'))
        .flatMap((file) =>
          source(vendor, file)
            .split('\n')
            .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
            .filter(({ line }) => OWN_TIME_OR_IDS.test(line)),
        );
      expect(offending).toEqual([]);
    });
  });
});
