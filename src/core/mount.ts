/**
 * The request pipeline for one provider, as the stages it runs, in order:
 *
 *   journal → match → read body → authenticate → parse → scenario
 *           → validate request → before handle → handle → self-check → send
 *
 * Each stage is a function of the mount (the provider, made once) and the
 * exchange (the request, and what the stages before have learnt of it), in
 * pipeline/. Any stage may throw a MockError, which becomes the provider's
 * error reply and goes through the self-check and send like any other reply:
 * nothing reaches the client as HTML or a stack trace. The self-check runs
 * before sending on a strict mount (a reply that breaks the spec becomes a
 * 500), just after it otherwise.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Spec } from './spec.js';
import type { SpecValidators } from './validation.js';
import type { Tenants } from './store.js';
import type { Provider, ProviderEnv, Reply } from './provider.js';
import { isEventStream, type EventStream } from './sse.js';
import { createMount, exchange, type Exchange, type Mount, type MountOptions } from './pipeline/context.js';
import { journal } from './pipeline/journal.js';
import { match, readBody } from './pipeline/match.js';
import { authenticate, withCallerHeaders } from './pipeline/authenticate.js';
import { parseRequest } from './pipeline/request.js';
import { ANSWERED, scenario } from './pipeline/scenario.js';
import { validateRequest } from './pipeline/validate.js';
import { beforeHandle } from './pipeline/before-handle.js';
import { errorReply, handle } from './pipeline/handle.js';
import { reportSelfCheck, selfCheck, selfCheckAfterSend, selfCheckFailedReply } from './pipeline/self-check.js';
import { render, send, sendStream } from './pipeline/send.js';

export type { MountOptions, SelfCheckFailure, StartupGate } from './pipeline/context.js';
export { checkHandlers } from './pipeline/context.js';
export { setBaseHeaders, writeHead } from './pipeline/send.js';

export interface MountedProvider<State = unknown> {
  provider: Provider<State>;
  spec: Spec;
  validators: SpecValidators;
  tenants: Tenants<State>;
  /** The services the provider's states were made with (clock, ids, deliveries…). */
  env: ProviderEnv;
  /** Answers a request: at once when no stage waits, else through the promise it returns (which rejects only if answering an error failed too). */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void> | undefined;
}

/** What a stage gives when it may have waited: the value, or a promise of it only when it did wait. */
type MaybeLater<T> = T | Promise<T>;

const isPromise = <T>(value: MaybeLater<T>): value is Promise<T> => value instanceof Promise;

/**
 * The stages up to the reply: the handler's, a scenario's, or none when a
 * stage has answered itself. A stage that may wait returns a promise only
 * when it does (a body to read or parse, a scenario to play, an async
 * handler), and so does this: most requests go through to their reply
 * without a pause (not even a microtask).
 */
function replyTo(mount: Mount, x: Exchange): MaybeLater<Reply | undefined> {
  match(mount, x);
  const reading = readBody(mount, x);
  return reading ? reading.then(() => fromAuthenticate(mount, x)) : fromAuthenticate(mount, x);
}

function fromAuthenticate(mount: Mount, x: Exchange): MaybeLater<Reply | undefined> {
  authenticate(mount, x);
  const parsing = parseRequest(mount, x);
  return parsing ? parsing.then(() => fromScenario(mount, x)) : fromScenario(mount, x);
}

function fromScenario(mount: Mount, x: Exchange): MaybeLater<Reply | undefined> {
  const playing = scenario(mount, x);
  if (!playing) return fromValidate(mount, x);
  return playing.then((answer) => (answer === ANSWERED ? undefined : (answer ?? fromValidate(mount, x))));
}

function fromValidate(mount: Mount, x: Exchange): MaybeLater<Reply> {
  validateRequest(mount, x);
  beforeHandle(mount, x);
  return handle(mount, x);
}

/** The stages after it: the self-check and send (before or after each other, as the mount is strict or not). */
function respond(mount: Mount, x: Exchange, handlerReply: Reply): void {
  const reply = withCallerHeaders(mount, x, handlerReply);
  const strict = mount.options.strict;
  if (isEventStream(reply.body)) {
    // The head is checked now; the events as they are written.
    const issues = selfCheck(mount, x.op, reply);
    if (issues.length) {
      const failure = reportSelfCheck(mount, x, reply.status, issues);
      if (strict) return send(x.res, selfCheckFailedReply(failure));
    }
    return sendStream(mount, x, reply as Reply & { body: EventStream });
  }
  const rendered = render(reply);
  if (!strict) {
    send(x.res, reply, rendered);
    return selfCheckAfterSend(mount, x, reply, rendered.text);
  }
  const issues = selfCheck(mount, x.op, reply, rendered.text);
  if (issues.length) return send(x.res, selfCheckFailedReply(reportSelfCheck(mount, x, reply.status, issues)));
  send(x.res, reply, rendered);
}

export function mountProvider<State>(provider: Provider<State>, options: MountOptions): MountedProvider<State> {
  const typed = createMount(provider, options);
  const mount = typed as Mount;
  /** A stage threw: the provider's error reply, unless an answer has gone out. */
  const failed = (x: Exchange, err: unknown): void => {
    if (!x.res.headersSent) respond(mount, x, errorReply(mount, x, err));
  };
  const answer = (x: Exchange, reply: Reply | undefined): void => {
    try {
      if (reply) respond(mount, x, reply);
    } catch (err) {
      failed(x, err);
    }
  };
  const handleRequest = (req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void> | undefined => {
    try {
      const x = exchange(mount, req, res, pathname, search);
      journal(mount, x);
      let reply: MaybeLater<Reply | undefined>;
      try {
        reply = replyTo(mount, x);
      } catch (err) {
        failed(x, err);
        return undefined;
      }
      if (isPromise(reply))
        return reply.then(
          (r) => answer(x, r),
          (err: unknown) => failed(x, err),
        );
      answer(x, reply);
      return undefined;
    } catch (err) {
      // Even the error reply failed: the caller answers with its own.
      return Promise.reject(err);
    }
  };
  return { provider, spec: typed.spec, validators: typed.validators, tenants: typed.tenants, env: typed.env, handle: handleRequest };
}
