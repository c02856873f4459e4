/**
 * Kept-alive connections, as browsers and SDKs use them: the server never
 * leaves a connection it will not read on as if it could carry another
 * request, and it keeps open, saying for how long, the connection the
 * reported contract run lost. That the contract runner never sends on a
 * connection the server has closed while it sat idle is
 * test/contract-fuzz.test.ts's, through the idle proxy checked here.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server.js';
import { startIdleProxy, type IdleProxy } from './support/idle-proxy.js';
import type { MockServer } from '../src/server.js';

/** One request on a fresh connection: the reply's head, and whether the server then closed the connection. */
function exchange(port: number, head: string, body: Buffer): Promise<{ status: number; headers: Record<string, string>; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let answered = false;
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (answered || end < 0) return;
      answered = true;
      const [statusLine, ...lines] = received.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, closed });
    });
    socket.once('close', () => {
      if (!answered) reject(new Error(`the connection closed without a reply: ${JSON.stringify(received.slice(0, 200))}`));
    });
    socket.write(head);
    socket.write(body);
  });
}

describe('a body the server stops reading', () => {
  const LIMIT = 1024;
  // Far beyond the four times the limit the server drains; small enough that the client has sent all of it when the reply comes.
  const BODY = 256 * 1024;
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ limits: { json: LIMIT, upload: LIMIT } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('an upload far over the limit: 413 with Connection: close, and the connection is closed after it', async () => {
    const boundary = 'cm-keepalive';
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.alloc(BODY, 'a'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const reply = await exchange(
      server.port,
      `POST /xai/v1/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer xai-keepalive\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${form.length}\r\n\r\n`,
      form,
    );
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    await reply.closed;
  });

  it('a body far over the limit on an operation that takes none: answered, with Connection: close', async () => {
    const reply = await exchange(
      server.port,
      `GET /xai/v1/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer xai-keepalive\r\nContent-Length: ${BODY}\r\n\r\n`,
      Buffer.alloc(BODY, 'a'),
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.connection).toBe('close');
    await reply.closed;
  });

  it('a body over the limit that the server reads to its end: 413, and the connection carries the next request', async () => {
    const reply = await exchange(
      server.port,
      `POST /xai/v1/collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer xai-keepalive\r\nContent-Type: application/json\r\nContent-Length: ${2 * LIMIT}\r\n\r\n`,
      Buffer.from(JSON.stringify({ collection_name: 'x'.repeat(2 * LIMIT - 22) })),
    );
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('keep-alive');
  });

  it('fetch on keep-alive: an oversized upload gets its 413, and the next request on the same origin its reply', async () => {
    const key = { Authorization: 'Bearer xai-keepalive-fetch' };
    for (let round = 0; round < 3; round++) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(BODY, 'b')], { type: 'text/plain' }), 'big.txt');
      const refused = await fetch(`${server.url}/xai/v1/files`, { method: 'POST', headers: key, body: form });
      expect(refused.status).toBe(413);
      await refused.text();
      const list = await fetch(`${server.url}/xai/v1/files`, { headers: key });
      expect(list.status).toBe(200);
      await list.text();
    }
  });
});

describe('the connection the reported run lost', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer({ processingMs: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("the flow's last requests on it (a refused document add, a re-index) each leave it open, saying for how long, and it carries the next request", async () => {
    // The connection's requests in the reported run, in order: the flow's last ones, then the first fuzzed listCollections.
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let buffered = '';
    socket.on('data', (chunk) => (buffered += chunk.toString('latin1')));
    const send = async (method: string, path: string, body?: string): Promise<{ status: number; headers: Record<string, string>; body: string }> => {
      buffered = '';
      socket.write(
        `${method} /xai${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer xai-keepalive-sequence\r\n` +
          (body === undefined ? 'Content-Length: 0\r\n' : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`) +
          `\r\n${body ?? ''}`,
      );
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end >= 0) {
          const [statusLine, ...lines] = buffered.slice(0, end).split('\r\n');
          const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
          const length = Number(headers['content-length'] ?? 0);
          if (buffered.length >= end + 4 + length)
            return { status: Number(statusLine!.split(' ')[1]), headers, body: buffered.slice(end + 4, end + 4 + length) };
        }
        await new Promise((resolve) => socket.once('data', resolve));
      }
    };
    try {
      const collection = JSON.parse((await send('POST', '/v1/collections', JSON.stringify({ collection_name: 'keepalive' }))).body).collection_id as string;
      const form = await fetch(`${server.url}/xai/v1/files`, {
        method: 'POST',
        headers: { Authorization: 'Bearer xai-keepalive-sequence' },
        body: (() => {
          const f = new FormData();
          f.append('file', new Blob(['a short text document'], { type: 'text/plain' }), 'doc.txt');
          return f;
        })(),
      });
      const fileId = ((await form.json()) as { id: string }).id;
      const doc = `/v1/collections/${collection}/documents/${fileId}`;
      const replies = [
        await send('POST', doc, JSON.stringify({ fields: {} })),
        await send('POST', doc, JSON.stringify({ fields: 'not-an-object' })),
        await send('PATCH', doc),
        await send('GET', `/v1/collections?limit=-97&order=1&sort_by=0&pagination_token=${'x'.repeat(4097)}`),
        await send('GET', '/v1/collections'),
      ];
      expect(replies.map((r) => r.status)).toEqual([200, 400, 200, 400, 200]);
      for (const r of replies) {
        expect(r.headers.connection).toBe('keep-alive');
        // What lets a client drop the connection before the server does.
        expect(r.headers['keep-alive']).toMatch(/^timeout=\d+$/);
      }
    } finally {
      socket.destroy();
    }
  });
});

describe('the idle proxy the contract fuzz test runs through', () => {
  let server: MockServer;
  let proxy: IdleProxy;
  beforeAll(async () => {
    server = await startServer();
    proxy = await startIdleProxy({ port: server.port }, 100);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  it('closes a connection left idle after a reply, and fetch then opens a new one', async () => {
    const settle = async () => {
      while (proxy.open > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const list = async () => {
      const res = await fetch(`${proxy.url}/xai/v1/collections`, { headers: { Authorization: 'Bearer xai-keepalive-proxy' } });
      await res.text();
      return res.status;
    };
    expect(await list()).toBe(200);
    await settle();
    expect(proxy.idleCloses).toBe(1);
    expect(await list()).toBe(200);
    expect(proxy.connections).toBe(2);
  });
});
