/** What the mock serves: providers, base URLs, data per tenant, how to point a client at it, health and clock. */
import { ROOT, api } from '../api.js';
import { useConnected, useLive } from '../live.js';
import { countsOf } from '../state.js';
import { CopyButton, ErrorNote, Section } from '../ui.js';

const origin = () => `${location.origin}${ROOT}`;

/** How each vendor's client is pointed at the mock. */
function snippets(name: string, base: string): { label: string; code: string }[] {
  switch (name) {
    case 'xai':
      return [
        { label: 'curl', code: `curl -s ${base}/v1/collections -H 'Authorization: Bearer demo'` },
        { label: 'OpenAI SDK (search, files)', code: `new OpenAI({ apiKey: 'demo', baseURL: '${base}/v1' })` },
      ];
    case 'airweave':
      return [
        { label: 'curl', code: `curl -s ${base}/collections -H 'x-api-key: demo'` },
        { label: 'Airweave SDK', code: `new AirweaveSDKClient({ apiKey: 'demo', baseUrl: '${base}' })` },
      ];
    case 'mixpeek':
      return [
        { label: 'curl', code: `curl -s ${base}/v1/namespaces/list -X POST -H 'Authorization: Bearer demo' -H 'content-type: application/json' -d '{}'` },
      ];
    case 'ctxfy':
      return [{ label: 'curl', code: `curl -s ${base}/v1/spaces -H 'Authorization: Bearer demo'` }];
    default:
      return [{ label: 'base URL', code: base }];
  }
}

export function Overview() {
  const connected = useConnected();
  const health = useLive(() => api.health());
  const clock = useLive(() => api.clock(), [], 150, 1000);
  const state = useLive(() => api.state());
  const h = health.data;
  return (
    <div class="stack">
      <ErrorNote error={health.error ?? clock.error ?? state.error} />
      <Section title="Health">
        <dl class="facts">
          <dt>Status</dt>
          <dd data-testid="health">{h?.status ?? '…'}</dd>
          <dt>Clock</dt>
          <dd data-testid="clock-mode">{clock.data ? `${clock.data.mode === 'manual' ? 'frozen (manual)' : 'real'} · ${clock.data.now}` : '…'}</dd>
          <dt>Processing step</dt>
          <dd>{h ? `${h.processing_ms} ms` : '…'}</dd>
          <dt>Scenarios loaded</dt>
          <dd>{h?.scenarios ?? '…'}</dd>
          <dt>Journal</dt>
          <dd>{h ? `${h.journal} requests` : '…'}</dd>
          <dt>Live feed</dt>
          <dd>{connected ? 'connected' : 'connecting…'}</dd>
        </dl>
      </Section>
      <Section title="Providers">
        <div class="cards">
          {h?.providers.map((p) => {
            const base = `${origin()}${p.prefix}`;
            const tenants = Object.entries(state.data?.providers[p.name] ?? {});
            return (
              <article class="card" key={p.name} aria-labelledby={`p-${p.name}`}>
                <h3 id={`p-${p.name}`}>{p.name}</h3>
                <p>
                  Base URL: <code>{base}</code> {h.root === p.name && <span class="tag">also at /</span>}
                </p>
                <p>
                  Spec: <code>specs/{p.name}.yaml</code> in the package
                </p>
                <table>
                  <caption>Data per tenant</caption>
                  <thead>
                    <tr>
                      <th scope="col">Tenant</th>
                      <th scope="col">Records</th>
                    </tr>
                  </thead>
                  <tbody>
                    {tenants.length === 0 && (
                      <tr>
                        <td colSpan={2} class="muted">
                          no data yet
                        </td>
                      </tr>
                    )}
                    {tenants.map(([tenant, s]) => (
                      <tr key={tenant}>
                        <td>
                          <a href={`#data/${encodeURIComponent(p.name)}/${encodeURIComponent(tenant)}`}>{tenant}</a>
                        </td>
                        <td>
                          {Object.entries(countsOf(s))
                            .map(([t, n]) => `${n} ${t}`)
                            .join(', ') || 'empty'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {snippets(p.name, base).map((s) => (
                  <div class="snippet" key={s.label}>
                    <span>{s.label}</span>
                    <code>{s.code}</code>
                    <CopyButton text={s.code} label={`Copy ${s.label} for ${p.name}`} />
                  </div>
                ))}
              </article>
            );
          })}
        </div>
      </Section>
    </div>
  );
}
