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
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void>;
}

/**
 * The stages up to the reply: the handler's, a scenario's, or none when a
 * stage has answered itself. A stage that may wait returns a promise only
 * when it does (a body to read or parse, a scenario to play): most requests
 * go through without a pause.
 */
async function replyTo(mount: Mount, x: Exchange): Promise<Reply | undefined> {
  match(mount, x);
  const reading = readBody(mount, x);
  if (reading) await reading;
  authenticate(mount, x);
  const parsing = parseRequest(mount, x);
  if (parsing) await parsing;
  const playing = scenario(mount, x);
  const answer = playing && (await playing);
  if (answer === ANSWERED) return undefined;
  if (answer) return answer;
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
  const mount = createMount(provider, options);
  const handleRequest = async (req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void> => {
    const x = exchange(mount as Mount, req, res, pathname, search);
    journal(mount as Mount, x);
    try {
      const reply = await replyTo(mount as Mount, x);
      if (reply) respond(mount as Mount, x, reply);
    } catch (err) {
      if (res.headersSent) return;
      respond(mount as Mount, x, errorReply(mount as Mount, x, err));
    }
  };
  return { provider, spec: mount.spec, validators: mount.validators, tenants: mount.tenants, env: mount.env, handle: handleRequest };
}
