/**
 * What a saved Ctxfy state must hold together beyond its schema: each user is
 * saved under their own id and owns their keys; collections sit in a space of
 * the user, under a parent of the same space, never below themselves; sources
 * name a space and a collection that exist; an upload is saved under its own
 * key; minted secrets are unique across users (each resolves to one user); the
 * values the vendor's replies echo are the vendor's shapes; and the creation
 * counter is past every record's number.
 */
import type { components } from '../../generated/admin.js';
import type { StateCheckContext, StateProblem } from '../../core/provider.js';

type Tenant = components['schemas']['StateCtxfyTenant'];

export function checkCtxfyState(tenants: Readonly<Record<string, unknown>>, ctx: StateCheckContext): StateProblem | undefined {
  const secrets = new Map<string, string>();
  for (const [tenant, saved] of Object.entries(tenants)) {
    const t = saved as Tenant;
    if (t.userId !== tenant) return { path: [tenant, 'userId'], message: `is ${t.userId}, not the user it is saved under` };
    let highest = 0;
    const spaces = new Set(t.spaces.rows.map((s) => s.id));
    for (const s of t.spaces.rows) highest = Math.max(highest, s.seq);
    const collections = new Map(t.collections.rows.map((c) => [c.id, c]));
    for (const [i, c] of t.collections.rows.entries()) {
      const at = [tenant, 'collections', 'rows', i];
      if (!spaces.has(c.spaceId)) return { path: [...at, 'spaceId'], message: `no space ${c.spaceId} for this user` };
      if (c.parentId !== null) {
        const parent = collections.get(c.parentId);
        if (!parent) return { path: [...at, 'parentId'], message: `no collection ${c.parentId} for this user` };
        if (parent.spaceId !== c.spaceId) return { path: [...at, 'parentId'], message: `collection ${c.parentId} is in another space (${parent.spaceId})` };
        // Up the parents, a collection must reach a root: a loop would have the tree walks go round for ever.
        const seen = new Set([c.id]);
        for (let up: typeof parent | undefined = parent; up; up = up.parentId === null ? undefined : collections.get(up.parentId)) {
          if (seen.has(up.id)) return { path: [...at, 'parentId'], message: `collection ${c.id} would be below itself` };
          seen.add(up.id);
        }
      }
      highest = Math.max(highest, c.seq);
    }
    for (const [i, s] of t.sources.rows.entries()) {
      const at = [tenant, 'sources', 'rows', i];
      if (!spaces.has(s.spaceId)) return { path: [...at, 'spaceId'], message: `no space ${s.spaceId} for this user` };
      if (s.collectionId !== null) {
        const c = collections.get(s.collectionId);
        if (!c) return { path: [...at, 'collectionId'], message: `no collection ${s.collectionId} for this user` };
        if (c.spaceId !== s.spaceId) return { path: [...at, 'collectionId'], message: `collection ${s.collectionId} is in another space (${c.spaceId})` };
      }
      const problem =
        ctx.conforms('SourceType', s.type, [...at, 'type']) ??
        ctx.conforms('SourceStatus', s.status, [...at, 'status']) ??
        ctx.conforms('SourceInitialData', s.initialData, [...at, 'initialData']) ??
        ctx.conforms('SourceInstructions', s.instructions, [...at, 'instructions']) ??
        (s.run === undefined
          ? undefined
          : (ctx.conforms('SourceType', s.run.type, [...at, 'run', 'type']) ??
            ctx.conforms('SourceInitialData', s.run.initialData, [...at, 'run', 'initialData'])));
      if (problem) return problem;
      highest = Math.max(highest, s.seq);
    }
    for (const [i, [key, upload]] of t.uploads.entries.entries()) {
      if (upload.fileKey !== key)
        return { path: [tenant, 'uploads', 'entries', i, 1, 'fileKey'], message: `is ${upload.fileKey}, not the key it is saved under (${key})` };
    }
    for (const [i, k] of t.apiKeys.rows.entries()) {
      const at = [tenant, 'apiKeys', 'rows', i];
      if (k.userId !== tenant) return { path: [...at, 'userId'], message: `is ${k.userId}, not the user it is saved under` };
      const other = secrets.get(k.secret);
      if (other !== undefined) return { path: [...at, 'secret'], message: `the same secret is user ${other}'s key too` };
      secrets.set(k.secret, tenant);
      highest = Math.max(highest, k.seq);
    }
    if (t.seq < highest) return { path: [tenant, 'seq'], message: `is ${t.seq}, below a record's creation number (${highest})` };
  }
  return undefined;
}
