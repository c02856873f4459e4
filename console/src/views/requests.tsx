/**
 * The requests the providers answer, live (GET /__mock/events), newest
 * first, with filters; a request's full exchange (GET /__mock/journal/{id}):
 * headers and bodies, the scenario that answered, self-check findings, and
 * the request as curl.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ROOT, api, curl, type JournalEntry, type Ok } from '../api.js';
import { live, useConnected } from '../live.js';
import { Body, CopyButton, ErrorNote, Section, statusClass } from '../ui.js';

const MAX = 500;

function Detail({ id }: { id: number }) {
  const [detail, setDetail] = useState<Ok<'getJournalEntry'>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setDetail(undefined);
    api
      .entry(id)
      .then(setDetail)
      .catch((err: Error) => setError(err.message));
  }, [id]);
  if (error) return <ErrorNote error={error} />;
  if (!detail) return <p>Loading…</p>;
  const { entry, exchange } = detail;
  const headers = exchange
    ? Object.fromEntries(Object.entries(exchange.requestHeaders).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)))
    : {};
  const asCurl = curl(entry.method, `${location.origin}${entry.url.startsWith(ROOT) ? '' : ROOT}${entry.url}`, headers, exchange?.requestBody || undefined);
  return (
    <div class="stack" data-testid="request-detail">
      <div class="section-head">
        <h2>
          {entry.method} {entry.url}
        </h2>
        <CopyButton text={asCurl} label="Copy as curl" />
      </div>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{entry.status || 'dropped'}</dd>
        <dt>Operation</dt>
        <dd>{entry.operationId ?? '(no route)'}</dd>
        <dt>Tenant</dt>
        <dd>{entry.tenant ?? '—'}</dd>
        <dt>Time</dt>
        <dd>
          {entry.at} · {entry.durationMs} ms
        </dd>
        <dt>Scenario</dt>
        <dd data-testid="scenario">
          {entry.scenario ? `${entry.scenario.name} (rule ${entry.scenario.rule}, ${entry.scenario.activation})` : 'none: the stateful handler answered'}
        </dd>
        {entry.fault && (
          <>
            <dt>Fault</dt>
            <dd>{entry.fault}</dd>
          </>
        )}
        <dt>Self-check</dt>
        <dd>{exchange ? (exchange.selfCheck.length ? `${exchange.selfCheck.length} finding(s)` : 'the reply matches the spec') : 'not captured'}</dd>
      </dl>
      {exchange?.selfCheck.length ? (
        <ul class="findings">
          {exchange.selfCheck.map((f, i) => (
            <li key={i}>
              {f.location} {f.pointer || '/'}: {f.message} ({f.rule})
            </li>
          ))}
        </ul>
      ) : null}
      {exchange ? (
        <div class="stack">
          <Section title="Request">
            <Body
              text={Object.entries(exchange.requestHeaders)
                .map(([k, v]) => `${k}: ${v}`)
                .join('\n')}
              label="Request headers"
            />
            <Body text={exchange.requestBody} label="Request body" />
          </Section>
          <Section title="Response">
            <Body
              text={Object.entries(exchange.responseHeaders)
                .map(([k, v]) => `${k}: ${v}`)
                .join('\n')}
              label="Response headers"
            />
            <Body text={exchange.responseBody} label="Response body" />
            {exchange.truncated && <p class="muted">A body was longer than 64 KiB and is cut.</p>}
          </Section>
        </div>
      ) : (
        <p class="muted">The server does not have this exchange: it was started with --no-console, or later exchanges (16 MiB of them) have taken its place.</p>
      )}
      <pre class="json" tabIndex={0} aria-label="As curl">
        {asCurl}
      </pre>
    </div>
  );
}

export function RequestsView() {
  const connected = useConnected();
  const [entries, setEntries] = useState<JournalEntry[]>([]);
  const [paused, setPaused] = useState(false);
  const [missed, setMissed] = useState(0);
  const [error, setError] = useState<string>();
  const [provider, setProvider] = useState('');
  const [tenant, setTenant] = useState('');
  const [status, setStatus] = useState('');
  const [path, setPath] = useState('');
  const [open, setOpen] = useState<number>();
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const buffered = useRef<JournalEntry[]>([]);

  useEffect(() => {
    api
      .journal(MAX)
      .then((j) => setEntries((now) => merge(now, j.entries)))
      .catch((err: Error) => setError(err.message));
    return live.on((e) => {
      if (pausedRef.current) {
        buffered.current.push(e);
        setMissed(buffered.current.length);
        return;
      }
      setEntries((now) => merge(now, [e]));
    });
  }, []);

  const shown = entries.filter(
    (e) =>
      (!provider || e.provider === provider) &&
      (!tenant || (e.tenant ?? '').includes(tenant)) &&
      (!status || (status === 'errors' ? e.status >= 400 || e.status === 0 : String(e.status).startsWith(status[0]!))) &&
      (!path || e.url.includes(path)),
  );
  const providers = [...new Set(entries.map((e) => e.provider))].sort();

  return (
    <div class="stack">
      <ErrorNote error={error} />
      <div class="filters" role="group" aria-label="Filters">
        <label>
          Provider
          <select value={provider} onChange={(e) => setProvider(e.currentTarget.value)}>
            <option value="">all</option>
            {providers.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tenant
          <input value={tenant} onInput={(e) => setTenant(e.currentTarget.value)} size={10} />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">all</option>
            <option value="2xx">2xx</option>
            <option value="4xx">4xx</option>
            <option value="5xx">5xx</option>
            <option value="errors">errors and drops</option>
          </select>
        </label>
        <label class="grow">
          Path contains
          <input type="search" value={path} onInput={(e) => setPath(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          aria-pressed={paused}
          onClick={() => {
            if (paused) {
              setEntries((now) => merge(now, buffered.current));
              buffered.current = [];
              setMissed(0);
            }
            setPaused(!paused);
          }}
        >
          {paused ? `Resume${missed ? ` (${missed} new)` : ''}` : 'Pause'}
        </button>
        <span class="muted" role="status">
          {connected ? (paused ? 'paused' : 'live') : 'connecting…'}
        </span>
        {live.skipped > 0 && (
          <span class="muted">
            {live.skipped} requests came too fast to show; <code>GET /__mock/journal</code> has them
          </span>
        )}
      </div>
      <div class="split wide-left">
        <div class="pane">
          <table class="requests" aria-label="Requests, newest first">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Status</th>
                <th scope="col">Request</th>
                <th scope="col">Provider</th>
                <th scope="col">Tenant</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id} aria-selected={open === e.id} data-testid="request-row">
                  <td>{e.at.slice(11, 23)}</td>
                  <td>
                    <span class={`badge ${statusClass(e.status)}`}>{e.status || 'drop'}</span>
                  </td>
                  <td>
                    <button type="button" class="link" onClick={() => setOpen(e.id)}>
                      {e.method} {e.url}
                    </button>
                    {e.scenario && <span class="tag">scenario {e.scenario.name}</span>}
                    {e.selfCheck ? <span class="tag warn">self-check</span> : null}
                  </td>
                  <td>{e.provider}</td>
                  <td class="tenant">{e.tenant ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p class="muted">No requests yet: call a provider and they appear here.</p>}
        </div>
        <div class="pane">{open !== undefined ? <Detail id={open} /> : <p class="muted">Choose a request to see its exchange.</p>}</div>
      </div>
    </div>
  );
}

/** Newest first, each entry once, at most MAX. */
function merge(now: JournalEntry[], more: JournalEntry[]): JournalEntry[] {
  const byId = new Map(now.map((e) => [e.id, e]));
  for (const e of more) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, MAX);
}
