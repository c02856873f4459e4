/**
 * The web console: one page, six views chosen by the address's hash
 * (#overview, #data, #search, #requests, #scenarios, #clock). Everything it
 * shows and does goes through the admin API (api.ts), so it can be scripted.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, onAuthNeeded, subscribeEvents, token, type JournalEntry } from './api.js';
import { live } from './live.js';
import { Overview } from './views/overview.js';
import { DataView } from './views/data.js';
import { SearchView } from './views/search.js';
import { RequestsView } from './views/requests.js';
import { ScenariosView } from './views/scenarios.js';
import { ClockView } from './views/clock.js';
import './style.css';

const VIEWS = [
  { id: 'overview', label: 'Overview', View: Overview },
  { id: 'data', label: 'Data', View: DataView },
  { id: 'search', label: 'Search', View: SearchView },
  { id: 'requests', label: 'Requests', View: RequestsView },
  { id: 'scenarios', label: 'Scenarios', View: ScenariosView },
  { id: 'clock', label: 'Clock and work', View: ClockView },
] as const;

const viewOf = (): string => {
  const id = location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return VIEWS.some((v) => v.id === id) ? id : 'overview';
};

function TokenForm({ onDone }: { onDone: () => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  return (
    <main class="token">
      <h1>collections-mock console</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          token.set(value.trim());
          try {
            await api.clock();
            onDone();
          } catch (err) {
            token.clear();
            setError(err instanceof ApiError && err.status === 401 ? 'That token is not the one the server was started with.' : (err as Error).message);
          }
        }}
      >
        <p>This server was started with an admin token. Enter it once; it is kept for this browser tab only.</p>
        <label for="admin-token">Admin token</label>
        <input id="admin-token" type="password" autocomplete="current-password" value={value} onInput={(e) => setValue(e.currentTarget.value)} required />
        <button type="submit">Open the console</button>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}

function App() {
  const [view, setView] = useState(viewOf());
  const [needsToken, setNeedsToken] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const onHash = () => setView(viewOf());
    addEventListener('hashchange', onHash);
    const off = onAuthNeeded(() => setNeedsToken(true));
    // Health answers anyone and says whether a token is needed: no request is sent only to be refused.
    api
      .health()
      .then((h) => (h.adminToken && !token.get() ? setNeedsToken(true) : setReady(true)))
      .catch(() => setReady(true));
    return () => {
      removeEventListener('hashchange', onHash);
      off();
    };
  }, []);

  useEffect(() => {
    if (!ready || needsToken) return;
    return subscribeEvents(
      (e: JournalEntry) => live.emit(e),
      (connected) => live.setConnected(connected),
      (n) => live.skip(n),
    );
  }, [ready, needsToken]);

  if (needsToken) {
    return (
      <TokenForm
        onDone={() => {
          setNeedsToken(false);
          setReady(true);
        }}
      />
    );
  }
  const current = VIEWS.find((v) => v.id === view)!;
  return (
    <div class="shell">
      <header>
        <a class="brand" href="#overview">
          collections-mock
        </a>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <a href={`#${v.id}`} aria-current={v.id === view ? 'page' : undefined}>
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{current.label}</h1>
        {ready ? <current.View /> : <p>Connecting…</p>}
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
