import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CAPTURE_LIMIT, WatchedRequest, WatchedResponse, captureExchange, wireOf, type Wire } from '../src/core/capture.js';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server that watches every exchange and answers with `answer` once the request body is in; resolves with the wire when the response has closed. */
async function exchangeOn(
  kind: 'the mock’s own server' | 'a server the mock did not make',
  answer: Answer,
  send: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ wire: Wire; reply: string }> {
  let done!: (wire: Wire) => void;
  const closed = new Promise<Wire>((resolve) => (done = resolve));
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const wire = captureExchange(req, res);
    expect(wireOf(res)).toBe(wire);
    res.once('close', () => done(wire));
    req.resume();
    req.on('end', () => answer(req, res));
  };
  const server =
    kind === 'the mock’s own server'
      ? http.createServer({ IncomingMessage: WatchedRequest, ServerResponse: WatchedResponse }, listener)
      : http.createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const reply = await new Promise<string>((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: send.method ?? 'POST', headers: send.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end(send.body);
  });
  return { wire: await closed, reply };
}

describe.each(['the mock’s own server', 'a server the mock did not make'] as const)('watching an exchange on %s', (kind) => {
  it('keeps the request and reply as sent: headers (secrets hidden), bodies and their sizes', async () => {
    const { wire, reply } = await exchangeOn(
      kind,
      (_req, res) => {
        res.setHeader('x-set-before', 'early');
        res.writeHead(201, { 'content-type': 'application/json', 'x-given': 'late' });
        res.write('{"a":');
        res.end(Buffer.from('"é"}'));
      },
      { headers: { 'content-type': 'application/json', authorization: 'Bearer k', 'x-mock-admin-token': 'secret' }, body: '{"name":"x"}' },
    );
    expect(reply).toBe('{"a":"é"}');
    const exchange = wire.read([]);
    expect(exchange.requestBody).toBe('{"name":"x"}');
    expect(exchange.requestBodyBytes).toBe(12);
    expect(exchange.requestHeaders.authorization).toBe('Bearer k');
    expect(exchange.requestHeaders['x-mock-admin-token']).toBe('(hidden)');
    expect(exchange.responseHeaders).toMatchObject({ 'content-type': 'application/json', 'x-given': 'late', 'x-set-before': 'early' });
    expect(exchange.responseBody).toBe('{"a":"é"}');
    expect(exchange.responseBodyBytes).toBe(Buffer.byteLength('{"a":"é"}'));
    expect(exchange.truncated).toBe(false);
  });

  it('keeps headers set without writeHead, and cuts bodies at the limit while counting every byte', async () => {
    const big = 'x'.repeat(CAPTURE_LIMIT + 10);
    const { wire } = await exchangeOn(
      kind,
      (_req, res) => {
        res.setHeader('content-type', 'text/plain');
        res.end(big);
      },
      { body: big },
    );
    const exchange = wire.read([]);
    expect(exchange.responseHeaders['content-type']).toBe('text/plain');
    expect(exchange.requestBody.length).toBe(CAPTURE_LIMIT);
    expect(exchange.responseBody.length).toBe(CAPTURE_LIMIT);
    expect(exchange.requestBodyBytes).toBe(CAPTURE_LIMIT + 10);
    expect(exchange.responseBodyBytes).toBe(CAPTURE_LIMIT + 10);
    expect(exchange.truncated).toBe(true);
  });

  it('reads the same exchange each time, with the self-check findings given at the time of reading', async () => {
    const { wire } = await exchangeOn(kind, (_req, res) => res.end('ok'), { method: 'GET' });
    const issue = { location: 'response', pointer: '/a', rule: 'type', message: 'must be string' };
    const first = wire.read([]);
    const second = wire.read([issue]);
    expect(first.selfCheck).toEqual([]);
    expect(second.selfCheck).toEqual([issue]);
    expect(second.responseBody).toBe('ok');
    expect(second.requestBody).toBe('');
  });
});

describe('the mock’s own server, unwatched', () => {
  it('has no wire on a response nobody watches', async () => {
    let seen: Wire | undefined | null = null;
    const server = http.createServer({ IncomingMessage: WatchedRequest, ServerResponse: WatchedResponse }, (_req, res) => {
      seen = wireOf(res);
      res.end('plain');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const text = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(text).toBe('plain');
    expect(seen).toBeUndefined();
  });
});
