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
  /** The type of the value the text encodes (for the handler's reply type). */
  declare readonly valueType?: T;

  constructor(readonly text: string) {}

  value(): T {
    return (this.parsed ??= { value: JSON.parse(this.text) as T }).value;
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

/** What a record's text depends on besides the record itself: compared with `===`. */
export type Stamp = string | number;

/** The JSON texts of rendered records, one per record object, kept while their stamp is the same. */
export class RenderCache {
  private readonly texts = new WeakMap<object, { stamp: Stamp; text: string }>();
  /** Hits and renders, for the tests that show the cache is used. */
  hits = 0;
  renders = 0;

  constructor(private readonly verify: boolean) {}

  /** The record's JSON text: the kept one when its stamp is unchanged, else `render()`'s, kept. */
  text(record: object, stamp: Stamp, render: () => unknown): string {
    const kept = this.texts.get(record);
    if (kept !== undefined && kept.stamp === stamp) {
      this.hits++;
      if (this.verify) {
        const fresh = JSON.stringify(render());
        if (fresh !== kept.text)
          throw new Error(`a kept rendering is stale (its stamp ${JSON.stringify(stamp)} did not change): kept ${kept.text}, now ${fresh}`);
      }
      return kept.text;
    }
    this.renders++;
    const text = JSON.stringify(render());
    this.texts.set(record, { stamp, text });
    return text;
  }
}
