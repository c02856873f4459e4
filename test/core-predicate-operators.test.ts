/**
 * The core condition tree's comparisons (core/retrieval/predicate.ts), as
 * every vendor's filter reaches them: orderings of numbers and strings,
 * `contains` on text and lists, `exists`, NOT over an absent field, and
 * numeric text (metadata kept as strings, which compare as numbers when both
 * sides read as numbers and as text otherwise); and xAI's filter text as the
 * condition tree it compiles to.
 */
import { describe, expect, it } from 'vitest';
import { matches, parseNumber, type Condition, type ConditionOperator } from '../src/core/retrieval/predicate.js';
import { parseFilter } from '../src/providers/xai/filter.js';

const cond = (field: string, operator: ConditionOperator, value: unknown, extra: Partial<Extract<Condition, { kind: 'cond' }>> = {}): Condition => ({
  kind: 'cond',
  field,
  operator,
  value,
  caseSensitive: true,
  ...extra,
});
const loose = (field: string, operator: ConditionOperator, value: unknown): Condition => cond(field, operator, value, { numericText: true });

describe('orderings', () => {
  it('compare numbers numerically and strings by code unit', () => {
    expect(matches(cond('n', 'gt', 9), { n: 12 })).toBe(true);
    expect(matches(cond('n', 'lt', 9), { n: 12 })).toBe(false);
    expect(matches(cond('n', 'gte', 12), { n: 12 })).toBe(true);
    expect(matches(cond('n', 'lte', 11.5), { n: 12 })).toBe(false);
    expect(matches(cond('s', 'gt', '9'), { s: '12' })).toBe(false);
    expect(matches(cond('s', 'lt', 'a'), { s: 'Z' })).toBe(true);
    expect(matches(cond('t', 'gte', '2025-01-01T00:00:00Z'), { t: '2025-06-15T12:30:00Z' })).toBe(true);
  });

  it('never compare a number with a string, nor NaN with anything, unless numeric text is asked for', () => {
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      expect(matches(cond('n', op, '5'), { n: 5 }), op).toBe(false);
      expect(matches(cond('n', op, 5), { n: Number.NaN }), op).toBe(false);
    }
    expect(matches(cond('n', 'eq', '5'), { n: 5 })).toBe(false);
  });

  it('find nothing to compare in an absent field', () => {
    for (const op of ['gt', 'gte', 'lt', 'lte', 'eq'] as const) expect(matches(cond('n', op, 1), {}), op).toBe(false);
  });
});

describe('numeric text', () => {
  it('compares as numbers when both sides read as numbers', () => {
    expect(matches(loose('year', 'eq', '2024.0'), { year: 2024 })).toBe(true);
    expect(matches(loose('year', 'eq', 2024), { year: '2024' })).toBe(true);
    expect(matches(loose('score', 'gt', '9'), { score: '12' })).toBe(true);
    expect(matches(loose('score', 'lt', '9'), { score: '7.5' })).toBe(true);
    expect(matches(loose('score', 'gte', '1e1'), { score: 10 })).toBe(true);
    expect(matches(loose('score', 'ne', '10'), { score: '10.0' })).toBe(false);
  });

  it('compares as text otherwise, case-sensitively unless asked not to', () => {
    // "high" is no number: as text, "high" > "9".
    expect(matches(loose('score', 'gt', '9'), { score: 'high' })).toBe(true);
    expect(matches(loose('type', 'eq', '10'), { type: '10-Q' })).toBe(false);
    expect(matches(loose('type', 'lt', '10-Q'), { type: '10-K' })).toBe(true);
    expect(matches(loose('type', 'eq', 'memo'), { type: 'Memo' })).toBe(false);
    expect(matches(cond('type', 'eq', 'memo', { numericText: true, caseSensitive: false }), { type: 'Memo' })).toBe(true);
    // Infinity, hex and padded text do not read as numbers.
    expect(matches(loose('n', 'eq', '16'), { n: '0x10' })).toBe(false);
    expect(matches(loose('n', 'gt', '5'), { n: ' 7' })).toBe(false);
  });

  it('holds for in and nin, and leaves values that are not text or numbers to JSON equality', () => {
    expect(matches(loose('n', 'in', ['3', '10.0']), { n: 10 })).toBe(true);
    expect(matches(loose('n', 'nin', ['3', '10.0']), { n: 10 })).toBe(false);
    expect(matches(loose('n', 'eq', { a: 1 }), { n: { a: 1 } })).toBe(true);
    expect(matches(loose('n', 'gt', '1'), { n: true })).toBe(false);
  });

  it('reads a plain decimal only', () => {
    for (const [text, n] of [
      ['12', 12],
      ['-0.5', -0.5],
      ['+3', 3],
      ['.5', 0.5],
      ['5.', 5],
      ['1e3', 1000],
    ] as const) {
      expect(parseNumber(text), text).toBe(n);
    }
    for (const text of ['', ' 1', '1 ', '0x10', 'Infinity', 'NaN', '1e999', '1..2', 'e5']) expect(parseNumber(text), text).toBeUndefined();
  });
});

describe('contains, exists and NOT', () => {
  it('contains: a substring of text (folded unless case-sensitive), an element of a list', () => {
    expect(matches(cond('name', 'contains', 'SEC', { caseSensitive: false }), { name: 'sec archive' })).toBe(true);
    expect(matches(cond('name', 'contains', 'SEC'), { name: 'sec archive' })).toBe(false);
    expect(matches(cond('tags', 'contains', 'b'), { tags: ['a', 'b'] })).toBe(true);
    expect(matches(cond('n', 'contains', '1'), { n: 10 })).toBe(false);
  });

  it('exists: whether the field holds a value (null included)', () => {
    expect(matches(cond('a', 'exists', true), { a: '' })).toBe(true);
    expect(matches(cond('a', 'exists', true), { a: null })).toBe(true);
    expect(matches(cond('a', 'exists', true), {})).toBe(false);
    expect(matches(cond('a', 'exists', false), {})).toBe(true);
  });

  it('ne holds for an absent field; asked to be present, it does not; NOT of a failed comparison holds', () => {
    const ne = cond('a', 'ne', 'x');
    expect(matches(ne, {})).toBe(true);
    const presentAndNe: Condition = { kind: 'and', items: [cond('a', 'exists', true), ne] };
    expect(matches(presentAndNe, {})).toBe(false);
    expect(matches(presentAndNe, { a: 'y' })).toBe(true);
    expect(matches({ kind: 'not', items: [cond('a', 'eq', 'x')] }, {})).toBe(true);
    expect(matches({ kind: 'not', items: [{ kind: 'not', items: [cond('a', 'eq', 'x')] }] }, { a: 'x' })).toBe(true);
  });
});

describe("xAI's filter text compiles to the core's condition tree", () => {
  it('one condition per comparison, over a view of the values it reads', () => {
    const parsed = parseFilter<{ name: string; n: number; fields: Record<string, string> }>('name:sec AND (n > 3 OR NOT fields.year != 2024)', (field) => {
      if (field === 'name') return { kind: 'substring', get: (r) => r.name };
      if (field === 'n') return { kind: 'number', get: (r) => r.n };
      return { kind: 'dynamic', get: (r) => r.fields.year };
    })!;
    expect(parsed.condition).toEqual({
      kind: 'and',
      items: [
        { kind: 'cond', field: 'v0', operator: 'contains', value: 'sec', caseSensitive: false },
        {
          kind: 'or',
          items: [
            { kind: 'cond', field: 'v1', operator: 'gt', value: 3, caseSensitive: true },
            {
              kind: 'not',
              items: [
                {
                  kind: 'and',
                  items: [
                    { kind: 'cond', field: 'v2', operator: 'exists', value: true, caseSensitive: true },
                    { kind: 'cond', field: 'v2', operator: 'ne', value: '2024', caseSensitive: true, numericText: true },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const record = { name: 'SEC filings', n: 2, fields: { year: '2024.0' } };
    expect(parsed.view(record)).toEqual({ v0: 'SEC filings', v1: 2, v2: '2024.0' });
    expect(matches(parsed.condition, parsed.view(record))).toBe(true);
    expect(parseFilter(' \t', () => undefined)).toBeUndefined();
  });
});
