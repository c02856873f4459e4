/**
 * The xAI Collections provider: management host (/v1/collections…) and the
 * api host's Files endpoints (/v1/files…), both under /xai.
 */
import { packagePath } from '../../core/paths.js';
import type { operations } from '../../generated/xai.js';
import { MockError } from '../../core/errors.js';
import { defineProvider, type AuthResult, type ProviderOptions, type RequestContext, type RequestView, type TypedProvider } from '../../core/provider.js';
import { createHandlers } from './handlers.js';
import { renderXaiError } from './errors.js';
import { createXaiMemory } from './memory.js';
import { createXaiState, internMediaType, packBytes, rebuildIndex, scheduleExpiry, startIndexing, type XaiState } from './model.js';
import { checkXaiState } from './state.js';
import { parseKeyFile } from '../../core/keyfile.js';
import { remembered } from '../../core/remembered.js';
import { xaiRecords } from './records.js';

export type KeyKind = 'api' | 'management';

export interface XaiKey {
  key: string;
  team: string;
  kind: KeyKind;
}

export interface XaiPrincipal extends Record<string, unknown> {
  team: string;
  kind: KeyKind;
  /** True when the team comes from an --api-keys file (so a foreign team_id can be recognised). */
  known: boolean;
}

/** Management keys look like `xai-token-…`; anything else is treated as an API key. */
const kindOf = (key: string): KeyKind => (key.startsWith('xai-token-') ? 'management' : 'api');

/** The vendor echoes keys masked: first two and last two characters around `***`. */
export const maskKey = (key: string): string => (key.length <= 4 ? '***' : `${key.slice(0, 2)}***${key.slice(-2)}`);

function parseKeys(raw: unknown): Map<string, XaiKey> | undefined {
  return parseKeyFile(raw, {
    provider: 'xai',
    shape: '{ key, team, kind? }',
    required: ['key', 'team'],
    nameKey: maskKey,
    read(e, fail) {
      if (e.kind !== undefined && e.kind !== 'api' && e.kind !== 'management') fail('"kind" must be "api" or "management"');
      return { key: e.key, team: e.team as string, kind: (e.kind as KeyKind | undefined) ?? kindOf(e.key) };
    },
  });
}

/** Callers remembered at most (a client that sends more keys than this has them worked out again). */
const CALLERS_KEPT = 4096;

/** The Files API (and search) live on api.x.ai, which takes API keys only. */
const API_HOST_ONLY = /^\/v1\/(files|documents\/search)(\/|$)/;

/** A team_id (query or body) naming another team than the key's is refused (assumption: 403), whatever the operation. */
function checkTeam(ctx: RequestContext<XaiState>): void {
  const p = ctx.auth.principal as XaiPrincipal;
  if (!p.known) return;
  const b = (ctx.body && typeof ctx.body === 'object' ? ctx.body : {}) as { team_id?: unknown };
  for (const teamId of [ctx.query.team_id, b.team_id]) {
    if (typeof teamId === 'string' && teamId !== '' && teamId !== p.team) {
      throw new MockError('forbidden', `The key does not belong to team ${teamId}.`);
    }
  }
}

export function createXaiProvider(options: ProviderOptions = {}): TypedProvider<operations, XaiState> {
  const keys = parseKeys(options.apiKeys);
  // This provider's caches, indexes and slabs, shared by its tenants only.
  const memory = createXaiMemory();

  /** Callers seen lately, by their `authorization` header: one frozen result each (the tenant's text is then the same string on every request, and the journal keeps no copy of it). */
  const caller = remembered(CALLERS_KEPT, (header: string): AuthResult => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new MockError('unauthenticated', 'No credentials presented.');
    const token = m[1]!;
    let principal: XaiPrincipal;
    if (keys) {
      const k = keys.get(token);
      if (!k) {
        // The vendor answers an unknown key with 400, not 401.
        throw new MockError('validation', `Incorrect API key provided: ${maskKey(token)}. You can obtain an API key from https://console.x.ai.`);
      }
      principal = { team: k.team, kind: k.kind, known: true };
    } else {
      // Without a key file every key is its own team.
      principal = { team: `key:${token}`, kind: kindOf(token), known: false };
    }
    return Object.freeze({ tenant: principal.team, principal: Object.freeze(principal) });
  });

  const authenticate = (view: RequestView): AuthResult => {
    const header = view.headers.authorization;
    if (!header) throw new MockError('unauthenticated', 'No credentials presented.');
    const result = caller(header);
    if ((result.principal as XaiPrincipal).kind === 'management' && API_HOST_ONLY.test(view.path)) {
      throw new MockError('forbidden', 'A management key cannot call the Files API; use an API key.');
    }
    return result;
  };

  return defineProvider<operations, XaiState>({
    name: 'xai',
    prefix: '/xai',
    specFile: packagePath('specs', 'xai.yaml'),
    errorSchema: 'Error',
    acceptLowerCamelCase: true,
    prepare(req) {
      // batchGet also takes one comma-separated value (alias of repeated keys).
      const ids = req.query.file_ids;
      if (ids !== undefined) {
        req.query.file_ids = (Array.isArray(ids) ? ids : [ids]).flatMap((v) => v.split(',')).filter((v) => v !== '');
      }
    },
    authenticate,
    beforeHandle: checkTeam,
    renderError: renderXaiError,
    records: xaiRecords,
    createState: (env) => createXaiState(env, memory),
    checkState: checkXaiState,
    resume: (state) => {
      for (const file of state.files.values()) {
        // Decoded bytes sit in Node's shared pool: copy them out (same bytes, same length, so no order changes).
        file.data = packBytes(state.memory, file.data);
        file.contentType = internMediaType(state.memory, file.contentType);
        scheduleExpiry(state, file);
      }
      // Indexes are never saved: a PROCESSED document is indexed again from its file, a PROCESSING one processed again.
      for (const c of state.collections.values()) {
        for (const doc of c.documents.values()) {
          if (doc.status === 'DOCUMENT_STATUS_PROCESSING') void startIndexing(state, c, doc);
          else if (doc.status === 'DOCUMENT_STATUS_PROCESSED') rebuildIndex(state, c, doc);
        }
      }
    },
    handlers: createHandlers(),
  });
}
