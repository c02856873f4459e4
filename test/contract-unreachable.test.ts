/**
 * The contract suite against a server that gives no reply: nothing listening
 * is one line naming the URL (not a report of failed checks), and a server
 * that goes away midway is a failure with its request to reproduce.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { runContract } from '../src/contract/runner.js';
import { useServer } from './support/server.js';
import { runCli } from './support/cli.js';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const run = (args: string[]) => runCli(['contract', ...args]);

describe('contract against a server that does not answer', () => {
  const mock = useServer({ providers: ['ctxfy'], strict: false });

  it('says "connection refused" with the URL in one line, exit code 1', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/ctxfy`;
    const r = await run(['--provider', 'ctxfy', '--base-url', base]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `^collections-mock contract: cannot reach ${base.replace(/[.]/g, '\\.')}: connection refused \\(GET ${base.replace(/[.]/g, '\\.')}/v1/\\S+\\)\\n$`,
      ),
    );
    expect(r.stderr).not.toContain('fetch failed');
  });

  it('reports a server that stops answering midway as a flow failure with the request to reproduce', async () => {
    let calls = 0;
    const report = await runContract({
      provider: 'ctxfy',
      baseUrl: `${mock.url}/ctxfy`,
      seed: 'gone',
      // The third request finds nothing listening; so do the clean-up requests after it.
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        if (++calls < 3) return fetch(input, init);
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
      }) as typeof fetch,
    });
    const failure = report.results.find((r) => r.check === 'flow');
    expect(failure).toBeDefined();
    expect(failure!.outcome).toBe('failed');
    expect(failure!.received).toMatch(new RegExp(`^connection refused: [A-Z]+ ${mock.url.replace(/[.]/g, '\\.')}/ctxfy/v1/`));
    expect(failure!.curl).toMatch(new RegExp(`^curl -sS -X [A-Z]+ '${mock.url.replace(/[.]/g, '\\.')}/ctxfy/v1/`));
    expect(report.cleanupFailures.every((c) => c.includes('connection refused'))).toBe(true);
  });
});
