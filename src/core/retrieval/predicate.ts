/**
 * One condition tree and one evaluator for every vendor's filter language:
 * a provider parses its vendor's grammar (Mixpeek's LogicalOperator,
 * Airweave's FilterGroup, xAI's AIP-160 text) into a `Condition`, and the
 * core evaluates it against a plain JSON record, for lists and for the search
 * index alike (applied before ranking). The operators are the union of what
 * the vendors document; their semantics (array fields match by any element,
 * case folding, ordering of numbers and ISO strings, numeric text) are
 * written once, here.
 *
 * Safety: evaluation, deep equality and path walking are iterative, so neither
 * a deep nor a long input can exhaust the stack. Regex patterns are
 * length-capped and compiled once.
 */
import { MockError } from '../errors.js';

/** A condition tree: groups of conditions on dotted field paths. */
export type Condition =
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; items: Condition[] } // none of the items may hold
  /** At least `min` of the items hold (Qdrant's `min_should`); a `min` of 0 or less always holds. */
  | { kind: 'atLeast'; min: number; items: Condition[] }
  /**
   * Some element reached at `field` (each element of an array, or the object
   * itself) satisfies every item, the items' fields read from that element
   * (Qdrant's `nested`, MongoDB's `$elemMatch`): unlike separate conditions
   * on `a.b` and `a.c`, both must hold for the same element.
   */
  | { kind: 'some'; field: string; items: Condition[] }
  | {
      kind: 'cond';
      field: string;
      operator: ConditionOperator;
      value: unknown;
      caseSensitive: boolean;
      /**
       * Text that reads as a number stands for that number (metadata kept as
       * strings): for the equalities (eq, ne, in, nin) and the orderings, two
       * values compare as numbers when both read as numbers, otherwise as
       * their text. Without it, a number and a string never compare.
       */
      numericText?: boolean;
    };

export type ConditionOperator =
  'eq' | 'ne' | 'gt' | 'lt' | 'gte' | 'lte' | 'in' | 'nin' | 'contains' | 'starts_with' | 'ends_with' | 'regex' | 'exists' | 'is_null' | 'text';

type Cond = Extract<Condition, { kind: 'cond' }>;
type Group = Exclude<Condition, { kind: 'cond' }>;

export const CONDITION_OPERATORS: readonly ConditionOperator[] = [
  'eq',
  'ne',
  'gt',
  'lt',
  'gte',
  'lte',
  'in',
  'nin',
  'contains',
  'starts_with',
  'ends_with',
  'regex',
  'exists',
  'is_null',
  'text',
];
/** ReDoS hygiene: longer patterns are refused outright. */
export const MAX_REGEX_LENGTH = 512;

/** Regexes compiled when a condition is built, keyed by the condition node that owns them. */
const compiled = new WeakMap<Cond, RegExp>();

/** Compiles a `regex` condition's pattern once, refusing it with the place named when it is too long or invalid. */
export function compileConditionRegex(cond: Cond, at: string): void {
  compiled.set(cond, compileRegex(cond.value, cond.caseSensitive, at));
}

/** Where the walk of one group stands: its record, the next item, and what the kinds that count need. */
interface Frame {
  node: Group;
  record: unknown;
  next: number;
  /** atLeast: items that held so far. */
  held: number;
  /** some: the elements to try, and the one being tried. */
  elements?: unknown[];
  element: number;
}

function frameOf(node: Group, record: unknown): Frame {
  const frame: Frame = { node, record, next: 0, held: 0, element: 0 };
  if (node.kind === 'some') {
    const elements: unknown[] = [];
    for (const v of valuesAt(record, node.field)) {
      if (Array.isArray(v)) elements.push(...v);
      else elements.push(v);
    }
    frame.elements = elements;
  }
  return frame;
}

/** The record a frame's next item reads: a `some` group's current element, else the frame's record. */
const recordOf = (frame: Frame): unknown => (frame.node.kind === 'some' ? frame.elements![frame.element] : frame.record);

/**
 * A child's outcome for its group: the group's own outcome when the child
 * decides it, else undefined (and the group goes on).
 */
function afterChild(frame: Frame, held: boolean): boolean | undefined {
  const node = frame.node;
  switch (node.kind) {
    case 'and':
      return held ? undefined : false;
    case 'or':
      return held ? true : undefined;
    case 'not':
      return held ? false : undefined;
    case 'atLeast': {
      if (held) frame.held++;
      if (frame.held >= node.min) return true;
      // Too few items left to reach the minimum.
      return frame.held + (node.items.length - frame.next) < node.min ? false : undefined;
    }
    case 'some':
      if (held) return undefined;
      // This element fails an item: try the next one from the first item.
      frame.element++;
      frame.next = 0;
      return frame.element >= frame.elements!.length ? false : undefined;
  }
}

/** A group's outcome once every item has been looked at without a decisive one (or before any, for the kinds that start decided). */
function settled(frame: Frame): boolean | undefined {
  const node = frame.node;
  switch (node.kind) {
    case 'atLeast':
      if (frame.held >= node.min) return true;
      return frame.next >= node.items.length ? false : undefined;
    case 'some':
      if (frame.element >= frame.elements!.length) return false;
      // Every item held for the current element.
      return frame.next >= node.items.length ? true : undefined;
    default:
      if (frame.next < node.items.length) return undefined;
      // No decisive child: AND and NOT hold; OR holds only when it has no items (no constraint).
      return node.kind === 'or' ? node.items.length === 0 : true;
  }
}

/** Evaluates a condition tree against a record (a plain JSON object). */
export function matches(filter: Condition, record: unknown): boolean {
  if (filter.kind === 'cond') return testCondition(filter, record);
  // Explicit stack: a hand-built filter may be nested deeper than parseFilter allows.
  const stack: Frame[] = [frameOf(filter, record)];
  let result = true;
  let returned = false; // `result` holds the outcome of the child just finished
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (returned) {
      returned = false;
      const decided = afterChild(frame, result);
      if (decided !== undefined) {
        stack.pop();
        result = decided;
        returned = true;
        continue;
      }
    }
    const done = settled(frame);
    if (done !== undefined) {
      stack.pop();
      result = done;
      returned = true;
      continue;
    }
    const child = frame.node.items[frame.next++]!;
    const target = recordOf(frame);
    if (child.kind === 'cond') {
      result = testCondition(child, target);
      returned = true;
    } else {
      stack.push(frameOf(child, target));
    }
  }
  return result;
}

/**
 * Reads a dot path (`metadata.title`, `blobs.type`) from a record; through arrays it yields every element's value.
 * The value reached at the end is returned as is, arrays included (conditions then test the array and its elements).
 * Only own properties are read; a missing or undefined property yields nothing.
 */
export function valuesAt(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) step(value, key, next);
    if (next.length === 0) return next;
    current = next;
  }
  return current;
}

function compileRegex(pattern: unknown, caseSensitive: boolean, at: string): RegExp {
  if (typeof pattern !== 'string') filterError(at, `operator "regex" needs a string pattern, got ${typeName(pattern)}`);
  if (pattern.length > MAX_REGEX_LENGTH) {
    filterError(at, `regex pattern is ${pattern.length} characters long; at most ${MAX_REGEX_LENGTH} are allowed`);
  }
  let source = pattern;
  let insensitive = !caseSensitive;
  // Python's leading inline flag, common in patterns written for the vendor's backend.
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    insensitive = true;
  }
  try {
    return new RegExp(source, insensitive ? 'i' : '');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    filterError(at, `invalid regex pattern ${show(pattern)}: ${reason}`);
  }
}

/** A filter the mock refuses: the place and the reason, in one message. */
export function filterError(at: string, message: string): never {
  throw new MockError('bad_request', `Invalid filter at ${at}: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Evaluation

function testCondition(cond: Cond, record: unknown): boolean {
  const reached = valuesAt(record, cond.field);
  const { value, caseSensitive: cs } = cond;
  const loose = cond.numericText === true;
  const same = (a: unknown, b: unknown): boolean => (loose ? sameLoosely(a, b, cs) : equal(a, b, cs));
  const order = (accept: (c: number) => boolean) => (v: unknown) => {
    const c = loose ? compareLoosely(v, value) : compare(v, value);
    return c !== undefined && accept(c);
  };
  switch (cond.operator) {
    case 'eq':
      return anyCandidate(reached, (v) => same(v, value));
    case 'ne':
      return !anyCandidate(reached, (v) => same(v, value));
    case 'in': {
      const options = Array.isArray(value) ? value : [];
      return anyCandidate(reached, (v) => options.some((o) => same(v, o)));
    }
    case 'nin': {
      const options = Array.isArray(value) ? value : [];
      return !anyCandidate(reached, (v) => options.some((o) => same(v, o)));
    }
    case 'gt':
      return anyCandidate(
        reached,
        order((c) => c > 0),
      );
    case 'gte':
      return anyCandidate(
        reached,
        order((c) => c >= 0),
      );
    case 'lt':
      return anyCandidate(
        reached,
        order((c) => c < 0),
      );
    case 'lte':
      return anyCandidate(
        reached,
        order((c) => c <= 0),
      );
    case 'contains':
      // Not expanded into elements: a string holds a substring, an array holds an element.
      return reached.some((v) => {
        if (typeof v === 'string') return typeof value === 'string' && fold(v, cs).includes(fold(value, cs));
        if (Array.isArray(v)) return v.some((e) => equal(e, value, cs));
        return false;
      });
    case 'starts_with':
      return typeof value === 'string' && anyString(reached, (s) => fold(s, cs).startsWith(fold(value, cs)));
    case 'ends_with':
      return typeof value === 'string' && anyString(reached, (s) => fold(s, cs).endsWith(fold(value, cs)));
    case 'regex': {
      let re = compiled.get(cond);
      if (re === undefined) {
        // A filter built by hand rather than by parseFilter: compile (and validate) on first use.
        re = compileRegex(value, cs, cond.field);
        compiled.set(cond, re);
      }
      const pattern = re;
      return anyString(reached, (s) => pattern.test(s));
    }
    case 'exists':
      return reached.length > 0 === (value === true);
    case 'is_null':
      return (reached.length === 0 || anyCandidate(reached, (v) => v === null)) === (value === true);
    case 'text': {
      const tokens =
        typeof value === 'string'
          ? value
              .toLowerCase()
              .split(/\s+/)
              .filter((t) => t !== '')
          : [];
      return anyString(reached, (s) => {
        const hay = s.toLowerCase();
        return tokens.every((t) => hay.includes(t));
      });
    }
    default: {
      const unknown: never = cond.operator;
      throw new MockError('bad_request', `Invalid filter: unknown operator ${show(String(unknown))}`);
    }
  }
}

/** Each reached value, and for a reached array also its elements (an array field matches by any element). */
function anyCandidate(reached: unknown[], test: (v: unknown) => boolean): boolean {
  for (const v of reached) {
    if (test(v)) return true;
    if (Array.isArray(v)) for (const e of v) if (test(e)) return true;
  }
  return false;
}

function anyString(reached: unknown[], test: (s: string) => boolean): boolean {
  return anyCandidate(reached, (v) => typeof v === 'string' && test(v));
}

function fold(s: string, caseSensitive: boolean): string {
  return caseSensitive ? s : s.toLowerCase();
}

/** Numbers numerically, strings (ISO timestamps included) lexicographically; anything else never compares (undefined). */
function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) || Number.isNaN(b) ? undefined : sign(a, b);
  if (typeof a === 'string' && typeof b === 'string') return sign(a, b);
  return undefined;
}

/** Numbers, text that reads as one included, numerically; other strings and numbers as their text; anything else never compares. */
function compareLoosely(a: unknown, b: unknown): number | undefined {
  const x = numberIn(a);
  const y = numberIn(b);
  if (x !== undefined && y !== undefined) return sign(x, y);
  if (isText(a) && isText(b)) return sign(String(a), String(b));
  return undefined;
}

/** Equality under the same rule as compareLoosely; text folded unless case-sensitive. */
function sameLoosely(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  const x = numberIn(a);
  const y = numberIn(b);
  if (x !== undefined && y !== undefined) return x === y;
  if (isText(a) && isText(b)) return equal(String(a), String(b), caseSensitive);
  return equal(a, b, caseSensitive);
}

function sign<V extends number | string>(a: V, b: V): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const isText = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';

/** A finite number, or text that reads as one (parseNumber); else undefined. */
export function numberIn(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return typeof v === 'string' ? parseNumber(v) : undefined;
}

// Stricter than Number(): refuses '', '0x10', 'Infinity' and padded text, all of which Number() accepts.
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number written plainly (`12`, `-0.5`, `1e3`, `.5`), as a finite number; undefined for anything else. */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER_RE.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** JSON deep equality, strings folded unless case-sensitive; iterative so deep values are safe. */
function equal(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    if (typeof x === 'string' && typeof y === 'string') {
      if (caseSensitive ? x !== y : x.toLowerCase() !== y.toLowerCase()) return false;
      continue;
    }
    if (x === y) continue;
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) pending.push([x[i], y[i]]);
      continue;
    }
    if (isObject(x) && isObject(y)) {
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length) return false;
      for (const k of keys) {
        if (!hasOwn(y, k)) return false;
        pending.push([x[k], y[k]]);
      }
      continue;
    }
    return false;
  }
  return true;
}

/** One path segment: arrays are walked through (iteratively, nested ones too); a numeric key also indexes an array. */
function step(value: unknown, key: string, out: unknown[]): void {
  const index = /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : undefined;
  // `tags.0`: the element at that index of the array reached so far (as MongoDB reads it).
  if (index !== undefined && Array.isArray(value) && index < value.length && value[index] !== undefined) {
    out.push(value[index]);
  }
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (Array.isArray(v[i]) || isObject(v[i])) stack.push(v[i]);
    } else if (isObject(v) && hasOwn(v, key)) {
      const found = v[key];
      if (found !== undefined) out.push(found);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Quotes user text for a message, bounded in length. */
export function show(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}
