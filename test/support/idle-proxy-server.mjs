/**
 * The process behind test/support/idle-proxy.ts: a TCP proxy that closes a
 * connection left idle after a reply for IDLE_MS. In a process of its own,
 * its timer fires on time whatever the test process is busy with, as a real
 * server's keep-alive timeout does. Reports on stdout, a line per event:
 * `listening <port>`, `connection`, `idle-close`, `closed`.
 */
import net from 'node:net';

const [targetPort, idleMs] = process.argv.slice(2).map(Number);
const say = (line) => process.stdout.write(`${line}\n`);

const server = net.createServer((client) => {
  say('connection');
  const upstream = net.connect(targetPort, '127.0.0.1');
  let timer;
  let done = false;
  const drop = () => {
    clearTimeout(timer);
    client.destroy();
    upstream.destroy();
    if (!done) say('closed');
    done = true;
  };
  // A request on its way: the connection is busy until its reply has gone out.
  client.on('data', (chunk) => {
    clearTimeout(timer);
    upstream.write(chunk);
  });
  // A reply went out: the connection is idle from here until the client sends again.
  upstream.on('data', (chunk) => {
    client.write(chunk);
    clearTimeout(timer);
    timer = setTimeout(() => {
      say('idle-close');
      drop();
    }, idleMs);
  });
  client.on('end', () => upstream.end());
  upstream.on('end', () => client.end());
  for (const s of [client, upstream]) {
    s.on('close', drop);
    s.on('error', drop);
  }
});
server.listen(0, '127.0.0.1', () => say(`listening ${server.address().port}`));
// The test process going away takes the proxy with it.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
