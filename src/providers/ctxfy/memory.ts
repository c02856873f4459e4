/**
 * What a Ctxfy provider keeps across users, beside their records: the keys
 * POST /v1/api-keys minted (a Bearer token names no user until it is looked
 * up), the users it has seen and their plans, each user's rate-limit window,
 * and what /metrics reports (every user's live state, the requests received).
 * One per provider instance (so per server): two servers in one process
 * share none of it. Never saved: adopt and forget rebuild the keys and users
 * from the states.
 */
import type { RateWindow } from './access.js';
import type { CtxfyState, KeyRecord } from './model.js';

export interface CtxfyMemory {
  /** Minted keys by their secret; each record is also its user's `apiKeys` row, so a revoke is seen at once. */
  keys: Map<string, KeyRecord>;
  /** Users seen (configured, by key, restored), with their plan's requests per minute when it is not the default. */
  users: Map<string, { limit?: number }>;
  /** Each user's current rate-limit window. */
  windows: Map<string, RateWindow>;
  /** Every user's live state (one a request has reached, or a load adopted), for /metrics. */
  states: Map<string, CtxfyState>;
  /** Requests received, by operationId, for /metrics. */
  requests: Map<string, number>;
}

export function createCtxfyMemory(): CtxfyMemory {
  return { keys: new Map(), users: new Map(), windows: new Map(), states: new Map(), requests: new Map() };
}
