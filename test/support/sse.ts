/**
 * Reading server-sent events in tests, with a real SSE parser
 * (eventsource-parser): the events of a response as they arrive.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type { EventSourceMessage } from 'eventsource-parser';

/** Reads a response's events one at a time; `next()` resolves with the next event, or undefined once the stream has ended. */
export class EventReader {
  private readonly queue: EventSourceMessage[] = [];
  private waiting: (() => void) | undefined;
  private ended = false;
  /** Why the stream ended early (the connection dropped), if it did. */
  error: unknown;
  /** Every event read so far, in order. */
  readonly events: EventSourceMessage[] = [];
  /** The raw text received, comments included. */
  text = '';

  constructor(readonly response: Response) {
    const parser = createParser({
      onEvent: (event) => {
        this.queue.push(event);
        this.events.push(event);
        this.wake();
      },
    });
    const body = response.body;
    if (!body) {
      this.ended = true;
      return;
    }
    const decoder = new TextDecoder();
    void (async () => {
      const reader = body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const chunk = decoder.decode(value, { stream: true });
          this.text += chunk;
          parser.feed(chunk);
        }
      } catch (err) {
        this.error = err;
      } finally {
        this.ended = true;
        this.wake();
      }
    })();
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  /** The next event, or undefined once the stream has ended. */
  async next(): Promise<EventSourceMessage | undefined> {
    for (;;) {
      const e = this.queue.shift();
      if (e) return e;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** Every remaining event, until the stream ends. */
  async rest(): Promise<EventSourceMessage[]> {
    const out: EventSourceMessage[] = [];
    for (let e = await this.next(); e; e = await this.next()) out.push(e);
    return out;
  }

  /** Whether the stream has ended (all its events read or not). */
  get done(): boolean {
    return this.ended && this.queue.length === 0;
  }
}

/** The data of each event, parsed as JSON. */
export const jsonData = (events: readonly EventSourceMessage[]): any[] => events.map((e) => JSON.parse(e.data));
