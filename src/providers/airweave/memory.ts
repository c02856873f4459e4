/**
 * What an Airweave provider keeps across organisations, beside their
 * records: the vendor keeps one namespace of readable ids and of pending
 * OAuth codes for its whole database, has the same auth-provider connections
 * for everyone, and tells a foreign organisation from an unknown one. One per
 * provider instance (so per server): two servers in one process share none
 * of it. Never saved: adopt and forget rebuild it from the states.
 */
export interface AirweaveMemory {
  /** Every collection's readable id → its organisation. */
  readableIds: Map<string, string>;
  /** Pending OAuth authorizations: the code in auth_url → whose connection it is. */
  oauthCodes: Map<string, { organization: string; connectionId: string }>;
  /** Auth-provider connections that exist for every organisation (the mock has one, `composio-test`). */
  authProviders: ReadonlySet<string>;
  /** Organisations the mock knows: from the key file, and every key seen. */
  organizations: Set<string>;
}

export function createAirweaveMemory(organizations: Iterable<string> = []): AirweaveMemory {
  return { readableIds: new Map(), oauthCodes: new Map(), authProviders: new Set(['composio-test']), organizations: new Set(organizations) };
}
