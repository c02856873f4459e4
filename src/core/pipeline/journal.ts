/**
 * The journal stage: each request's entry, opened as it arrives (filled in by
 * the stages after it: operation, tenant, scenario, fault, self-check) and
 * recorded when its response closes, with the status sent and the time taken.
 */
import type { ServerResponse } from 'node:http';
import { OpenedEntry, attachEntry, type Journal, type JournalEntry } from '../journal.js';
import { wireOf } from '../capture.js';
import type { Exchange, Mount, SelfCheckFailure } from './context.js';

const RECORD = Symbol('collections-mock.journalRecord');
type Recorded = ServerResponse & { [RECORD]?: { journal: Journal; entry: JournalEntry; started: number } };

/** One listener for every response (no closure per request). */
function record(this: Recorded): void {
  const r = this[RECORD]!;
  r.entry.status = this.headersSent ? this.statusCode : 0;
  r.entry.durationMs = Math.round((performance.now() - r.started) * 1000) / 1000;
  r.journal.record(r.entry);
}

/** Opens the request's entry (when requests are recorded, or logged: `exposeEntry`), recorded in the journal once the response closes. */
export function journal(mount: Mount, x: Exchange): JournalEntry | undefined {
  const { journal, exposeEntry } = mount.options;
  if (!journal && !exposeEntry) return undefined;
  const entry = new OpenedEntry(journal ? journal.nextId() : 0, mount.env.clock.nowMs(), mount.provider.name, x.method, x.view.url);
  const wire = wireOf(x.res);
  if (wire) entry.wire = wire;
  x.entry = entry;
  if (exposeEntry) attachEntry(x.res, entry);
  if (journal) {
    (x.res as Recorded)[RECORD] = { journal, entry, started: performance.now() };
    // A response closes once: `on` spares the wrapper `once` makes.
    x.res.on('close', record);
  }
  return entry;
}

/** A reply that broke the spec, noted on its entry (the journal shows it, whenever the check ran: also after the entry was recorded). */
export function noteSelfCheck(journal: Journal | undefined, entry: JournalEntry | undefined, failure: SelfCheckFailure): void {
  if (!entry) return;
  const issues = failure.issues.map(({ location, pointer, rule, message }) => ({ location, pointer, rule, message }));
  entry.selfCheck = { issues: entry.selfCheck ? [...entry.selfCheck.issues, ...issues] : issues };
  journal?.amend(entry);
}
