/**
 * Clock and work: freeze the clock, advance it by a step, let it run again;
 * the work still pending (records being processed, tasks on the clock) and
 * the deliveries (postbacks, webhooks) with every attempt; retry a failed one.
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLive } from '../live.js';
import { pendingRecords } from '../state.js';
import { ErrorNote, Section, Status, useAction } from '../ui.js';

export function ClockView() {
  const clock = useLive(() => api.clock(), [], 150, 1000);
  const state = useLive(() => api.state());
  const deliveries = useLive(() => api.deliveries());
  const action = useAction();
  const [step, setStep] = useState(1000);
  const reloadAll = () => {
    clock.reload();
    state.reload();
    deliveries.reload();
  };
  const c = clock.data;
  const pending = Object.entries(state.data?.providers ?? {}).flatMap(([provider, tenants]) =>
    Object.entries(tenants).flatMap(([tenant, s]) => pendingRecords(s).map((r) => ({ provider, tenant, ...r }))),
  );

  return (
    <div class="stack">
      <ErrorNote error={clock.error ?? action.error} />
      <Status message={action.message} />
      <Section title="Clock">
        <dl class="facts">
          <dt>Mode</dt>
          <dd data-testid="clock-mode">{c ? (c.mode === 'manual' ? 'frozen (manual: it moves only when advanced)' : 'real') : '…'}</dd>
          <dt>Now</dt>
          <dd data-testid="clock-now">{c?.now ?? '…'}</dd>
          <dt>Tasks waiting on the clock</dt>
          <dd data-testid="clock-pending">{c?.pending ?? '…'}</dd>
        </dl>
        <div class="filters">
          {c?.mode === 'manual' ? (
            <button type="button" onClick={() => action.run(async () => (await api.setClock('real'), reloadAll()), 'The clock runs again.')}>
              Resume real time
            </button>
          ) : (
            <button type="button" onClick={() => action.run(async () => (await api.setClock('manual'), reloadAll()), 'The clock is frozen.')}>
              Freeze
            </button>
          )}
          <label>
            Step (ms)
            <input type="number" min={1} value={step} onInput={(e) => setStep(Math.max(1, Number(e.currentTarget.value) || 1))} />
          </label>
          <button
            type="button"
            disabled={c?.mode !== 'manual'}
            onClick={() => action.run(async () => (await api.advance(step), reloadAll()), `Advanced ${step} ms.`)}
          >
            Advance
          </button>
        </div>
      </Section>
      <Section title={`Pending work (${pending.length})`}>
        <table aria-label="Records still being processed">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Tenant</th>
              <th scope="col">Record</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((p) => (
              <tr key={`${p.provider}/${p.tenant}/${p.path.join('/')}`} data-testid="pending">
                <td>{p.provider}</td>
                <td class="tenant">{p.tenant}</td>
                <td>
                  {p.table}: {p.label}
                </td>
                <td>{p.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {pending.length === 0 && <p class="muted">Nothing is being processed.</p>}
      </Section>
      <Section title={`Deliveries (${deliveries.data?.deliveries.length ?? 0})`}>
        <table aria-label="Deliveries">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">To</th>
              <th scope="col">State</th>
              <th scope="col">Attempts (answers)</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data?.deliveries
              .slice()
              .reverse()
              .map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.provider ? `${d.provider}: ` : ''}
                    {d.topic}
                  </td>
                  <td>
                    <code>{d.url}</code>
                  </td>
                  <td>{d.state}</td>
                  <td>{d.attempts.map((a) => `${a.at.slice(11, 19)} ${a.status ?? a.error ?? '…'}`).join(', ')}</td>
                  <td>
                    {d.state === 'failed' && (
                      <button type="button" onClick={() => action.run(async () => (await api.retryDelivery(d.id), deliveries.reload()), 'Retrying.')}>
                        Retry
                      </button>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        {deliveries.data?.deliveries.length === 0 && (
          <p class="muted">No deliveries yet (Ctxfy postbacks go out when a source that has a postback URL finishes).</p>
        )}
      </Section>
    </div>
  );
}
