/**
 * The whole mock's data as one JSON document, and back: every mounted
 * provider's tenants, encoded by snapshot.ts. Used by the admin API's export
 * and import and by --persist.
 */
import type { MountedProvider } from './mount.js';
import { disposeState, encodeState, restoreInto } from './snapshot.js';

export const STATE_FORMAT = 'collections-mock/state';
export const STATE_VERSION = 1;

export interface SavedState {
  format: typeof STATE_FORMAT;
  version: number;
  savedAt: string;
  /** Provider name → tenant → encoded state. */
  providers: Record<string, Record<string, unknown>>;
}

export function exportState(mounted: readonly MountedProvider<unknown>[], nowMs: number, only?: string): SavedState {
  const providers: SavedState['providers'] = {};
  for (const m of mounted) {
    if (only !== undefined && m.provider.name !== only) continue;
    const tenants: Record<string, unknown> = {};
    for (const [tenant, state] of m.tenants.entries()) tenants[tenant] = encodeState(state, `${m.provider.name}/${tenant}`);
    providers[m.provider.name] = tenants;
  }
  return { format: STATE_FORMAT, version: STATE_VERSION, savedAt: new Date(nowMs).toISOString(), providers };
}

/** Checks a parsed document before anything is replaced; throws with what is wrong. */
export function checkSavedState(doc: unknown, mounted: readonly MountedProvider<unknown>[]): SavedState {
  const d = doc as Partial<SavedState> | null;
  if (!d || typeof d !== 'object' || d.format !== STATE_FORMAT) throw new Error(`not a ${STATE_FORMAT} document`);
  if (d.version !== STATE_VERSION) throw new Error(`state version ${String(d.version)} is not ${STATE_VERSION}`);
  if (!d.providers || typeof d.providers !== 'object' || Array.isArray(d.providers)) throw new Error('"providers" must be an object');
  const names = new Set(mounted.map((m) => m.provider.name));
  for (const [name, tenants] of Object.entries(d.providers)) {
    if (!names.has(name)) throw new Error(`provider ${name} is not mounted`);
    if (!tenants || typeof tenants !== 'object' || Array.isArray(tenants)) throw new Error(`providers.${name} must map tenants to states`);
  }
  return d as SavedState;
}

/**
 * Replaces the data of every provider the document names (the others are
 * kept): their current tenants are dropped (scheduled steps cancelled) and
 * the saved ones rebuilt, then resumed. All-or-nothing: every state is
 * rebuilt before any is replaced.
 */
export function importState(mounted: readonly MountedProvider<unknown>[], doc: unknown): { providers: string[]; tenants: number } {
  const saved = checkSavedState(doc, mounted);
  const rebuilt = new Map<MountedProvider<unknown>, [string, unknown][]>();
  for (const m of mounted) {
    const tenants = saved.providers[m.provider.name];
    if (!tenants) continue;
    const states: [string, unknown][] = [];
    for (const [tenant, data] of Object.entries(tenants)) {
      try {
        states.push([tenant, restoreInto(m.provider.createState(m.env, tenant) as object, data)]);
      } catch (err) {
        throw new Error(`providers.${m.provider.name}.${tenant}: ${(err as Error).message}`);
      }
    }
    rebuilt.set(m, states);
  }
  let count = 0;
  for (const [m, states] of rebuilt) {
    for (const [, state] of m.tenants.entries()) {
      disposeState(state);
      m.provider.forget?.(state);
    }
    m.tenants.clear();
    for (const [tenant, state] of states) {
      m.tenants.set(tenant, state);
      m.provider.resume?.(state);
      count++;
    }
  }
  return { providers: [...rebuilt.keys()].map((m) => m.provider.name), tenants: count };
}
