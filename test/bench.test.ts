/**
 * The benchmark harness (`npm run bench`, bench/run.mjs) in its quick form, so
 * it cannot rot: it starts the mock and Prism, runs every section (search in
 * process and over HTTP included), exits 0 and prints every figure with a
 * verdict for every target. No timing is asserted: the figures are
 * information, and a short target is not a failure.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

const ROUTES = ['xAI GET /v1/collections?limit=20', 'xAI GET /v1/collections/{id}', 'xAI POST /v1/collections', 'Airweave GET /collections'];

const GET_ROUTES = ROUTES.filter((r) => r.includes(' GET '));

const TARGETS = [
  ...GET_ROUTES.flatMap((r) => [
    `req/s ≥ 0.6× bare Node at 50 connections: ${r}`,
    `p99 ≤ 10 ms at 50 connections: ${r}`,
    `mean at 1 connection ≤ 2× bare Node's: ${r}`,
  ]),
  'req/s ≥ 5× Prism: xAI POST /v1/collections',
  'p99 with 100 open consoles ≤ 1.1× without: xAI GET /v1/collections/{id}',
  'start-up ≤ 250 ms (median), spawn → ready',
  'flat: POST /v1/collections req/s with 2,000 collections on the key ≥ 0.8× with none',
  'flat: GET /v1/collections?limit=20 req/s with 2,000 collections on the key ≥ 0.8× with none',
  'RSS with 2,000 documents (no search index) ≤ 200 MB',
  'RSS with 500 collections over 100 tenants ≤ 120 MB',
  'flat: documents added per second, the last 200 of 2,000 ≥ 0.8× the first',
  'flat: document list req/s at 2,000 ≥ 0.8× at 1,000 documents (1 connection)',
  'list latency right after a write at 2,000 ≤ 2× of 1,000 documents (p50)',
  'search build ≥ 5,000 chunks/s',
  'search index memory ≤ 150 MB per 100,000 chunks',
  'search keyword p99 ≤ 15 ms at 10,000 chunks',
  'search hybrid p99 ≤ 50 ms at 10,000 chunks',
  'xAI search over HTTP: build ≥ 5,000 chunks/s, end to end',
  'xAI search over HTTP: keyword p99 ≤ 15 ms at 1 connection, 5,000 chunks',
  'xAI search over HTTP: hybrid p99 ≤ 50 ms at 1 connection, 5,000 chunks',
  ...[
    ['Airweave', 'entities'],
    ['Mixpeek', 'documents'],
  ].flatMap(([vendor, unit]) => [
    `${vendor} search over HTTP: build ≥ 5,000 ${unit}/s, end to end`,
    `${vendor} search over HTTP: keyword p99 ≤ 15 ms at 1 connection, 5,000 ${unit}`,
    `${vendor} search over HTTP: hybrid p99 ≤ 50 ms at 1 connection, 5,000 ${unit}`,
  ]),
];

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bench', 'run.mjs'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('npm run bench (quick)', () => {
  it('runs every section, exits 0, and prints every figure with a verdict for every target', { timeout: 180_000 }, async () => {
    const { code, stdout, stderr } = await run(['--quick', '--no-write', '--duration', '0.5', '--warmup', '0.25']);
    const context = `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
    expect(code, context).toBe(0);
    expect(stdout, context).not.toMatch(/BROKEN/);

    // The throughput tables: one row per route, with figures for the mock, bare Node and Prism, and their ratios; then one connection.
    expect(stdout).toContain(
      '| Route | Mock req/s | p50 ms | p99 ms | Bare Node req/s | p50 ms | p99 ms | Prism req/s | p99 ms | Mock/bare Node | Mock/Prism |',
    );
    expect(stdout).toContain('| Route | Mock mean ms | p99 ms | req/s | Bare Node mean ms | p99 ms | Mock/bare Node (mean) |');
    for (const route of ROUTES) {
      expect(stdout, route).toMatch(
        new RegExp(
          `^\\| ${escape(route)} \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d,]+ \\| [\\d.]+ \\| \\*\\*[\\d.]+×\\*\\* \\| \\*\\*[\\d.]+×\\*\\* \\|$`,
          'm',
        ),
      );
      expect(stdout, route).toMatch(
        new RegExp(`^\\| ${escape(route)} \\| [\\d.]+ \\| [\\d.]+ \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\| \\*\\*[\\d.]+×\\*\\* \\|$`, 'm'),
      );
    }
    // As the store grows: four sizes, each with POST and GET list figures.
    expect(stdout).toContain('| Collections stored | POST /v1/collections req/s | p50 ms | p99 ms | GET /v1/collections?limit=20 req/s | p50 ms | p99 ms |');
    expect(stdout.match(/^\| [\d,]+ \| [\d,]+ \| [\d.]+ \| [\d.]+ \| [\d,]+ \| [\d.]+ \| [\d.]+ \|$/gm)).toHaveLength(4);
    // The same route with 100 web consoles reading the live journal, and without.
    expect(stdout).toContain('### Open web consoles (100 readers of `GET /__mock/events`, 50 connections)');
    expect(stdout).toMatch(/^\| xAI GET \/v1\/collections\/\{id\} \| none \| [\d,]+ \| [\d.]+ \| [\d.]+ \| – \|$/m);
    expect(stdout).toMatch(/^\| xAI GET \/v1\/collections\/\{id\} \| 100 \| [\d,]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|$/m);
    // Start-up, the mock's and Prism's.
    expect(stdout).toMatch(
      /^\| Mock, all four providers, CLI defaults: spawn → first 200 on `GET \/__mock\/health` \| \*\*[\d,]+\*\* \| [\d,]+ \| [\d,]+ \| 3 \|$/m,
    );
    expect(stdout).toMatch(/^\| Prism [\d.]+, `specs\/xai\.yaml`: spawn → first answer \| \*\*[\d,]+\*\* \|/m);
    // Scale: memory and list latency.
    // The documents' own memory, and apart from it what indexing the same documents for search adds.
    expect(stdout).toMatch(/^\| RSS with 2,000 documents in one xAI collection \(stored, no search index\) \| \*\*[\d.]+ MB\*\*/m);
    expect(stdout).toMatch(/^\| RSS with the same 2,000 documents as text, indexed for search \(a chunk each\) \| [\d.]+ MB \(from [\d.]+ MB; loaded in/m);
    expect(stdout).toMatch(/^\| their search index: the difference in growth after GCs [^|]* \| -?[\d.]+ MB \|$/m);
    expect(stdout).toMatch(/^\| RSS with 500 xAI collections across 100 tenants \| \*\*[\d.]+ MB\*\*/m);
    expect(stdout).toMatch(/^\| documents added per second, the first 200 and the last 200 of the 2,000 \| [\d,]+ and [\d,]+ docs\/s \(\*\*[\d.]+×\*\*\) \|$/m);
    expect(stdout.match(/^\| the same after two forced full GCs \| [\d.]+ MB \|$/gm)).toHaveLength(3);
    expect(stdout).toMatch(/^\| `GET \/v1\/collections\/\{id\}\/documents\?limit=20`, 1,000 documents \| p50 [\d.]+ ms, p99 [\d.]+ ms/m);
    expect(stdout).toMatch(/^\| list latency 2,000 \/ 1,000 documents \| \*\*[\d.]+×\*\* p50/m);
    expect(stdout).toMatch(/^\| the same page right after adding a document, 1,000 documents \| p50 [\d.]+ ms, p99 [\d.]+ ms/m);
    expect(stdout).toMatch(/^\| list latency after a write 2,000 \/ 1,000 documents \| \*\*[\d.]+×\*\* p50/m);
    // The search engine in-process: build, memory, and latency in every mode.
    expect(stdout).toMatch(/^\| Build \(`upsert` per document\) \| \*\*[\d,]+ chunks\/s\*\*/m);
    expect(stdout).toMatch(/^\| Index memory \(postings, vectors, per-chunk tables\)[^|]* \| \*\*[\d.]+ MB\*\*/m);
    for (const mode of ['keyword', 'keyword, a filter keeping half the documents,', 'semantic', 'hybrid']) {
      expect(stdout, mode).toMatch(new RegExp(`^\\| ${escape(mode)} top 10, 200 queries \\| p50 [\\d.]+ ms, p99 [\\d.]+ ms`, 'm'));
    }
    // Search over HTTP: the collection loaded through the API, the build, the memory, and every mode on 1 and 50 connections.
    expect(stdout).toContain('### Search over HTTP: xAI `POST /v1/documents/search`');
    expect(stdout).toMatch(/^\| Collection \| 5,000 chunks: [\d,]+ text files/m);
    expect(stdout).toMatch(/^\| Index build, end to end: the first add → all 5,000 chunks searchable \| \*\*[\d,]+ chunks\/s\*\*/m);
    expect(stdout).toMatch(/^\| RSS with the 5,000 chunks indexed \| [\d.]+ MB \([\d.]+ MB\) \|$/m);
    expect(stdout).toMatch(/^\| RSS growth, 5,000 chunks: [^|]+ \| \*\*[\d.]+ MB\*\*/m);
    // Airweave's instant search over loaded entities, and Mixpeek's saved retrievers over written documents: the same figures.
    for (const [heading, unit] of [
      ['Airweave `POST /collections/{readable_id}/search/instant`', 'entities'],
      ['Mixpeek `POST /v1/retrievers/{retriever_id}/execute`', 'documents'],
    ]) {
      const section = stdout.slice(stdout.indexOf(`### Search over HTTP: ${heading}`));
      expect(section.length, heading).toBeLessThan(stdout.length);
      expect(section, heading).toMatch(
        new RegExp(`^\\| Index build, end to end: the first add → all 5,000 ${unit} searchable \\| \\*\\*[\\d,]+ ${unit}/s\\*\\*`, 'm'),
      );
      expect(section, heading).toMatch(new RegExp(`^\\| RSS growth, 5,000 ${unit}: [^|]+ \\| \\*\\*[\\d.]+ MB\\*\\*`, 'm'));
    }
    const searchSections = stdout.split('### Search over HTTP: ').slice(1);
    expect(searchSections).toHaveLength(3);
    for (const section of searchSections) {
      for (const mode of ['keyword', 'semantic', 'hybrid']) {
        expect(section, mode).toMatch(
          new RegExp(
            `^\\| ${mode} top 10, 1 connection, 100 requests \\| p50 [\\d.]+ ms, p99 [\\d.]+ ms \\([\\d,]+ req/s; [\\d.]+ matches a query\\) \\|$`,
            'm',
          ),
        );
        expect(section, mode).toMatch(
          new RegExp(`^\\| ${mode} top 10, 50 connections, [\\d.]+ s \\| p50 [\\d.]+ ms, p99 [\\d.]+ ms \\([\\d,]+ req/s\\) \\|$`, 'm'),
        );
      }
    }

    // Every target, once, with "pass" or "short (by …)".
    for (const target of TARGETS) {
      const rows = stdout.split('\n').filter((line) => line.startsWith(`| ${target} |`));
      expect(rows, target).toHaveLength(1);
      expect(rows[0], target).toMatch(/ \| (pass|\*\*short \(by [^)]+\)\*\*) \|$/);
    }
    // …and no target the list above does not know.
    const summary = /^Targets: (\d+) pass, (\d+) short/m.exec(stdout);
    expect(summary, context).not.toBeNull();
    expect(Number(summary![1]) + Number(summary![2])).toBe(TARGETS.length);
  });
});
