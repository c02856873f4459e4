/**
 * The README's curl session, run as written (only the base URL points at this
 * test's server), so the documentation cannot drift from the behaviour.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './helpers.js';
import type { MockServer } from '../src/server.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');

function sessionBlock(): string {
  const section = readme.slice(readme.indexOf('## Try it'));
  const m = /```sh\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README: no sh block under "## Try it"');
  return m[1]!;
}

describe('README curl session', () => {
  let server: MockServer;
  let dir: string;
  beforeAll(async () => {
    // The session sleeps on the real clock, as a person would.
    server = await startServer({ clock: 'real' });
    dir = mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has curl and jq to run with', () => {
    for (const tool of ['curl', 'jq']) expect(spawnSync(tool, ['--version']).status, `${tool} is needed`).toBe(0);
  });

  it('runs as written and prints what the comments say', async () => {
    const block = sessionBlock();
    expect(block).toContain('BASE=http://127.0.0.1:4010/xai');
    const script = `set -euo pipefail\n${block.replace('BASE=http://127.0.0.1:4010/xai', `BASE=${server.url}/xai`)}`;
    // Asynchronous: the server answering the session lives in this process.
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    const out = stdout.trim().split('\n');
    expect(out).toEqual([
      expect.stringMatching(/^file_[0-9a-f-]{36}$/),
      expect.stringMatching(/^collection_[0-9a-f-]{36}$/),
      '{}',
      'DOCUMENT_STATUS_PROCESSING',
      'DOCUMENT_STATUS_PROCESSED',
      'SEC filings',
      '{"code":"The request does not have valid authentication credentials","error":"No credentials presented."}',
    ]);
    expect(server.selfCheckFailures).toEqual([]);
  });
});
