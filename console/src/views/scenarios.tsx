/**
 * Scenarios: the shipped and custom ones per provider, with what each rule
 * answers; arm one (or "fail N times, then succeed") for a tenant or for
 * everyone; see how often each rule fired; disarm.
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLive } from '../live.js';
import { ErrorNote, Section, Status, useAction } from '../ui.js';

function ruleText(rule: Record<string, unknown>): string {
  const parts: string[] = [];
  const match = rule.match as { operation?: string | string[] } | undefined;
  if (match?.operation) parts.push(`on ${[match.operation].flat().join(', ')}`);
  if (rule.times !== undefined) parts.push(`${rule.times}×`);
  const respond = rule.respond as { status?: number } | undefined;
  if (respond?.status) parts.push(`answer ${respond.status}`);
  if (rule.delay !== undefined) parts.push(`delay ${JSON.stringify(rule.delay)}`);
  if (rule.fault) parts.push(`fault ${String(rule.fault)}`);
  if (rule.stream) parts.push('cut the stream');
  return parts.join(' · ') || 'pass through';
}

export function ScenariosView() {
  const scenarios = useLive(() => api.scenarios(), [], 1000);
  const active = useLive(() => api.active());
  const health = useLive(() => api.health(), [], 5000);
  const action = useAction();
  const providers = health.data?.providers.map((p) => p.name) ?? [];
  const [provider, setProvider] = useState('');
  const [name, setName] = useState('');
  const [tenant, setTenant] = useState('');
  const [failTimes, setFailTimes] = useState(2);
  const [failStatus, setFailStatus] = useState(500);
  const current = provider || providers[0] || '';
  const list = scenarios.data?.scenarios.filter((s) => s.provider === current) ?? [];
  const chosen = list.some((s) => s.name === name) ? name : (list[0]?.name ?? '');
  const reload = () => active.reload();

  return (
    <div class="stack">
      <ErrorNote error={scenarios.error ?? active.error ?? action.error} />
      <Status message={action.message} />
      <Section title="Arm a scenario">
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(
              async () => {
                const a = await api.activate({ provider: current, name: chosen, ...(tenant.trim() ? { tenant: tenant.trim() } : {}) });
                reload();
                return a;
              },
              `Armed ${chosen} for ${tenant.trim() || 'everyone'}.`,
            );
          }}
        >
          <label>
            Provider
            <select value={current} onChange={(e) => setProvider(e.currentTarget.value)}>
              {providers.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            Scenario
            <select value={chosen} onChange={(e) => setName(e.currentTarget.value)}>
              {list.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tenant (empty: everyone)
            <input value={tenant} onInput={(e) => setTenant(e.currentTarget.value)} size={14} />
          </label>
          <button type="submit" disabled={!chosen || action.busy}>
            Arm
          </button>
        </form>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            const scenario = {
              name: `fail-${failTimes}-then-succeed`,
              description: `Every operation answers ${failStatus} ${failTimes} times, then the stateful handler answers.`,
              rules: [{ times: failTimes, respond: { status: failStatus } }],
            };
            void action.run(
              async () => {
                await api.activate({ provider: current, scenario, ...(tenant.trim() ? { tenant: tenant.trim() } : {}) });
                reload();
              },
              `Armed: ${failTimes} failures with ${failStatus}, then success, for ${tenant.trim() || 'everyone'}.`,
            );
          }}
        >
          <label>
            Fail N times
            <input type="number" min={1} max={1000} value={failTimes} onInput={(e) => setFailTimes(Number(e.currentTarget.value) || 1)} />
          </label>
          <label>
            with status
            <input type="number" min={400} max={599} value={failStatus} onInput={(e) => setFailStatus(Number(e.currentTarget.value) || 500)} />
          </label>
          <button type="submit" disabled={!current || action.busy}>
            Arm fail-then-succeed
          </button>
        </form>
      </Section>
      <Section
        title="Armed"
        actions={
          (active.data?.activations.length ?? 0) > 0 && (
            <button
              type="button"
              onClick={() =>
                action.run(async () => {
                  for (const a of active.data!.activations) await api.deactivate(a.id);
                  reload();
                }, 'Every scenario was disarmed.')
              }
            >
              Disarm all
            </button>
          )
        }
      >
        <table aria-label="Armed scenarios">
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Provider</th>
              <th scope="col">Tenant</th>
              <th scope="col">Hits per rule</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {active.data?.activations.map((a) => (
              <tr key={a.id} data-testid="activation">
                <td>{a.name}</td>
                <td>{a.provider}</td>
                <td>{a.tenant ?? 'everyone'}</td>
                <td>{a.rules.map((r) => `rule ${r.rule}: ${r.hits}${r.times !== null ? `/${r.times}` : ''}${r.spent ? ' (spent)' : ''}`).join('; ')}</td>
                <td>
                  <button type="button" onClick={() => action.run(async () => (await api.deactivate(a.id), reload()), `Disarmed ${a.name}.`)}>
                    Disarm {a.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {active.data?.activations.length === 0 && <p class="muted">Nothing armed: the stateful handlers answer.</p>}
      </Section>
      <Section title={`Loaded for ${current}`}>
        <table aria-label="Loaded scenarios">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Source</th>
              <th scope="col">Rules</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.name}>
                <td>{s.name}</td>
                <td>{s.shipped ? 'shipped' : 'custom'}</td>
                <td>{s.rules.map((r) => ruleText(r as Record<string, unknown>)).join('; ')}</td>
                <td>{s.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}
