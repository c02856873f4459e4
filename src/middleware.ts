/**
 * collections-mock/middleware: the mock as Connect/Express middleware, served
 * by an app's own server on its own origin: the pipeline of createMockServer
 * (validation, self-check, scenarios, journal, state) with no port or process
 * of its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMockCore, type Mock, type MockServerOptions } from './server.js';
import { inProcessFetch } from './core/inject.js';
import { isJsonMedia, mediaTypeOf, setBodyReadBefore } from './core/body.js';
import { MockError } from './core/errors.js';

export type { Mock, MockServerOptions, ProviderName, RateLimitSetting, SelfCheckFailure, Clock, JournalEntry } from './server.js';

/** createMockServer's options, less those about listening: the app listens. */
export type MockMiddlewareOptions = Omit<MockServerOptions, 'port' | 'host' | 'signal' | 'onListening'>;

/** Connect's and Express's `next`. */
export type NextFunction = (err?: unknown) => void;

export interface MockMiddleware extends Mock {
  /**
   * Answers the requests for its providers (`/xai/…`, `/airweave/…`, …) and
   * its admin API (`/__mock/…`), below wherever it is mounted; passes every
   * other request to `next`. Without `next` (a bare Node server) it answers
   * those with a JSON 404, as createMockServer does.
   */
  (req: IncomingMessage, res: ServerResponse, next?: NextFunction): void;
  /**
   * Settles once the persisted state and the fixtures are loaded (at once
   * when there are none); requests that come before wait for it. Rejects
   * when loading fails: the error is logged and the mock answers 503.
   */
  readonly ready: Promise<void>;
  /** Stops the lifecycle timers, deliveries and persistence (saving what is pending); its requests get a 503 from then on. */
  close(): Promise<void>;
}

const EMPTY = Buffer.alloc(0);

/**
 * The body of a request whose stream a middleware before the mock (a body
 * parser) has already read, as bytes: the raw bytes it kept in `req.rawBody`,
 * or its `req.body` when that is bytes (`express.raw()`), text
 * (`express.text()`) or parsed JSON (`express.json()`, serialized again).
 * undefined while the stream is unread: the mock then reads it itself, as sent.
 */
function bodyReadBefore(req: IncomingMessage): Buffer | Error | undefined {
  if (!req.readableEnded) return undefined;
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) return EMPTY;
  const { rawBody, body } = req as { rawBody?: unknown; body?: unknown };
  if (Buffer.isBuffer(rawBody)) return rawBody;
  if (typeof rawBody === 'string') return Buffer.from(rawBody);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body !== undefined && isJsonMedia(mediaTypeOf(req.headers['content-type']))) return Buffer.from(JSON.stringify(body));
  return new MockError(
    'internal',
    'collections-mock: the request body was read by a middleware before the mock and is neither in req.rawBody nor JSON, text or bytes in req.body; mount the mock before that middleware.',
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/**
 * The mock as middleware: `app.use('/mock', createMockMiddleware())` serves
 * xAI at `/mock/xai/…` and the admin API at `/mock/__mock/…`. CORS is off by
 * default (the app's pages are on its own origin).
 */
export function createMockMiddleware(options: MockMiddlewareOptions = {}): MockMiddleware {
  const core = createMockCore({ ...options, cors: options.cors ?? false });
  /** Why the mock no longer answers (closed, or its data failed to load). */
  let unavailable: string | undefined;

  const split = (url: string): [string, string] => {
    const q = url.indexOf('?');
    return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
  };

  function handle(req: IncomingMessage, res: ServerResponse, next?: NextFunction): void {
    try {
      // The path below the mount: Express and Connect take the mount path off req.url.
      const [pathname, search] = split(req.url ?? '/');
      if (next && !core.owns(pathname)) {
        next();
        return;
      }
      if (unavailable !== undefined) {
        req.resume();
        sendJson(res, 503, { error: 'unavailable', message: unavailable });
        return;
      }
      // The request is the mock's from here on, and it sees the URL the client sent: the URLs it hands out (upload, authorize) and its journal keep the mount path.
      const originalUrl = (req as { originalUrl?: unknown }).originalUrl;
      if (typeof originalUrl === 'string') req.url = originalUrl;
      const body = bodyReadBefore(req);
      if (body !== undefined) setBodyReadBefore(req, body);
      core.dispatch(req, res, pathname, search);
    } catch (err) {
      // Never the app's error page: the app's clients expect the vendor's JSON.
      core.log.error({ err }, 'unhandled error');
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'internal', message: 'Internal error' });
    }
  }

  // Fixtures are requests like any other: with no port of its own, the mock answers them in process.
  const ready = core.load({
    baseUrl: 'http://localhost',
    fetch: inProcessFetch((req, res) => {
      const [pathname, search] = split(req.url ?? '/');
      core.dispatch(req, res, pathname, search);
    }),
  });
  ready.catch((err: unknown) => {
    if (unavailable !== undefined) return;
    unavailable = `collections-mock could not load its data: ${(err as Error).message}`;
    core.log.error({ err }, 'could not load the data');
    core.close();
  });

  const middleware = Object.assign(handle, core.mock, {
    ready,
    close(): Promise<void> {
      unavailable ??= 'collections-mock is closed';
      core.close();
      return Promise.resolve();
    },
  });
  // Set once the fixtures are loaded: read through to the mock's own.
  Object.defineProperty(middleware, 'fixtures', { get: () => core.mock.fixtures, enumerable: true });
  return middleware;
}
