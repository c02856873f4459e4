/**
 * OpenAI-compatible embeddings endpoints of the tests' own, on loopback, for
 * the server's --embeddings-url: one whose replies a test decides, and a small
 * two-dimensional "model" that can be told to fail.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbeddingsCall {
  body: { model?: string; input: string[]; encoding_format?: string };
}

export interface EmbeddingsServer {
  /** The endpoint: `http://127.0.0.1:<port>/v1/embeddings`. */
  url: string;
  /** Every request, in order. */
  calls: EmbeddingsCall[];
  close(): Promise<void>;
}

/** A fake embeddings endpoint: `answer` decides each reply; every request is recorded. */
export async function startEmbeddingsServer(answer: (call: EmbeddingsCall, res: http.ServerResponse) => void): Promise<EmbeddingsServer> {
  const calls: EmbeddingsCall[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c));
    req.on('end', () => {
      const call = { body: JSON.parse(raw) as EmbeddingsCall['body'] };
      calls.push(call);
      answer(call, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/embeddings`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON reply; a string body is sent as it is. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A two-dimensional "model": texts about water point one way, the others another. */
export const vectorOf = (text: string): number[] => (/water|rain|river/i.test(text) ? [1, 0.1] : [0.1, 1]);

/**
 * The endpoint with that model; while `failing` is set it answers 503, as a
 * model still loading does. `observe` sees each request as it comes.
 */
export async function startTwoWayEmbeddings(observe?: (call: EmbeddingsCall) => void): Promise<EmbeddingsServer & { failing: boolean }> {
  const server = await startEmbeddingsServer((call, res) => {
    observe?.(call);
    if (twoWay.failing) sendJson(res, 503, '{"error":"model is loading"}');
    else sendJson(res, 200, { data: call.body.input.map((t, index) => ({ index, embedding: vectorOf(t) })) });
  });
  const twoWay = Object.assign(server, { failing: false });
  return twoWay;
}
