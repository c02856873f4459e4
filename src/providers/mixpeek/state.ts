/**
 * What a saved Mixpeek state must hold together beyond its schema: each
 * organisation is saved under its own id, an object sits in the bucket it
 * names, a task under its own id, the values the vendor's replies echo (bucket
 * schemas, unique keys, statuses) are the vendor's shapes, and the creation
 * counter is past every record's number. A retriever's stages and input
 * schema are the vendor's shapes and name stages the mock runs, its name is
 * its namespace's alone, and an execution names a retriever of its namespace.
 */
import type { components } from '../../generated/admin.js';
import type { StateCheckContext, StateProblem } from '../../core/provider.js';
import { STAGE_BY_ID } from './stages.js';

type Tenant = components['schemas']['StateMixpeekTenant'];

export function checkMixpeekState(tenants: Readonly<Record<string, unknown>>, ctx: StateCheckContext): StateProblem | undefined {
  for (const [tenant, saved] of Object.entries(tenants)) {
    const t = saved as Tenant;
    if (t.organization !== tenant) return { path: [tenant, 'organization'], message: `is ${t.organization}, not the organisation it is saved under` };
    let highest = 0;
    for (const [n, ns] of t.namespaces.rows.entries()) {
      highest = Math.max(highest, ns.seq);
      for (const [b, bucket] of ns.buckets.rows.entries()) {
        const at = [tenant, 'namespaces', 'rows', n, 'buckets', 'rows', b];
        const problem =
          ctx.conforms('BucketSchema', bucket.schema, [...at, 'schema']) ??
          (bucket.uniqueKey === undefined ? undefined : ctx.conforms('UniqueKeyConfig', bucket.uniqueKey, [...at, 'uniqueKey']));
        if (problem) return problem;
        highest = Math.max(highest, bucket.seq);
        for (const [o, object] of bucket.objects.rows.entries()) {
          const where = [...at, 'objects', 'rows', o];
          if (object.bucketId !== bucket.id)
            return { path: [...where, 'bucketId'], message: `is ${object.bucketId}, not the bucket that holds it (${bucket.id})` };
          const status = ctx.conforms('TaskStatusEnum', object.status, [...where, 'status']);
          if (status) return status;
          highest = Math.max(highest, object.seq);
        }
      }
      for (const c of ns.collections.rows) {
        highest = Math.max(highest, c.seq);
        for (const d of c.documents.rows) highest = Math.max(highest, d.seq);
      }
      const names = new Set<string>();
      const retrievers = new Set<string>();
      for (const [i, r] of (ns.retrievers?.rows ?? []).entries()) {
        const at = [tenant, 'namespaces', 'rows', n, 'retrievers', 'rows', i];
        if (names.has(r.name)) return { path: [...at, 'name'], message: `is ${r.name}, the name of another retriever of the namespace` };
        names.add(r.name);
        retrievers.add(r.id);
        for (const [j, stage] of r.stages.entries()) {
          const problem = ctx.conforms('StageConfig', stage, [...at, 'stages', j]);
          if (problem) return problem;
          const config = (stage as { config?: { stage_id?: unknown; stage_name?: unknown } }).config;
          const id = config?.stage_id ?? config?.stage_name;
          if (typeof id !== 'string' || !STAGE_BY_ID.has(id))
            return { path: [...at, 'stages', j, 'config'], message: `names the stage ${JSON.stringify(id)}, which the mock does not run` };
        }
        const problem = ctx.conforms('RetrieverInputSchema', r.inputSchema, [...at, 'inputSchema']);
        if (problem) return problem;
        highest = Math.max(highest, r.seq);
      }
      for (const [i, e] of (ns.executions?.rows ?? []).entries()) {
        if (e.retrieverId !== undefined && !retrievers.has(e.retrieverId)) {
          return {
            path: [tenant, 'namespaces', 'rows', n, 'executions', 'rows', i, 'retrieverId'],
            message: `is ${e.retrieverId}, not a retriever of the namespace`,
          };
        }
        highest = Math.max(highest, e.seq);
      }
    }
    for (const [i, [key, task]] of t.tasks.entries.entries()) {
      const at = [tenant, 'tasks', 'entries', i];
      if (task.task_id !== key) return { path: [...at, 1, 'task_id'], message: `is ${task.task_id}, not the key it is saved under (${key})` };
      const status = ctx.conforms('TaskStatusEnum', task.status, [...at, 1, 'status']);
      if (status) return status;
    }
    if (t.seq < highest) return { path: [tenant, 'seq'], message: `is ${t.seq}, below a record's creation number (${highest})` };
  }
  return undefined;
}
