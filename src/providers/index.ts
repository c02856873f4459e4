/** The provider registry: every vendor the mock can serve, by name. */
import type { Provider } from '../core/provider.js';
import { createAirweaveProvider } from './airweave/index.js';
import { createMixpeekProvider } from './mixpeek/index.js';
import { createXaiProvider } from './xai/index.js';

export const PROVIDER_NAMES = ['xai', 'airweave', 'mixpeek'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export interface ProviderOptions {
  /** This provider's section of the --api-keys file, unvalidated. */
  apiKeys?: unknown;
}

const factories: Record<ProviderName, (options: ProviderOptions) => Provider<any>> = {
  xai: createXaiProvider,
  airweave: createAirweaveProvider,
  mixpeek: createMixpeekProvider,
};

export function createProvider(name: ProviderName, options: ProviderOptions = {}): Provider<unknown> {
  return factories[name](options) as Provider<unknown>;
}
