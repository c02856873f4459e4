/**
 * The search playground: the vendor's own search route, called by the
 * console with a key of the tenant, the exact request and response shown.
 * xAI `POST /v1/documents/search`; Airweave `POST /collections/{id}/search/instant`.
 */
import { useState } from 'preact/hooks';
import { api, curl, vendor, type VendorExchange } from '../api.js';
import { useLive } from '../live.js';
import { isTable, type Row } from '../state.js';
import { CopyButton, Json, Section } from '../ui.js';

const PROVIDERS = ['xai', 'airweave'] as const;
type P = (typeof PROVIDERS)[number];

/** The key a tenant's requests use: without a key file an xAI tenant is `key:<the key>`. */
const keyFor = (provider: P, tenant: string): string => (provider === 'xai' && tenant.startsWith('key:') ? tenant.slice(4) : 'demo');

export function SearchView() {
  const state = useLive(() => api.state(), [], 1000);
  const [provider, setProvider] = useState<P>('xai');
  const [tenant, setTenant] = useState('');
  const [key, setKey] = useState('');
  const [collection, setCollection] = useState('');
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState('hybrid');
  const [limit, setLimit] = useState(5);
  const [result, setResult] = useState<VendorExchange>();
  const [busy, setBusy] = useState(false);

  const tenants = Object.keys(state.data?.providers[provider] ?? {});
  const currentTenant = tenants.includes(tenant) ? tenant : (tenants[0] ?? '');
  const tenantState = state.data?.providers[provider]?.[currentTenant] as Record<string, unknown> | undefined;
  const table = tenantState?.collections;
  const collections = isTable(table) ? table.rows.map((r: Row) => ({ id: String(r[table.key]), name: String(r.name ?? r[table.key]) })) : [];
  const currentCollection = collections.some((c) => c.id === collection) ? collection : (collections[0]?.id ?? '');
  const apiKey = key || (currentTenant ? keyFor(provider, currentTenant) : 'demo');

  const run = async () => {
    setBusy(true);
    try {
      setResult(
        provider === 'xai'
          ? await vendor(
              'POST',
              '/xai/v1/documents/search',
              { authorization: `Bearer ${apiKey}` },
              { query, source: { collection_ids: [currentCollection] }, retrieval_mode: { type: mode }, limit },
            )
          : await vendor(
              'POST',
              `/airweave/collections/${encodeURIComponent(currentCollection)}/search/instant`,
              { 'x-api-key': apiKey },
              { query, retrieval_strategy: mode, limit },
            ),
      );
    } finally {
      setBusy(false);
    }
  };

  const body = result?.response?.body as { matches?: Row[]; results?: Row[] } | undefined;
  const hits = body?.matches ?? body?.results ?? [];

  return (
    <div class="stack">
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          Provider
          <select value={provider} onChange={(e) => (setProvider(e.currentTarget.value as P), setTenant(''), setKey(''), setCollection(''))}>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tenant
          <select value={currentTenant} onChange={(e) => (setTenant(e.currentTarget.value), setKey(''), setCollection(''))}>
            {tenants.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          API key
          <input value={apiKey} onInput={(e) => setKey(e.currentTarget.value)} size={12} />
        </label>
        <label>
          Collection
          <select value={currentCollection} onChange={(e) => setCollection(e.currentTarget.value)}>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mode
          <select value={mode} onChange={(e) => setMode(e.currentTarget.value)}>
            {['hybrid', 'semantic', 'keyword'].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          Limit
          <input type="number" min={1} max={100} value={limit} onInput={(e) => setLimit(Number(e.currentTarget.value) || 1)} />
        </label>
        <label class="grow">
          Query
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} required />
        </label>
        <button type="submit" disabled={busy || !currentCollection}>
          Search
        </button>
      </form>
      {result && (
        <>
          <Section title={`Results (${hits.length})`}>
            <ol class="hits" aria-label="Ranked results">
              {hits.map((h, i) => {
                // xAI: a chunk; Airweave: an entity, its fields at the top.
                const text = String(
                  h.chunk_content ?? (h.name !== undefined ? `${String(h.name)}: ${String(h.textual_representation ?? '')}` : JSON.stringify(h).slice(0, 200)),
                );
                const score = h.score ?? h.relevance_score;
                return (
                  <li key={i}>
                    <span class="score">{typeof score === 'number' ? score.toFixed(4) : ''}</span> {text.slice(0, 300)}
                  </li>
                );
              })}
            </ol>
          </Section>
          <div class="split">
            <Section
              title="Request"
              actions={
                <CopyButton
                  text={curl(result.request.method, result.request.url, result.request.headers, JSON.stringify(result.request.body))}
                  label="Copy as curl"
                />
              }
            >
              <Json
                value={`${result.request.method} ${result.request.url}\n${Object.entries(result.request.headers)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join('\n')}\n\n${JSON.stringify(result.request.body, null, 2)}`}
                label="Search request"
              />
            </Section>
            <Section title={result.response ? `Response ${result.response.status}` : 'No response'}>
              {result.response ? <Json value={result.response.body} label="Search response" /> : <p class="error">{result.error}</p>}
            </Section>
          </div>
        </>
      )}
    </div>
  );
}
