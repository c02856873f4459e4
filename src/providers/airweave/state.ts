/**
 * What a saved Airweave state must hold together beyond its schema: each
 * organisation is saved under its own id, connections name collections of
 * their organisation and jobs their connections, readable ids and pending
 * OAuth codes are unique across organisations (the vendor keeps one namespace
 * of each), schedules are cron the mock reads, entities belong to a collection
 * (and to a connection of it, when synced) under the key that says so, and the
 * creation counter is past every record's number.
 */
import type { components } from '../../generated/admin.js';
import type { StateCheckContext, StateProblem } from '../../core/provider.js';
import { parseCron } from './cron.js';
import { connectionKey, loadedKey } from './entities.js';

type Tenant = components['schemas']['StateAirweaveTenant'];

export function checkAirweaveState(tenants: Readonly<Record<string, unknown>>, ctx: StateCheckContext): StateProblem | undefined {
  const readableIds = new Map<string, string>();
  const authCodes = new Map<string, string>();
  for (const [tenant, saved] of Object.entries(tenants)) {
    const t = saved as Tenant;
    if (t.organizationId !== tenant) return { path: [tenant, 'organizationId'], message: `is ${t.organizationId}, not the organisation it is saved under` };
    let highest = 0;
    for (const [i, c] of t.collections.rows.entries()) {
      const at = [tenant, 'collections', 'rows', i];
      const other = readableIds.get(c.readableId);
      if (other !== undefined) return { path: [...at, 'readableId'], message: `readable id ${c.readableId} is organisation ${other}'s too` };
      readableIds.set(c.readableId, tenant);
      const problem = c.syncConfig === null ? undefined : ctx.conforms('SyncConfig', c.syncConfig, [...at, 'syncConfig']);
      if (problem) return problem;
      highest = Math.max(highest, c.seq);
    }
    const collections = new Set(t.collections.rows.map((c) => c.readableId));
    for (const [i, c] of t.connections.rows.entries()) {
      const at = [tenant, 'connections', 'rows', i];
      if (!collections.has(c.collection)) return { path: [...at, 'collection'], message: `no collection ${c.collection} in this organisation` };
      const problem = ctx.conforms('AuthenticationMethod', c.method, [...at, 'method']);
      if (problem) return problem;
      if (c.authCode !== null) {
        const other = authCodes.get(c.authCode);
        if (other !== undefined) return { path: [...at, 'authCode'], message: `the same code is pending for organisation ${other}` };
        authCodes.set(c.authCode, tenant);
      }
      if (c.sync?.cron != null && parseCron(c.sync.cron) === undefined)
        return { path: [...at, 'sync', 'cron'], message: `"${c.sync.cron}" is not a five-field cron expression` };
      highest = Math.max(highest, c.seq);
    }
    const connections = new Set(t.connections.rows.map((c) => c.id));
    for (const [i, j] of t.jobs.rows.entries()) {
      const at = [tenant, 'jobs', 'rows', i];
      if (!connections.has(j.connectionId)) return { path: [...at, 'connectionId'], message: `no connection ${j.connectionId} in this organisation` };
      const problem =
        ctx.conforms('SyncJobStatus', j.status, [...at, 'status']) ?? ctx.conforms('SourceConnectionErrorCategory', j.errorCategory, [...at, 'errorCategory']);
      if (problem) return problem;
      highest = Math.max(highest, j.seq);
    }
    const connectionCollection = new Map(t.connections.rows.map((c) => [c.id, c.collection]));
    for (const [i, e] of (t.entities?.rows ?? []).entries()) {
      const at = [tenant, 'entities', 'rows', i];
      if (!collections.has(e.collection)) return { path: [...at, 'collection'], message: `no collection ${e.collection} in this organisation` };
      if (e.connectionId !== null) {
        const of = connectionCollection.get(e.connectionId);
        if (of === undefined) return { path: [...at, 'connectionId'], message: `no connection ${e.connectionId} in this organisation` };
        if (of !== e.collection) return { path: [...at, 'collection'], message: `is ${e.collection}, but connection ${e.connectionId} is in ${of}` };
      }
      const expected = e.connectionId === null ? loadedKey(e.collection, e.entityId) : connectionKey(e.connectionId, e.entityId);
      if (e.key !== expected) return { path: [...at, 'key'], message: `is ${e.key}, not ${expected}` };
      highest = Math.max(highest, e.seq);
    }
    if (t.seq < highest) return { path: [tenant, 'seq'], message: `is ${t.seq}, below a record's creation number (${highest})` };
  }
  return undefined;
}
