/**
 * A TCP proxy on loopback that closes a kept-alive connection once it has sat
 * idle after a reply for `idleMs`, as a server's keep-alive timeout (Node's
 * own is 5 s) or a load balancer's idle timeout does. Put in front of the
 * mock, it brings that close within reach of a short test: a client that
 * holds a connection idle longer than the server keeps it, and then sends on
 * it without having seen the close, gets no reply.
 */
import net from 'node:net';

export interface IdleProxy {
  url: string;
  /** Connections closed because they sat idle after a reply. */
  readonly idleCloses: number;
  /** Connections the proxy has accepted. */
  readonly connections: number;
  /** Client connections open now. */
  readonly open: number;
  close(): Promise<void>;
}

export async function startIdleProxy(target: { host: string; port: number }, idleMs: number): Promise<IdleProxy> {
  let idleCloses = 0;
  let connections = 0;
  const open = new Set<net.Socket>();
  const clients = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    clients.add(client);
    let timer: NodeJS.Timeout | undefined;
    const drop = () => {
      if (timer) clearTimeout(timer);
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
      clients.delete(client);
    };
    // A request on its way: the connection is busy until its reply has gone out.
    client.on('data', (chunk) => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      upstream.write(chunk);
    });
    // A reply went out: the connection is idle from here until the client sends again.
    upstream.on('data', (chunk) => {
      client.write(chunk);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        idleCloses++;
        drop();
      }, idleMs);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('close', drop);
    upstream.on('close', drop);
    client.on('error', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get idleCloses() {
      return idleCloses;
    },
    get connections() {
      return connections;
    },
    get open() {
      return clients.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
