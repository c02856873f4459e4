/** The provider registry: every vendor the mock can serve, by name. */
import type { Provider } from '../core/provider.js';
import type { Clock } from '../core/clock.js';
import { createAirweaveProvider } from './airweave/index.js';
import { createCtxfyProvider } from './ctxfy/index.js';
import { createMixpeekProvider } from './mixpeek/index.js';
import { createXaiProvider } from './xai/index.js';

export const PROVIDER_NAMES = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export interface ProviderOptions {
  /** This provider's section of the --api-keys file, unvalidated. */
  apiKeys?: unknown;
  /** The server's clock (rate-limit windows, key expiry, presigned URL expiry). */
  clock?: Clock;
  /** Enforce per-minute rate limits where the vendor publishes them: a plan name or requests per minute. Off when unset. */
  rateLimit?: RateLimitSetting;
  /** Largest upload body the server accepts, in bytes (presigned uploads are refused above it). */
  uploadLimit?: number;
}

/** `free` (10/min) and `pro` (100/min) are Ctxfy's published plans; a number is requests per minute. */
export type RateLimitSetting = 'free' | 'pro' | number;

const factories: Record<ProviderName, (options: ProviderOptions) => Provider<any>> = {
  xai: createXaiProvider,
  airweave: createAirweaveProvider,
  mixpeek: createMixpeekProvider,
  ctxfy: createCtxfyProvider,
};

export function createProvider(name: ProviderName, options: ProviderOptions = {}): Provider<unknown> {
  return factories[name](options) as Provider<unknown>;
}
