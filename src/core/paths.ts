/**
 * The package's own files (specs/, fixtures/, scenarios/, dist/), found from
 * the package root. Every module that reads one asks here rather than
 * resolving a path relative to itself: the same code runs from src/ (tests),
 * from tsc's dist/ (the library), and bundled into the single dist/cli.js,
 * each at a different depth below the root.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'collections-mock';

interface Manifest {
  name?: unknown;
  version?: unknown;
}

/** The nearest folder at or above `start` whose package.json is this package's, and that package.json. */
export function findPackageRoot(start: string): { dir: string; manifest: Manifest } {
  let dir = start;
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
      if (manifest.name === PACKAGE_NAME) return { dir, manifest };
    } catch {
      // No package.json here, or not one that can be read: keep looking above.
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package (a package.json named ${PACKAGE_NAME}) above ${start}`);
    dir = up;
  }
}

const found = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The package root: the folder of its package.json. */
export const PACKAGE_ROOT = found.dir;

/** The package's version, from its package.json. */
export const PACKAGE_VERSION = String(found.manifest.version);

/** A path below the package root, e.g. packagePath('specs', 'xai.yaml'). */
export const packagePath = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);
