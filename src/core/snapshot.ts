/**
 * Provider state as plain JSON and back: tables, maps, sets and bytes are
 * tagged so they can be rebuilt; scheduled lifecycle steps and the provider
 * environment are left out (a provider's `resume` re-arms what was running).
 */
import { Table } from './store.js';

/** The tag key of an encoded structure; a plain object that has it is wrapped, so user data can never pass for one. */
const TAG = '$$';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A pending clock step (`{ cancel() }`): not data. */
function isScheduled(v: object): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === 'cancel' && typeof (v as { cancel: unknown }).cancel === 'function';
}

const SKIPPED_KEYS = new Set(['env']);

export function encodeState(value: unknown, where = 'state'): Json | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: value.toString() };
  if (value === null || typeof value !== 'object') return value as Json;
  if (Buffer.isBuffer(value)) return { [TAG]: 'bytes', v: value.toString('base64') };
  if (value instanceof Table) return { [TAG]: 'table', key: value.key, rows: [...value.values()].map((r, i) => encodeState(r, `${where}[${i}]`) ?? null) };
  if (value instanceof Map)
    return { [TAG]: 'map', entries: [...value].map(([k, v]) => [encodeState(k, where) ?? null, encodeState(v, `${where}.${String(k)}`) ?? null]) };
  if (value instanceof Set) return { [TAG]: 'set', values: [...value].map((v) => encodeState(v, where) ?? null) };
  if (Array.isArray(value)) return value.map((v, i) => encodeState(v, `${where}[${i}]`) ?? null);
  if (isScheduled(value)) return undefined;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Error(`${where}: cannot save a ${proto?.constructor?.name ?? 'class'} instance`);
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SKIPPED_KEYS.has(k)) continue;
    const e = encodeState(v, `${where}.${k}`);
    if (e !== undefined) out[k] = e;
  }
  return TAG in out ? { [TAG]: 'object', v: out } : out;
}

export function decodeState(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeState);
  const v = value as Record<string, unknown>;
  switch (v[TAG]) {
    case undefined:
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeState(x)]));
    case 'object':
      return Object.fromEntries(Object.entries(v.v as Record<string, unknown>).map(([k, x]) => [k, decodeState(x)]));
    case 'table': {
      const t = new Table<Record<string, unknown>>(String(v.key));
      for (const row of v.rows as unknown[]) t.insert(decodeState(row) as Record<string, unknown>);
      return t;
    }
    case 'map':
      return new Map((v.entries as [unknown, unknown][]).map(([k, x]) => [decodeState(k), decodeState(x)]));
    case 'set':
      return new Set((v.values as unknown[]).map(decodeState));
    case 'bytes':
      return Buffer.from(String(v.v), 'base64');
    case 'bigint':
      return BigInt(String(v.v));
    default:
      throw new Error(`unknown tag ${String(v[TAG])} in saved state`);
  }
}

/** Cancels every scheduled step found in a state, so a state that is dropped stops changing. */
export function disposeState(value: unknown, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value) || Buffer.isBuffer(value)) return;
  seen.add(value);
  if (isScheduled(value)) {
    (value as { cancel(): void }).cancel();
    return;
  }
  const children: Iterable<unknown> =
    value instanceof Table
      ? value.values()
      : value instanceof Map
        ? value.values()
        : value instanceof Set
          ? value.values()
          : Array.isArray(value)
            ? value
            : Object.entries(value)
                .filter(([k]) => !SKIPPED_KEYS.has(k))
                .map(([, v]) => v);
  for (const child of children) disposeState(child, seen);
}

/** Rebuilds a saved state into a fresh one made by the provider (which supplies `env` and anything not saved). */
export function restoreInto<S extends object>(fresh: S, saved: unknown): S {
  const decoded = decodeState(saved);
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw new Error('saved state is not an object');
  for (const [k, v] of Object.entries(decoded)) {
    if (SKIPPED_KEYS.has(k)) continue;
    (fresh as Record<string, unknown>)[k] = v;
  }
  return fresh;
}
