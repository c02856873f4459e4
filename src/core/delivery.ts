/**
 * Outbound deliveries (postbacks, webhooks): a real HTTP POST of a JSON body,
 * retried with backoff on the mock's clock, every attempt recorded so tests
 * and people can see what was sent, when, and what came back.
 */
import type { Clock } from './clock.js';
import type { Logger } from './log.js';
import { isLoopbackHost } from './loopback.js';

export interface DeliveryAttempt {
  /** Epoch milliseconds when the attempt started. */
  at: number;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** Why the attempt failed without a status (refused connection, timeout…). */
  error?: string;
}

export interface Delivery {
  id: string;
  /** The provider that made the delivery, when it said. */
  provider?: string;
  url: string;
  /** What the delivery is about, e.g. the event name; for filtering the record. */
  topic: string;
  body: unknown;
  headers: Record<string, string>;
  attempts: DeliveryAttempt[];
  /** pending: more attempts may follow; delivered: a 2xx came back; failed: attempts exhausted. */
  state: 'pending' | 'delivered' | 'failed';
}

export interface DeliveryOptions {
  clock: Clock;
  log: Logger;
  /** Waits before each retry, in ms; its length + 1 is the number of attempts. */
  backoffMs?: readonly number[];
  /** Per-attempt timeout, in ms (real time: the receiver is a real server). */
  timeoutMs?: number;
}

export interface DeliveryInput {
  id: string;
  provider?: string;
  url: string;
  topic: string;
  body: unknown;
  headers?: Record<string, string>;
  /** This delivery's waits before each retry, in ms (default: the service's). */
  backoffMs?: readonly number[];
  /** This delivery's per-attempt timeout, in ms (default: the service's). */
  timeoutMs?: number;
}

export interface Deliveries {
  /** Starts delivering now (the first attempt is immediate) and returns the record, which fills in as attempts finish. */
  send(input: DeliveryInput): Delivery;
  /** Every delivery, oldest first. */
  list(): readonly Delivery[];
  /** Resolves when no attempt is in flight (retries waiting on the clock do not count). */
  idle(): Promise<void>;
  /** Forgets the record and cancels pending retries. */
  clear(): void;
  /** One more attempt of a delivery whose attempts are exhausted (state `failed`), now; undefined when there is no such delivery. */
  retry(id: string): Delivery | undefined;
}

export const DEFAULT_BACKOFF_MS: readonly number[] = [1000, 5000, 15000];

/** The HTTP(S) URL policy most vendors apply: HTTPS anywhere, plain HTTP only to this machine. */
export function isAllowedPostbackUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  if (u.protocol !== 'http:') return false;
  return isLoopbackHost(u.hostname);
}

export function createDeliveries(options: DeliveryOptions): Deliveries {
  const { clock, log } = options;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const timeoutMs = options.timeoutMs ?? 5000;
  const records: Delivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<{ cancel(): void }>();
  let generation = 0;

  /** Per-delivery retry policy, kept out of the public record. */
  const policy = new WeakMap<Delivery, { backoff: readonly number[]; timeoutMs: number }>();

  const attempt = (d: Delivery, gen: number): void => {
    const { backoff, timeoutMs } = policy.get(d)!;
    const started: DeliveryAttempt = { at: clock.nowMs() };
    d.attempts.push(started);
    const run = (async () => {
      try {
        const res = await fetch(d.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...d.headers },
          body: JSON.stringify(d.body),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'manual',
        });
        started.status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        started.error = e.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : (e.cause?.code ?? e.message);
      }
      if (gen !== generation) return;
      if (started.status !== undefined && started.status >= 200 && started.status < 300) {
        d.state = 'delivered';
        return;
      }
      const wait = backoff[d.attempts.length - 1];
      if (wait === undefined) {
        d.state = 'failed';
        log.warn({ delivery: d.id, url: d.url, attempts: d.attempts.length }, 'delivery failed');
        return;
      }
      const timer = clock.schedule(wait, () => {
        timers.delete(timer);
        attempt(d, gen);
      });
      timers.add(timer);
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  };

  return {
    send(input) {
      const d: Delivery = {
        id: input.id,
        ...(input.provider !== undefined ? { provider: input.provider } : {}),
        url: input.url,
        topic: input.topic,
        body: input.body,
        headers: input.headers ?? {},
        attempts: [],
        state: 'pending',
      };
      policy.set(d, { backoff: input.backoffMs ?? backoff, timeoutMs: input.timeoutMs ?? timeoutMs });
      records.push(d);
      attempt(d, generation);
      return d;
    },
    list: () => records,
    retry(id) {
      const d = records.find((r) => r.id === id);
      if (!d) return undefined;
      if (d.state !== 'failed') return d;
      d.state = 'pending';
      // A single attempt: the retry policy was spent; a failure leaves the delivery failed again.
      const spent = policy.get(d)!;
      policy.set(d, { ...spent, backoff: [] });
      attempt(d, generation);
      return d;
    },
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    clear() {
      generation++;
      for (const t of timers) t.cancel();
      timers.clear();
      records.length = 0;
    },
  };
}
