/**
 * The core condition tree's group kinds (core/retrieval/predicate.ts): and,
 * or, not, and the two that count or pick elements, atLeast (Qdrant's
 * `min_should`) and some (an element of an array that meets several
 * conditions at once, Qdrant's `nested`).
 */
import { describe, expect, it } from 'vitest';
import { matches, type Condition } from '../src/core/retrieval/predicate.js';

const eq = (field: string, value: unknown): Condition => ({ kind: 'cond', field, operator: 'eq', value, caseSensitive: true });
const gt = (field: string, value: unknown): Condition => ({ kind: 'cond', field, operator: 'gt', value, caseSensitive: true });

const page = {
  name: 'Deployment guide',
  size: 3,
  breadcrumbs: [
    { name: 'Acme', entity_type: 'NotionWorkspaceEntity' },
    { name: 'Engineering', entity_type: 'NotionDatabaseEntity' },
  ],
};

describe('and, or, not', () => {
  it('keep their meaning, empty groups included', () => {
    expect(matches({ kind: 'and', items: [eq('name', 'Deployment guide'), gt('size', 2)] }, page)).toBe(true);
    expect(matches({ kind: 'and', items: [eq('name', 'Deployment guide'), gt('size', 3)] }, page)).toBe(false);
    expect(matches({ kind: 'or', items: [eq('name', 'x'), gt('size', 2)] }, page)).toBe(true);
    expect(matches({ kind: 'or', items: [eq('name', 'x'), gt('size', 5)] }, page)).toBe(false);
    expect(matches({ kind: 'not', items: [eq('name', 'x'), gt('size', 5)] }, page)).toBe(true);
    expect(matches({ kind: 'not', items: [eq('name', 'x'), gt('size', 2)] }, page)).toBe(false);
    expect(matches({ kind: 'and', items: [] }, page)).toBe(true);
    expect(matches({ kind: 'or', items: [] }, page)).toBe(true);
    expect(matches({ kind: 'not', items: [] }, page)).toBe(true);
  });
});

describe('atLeast', () => {
  const three = [eq('name', 'Deployment guide'), gt('size', 5), eq('breadcrumbs.name', 'Engineering')];
  it('holds when at least `min` items hold', () => {
    expect(matches({ kind: 'atLeast', min: 2, items: three }, page)).toBe(true);
    expect(matches({ kind: 'atLeast', min: 3, items: three }, page)).toBe(false);
    expect(matches({ kind: 'atLeast', min: 1, items: [gt('size', 5)] }, page)).toBe(false);
  });
  it('a minimum of 0 always holds; a minimum above the items never does', () => {
    expect(matches({ kind: 'atLeast', min: 0, items: [] }, page)).toBe(true);
    expect(matches({ kind: 'atLeast', min: 4, items: three }, page)).toBe(false);
  });
  it('nests like the other groups', () => {
    const f: Condition = {
      kind: 'and',
      items: [{ kind: 'atLeast', min: 1, items: [gt('size', 5), { kind: 'or', items: [eq('name', 'Deployment guide')] }] }, gt('size', 1)],
    };
    expect(matches(f, page)).toBe(true);
  });
});

describe('some', () => {
  it('needs one element to meet every item; separate conditions may be met by different elements', () => {
    const sameElement: Condition = { kind: 'some', field: 'breadcrumbs', items: [eq('name', 'Acme'), eq('entity_type', 'NotionDatabaseEntity')] };
    expect(matches(sameElement, page)).toBe(false);
    const apart: Condition = { kind: 'and', items: [eq('breadcrumbs.name', 'Acme'), eq('breadcrumbs.entity_type', 'NotionDatabaseEntity')] };
    expect(matches(apart, page)).toBe(true);
    expect(matches({ kind: 'some', field: 'breadcrumbs', items: [eq('name', 'Engineering'), eq('entity_type', 'NotionDatabaseEntity')] }, page)).toBe(true);
  });
  it('reads an object as its only element, and finds nothing in a missing field or an empty list', () => {
    expect(matches({ kind: 'some', field: 'breadcrumbs', items: [] }, page)).toBe(true);
    expect(matches({ kind: 'some', field: 'missing', items: [] }, page)).toBe(false);
    expect(matches({ kind: 'some', field: 'breadcrumbs', items: [] }, { breadcrumbs: [] })).toBe(false);
    expect(matches({ kind: 'some', field: 'meta', items: [eq('k', 1)] }, { meta: { k: 1 } })).toBe(true);
  });
  it('takes groups inside, evaluated against the element', () => {
    const f: Condition = {
      kind: 'some',
      field: 'breadcrumbs',
      items: [
        { kind: 'not', items: [eq('name', 'Acme')] },
        { kind: 'or', items: [eq('entity_type', 'x'), eq('entity_type', 'NotionDatabaseEntity')] },
      ],
    };
    expect(matches(f, page)).toBe(true);
  });
  it('walks a deep tree without recursion', () => {
    let f: Condition = eq('name', 'Deployment guide');
    for (let i = 0; i < 50_000; i++) f = { kind: i % 2 ? 'some' : 'atLeast', ...(i % 2 ? { field: 'self' } : { min: 1 }), items: [f] } as Condition;
    const selfish: Record<string, unknown> = { name: 'Deployment guide' };
    selfish.self = selfish;
    expect(matches(f, selfish)).toBe(true);
  });
});
