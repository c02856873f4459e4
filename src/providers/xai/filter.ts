/**
 * AIP-160 subset plus the xAI extensions used by the xAI list and search endpoints
 * (as documented on docs.x.ai: the Collections and Files API references and the
 * collections metadata guide, https://docs.x.ai/developers/files/collections/metadata;
 * OR binds tighter than AND there). One parser serves every endpoint; each endpoint supplies a
 * resolver that knows its field names and how to read them from a record.
 *
 * The source is parsed once into the core's condition tree (core/retrieval/predicate.ts), which
 * the core evaluates as it does every vendor's filter: each comparison reads one value of the
 * record, prepared as its field's kind says (a number, epoch microseconds, text), so a record is
 * presented to the evaluator as a plain object of those values.
 * Parsing is a hand-written scanner: no regular expression is ever built from user input, and
 * the few fixed ones below are anchored and linear, so a hostile filter cannot cause ReDoS.
 */
import { MockError } from '../../core/errors.js';
import { matches, numberIn, parseNumber, show, type Condition, type ConditionOperator } from '../../core/retrieval/predicate.js';

export class FilterError extends Error {
  override name = 'FilterError';
}

export type FieldKind =
  | 'substring' // strings matched case-insensitively by substring for ':' '=' ; '!=' and ':!' negate that
  | 'exact' // string equality (case-sensitive); ordering ops compare strings lexicographically
  | 'number' // numeric; value must parse as a number else FilterError
  | 'timestamp' // RFC 3339 value, compared as epoch microseconds
  | 'dynamic'; // metadata values: numeric when both sides are finite numbers, else exact string

export interface FieldSpec<T> {
  kind: FieldKind;
  /** The record's value; undefined means "field absent" (the comparison is false). Timestamps are epoch microseconds (number). */
  get(record: T): string | number | undefined;
}

// Generous for hand-written filters, yet bounds the work a single request can cause.
const MAX_SOURCE_LENGTH = 8192;
// Parsing recurses per nesting level; the cap turns a would-be stack overflow into a 400.
const MAX_DEPTH = 64;

type Op = Extract<ConditionOperator, 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'>;
type Scalar = string | number;
/** A record's value as one comparison reads it; undefined when absent or not of the field's kind. */
type Read<T> = (record: T) => Scalar | undefined;

/** A filter as the core evaluates it: the condition, over the values `view` reads from a record. */
export interface ParsedFilter<T> {
  condition: Condition;
  view(record: T): Record<string, Scalar>;
}

interface Literal {
  text: string;
  quoted: boolean;
}

/**
 * Parses and compiles once; the predicate is called per record. `resolve` maps a field name as written
 * in the filter (e.g. 'collection_name', 'fields.type', 'fields."my key"' unquoted to 'fields.my key') to a spec,
 * or undefined for an unknown field (→ FilterError 'Invalid filter: unknown field "x"').
 */
export function compileFilter<T>(source: string, resolve: (field: string) => FieldSpec<T> | undefined): (record: T) => boolean {
  const parsed = parseFilter(source, resolve);
  // Callers treat an absent filter as "no filtering"; a blank one is the same thing.
  if (parsed === undefined) return () => true;
  const { condition, view } = parsed;
  return (record) => matches(condition, view(record));
}

/** The condition tree of a filter, and the view of a record it reads; undefined for a blank filter. */
export function parseFilter<T>(source: string, resolve: (field: string) => FieldSpec<T> | undefined): ParsedFilter<T> | undefined {
  if (source.length > MAX_SOURCE_LENGTH) {
    fail(`filter is too long (${source.length} characters, at most ${MAX_SOURCE_LENGTH} allowed)`);
  }
  if (isBlank(source)) return undefined;
  const parser = new Parser<T>(source, resolve);
  const condition = parser.parseAll();
  const reads = parser.reads;
  const view = (record: T): Record<string, Scalar> => {
    const out: Record<string, Scalar> = {};
    for (let i = 0; i < reads.length; i++) {
      const value = reads[i]!(record);
      if (value !== undefined) out[slot(i)] = value;
    }
    return out;
  };
  return { condition, view };
}

/**
 * A request's filter parameter: undefined when there is none, a validation
 * error (400) with the parser's message when it does not parse.
 */
export function requestFilter<T>(
  source: string | null | undefined,
  resolve: (field: string) => FieldSpec<T> | undefined,
): ((record: T) => boolean) | undefined {
  if (source === undefined || source === null || source.trim() === '') return undefined;
  try {
    return compileFilter(source, resolve);
  } catch (err) {
    if (err instanceof FilterError) throw new MockError('validation', err.message);
    throw err;
  }
}

/** The view's key for the value the i-th comparison reads (no dot: the core reads dots as a path). */
const slot = (i: number): string => `v${i}`;

function fail(message: string): never {
  throw new FilterError(`Invalid filter: ${message}`);
}

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isWs(s[i])) return false;
  return true;
}

function isAlpha(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isIdentStart(c: string | undefined): boolean {
  return isAlpha(c) || c === '_';
}

function isIdentChar(c: string | undefined): boolean {
  return isAlpha(c) || isDigit(c) || c === '_';
}

// Metadata keys are user-chosen, so segments after a dot also accept digits first and hyphens
// (`fields.doc-type`); anything stranger needs the quoted form.
function isSegmentChar(c: string | undefined): boolean {
  return isIdentChar(c) || c === '-';
}

class Parser<T> {
  /** What each comparison reads of a record, in the order they were parsed; the view's slots. */
  readonly reads: Read<T>[] = [];
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly resolve: (field: string) => FieldSpec<T> | undefined,
  ) {}

  parseAll(): Condition {
    const pred = this.parseAnd();
    this.skipWs();
    if (this.pos < this.src.length) this.unexpected();
    return pred;
  }

  // AIP-160 reads adjacent restrictions as a conjunction, so a missing AND is implied.
  private parseAnd(): Condition {
    const terms = [this.parseOr()];
    for (;;) {
      this.skipWs();
      if (this.pos >= this.src.length || this.src[this.pos] === ')') break;
      if (this.atKeyword('AND')) this.pos += 3;
      terms.push(this.parseOr());
    }
    return group('and', terms);
  }

  private parseOr(): Condition {
    const terms = [this.parseUnary()];
    for (;;) {
      this.skipWs();
      if (!this.atKeyword('OR')) break;
      this.pos += 2;
      terms.push(this.parseUnary());
    }
    return group('or', terms);
  }

  private parseUnary(): Condition {
    this.skipWs();
    if (this.atKeyword('NOT')) {
      this.pos += 3;
    } else if (this.src[this.pos] === '-') {
      this.pos += 1;
    } else {
      return this.parsePrimary();
    }
    this.enter();
    const inner = this.parseUnary();
    this.depth--;
    return { kind: 'not', items: [inner] };
  }

  private parsePrimary(): Condition {
    this.skipWs();
    const start = this.pos;
    const c = this.src[start];
    if (c === undefined) fail(`unexpected end of filter at position ${start}`);
    if (c === '(') {
      this.enter();
      this.pos++;
      const inner = this.parseAnd();
      this.skipWs();
      // parseAnd only stops at ')' or the end, so anything else here is the end.
      if (this.src[this.pos] !== ')') fail(`unbalanced parentheses: "(" at position ${start} is never closed`);
      this.pos++;
      this.depth--;
      return inner;
    }
    if (this.atKeyword('AND')) fail(`unexpected "AND" at position ${start}`);
    if (this.atKeyword('OR')) fail(`unexpected "OR" at position ${start}`);
    return this.parseComparison();
  }

  private parseComparison(): Condition {
    const field = this.parseFieldName();
    this.skipWs();
    const { op, plainColon } = this.parseOperator(field);
    const sawWs = this.skipWs();
    const literal = this.parseValue(field, sawWs);
    // Resolved after the syntax is known to be sound, so `a:1 and b:2` reports the operator
    // problem at "and" rather than calling "and" an unknown field.
    const spec = this.resolve(field);
    if (spec === undefined) fail(`unknown field ${show(field)}`);
    const condition = comparison(slot(this.reads.length), field, spec.kind, op, literal, plainColon);
    this.reads.push(reader(field, spec));
    return condition;
  }

  private parseFieldName(): string {
    const src = this.src;
    if (!isIdentStart(src[this.pos])) this.unexpected();
    let name = this.readWhile(isIdentChar);
    while (src[this.pos] === '.') {
      const next = src[this.pos + 1];
      if (next === '"' || next === "'") {
        this.pos++;
        name += `.${this.readQuoted()}`;
      } else if (isSegmentChar(next)) {
        this.pos++;
        name += `.${this.readWhile(isSegmentChar)}`;
      } else {
        fail(`expected a field name after "." at position ${this.pos + 1}`);
      }
    }
    return name;
  }

  private parseOperator(field: string): { op: Op; plainColon: boolean } {
    const src = this.src;
    const c = src[this.pos];
    const next = src[this.pos + 1];
    switch (c) {
      case '=':
        this.pos += 1;
        return { op: 'eq', plainColon: false };
      case '!':
        if (next === '=') {
          this.pos += 2;
          return { op: 'ne', plainColon: false };
        }
        break;
      case '>':
      case '<':
        this.pos += next === '=' ? 2 : 1;
        return { op: ordering(c, next === '='), plainColon: false };
      case ':': {
        this.pos += 1;
        const sub = next;
        const after = src[this.pos + 1];
        if (sub === '>' || sub === '<') {
          this.pos += after === '=' ? 2 : 1;
          return { op: ordering(sub, after === '='), plainColon: false };
        }
        if (sub === '!') {
          this.pos += 1;
          return { op: 'ne', plainColon: false };
        }
        if (sub === '=') {
          this.pos += 1;
          return { op: 'eq', plainColon: false };
        }
        return { op: 'eq', plainColon: true };
      }
    }
    const found = c === undefined ? 'end of filter' : show(c);
    fail(`expected an operator after field ${show(field)} at position ${this.pos}, found ${found}`);
  }

  private parseValue(field: string, afterWs: boolean): Literal {
    const src = this.src;
    const start = this.pos;
    const c = src[start];
    // After a space, a keyword means the value was forgotten (`name: AND x:1`); glued to the
    // operator (`name:AND`) it is a legitimate bareword.
    if (c === undefined || c === ')' || (afterWs && (this.atKeyword('AND') || this.atKeyword('OR') || this.atKeyword('NOT')))) {
      fail(`missing value for field ${show(field)} at position ${start}`);
    }
    if (c === '"' || c === "'") return { text: this.readQuoted(), quoted: true };
    // AIP-160 value lists (`f:(a OR b)`) are not supported; reading "(a" as a bareword would
    // silently mean something else, so refuse outright.
    if (c === '(') fail(`unexpected "(" at position ${start}: value lists are not supported`);
    let end = start;
    while (end < src.length && !isWs(src[end]) && src[end] !== ')') end++;
    this.pos = end;
    return { text: src.slice(start, end), quoted: false };
  }

  private readQuoted(): string {
    const src = this.src;
    const start = this.pos;
    const quote = src[start];
    let out = '';
    let chunk = start + 1;
    let i = chunk;
    for (;;) {
      if (i >= src.length) fail(`unterminated string starting at position ${start}`);
      const ch = src[i];
      if (ch === quote) {
        this.pos = i + 1;
        return out + src.slice(chunk, i);
      }
      if (ch === '\\') {
        const esc = src[i + 1];
        // Only the quote and the backslash are escapes; any other backslash stays literal, so
        // "C:\dir" means what it looks like.
        if (esc === quote || esc === '\\') {
          out += src.slice(chunk, i) + esc;
          i += 2;
          chunk = i;
          continue;
        }
      }
      i++;
    }
  }

  private readWhile(accept: (c: string | undefined) => boolean): string {
    const start = this.pos;
    while (this.pos < this.src.length && accept(this.src[this.pos])) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private skipWs(): boolean {
    const start = this.pos;
    while (isWs(this.src[this.pos])) this.pos++;
    return this.pos > start;
  }

  /** Keywords are upper-case whole words, so `ORDER:x` or `NOTE:x` stay field names. */
  private atKeyword(word: 'AND' | 'OR' | 'NOT'): boolean {
    if (!this.src.startsWith(word, this.pos)) return false;
    const after = this.src[this.pos + word.length];
    return after === undefined || isWs(after) || after === '(' || after === ')' || after === '-';
  }

  private enter(): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels at position ${this.pos}`);
  }

  private unexpected(): never {
    const c = this.src[this.pos];
    if (c === undefined) fail(`unexpected end of filter at position ${this.pos}`);
    fail(`unexpected ${show(c)} at position ${this.pos}`);
  }
}

function ordering(c: '>' | '<', orEqual: boolean): Op {
  if (c === '>') return orEqual ? 'gte' : 'gt';
  return orEqual ? 'lte' : 'lt';
}

function group(kind: 'and' | 'or', items: Condition[]): Condition {
  return items.length === 1 ? items[0]! : { kind, items };
}

/**
 * One comparison on the view's `key`. An absent value fails every comparison,
 * `!=` included (so only NOT selects it): the negations also ask that the value
 * be there.
 */
function comparison(key: string, field: string, kind: FieldKind, op: Op, literal: Literal, plainColon: boolean): Condition {
  const range = plainColon && !literal.quoted ? splitRange(literal.text) : undefined;
  if (range !== undefined) {
    if (kind === 'substring' || kind === 'exact') fail(`range is not supported on field ${show(field)}`);
    const lo = operand(field, kind, range[0]);
    const hi = operand(field, kind, range[1]);
    return { kind: 'and', items: [test(key, kind, 'gte', lo), test(key, kind, 'lte', hi)] };
  }
  if (kind === 'substring' && (op === 'eq' || op === 'ne')) {
    const contains: Condition = { kind: 'cond', field: key, operator: 'contains', value: literal.text, caseSensitive: false };
    return op === 'eq' ? contains : present(key, { kind: 'not', items: [contains] });
  }
  const cond = test(key, kind, op, operand(field, kind, literal.text));
  return op === 'ne' ? present(key, cond) : cond;
}

/** Metadata values compare as numbers when both sides read as numbers, else as exact text; every other kind's values are prepared by `reader`. */
function test(key: string, kind: FieldKind, operator: Op, value: Scalar): Condition {
  return { kind: 'cond', field: key, operator, value, caseSensitive: true, ...(kind === 'dynamic' ? { numericText: true } : {}) };
}

function present(key: string, condition: Condition): Condition {
  return { kind: 'and', items: [{ kind: 'cond', field: key, operator: 'exists', value: true, caseSensitive: true }, condition] };
}

/**
 * `lo..hi` is a range only when both bounds look like numbers or timestamps, so a dynamic
 * value such as `fields.path:a..b` keeps its literal meaning.
 */
function splitRange(text: string): [string, string] | undefined {
  const at = text.indexOf('..');
  if (at <= 0) return undefined;
  const lo = text.slice(0, at);
  const hi = text.slice(at + 2);
  const bound = (s: string): boolean => parseNumber(s) !== undefined || parseTimestamp(s) !== undefined;
  return bound(lo) && bound(hi) ? [lo, hi] : undefined;
}

/** A literal as its field's kind compares it: numbers and timestamps parsed (or refused), text as written. */
function operand(field: string, kind: FieldKind, text: string): Scalar {
  switch (kind) {
    case 'substring':
    case 'exact':
    case 'dynamic':
      return text;
    case 'number': {
      const n = parseNumber(text);
      if (n === undefined) fail(`field ${show(field)} expects a number, got ${show(text)}`);
      return n;
    }
    case 'timestamp': {
      const t = parseTimestamp(text);
      if (t === undefined) {
        fail(`field ${show(field)} expects an RFC 3339 timestamp such as 2025-01-01T00:00:00Z, got ${show(text)}`);
      }
      return t;
    }
    default:
      return unsupported(field, kind);
  }
}

/** How a comparison reads its field: null counts as absent, and so does a value not of the field's kind (a number field holding "seven"). */
function reader<T>(field: string, spec: FieldSpec<T>): Read<T> {
  const prepare = preparing(field, spec.kind);
  return (record) => {
    const value = spec.get(record);
    return value == null ? undefined : prepare(value);
  };
}

function preparing(field: string, kind: FieldKind): (value: Scalar) => Scalar | undefined {
  switch (kind) {
    case 'substring':
    case 'exact':
      return String;
    case 'number':
      return numberIn;
    case 'timestamp':
      return (value) => (typeof value === 'number' ? numberIn(value) : parseTimestamp(value));
    case 'dynamic':
      return (value) => value;
    default:
      return unsupported(field, kind);
  }
}

function unsupported(field: string, kind: never): never {
  throw new Error(`filter: field ${show(field)} has an unsupported kind ${String(kind)}`);
}

const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 date-time to epoch microseconds; digits past the microsecond are truncated. */
function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP_RE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  // RFC 3339 allows a leap second (60); it simply lands on the next minute's first second.
  const second = Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetSeconds = 0;
  if (m[8] !== undefined) {
    const oh = Number(m[9]);
    const om = Number(m[10]);
    if (oh > 23 || om > 59) return undefined;
    offsetSeconds = (m[8] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const micros = m[7] === undefined ? 0 : Number(m[7].slice(0, 6).padEnd(6, '0'));
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  return seconds * 1_000_000 + micros;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Date.UTC maps years 0-99 onto 1900-1999, so day counting is done by hand
// (Howard Hinnant's days_from_civil).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
