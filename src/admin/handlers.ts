/**
 * One function per operationId of specs/admin.yaml, typed from the generated
 * `operations`. Every reply is built field by field from the schema, so a
 * field added to a core record does not leak into the API unannounced.
 */
import type { operations, components } from '../generated/admin.js';
import type { Handlers, HandlerContext } from '../core/provider.js';
import { MockError } from '../core/errors.js';
import path from 'node:path';
import { SHIPPED_SCENARIOS_DIR, ScenarioError, checkScenario, type Activation, type Scenario } from '../core/scenarios.js';
import type { Spec } from '../core/spec.js';
import type { Delivery } from '../core/delivery.js';
import { RecordPathError, StateError } from '../core/state-io.js';
import { eventStream } from '../core/sse.js';
import { publicEntry } from '../core/events.js';
import { readConsoleFile } from './console.js';
import { renderRecord } from '../core/records.js';
import type { AdminContext } from './context.js';

type Schemas = components['schemas'];
type Ctx<K extends keyof operations> = HandlerContext<operations[K], AdminContext>;

const iso = (ms: number): string => new Date(ms).toISOString();

function mountedNames(admin: AdminContext): string[] {
  return admin.providers.map((m) => m.provider.name);
}

/** A provider named in a request must be mounted; the 400 says which are. */
function requireProvider(admin: AdminContext, name: string | undefined, where: string): string | undefined {
  if (name === undefined) return undefined;
  const names = mountedNames(admin);
  if (!names.includes(name)) {
    throw new MockError('bad_request', `${where}: provider "${name}" is not mounted; mounted: ${names.join(', ') || 'none'}.`, { details: { field: where } });
  }
  return name;
}

/** ISO 8601 or epoch milliseconds, as epoch milliseconds; a time without a zone is UTC, as the journal prints it. */
function parseSince(text: string): number {
  const zoned = /[Tt ]\d/.test(text) && !/([Zz]|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text;
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(zoned.replace(' ', 'T'));
  if (!Number.isFinite(ms))
    throw new MockError('bad_request', `since: "${text}" is neither an ISO 8601 time nor epoch milliseconds.`, { details: { field: 'since' } });
  return ms;
}

function clockState(admin: AdminContext): Schemas['ClockState'] {
  const nowMs = admin.clock.nowMs();
  return { mode: admin.clock.mode, now: iso(nowMs), nowMs, pending: admin.clock.pending() };
}

function renderDelivery(d: Delivery): Schemas['Delivery'] {
  return {
    id: d.id,
    provider: d.provider ?? null,
    url: d.url,
    topic: d.topic,
    body: d.body ?? null,
    headers: { ...d.headers },
    attempts: d.attempts.map((a) => ({
      at: iso(a.at),
      atMs: a.at,
      ...(a.status !== undefined ? { status: a.status } : {}),
      ...(a.error !== undefined ? { error: a.error } : {}),
    })),
    state: d.state,
  };
}

export function renderActivation(a: Activation): Schemas['Activation'] {
  return {
    id: a.id,
    provider: a.provider,
    name: a.scenario.name,
    tenant: a.tenant ?? null,
    via: a.via,
    activatedAt: iso(a.activatedAt),
    source: a.scenario.source,
    rules: a.scenario.rules.map((rule, i) => {
      const hits = a.hits[i] ?? 0;
      return { rule: i + 1, times: rule.times ?? null, hits, spent: rule.times !== undefined && hits >= rule.times };
    }),
  };
}

function renderScenario(s: Scenario): Schemas['Scenario'] {
  return {
    provider: s.provider,
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    source: s.source,
    shipped: s.source.startsWith(SHIPPED_SCENARIOS_DIR + path.sep),
    rules: s.rules as Schemas['ScenarioRule'][],
  };
}

/** The inline scenario of an activation, checked like a file; a problem names its rule (1-based) and field. */
function inlineScenario(admin: AdminContext, provider: string, raw: Record<string, unknown>): Scenario {
  if (raw.provider !== undefined && raw.provider !== provider) {
    throw new MockError('bad_request', `scenario.provider says ${JSON.stringify(raw.provider)} but provider is "${provider}".`, {
      details: { rule: null, field: 'provider' },
    });
  }
  const specs = new Map<string, Spec>(admin.providers.map((m) => [m.provider.name, m.spec]));
  try {
    // A copy: the registry keeps the scenario, and the request body is not ours to keep.
    return checkScenario(structuredClone(raw), 'inline', specs, provider);
  } catch (err) {
    if (err instanceof ScenarioError) {
      throw new MockError('bad_request', err.message, { details: { rule: err.rule === null ? null : err.rule + 1, field: err.field } });
    }
    throw err;
  }
}

/** Hands an admin operation over to the provider whose data it acts on (Provider.admin). */
async function delegate(
  admin: AdminContext,
  provider: string,
  operationId: keyof operations,
  ctx: { path: unknown; query: unknown; body: unknown },
): Promise<never> {
  const m = admin.providers.find((p) => p.provider.name === provider);
  const operation = m?.provider.admin?.[operationId];
  if (!m || !operation) throw new MockError('not_found', `${provider} is not mounted on this server.`);
  return (await operation({
    path: ctx.path as Record<string, string>,
    query: ctx.query as Record<string, unknown>,
    body: ctx.body,
    tenants: m.tenants,
  })) as never;
}

export function createHandlers(): Handlers<operations, AdminContext> {
  return {
    getAirweaveEntities: (ctx: Ctx<'getAirweaveEntities'>) => delegate(ctx.state, 'airweave', 'getAirweaveEntities', ctx),
    putAirweaveEntities: (ctx: Ctx<'putAirweaveEntities'>) => delegate(ctx.state, 'airweave', 'putAirweaveEntities', ctx),
    addAirweaveEntities: (ctx: Ctx<'addAirweaveEntities'>) => delegate(ctx.state, 'airweave', 'addAirweaveEntities', ctx),
    deleteAirweaveEntities: (ctx: Ctx<'deleteAirweaveEntities'>) => delegate(ctx.state, 'airweave', 'deleteAirweaveEntities', ctx),

    getHealth({ state: admin }: Ctx<'getHealth'>) {
      const { steps, waiting } = admin.loading();
      if (steps.length) {
        const body: Schemas['HealthLoading'] = { status: 'loading', loading: [...steps], waiting };
        // Handlers are typed for their successes; the self-check holds this reply to the spec's 503 all the same.
        return { status: 503, body } as never;
      }
      return {
        status: 200,
        body: {
          status: 'ok',
          providers: admin.providers.map((m) => ({
            name: m.provider.name,
            prefix: m.provider.prefix,
            records: (m.provider.records?.views ?? []).map((v) => [...v.tables]),
          })),
          root: admin.root,
          clock: admin.clock.mode,
          processing_ms: admin.processingMs,
          scenarios: admin.scenarios.list().length,
          journal: admin.journal.size,
          adminToken: admin.adminToken !== undefined,
          console: admin.consoleDir !== null,
        },
      };
    },

    resetState({ state: admin, body }: Ctx<'resetState'>) {
      const provider = requireProvider(admin, body?.provider, 'provider');
      const tenant = body?.tenant;
      if (provider === undefined) {
        let tenants = 0;
        let tasks = 0;
        for (const name of mountedNames(admin)) {
          const r = admin.reset(name);
          tenants += r.tenants;
          tasks += r.tasks;
        }
        // What is left is not any provider's: delivery retries and anything scheduled from outside.
        tasks += admin.clock.pending();
        admin.clock.cancelAll();
        const deliveries = admin.deliveries.list().length;
        admin.deliveries.clear();
        const journal = admin.journal.size;
        admin.journal.clear();
        const activations = admin.scenarios.active().length;
        admin.scenarios.clear();
        return { status: 200, body: { scope: 'all', providers: mountedNames(admin), tenant: null, tenants, tasks, journal, activations, deliveries } };
      }
      if (tenant !== undefined) {
        const r = admin.reset(provider, tenant);
        return {
          status: 200,
          body: { scope: 'tenant', providers: [provider], tenant, tenants: r.tenants, tasks: r.tasks, journal: 0, activations: 0, deliveries: 0 },
        };
      }
      const r = admin.reset(provider);
      const journal = admin.journal.list({ provider }).length;
      admin.journal.clear(provider);
      const activations = admin.scenarios.active(provider).length;
      admin.scenarios.clear(provider);
      return {
        status: 200,
        body: { scope: 'provider', providers: [provider], tenant: null, tenants: r.tenants, tasks: r.tasks, journal, activations, deliveries: 0 },
      };
    },

    listJournal({ state: admin, query }: Ctx<'listJournal'>) {
      const provider = requireProvider(admin, query.provider, 'provider');
      const entries = admin.journal.list({
        ...(provider !== undefined ? { provider } : {}),
        ...(query.operation !== undefined ? { operationId: query.operation } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.since !== undefined ? { sinceMs: parseSince(query.since) } : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
      });
      return {
        status: 200,
        body: {
          entries: entries.map(publicEntry),
          size: admin.journal.size,
          capacity: Math.max(0, admin.journal.capacity),
        },
      };
    },

    clearJournal({ state: admin, query }: Ctx<'clearJournal'>) {
      const provider = requireProvider(admin, query.provider, 'provider');
      const cleared = provider === undefined ? admin.journal.size : admin.journal.list({ provider }).length;
      admin.journal.clear(provider);
      return { status: 200, body: { cleared } };
    },

    listScenarios({ state: admin, query }: Ctx<'listScenarios'>) {
      const provider = requireProvider(admin, query.provider, 'provider');
      const scenarios = admin.scenarios
        .list(provider)
        .slice()
        .sort((a, b) => (a.provider === b.provider ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.provider < b.provider ? -1 : 1));
      return { status: 200, body: { scenarios: scenarios.map(renderScenario) } };
    },

    listActiveScenarios({ state: admin, query }: Ctx<'listActiveScenarios'>) {
      const provider = requireProvider(admin, query.provider, 'provider');
      return { status: 200, body: { activations: admin.scenarios.active(provider).map(renderActivation) } };
    },

    activateScenario({ state: admin, body }: Ctx<'activateScenario'>) {
      const provider = requireProvider(admin, body.provider, 'provider')!;
      let scenario: Scenario;
      if (body.scenario !== undefined) {
        scenario = inlineScenario(admin, provider, body.scenario);
      } else {
        const found = admin.scenarios.get(provider, body.name!);
        if (!found) {
          const known = admin.scenarios.list(provider).map((s) => s.name);
          throw new MockError('not_found', `No scenario "${body.name}" for ${provider}; loaded: ${known.join(', ') || 'none'}.`);
        }
        scenario = found;
      }
      const activation = admin.scenarios.activate(scenario, body.tenant);
      return { status: 201, body: renderActivation(activation) };
    },

    deactivateAllScenarios({ state: admin, query }: Ctx<'deactivateAllScenarios'>) {
      const provider = requireProvider(admin, query.provider, 'provider');
      const tenant = query.tenant;
      if (tenant !== undefined && provider === undefined) {
        throw new MockError('bad_request', 'tenant: needs provider as well.', { details: { field: 'tenant' } });
      }
      const cleared = admin.scenarios.active(provider).filter((a) => tenant === undefined || a.tenant === tenant).length;
      admin.scenarios.clear(provider, tenant);
      return { status: 200, body: { cleared } };
    },

    deactivateScenario({ state: admin, path }: Ctx<'deactivateScenario'>) {
      const removed = admin.scenarios.deactivate(path.activationId);
      if (!removed) throw new MockError('not_found', `No active scenario ${path.activationId}.`);
      return { status: 200, body: renderActivation(removed) };
    },

    getClock({ state: admin }: Ctx<'getClock'>) {
      return { status: 200, body: clockState(admin) };
    },

    setClockMode({ state: admin, body }: Ctx<'setClockMode'>) {
      admin.clock.setMode(body.mode);
      return { status: 200, body: clockState(admin) };
    },

    advanceClock({ state: admin, body }: Ctx<'advanceClock'>) {
      if (admin.clock.mode !== 'manual') {
        throw new MockError('conflict', 'The clock is real; switch it to manual (PUT /__mock/clock {"mode":"manual"}) before advancing it.');
      }
      admin.clock.advance(body.ms);
      return { status: 200, body: clockState(admin) };
    },

    exportState({ state: admin, query }: Ctx<'exportState'>) {
      const provider = requireProvider(admin, query.provider, 'provider');
      return { status: 200, body: admin.exportState(provider) };
    },

    importState({ state: admin, body }: Ctx<'importState'>) {
      try {
        return { status: 200, body: admin.importState(body) };
      } catch (err) {
        if (!(err instanceof StateError)) throw err;
        throw new MockError('validation', `The state cannot be loaded: ${err.message}`, {
          issues: [{ location: 'body', pointer: err.pointer, rule: err.rule, message: err.reason }],
        });
      }
    },

    listDeliveries({ state: admin, query }: Ctx<'listDeliveries'>) {
      const provider = requireProvider(admin, query.provider, 'provider');
      const deliveries = admin.deliveries.list().filter((d) => provider === undefined || d.provider === provider);
      return { status: 200, body: { deliveries: deliveries.map(renderDelivery) } };
    },

    retryDelivery({ state: admin, path }: Ctx<'retryDelivery'>) {
      const d = admin.deliveries.retry(path.deliveryId);
      if (!d) throw new MockError('not_found', `No delivery ${path.deliveryId}.`);
      return { status: 200, body: renderDelivery(d) };
    },

    getJournalEntry({ state: admin, path }: Ctx<'getJournalEntry'>) {
      const entry = admin.journal.get(path.entryId);
      if (!entry)
        throw new MockError('not_found', `No journal entry ${path.entryId}: the journal keeps the last ${Math.max(0, admin.journal.capacity)} requests.`);
      return {
        status: 200,
        body: { entry: publicEntry(entry), exchange: entry.wire?.read(entry.selfCheck?.issues ?? []) ?? null },
      };
    },

    streamEvents({ state: admin, query }: Ctx<'streamEvents'>) {
      const provider = requireProvider(admin, query.provider, 'provider');
      const feed = admin.events.open(provider !== undefined ? { provider } : {});
      return {
        status: 200,
        contentType: 'text/event-stream',
        headers: { 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
        body: eventStream(feed),
      } as never;
    },

    removeRecord({ state: admin, body }: Ctx<'removeRecord'>) {
      const provider = requireProvider(admin, body.provider, 'provider')!;
      try {
        const record = admin.removeRecord(provider, body.tenant, body.path);
        return { status: 200, body: { provider, tenant: body.tenant, path: [...body.path], record } };
      } catch (err) {
        if (err instanceof RecordPathError) throw new MockError(err.missing ? 'not_found' : 'bad_request', err.message);
        if (err instanceof StateError) throw new MockError('bad_request', `The record cannot be removed alone: ${err.message}`);
        throw err;
      }
    },

    async getVendorRecord({ state: admin, path, query, request }: Ctx<'getVendorRecord'>) {
      const m = admin.providers.find((p) => p.provider.name === path.provider);
      if (!m) throw new MockError('not_found', `Provider "${path.provider}" is not mounted; mounted: ${mountedNames(admin).join(', ') || 'none'}.`);
      const tenants = (admin.exportState(path.provider).providers as Record<string, Record<string, unknown> | undefined>)[path.provider] ?? {};
      if (!Object.hasOwn(tenants, query.tenant)) throw new MockError('not_found', `${path.provider} has no tenant ${JSON.stringify(query.tenant)}.`);
      const rendered = await renderRecord(m, query.tenant, tenants[query.tenant], query.path, request.headers.host);
      return { status: 200, body: { provider: path.provider, tenant: query.tenant, record: [...query.path], ...rendered } };
    },

    getConsole({ state: admin }: Ctx<'getConsole'>) {
      return readConsoleFile(admin.consoleDir, 'index.html') as never;
    },

    getConsoleAsset({ state: admin, path }: Ctx<'getConsoleAsset'>) {
      return readConsoleFile(admin.consoleDir, `assets/${path.file}`) as never;
    },
  };
}
