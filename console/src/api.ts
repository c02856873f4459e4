/**
 * The console's only way to the mock: the documented admin API under
 * /__mock (typed from the generated types of specs/admin.yaml), and the
 * vendors' own routes for the search playground.
 */
import type { components, operations } from '../../src/generated/admin.js';

export type Schemas = components['schemas'];
export type Ok<K extends keyof operations> = operations[K]['responses'] extends { 200: { content: { 'application/json': infer B } } }
  ? B
  : operations[K]['responses'] extends { 201: { content: { 'application/json': infer B } } }
    ? B
    : never;

/** Where the admin API is: the console is served at <admin>/console. */
export const ADMIN = location.pathname.replace(/\/console(\/.*)?$/, '') || '/__mock';
/** Where the mock is mounted (the providers' prefixes are below it). */
export const ROOT = ADMIN.replace(/\/__mock$/, '');

const TOKEN_KEY = 'collections-mock.adminToken';

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string) => sessionStorage.setItem(TOKEN_KEY, t),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

type Listener = () => void;
const authListeners = new Set<Listener>();
/** Called when the admin API asks for a token (401). */
export function onAuthNeeded(l: Listener): () => void {
  authListeners.add(l);
  return () => authListeners.delete(l);
}

export function adminHeaders(): Record<string, string> {
  const t = token.get();
  return t ? { authorization: `Bearer ${t}` } : {};
}

/** One admin request; JSON in and out. */
export async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ADMIN}${path}`, {
    method,
    headers: { ...adminHeaders(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: kept as text.
  }
  if (res.status === 401) for (const l of authListeners) l();
  if (!res.ok) {
    const message = (parsed as { message?: string } | undefined)?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message, parsed);
  }
  return parsed as T;
}

export const api = {
  health: () => admin<Ok<'getHealth'>>('GET', '/health'),
  // Read by provider name whatever the name: the data browser walks it generically.
  state: (provider?: string) =>
    admin<Omit<Schemas['SavedState'], 'providers'> & { providers: Record<string, Record<string, unknown>> }>(
      'GET',
      `/state${provider ? `?provider=${encodeURIComponent(provider)}` : ''}`,
    ),
  importState: (doc: unknown) => admin<Ok<'importState'>>('PUT', '/state', doc),
  record: (provider: string, tenant: string, path: readonly string[]) =>
    admin<Ok<'getVendorRecord'>>(
      'GET',
      `/records/${encodeURIComponent(provider)}?${new URLSearchParams([['tenant', tenant], ...path.map((p): [string, string] => ['path', p])])}`,
    ),
  removeRecord: (body: Schemas['RemoveRecord']) => admin<Ok<'removeRecord'>>('POST', '/state/remove', body),
  reset: (body: { provider?: string; tenant?: string }) => admin<Ok<'resetState'>>('POST', '/reset', body),
  journal: (limit: number) => admin<Ok<'listJournal'>>('GET', `/journal?limit=${limit}`),
  entry: (id: number) => admin<Ok<'getJournalEntry'>>('GET', `/journal/${id}`),
  scenarios: () => admin<Ok<'listScenarios'>>('GET', '/scenarios'),
  active: () => admin<Ok<'listActiveScenarios'>>('GET', '/scenarios/active'),
  activate: (body: Schemas['ActivateRequest']) => admin<Schemas['Activation']>('POST', '/scenarios/active', body),
  deactivate: (id: string) => admin<Schemas['Activation']>('DELETE', `/scenarios/active/${encodeURIComponent(id)}`),
  clock: () => admin<Schemas['ClockState']>('GET', '/clock'),
  setClock: (mode: 'real' | 'manual') => admin<Schemas['ClockState']>('PUT', '/clock', { mode }),
  advance: (ms: number) => admin<Schemas['ClockState']>('POST', '/clock/advance', { ms }),
  deliveries: () => admin<Ok<'listDeliveries'>>('GET', '/deliveries'),
  retryDelivery: (id: string) => admin<Schemas['Delivery']>('POST', `/deliveries/${encodeURIComponent(id)}/retry`),
};

export type JournalEntry = Schemas['JournalEntry'];

/**
 * The live journal (`GET /events`), read with fetch so the admin token can go
 * in a header (EventSource cannot send one). Reconnects after a drop.
 */
export function subscribeEvents(
  onEntry: (e: JournalEntry) => void,
  onState: (connected: boolean) => void,
  onSkipped: (n: number) => void = () => undefined,
): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  const run = async (): Promise<void> => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const res = await fetch(`${ADMIN}/events`, { headers: { ...adminHeaders(), accept: 'text/event-stream' }, signal: controller.signal });
        if (res.status === 401) for (const l of authListeners) l();
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        onState(true);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
            }
            if (event === 'requests' && data.length) {
              const batch = JSON.parse(data.join('\n')) as { entries: JournalEntry[]; skipped: number };
              for (const e of batch.entries) onEntry(e);
              if (batch.skipped) onSkipped(batch.skipped);
            }
          }
        }
      } catch {
        if (stopped) return;
      }
      onState(false);
      if (!stopped) await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** A vendor request made by the console, shown exactly as sent and answered. */
export interface VendorExchange {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown } | null;
  error?: string;
}

export async function vendor(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<VendorExchange> {
  const url = `${location.origin}${ROOT}${path}`;
  const reqHeaders = { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
  const request = { method, url, headers: reqHeaders, body };
  try {
    const res = await fetch(url, { method, headers: reqHeaders, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Kept as text.
    }
    const h: Record<string, string> = {};
    res.headers.forEach((v, k) => (h[k] = v));
    return { request, response: { status: res.status, headers: h, body: parsed } };
  } catch (err) {
    return { request, response: null, error: (err as Error).message };
  }
}

/** A request as a curl command line. */
export function curl(method: string, url: string, headers: Record<string, string>, body?: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const parts = ['curl', '-sS'];
  if (method !== 'GET') parts.push('-X', method);
  parts.push(q(url));
  for (const [k, v] of Object.entries(headers)) parts.push('-H', q(`${k}: ${v}`));
  if (body) parts.push('--data-raw', q(body));
  return parts.join(' ');
}
