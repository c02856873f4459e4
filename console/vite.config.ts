/**
 * The web console's build: Preact and TypeScript, bundled by Vite into
 * dist/console, which the mock serves at /__mock/console (see
 * src/admin/console.ts). Every file is local: no CDN, no font or image from
 * elsewhere.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/__mock/console/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
