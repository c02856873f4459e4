/**
 * The live journal feed shared by every view: one events stream for the
 * page, its entries handed to whichever views listen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JournalEntry } from './api.js';

type Listener = (e: JournalEntry) => void;

const listeners = new Set<Listener>();
const connectedListeners = new Set<(c: boolean) => void>();
let connected = false;
let skipped = 0;

export const live = {
  emit(e: JournalEntry): void {
    for (const l of listeners) l(e);
  },
  on(l: Listener): () => void {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
  setConnected(c: boolean): void {
    connected = c;
    for (const l of connectedListeners) l(c);
  },
  onConnected(l: (c: boolean) => void): () => void {
    connectedListeners.add(l);
    return () => void connectedListeners.delete(l);
  },
  get connected(): boolean {
    return connected;
  },
  /** Requests the feed left out of its events (too many at once to show them all); the journal has them. */
  skip(n: number): void {
    skipped += n;
  },
  get skipped(): number {
    return skipped;
  },
};

/** Whether the live feed is connected. */
export function useConnected(): boolean {
  const [c, setC] = useState(live.connected);
  useEffect(() => live.onConnected(setC), []);
  return c;
}

/**
 * Loads with `load`, and again (at most every `minGapMs`) after each request
 * the providers answer, so what is shown follows the API live; and every
 * `everyMs` when given.
 */
export function useLive<T>(
  load: () => Promise<T>,
  deps: unknown[] = [],
  minGapMs = 150,
  everyMs?: number,
): { data: T | undefined; error: string | undefined; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const loadRef = useRef(load);
  loadRef.current = load;
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    loadRef
      .current()
      .then((d) => {
        if (!alive) return;
        setData(d);
        setError(undefined);
      })
      .catch((err: Error) => alive && setError(err.message));
    return () => {
      alive = false;
    };
  }, [...deps, tick]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = live.on(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setTick((t) => t + 1);
      }, minGapMs);
    });
    // Some things change without a request (the clock's time): those are read again every `everyMs` too.
    const interval = everyMs ? setInterval(() => setTick((t) => t + 1), everyMs) : undefined;
    return () => {
      off();
      if (timer) clearTimeout(timer);
      if (interval) clearInterval(interval);
    };
  }, []);
  return { data, error, reload: () => setTick((t) => t + 1) };
}
