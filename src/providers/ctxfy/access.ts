/**
 * Who is calling Ctxfy, and how often: users, the keys that resolve to them
 * (configured, minted by POST /v1/api-keys, or ad hoc), revocation and expiry,
 * and the per-user fixed-window rate limit with its X-RateLimit-* counters.
 */
import { MockError } from '../../core/errors.js';
import type { RateLimitSetting } from '../../core/provider.js';
import type { EpochMillis } from '../../core/time.js';
import { parseKeyFile } from '../../core/keyfile.js';
import { uuidFromText } from '../../core/hash.js';
import type { CtxfyMemory } from './memory.js';
import type { KeyRecord } from './model.js';

export const PLANS = { free: 10, pro: 100 } as const;
export const WINDOW_MS = 60_000;

/** A user's fixed rate-limit window: when it started, and the requests counted in it. */
export interface RateWindow {
  start: EpochMillis;
  count: number;
}

export interface ConfiguredKey {
  key: string;
  user: string;
  limit?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stable user id for a token that nobody registered: the same token is the same user on every run. */
export function userIdFor(token: string): string {
  return uuidFromText(`ctxfy-user:${token}`);
}

export function limitOf(setting: RateLimitSetting): number {
  return typeof setting === 'number' ? setting : PLANS[setting];
}

/** The ctxfy section of --api-keys: `[{ key, user?, plan? }]`, plan `free`, `pro` or requests per minute. */
export function parseKeys(raw: unknown): Map<string, ConfiguredKey> | undefined {
  return parseKeyFile<ConfiguredKey>(raw, {
    provider: 'ctxfy',
    shape: '{ key, user?, plan? }',
    read(e, fail) {
      if (e.user !== undefined && (typeof e.user !== 'string' || !UUID.test(e.user))) fail('"user" must be a lowercase UUID');
      let limit: number | undefined;
      if (e.plan !== undefined) {
        if (e.plan === 'free' || e.plan === 'pro') limit = PLANS[e.plan];
        else if (typeof e.plan === 'number' && Number.isInteger(e.plan) && e.plan > 0) limit = e.plan;
        else fail('"plan" must be "free", "pro" or a positive whole number of requests per minute');
      }
      const user = (e.user as string | undefined) ?? userIdFor(e.key);
      return { key: e.key, user, ...(limit !== undefined ? { limit } : {}) };
    },
    // The plan belongs to the user: entries of one user may repeat it or leave it out, not contradict it.
    check(k, before, fail) {
      if (k.limit === undefined) return;
      const other = [...before.values()].find((o) => o.user === k.user && o.limit !== undefined && o.limit !== k.limit);
      if (other) fail(`user ${k.user} already has another plan`);
    },
  });
}

export interface Access {
  /** The user a Bearer token stands for; throws the 401 (missing, unknown, revoked, expired) otherwise. */
  resolve(authorization: string | undefined): { userId: string; keyId?: string };
  /** Counts one request of the user; throws the 429 when enforcement is on and the window is spent. */
  count(userId: string): void;
  /** The X-RateLimit-* headers for the user's current window. */
  headers(userId: string): Record<string, string>;
  /** Makes a minted key usable as a Bearer token. */
  register(key: KeyRecord): void;
  /** The key stops working (its user's data was dropped). */
  unregister(key: KeyRecord): void;
  /** Whether this user id has been seen (presigned upload URLs name their user). */
  knows(userId: string): boolean;
  /** Makes a user known again (state restored from saved data). */
  adopt(userId: string): void;
}

/** Access over the provider's memory (its keys, users and windows), on the server's clock. */
export function createAccess(options: {
  memory: CtxfyMemory;
  nowMs: () => EpochMillis;
  configured?: Map<string, ConfiguredKey>;
  rateLimit?: RateLimitSetting;
}): Access {
  const { nowMs, configured } = options;
  const { keys: minted, users, windows } = options.memory;
  const enforce = options.rateLimit !== undefined;
  const defaultLimit = options.rateLimit !== undefined ? limitOf(options.rateLimit) : PLANS.pro;
  for (const k of configured?.values() ?? []) {
    const limit = k.limit ?? users.get(k.user)?.limit;
    users.set(k.user, limit !== undefined ? { limit } : {});
  }

  const unauthenticated = () => new MockError('unauthenticated', 'Authentication required. Please provide a valid API token');

  const windowOf = (userId: string): RateWindow => {
    const now = nowMs();
    let w = windows.get(userId);
    if (!w || now >= w.start + WINDOW_MS) {
      w = { start: now, count: 0 };
      windows.set(userId, w);
    }
    return w;
  };
  const limitFor = (userId: string): number => users.get(userId)?.limit ?? defaultLimit;
  const headers = (userId: string): Record<string, string> => {
    const w = windowOf(userId);
    const limit = limitFor(userId);
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - w.count)),
      'x-ratelimit-reset': String(Math.ceil((w.start + WINDOW_MS) / 1000)),
    };
  };

  return {
    resolve(authorization) {
      const m = authorization === undefined ? null : /^bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
      if (!m) throw unauthenticated();
      const token = m[1]!;
      const key = minted.get(token);
      if (key) {
        if (key.revokedAt !== null || (key.expiresAt !== null && nowMs() >= key.expiresAt)) throw unauthenticated();
        return { userId: key.userId, keyId: key.id };
      }
      if (configured) {
        const c = configured.get(token);
        if (!c) throw unauthenticated();
        return { userId: c.user };
      }
      const userId = userIdFor(token);
      if (!users.has(userId)) users.set(userId, {});
      return { userId };
    },
    count(userId) {
      const w = windowOf(userId);
      if (enforce && w.count >= limitFor(userId)) {
        const retryAfter = Math.max(1, Math.ceil((w.start + WINDOW_MS - nowMs()) / 1000));
        throw new MockError('rate_limited', `Rate limit exceeded. Retry after ${retryAfter} seconds`, {
          headers: { 'retry-after': String(retryAfter), ...headers(userId) },
        });
      }
      w.count++;
    },
    headers,
    register(key) {
      minted.set(key.secret, key);
    },
    unregister(key) {
      if (minted.get(key.secret)?.id === key.id) minted.delete(key.secret);
    },
    knows: (userId) => users.has(userId),
    adopt(userId) {
      if (!users.has(userId)) users.set(userId, {});
    },
  };
}
