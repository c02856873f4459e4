// The part of autocannon's API that bench/lib/load.mjs uses: autocannon ships no types.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  function autocannon(options: autocannon.Options): autocannon.Instance;

  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Called before each send of this request; returns the request to send. */
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    }
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Sent in turn on each connection. */
      requests?: Request[];
      connections?: number;
      pipelining?: number;
      /** Seconds. */
      duration?: number;
      /** Requests in all; overrides `duration`. */
      amount?: number;
      /** Milliseconds between samples. */
      sampleInt?: number;
      /** Seconds. */
      timeout?: number;
    }
    interface Result {
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
    }
    /** Resolves with the run's result when it ends. */
    interface Instance extends EventEmitter, PromiseLike<Result> {
      on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    }
  }

  export = autocannon;
}
