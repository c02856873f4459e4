/**
 * What a saved xAI state must hold together beyond its schema: every document
 * is a file of the same team, and the values the vendor's replies echo
 * (chunk configuration, field definitions, statuses) are the vendor's shapes.
 */
import type { components } from '../../generated/admin.js';
import type { StateCheckContext, StateProblem } from '../../core/provider.js';

type Tenant = components['schemas']['StateXaiTenant'];

export function checkXaiState(tenants: Readonly<Record<string, unknown>>, ctx: StateCheckContext): StateProblem | undefined {
  for (const [tenant, saved] of Object.entries(tenants)) {
    const t = saved as Tenant;
    const files = new Set(t.files.rows.map((f) => f.id));
    for (const [i, c] of t.collections.rows.entries()) {
      const at = [tenant, 'collections', 'rows', i];
      const problem =
        (c.chunkConfiguration === null ? undefined : ctx.conforms('ChunkConfiguration', c.chunkConfiguration, [...at, 'chunkConfiguration'])) ??
        c.fieldDefinitions.map((d, j) => ctx.conforms('FieldDefinition', d, [...at, 'fieldDefinitions', j])).find(Boolean);
      if (problem) return problem;
      for (const [j, d] of c.documents.rows.entries()) {
        const doc = [...at, 'documents', 'rows', j];
        if (!files.has(d.fileId)) return { path: [...doc, 'fileId'], message: `no file ${d.fileId} among this team's files` };
        const status = ctx.conforms('DocumentStatus', d.status, [...doc, 'status']);
        if (status) return status;
      }
    }
  }
  return undefined;
}
