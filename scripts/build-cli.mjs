#!/usr/bin/env node
// Bundles the command line (src/cli.ts and what it imports) into dist/cli.js,
// replacing tsc's copy, so that a start reads and links a few files instead of
// the hundred-odd modules of dist/. The library (dist/server.js and the other
// entry points) stays tsc's output. The commands loaded only when run (contract,
// record) become chunks of their own beside it, in dist/cli-chunks/. Packages
// stay imports: node_modules is there wherever the CLI runs. Runs after tsc.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** @param {string} id */
const isPackage = (id) => !id.startsWith('.') && !path.isAbsolute(id);

await rm(path.join(dist, 'cli-chunks'), { recursive: true, force: true });
await rm(path.join(dist, 'cli.js.map'), { force: true });
await build({
  input: path.join(root, 'src', 'cli.ts'),
  platform: 'node',
  external: isPackage,
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  tsconfig: path.join(root, 'tsconfig.build.json'),
  logLevel: 'warn',
  output: {
    dir: dist,
    format: 'esm',
    entryFileNames: 'cli.js',
    chunkFileNames: 'cli-chunks/[name]-[hash].js',
    sourcemap: true,
  },
});
