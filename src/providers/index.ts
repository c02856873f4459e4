/** The provider registry: every vendor the mock can serve, by name. */
import type { Provider, ProviderOptions } from '../core/provider.js';
import { createAirweaveProvider } from './airweave/index.js';
import { createCtxfyProvider } from './ctxfy/index.js';
import { createMixpeekProvider } from './mixpeek/index.js';
import { createXaiProvider } from './xai/index.js';

export const PROVIDER_NAMES = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider has its own state type; the registry holds them side by side
const factories: Record<ProviderName, (options: ProviderOptions) => Provider<any>> = {
  xai: createXaiProvider,
  airweave: createAirweaveProvider,
  mixpeek: createMixpeekProvider,
  ctxfy: createCtxfyProvider,
};

export function createProvider(name: ProviderName, options: ProviderOptions = {}): Provider<unknown> {
  return factories[name](options) as Provider<unknown>;
}
