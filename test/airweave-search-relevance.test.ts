/**
 * Airweave search relevance on the hand-written corpora (fixtures/airweave/
 * entities: GitHub, Notion, Slack, Google Drive, Linear and Jira, 45 entities
 * on distinct topics in one collection), with queries made of an entity's
 * words and queries made of partial words no entity contains, run through
 * instant search in each retrieval strategy, with the local embedder:
 * - every query of an entity's words ranks it first, in keyword and hybrid
 *   retrieval;
 * - semantic retrieval ranks first at least four entities keyword retrieval
 *   does not find (partial words);
 * - hybrid retrieval is never worse than both other strategies on a query;
 * - the legacy endpoints and classic search rank as hybrid instant search.
 * The mean reciprocal rank of each strategy is printed (docs/providers/
 * airweave.md quotes it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';
import { awRaw } from './support/airweave.js';

const MODES = ['keyword', 'semantic', 'hybrid'] as const;
type Mode = (typeof MODES)[number];
type Json = any;

interface Query {
  query: string;
  /** The entity expected first: `<source>/<entity_id>`. */
  expect: string;
}

const KEYWORD: Query[] = [
  { query: 'token bucket rate limiter', expect: 'github/pr:412' },
  { query: 'canary rollback production deployment', expect: 'notion/page-deploy-guide' },
  { query: 'checkout outage connection pool', expect: 'notion/page-postmortem-checkout' },
  { query: 'stored XSS comment editor', expect: 'jira/10245' },
  { query: 'SAML single sign-on Initech Okta', expect: 'jira/10260' },
  { query: 'marketing budget paid search newsletters', expect: 'google_drive/1mktBudget2025' },
  { query: 'encrypted at rest SOC 2 report', expect: 'google_drive/1secQuestionnaire' },
  { query: 'dark mode theme toggle', expect: 'linear/PLAT-198' },
  { query: 'websocket reconnect memory leak', expect: 'github/pr:398' },
  { query: 'laptop accounts onboarding buddy', expect: 'notion/page-onboarding' },
  { query: 'team lunch tacos', expect: 'slack/C0789RND-1741350000.000300' },
  { query: 'rotate AWS access keys CI', expect: 'jira/10231' },
  { query: 'paid time off parental leave', expect: 'notion/page-leave-policy' },
  { query: 'latency spike eu-west Kafka', expect: 'slack/C0456INC-1741343400.000200' },
  { query: 'CSV export times out for large workspaces', expect: 'linear/PLAT-231' },
  { query: 'GDPR right to erasure deletion', expect: 'jira/10252' },
  { query: 'typography logo clear space', expect: 'google_drive/1brandGuide' },
  { query: 'ARR runway board Series B', expect: 'google_drive/1boardApril' },
];

/** Partial words: no entity holds these words, nor any word of their stems. */
const PARTIAL: Query[] = [
  { query: 'postmorte checko', expect: 'notion/page-postmortem-checkout' },
  { query: 'sanitiz annotat', expect: 'jira/10245' },
  { query: 'invoi rende', expect: 'github/file:src/billing/invoice.ts' },
  { query: 'onboardin checklis', expect: 'notion/page-onboarding' },
  { query: 'websock reconnec', expect: 'github/pr:398' },
  { query: 'typogra brandin', expect: 'google_drive/1brandGuide' },
  { query: 'questionna encryp', expect: 'google_drive/1secQuestionnaire' },
];

const ALL = [...KEYWORD.map((q) => ({ ...q, kind: 'keyword' as const })), ...PARTIAL.map((q) => ({ ...q, kind: 'partial' as const }))];
const KEY = `aw-relevance-${Math.random().toString(36).slice(2, 8)}`;

describe('Airweave search relevance on the corpora', () => {
  const ctx = useServer({ providers: ['airweave'] });
  let rid = '';
  /** Per query and mode: the rank of the expected entity among the distinct entities found (0 when absent). */
  const ranks = new Map<string, Record<Mode, number>>();
  const keyOf = (r: Json) => `${r.airweave_system_metadata.source_name}/${r.entity_id}`;

  const instant = async (query: string, mode: Mode, limit = 20): Promise<Json[]> => {
    const r = await awRaw(ctx.url, `/collections/${rid}/search/instant`, { key: KEY, method: 'POST', json: { query, retrieval_strategy: mode, limit } });
    expect(r.status, r.text).toBe(200);
    return r.json.results;
  };

  beforeAll(async () => {
    rid = (await awRaw(ctx.url, '/collections', { key: KEY, method: 'POST', json: { name: 'Acme Everything' } })).json.readable_id;
    const sources = [
      { short_name: 'github', authentication: { credentials: { personal_access_token: 'ghp_relevance' } }, config: { repo_name: 'acme/pulse' } },
      { short_name: 'notion', authentication: { access_token: 'n' } },
      { short_name: 'slack', authentication: { access_token: 's' } },
      { short_name: 'google_drive', authentication: { access_token: 'g' } },
      { short_name: 'linear', authentication: { access_token: 'l' } },
      { short_name: 'jira', authentication: { access_token: 'j' } },
    ];
    for (const s of sources)
      expect((await awRaw(ctx.url, '/source-connections', { key: KEY, method: 'POST', json: { readable_collection_id: rid, ...s } })).status).toBe(200);
    ctx.server.clock.advance(2000);
    for (const q of ALL) {
      const row = {} as Record<Mode, number>;
      for (const mode of MODES) {
        const found = [...new Set((await instant(q.query, mode)).map(keyOf))];
        row[mode] = found.indexOf(q.expect) + 1;
      }
      ranks.set(q.query, row);
    }
    const line = (label: string, set: typeof ALL) => `MRR ${label.padEnd(22)} ${MODES.map((m) => `${m} ${mrr(m, set).toFixed(3)}`).join('  ')}`;
    console.log(
      [
        `Airweave search relevance, 45 entities, ${ALL.length} queries (rank of the expected entity: keyword, semantic, hybrid)`,
        ...ALL.map(
          (q) =>
            `${q.kind.padEnd(8)} ${JSON.stringify(q.query).padEnd(46)} ${MODES.map((m) => String(ranks.get(q.query)![m] || '-').padStart(3)).join('  ')}   ${q.expect}`,
        ),
        line(`all ${ALL.length} queries`, ALL),
        line(
          `${KEYWORD.length} of entities' words`,
          ALL.filter((q) => q.kind === 'keyword'),
        ),
        line(
          `${PARTIAL.length} partial words`,
          ALL.filter((q) => q.kind === 'partial'),
        ),
      ].join('\n'),
    );
  });

  const rr = (rank: number): number => (rank ? 1 / rank : 0);
  const mrr = (mode: Mode, set = ALL): number => set.reduce((n, q) => n + rr(ranks.get(q.query)![mode]), 0) / set.length;

  it('searches all six corpora, with a query for an entity of each', async () => {
    expect(((await (await fetch(`${ctx.url}/__mock/airweave/collections/${rid}/entities`)).json()) as Json).synced).toBe(45);
    expect(new Set(ALL.map((q) => q.expect.split('/')[0]))).toEqual(new Set(['github', 'notion', 'slack', 'google_drive', 'linear', 'jira']));
    expect(KEYWORD.length).toBeGreaterThanOrEqual(10);
  });

  it.each(KEYWORD)('keyword and hybrid retrieval rank the expected entity first: $query', (q) => {
    expect(ranks.get(q.query)!.keyword).toBe(1);
    expect(ranks.get(q.query)!.hybrid).toBe(1);
  });

  it('semantic retrieval ranks first at least four entities keyword retrieval does not find', () => {
    const found = PARTIAL.filter((q) => ranks.get(q.query)!.semantic === 1 && ranks.get(q.query)!.keyword === 0);
    expect(found.length, JSON.stringify(PARTIAL.map((q) => [q.query, ranks.get(q.query)]))).toBeGreaterThanOrEqual(4);
    for (const q of PARTIAL) expect(ranks.get(q.query)!.keyword, q.query).toBe(0);
  });

  it.each(ALL)('hybrid retrieval is never worse than both other strategies: $query', (q) => {
    const r = ranks.get(q.query)!;
    expect(rr(r.hybrid)).toBeGreaterThanOrEqual(Math.min(rr(r.keyword), rr(r.semantic)));
  });

  it('hybrid retrieval has the best mean reciprocal rank over the whole set', () => {
    expect(mrr('hybrid')).toBeGreaterThanOrEqual(mrr('keyword'));
    expect(mrr('hybrid')).toBeGreaterThanOrEqual(mrr('semantic'));
  });

  it('legacy search (hybrid by default) and classic search rank as hybrid instant search', async () => {
    for (const q of KEYWORD.slice(0, 5)) {
      const get = await awRaw(ctx.url, `/collections/${rid}/search?query=${encodeURIComponent(q.query)}&limit=5`, { key: KEY });
      const post = await awRaw(ctx.url, `/collections/${rid}/search`, { key: KEY, method: 'POST', json: { query: q.query, limit: 5, generate_answer: false } });
      const classic = await awRaw(ctx.url, `/collections/${rid}/search/classic`, { key: KEY, method: 'POST', json: { query: q.query, limit: 5 } });
      const instantIds = (await instant(q.query, 'hybrid', 5)).map((r) => r.entity_id);
      expect(get.json.results.map((r: Json) => r.entity_id)).toEqual(instantIds);
      expect(post.json.results.map((r: Json) => r.entity_id)).toEqual(instantIds);
      expect(classic.json.results.map((r: Json) => r.entity_id)).toEqual(instantIds);
    }
  });
});
