/**
 * What Airweave's syncs bring into a collection: entities (a page, an issue,
 * a message, a file), each with a name, a textual representation, its place
 * in the source (breadcrumbs), links, timestamps and the source's own fields.
 *
 * A source produces a deterministic set of entities per sync:
 * - the common sources have small hand-written corpora,
 *   `fixtures/airweave/entities/<short_name>.json`, whose `revisions` are the
 *   changes each later sync finds (updates, deletions, additions);
 * - any other source gets generated ones, drawn from a generator seeded by the
 *   connection's id (itself from the mock's seeded ids), changing a little at
 *   each later sync.
 * Users load their own with the admin API (loaded entities, `connectionId`
 * null), and the same generator makes any number of them for benchmarks.
 *
 * Entities are stored records (saved with the state); their chunks, vectors
 * and indexes are derived (retrieval.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Breadcrumb {
  entity_id: string;
  name: string;
  entity_type: string;
}

/** An entity as stored: the wire's fields, plus where it came from. */
export interface EntityRecord {
  /** `c:<connection id>:<entity id>` for a synced entity, `l:<readable id>:<entity id>` for a loaded one. */
  key: string;
  seq: number;
  /** The collection's readable_id. */
  collection: string;
  /** The source connection that produced it; null for an entity loaded through the admin API. */
  connectionId: string | null;
  entityId: string;
  entityType: string;
  sourceName: string;
  name: string;
  /** The textual representation: what is chunked, embedded and searched. */
  text: string;
  breadcrumbs: Breadcrumb[];
  /** Aware UTC ISO 8601 (`…Z`), or null. */
  createdAt: string | null;
  updatedAt: string | null;
  webUrl: string;
  /** A download URL (file entities), or null. */
  url: string | null;
  /** The source's own fields (`raw_source_fields`, legacy `source_fields`). */
  fields: Record<string, unknown>;
  access: { viewers: string[] | null; isPublic: boolean | null } | null;
  syncId: string | null;
  jobId: string | null;
  /** What a re-sync compares to tell an updated entity from an unchanged one. */
  hash: string;
}

/** An entity as a source (or a user) gives it, before it is stored. */
export interface EntityInput {
  entity_id: string;
  entity_type: string;
  name: string;
  source_name?: string;
  created_at?: string | null;
  updated_at?: string | null;
  web_url?: string;
  url?: string | null;
  breadcrumbs?: Breadcrumb[];
  /** The body; the textual representation is `# <name>` and the body. */
  content?: string;
  /** The textual representation as given (loaded entities may give it whole). */
  textual_representation?: string;
  fields?: Record<string, unknown>;
  access?: { viewers?: string[] | null; is_public?: boolean | null } | null;
}

interface Revision {
  updated?: (Partial<EntityInput> & { entity_id: string })[];
  deleted?: string[];
  added?: EntityInput[];
}

export interface Corpus {
  /** Values for `{{key}}` placeholders the connection's config leaves empty. */
  defaults: Record<string, string>;
  entities: EntityInput[];
  revisions: Revision[];
}

/** Reads `<dir>/<short_name>.json`, one corpus per source. */
export function loadCorpora(dir: string): Map<string, Corpus> {
  const out = new Map<string, Corpus>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Partial<Corpus>;
    out.set(file.slice(0, -'.json'.length), { defaults: raw.defaults ?? {}, entities: raw.entities ?? [], revisions: raw.revisions ?? [] });
  }
  return out;
}

// ---- text and time

/** The textual representation of an input: as given, else its name as a heading over its body. */
export function textOf(e: EntityInput): string {
  if (typeof e.textual_representation === 'string' && e.textual_representation.trim() !== '') return e.textual_representation;
  const body = (e.content ?? '').trim();
  return body ? `# ${e.name}\n\n${body}` : `# ${e.name}`;
}

/** A timestamp as the wire shows entity times: UTC with `Z`, milliseconds only when non-zero; undefined when it does not parse. */
export function canonicalTime(value: string): string | undefined {
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || !/T/.test(value) ? value : `${value}Z`);
  if (!Number.isFinite(ms)) return undefined;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** What a re-sync compares: everything the source says about the entity except when it says it changed. */
export function hashOf(e: EntityInput, sourceName: string): string {
  const content = {
    t: e.entity_type,
    s: sourceName,
    n: e.name,
    x: textOf(e),
    b: e.breadcrumbs ?? [],
    w: e.web_url ?? '',
    u: e.url ?? null,
    f: e.fields ?? {},
    a: e.access ?? null,
    c: e.created_at ?? null,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

/** A stored record from an input (times made canonical, defaults filled). */
export function recordOf(
  e: EntityInput,
  where: { key: string; seq: number; collection: string; connectionId: string | null; sourceName: string; syncId: string | null; jobId: string | null },
): EntityRecord {
  const time = (v: string | null | undefined) => (typeof v === 'string' ? (canonicalTime(v) ?? null) : null);
  return {
    key: where.key,
    seq: where.seq,
    collection: where.collection,
    connectionId: where.connectionId,
    entityId: e.entity_id,
    entityType: e.entity_type,
    sourceName: where.sourceName,
    name: e.name,
    text: textOf(e),
    breadcrumbs: (e.breadcrumbs ?? []).map((b) => ({ entity_id: b.entity_id, name: b.name, entity_type: b.entity_type })),
    createdAt: time(e.created_at),
    updatedAt: time(e.updated_at ?? e.created_at),
    webUrl: e.web_url ?? '',
    url: e.url ?? null,
    fields: e.fields ?? {},
    access: e.access ? { viewers: e.access.viewers ?? null, isPublic: e.access.is_public ?? null } : null,
    syncId: where.syncId,
    jobId: where.jobId,
    hash: hashOf(e, where.sourceName),
  };
}

export const connectionKey = (connectionId: string, entityId: string): string => `c:${connectionId}:${entityId}`;
export const loadedKey = (readableId: string, entityId: string): string => `l:${readableId}:${entityId}`;

// ---- a source's entities at a revision

/** Replaces `{{key}}` in every string of a value by the connection's config (or the corpus default). */
function fillPlaceholders<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m) as T;
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, vars)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, vars)])) as T;
  return value;
}

/**
 * A hand-written corpus as the source holds it at `revision` (1 for the first
 * sync): the entities, with the first `revision - 1` sets of changes applied.
 * Syncs past the last set find nothing new.
 */
export function corpusAt(corpus: Corpus, config: Record<string, unknown>, revision: number): EntityInput[] {
  const vars: Record<string, string> = { ...corpus.defaults };
  for (const [k, v] of Object.entries(config)) if ((typeof v === 'string' && v !== '') || typeof v === 'number') vars[k] = String(v);
  const byId = new Map<string, EntityInput>();
  for (const e of corpus.entities) byId.set(e.entity_id, e);
  for (const r of corpus.revisions.slice(0, Math.max(0, revision - 1))) {
    for (const id of r.deleted ?? []) byId.delete(id);
    for (const u of r.updated ?? []) {
      const before = byId.get(u.entity_id);
      if (before) byId.set(u.entity_id, { ...before, ...u });
    }
    for (const a of r.added ?? []) byId.set(a.entity_id, a);
  }
  return [...byId.values()].map((e) => fillPlaceholders(e, vars));
}

// ---- generated entities

/** mulberry32 seeded from a string: a small, fast, deterministic generator. */
export function seededRandom(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  'Globex',
  'Initech',
  'Umbrella Health',
  'Hooli',
  'Soylent Foods',
  'Stark Logistics',
  'Wayne Capital',
  'Wonka Retail',
  'Tyrell Bio',
  'Vandelay Imports',
  'Massive Dynamic',
  'Oscorp Energy',
];
const PEOPLE = [
  'Ana Silva',
  'Ben Carter',
  'Chloe Dubois',
  'Diego Ramos',
  'Elif Yilmaz',
  'Farah Khan',
  'Grace Liu',
  'Hiro Tanaka',
  'Isla Murray',
  'Jonas Berg',
  'Kofi Mensah',
  'Lucia Romero',
];
const STATUSES = ['open', 'in progress', 'pending review', 'resolved', 'closed', 'draft', 'active', 'paid', 'overdue'];
const SENTENCES = [
  'The renewal is due at the end of the quarter and includes a price increase of eight percent.',
  'Customer reported that the nightly sync stopped after the password rotation.',
  'Finance asked for a breakdown of usage by team before approving the upgrade.',
  'The onboarding call covered SSO setup, user roles and the data retention settings.',
  'A refund was issued for the duplicate charge on the annual plan.',
  'Latency on the reporting endpoint doubled after the last schema migration.',
  'Legal reviewed the data processing agreement and requested two changes.',
  'The account moved to the enterprise tier with a dedicated support channel.',
  'Procurement needs a signed W-9 and the latest SOC 2 report.',
  'The dashboard widget shows weekly active users split by plan and region.',
  'Support escalated the ticket because the export kept timing out.',
  'Marketing wants the case study approved before the conference in May.',
  'The integration pulls invoices every hour and posts a summary to the team channel.',
  'Engineering proposed batching webhook deliveries to cut retries.',
  'The contract caps storage at two terabytes with overage billed monthly.',
  'Security flagged an API key that had not been rotated in a year.',
  'The quarterly business review showed adoption growing in the sales team.',
  'A new approval step was added for discounts above twenty percent.',
  'The mobile release fixed the crash when opening attachments offline.',
  'Payroll exports now include the cost centre of each employee.',
];

/** `StripeInvoiceEntity` → `Invoice`; `GitHubPrCommentEntity` → `Pr Comment` (the source's own prefix dropped). */
function labelOf(className: string, sourceName: string): string {
  const words = className
    .replace(/Entity$/, '')
    .split(/(?=[A-Z][a-z])/)
    .filter(Boolean);
  const prefix = sourceName.replace(/_/g, '').toLowerCase();
  let joined = '';
  let skip = 0;
  for (const w of words) {
    if (prefix.startsWith((joined + w).toLowerCase())) {
      joined += w;
      skip++;
    } else break;
  }
  const rest = words.slice(skip);
  return (rest.length ? rest : words).join(' ');
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const hex = (rnd: () => number, n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');

/** Epoch ms of 2024-01-01, the earliest time generated entities carry. */
const GENERATED_EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

/** One generated entity: a plausible record of the type, all drawn from `rnd`. */
export function generatedEntity(rnd: () => number, sourceName: string, entityType: string, n: number): EntityInput {
  const label = labelOf(entityType, sourceName);
  const company = pick(rnd, COMPANIES);
  const person = pick(rnd, PEOPLE);
  const status = pick(rnd, STATUSES);
  const id = `${sourceName.slice(0, 3)}_${hex(rnd, 14)}`;
  const created = GENERATED_EPOCH + Math.floor(rnd() * 450) * DAY + Math.floor(rnd() * DAY);
  const updated = created + Math.floor(rnd() * 40) * DAY;
  const first = pick(rnd, SENTENCES);
  let second = pick(rnd, SENTENCES);
  if (second === first) second = SENTENCES[(SENTENCES.indexOf(first) + 1) % SENTENCES.length]!;
  return {
    entity_id: id,
    entity_type: entityType,
    name: `${label} ${n}: ${company}`,
    created_at: new Date(created).toISOString(),
    updated_at: new Date(updated).toISOString(),
    web_url: `https://${sourceName.replace(/_/g, '-')}.example.com/${label.toLowerCase().replace(/\s+/g, '-')}/${id}`,
    breadcrumbs: [
      { entity_id: `${sourceName}-workspace`, name: `${company} workspace`, entity_type: `${entityType.replace(/[A-Z][a-z]*Entity$/, '')}WorkspaceEntity` },
    ],
    content: `${label} for ${company}, owned by ${person}, status ${status}. ${first} ${second}`,
    fields: { status, owner: person, account: company, number: n },
  };
}

/**
 * Generated entities of a source at a revision: four of each of its entity
 * types (at most 40) at the first sync; each later sync updates about one in
 * eight, deletes about one in twelve and adds one or two, all decided by the
 * seed (the connection's id) and the revision.
 */
export function generatedAt(seed: string, sourceName: string, entityTypes: readonly string[], revision: number): EntityInput[] {
  const types = entityTypes.length ? entityTypes : ['FileEntity'];
  const rnd = seededRandom(`${seed}:base`);
  const count = Math.min(40, types.length * 4);
  const byId = new Map<string, EntityInput>();
  for (let i = 0; i < count; i++) {
    const e = generatedEntity(rnd, sourceName, types[i % types.length]!, i + 1);
    byId.set(e.entity_id, e);
  }
  let next = count;
  for (let r = 2; r <= revision; r++) {
    const step = seededRandom(`${seed}:revision:${r}`);
    for (const [id, e] of [...byId]) {
      const roll = step();
      if (roll < 1 / 12) byId.delete(id);
      else if (roll < 1 / 12 + 1 / 8) {
        byId.set(id, { ...e, content: `${e.content} Update ${r}: ${pick(step, SENTENCES)}`, fields: { ...e.fields, status: pick(step, STATUSES) } });
      }
    }
    const added = 1 + Math.floor(step() * 2);
    for (let i = 0; i < added; i++) {
      const e = generatedEntity(step, sourceName, types[next % types.length]!, ++next);
      byId.set(e.entity_id, e);
    }
  }
  return [...byId.values()];
}
