/**
 * The README's curl sessions, run as written (only the base URL points at this
 * test's server), so the documentation cannot drift from the behaviour.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './helpers.js';
import type { MockServer } from '../src/server.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');

/** The first sh block of the README section whose heading starts with `heading`. */
function sessionBlock(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`README: no section "${heading}"`);
  const m = /```sh\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!m) throw new Error(`README: no sh block under "${heading}"`);
  return m[1]!;
}

const sessions = [
  {
    heading: 'Try it: the xAI flow',
    base: 'BASE=http://127.0.0.1:4010/xai',
    prefix: '/xai',
    expected: [
      expect.stringMatching(/^file_[0-9a-f-]{36}$/),
      expect.stringMatching(/^collection_[0-9a-f-]{36}$/),
      '{}',
      'DOCUMENT_STATUS_PROCESSING',
      'DOCUMENT_STATUS_PROCESSED',
      'SEC filings',
      '{"code":"The request does not have valid authentication credentials","error":"No credentials presented."}',
    ],
  },
  {
    heading: 'Try it: the Airweave flow',
    base: 'BASE=http://127.0.0.1:4010/airweave',
    prefix: '/airweave',
    expected: [
      'github',
      'stripe',
      'slack',
      'notion',
      expect.stringMatching(/^finance-data-[a-z0-9]{6}$/),
      'NEEDS SOURCE',
      'ACTIVE',
      'completed',
      '{"errors":[{"body.name":"String should have at least 4 characters"}]}',
      '{"detail":"No valid authentication provided"}',
    ],
  },
  {
    heading: 'Try it: the Mixpeek flow',
    base: 'BASE=http://127.0.0.1:4010/mixpeek',
    prefix: '/mixpeek',
    expected: [
      'demo',
      'DONE text_extractor_v1',
      'PENDING',
      'PENDING',
      '1',
      'true',
      '{"success":false,"status":404,"error":{"message":"Bucket not found","type":"NotFoundError","details":{"resource":"bucket","id":"nope"}}}',
    ],
  },
  {
    heading: 'Try it: the Ctxfy flow',
    base: 'BASE=http://127.0.0.1:4010/ctxfy',
    prefix: '/ctxfy',
    // The session's postback receiver listens on 9999; here, on a port of its own.
    port: '9999',
    expected: [
      '[{"name":"Docs","children":["Specs"]}]',
      '409 Resource already exists',
      'CREATED',
      'COMPOSITION COMPLETED',
      'CONTENT COMPLETED',
      'FILE COMPLETED',
      'URI COMPLETED',
      'URI FAILED',
      '{"COMPLETED":4}',
      'FAILED: Failed to fetch URL',
      '[{"field":"initial_data.url","message":"url or uri is required for type URI"}]',
      '{"error":"Unauthorized","message":"Authentication required. Please provide a valid API token","code":401}',
    ],
  },
  {
    // Last: it expects the server's first activation (act_1).
    heading: 'Admin API',
    base: 'BASE=http://127.0.0.1:4010',
    prefix: '',
    expected: [
      'act_1',
      '{"code":"Some resource has been exhausted","error":"Too Many Requests"} 429',
      'retry me',
      '[200,null]',
      '[429,"inline"]',
      '[{"rule":1,"times":1,"hits":1,"spent":true}]',
      'act_1',
    ],
  },
];

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return String(port);
}

describe('README curl sessions', () => {
  let server: MockServer;
  let dir: string;
  beforeAll(async () => {
    // The sessions sleep on the real clock, as a person would.
    server = await startServer({ clock: 'real', providers: ['xai', 'airweave', 'mixpeek', 'ctxfy'] });
    dir = mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has curl and jq to run with', () => {
    for (const tool of ['curl', 'jq']) expect(spawnSync(tool, ['--version']).status, `${tool} is needed`).toBe(0);
  });

  it.each(sessions)('$heading runs as written and prints what the comments say', async ({ heading, base, prefix, expected, port }) => {
    let block = sessionBlock(heading);
    expect(block).toContain(base);
    if (port) {
      expect(block).toContain(port);
      block = block.replaceAll(port, await freePort());
    }
    const script = `set -euo pipefail\n${block.replace(base, `BASE=${server.url}${prefix}`)}`;
    // Asynchronous: the server answering the session lives in this process.
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(stdout.trim().split('\n')).toEqual(expected);
    expect(server.selfCheckFailures).toEqual([]);
  });
});
