/**
 * JSON replies put together from texts rendered before. A list page of
 * records that have not changed since they were last rendered is sent
 * without building or serializing them again: each record's text is kept
 * with a stamp its provider computes (what the text depends on), and reused
 * while the stamp is the same.
 *
 * A kept text that no longer matches its record would be a wrong answer, so
 * a cache made with `verify` (the strict self-check of tests) renders every
 * hit again and throws if the two differ: a provider that changes a record
 * without changing its stamp fails its tests.
 */

/** A JSON body given as its text; the self-check reads its value, parsed on first need. */
export class JsonText<T = unknown> {
  private parsed: { value: T } | undefined = undefined;
  private encoded: Buffer | undefined = undefined;
  /** The type of the value the text encodes (for the handler's reply type). */
  declare readonly valueType?: T;

  /** `kept`: the same body is sent again and again (a RenderCache's), so it is sent as bytes encoded once. */
  constructor(
    readonly text: string,
    readonly kept = false,
  ) {}

  value(): T {
    return (this.parsed ??= { value: JSON.parse(this.text) as T }).value;
  }

  /** The text as UTF-8, encoded on first need. */
  bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.text, 'utf8'));
  }
}

/** A reply body as a schema sees it: a JSON text's value, anything else as it is. */
export function bodyValue(body: unknown): unknown {
  return body instanceof JsonText ? body.value() : body;
}

/** `[a,b,…]` from the items' JSON texts. */
export function arrayText(texts: readonly string[]): string {
  return `[${texts.join(',')}]`;
}

/** `{"k":v,…}` from each field's JSON text, leaving out fields whose text is undefined (as JSON.stringify leaves out undefined values). */
export function objectText(fields: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const key in fields) {
    const text = fields[key];
    if (text === undefined) continue;
    out += `${out ? ',' : '{'}${JSON.stringify(key)}:${text}`;
  }
  return out ? `${out}}` : '{}';
}

/**
 * A record's kept text, with its stamp: three counters its text depends on
 * besides the record itself (a row's revision and two tables' versions, say;
 * 0 for those it does not depend on), compared as numbers, so a list of
 * twenty records makes no stamp text per record.
 */
interface KeptRecord {
  a: number;
  b: number;
  c: number;
  body: JsonText;
}

/** How many joined bodies are kept per owner (the pages last read, the oldest forgotten first). */
const JOINED_PER_OWNER = 16;

interface Joined {
  parts: readonly (string | undefined)[];
  body: JsonText;
}

/**
 * The JSON texts of rendered records, one per record object, kept while their
 * stamp is the same; and the bodies joined from such texts (list pages), kept
 * while their parts are the very same strings.
 */
export class RenderCache {
  private readonly records = new WeakMap<object, KeptRecord>();
  private readonly pages = new WeakMap<object, Map<string, Joined>>();
  /** Hits and renders of records' texts, and of joined bodies, for the tests that show the cache is used. */
  hits = 0;
  renders = 0;
  joinedHits = 0;
  joins = 0;

  constructor(private readonly verify: boolean) {}

  /** The record's JSON text: the kept one while its stamp (`a`, `b`, `c`) is unchanged, else `render()`'s, kept. */
  text(record: object, a: number, b: number, c: number, render: () => unknown): string {
    return this.body(record, a, b, c, render).text;
  }

  /** The record's JSON text as a reply body, the same JsonText while the stamp holds (sent as bytes encoded once). */
  body<T>(record: object, a: number, b: number, c: number, render: () => T): JsonText<T> {
    const kept = this.records.get(record);
    if (kept !== undefined && kept.a === a && kept.b === b && kept.c === c) return this.hit(kept, render);
    return this.render(record, a, b, c, render);
  }

  private hit<T>(kept: KeptRecord, render: () => T): JsonText<T> {
    this.hits++;
    if (this.verify) {
      const fresh = JSON.stringify(render());
      if (fresh !== kept.body.text)
        throw new Error(
          `a kept rendering is stale (its stamp ${JSON.stringify([kept.a, kept.b, kept.c])} did not change): kept ${kept.body.text}, now ${fresh}`,
        );
    }
    return kept.body as JsonText<T>;
  }

  private render<T>(record: object, a: number, b: number, c: number, render: () => T): JsonText<T> {
    this.renders++;
    const body = new JsonText<T>(JSON.stringify(render()), true);
    this.records.set(record, { a, b, c, body });
    return body;
  }

  /**
   * A body joined from parts (the kept texts of a page's records, its
   * cursor's text): the same JsonText as last time for this owner and key
   * when every part is the very same string (compared by identity first, so a
   * page of unchanged records costs no pass over its text), else `join`'s,
   * kept. A kept body is sent as bytes encoded once, and its text, the same
   * string each time, passes the self-check at a glance. `join` must depend on
   * the parts alone; a verifying cache joins them again on every hit and
   * throws if the texts differ.
   */
  joined<T>(owner: object, key: string, parts: readonly (string | undefined)[], join: (parts: readonly (string | undefined)[]) => string): JsonText<T> {
    let kept = this.pages.get(owner);
    const last = kept?.get(key);
    if (last !== undefined && sameParts(last.parts, parts)) {
      this.joinedHits++;
      if (this.verify) {
        const fresh = join(parts);
        if (fresh !== last.body.text) throw new Error(`a kept joined body is stale: kept ${last.body.text}, now ${fresh}`);
      }
      return last.body as JsonText<T>;
    }
    this.joins++;
    const body = new JsonText<T>(join(parts), true);
    if (!kept) this.pages.set(owner, (kept = new Map()));
    kept.delete(key);
    if (kept.size >= JOINED_PER_OWNER) kept.delete(kept.keys().next().value!);
    kept.set(key, { parts, body });
    return body;
  }
}

function sameParts(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
