/**
 * The data browser: per provider and tenant, the tables of the saved state
 * and the records in them (a record's own tables below it), each record's
 * JSON; remove a record, reset a tenant or everything, export and import the
 * state file of the admin API.
 */
import { useState } from 'preact/hooks';
import { ApiError, api, type Ok } from '../api.js';
import { useLive } from '../live.js';
import { keyOf, labelOf, linkedTo, plain, tablesOf, type Row, type Table } from '../state.js';
import { ErrorNote, Json, Section, Status, useAction } from '../ui.js';

const hashParts = (): string[] => location.hash.replace(/^#\/?/, '').split('/').slice(1).map(decodeURIComponent);

interface Selected {
  path: string[];
  row: Row;
  table: Table;
}

function Records({ node, path, selected, onSelect }: { node: unknown; path: string[]; selected: string; onSelect: (s: Selected) => void }) {
  const tables = tablesOf(node);
  if (!tables.length) return null;
  return (
    <ul class="tree">
      {tables.map(([name, table]) => (
        <li key={name}>
          <span class="table-name">
            {name} <span class="muted">({table.rows.length})</span>
          </span>
          {table.rows.length > 0 && (
            <ul>
              {table.rows.map((row) => {
                const here = [...path, name, keyOf(row, table)];
                const id = here.join('\u0000');
                return (
                  <li key={id}>
                    <button type="button" class="record" aria-pressed={selected === id} onClick={() => onSelect({ path: here, row, table })}>
                      {labelOf(row, table)}
                      {typeof row.status === 'string' && <span class="tag">{row.status}</span>}
                    </button>
                    <Records node={row} path={here} selected={selected} onSelect={onSelect} />
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The records that refer to the selected one, each a click away. */
function Linked({ state, selected, fresh, onSelect }: { state: unknown; selected: Selected; fresh: Row; onSelect: (s: Selected) => void }) {
  const keys = [keyOf(fresh, selected.table), ...(typeof fresh.id === 'string' && fresh.id !== keyOf(fresh, selected.table) ? [fresh.id] : [])];
  const links = keys.flatMap((k) => linkedTo(state, k)).filter((l) => l.path.join('/') !== selected.path.join('/'));
  if (!links.length) return null;
  const find = (path: string[]): Selected | undefined => {
    let node: unknown = state;
    let found: Selected | undefined;
    for (let i = 0; i < path.length; i += 2) {
      const t = (node as Record<string, unknown>)[path[i]!] as Table;
      const row = t.rows.find((r) => keyOf(r, t) === path[i + 1]);
      if (!row) return undefined;
      node = row;
      found = { path: path.slice(0, i + 2), row, table: t };
    }
    return found;
  };
  return (
    <>
      <h3>Records that refer to it</h3>
      <ul class="linked">
        {links.map((l) => (
          <li key={l.path.join('/')}>
            <button
              type="button"
              class="record"
              onClick={() => {
                const s = find(l.path);
                if (s) onSelect(s);
              }}
            >
              {l.table}: {l.label}
            </button>{' '}
            <span class="muted">(its {l.field})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

type View = 'vendor' | 'stored';
type Vendor = { record: Ok<'getVendorRecord'> } | { none: string };

/**
 * The record as the vendor's GET answers it, or why no vendor GET reads it:
 * health names the tables each provider renders, so a record of any other
 * table is not asked for.
 */
function useVendorRecord(provider: string, tenant: string, path: string[], rendered: readonly string[][]) {
  const key = [provider, tenant, ...path].join('\u0000');
  const tables = path.filter((_, i) => i % 2 === 0);
  const renders = rendered.some((t) => t.length === tables.length && t.every((name, i) => name === tables[i]));
  const vendor = useLive<Vendor & { key: string }>(async () => {
    if (!renders) return { key, none: `No ${provider} operation reads ${tables.join('/')} records: it is the mock's own data, seen only as stored.` };
    try {
      return { key, record: await api.record(provider, tenant, path) };
    } catch (err) {
      const details = err instanceof ApiError ? (err.body as { details?: { reason?: string } } | undefined)?.details : undefined;
      if (details?.reason === 'no_vendor_operation') return { key, none: (err as Error).message };
      throw err;
    }
  }, [key, renders]);
  // What an earlier record answered is not this one's.
  return { data: vendor.data?.key === key ? vendor.data : undefined, error: vendor.error };
}

/** The selected record: as the vendor returns it (the default) or as the mock stores it, one tab each. */
function RecordJson({
  provider,
  tenant,
  path,
  stored,
  rendered,
}: {
  provider: string;
  tenant: string;
  path: string[];
  stored: unknown;
  rendered: readonly string[][];
}) {
  const [view, setView] = useState<View>('vendor');
  const vendor = useVendorRecord(provider, tenant, path, rendered);
  const tabs: [View, string][] = [
    ['vendor', 'As the vendor returns it'],
    ['stored', 'As stored'],
  ];
  const onKey = (e: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next: View = e.key === 'Home' ? 'vendor' : e.key === 'End' ? 'stored' : view === 'vendor' ? 'stored' : 'vendor';
    setView(next);
    document.getElementById(`record-tab-${next}`)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label="Record form" class="tabs" onKeyDown={onKey}>
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`record-tab-${id}`}
            aria-selected={view === id}
            aria-controls={`record-panel-${id}`}
            tabIndex={view === id ? 0 : -1}
            onClick={() => setView(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {view === 'vendor' ? (
        <div role="tabpanel" id="record-panel-vendor" aria-labelledby="record-tab-vendor">
          <ErrorNote error={vendor.error} />
          {vendor.data && 'record' in vendor.data ? (
            <>
              <p class="muted" data-testid="vendor-operation">
                {vendor.data.record.operationId}:{' '}
                <code>
                  {vendor.data.record.method} {vendor.data.record.path}
                </code>{' '}
                answered {vendor.data.record.status}
              </p>
              <Json value={vendor.data.record.body} label="Vendor JSON" />
            </>
          ) : vendor.data ? (
            <>
              <p class="muted" data-testid="vendor-operation">
                As stored: {vendor.data.none}
              </p>
              <Json value={stored} label="Record JSON" />
            </>
          ) : (
            !vendor.error && <p class="muted">Loading…</p>
          )}
        </div>
      ) : (
        <div role="tabpanel" id="record-panel-stored" aria-labelledby="record-tab-stored">
          <p class="muted">As the mock stores it (GET /__mock/state): internal fields and times as epoch numbers.</p>
          <Json value={stored} label="Record JSON" />
        </div>
      )}
    </>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DataView() {
  const [initialProvider, initialTenant] = hashParts();
  const [provider, setProvider] = useState(initialProvider ?? '');
  const [tenant, setTenant] = useState(initialTenant ?? '');
  const [selected, setSelected] = useState<Selected>();
  const state = useLive(() => api.state());
  const health = useLive(() => api.health());
  const action = useAction();

  const providers = health.data?.providers.map((p) => p.name) ?? [];
  const current = provider || providers[0] || '';
  const tenants = Object.keys(state.data?.providers[current] ?? {});
  const currentTenant = tenants.includes(tenant) ? tenant : (tenants[0] ?? '');
  const tenantState = state.data?.providers[current]?.[currentTenant];
  // The selected record as the latest state has it (it may have changed, or gone).
  const selectedId = selected ? selected.path.join('\u0000') : '';
  let fresh: Row | undefined;
  if (selected && tenantState) {
    let node: unknown = tenantState;
    for (let i = 0; i < selected.path.length && node; i += 2) {
      const t = (node as Record<string, unknown>)[selected.path[i]!] as Table | undefined;
      node = t?.rows?.find((r) => String(r[t.key]) === selected.path[i + 1]);
    }
    fresh = node as Row | undefined;
  }

  return (
    <div class="stack">
      <ErrorNote error={state.error ?? action.error} />
      <Status message={action.message} />
      <Section
        title="State file"
        actions={
          <div class="actions">
            <button
              type="button"
              onClick={() =>
                action.run(async () => {
                  const doc = await api.state();
                  download(`collections-mock-state-${doc.savedAt.replace(/[:.]/g, '-')}.json`, JSON.stringify(doc, null, 2));
                }, 'Exported.')
              }
            >
              Export state
            </button>
            <label class="file-button">
              Import state
              <input
                type="file"
                accept="application/json,.json"
                aria-label="Import a state file"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (!file) return;
                  void action.run(async () => {
                    const r = await api.importState(JSON.parse(await file.text()));
                    state.reload();
                    return r;
                  }, `Imported ${file.name}.`);
                }}
              />
            </label>
            <button
              type="button"
              class="danger"
              onClick={() => {
                if (!confirm("Reset everything: every provider's data, the journal, active scenarios and deliveries?")) return;
                void action.run(async () => {
                  await api.reset({});
                  setSelected(undefined);
                  state.reload();
                }, 'Everything was reset.');
              }}
            >
              Reset everything
            </button>
          </div>
        }
      >
        <p class="muted">The same file as GET and PUT /__mock/state: export it, reset, import it back.</p>
      </Section>
      <div class="filters">
        <label>
          Provider
          <select
            value={current}
            onChange={(e) => {
              setProvider(e.currentTarget.value);
              setTenant('');
              setSelected(undefined);
            }}
          >
            {providers.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tenant
          <select
            value={currentTenant}
            onChange={(e) => {
              setTenant(e.currentTarget.value);
              setSelected(undefined);
            }}
          >
            {tenants.length === 0 && <option value="">(no tenants yet)</option>}
            {tenants.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        {currentTenant && (
          <button
            type="button"
            class="danger"
            onClick={() => {
              if (!confirm(`Reset ${current} tenant ${currentTenant}?`)) return;
              void action.run(async () => {
                await api.reset({ provider: current, tenant: currentTenant });
                setSelected(undefined);
                state.reload();
              }, `Tenant ${currentTenant} was reset.`);
            }}
          >
            Reset this tenant
          </button>
        )}
      </div>
      <div class="split">
        <nav class="pane" aria-label="Records">
          {tenantState ? (
            <Records node={tenantState} path={[]} selected={selectedId} onSelect={setSelected} />
          ) : (
            <p class="muted">No data for this provider yet.</p>
          )}
        </nav>
        <section class="pane" aria-label="Record">
          {selected && fresh ? (
            <>
              <div class="section-head">
                <h2>
                  {selected.path[selected.path.length - 2]}: {keyOf(fresh, selected.table)}
                </h2>
                <button
                  type="button"
                  class="danger"
                  onClick={() =>
                    action.run(async () => {
                      await api.removeRecord({ provider: current, tenant: currentTenant, path: selected.path });
                      setSelected(undefined);
                      state.reload();
                    }, 'Removed.')
                  }
                >
                  Delete
                </button>
              </div>
              {health.data ? (
                <RecordJson
                  provider={current}
                  tenant={currentTenant}
                  path={selected.path}
                  stored={plain(fresh)}
                  rendered={health.data.providers.find((p) => p.name === current)?.records ?? []}
                />
              ) : (
                <p class="muted">Loading…</p>
              )}
              <Linked state={tenantState} selected={selected} fresh={fresh} onSelect={setSelected} />
            </>
          ) : (
            <p class="muted">{selected ? 'This record is gone.' : 'Choose a record to see its JSON.'}</p>
          )}
        </section>
      </div>
    </div>
  );
}
