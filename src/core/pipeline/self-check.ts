/**
 * The self-check stage: every reply against the operation's declared
 * response (status, required headers, media type, body schema). Strict mounts
 * (tests) check before sending, and a reply that breaks the spec becomes a
 * loud 500; otherwise the reply is sent first and checked just after, off the
 * request's path, and a failure is logged as an error, noted on the request's
 * journal entry and handed to onSelfCheckFailure all the same.
 */
import type { ValidationIssue } from '../errors.js';
import { declaredMediaFor, mediaTypeOf } from '../body.js';
import { declaredResponse, type Operation } from '../spec.js';
import type { Reply } from '../provider.js';
import { EVENT_STREAM_MEDIA, isEventStream } from '../sse.js';
import { bodyValue } from '../json-text.js';
import type { Exchange, Mount, ResponseFacts, SelfCheckFailure } from './context.js';
import { noteSelfCheck } from './journal.js';

/** What the self-check needs of the response declared for a status; null when none is. Worked out once per operation and status. */
export function responseFacts(mount: Mount, op: Operation, status: number): ResponseFacts | null {
  let byStatus = mount.facts.get(op);
  if (!byStatus) mount.facts.set(op, (byStatus = new Map()));
  let facts = byStatus.get(status);
  if (facts === undefined) {
    const found = declaredResponse(op, status);
    facts = found
      ? {
          declared: found.response,
          key: found.key,
          requiredHeaders: Object.entries(found.response.headers)
            .filter(([, h]) => h.required)
            .map(([name]) => name),
          media: Object.keys(found.response.content),
          conforming: new Map(),
        }
      : null;
    byStatus.set(status, facts);
  }
  return facts;
}

/** Replies longer than this are not remembered as conforming. */
const REMEMBER_MAX_CHARS = 64 * 1024;
/** Conforming replies remembered per declared response and media type, the oldest forgotten first. */
const REMEMBER = 16;

/**
 * Whether this exact text conformed lately. Compared for equality, not
 * looked up in a hash: a reply's text is a new string each time, and hashing
 * it costs a pass over all of it, where an equality test stops at the length
 * or the first character that differs.
 */
function remembered(recent: string[] | undefined, text: string): boolean {
  if (!recent) return false;
  for (let i = 0; i < recent.length; i++) if (recent[i] === text) return true;
  return false;
}

function remember(facts: ResponseFacts, type: string, text: string): void {
  let recent = facts.conforming.get(type);
  if (!recent) facts.conforming.set(type, (recent = []));
  if (recent.length >= REMEMBER) recent.shift();
  recent.push(text);
}

/**
 * The issues of a reply (none when it conforms). `text` is the body as it is
 * sent, when it is JSON: a reply whose exact text already passed the same
 * schema is not checked again (a list read many times over unchanged data),
 * as validation is a function of that JSON alone.
 */
export function selfCheck(mount: Mount, op: Operation | undefined, reply: Reply, text?: string): ValidationIssue[] {
  return check(mount, op, reply, text, false)!;
}

/** The issues, or undefined when `cheapOnly` and a body would have to be validated to know them. */
function check(mount: Mount, op: Operation | undefined, reply: Reply, text: string | undefined, cheapOnly: boolean): ValidationIssue[] | undefined {
  if (!op) {
    if (!mount.errorValidator || reply.body === undefined) return [];
    return cheapOnly ? undefined : mount.errorValidator(bodyValue(reply.body));
  }
  const facts = responseFacts(mount, op, reply.status);
  if (!facts) return [{ location: 'body', pointer: '', rule: 'status', message: `status ${reply.status} is not declared for ${op.id}` }];
  const { declared, key, requiredHeaders, media } = facts;
  const issues: ValidationIssue[] = [];
  if (requiredHeaders.length) {
    const sent = Object.keys(reply.headers ?? {}).map((k) => k.toLowerCase());
    for (const name of requiredHeaders) {
      if (!sent.includes(name))
        issues.push({ location: 'header', pointer: `/${name}`, rule: 'required', message: `required response header ${name} is missing` });
    }
  }
  const body = reply.body;
  if (body === undefined) {
    if (media.length) issues.push({ location: 'body', pointer: '', rule: 'content', message: `status ${reply.status} must have a body (${media.join(', ')})` });
    return issues;
  }
  const sent = mediaTypeOf(
    reply.contentType ?? (Buffer.isBuffer(body) ? 'application/octet-stream' : isEventStream(body) ? EVENT_STREAM_MEDIA : 'application/json'),
  );
  const type = declaredMediaFor(media, sent) ?? sent;
  if (!declared.content[type]) {
    issues.push({ location: 'body', pointer: '', rule: 'content', message: `media type ${type} is not declared for ${op.id} ${reply.status}` });
  } else if (isEventStream(body)) {
    // Events are checked one by one as they are written (the media entry's event schema).
    if (type !== EVENT_STREAM_MEDIA)
      issues.push({ location: 'body', pointer: '', rule: 'content', message: `a stream of events is sent as ${type}, not ${EVENT_STREAM_MEDIA}` });
  } else if (!Buffer.isBuffer(body)) {
    const keep = text !== undefined && text.length <= REMEMBER_MAX_CHARS;
    if (keep && remembered(facts.conforming.get(type), text)) return issues;
    if (cheapOnly) return undefined;
    const validate = mount.validators.for(op).response(key, type);
    if (!validate) return issues;
    const found = validate(bodyValue(body));
    if (found.length) issues.push(...found);
    else if (keep) remember(facts, type, text);
  }
  return issues;
}

/** Reports a reply that broke the spec: onSelfCheckFailure, an error in the log, a note on the journal entry. */
export function reportSelfCheck(
  mount: Mount,
  x: Exchange,
  status: number,
  issues: ValidationIssue[],
  what = 'response does not match the spec',
): SelfCheckFailure {
  const failure: SelfCheckFailure = {
    provider: mount.provider.name,
    operationId: x.op?.id ?? null,
    method: x.method,
    url: x.view.url,
    status,
    issues,
  };
  mount.options.onSelfCheckFailure?.(failure);
  mount.log.error({ selfCheck: failure }, what);
  noteSelfCheck(mount.options.journal, x.entry, failure);
  return failure;
}

/** What a strict mount sends instead of a reply that broke the spec. */
export function selfCheckFailedReply(failure: SelfCheckFailure): Reply {
  return { status: 500, headers: { 'x-mock-self-check': 'failed' }, body: { error: 'collections-mock: response self-check failed', ...failure } };
}

interface Pending {
  mount: Mount;
  x: Exchange;
  reply: Reply;
  text: string | undefined;
}
let pending: Pending[] = [];

function checkPending(): void {
  const batch = pending;
  pending = [];
  for (const { mount, x, reply, text } of batch) {
    try {
      const issues = selfCheck(mount, x.op, reply, text);
      if (issues.length) reportSelfCheck(mount, x, reply.status, issues);
    } catch (err) {
      mount.log.error({ err, method: x.method, url: x.view.url }, 'the response self-check failed to run');
    }
  }
}

/**
 * Checks a reply just sent: at once when only its head and a body that
 * passed before are left to check, else once the event loop has flushed it
 * (all the replies sent in one turn are checked together, in one
 * setImmediate): the client does not wait for a body's validation. A reply
 * sent while the server loads its data (a fixture's, a health 503) is
 * checked once loading has ended: the checks would otherwise hold up the
 * start, reading the response validators of every spec only to look at
 * replies no client waits for.
 */
export function selfCheckAfterSend(mount: Mount, x: Exchange, reply: Reply, text: string | undefined): void {
  const startup = mount.options.startup;
  if (startup?.loading) return startup.defer(() => selfCheckAfterSend(mount, x, reply, text));
  // A reply whose body passed before (a page read again) is checked at once: what is left costs less than holding it for later.
  let issues: ValidationIssue[] | undefined;
  try {
    issues = check(mount, x.op, reply, text, true);
  } catch (err) {
    mount.log.error({ err, method: x.method, url: x.view.url }, 'the response self-check failed to run');
    return;
  }
  if (issues === undefined) {
    if (pending.push({ mount, x, reply, text }) === 1) setImmediate(checkPending);
  } else if (issues.length) reportSelfCheck(mount, x, reply.status, issues);
}
