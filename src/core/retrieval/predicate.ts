/**
 * One condition tree and one evaluator for every vendor's filter language:
 * a provider parses its vendor's grammar (Mixpeek's LogicalOperator,
 * Airweave's FilterGroup, …) into a `Condition`, and the core evaluates it
 * against a plain JSON record, for lists and for the search index alike
 * (applied before ranking). The operators are the union of what the vendors
 * document; their semantics (array fields match by any element, case folding,
 * ordering of numbers and ISO strings) are written once, here.
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
  | { kind: 'cond'; field: string; operator: ConditionOperator; value: unknown; caseSensitive: boolean };

export type ConditionOperator =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'lt'
  | 'gte'
  | 'lte'
  | 'in'
  | 'nin'
  | 'contains'
  | 'starts_with'
  | 'ends_with'
  | 'regex'
  | 'exists'
  | 'is_null'
  | 'text';

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

/** Evaluates a condition tree against a record (a plain JSON object). */
export function matches(filter: Condition, record: unknown): boolean {
  if (filter.kind === 'cond') return testCondition(filter, record);
  // Explicit stack: a hand-built filter may be nested deeper than parseFilter allows.
  const stack: { node: Group; next: number }[] = [{ node: filter, next: 0 }];
  let result = true;
  let returned = false; // `result` holds the outcome of the child just finished
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { node } = frame;
    if (returned) {
      returned = false;
      // Short-circuit: AND stops at a false child, OR at a true one, NOT at a true one.
      const decisive = node.kind === 'and' ? !result : result;
      if (decisive) {
        stack.pop();
        result = node.kind === 'or';
        returned = true;
        continue;
      }
    }
    if (frame.next >= node.items.length) {
      stack.pop();
      // No decisive child: AND and NOT hold; OR holds only when it has no items (no constraint).
      result = node.kind === 'or' ? node.items.length === 0 : true;
      returned = true;
      continue;
    }
    const child = node.items[frame.next++]!;
    if (child.kind === 'cond') {
      result = testCondition(child, record);
      returned = true;
    } else {
      stack.push({ node: child, next: 0 });
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
  switch (cond.operator) {
    case 'eq':
      return anyCandidate(reached, (v) => equal(v, value, cs));
    case 'ne':
      return !anyCandidate(reached, (v) => equal(v, value, cs));
    case 'in': {
      const options = Array.isArray(value) ? value : [];
      return anyCandidate(reached, (v) => options.some((o) => equal(v, o, cs)));
    }
    case 'nin': {
      const options = Array.isArray(value) ? value : [];
      return !anyCandidate(reached, (v) => options.some((o) => equal(v, o, cs)));
    }
    case 'gt':
      return anyCandidate(reached, (v) => ordered(v, value, (c) => c > 0));
    case 'gte':
      return anyCandidate(reached, (v) => ordered(v, value, (c) => c >= 0));
    case 'lt':
      return anyCandidate(reached, (v) => ordered(v, value, (c) => c < 0));
    case 'lte':
      return anyCandidate(reached, (v) => ordered(v, value, (c) => c <= 0));
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
      return (reached.length > 0) === (value === true);
    case 'is_null':
      return (reached.length === 0 || anyCandidate(reached, (v) => v === null)) === (value === true);
    case 'text': {
      const tokens = typeof value === 'string' ? value.toLowerCase().split(/\s+/).filter((t) => t !== '') : [];
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

/** Numbers numerically, strings (ISO timestamps included) lexicographically; anything else never compares. */
function ordered(a: unknown, b: unknown, accept: (c: number) => boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    return accept(a < b ? -1 : a > b ? 1 : 0);
  }
  if (typeof a === 'string' && typeof b === 'string') return accept(a < b ? -1 : a > b ? 1 : 0);
  return false;
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
