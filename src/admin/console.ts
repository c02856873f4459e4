/**
 * The web console's built files (`npm run build` writes them to
 * dist/console), served by the admin API at /__mock/console.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MockError } from '../core/errors.js';
import type { Reply } from '../core/provider.js';
import { packagePath } from '../core/paths.js';

/** Where the build puts the console, whether this module runs from dist/ or (in tests) from src/. */
const CONSOLE_DIR = packagePath('dist', 'console');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** The console's directory when it is built, else null. */
export function consoleDirIfBuilt(): string | null {
  return existsSync(path.join(CONSOLE_DIR, 'index.html')) ? CONSOLE_DIR : null;
}

const cache = new Map<string, Buffer>();

/** A file of the console as a reply; 404 when the console is off, not built, or has no such file. */
export function readConsoleFile(dir: string | null, file: string): Reply {
  if (dir === null) throw new MockError('not_found', 'The console is off (the server was started with --no-console) or was not built (npm run build).');
  const type = TYPES[path.extname(file)];
  const full = path.join(dir, file);
  if (!type || !full.startsWith(dir + path.sep)) throw new MockError('not_found', `No console file ${file}.`);
  let body = cache.get(full);
  if (!body) {
    try {
      body = readFileSync(full);
    } catch {
      throw new MockError('not_found', `No console file ${file}.`);
    }
    cache.set(full, body);
  }
  const immutable = file.startsWith('assets/');
  return {
    status: 200,
    contentType: `${type}; charset=utf-8`,
    headers: {
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      'x-content-type-options': 'nosniff',
      ...(type === 'text/html'
        ? {
            'content-security-policy':
              "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
          }
        : {}),
    },
    body,
  };
}
