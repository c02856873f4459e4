/**
 * What the admin API acts on (clock, providers, scenarios, journal,
 * deliveries), as the server builds it: the admin provider (index.ts) and its
 * handlers (handlers.ts) both read it from here.
 */
import type { Clock } from '../core/clock.js';
import type { MountedProvider } from '../core/mount.js';
import type { ScenarioRegistry } from '../core/scenarios.js';
import type { Journal } from '../core/journal.js';
import type { Deliveries } from '../core/delivery.js';
import type { EventHub } from '../core/events.js';
import type { components } from '../generated/admin.js';

type Schemas = components['schemas'];

/** What a reset of one provider dropped. */
export interface ProviderResetResult {
  /** Tenant states dropped. */
  tenants: number;
  /** Scheduled tasks of that provider cancelled. */
  tasks: number;
}

export interface AdminContext {
  clock: Clock;
  processingMs: number;
  /** The mounted providers, in mount order; a reset may replace an entry with a fresh instance. */
  providers: readonly MountedProvider<unknown>[];
  /** The provider also served at `/`, if any. */
  root: string | null;
  scenarios: ScenarioRegistry;
  journal: Journal;
  deliveries: Deliveries;
  /**
   * Drops a provider's state: one tenant's, or (no tenant) all of it, the
   * provider's own registries and its scheduled tasks included. The journal,
   * scenarios and deliveries are the caller's to clear.
   */
  reset(provider: string, tenant?: string): ProviderResetResult;
  /** When set, every admin request must present it; otherwise only loopback clients are answered. */
  adminToken?: string;
  /** Every provider's data (or one's) as one document. */
  exportState(provider?: string): Schemas['SavedState'];
  /** Replaces the data of the providers the document names; throws, changing nothing, when it cannot. */
  importState(doc: unknown): { providers: string[]; tenants: number };
  /** The live journal feed (`GET /events`). */
  events: EventHub;
  /** The built console's files (index.html and assets/), or null when the console is off. */
  consoleDir: string | null;
  /** Removes one record of a tenant's data (see state-io's removeRecord). */
  removeRecord(provider: string, tenant: string, path: readonly string[]): Record<string, unknown>;
  /** What start-up is still loading (nothing once the server is ready), and how many requests wait for it. */
  loading(): { steps: readonly Schemas['HealthLoading']['loading'][number][]; waiting: number };
}
