/**
 * A TCP proxy on loopback that closes a kept-alive connection once it has sat
 * idle after a reply for `idleMs`, as a server's keep-alive timeout (Node's
 * own is 5 s) or a load balancer's idle timeout does. Put in front of the
 * mock, it brings that close within reach of a short test: a client that
 * holds a connection idle longer than the server keeps it, and then sends on
 * it without having seen the close, gets no reply. It runs in a process of
 * its own (idle-proxy-server.mjs), so that it closes on time even while the
 * test process, where the client runs, is busy.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface IdleProxy {
  url: string;
  /** Connections closed because they sat idle after a reply (as far as reported yet). */
  readonly idleCloses: number;
  /** Connections the proxy has accepted. */
  readonly connections: number;
  /** Client connections open now. */
  readonly open: number;
  close(): Promise<void>;
}

export async function startIdleProxy(target: { port: number }, idleMs: number): Promise<IdleProxy> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./idle-proxy-server.mjs', import.meta.url)), String(target.port), String(idleMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let idleCloses = 0;
  let connections = 0;
  let closed = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    void exited.then(() => reject(new Error('the idle proxy exited before it listened')));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [event, arg] = line.split(' ');
      if (event === 'listening') resolve(Number(arg));
      else if (event === 'connection') connections++;
      else if (event === 'idle-close') idleCloses++;
      else if (event === 'closed') closed++;
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    get idleCloses() {
      return idleCloses;
    },
    get connections() {
      return connections;
    },
    get open() {
      return connections - closed;
    },
    close: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}
