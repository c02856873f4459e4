/**
 * collections-mock/vite: a Vite plugin that serves the mock from Vite's own
 * server, in `vite dev` and `vite preview`, as middleware on the app's origin.
 */
import path from 'node:path';
import type { Connect, HttpServer, Plugin } from 'vite';
import { createMockMiddleware, type MockMiddleware, type MockMiddlewareOptions } from './middleware.js';

export type { MockMiddleware, MockMiddlewareOptions } from './middleware.js';

/** Where the plugin serves the mock unless told otherwise: a path no app route is likely to have. */
export const DEFAULT_MOCK_PATH = '/__collections-mock';

export interface CollectionsMockPluginOptions extends MockMiddlewareOptions {
  /** Where the mock answers, from the origin (not below Vite's `base`); default `/__collections-mock`. */
  path?: string;
  /** Serve it in `vite preview` too (default true). */
  preview?: boolean;
}

export interface CollectionsMockPlugin extends Plugin {
  api: {
    /** The mock of the server running now (dev or preview, the one started last): its clock, journal, state. */
    readonly mock: MockMiddleware | undefined;
  };
}

/**
 * The open mock of each `persist` file in this process: Vite restarts a dev
 * server (an edit of its config) by starting the new one before it closes the
 * old one, and the new mock must read the file only once the old one has
 * saved it.
 */
const openByFile = new Map<string, MockMiddleware>();

function mountPath(value: string | undefined): string {
  const p = value ?? DEFAULT_MOCK_PATH;
  if (!p.startsWith('/')) throw new Error(`collections-mock: path must start with "/" (got "${p}")`);
  return p.replace(/\/+$/, '') || '/';
}

/**
 * The plugin. Its options are the middleware's, with the CLI's defaults where
 * they differ from the library's: the demo data (`fixtures: 'default'`), and
 * no request lines (`quiet: true`; Vite's terminal stays Vite's).
 */
export function collectionsMock(options: CollectionsMockPluginOptions = {}): CollectionsMockPlugin {
  const { path: pathOption, preview = true, ...mockOptions } = options;
  const base = mountPath(pathOption);
  const file = mockOptions.persist !== undefined ? path.resolve(mockOptions.persist) : undefined;
  // Dev servers in order of start: a restart starts the new one before it closes the old one.
  const dev: MockMiddleware[] = [];
  const previews: MockMiddleware[] = [];
  let latest: MockMiddleware | undefined;

  const start = async (middlewares: Connect.Server, httpServer: HttpServer | null): Promise<MockMiddleware> => {
    if (file !== undefined) await openByFile.get(file)?.close();
    const mock = createMockMiddleware({ fixtures: 'default', quiet: true, ...mockOptions });
    if (file !== undefined) openByFile.set(file, mock);
    latest = mock;
    // Before Vite's own middlewares (this runs as the hook is called, not in a post hook): its SPA fallback never answers the mock's paths.
    middlewares.use(base, mock);
    // Vite versions without the close hooks below still close their HTTP server.
    httpServer?.once('close', () => void stop(mock));
    // A mock that cannot load its data stops Vite's start with the reason.
    try {
      await mock.ready;
    } catch (err) {
      await stop(mock);
      throw err;
    }
    return mock;
  };
  const stop = async (mock: MockMiddleware): Promise<void> => {
    await mock.close();
    for (const list of [dev, previews]) if (list.includes(mock)) list.splice(list.indexOf(mock), 1);
    if (latest === mock) latest = undefined;
    if (file !== undefined && openByFile.get(file) === mock) openByFile.delete(file);
  };

  return {
    name: 'collections-mock',
    api: {
      get mock() {
        return latest;
      },
    },
    async configureServer(server) {
      dev.push(await start(server.middlewares, server.httpServer));
    },
    async closeServer({ reason }) {
      // On a restart the newest mock is the new server's.
      await Promise.all((reason === 'restart' ? dev.slice(0, -1) : [...dev]).map(stop));
    },
    async configurePreviewServer(server) {
      if (preview) previews.push(await start(server.middlewares, server.httpServer));
    },
    async closePreviewServer() {
      await Promise.all([...previews].map(stop));
    },
  };
}

export default collectionsMock;
