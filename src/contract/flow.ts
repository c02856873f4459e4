/**
 * What a provider's flow is given (a way to call operations by id, with the
 * run's prefix and credentials) and what it gives the runner.
 */
import type { Operation } from '../core/spec.js';
import type { Exchange, Intent } from './checks.js';

export type FormPart = string | { filename: string; type: string; content: string };

export interface Call {
  operationId: string;
  /** The flow's name for the step, unique within the run (it names the JUnit test case). */
  step: string;
  path?: Record<string, string>;
  /** Query parameters; a list is sent as the parameter repeated. */
  query?: Record<string, string | string[]>;
  json?: unknown;
  /** A body sent as-is (e.g. malformed JSON). */
  raw?: { text: string; contentType: string };
  form?: Record<string, FormPart>;
  headers?: Record<string, string>;
  /** Which credential (default `default`), none at all, or a malformed Authorization. */
  auth?: string | { none: true } | { malformed: true };
  intent?: Intent;
}

export interface Credential {
  header: string;
  /** The real header value. */
  value: string;
  /** The same value for a curl line, the key replaced by an environment reference, e.g. `Bearer $CTXFY_API_KEY`. */
  curl: string;
}

/** A flow that cannot go on (a create that did not succeed): the runner reports it and cleans up. */
export class FlowAborted extends Error {
  constructor(
    readonly step: string,
    readonly operationId: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`${step}: expected ${expected}, received ${received}`);
    this.name = 'FlowAborted';
  }
}

export interface FlowContext {
  /** Unique per run, e.g. `cm-contract-k3j9x2`; every resource's name starts with it. */
  prefix: string;
  /**
   * The server keeps no state (Prism): reads answer example bodies whatever was
   * created or deleted, so a flow must not wait for, or stop on, state it expects.
   */
  stateless: boolean;
  namespace?: string;
  /** Seeded, so a run with --seed names and orders things the same way. */
  random(): number;
  /** A fresh id-like token (for unknown-id probes). */
  token(length?: number): string;
  /** Sends and records a request; its checks run at once. */
  call(c: Call): Promise<Exchange>;
  /** As call, but the flow needs a 2xx to go on (throws FlowAborted otherwise). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a vendor reply the flow reads as it knows it, checked against the spec already
  must(c: Call): Promise<Exchange & { response: { json?: any } }>;
  /**
   * Registers a clean-up request run after the flow, last in first out, also
   * when the flow stops midway; the returned function drops it (already deleted).
   */
  defer(label: string, c: Omit<Call, 'step' | 'intent'>): () => void;
  /** Waits for a condition by polling (vendors process asynchronously); against the mock, it is true at once or never. */
  sleep(ms: number): Promise<void>;
  /**
   * Every resource the flow made still exists: a run with `fuzz` sends its
   * generated requests now (with the ids used so far), before the flow's deletes.
   * A no-op otherwise; a flow that never calls it is fuzzed after it ends.
   */
  checkpoint(): Promise<void>;
}

export interface CredentialOptions {
  apiKey?: string;
  managementKey?: string;
  prefix: string;
}

export interface ProviderFlow {
  provider: string;
  /** The credentials this provider's calls use; `default` is required. */
  credentials(options: CredentialOptions): Record<string, Credential>;
  /** A credential header of the right name but unusable form. */
  malformed: { header: string; value: string };
  /**
   * Operations served by a second host (xAI: the Files API and search at api.x.ai beside
   * the management API): sent to the run's `apiBaseUrl` when it has one.
   */
  onApiHost?(op: Operation): boolean;
  /**
   * Operations the vendor does not serve, beyond those the spec marks
   * `x-mock-extension: true`: a `live` run skips them ("mock-only operation").
   */
  mockOnly?: readonly string[];
  /**
   * Operations of the vendor's earlier API that it no longer serves but the mock
   * still does: a `live` run skips them ("legacy operation").
   */
  legacyOnly?: readonly string[];
  run(ctx: FlowContext): Promise<void>;
}

/** What a deleteAndReread sends: the operations, and what both requests share (path, headers, credential). */
export type DeleteAndRead = Omit<Call, 'operationId' | 'step' | 'intent'> & {
  delete: string;
  read: string;
  /** The step's verb, `delete` unless the vendor names it otherwise (xAI removes a document from a collection). */
  verb?: string;
};

/**
 * Deletes a resource the flow made (it must succeed), drops its deferred
 * clean-up, then reads it again, where a 404 or 410 is due: the steps
 * `<verb> <what>` and `read <what> after <verb>`.
 */
export async function deleteAndReread(ctx: FlowContext, what: string, call: DeleteAndRead, drop?: () => void): Promise<void> {
  const { delete: deleteOp, read, verb = 'delete', ...shared } = call;
  const deletedBy = `${verb} ${what}`;
  await ctx.must({ ...shared, step: deletedBy, operationId: deleteOp });
  drop?.();
  await ctx.call({ ...shared, step: `read ${what} after ${verb}`, operationId: read, intent: { kind: 'read_after_delete', deletedBy } });
}
